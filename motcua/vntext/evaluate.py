"""Measure legacy-encoding repair on real text: ``python -m motcua.vntext.evaluate [procedures.jsonl]``.

Takes the procedure catalogue of the national portal (shared/data), and for each text
field and each encoding checks two things:

- untouched: the correct Unicode field, repaired, must come back identical;
- recovered: the field written in the legacy encoding and read back through cp1252 (the
  mojibake an old file shows), repaired, must equal the original. TCVN3 cannot write
  toned capitals, so for it the comparison ignores case.

With ``--viparse`` the same cases also go through ``viparse.fix`` (if installed), which is
how the decision recorded in docs/vntext.md was measured.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .charsets import ENCODINGS, decode_cp1252, encode
from .legacy import repair
from .normalize import nfc

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tthc-national-portal" / "procedures.jsonl"
FIELDS = ("ten_thu_tuc", "linh_vuc", "co_quan_co_tham_quyen", "doi_tuong_thuc_hien", "trinh_tu_thuc_hien")


def samples(path: Path, limit: int) -> list[str]:
    """Distinct field values (long ones cut at a line end near 600 characters), NFC."""
    seen: dict[str, None] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for field in FIELDS:
                value = nfc(record.get(field) or "").strip()
                if len(value) > 600:
                    value = value[: value.rfind("\n", 0, 600) if "\n" in value[:600] else 600]
                if value and not value.isascii():
                    seen.setdefault(value, None)
            if len(seen) >= limit:
                break
    return list(seen)[:limit]


def legacy_form(text: str, encoding: str) -> str | None:
    """``text`` as its legacy bytes read through cp1252, or None if it has a character the encoding lacks."""
    try:
        return decode_cp1252(encode(text, encoding))
    except ValueError:
        return None


def evaluate(texts: list[str], fix: Callable[[str], str]) -> dict[str, list[int] | float]:
    untouched = [0, 0]
    result: dict[str, list[int] | float] = {"untouched": untouched}
    started = time.perf_counter()
    for text in texts:
        untouched[1] += 1
        untouched[0] += fix(text) == text
    for encoding in ENCODINGS:
        ok = total = 0
        for text in texts:
            garbled = legacy_form(text, encoding)
            if garbled is None:
                continue
            total += 1
            fixed = nfc(fix(garbled))
            ok += (fixed.lower() == text.lower()) if encoding == "tcvn3" else (fixed == text)
        result[encoding] = [ok, total]
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--viparse", action="store_true", help="also measure viparse.fix")
    args = parser.parse_args(argv)
    texts = samples(args.path, args.limit)
    report = {"samples": len(texts), "motcua.vntext": evaluate(texts, repair)}
    if args.viparse:
        import viparse

        report["viparse " + viparse.__version__] = evaluate(texts, viparse.fix)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
