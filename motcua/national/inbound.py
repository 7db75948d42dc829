"""Dossiers submitted on DVCQG, pushed to this province (NATIONAL.md §1.4, point 8 of its list).

POST /api/dvcqg/ho-so/ with `Authorization: Bearer <MOTCUA_DVCQG_INBOUND_TOKEN>` (the relay's; off without one) and
the body DVCQG's relay sends: {service, isUpdating, data: {MaHoSoQG, MaTTHC, TenTTHC, ChuHoSo, SoDinhDanh |
DinhDanhCHS[{SoDinhDanh}] | SoGiayToChuHoSo, SoDienThoai, Email, DiaChi | ThongTinKhac, MaDonViTiepNhan,
TaiLieuNop[{TenTepDinhKem, TenGiayTo, Base64 | DuongDanTaiTepTin}]}} (data may also come as a list of one).

- The national procedure code is placed by the mapping table (admin "Ánh xạ mã thủ tục DVCQG"), else found as a
  code of the catalogue; a code neither knows is refused and listed as a gap for the administrator.
- The applicant is the citizen DVCQG identified with VNeID: their account here by the verified ID number, made
  when there is none, so the dossier is theirs on the portal too.
- It is registered like any online dossier (every file checked as an upload is), and the national code is kept
  (InboundDossier): a second push of the same MaHoSoQG makes no second dossier; with isUpdating it is the
  applicant's supplement when one was asked for.
- What the province does next goes back to DVCQG through the outbox, under MaHoSoQG (sender.py).

Answers: {"error_code": "0", "message": …, "MaHoSo": the dossier's code here}; a refusal is a 4xx with
{"error_code": "1", "message": in Vietnamese}.
"""

import base64
import binascii
import hmac
import json
import mimetypes

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from motcua.accounts.models import User
from motcua.catalog.models import Procedure
from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.states import State
from motcua.dossiers.transitions import TransitionError
from motcua.vntext.normalize import fold
from motcua.vntext.validators import validate_id_number

from . import client
from .models import InboundDossier, MappingGap, ProcedureMapping

MAX_FILES = 30


class Refused(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def answer(code: str, message: str, status: int = 200, **extra) -> JsonResponse:
    return JsonResponse({"error_code": code, "message": message, **extra}, status=status)


@csrf_exempt  # a server-to-server call with its own token, never a browser's
@require_POST
def receive(request):
    token = settings.MOTCUA_DVCQG_INBOUND_TOKEN
    if not token:
        raise Http404("Không có dịch vụ này.")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        return answer("1", "Thiếu hoặc sai mã xác thực của kết nối.", 401)
    try:
        body = json.loads(request.body or b"null")
        data, updating = _data(body)
        dossier, made = accept(data, updating=updating)
    except Refused as refused:
        return answer("1", str(refused), refused.status)
    except ValueError:
        return answer("1", "Dữ liệu gửi lên không phải JSON hợp lệ.", 400)
    message = "Tiếp nhận hồ sơ thành công" if made else "Hồ sơ đã tồn tại, không tạo hồ sơ mới"
    return answer("0", message, 201 if made else 200, MaHoSo=dossier.code)


def _data(body) -> tuple[dict, bool]:
    if not isinstance(body, dict):
        raise Refused("Dữ liệu phải là một đối tượng JSON có trường data.")
    data = body.get("data")
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise Refused("Trường data phải là một hồ sơ (đối tượng JSON).")
    return data, str(body.get("isUpdating", "")).lower() == "true"


def accept(data: dict, *, updating: bool = False) -> tuple[Dossier, bool]:
    """(the dossier, whether it was made now) for one pushed dossier; Refused with the reason otherwise."""
    national_code = _text(data, "MaHoSoQG", 40)
    if not national_code:
        raise Refused("Thiếu mã hồ sơ trên Cổng DVCQG (MaHoSoQG).")
    known = InboundDossier.objects.filter(national_code=national_code).first()
    if known:
        return _again(known, data, updating), False
    version, agency = _procedure(data)
    user = citizen(data)
    uploads = files(data, list(version.documents.all()))
    applicant = {
        "applicant_name": _text(data, "ChuHoSo", 200),
        "applicant_id_number": user.id_number,
        "applicant_phone": _text(data, "SoDienThoai", 15),
        "applicant_email": _text(data, "Email", 254),
        "applicant_address": _text(data, "DiaChi", 300) or _text(data, "ThongTinKhac", 300),
    }
    try:
        with transaction.atomic():
            dossier = lifecycle.register(
                actor=user,
                version=version,
                receiving_agency=agency,
                applicant=applicant,
                channel="online",
                uploads=uploads,
                applicant_user=user,
            )
            InboundDossier.objects.create(
                national_code=national_code, dossier_id=dossier.pk, receiving_agency_id=dossier.receiving_agency_id
            )
    except IntegrityError:  # the same code pushed twice at once: the other push made it
        known = InboundDossier.objects.filter(national_code=national_code).first()
        if known is None:
            raise
        return _again(known, data, updating), False
    except (ValidationError, PermissionDenied) as error:
        raise Refused(" ".join(getattr(error, "messages", [str(error)]))) from None
    return dossier, True


def _again(known: InboundDossier, data: dict, updating: bool) -> Dossier:
    InboundDossier.objects.filter(pk=known.pk).update(pushes=F("pushes") + 1)
    dossier = Dossier.objects.get(pk=known.dossier_id, receiving_agency_id=known.receiving_agency_id)
    if not updating:
        return dossier
    action = {State.SUPPLEMENT_REQUESTED: lifecycle.resubmit, State.DESK_SUPPLEMENT: lifecycle.answer_desk_supplement}
    if dossier.state not in action:
        raise Refused("Hồ sơ không ở trạng thái chờ bổ sung: không nhận cập nhật.", 409)
    lines = list(dossier.procedure_version.documents.all())
    try:
        return action[dossier.state](
            dossier, actor=dossier.applicant_user, uploads=files(data, lines), note="Bổ sung trên Cổng DVCQG"
        )
    except (ValidationError, PermissionDenied, TransitionError) as error:
        raise Refused(" ".join(getattr(error, "messages", [str(error)]))) from None


def _text(data: dict, key: str, limit: int) -> str:
    value = data.get(key)
    return str(value).strip()[:limit] if value not in (None, "") else ""


def _procedure(data: dict):
    code = _text(data, "MaTTHC", 40)
    mapped = ProcedureMapping.objects.filter(national_code=code).select_related("procedure__current").first()
    procedure = mapped.procedure if mapped else Procedure.objects.filter(code=code).select_related("current").first()
    if procedure is None or procedure.current is None or not procedure.is_published:
        gap, _ = MappingGap.objects.get_or_create(national_code=code or "(trống)")
        MappingGap.objects.filter(pk=gap.pk).update(
            refused=F("refused") + 1, name=_text(data, "TenTTHC", 1000), last_seen=timezone.now()
        )
        raise Refused(f"Thủ tục {code or '(không có mã)'} chưa có trong danh mục thủ tục của tỉnh.", 422)
    agencies = list(procedure.agencies.all())
    wanted = _text(data, "MaDonViTiepNhan", 16)
    chosen = [a for a in agencies if a.code == wanted] if wanted else agencies
    if len(chosen) != 1:
        raise Refused(
            f"Không xác định được nơi tiếp nhận thủ tục {code}: cần MaDonViTiepNhan là một trong "
            + ", ".join(a.code for a in agencies),
            422,
        )
    return procedure.current, chosen[0]


def citizen(data: dict) -> User:
    """The citizen's account here, by the ID number VNeID vouched for (DVCQG identifies with VNeID); made when
    there is none."""
    rows = data.get("DinhDanhCHS") or []
    number = (
        _text(data, "SoDinhDanh", 12)
        or next((str(r.get("SoDinhDanh", "")).strip() for r in rows if isinstance(r, dict)), "")
        or _text(data, "SoGiayToChuHoSo", 12)
    )
    try:
        validate_id_number(number)
    except ValidationError:
        raise Refused("Thiếu hoặc sai số định danh cá nhân (12 chữ số) của chủ hồ sơ.") from None
    user = User.objects.filter(id_number=number, id_verified=True).first()
    if user is None:
        user = User(
            username=f"vneid_{number}",
            kind=User.Kind.CITIZEN,
            id_number=number,
            id_verified=True,
            vneid_verified_at=timezone.now(),
            full_name=_text(data, "ChuHoSo", 200),
        )
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            user = User.objects.filter(id_number=number, id_verified=True).first()
            if user is None:
                raise Refused("Không tạo được tài khoản công dân cho số định danh này.", 409) from None
    if user.kind != User.Kind.CITIZEN:
        raise Refused("Số định danh này thuộc một tài khoản cán bộ.", 409)
    return user


def files(data: dict, lines) -> list[tuple]:
    """The pushed files as uploads, each on the document line it names (TenGiayTo, or the file's own name, equal
    to a line's name but for accents and case); a file naming no line is kept as an extra document."""
    by_name = {fold(line.name): line for line in lines}
    rows = data.get("TaiLieuNop") or []
    if not isinstance(rows, list) or len(rows) > MAX_FILES:
        raise Refused(f"TaiLieuNop phải là danh sách, tối đa {MAX_FILES} tệp.")
    uploads, limit = [], settings.MOTCUA_MAX_UPLOAD_MB * 1024 * 1024
    for row in rows:
        if not isinstance(row, dict):
            raise Refused("Mỗi tệp trong TaiLieuNop phải là một đối tượng.")
        name = str(row.get("TenTepDinhKem") or "tep-dinh-kem.pdf")[:200]
        if row.get("Base64"):
            try:
                content = base64.b64decode(str(row["Base64"]), validate=True)
            except (binascii.Error, ValueError):
                raise Refused(f"Tệp “{name}”: nội dung Base64 không hợp lệ.") from None
        elif row.get("DuongDanTaiTepTin") or row.get("DuongDan"):
            content = fetch(str(row.get("DuongDanTaiTepTin") or row.get("DuongDan")), name)
        else:
            raise Refused(f"Tệp “{name}”: thiếu nội dung (Base64) hoặc đường dẫn tải tệp.")
        if len(content) > limit:
            raise Refused(f"Tệp “{name}” quá lớn (tối đa {settings.MOTCUA_MAX_UPLOAD_MB} MB).", 413)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        line = by_name.get(fold(str(row.get("TenGiayTo") or ""))) or by_name.get(fold(name.rsplit(".", 1)[0]))
        uploads.append((line, SimpleUploadedFile(name, content, content_type=kind)))
    return uploads


def fetch(link: str, name: str) -> bytes:
    """A file DVCQG holds, through the relay's getfile (NATIONAL.md §1.4)."""
    portal = client.configured()
    if portal is None or not hasattr(portal, "fetch_file"):
        raise Refused(f"Tệp “{name}”: chưa cấu hình kết nối để tải tệp từ Cổng DVCQG.", 502)
    try:
        return portal.fetch_file(link)
    except client.SyncError as error:
        raise Refused(f"Tệp “{name}”: {error}", 502) from None
