"""The records DVCQG receives (NATIONAL.md §1.2): a dossier, as it is now, and one progress row per event.

Exactly the 2025 field set, no more: every date is `yyyyMMddHHmmss` in Vietnam time and "" when there is none,
missing text is "", lists are []. Codes come from codes.py and the state from the StatusCode table in force on the
day; `codes.check_dossier` refuses a record with a value outside its list before it leaves.
"""

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from motcua.dossiers.models import Document, Dossier, Event
from motcua.dossiers.states import NATIONAL_STATUS, Channel, DeliveryStatus, State
from motcua.vntext.formats import in_vietnam

from . import codes, files
from .models import StatusCode

DOSSIER_FIELDS = (
    "MaHoSo MaTTHC TenTTHC MaLinhVuc TenLinhVuc KenhThucHien SoGiayToChuHoSo ChuHoSo LoaiDoiTuong MaDoiTuong "
    "ThongTinKhac Email Fax SoDienThoai TrichYeuHoSo NgayTiepNhan NgayHenTra TrangThaiHoSo NgayTra ThongTinTra "
    "HinhThuc NgayKetThucXuLy DonViXuLy GhiChu NoiNopHoSo HoSoCoThanhPhanSoHoa TaiKhoanDuocXacThucVoiVNeID "
    "DuocThanhToanTrucTuyen NgayTuChoi NgayNopHoSo DinhDanhCHS DSKetNoiCSDL TaiLieuNop DanhSachLePhi "
    "DanhSachTepDinhKemKhac DanhSachHoSoBoSung DanhSachGiayToKetQua"
).split()
PROGRESS_FIELDS = (
    "MaHoSo NguoiXuLy ChucDanh ThoiDiemXuLy PhongBanXuLy NoiDungXuLy TrangThai NgayBatDau NgayKetThucTheoQuyDinh"
).split()
SUMMARY_LIMIT = 1000  # TrichYeuHoSo, as TH cuts it
ACTOR_LIMIT = 50  # NguoiXuLy
FILE_NAME_LIMIT = 4000


def moment(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return in_vietnam(value).strftime("%Y%m%d%H%M%S")
    return value.strftime("%Y%m%d000000")


class Codes:
    """The StatusCode table, read once per batch: state → [(valid_from, code)] newest first. A state the table has
    no row for on the day takes DOMAIN.md 1.11's code (states.NATIONAL_STATUS, what migration 0002 seeds): an
    emptied table never stops the sync."""

    def __init__(self):
        self.by_state: dict[str, list[tuple[date, int]]] = {}
        for row in StatusCode.objects.order_by("state", "-valid_from"):
            self.by_state.setdefault(row.state, []).append((row.valid_from, row.code))

    def status(self, state: str, on: datetime) -> int:
        day = in_vietnam(on).date()
        for valid_from, code in self.by_state.get(state, []):
            if valid_from <= day:
                return code
        if state in NATIONAL_STATUS:
            return NATIONAL_STATUS[State(state)]
        raise codes.InvalidRecord(f"Bảng mã trạng thái DVCQG không có mã cho trạng thái {state!r} ngày {day}")


def dossier_record(dossier: Dossier, table: Codes, *, now: datetime | None = None, code: str = "") -> dict:
    """The dossier as DVCQG's DongBoHoSoMC / ThemMoi takes it, now; `code`: its MaHoSoQG when it was submitted on
    DVCQG (DVCQG knows it by that code), else its code here."""
    now = now or timezone.now()
    procedure, sector = dossier.procedure, dossier.procedure.field
    documents = list(dossier.documents.exclude(kind=Document.Kind.DRAFT).order_by("id"))
    inputs = [d for d in documents if d.kind == Document.Kind.INPUT]
    results = [d for d in documents if d.kind == Document.Kind.RESULT]
    paid = [p for p in dossier.payments.all() if p.status == "paid"]
    online = dossier.channel == Channel.ONLINE
    citizen = dossier.applicant_kind == Dossier.ApplicantKind.CITIZEN
    user = dossier.applicant_user
    refused = dossier.state in (State.REFUSED, State.REJECTED_AT_DESK)
    record = {
        "MaHoSo": code or dossier.code,
        "MaTTHC": procedure.code,
        "TenTTHC": procedure.name,
        "MaLinhVuc": getattr(sector, "code", "") or "",
        "TenLinhVuc": getattr(sector, "name", "") or "",
        "KenhThucHien": codes.CHANNEL_OF[Channel(dossier.channel)],
        "SoGiayToChuHoSo": dossier.applicant_id_number if citizen else dossier.organisation_tax_code,
        "ChuHoSo": dossier.applicant_name,
        "LoaiDoiTuong": "1" if citizen else "2",
        "MaDoiTuong": (getattr(user, "vneid_subject", "") or "") if online else "",
        "ThongTinKhac": dossier.applicant_address,
        "Email": dossier.applicant_email,
        "Fax": "",
        "SoDienThoai": dossier.applicant_phone,
        "TrichYeuHoSo": (dossier.summary or procedure.name)[:SUMMARY_LIMIT],
        "NgayTiepNhan": moment(dossier.received_at),
        "NgayHenTra": moment(dossier.due_at),
        "TrangThaiHoSo": str(table.status(dossier.state, now)),
        "NgayTra": moment(dossier.returned_at),
        "ThongTinTra": dossier.result_summary[:SUMMARY_LIMIT] if dossier.returned_at else "",
        "HinhThuc": "1" if dossier.delivery_status == DeliveryStatus.BY_POST else "0",
        "NgayKetThucXuLy": moment(dossier.finished_at),
        "DonViXuLy": dossier.processing_agency.name,
        "GhiChu": "",
        "NoiNopHoSo": "2" if online else "1",
        "HoSoCoThanhPhanSoHoa": "1" if any(d.digitised for d in inputs) else "0",
        "TaiKhoanDuocXacThucVoiVNeID": "1" if online and user and user.vneid_verified_at else "0",
        "DuocThanhToanTrucTuyen": "2" if paid else "",
        "NgayTuChoi": moment(dossier.finished_at) if refused else "",
        "NgayNopHoSo": moment(dossier.submitted_at or dossier.received_at),
        "DinhDanhCHS": [{"LoaiDinhDanh": "1", "SoDinhDanh": dossier.applicant_id_number}]
        if citizen and dossier.applicant_id_number
        else [],
        "DSKetNoiCSDL": [{"MaCSDL": code} for code in settings.MOTCUA_DVCQG_DATABASE_CODES] if citizen else [],
        "TaiLieuNop": [
            {
                "TepDinhKemId": str(d.pk),
                "TenTepDinhKem": d.name[:FILE_NAME_LIMIT],
                "IsDeleted": "0",
                "MaThanhPhanHoSo": str(d.requirement_id or ""),
                "DuongDanTaiTepTin": files.link(d) if d.file else "",
                "DuocSoHoa": "1" if d.digitised else "0",
                "DuocTaiSuDung": "1" if d.reused else "0",
                "DuocLayTuKhoDMQG": "0",
                "MaKetQuaThayThe": "",
            }
            for d in inputs
        ],
        "DanhSachLePhi": [
            {
                "TenPhiLePhi": "Phí, lệ phí",
                "MaPhiLePhi": "",
                "HinhThucThu": "2",
                "Gia": str(p.amount),
                "LoaiPhiLePhi": "1",
            }
            for p in paid
        ],
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": [
            {
                "HoSoBoSungId": str(s.pk),
                "NguoiYeuCauBoSung": s.requested_by.full_name or s.requested_by.get_username(),
                "NoiDungBoSung": "; ".join(
                    f"{i.get('item', '')}: {i['reason']}" if i.get("reason") else str(i.get("item", ""))
                    for i in s.items
                )[:SUMMARY_LIMIT],
                "NgayBoSung": moment(s.requested_at),
                "NguoiTiepNhanBoSung": "",
                "ThongTinTiepNhan": s.note[:SUMMARY_LIMIT],
                "NgayTiepNhanBoSung": moment(s.answered_at),
                "TrangThaiBoSung": "1" if s.answered_at else "0",
                "DanhSachGiayToBoSung": [],
                "DanhSachLePhiBoSung": [],
                "NgayHenTraTruoc": "",
                "NgayHenTraMoi": "",
            }
            for s in dossier.supplement_requests.select_related("requested_by").order_by("number")
        ],
        "DanhSachGiayToKetQua": [
            {
                "TenGiayTo": d.name[:FILE_NAME_LIMIT],
                "MaThanhPhanHoSo": "",
                "GiayToId": str(d.pk),
                "DuongDanTepTinKetQua": files.link(d) if d.file else "",
                "MaGiayToKetQua": "",
            }
            for d in results
        ],
    }
    assert list(record) == DOSSIER_FIELDS  # the field set is the contract: a new key is a decision, not a slip
    codes.check_dossier(record)
    return record


def progress_row(event: Event, dossier: Dossier, table: Codes, code: str = "") -> dict:
    """The event as a DongBoTienTrinh / CapNhatTienDoHoSoMC row."""
    state = event.to_state or dossier.state
    agency = event.to_agency or event.from_agency or dossier.processing_agency
    row = {
        "MaHoSo": code or dossier.code,
        "NguoiXuLy": (event.actor_name or "Chuyên viên")[:ACTOR_LIMIT],
        "ChucDanh": "",
        "ThoiDiemXuLy": moment(event.at),
        "PhongBanXuLy": agency.name,
        "NoiDungXuLy": (event.note or (State(state).label if state else event.kind))[:SUMMARY_LIMIT],
        "TrangThai": str(table.status(state, event.at)),
        "NgayBatDau": moment(event.at),
        "NgayKetThucTheoQuyDinh": moment(event.step_deadline or dossier.due_at),
    }
    codes.check_progress(row)
    return row
