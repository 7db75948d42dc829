"""The national portal's code lists (NATIONAL.md §1.3), as data, and the check every outgoing record passes.

A value motcua sends is one of these lists' codes or the record is not sent: the outbox row fails with the field
and the value in Vietnamese, for the operator to see, instead of DVCQG counting a dossier wrongly.
"""

from motcua.dossiers.states import Channel

# LoaiDoiTuong: who the applicant is
APPLICANT_KINDS = {"1": "Công dân", "2": "Doanh nghiệp", "3": "Cơ quan nhà nước", "4": "Tổ chức khác"}
# KenhThucHien: how the dossier came in
CHANNELS = {"1": "Trực tiếp", "2": "Trực tuyến", "3": "Bưu chính công ích"}
CHANNEL_OF = {Channel.DIRECT: "1", Channel.ONLINE: "2", Channel.POSTAL: "3"}
# DinhDanhCHS.LoaiDinhDanh
ID_KINDS = {"1": "Số định danh cá nhân (12 số)", "2": "Chứng minh nhân dân (9 số)"}
# DuocThanhToanTrucTuyen: "" when nothing was paid online
PAID_ONLINE = {
    "": "Không thanh toán trực tuyến",
    "1": "Thanh toán trên Cổng DVCQG",
    "2": "Thanh toán qua cổng của tỉnh",
}
# DuocTaiSuDung of a submitted file: 0 new, 1 reused from the data store, 2 reused from a result
REUSED = {"0": "Không tái sử dụng", "1": "Tái sử dụng từ kho dữ liệu", "2": "Tái sử dụng từ kết quả"}
YES_NO = {"0": "Không", "1": "Có"}
# HinhThuc: how the result is returned
RETURN_METHODS = {"0": "Trả tại bộ phận một cửa", "1": "Trả qua bưu chính"}
STATUSES = {str(code): code for code in range(1, 11)}

# field → code list, for the fields of the dossier record and its lists
DOSSIER_FIELDS = {
    "LoaiDoiTuong": APPLICANT_KINDS,
    "KenhThucHien": CHANNELS,
    "DuocThanhToanTrucTuyen": PAID_ONLINE,
    "HoSoCoThanhPhanSoHoa": YES_NO,
    "TaiKhoanDuocXacThucVoiVNeID": YES_NO,
    "HinhThuc": RETURN_METHODS,
    "TrangThaiHoSo": STATUSES,
}
FILE_FIELDS = {"DuocSoHoa": YES_NO, "DuocTaiSuDung": REUSED, "DuocLayTuKhoDMQG": YES_NO, "IsDeleted": YES_NO}
PROGRESS_FIELDS = {"TrangThai": STATUSES}


class InvalidRecord(ValueError):
    """An outgoing record with a value outside its code list: never sent."""


def check(record: dict, fields: dict[str, dict], where: str = "") -> None:
    for field, allowed in fields.items():
        value = record.get(field)
        if value not in allowed:
            raise InvalidRecord(f"{where}{field} = {value!r} không thuộc danh mục ({', '.join(map(repr, allowed))})")


def check_dossier(record: dict) -> None:
    check(record, DOSSIER_FIELDS, f"Hồ sơ {record.get('MaHoSo')}: ")
    for row in record.get("DinhDanhCHS", []):
        check(row, {"LoaiDinhDanh": ID_KINDS}, f"Hồ sơ {record.get('MaHoSo')}, định danh: ")
    for row in record.get("TaiLieuNop", []):
        check(row, FILE_FIELDS, f"Hồ sơ {record.get('MaHoSo')}, tệp {row.get('TenTepDinhKem')!r}: ")


def check_progress(row: dict) -> None:
    check(row, PROGRESS_FIELDS, f"Tiến độ hồ sơ {row.get('MaHoSo')}: ")
