"""JSON Schemas of the demo's e-forms (tờ khai điện tử), after the paper forms of the procedures they serve."""
ID_PATTERN = "^[0-9]{12}$"
ID_ERROR = "Số định danh cá nhân gồm đúng 12 chữ số."

BIRTH_REGISTRATION = {
    "type": "object",
    "title": "Tờ khai đăng ký khai sinh",
    "properties": {
        "ho_ten_tre": {"type": "string", "title": "Họ, chữ đệm và tên của trẻ", "maxLength": 100},
        "ngay_sinh": {"type": "string", "format": "date", "title": "Ngày, tháng, năm sinh"},
        "gioi_tinh": {"type": "string", "title": "Giới tính", "enum": ["Nam", "Nữ"]},
        "noi_sinh": {"type": "string", "title": "Nơi sinh (cơ sở y tế hoặc địa chỉ)", "maxLength": 300},
        "dan_toc": {"type": "string", "title": "Dân tộc", "maxLength": 50},
        "quoc_tich": {"type": "string", "title": "Quốc tịch", "maxLength": 50},
        "ho_ten_me": {"type": "string", "title": "Họ, chữ đệm và tên người mẹ", "maxLength": 100},
        "so_dinh_danh_me": {"type": "string", "title": "Số định danh cá nhân của mẹ", "pattern": ID_PATTERN,
                            "x-error": ID_ERROR},
        "ho_ten_cha": {"type": "string", "title": "Họ, chữ đệm và tên người cha (nếu có)", "maxLength": 100},
        "so_dinh_danh_cha": {"type": "string", "title": "Số định danh cá nhân của cha (nếu có)",
                             "pattern": ID_PATTERN, "x-error": ID_ERROR},
        "quan_he": {"type": "string", "title": "Quan hệ của người đi khai với trẻ",
                    "enum": ["Cha", "Mẹ", "Ông", "Bà", "Người thân thích khác"]},
        "so_ban_sao": {"type": "integer", "title": "Số bản sao trích lục khai sinh đề nghị cấp", "minimum": 0,
                       "maximum": 20, "description": "8.000 đồng/bản; để trống nếu không cần bản sao."},
    },
    "required": ["ho_ten_tre", "ngay_sinh", "gioi_tinh", "noi_sinh", "dan_toc", "quoc_tich", "ho_ten_me",
                 "so_dinh_danh_me", "quan_he"],
}

PERMANENT_RESIDENCE = {
    "type": "object",
    "title": "Tờ khai thay đổi thông tin cư trú (CT01)",
    "properties": {
        "dia_chi": {"type": "string", "title": "Địa chỉ đề nghị đăng ký thường trú", "maxLength": 300},
        "truong_hop": {"type": "string", "title": "Trường hợp đăng ký",
                       "enum": ["Chỗ ở hợp pháp thuộc quyền sở hữu của mình",
                                "Được chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý",
                                "Thuê, mượn, ở nhờ chỗ ở hợp pháp"]},
        "ho_ten_chu_ho": {"type": "string", "title": "Họ tên chủ hộ (nếu có)", "maxLength": 100},
        "so_dinh_danh_chu_ho": {"type": "string", "title": "Số định danh của chủ hộ (nếu có)",
                                "pattern": ID_PATTERN, "x-error": ID_ERROR},
        "quan_he_chu_ho": {"type": "string", "title": "Quan hệ với chủ hộ (nếu có)", "maxLength": 50},
        "noi_dung": {"type": "string", "title": "Nội dung đề nghị", "maxLength": 1000, "x-widget": "textarea"},
    },
    "required": ["dia_chi", "truong_hop", "noi_dung"],
}

CERTIFIED_COPY = {
    "type": "object",
    "title": "Yêu cầu chứng thực bản sao từ bản chính",
    "properties": {
        "ten_giay_to": {"type": "string", "title": "Tên giấy tờ cần chứng thực", "maxLength": 300},
        "so_ban": {"type": "integer", "title": "Số bản sao cần chứng thực", "minimum": 1, "maximum": 50},
        "so_trang": {"type": "integer", "title": "Số trang của giấy tờ", "minimum": 1, "maximum": 500},
        "nhan_ban_dien_tu": {"type": "boolean", "title": "Nhận thêm bản sao điện tử vào kho dữ liệu"},
    },
    "required": ["ten_giay_to", "so_ban", "so_trang"],
}

SCHEMAS = {"1.001193": BIRTH_REGISTRATION, "1.004222": PERMANENT_RESIDENCE, "2.000815": CERTIFIED_COPY}
