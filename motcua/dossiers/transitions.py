"""The transition table: which action may run in which state, and the state it leads to (None: unchanged)."""

from .states import State as S

OPEN_WORK = {S.RECEIVED, S.IN_PROGRESS}
BEFORE_RESULT = {
    S.RECEIVED,
    S.IN_PROGRESS,
    S.SUPPLEMENT_REQUESTED,
    S.AWAITING_PAYMENT,
    S.AWAITING_APPROVAL,
    S.APPROVED,
    S.AWAITING_SIGNATURE,
    S.AWAITING_SEAL,
}

TABLE: dict[str, tuple[set[str], str | None]] = {
    "receive": ({S.SUBMITTED, S.DESK_SUPPLEMENT}, S.RECEIVED),
    "desk_supplement": ({S.SUBMITTED, S.DESK_SUPPLEMENT}, S.DESK_SUPPLEMENT),
    "desk_refuse": ({S.SUBMITTED, S.DESK_SUPPLEMENT}, S.REJECTED_AT_DESK),
    "answer_desk_supplement": ({S.DESK_SUPPLEMENT}, S.SUBMITTED),
    "assign": (OPEN_WORK, S.IN_PROGRESS),
    "request_supplement": (OPEN_WORK, S.SUPPLEMENT_REQUESTED),
    "resubmit": ({S.SUPPLEMENT_REQUESTED}, S.IN_PROGRESS),
    "forward": (OPEN_WORK, S.IN_PROGRESS),
    "complete_step": ({S.IN_PROGRESS}, None),
    "consult": (OPEN_WORK, S.IN_PROGRESS),
    "answer_consultation": ({S.IN_PROGRESS, S.AWAITING_PAYMENT}, None),
    "request_payment": (OPEN_WORK, S.AWAITING_PAYMENT),
    "confirm_payment": ({S.AWAITING_PAYMENT}, S.IN_PROGRESS),
    "submit_for_approval": (OPEN_WORK, S.AWAITING_APPROVAL),
    "approve": ({S.AWAITING_APPROVAL}, S.APPROVED),
    # the leader may also send back a result waiting for their signature, when its draft is wrong
    "return_for_rework": ({S.AWAITING_APPROVAL, S.AWAITING_SIGNATURE}, S.IN_PROGRESS),
    "refuse": ({S.RECEIVED, S.IN_PROGRESS, S.AWAITING_APPROVAL, S.APPROVED, S.AWAITING_SIGNATURE}, S.REFUSED),
    # the result on paper, signed by hand and sealed, its scan uploaded (a card, a certificate printed on security
    # paper); an electronic result goes through the signing step instead (lifecycle/signing.py)
    "issue_result": ({S.APPROVED}, S.ISSUED),
    "send_for_signing": ({S.APPROVED}, S.AWAITING_SIGNATURE),
    "sign": ({S.AWAITING_SIGNATURE}, None),  # the signature is asked for; the signing task moves the state
    "seal": ({S.AWAITING_SEAL}, None),
    "extend": (BEFORE_RESULT, None),
    "return_result": ({S.ISSUED, S.REFUSED}, S.RETURNED),
    "stop": (BEFORE_RESULT, S.STOPPED),
    "withdraw": ({S.SUBMITTED, S.DESK_SUPPLEMENT} | BEFORE_RESULT, S.WITHDRAWN),
}
# Actions no user takes (a verified external system's callback): no permission rule, no API endpoint.
# record_online_payment leaves the state alone, except AWAITING_PAYMENT → IN_PROGRESS (lifecycle/payments.py).
SYSTEM_TABLE: dict[str, tuple[set[str], str | None]] = {
    "record_online_payment": ({S.SUBMITTED, S.DESK_SUPPLEMENT} | BEFORE_RESULT, None),
    # the signing task's outcome: the leader's signature (→ chờ đóng dấu), the seal (→ đã có kết quả), or a failure
    "record_signature": ({S.AWAITING_SIGNATURE, S.AWAITING_SEAL}, None),
}

ACTION_LABELS = {
    "receive": "Tiếp nhận hồ sơ",
    "desk_supplement": "Yêu cầu bổ sung (chưa tiếp nhận)",
    "desk_refuse": "Từ chối tiếp nhận",
    "answer_desk_supplement": "Bổ sung hồ sơ (trước tiếp nhận)",
    "assign": "Phân công xử lý",
    "request_supplement": "Yêu cầu bổ sung",
    "resubmit": "Nhận hồ sơ đã bổ sung",
    "forward": "Chuyển liên thông",
    "complete_step": "Hoàn thành phần việc",
    "consult": "Lấy ý kiến",
    "answer_consultation": "Trả lời xin ý kiến",
    "request_payment": "Yêu cầu nộp phí",
    "confirm_payment": "Xác nhận đã nộp phí",
    "submit_for_approval": "Trình phê duyệt",
    "approve": "Phê duyệt",
    "return_for_rework": "Trả lại để xử lý lại",
    "refuse": "Từ chối giải quyết",
    "issue_result": "Ban hành kết quả giấy (đã ký tay, đóng dấu)",
    "send_for_signing": "Trình ký kết quả",
    "sign": "Ký số kết quả",
    "seal": "Đóng dấu số, ban hành",
    "extend": "Gia hạn (xin lỗi)",
    "return_result": "Trả kết quả",
    "stop": "Dừng giải quyết",
    "withdraw": "Rút hồ sơ",
    "record_online_payment": "Ghi nhận phí nộp trực tuyến",
    "record_signature": "Ghi nhận chữ ký số",
}

# What each event kind is called where people read the history (office timeline, public tracking).
EVENT_LABELS = {
    "registered": "Đăng ký hồ sơ",
    "received": "Tiếp nhận",
    "desk_supplement": "Yêu cầu bổ sung (tại quầy)",
    "desk_refused": "Từ chối tiếp nhận",
    "desk_supplement_answered": "Đã bổ sung hồ sơ (chờ tiếp nhận)",
    "assigned": "Phân công",
    "supplement_requested": "Yêu cầu bổ sung",
    "resubmitted": "Nhận hồ sơ bổ sung",
    "forwarded": "Chuyển liên thông",
    "step_completed": "Hoàn thành phần việc",
    "consulted": "Xin ý kiến",
    "consultation_answered": "Trả lời xin ý kiến",
    "payment_requested": "Yêu cầu nộp phí",
    "payment_confirmed": "Đã nộp phí",
    "submitted_for_approval": "Trình phê duyệt",
    "approved": "Phê duyệt",
    "returned_for_rework": "Trả lại để xử lý lại",
    "result_issued": "Ban hành kết quả",
    "sent_for_signing": "Trình ký kết quả",
    "result_signed": "Lãnh đạo đã ký số",
    "signing_failed": "Ký số không thành công",
    "refused": "Từ chối giải quyết",
    "extended": "Gia hạn, xin lỗi",
    "returned": "Trả kết quả",
    "stopped": "Dừng giải quyết",
    "withdrawn": "Rút hồ sơ",
}


class TransitionError(ValueError):
    """The action is not allowed in the dossier's current state."""


def allowed(action: str, state: str) -> bool:
    return state in TABLE[action][0]


def require(action: str, state: str) -> str | None:
    sources, target = TABLE[action] if action in TABLE else SYSTEM_TABLE[action]
    if state not in sources:
        from .states import State

        raise TransitionError(
            f"Không thể “{ACTION_LABELS[action].lower()}” khi hồ sơ đang ở trạng thái “{State(state).label}”."
        )
    return target
