"""What the submission scenario of `motcua bench run` needs: a published procedure every bench agency receives
online (one required document, fee-free, so that one small PDF makes the dossier complete), the multipart body a
citizen's app sends, and the SQL statements one create + receive really runs, captured from the real code path
(DRF's client in this process), for pgbench to run as the database's own limit (`limits.pgbench_script`)."""

import uuid
from dataclasses import dataclass

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from motcua.catalog import versions
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, RequiredDocument

CODE = "BENCH.000001"
NAME = "Thủ tục đo tốc độ (dữ liệu thử)"


def one_page_pdf() -> bytes:
    """A blank A4 page, well formed (cross-reference table and all), as `files.read_checked` wants: 300 bytes."""
    bodies = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>"]
    bodies.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>")
    text, where = b"%PDF-1.4\n", []
    for number, body in enumerate(bodies, 1):
        where.append(len(text))
        text += b"%d 0 obj%sendobj\n" % (number, body)
    xref = b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % at for at in where)
    return text + xref + b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % len(text)


PDF = one_page_pdf()


def procedure(agencies) -> Procedure:
    """The bench's procedure, created once, received online by `agencies` (added when missing)."""
    with transaction.atomic():
        found = Procedure.objects.filter(code=CODE).first()
        if found is None:
            found = Procedure.objects.create(code=CODE)
            version = ProcedureVersion.objects.create(procedure=found, number=1, name=NAME, levels=",commune,")
            for kind in ("direct", "online", "postal"):
                Channel.objects.create(version=version, kind=kind, amount=3, unit="working_days", fees=[])
            RequiredDocument.objects.create(version=version, position=0, name="Tờ khai", originals=1)
            versions.publish(version)
            found.refresh_from_db()
        found.agencies.add(*agencies)
    return found


@dataclass(frozen=True)
class Multipart:
    content_type: str
    body: bytes


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> Multipart:
    """multipart/form-data as a browser or an app sends it: text fields, then (field, file name, bytes) parts."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return Multipart(f"multipart/form-data; boundary={boundary}", b"".join(parts))


def registration_fields(procedure: Procedure, agency_code: str, citizen) -> dict[str, str]:
    """The form of an online submission for oneself: the account's own ID number (a citizen account files under
    it), a phone for tracking, the one required line."""
    line = procedure.current.documents.order_by("position").first()
    return {
        "procedure": procedure.code,
        "receiving_agency": agency_code,
        "channel": "online",
        "applicant_name": citizen.full_name or "Người nộp thử",
        "applicant_id_number": citizen.id_number or "025090009999",
        "applicant_phone": citizen.phone or "0912000999",
        "file_lines": str(line.pk),
    }


@dataclass
class Statement:
    sql: str
    in_transaction: bool


def capture(citizen, counter, procedure: Procedure, agency_code: str) -> tuple[list[Statement], object]:
    """One create (the citizen, online, one PDF) and one receive (the counter officer), through DRF in this
    process: every statement sent, as PostgreSQL received it, with whether it ran inside a transaction; and the
    dossier made."""
    from motcua.dossiers.models import Dossier

    statements: list[Statement] = []

    def remember(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        text = connection.ops.last_executed_query(context["cursor"], sql, params) if not many else sql
        statements.append(Statement(text, connection.in_atomic_block))
        return result

    applicant, desk = APIClient(), APIClient()
    applicant.force_authenticate(citizen)
    desk.force_authenticate(counter)
    body = multipart(registration_fields(procedure, agency_code, citizen), [("files", "to-khai.pdf", PDF)])
    with CaptureQueriesContext(connection), connection.execute_wrapper(remember):
        made = applicant.generic("POST", "/api/v1/dossiers/", body.body, body.content_type)
        if made.status_code != 201:
            raise RuntimeError(f"nộp hồ sơ thử không được: {made.status_code} {made.content[:300]!r}")
        code = made.json()["code"]
        received = desk.post(f"/api/v1/dossiers/{code}/actions/receive/", {}, format="json")
        if received.status_code != 200:
            raise RuntimeError(f"tiếp nhận hồ sơ thử không được: {received.status_code} {received.content[:300]!r}")
    return statements, Dossier.objects.get(code=code)
