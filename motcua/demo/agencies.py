"""Demo province: Phú Thọ after the 1 July 2025 merger (Vĩnh Phúc + Hòa Bình + Phú Thọ → Phú Thọ).

Unit codes are the General Statistics Office's (province 25, wards as listed in the 2025 catalogue). The agency
e-ID codes follow the V1V2V3.Z1Z2.Y1Y2.MX1X2 shape with province letter-code H44; they are illustrative, not the
official catalogue, which a real deployment loads instead (DOMAIN.md 9).
"""

PROVINCE = {"code": "25", "name": "Phú Thọ", "full_name": "Tỉnh Phú Thọ", "kind": "Tỉnh"}

COMMUNES = [
    ("07900", "Việt Trì", "Phường Việt Trì", "Phường"),
    ("07942", "Phú Thọ", "Phường Phú Thọ", "Phường"),
    ("08707", "Vĩnh Yên", "Phường Vĩnh Yên", "Phường"),
    ("08740", "Phúc Yên", "Phường Phúc Yên", "Phường"),
    ("04795", "Hoà Bình", "Phường Hoà Bình", "Phường"),
    ("08494", "Lâm Thao", "Xã Lâm Thao", "Xã"),
    ("08542", "Thanh Sơn", "Xã Thanh Sơn", "Xã"),
    ("08911", "Tam Đảo", "Xã Tam Đảo", "Xã"),
]

# (code, name, short name, level, parent code, one-stop desk, unit code or None for the province)
AGENCIES = [
    ("000.00.00.H44", "Ủy ban nhân dân tỉnh Phú Thọ", "UBND tỉnh", "province", None, False, None),
    (
        "000.00.01.H44",
        "Văn phòng Ủy ban nhân dân tỉnh Phú Thọ",
        "VP UBND tỉnh",
        "department",
        "000.00.00.H44",
        False,
        None,
    ),
    (
        "000.01.01.H44",
        "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ",
        "TTPVHCC tỉnh",
        "department",
        "000.00.01.H44",
        True,
        None,
    ),
    ("000.00.10.H44", "Sở Tư pháp tỉnh Phú Thọ", "Sở Tư pháp", "department", "000.00.00.H44", False, None),
    ("000.00.11.H44", "Sở Xây dựng tỉnh Phú Thọ", "Sở Xây dựng", "department", "000.00.00.H44", False, None),
    (
        "000.00.12.H44",
        "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ",
        "Sở NN&MT",
        "department",
        "000.00.00.H44",
        False,
        None,
    ),
    ("000.00.13.H44", "Sở Tài chính tỉnh Phú Thọ", "Sở Tài chính", "department", "000.00.00.H44", False, None),
    ("000.00.14.H44", "Công an tỉnh Phú Thọ", "Công an tỉnh", "department", "000.00.00.H44", False, None),
    ("000.01.12.H44", "Văn phòng Đăng ký đất đai tỉnh Phú Thọ", "VP ĐKĐĐ", "department", "000.00.12.H44", False, None),
    ("000.00.31.H44", "Ủy ban nhân dân phường Việt Trì", "UBND P. Việt Trì", "commune", "000.00.00.H44", True, "07900"),
    ("000.00.32.H44", "Ủy ban nhân dân phường Vĩnh Yên", "UBND P. Vĩnh Yên", "commune", "000.00.00.H44", True, "08707"),
    ("000.00.33.H44", "Ủy ban nhân dân phường Hoà Bình", "UBND P. Hoà Bình", "commune", "000.00.00.H44", True, "04795"),
    ("000.00.34.H44", "Ủy ban nhân dân xã Lâm Thao", "UBND xã Lâm Thao", "commune", "000.00.00.H44", True, "08494"),
    ("000.00.35.H44", "Ủy ban nhân dân xã Tam Đảo", "UBND xã Tam Đảo", "commune", "000.00.00.H44", True, "08911"),
]

PASSWORD = "motcua-demo-2026"

# (username, full name, kind, [(agency code, role)])
USERS = [
    ("tiepnhan", "Nguyễn Thị Lan", "staff", [("000.01.01.H44", "counter"), ("000.00.31.H44", "counter")]),
    ("chuyenvien", "Trần Văn Minh", "staff", [("000.00.10.H44", "specialist"), ("000.00.31.H44", "specialist")]),
    ("lanhdao", "Lê Thị Hồng", "staff", [("000.00.10.H44", "head"), ("000.00.31.H44", "head")]),
    ("vanthu", "Phạm Thu Trang", "staff", [("000.00.10.H44", "clerk"), ("000.00.31.H44", "clerk")]),
    ("quantri", "Hoàng Đức Anh", "staff", [("000.00.10.H44", "agency_admin")]),
    ("giamsat", "Đỗ Quang Huy", "staff", [("000.00.00.H44", "monitor")]),
    ("congan", "Ngô Văn Bình", "staff", [("000.00.14.H44", "specialist")]),
    ("diachinh", "Bùi Thị Thu", "staff", [("000.01.12.H44", "specialist")]),
    ("congdan", "Vũ Thị Mai", "citizen", []),
    ("doanhnghiep", "Công ty TNHH Chè Phú Thọ", "business", []),
]
