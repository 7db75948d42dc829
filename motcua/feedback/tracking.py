"""The sender finds their PAKN by its code and their phone number (the tracking page, the supplement and the
rating): the same "not found" whichever of the two is wrong, so a code's existence is not revealed."""

import re

from motcua.vntext.validators import normalize_phone

from .models import Feedback

NOT_FOUND = "Không tìm thấy PAKN khớp với mã và số điện thoại đã nhập."


def find_for_sender(code: str, phone: str) -> Feedback | None:
    """The PAKN with this code whose sender's phone is `phone`; None whichever of the two is wrong."""
    fb = (
        Feedback.objects.select_related("receiving_agency", "transferred_to", "answered_by")
        .filter(code=re.sub(r"\s+", "", code or "").upper())
        .first()
    )
    phone = normalize_phone(phone)
    return fb if fb and phone and normalize_phone(fb.sender_phone) == phone else None
