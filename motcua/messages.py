"""Compile the gettext catalogues (.po → .mo) without GNU gettext, so a fresh machine needs nothing extra.

`python -m motcua.messages` is run by `make install`; the test session runs it too.
"""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent / "locale"


def compile_all() -> list[Path]:
    compiled = []
    for po_path in LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled.append(mo_path)
    return compiled


if __name__ == "__main__":
    compile_all()
