"""The PAKN transition table: which action may run in which status, and the status it leads to (None: unchanged).

Shaped like motcua.dossiers.transitions; `lifecycle` is the only module that moves a PAKN along it, and
`permissions` says who may take each officials' action.

    received ─classify→ classified ─answer→ answered ─publish→ published
    received, classified, supplemented ─request_supplement→ supplement_requested ─(sender) supplement→ supplemented
    received, supplement_requested, supplemented, classified ─refuse→ refused
                                                              ─transfer→ transferred ─answer→ answered
"""

from .models import Feedback

S = Feedback.Status


class FeedbackError(ValueError):
    """Thao tác không hợp lệ với trạng thái hiện tại của PAKN."""


TABLE: dict[str, tuple[set[str], str | None]] = {
    "classify": ({S.RECEIVED, S.SUPPLEMENT, S.SUPPLEMENTED}, S.CLASSIFIED),
    "refuse": ({S.RECEIVED, S.SUPPLEMENT, S.SUPPLEMENTED, S.CLASSIFIED}, S.REFUSED),
    "request_supplement": ({S.RECEIVED, S.CLASSIFIED, S.SUPPLEMENTED}, S.SUPPLEMENT),
    "transfer": ({S.RECEIVED, S.SUPPLEMENT, S.SUPPLEMENTED, S.CLASSIFIED, S.TRANSFERRED}, S.TRANSFERRED),
    "answer": ({S.CLASSIFIED, S.TRANSFERRED}, S.ANSWERED),
    "publish": ({S.ANSWERED}, S.PUBLISHED),
}
# The sender's actions: checked by code + phone instead of a role, and refused in words the sender reads.
SENDER_TABLE: dict[str, tuple[set[str], str | None]] = {
    "supplement": ({S.SUPPLEMENT}, S.SUPPLEMENTED),
    "rate": ({S.ANSWERED, S.PUBLISHED}, None),
}
SENDER_REFUSALS = {
    "supplement": "PAKN này không có đề nghị bổ sung thông tin nào đang chờ.",
    "rate": "Chỉ đánh giá được khi PAKN đã có kết quả trả lời.",
}
# While one of these lasts, the answer clock runs (from submission or the last transfer).
ANSWER_CLOCK_RUNS = [S.RECEIVED, S.CLASSIFIED, S.SUPPLEMENT, S.SUPPLEMENTED, S.TRANSFERRED]

LABELS = {
    "classify": "Phân loại",
    "refuse": "Không tiếp nhận",
    "request_supplement": "Đề nghị bổ sung thông tin",
    "transfer": "Chuyển cơ quan có thẩm quyền",
    "answer": "Trả lời (kết quả xử lý)",
    "publish": "Công khai kết quả",
}
# What each event kind is called where people read the history (officials' page, the sender's tracking page).
EVENT_LABELS = {
    "submitted": "Gửi phản ánh, kiến nghị",
    "classified": "Phân loại",
    "refused": "Không tiếp nhận",
    "supplement_requested": "Đề nghị bổ sung thông tin",
    "supplemented": "Người gửi bổ sung thông tin",
    "transferred": "Chuyển cơ quan có thẩm quyền",
    "answered": "Có kết quả xử lý",
    "published": "Công khai kết quả",
    "rated": "Người gửi đánh giá",
}


def allowed(action: str, status: str) -> bool:
    return status in TABLE[action][0]


def require(action: str, status: str) -> str | None:
    """The status `action` leads to from `status` (None: unchanged); FeedbackError when it may not run there."""
    sources, target = {**TABLE, **SENDER_TABLE}[action]
    if status in sources:
        return target
    raise FeedbackError(
        SENDER_REFUSALS.get(action)
        or f"Không thể {LABELS[action].lower()} khi PAKN đang ở trạng thái “{S(status).label}”."
    )
