"""Dossier states and how they map onto the national portal's status codes 1-10 (DOMAIN.md 1.11)."""

from django.db import models


class State(models.TextChoices):
    SUBMITTED = "submitted", "Mới đăng ký"
    DESK_SUPPLEMENT = "desk_supplement", "Chờ bổ sung (chưa tiếp nhận)"
    REJECTED_AT_DESK = "rejected_at_desk", "Từ chối tiếp nhận"
    RECEIVED = "received", "Đã tiếp nhận"
    IN_PROGRESS = "in_progress", "Đang xử lý"
    SUPPLEMENT_REQUESTED = "supplement", "Yêu cầu bổ sung"
    AWAITING_PAYMENT = "awaiting_payment", "Chờ thực hiện nghĩa vụ tài chính"
    AWAITING_APPROVAL = "awaiting_approval", "Chờ phê duyệt"
    APPROVED = "approved", "Đã phê duyệt"
    AWAITING_SIGNATURE = "awaiting_signature", "Chờ ký"
    AWAITING_SEAL = "awaiting_seal", "Chờ đóng dấu, ban hành"
    ISSUED = "issued", "Đã có kết quả"
    REFUSED = "refused", "Từ chối giải quyết"
    RETURNED = "returned", "Đã trả kết quả"
    STOPPED = "stopped", "Dừng xử lý"
    WITHDRAWN = "withdrawn", "Công dân rút hồ sơ"


NATIONAL_STATUS = {
    State.SUBMITTED: 1,
    State.DESK_SUPPLEMENT: 5,
    State.REJECTED_AT_DESK: 3,
    State.RECEIVED: 2,
    State.IN_PROGRESS: 4,
    State.SUPPLEMENT_REQUESTED: 5,
    State.AWAITING_PAYMENT: 6,
    State.AWAITING_APPROVAL: 4,
    State.APPROVED: 4,
    State.AWAITING_SIGNATURE: 4,
    State.AWAITING_SEAL: 4,
    State.ISSUED: 9,
    State.REFUSED: 8,
    State.RETURNED: 10,
    State.STOPPED: 8,
    State.WITHDRAWN: 7,
}
NATIONAL_LABELS = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}

# The clock runs (legal deadline) in these states; finished states stop it for good.
OPEN = {
    State.RECEIVED,
    State.IN_PROGRESS,
    State.SUPPLEMENT_REQUESTED,
    State.AWAITING_PAYMENT,
    State.AWAITING_APPROVAL,
    State.APPROVED,
    State.AWAITING_SIGNATURE,
    State.AWAITING_SEAL,
}
FINISHED = {State.ISSUED, State.REFUSED, State.RETURNED, State.STOPPED, State.WITHDRAWN, State.REJECTED_AT_DESK}
NOT_RECEIVED = {State.SUBMITTED, State.DESK_SUPPLEMENT}


class Channel(models.TextChoices):
    """KenhThucHien of the national portal: 1 direct, 2 online, 3 postal."""

    DIRECT = "direct", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    POSTAL = "postal", "Bưu chính công ích"


class PaymentStatus(models.TextChoices):
    NONE = "none", "Không phải nộp"
    PENDING = "pending", "Chờ nộp"
    PAID = "paid", "Đã nộp"
    PAID_ONLINE = "paid_online", "Đã nộp trực tuyến"


class DeliveryStatus(models.TextChoices):
    NOT_READY = "not_ready", "Chưa có kết quả"
    READY = "ready", "Chờ trả kết quả"
    AT_DESK = "at_desk", "Đã trả tại Bộ phận Một cửa"
    BY_POST = "by_post", "Đã gửi qua bưu chính"
    ONLINE = "online", "Đã trả trực tuyến"


class Outcome(models.TextChoices):
    """Kết quả của một bước hay của cả hồ sơ: trước hạn / đúng hạn / quá hạn (form 06)."""

    EARLY = "early", "Trước hạn"
    ON_TIME = "on_time", "Đúng hạn"
    LATE = "late", "Quá hạn"
