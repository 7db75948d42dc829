"""E-forms (tờ khai điện tử) generated from the JSON Schema stored with a procedure version.

A small renderer for the shapes procedure forms need (text, long text, date, e-mail, choice, number, yes/no), and
validation with `jsonschema` whose messages are said again in Vietnamese, field by field.
"""

import datetime as dt

from jsonschema import Draft202012Validator, FormatChecker

from motcua.vntext import formats

GENERIC = {
    "type": "object",
    "properties": {
        "noi_dung": {
            "type": "string",
            "title": "Nội dung yêu cầu giải quyết",
            "maxLength": 2000,
            "x-widget": "textarea",
        }
    },
    "required": ["noi_dung"],
}


def schema_for(version) -> dict:
    return version.form_schema or GENERIC


def _kind(spec: dict) -> str:
    if "enum" in spec:
        return "select"
    if spec.get("type") == "boolean":
        return "checkbox"
    if spec.get("type") == "integer":
        return "number"
    if spec.get("format") in ("date", "email"):
        return spec["format"]
    return "textarea" if spec.get("x-widget") == "textarea" else "text"


def fields(schema: dict, data: dict, errors: dict | None = None) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "title": spec.get("title", name),
            "kind": _kind(spec),
            "value": _shown(spec, data.get(name, "")),
            "required": name in required,
            "options": spec.get("enum", []),
            "help": spec.get("description", ""),
            "error": (errors or {}).get(name, ""),
            "max": spec.get("maxLength") or spec.get("maximum"),
            "min": spec.get("minimum"),
        }
        for name, spec in schema.get("properties", {}).items()
    ]


def _shown(spec: dict, value):
    """A value as the form shows it: a date day first (05/03/2026)."""
    if spec.get("format") == "date" and value:
        day = formats.parse_date(value)
        return formats.date(day) if day else value
    return value


def coerce(schema: dict, values) -> dict:
    """Form values (a QueryDict or dict of strings) into the JSON the schema describes; empty values left out."""
    data = {}
    for name, spec in schema.get("properties", {}).items():
        raw = values.get(name)
        if spec.get("type") == "boolean":
            data[name] = raw in ("on", "true", "1", True)
            continue
        if raw is None or str(raw).strip() == "":
            continue
        raw = str(raw).strip()
        if spec.get("format") == "date":  # typed day first (05/03/2026), kept as the schema's ISO date
            day = formats.parse_date(raw)
            data[name] = day.isoformat() if day else raw  # left as typed so validation names the field
            continue
        if spec.get("type") == "integer":
            try:
                data[name] = int(raw)
            except ValueError:
                data[name] = raw  # left as text so validation names the field
            continue
        data[name] = raw
    return data


def _message(error) -> str:
    spec = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        return "Bắt buộc nhập."
    if error.validator == "maxLength":
        return f"Tối đa {error.validator_value} ký tự."
    if error.validator == "minimum":
        return f"Tối thiểu {error.validator_value}."
    if error.validator == "maximum":
        return f"Tối đa {error.validator_value}."
    if error.validator == "enum":
        return "Chọn một giá trị trong danh sách."
    if error.validator == "format" and error.validator_value == "date":
        return "Ngày không hợp lệ."
    if error.validator == "format" and error.validator_value == "email":
        return "Thư điện tử không hợp lệ."
    if error.validator == "type":
        return "Giá trị không hợp lệ (phải là số)." if spec.get("type") == "integer" else "Giá trị không hợp lệ."
    return spec.get("x-error") or "Không đúng định dạng."


def validate(schema: dict, data: dict) -> dict[str, str]:
    """{field: Vietnamese message} for every problem, empty when the data fits the schema."""
    errors = {}
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for error in validator.iter_errors(data):
        if error.validator == "required":
            field = error.message.split("'")[1]
        else:
            field = error.path[0] if error.path else "__all__"
        errors.setdefault(field, _message(error))
    for name, spec in schema.get("properties", {}).items():
        if spec.get("format") == "date" and name in data and name not in errors:
            try:
                if dt.date.fromisoformat(str(data[name])) > dt.date.today() and spec.get("x-past", True):
                    errors[name] = "Ngày không được sau hôm nay."
            except ValueError:
                errors[name] = "Ngày không hợp lệ."
    return errors
