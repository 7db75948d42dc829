"""Kiểm tra kết quả (issue 17): every result this system issues is registered by a code and by its SHA-256, so that
anyone holding it can check it on the public page (portal/result_check.py).

A result signed here gets its code when it is sent for signing: the code and a QR of the page's address are
written into the PDF with the number, before the first signature, so they are covered by both. Its SHA-256 is
recorded when the seal makes it the result. A result issued on paper and uploaded, or signed elsewhere, is
registered by its hash when it is issued (its code is not printed on it)."""

import re
import secrets

from django.conf import settings

from .models import ResultCheck

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread from paper
CODE = re.compile(r"\b([A-HJ-NP-Z2-9]{4})-([A-HJ-NP-Z2-9]{4})-([A-HJ-NP-Z2-9]{4})\b")
PATH = "/kiem-tra-ket-qua/"


def new_code() -> str:
    letters = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def page_url(code: str = "") -> str:
    """The public page's address (with the code: what the QR holds)."""
    return f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}{PATH}" + (f"?ma={code}" if code else "")


def register(dossier, title: str, *, sha256: str = "", issued_at=None) -> ResultCheck:
    return ResultCheck.objects.create(
        code=new_code(),
        sha256=sha256,
        dossier_id=dossier.pk,
        receiving_agency_id=dossier.receiving_agency_id,
        dossier_code=dossier.code,
        title=title[:500],
        issuer=dossier.processing_agency.name,
        procedure=dossier.procedure_version.name[:500],
        issued_at=issued_at,
    )


def issued(code: str, sha256: str, at) -> None:
    ResultCheck.objects.filter(code=code).update(sha256=sha256, issued_at=at)


def normalised(text: str) -> str | None:
    """A code as typed or read from paper (lower case, spaces, no dashes), or None."""
    letters = re.sub(r"[\s-]", "", (text or "").upper())
    if len(letters) != 12 or any(c not in ALPHABET for c in letters):
        return None
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def by_code(text: str) -> ResultCheck | None:
    code = normalised(text)
    return ResultCheck.objects.filter(code=code).first() if code else None


def code_in(pdf_text: str) -> str | None:
    found = CODE.search(pdf_text or "")
    return "-".join(found.groups()) if found else None
