"""The parts every API input is made of: the `Input` base (Vietnamese messages, `perform`), fields that take only the
JSON type the schema states, rows named by code or username, uploaded files checked and paired with their
required-document lines, and the request bodies and parsers a view documents.

Split from `actions.py` (issue 13): the lifecycle actions there and the registration in `registration.py` are built
of these; neither should have to import the other.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.utils import html

from motcua.accounts.models import User
from motcua.agencies.models import Agency

from .. import files
from .errors import vietnamese


# Base of every input: Vietnamese messages on every field; `perform` runs the action. (A comment, not a docstring:
# drf-spectacular would print a docstring as the description of every request body.)
class Input(serializers.Serializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = "Dữ liệu không hợp lệ: cần một đối tượng JSON (nhận được {datatype})."
        for field in self.fields.values():
            vietnamese(field)

    def perform(self, dossier, actor):
        raise NotImplementedError


class BySlug(serializers.SlugRelatedField):
    """A row named by its code or username. A text with a NUL character names none (PostgreSQL refused to look it
    up: a 500 before this check)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", "\\x00"))
        return super().to_internal_value(data)


def agency_field(**kwargs):
    return BySlug(slug_field="code", queryset=Agency.objects.filter(is_active=True), **kwargs)


def staff_field(**kwargs):
    return BySlug(slug_field="username", **kwargs, queryset=User.objects.filter(kind=User.Kind.STAFF, is_active=True))


def sent_as_json(field) -> bool:
    """Whether the body was JSON rather than a multipart form (where every value arrives as text)."""
    return not html.is_html_input(getattr(field.root, "initial_data", None))


class JsonTyped:
    """A JSON value must have the type the schema states: DRF alone takes 5 for a text, "5" or 5.0 for an integer
    and "yes" for a boolean. Multipart values are text by nature and are read as before."""

    def json_type_ok(self, value) -> bool:
        raise NotImplementedError

    def to_internal_value(self, data):
        if sent_as_json(self) and not self.json_type_ok(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class Text(JsonTyped, serializers.CharField):
    def json_type_ok(self, value) -> bool:
        return isinstance(value, str)

    def run_validation(self, data=empty):
        # the schema's maxLength counts what was sent; DRF trims first, and took 2,001 characters starting with a
        # line break (schemathesis found it)
        if isinstance(data, str) and self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().run_validation(data)


class Integer(JsonTyped, serializers.IntegerField):
    def json_type_ok(self, value) -> bool:  # 5.0 is an integer to JSON Schema too
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)


class Boolean(JsonTyped, serializers.BooleanField):
    def json_type_ok(self, value) -> bool:
        return isinstance(value, bool)


def text(max_length=2000, **kwargs):
    return Text(max_length=max_length, allow_blank=True, trim_whitespace=True, **kwargs)


@extend_schema_field({"type": "string", "pattern": r"\S", "maxLength": 2000})
class Said(Text):
    """Text the lifecycle requires to say something (a reason, a question): the schema says so (a character that is
    not a space), while a blank value still reaches the lifecycle, whose message names what is missing."""

    def __init__(self, **kwargs):
        super().__init__(max_length=2000, trim_whitespace=True, **kwargs)

    def run_validation(self, data=empty):
        if isinstance(data, str) and not data.strip():
            return ""
        return super().run_validation(data)


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "binary"}})
class Uploads(serializers.ListField):
    """Files of a multipart/form-data body (the schema said `uri` strings before: a file is binary)."""


def upload_list(help_text: str):
    return Uploads(child=serializers.FileField(max_length=200), default=list, help_text=help_text)


def carries_files(serializer: type[Input]) -> bool:
    return "files" in serializer._declared_fields


def request_schema(serializer: type[Input]):
    """The request bodies a view documents: JSON, and for an input that carries files also multipart/form-data,
    where the files are; the JSON body has no `files` nor `file_lines` (JSON cannot carry a file)."""
    if not carries_files(serializer):
        return serializer
    as_json = type(
        f"{serializer.__name__}Json",
        (serializer,),
        {"files": None, "file_lines": None, "__module__": serializer.__module__},
    )
    return {"application/json": as_json, "multipart/form-data": serializer}


def parsers(serializer: type[Input]) -> list:
    return [JSONParser, MultiPartParser] if carries_files(serializer) else [JSONParser]


def check_uploads(uploads) -> list:
    """Type (by content: PDF, JPEG, PNG) and size of each file, before the action stores anything."""
    for upload in uploads:
        try:
            files.read_checked(upload, f"Tệp “{upload.name}”")
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None
        finally:
            upload.seek(0)
    return uploads


def pair_with_lines(version, uploads: list, line_ids: list[int]) -> list[tuple]:
    """(required-document line, file) pairs: `file_lines[i]` names the line of `files[i]`."""
    if len(line_ids) != len(uploads):
        raise serializers.ValidationError(
            {
                "file_lines": [
                    "Mỗi tệp cần đúng một mã thành phần hồ sơ: file_lines "
                    "phải có cùng số phần tử và cùng thứ tự với files."
                ]
            }
        )
    wanted = set(line_ids)  # from the version's lines, which the caller may have loaded already
    lines = {line.pk: line for line in version.documents.all() if line.pk in wanted}
    unknown = [str(pk) for pk in line_ids if pk not in lines]
    if unknown:
        raise serializers.ValidationError(
            {"file_lines": [f"Thành phần hồ sơ {', '.join(unknown)} không thuộc thủ tục (phiên bản) của hồ sơ này."]}
        )
    return [(lines[pk], upload) for pk, upload in zip(line_ids, uploads, strict=True)]


def reasons_field():
    return serializers.DictField(
        child=text(500),
        required=False,
        default=dict,
        help_text='Lý do không áp dụng, theo mã thành phần hồ sơ ({"12": "…"}): bắt buộc với giấy tờ danh mục ghi là '
        "bắt buộc",
    )
