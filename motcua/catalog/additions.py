"""The side file: what the national portal's format lacks, per procedure code (e-form schema, fees per channel,
online level, agencies, the declaration line an e-form replaces, no time limit), read and checked before anything
is imported (docs/catalog.md, "Side file"); the importer applies it.

Split from `portal_format.py` (issue 13): the portal's records and this file are two formats, read separately.
Pure: no Django, no database.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from .portal_tables import CHANNELS

# What the portal's format lacks, per procedure code (docs/catalog.md, "Side file"); the importer applies it.
ADDITION_KEYS = ("agencies", "online_level", "form_schema", "declaration", "fees", "no_time_limit")
FEE_KEYS = ("kind", "amount", "text", "per")
FEE_KINDS = ("phi", "le_phi", "other")
ONLINE_LEVELS = ("full", "partial", "none")
CHANNEL_KINDS = tuple(CHANNELS.values())


class AdditionsError(ValueError):
    """The side file is not what `read_additions` reads (message: Vietnamese, one line)."""


def read_additions(path: Path) -> dict[str, dict]:
    """The side file's entries by procedure code, checked: `{"procedures": {"1.001193": {...}, ...}}`, each entry
    with any of ADDITION_KEYS (docs/catalog.md, "Side file"). AdditionsError names the first fault."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AdditionsError(f"Tệp bổ sung {path}: không đọc được JSON ({exc}).") from None
    entries = data.get("procedures") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise AdditionsError(f'Tệp bổ sung {path}: cần một đối tượng {{"procedures": {{"mã thủ tục": {{…}}}}}}.')
    for code, entry in entries.items():
        _check_addition(code, entry)
    return entries


def _check_addition(code: str, entry) -> None:
    def fault(what: str):
        raise AdditionsError(f"Tệp bổ sung, thủ tục {code}: {what}.")

    if not isinstance(entry, dict):
        fault("cần một đối tượng JSON")
    if unknown := sorted(set(entry) - set(ADDITION_KEYS)):
        fault(f"khóa không dùng được: {', '.join(unknown)} (dùng được: {', '.join(ADDITION_KEYS)})")
    agencies = entry.get("agencies", [])
    if not isinstance(agencies, list) or not all(isinstance(item, str) and item for item in agencies):
        fault("agencies là danh sách mã cơ quan")
    if "online_level" in entry and entry["online_level"] not in ONLINE_LEVELS:
        fault(f"online_level là một trong {', '.join(ONLINE_LEVELS)}")
    if "no_time_limit" in entry and not isinstance(entry["no_time_limit"], bool):
        fault("no_time_limit là true hoặc false")
    schema = entry.get("form_schema")
    if schema is not None:
        if (
            not isinstance(schema, dict)
            or schema.get("type") != "object"
            or not isinstance(schema.get("properties"), dict)
        ):
            fault("form_schema là JSON Schema của một đối tượng (type object, properties)")
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            fault(f"form_schema không hợp lệ: {exc.message}")
    if "declaration" in entry and not (
        entry["declaration"] is None
        or (isinstance(entry["declaration"], str) and entry["declaration"].strip() and schema is not None)
    ):
        fault("declaration là tên dòng tờ khai mà form_schema thay thế (hoặc null), cần có form_schema")
    fees = entry.get("fees", {})
    if not isinstance(fees, dict) or not all(isinstance(lines, list) for lines in fees.values()):
        fault('fees là {"direct" | "online" | "postal" | "*": [dòng phí, …]}')
    for channel, lines in fees.items():
        if channel != "*" and channel not in CHANNEL_KINDS:
            fault(f"fees: “{channel}” không phải hình thức nộp (direct, online, postal, hoặc * cho mọi hình thức)")
        for line in lines:
            amount = line.get("amount") if isinstance(line, dict) else None
            if (
                not isinstance(line, dict)
                or set(line) - set(FEE_KEYS)
                or line.get("kind") not in FEE_KINDS
                or not isinstance(line.get("text"), str)
                or not (amount is None or (type(amount) is int and amount >= 0))
            ):
                fault("fees: một dòng phí là {kind: phi | le_phi | other, amount: số đồng hoặc null, text, per}")
            per = line.get("per")
            if per is not None and ((schema or {}).get("properties", {}).get(per) or {}).get("type") != "integer":
                fault(f"fees: “per”: “{per}” phải là một trường số nguyên của form_schema")
