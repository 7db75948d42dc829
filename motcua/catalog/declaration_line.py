"""The line of a version's required-documents list that its e-form (tờ khai điện tử) replaces.

Split from `conditions.py` (issue 13): the importer asks it once per version, apart from reading the lines' kinds.
Pure: no Django, no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .condition_words import normalize, strip_lead

_DECLARATION = re.compile(r"^(?:mau )?(?:to khai|don (?:de nghi|dang ky|yeu cau|xin))")


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFD", normalize(text).lower().replace("đ", "d"))
    return "".join(char for char in text if unicodedata.category(char) != "Mn")


def declaration_index(names: Sequence[str], previous: str = "") -> int | None:
    """Which line a version's e-form (tờ khai điện tử) replaces: the line named like the one the previous version
    marked, else the first line that is a tờ khai or an application (đơn đề nghị, đơn đăng ký …), else None."""
    folded = [strip_lead(_folded(name)) for name in names]
    if previous:
        wanted = strip_lead(_folded(previous))
        for index, name in enumerate(folded):
            if name == wanted:
                return index
    return next((index for index, name in enumerate(folded) if _DECLARATION.match(name)), None)
