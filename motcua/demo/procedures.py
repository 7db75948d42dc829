"""The demo's procedures: 37 common procedures a province's one-stop desks handle.

Written from the procedures' public pages on the National Public Service Portal (codes, names, fields, steps,
documents, legal basis as published), shortened for a demo. Where a page lost the unit of its processing time,
the time is taken from the law the page cites (Luật Hộ tịch 2014, Nghị định 23/2015/NĐ-CP) and that law is named in
the time text. Online levels ("full" = toàn trình) are set for the demo. Channel rows: (channel, amount, unit,
time text, [(fee kind, VND, text[, e-form field the amount is per unit of])]); documents: (name, originals, copies,
required, form).
"""
# Birth registration on time is free (Luật Hộ tịch 2014, Điều 11); copies of the birth extract asked for with it cost
# 8.000 đồng each (phí khai thác thông tin hộ tịch, Thông tư 281/2016/TT-BTC), counted from the e-form's "so_ban_sao".
BIRTH_FEES = [("le_phi", 0, "Lệ phí đăng ký khai sinh đúng hạn: miễn (Luật Hộ tịch 2014, Điều 11)"),
              ("phi", 8000, "Phí cấp bản sao trích lục khai sinh (nếu đề nghị cấp): 8.000 đồng/bản", "so_ban_sao")]

# fmt: off
PROCEDURES = [{'code': '1.000419',
  'name': 'Thủ tục đăng ký khai tử lưu động',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'none',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Công chức tư pháp - hộ tịch được giao nhiệm vụ đăng ký khai tử lưu động có trách nhiệm chuẩn bị đầy đủ '
           'mẫu Tờ khai đăng ký khai tử, giấy tờ hộ tịch và điều kiện cần thiết để thực hiện đăng ký lưu động tại '
           'nhà riêng hoặc tại địa điểm tổ chức đăng ký lưu động, bảo đảm thuận lợi cho người dân.\n'
           '- Tại địa điểm đăng ký khai tử lưu động, công chức tư pháp - hộ tịch hướng dẫn người yêu cầu điền đầy đủ '
           'thông tin trong Tờ khai đăng ký khai tử, kiểm tra các giấy tờ làm cơ sở cho việc đăng ký khai tử; viết '
           'Phiếu tiếp nhận hồ sơ.\n'
           '…',
  'conditions': '',
  'results': [('Trích lục khai tử', 'KQ.G15.000034')],
  'legal_basis': [('Hướng dẫn Luật hộ tịch và Nghị định 123/2015/NĐ-CP hướng dẫn Luật hộ tịch do Bộ trưởng Bộ Tư '
                   'pháp ban hành',
                   '04/2020/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, '
                   'chứng thực.',
                   '07/2025/NĐ-CP'),
                  ('Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ quy định về phân định thẩm quyền của '
                   'chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp.',
                   '120/2025/NĐ-CP'),
                  ('Luật 60/2014/QH13', '60/2014/QH13')],
  'channels': [('direct', 5.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Tờ khai đăng ký khai tử theo mẫu;', 1, 0, True, ''),
                ('Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp. Trường hợp người yêu cầu '
                 'đã nộp bản điện tử Giấy báo tử hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện tử có '
                 'ký s',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ chứng minh nơi cư trú cuối cùng của người chết để xác định        thẩm quyền trong trường '
                 'hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú của công dân theo các '
                 'p',
                 1,
                 0,
                 True,
                 ''),
                ('Trường hợp không xác định được nơi cư trú cuối cùng của người chết thì xuất trình giấy tờ chứng '
                 'minh nơi người đó chết hoặc nơi phát hiện thi thể của người chết.',
                 1,
                 0,
                 False,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.000593',
  'name': 'Thủ tục đăng ký kết hôn lưu động',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'none',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Công chức tư pháp - hộ tịch cấp xã được giao nhiệm vụ đăng ký kết hôn lưu động có trách nhiệm chuẩn bị '
           'đầy đủ các loại mẫu Tờ khai, giấy tờ hộ tịch và điều kiện cần thiết để thực hiện đăng ký lưu động.\n'
           '- Tại địa điểm đăng ký kết hôn lưu động, công chức tư pháp - hộ tịch có trách nhiệm kiểm tra, xác minh '
           'về điều kiện kết hôn của các bên; hướng dẫn người dân điền đầy đủ thông tin trong Tờ khai đăng ký kết '
           'hôn. Nếu hồ sơ đầy đủ, hợp lệ, công chức tư pháp - hộ tịch tiếp nhận hồ sơ viết Phiếu tiếp nhận hồ sơ.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận kết hôn', 'KQ.G15.000032')],
  'legal_basis': [('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính, điều '
                   'kiện kinh doanh  thuộc phạm vi quản lý của Bộ Tư pháp',
                   '18/2026/NĐ-CP'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện '
                   'pháp thi  hành Luật Hộ tịch',
                   '123/2015/NĐ-CP')],
  'channels': [('direct', 5.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Tờ khai đăng ký kết hôn theo mẫu. Hai bên nam, nữ có thể khai chung vào một Tờ khai đăng ký kết '
                 'hôn.',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.000656',
  'name': 'Thủ tục đăng ký khai tử',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký khai tử nộp hồ sơ đăng ký khai tử '
           'tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp phải nộp lệ phí '
           'đăng ký khai tử; nộp phí cấp bản sao Trích lục khai tử nếu có yêu cầu cấp bản sao Trích lục khai tử. \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký khai tử truy cập Cổng dịch vụ công '
           'quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Trích lục khai tử', 'KQ.G15.000034')],
  'legal_basis': [('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện '
                   'pháp thi  hành Luật Hộ tịch',
                   '123/2015/NĐ-CP'),
                  ('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP')],
  'channels': [('online', None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 34)', [('other', 0, 'Miễn phí')]),
               ('postal', None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 34)', [('other', 0, 'Miễn phí')]),
               ('direct', None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 34)', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp. Trường hợp người yêu cầu '
                 'đã nộp bản điện tử Giấy báo tử hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện tử có '
                 'ký s',
                 1,
                 0,
                 True,
                 ''),
                ('Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện '
                 'việc đăng ký khai tử. Trường hợp người có trách nhiệm đăng ký khai tử ủy quyền cho người khác thực',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ, tài liệu, chứng cứ do cơ quan, tổ chức có thẩm quyền cấp hoặc xác nhận hợp lệ chứng minh '
                 'sự kiện chết đối với trường hợp đăng ký khai tử cho người chết đã lâu, không có Giấy báo tử hoặc '
                 'giấ',
                 1,
                 0,
                 True,
                 ''),
                ('Trường hợp không xác định được nơi cư trú cuối cùng của người chết thì xuất trình giấy tờ chứng '
                 'minh nơi người đó chết hoặc nơi phát hiện thi thể của người chết.',
                 1,
                 0,
                 False,
                 ''),
                ('Giấy tờ chứng minh nơi cư trú cuối cùng của người chết để xác định        thẩm quyền trong trường '
                 'hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú của công dân theo các '
                 'p',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.000689',
  'name': 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký nhận cha, mẹ, con nộp hồ sơ đăng ký '
           'nhận cha, mẹ, con tại Trung tâm phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp '
           'phải nộp lệ phí đăng ký nhận cha, mẹ, con; nộp phí cấp bản sao Trích lục đăng ký nhận cha, mẹ, con nếu '
           'có yêu cầu cấp bản sao Trích lục đăng ký nhận cha, mẹ, con.  \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký nhận cha, mẹ, con truy cập Cổng '
           'dịch vụ công quốc gia hoặc Ứng dụng định danh quốc gia. \n'
           '…',
  'conditions': '',
  'results': [('Giấy khai sinh', 'KQ.G15.000031'), ('Trích lục đăng ký nhận cha, mẹ, con', 'KQ.G15.000033')],
  'legal_basis': [('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện '
                   'pháp thi  hành Luật Hộ tịch',
                   '123/2015/NĐ-CP'),
                  ('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP')],
  'channels': [('online', 3, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 3, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 3, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Bản chính Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng '
                 'xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh;',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu;', 1, 1, True, ''),
                ('Trường hợp không có văn bản nêu trên thì phải có văn bản cam đoan của các bên nhận cha, mẹ, con về '
                 'mối quan hệ cha, mẹ, con và có ít nhất hai người làm chứng về mối quan hệ cha, mẹ, con.',
                 1,
                 0,
                 False,
                 ''),
                ('Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan khác có thẩm quyền xác nhận quan hệ cha '
                 'con, quan hệ mẹ con.',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đăng ký khai sinh theo mẫu;', 1, 1, True, '')]},
 {'code': '1.000894',
  'name': 'Thủ tục đăng ký kết hôn',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký kết hôn nộp hồ sơ đăng ký kết hôn '
           'tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp phải nộp lệ phí '
           'đăng ký kết hôn; nộp phí cấp bản sao Trích lục kết hôn nếu có yêu cầu cấp bản sao Trích lục kết hôn. \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký kết hôn truy cập Cổng dịch vụ công '
           'quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận kết hôn', 'KQ.G15.000032')],
  'legal_basis': [('Hướng dẫn Luật hộ tịch và Nghị định 123/2015/NĐ-CP hướng dẫn Luật hộ tịch do Bộ trưởng Bộ Tư '
                   'pháp ban hành',
                   '04/2020/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, '
                   'chứng thực.',
                   '07/2025/NĐ-CP'),
                  ('Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ quy định về phân định thẩm quyền của '
                   'chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp.',
                   '120/2025/NĐ-CP'),
                  ('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP')],
  'channels': [('online', None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 18)', [('other', 0, 'Miễn phí')]),
               ('postal', None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 18)', [('other', 0, 'Miễn phí')]),
               ('direct', None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 18)', [('other', 0, 'Miễn phí')])],
  'documents': [('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Mẫu hộ tịch điện tử tương tác đăng ký kết hôn (do người yêu cầu cung cấp thông tin theo hướng dẫn '
                 'trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đăng ký kết hôn theo mẫu, có đủ thông tin của hai bên nam, nữ. Hai bên nam, nữ có thể khai '
                 'chung vào một Tờ khai đăng ký kết hôn (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.001022',
  'name': 'Thủ tục đăng ký nhận cha, mẹ, con',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký nhận cha, mẹ, con nộp hồ sơ đăng ký '
           'nhận cha, mẹ, con tại Trung tâm phục vụ hành chính công có thẩm quyền nộp lệ phí nếu thuộc trường hợp '
           'phải nộp lệ phí đăng ký nhận cha, mẹ, con; nộp phí cấp bản sao Trích lục đăng ký nhận cha, mẹ, con nếu '
           'có yêu cầu cấp bản sao Trích lục đăng ký nhận cha, mẹ, con.  \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký nhận cha, mẹ, con truy cập Cổng '
           'dịch vụ công quốc gia hoặc Ứng dụng định danh quốc gia. \n'
           '…',
  'conditions': '',
  'results': [('Trích lục đăng ký nhận cha, mẹ, con', 'KQ.G15.000033')],
  'legal_basis': [('Sửa đổi, bổ sung một số điều của Thông tư số 02/2020/TT-BTP ngày 08/4/2020 của Bộ trưởng Bộ Tư '
                   'pháp ban hành, hướng dẫn sử dụng, quản lý mẫu sổ quốc tịch và mẫu giấy tờ về quốc tịch và Thông '
                   'tư số 04/',
                   '04/2024/TT-BTP'),
                  ('Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số', '03/2023/TT-BTP'),
                  ('Thông tư sửa đổi, bổ sung một số điều của Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ Tài '
                   'chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành '
                   'phố trực ',
                   '106/2021/TT-BTC'),
                  ('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC')],
  'channels': [('online', 3, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 3, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 3, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Trường hợp không có văn bản nêu trên thì phải có văn bản cam đoan của các bên nhận cha, mẹ, con về '
                 'mối quan hệ cha, mẹ, con và có ít nhất hai người làm chứng về mối quan hệ cha, mẹ, con.',
                 1,
                 0,
                 False,
                 ''),
                ('Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan khác có thẩm quyền xác nhận quan hệ cha '
                 'con, quan hệ mẹ con.',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đăng ký đăng ký nhận cha, mẹ, con theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo '
                 'hình thức trực tiếp);',
                 1,
                 0,
                 True,
                 ''),
                ('Mẫu hộ tịch điện tử tương tác đăng ký nhận cha, mẹ, con (do người yêu cầu cung cấp thông tin theo '
                 'hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực '
                 'tuyến)',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.001193',
  'name': 'Thủ tục đăng ký khai sinh',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': '',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký khai sinh nộp hồ sơ đăng ký khai tâm '
           'Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp phải nộp lệ phí đăng ký khai '
           'sinh; nộp phí cấp bản sao Giấy khai sinh nếu có yêu cầu cấp bản sao Giấy khai sinh.  \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký khai sinh truy cập Cổng dịch vụ '
           'công quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Giấy khai sinh', 'KQ.G15.000031')],
  'legal_basis': [('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện '
                   'pháp thi  hành Luật Hộ tịch',
                   '123/2015/NĐ-CP'),
                  ('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP')],
  'channels': [(kind, None, 'within_day', 'Trong ngày (Luật Hộ tịch 2014, Điều 16)', BIRTH_FEES)
               for kind in ('online', 'postal', 'direct')],
  'documents': [('Tờ khai đăng ký khai sinh theo mẫu',
                 1,
                 0,
                 True,
                 'Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP)'),
                ('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh',
                 1,
                 0,
                 True,
                 ''),
                ('Văn bản ủy quyền được chứng thực, khi ủy quyền đăng ký khai sinh', 1, 0, False, ''),
                ('Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập, với trẻ bị bỏ rơi', 1, 0, False, ''),
                ('Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản, với trẻ sinh ra do mang '
                 'thai hộ',
                 1,
                 0,
                 False,
                 '')]},
 {'code': '1.001456',
  'name': 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)',
  'field': 'Quản lý xuất nhập cảnh',
  'levels': ['province'],
  'online': 'partial',
  'agencies': ['000.00.14.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '5568/QĐ-BCA',
  'competent': 'Cục quản lý xuất nhập cảnh',
  'implementing': 'Công an cấp Tỉnh',
  'steps': 'Bước 1: Chuẩn bị hồ sơ theo quy định của pháp luật.\n'
           'Bước 2: Nộp hồ sơ \n'
           '* Người đề nghị cấp hộ chiếu phổ thông không gắn chíp điện tử trực tiếp nộp hồ sơ vào giờ hành chính các '
           'ngày làm việc trong tuần tại Cơ quan Quản lý xuất nhập cảnh Công an cấp tỉnh (khi đến nộp hồ sơ phải '
           'xuất trình Chứng minh nhân dân, Thẻ căn cước công dân hoặc hộ chiếu còn giá trị sử dụng) hoặc nộp hồ sơ '
           'trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an  và gửi bổ sung hồ sơ qua '
           'dịch vụ bưu chính công ích theo thông báo của Cơ quan Quản lý xuất nhập cảnh Công an cấp tỉnh trên Cổng '
           'dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an (nếu có), cụ thể:\n'
           '…',
  'conditions': '',
  'results': [('Hộ chiếu phổ thông không gắn chíp điện tử hoặc hộ chiếu phổ thông có gắn chíp điện tử.',
               'KQ.G01.000083')],
  'legal_basis': [('Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú '
                   'của người nước ngoài tại Việt Nam sửa đổi 2023',
                   '23/2023/QH15'),
                  ('QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP '
                   'CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM',
                   '25/2021/TT-BTC'),
                  ('Thông tư số 44/2023/TT-BTC ngày 29 tháng 6 năm 2023 của Bộ trưởng Bộ Tài chính quy định mức thu '
                   'một số khoản phí, lệ phí nhằm hỗ trợ người dân và doanh nghiệp. Có hiệu lực từ ngày 01 tháng 7 '
                   'năm 2023 ',
                   '44/2023/TT-BTC'),
                  ('Thông tư số 31/2023/TT-BCA ngày 20/7/2023 của Bộ Công an quy định về mẫu hộ chiếu, mẫu giấy '
                   'thông hành và các biểu mẫu liên quan.',
                   '31/2023/TT-BCA')],
  'channels': [('online', 8.0, 'working_days', '', [('le_phi', 160000, 'Lệ phí cấp hộ chiếu: 160.000 đồng')]),
               ('postal', 8.0, 'working_days', '', [('le_phi', 160000, 'Lệ phí cấp hộ chiếu: 160.000 đồng')]),
               ('direct', 8.0, 'working_days', '', [('le_phi', 160000, 'Lệ phí cấp hộ chiếu: 160.000 đồng')])],
  'documents': [('Bản sao giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp chứng minh người đại diện hợp pháp đối '
                 'với người mất năng lực hành vi dân sự, người có khó khăn trong nhận thức, làm chủ hành vi theo quy '
                 'định',
                 1,
                 1,
                 True,
                 ''),
                ('Tờ khai đề nghị cấp hộ chiếu phổ thông ở trong nước (mẫu TK01 dành cho người từ 14 tuổi trở lên; '
                 'mẫu TK01a dành cho người chưa đủ 14 tuổi) ban hành kèm theo Thông tư số 31/2023/TT-BCA ngày '
                 '20/7/2023 c',
                 1,
                 0,
                 True,
                 'Mau TK01a to khai trẻ em cap HCPT ở trong nước TK01a MỚI.doc'),
                ('Ảnh mới chụp không quá 06 tháng, cỡ 4cm x 6cm, mặt nhìn thẳng, đầu để trần, rõ mặt, rõ hai tai, '
                 'không đeo kính, trang phục lịch sự, phông ảnh nền trắng',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu phổ thông cấp lần gần nhất còn giá trị sử dụng đối với người đã được cấp hộ chiếu; trường '
                 'hợp hộ chiếu còn giá trị sử dụng bị mất phải kèm đơn báo mất hoặc thông báo về việc đã tiếp nhận '
                 'đơn',
                 1,
                 0,
                 True,
                 ''),
                ('Bản sao giấy khai sinh hoặc trích lục giấy khai sinh đối với người chưa đủ 14 tuổi chưa được cấp '
                 'mã số định danh cá nhân; trường hợp không có bản sao Giấy khai sinh, trích lục khai sinh thì nộp '
                 'bản ch',
                 1,
                 1,
                 True,
                 '')]},
 {'code': '1.001570',
  'name': 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh',
  'field': 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam'],
  'decision': '2353/QĐ-BTC',
  'competent': '',
  'implementing': '',
  'steps': '* Trường hợp đăng ký trực tiếp hoặc đăng ký qua dịch vụ bưu chính: Trường hợp hộ kinh doanh tạm ngừng '
           'kinh doanh từ 15 ngày trở lên hoặc tiếp tục kinh doanh trước thời hạn đã đăng ký, hộ kinh doanh gửi hồ '
           'sơ đăng ký đến Cơ quan đăng ký kinh doanh cấp xã nơi hộ kinh doanh đăng ký trụ sở hoặc Cơ quan đăng ký '
           'kinh doanh cấp xã bất kỳ trong phạm vi tỉnh, thành phố trực thuộc trung ương nơi hộ kinh doanh đăng ký '
           'trụ sở chậm nhất là 03 ngày làm việc trước ngày tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời '
           'hạn đã đăng ký.\n'
           '…',
  'conditions': '',
  'results': [('Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh', 'KQ.G12.001049'),
              ('Giấy xác nhận về việc hộ kinh doanh tiếp tục kinh doanh trước thời hạn đã thông báo',
               'KQ.G12.001154')],
  'legal_basis': [('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC'),
                  ('Luật Doanh nghiệp', '59/2020/QH14'),
                  ('Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 2020', '76/2025/QH15'),
                  ('Thông tư số 68/2025/TT-BTC của Bộ Tài chính: Ban hành biểu mẫu sử dụng trong đăng ký doanh '
                   'nghiệp, đăng ký hộ kinh doanh',
                   '68/2025/TT-BTC')],
  'channels': [('online', 1.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 1.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 1.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('(iv) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính không phải là bưu chính công ích '
                 'thực hiện thủ tục đăng ký hộ kinh doanh thì việc ủy quyền thực hiện theo quy định tại mục (ii).',
                 0,
                 1,
                 True,
                 ''),
                ('(ii) Trường hợp ủy quyền cho tổ chức thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ đăng '
                 'ký hộ kinh doanh phải có bản sao hợp đồng cung cấp dịch vụ với tổ chức làm dịch vụ thực hiện thủ '
                 'tục l',
                 0,
                 1,
                 True,
                 ''),
                ('(iii) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính công ích thực hiện thủ tục đăng ký '
                 'hộ kinh doanh thì khi thực hiện thủ tục đăng ký hộ kinh doanh, nhân viên bưu chính phải nộp bản '
                 'sao p',
                 0,
                 1,
                 True,
                 ''),
                ('(v) Người ủy quyền và người được ủy quyền thực hiện thủ tục đăng ký hộ kinh doanh chịu trách nhiệm '
                 'trước pháp luật về tính hợp pháp, trung thực và chính xác của việc ủy quyền. Người uỷ quyền và '
                 'người',
                 0,
                 1,
                 True,
                 ''),
                ('Trường hợp chưa có tài khoản định danh điện tử để thực hiện xác thực điện tử thì hồ sơ đăng ký hộ '
                 'kinh doanh phải kèm theo bản sao thẻ Căn cước hoặc thẻ Căn cước công dân còn hiệu lực của người uỷ '
                 'quy',
                 0,
                 1,
                 False,
                 '')]},
 {'code': '1.001612',
  'name': 'Đăng ký thành lập hộ kinh doanh',
  'field': 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam'],
  'decision': '2353/QĐ-BTC',
  'competent': '',
  'implementing': '',
  'steps': '* Trường hợp đăng ký trực tiếp hoặc đăng ký qua dịch vụ bưu chính: - Chủ hộ kinh doanh hoặc người được '
           'ủy quyền thực hiện thủ tục đăng ký hộ kinh doanh gửi hồ sơ đăng ký thành lập hộ kinh doanh đến Cơ quan '
           'đăng ký kinh doanh cấp xã nơi hộ kinh doanh đăng ký trụ sở hoặc Cơ quan đăng ký kinh doanh cấp xã bất kỳ '
           'trong phạm vi tỉnh, thành phố trực thuộc trung ương nơi hộ kinh doanh đăng ký trụ sở.\n'
           '…',
  'conditions': '',
  'results': [('Thông báo bằng văn bản nội dung cần sửa đổi, bổ sung của Cơ quan đăng ký kinh doanh cấp xã',
               'KQ.G12.001009'),
              ('Giấy chứng nhận đăng ký  hộ kinh doanh', 'KQ.G12.001041')],
  'legal_basis': [('Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 2020', '76/2025/QH15'),
                  ('Thông tư số 68/2025/TT-BTC của Bộ Tài chính: Ban hành biểu mẫu sử dụng trong đăng ký doanh '
                   'nghiệp, đăng ký hộ kinh doanh',
                   '68/2025/TT-BTC'),
                  ('Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp',
                   '168/2025/NĐ-CP'),
                  ('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC')],
  'channels': [('online', 3, 'working_days', '', [('le_phi', 100000, 'Lệ phí đăng ký hộ kinh doanh: 100.000 đồng')]),
               ('postal', 3, 'working_days', '', [('le_phi', 100000, 'Lệ phí đăng ký hộ kinh doanh: 100.000 đồng')]),
               ('direct', 3, 'working_days', '', [('le_phi', 100000, 'Lệ phí đăng ký hộ kinh doanh: 100.000 đồng')])],
  'documents': [('(iv) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính không phải là bưu chính công ích '
                 'thực hiện thủ tục đăng ký hộ kinh doanh thì việc ủy quyền thực hiện theo quy định tại mục (ii).',
                 0,
                 1,
                 True,
                 ''),
                ('(v) Người ủy quyền và người được ủy quyền thực hiện thủ tục đăng ký hộ kinh doanh chịu trách nhiệm '
                 'trước pháp luật về tính hợp pháp, trung thực và chính xác của việc ủy quyền. Người uỷ quyền và '
                 'người',
                 0,
                 1,
                 True,
                 ''),
                ('(ii) Trường hợp ủy quyền cho tổ chức thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ đăng '
                 'ký hộ kinh doanh phải có bản sao hợp đồng cung cấp dịch vụ với tổ chức làm dịch vụ thực hiện thủ '
                 'tục l',
                 0,
                 1,
                 True,
                 ''),
                ('(iii) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính công ích thực hiện thủ tục đăng ký '
                 'hộ kinh doanh thì khi thực hiện thủ tục đăng ký hộ kinh doanh, nhân viên bưu chính phải nộp bản '
                 'sao p',
                 0,
                 1,
                 True,
                 ''),
                ('(i) Trường hợp ủy quyền cho cá nhân thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ đăng '
                 'ký hộ kinh doanh phải có văn bản ủy quyền cho cá nhân thực hiện thủ tục liên quan đến đăng ký hộ '
                 'kinh d',
                 0,
                 1,
                 True,
                 '')]},
 {'code': '1.002755',
  'name': 'Gia hạn tạm trú',
  'field': 'Đăng ký, quản lý cư trú',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam'],
  'decision': '9354/QĐ-BCA-C06',
  'competent': 'Công an cấp Xã',
  'implementing': 'Công an cấp Xã',
  'steps': 'Bước 1: Cá nhân, tổ chức chuẩn bị hồ sơ theo quy định của pháp luật.\n'
           ' Bước 2: Cá nhân, tổ chức nộp hồ sơ đến Công an cấp xã.\n'
           ' Bước 3: Khi tiếp nhận hồ sơ gia hạn tạm trú, cơ quan đăng ký cư trú kiểm tra tính pháp lý và nội dung '
           'hồ sơ:\n'
           '- Trường hợp hồ sơ đã đầy đủ, hợp lệ thì tiếp nhận hồ sơ và cấp Phiếu tiếp nhận hồ sơ và hẹn trả kết quả '
           '(mẫu CT04 ban hành kèm theo Thông tư số 66/2023/TT-BCA) cho người đăng ký.\n'
           '- Trường hợp hồ sơ không đủ điều kiện thì từ chối và cấp Phiếu từ chối tiếp nhận, giải quyết hồ sơ (mẫu '
           'CT06 ban hành kèm theo Thông tư số 66/2023/TT-BCA) cho người đăng ký.\n'
           ' Bước 4: Cá nhân, tổ chức nộp lệ phí gia hạn tạm trú theo quy định.\n'
           '…',
  'conditions': 'Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân phải làm thủ tục '
                'gia hạn tạm trú.',
  'results': [('Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', 'KQ.G01.000064'),
              ('Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú', 'KQ.G01.000065')],
  'legal_basis': [('Thông tư số', '53/2025/TT-BCA'),
                  ('ngày 01/7/2025 của Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15 tháng 5 năm 2021 của Bộ trưởng Bộ Công an quy định chi tiết một số điều và biện pháp thi hành '
                   'Luật Cư ',
                   '53/2025/TT-BCA'),
                  ('Thông tư số 66/2023/TT-BCA Sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15/5/2021 quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú; Thông tư số '
                   '56/2021/TT-BCA ngày 1',
                   '66/2023/TT-BCA'),
                  ('Thông tư số 75/2022/TT-BTC của Bộ Tài chính: Quy định mức thu, chế độ thu, nộp và quản lý lệ phí '
                   'đăng ký cư trú',
                   '75/2022/TT-BTC')],
  'channels': [('online', 3.0, 'working_days', '', [('other', 5000, '5,000 Việt Nam Đồng')]),
               ('direct', 3.0, 'working_days', '', [('other', 10000, '10,000 Việt Nam Đồng')])],
  'documents': [('Tờ khai thay đổi thông tin cư trú (của từng người)   (Mẫu CT01 ban hành kèm theo Thông tư số '
                 '53/2025/TT-BCA).1.',
                 1,
                 0,
                 True,
                 'MuCT01banhnhkmtheoThngts53.doc'),
                ('Văn bản đề nghị gia hạn tạm trú trong đó ghi rõ thông tin về chỗ ở hợp pháp kèm danh sách người '
                 'gia hạn tạm trú. Danh sách bao gồm những thông tin cơ bản của từng người: họ, chữ đệm và tên; '
                 'ngày, th',
                 1,
                 0,
                 True,
                 ''),
                ('Đối với Quân đội nhân dân: Giấy giới thiệu đăng ký thường trú của đơn vị cấp trung đoàn và tương '
                 'đương trở lên.',
                 1,
                 0,
                 True,
                 ''),
                ('Đối với Công an nhân dân: Giấy giới thiệu của Thủ trưởng đơn vị quản lý trực tiếp ghi rõ nội dung '
                 'để làm thủ tục gia hạn tạm trú và đơn vị có chỗ ở cho cán bộ chiến sĩ (ký tên, đóng dấu).',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai thay đổi thông tin cư   trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).1.',
                 1,
                 0,
                 True,
                 'MuCT01banhnhkmtheoThngts53.doc')]},
 {'code': '1.003197',
  'name': 'Xóa đăng ký thường trú',
  'field': 'Đăng ký, quản lý cư trú',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam', 'Cán bộ, công chức, viên chức'],
  'decision': '1523/QĐ-BCA-C06',
  'competent': 'Công an cấp Xã',
  'implementing': 'Công an cấp Xã',
  'steps': 'Bước 1: Cá nhân, tổ chức chuẩn bị hồ sơ theo quy định của pháp luật.\n'
           ' Bước 2: Cá nhân, tổ chức nộp hồ sơ đến Công an cấp xã.\n'
           ' Bước 3: Khi tiếp nhận hồ sơ xóa đăng ký thường trú, cơ quan đăng ký cư trú kiểm tra tính pháp lý và nội '
           'dung hồ sơ:\n'
           '- Trường hợp hồ sơ đã đầy đủ, hợp lệ thì tiếp nhận hồ sơ và cấp Phiếu tiếp nhận hồ sơ và hẹn trả kết quả '
           '(mẫu CT04 ban hành kèm theo Thông tư số 66/2023/TT-BCA) cho người đăng ký.\n'
           '- Trường hợp hồ sơ không đủ điều kiện thì từ chối và cấp Phiếu từ chối tiếp nhận, giải quyết hồ sơ (mẫu '
           'CT06 ban hành kèm theo Thông tư số 66/2023/TT-BCA) cho người đăng ký.\n'
           '…',
  'conditions': '- Trong thời hạn 07 ngày kể từ ngày hộ gia đình có người thuộc diện xóa đăng ký thường trú thì '
                'người thuộc diện xóa đăng ký thường trú hoặc đại diện hộ gia đình có trách nhiệm nộp hồ sơ làm thủ '
                'tục xóa đăng ký thường trú đến cơ quan đăng ký cư trú.\n'
                '- Trường hợp người thuộc diện xóa đăng ký thường trú hoặc đại diện hộ gia đình không thực hiện thủ '
                'tục xóa đăng ký thường trú thì cơ quan đăng ký cư …',
  'results': [('Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', 'KQ.G01.000064'),
              ('Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú', 'KQ.G01.000065')],
  'legal_basis': [('Thông tư số', '53/2025/TT-BCA'),
                  ('ngày 01/7/2025 của Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15 tháng 5 năm 2021 của Bộ trưởng Bộ Công an quy định chi tiết một số điều và biện pháp thi hành '
                   'Luật Cư ',
                   '53/2025/TT-BCA'),
                  ('Thông tư số 54/2025/TT-BCA ngày 01/7/2025 của Bộ trưởng Bộ Công an quy định về quy trình đăng ký '
                   'cư trú.',
                   '54/2025/TT-BCA'),
                  ('Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', '154/2024/NĐ-CP')],
  'channels': [('online', 5.0, 'working_days', '', [])],
  'documents': [('Thông tin chứng minh thuộc trường hợp xóa đăng ký thường trú của công dân trong Cơ sở dữ liệu quốc '
                 'gia, cơ sở dữ liệu chuyên ngành và cơ sở dữ liệu khác được kết nối, chia sẻ với cơ quan đăng ký cư '
                 'tr',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số '
                 '53/2025/TT-BCA).1.MuCT01banhnhkmtheo',
                 1,
                 0,
                 True,
                 'Thngts53 (3).doc')]},
 {'code': '1.003583',
  'name': 'Thủ tục đăng ký khai sinh lưu động',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'none',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Công chức tư pháp - hộ tịch cấp xã được giao nhiệm vụ đăng ký khai sinh lưu động có trách nhiệm chuẩn '
           'bị đầy đủ mẫu Tờ khai đăng ký khai sinh, giấy tờ hộ tịch và điều kiện cần thiết để thực hiện đăng ký lưu '
           'động tại nhà riêng hoặc tại địa điểm tổ chức đăng ký lưu động, bảo đảm thuận lợi cho người dân.\n'
           'Tại địa điểm đăng ký hộ tịch lưu động, công chức tư pháp - hộ tịch hướng dẫn người yêu cầu điền đầy đủ '
           'thông tin trong Tờ khai đăng ký khai sinh; kiểm tra các giấy tờ làm cơ sở cho việc đăng ký khai sinh; '
           'viết Phiếu tiếp nhận hồ sơ.\n'
           '…',
  'conditions': '',
  'results': [('Giấy khai sinh', 'KQ.G15.000031')],
  'legal_basis': [('Thông tư sửa đổi, bổ sung một số điều của Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ Tài '
                   'chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành '
                   'phố trực ',
                   '106/2021/TT-BTC'),
                  ('Sửa đổi, bổ sung một số điều của Thông tư số 02/2020/TT-BTP ngày 08/4/2020 của Bộ trưởng Bộ Tư '
                   'pháp ban hành, hướng dẫn sử dụng, quản lý mẫu sổ quốc tịch và mẫu giấy tờ về quốc tịch và Thông '
                   'tư số 04/',
                   '04/2024/TT-BTP'),
                  ('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP'),
                  ('Hướng dẫn Luật hộ tịch và Nghị định 123/2015/NĐ-CP hướng dẫn Luật hộ tịch do Bộ trưởng Bộ Tư '
                   'pháp ban hành',
                   '04/2020/TT-BTP')],
  'channels': [('direct', 5.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Bản chính Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng '
                 'xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh;',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đăng ký khai sinh theo mẫu.', 1, 0, True, ''),
                ('Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản xác nhận của cơ sở y tế đã '
                 'thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ.',
                 1,
                 0,
                 False,
                 ''),
                ('Giấy chứng nhận kết hôn nếu cha, mẹ đã đăng ký kết hôn. Trường hợp đã có thông tin về việc kết hôn '
                 'của cha, mẹ trong CSDLHTĐT, CSDLQGVDC thì không phải xuất trình.',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.004222',
  'name': 'Đăng ký thường trú',
  'field': 'Đăng ký, quản lý cư trú',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Người Việt Nam định cư ở nước ngoài', 'Công dân Việt Nam'],
  'decision': '1523/QĐ-BCA-C06',
  'competent': 'Công an cấp Xã',
  'implementing': 'Công an cấp Xã',
  'steps': 'Bước 1: Cá nhân, tổ chức chuẩn bị hồ sơ theo quy định của pháp luật.\n'
           ' Bước 2: Cá nhân, tổ chức nộp hồ sơ đến Công an cấp xã.\n'
           ' Bước 3: Khi tiếp nhận hồ sơ đăng ký thường trú, cán bộ đăng ký kiểm tra hồ sơ, đối chiếu các thông tin '
           'mà công dân đã khai báo với thông tin trong Cơ sở dữ liệu quốc gia về dân cư, Cơ sở dữ liệu về cư trú, '
           'cơ sở dữ liệu khác có liên quan, hệ thống thông tin, Kho quản lý dữ liệu điện tử của tổ chức, cá nhân để '
           'kiểm tra tính chính xác các thông tin. Đối chiếu với các quy định của pháp luật về cư trú và thực hiện '
           'như sau:\n'
           '…',
  'conditions': 'Người thực hiện thủ tục đã được thu thập, cập nhật thông tin công dân vào Cơ sở dữ liệu quốc gia về '
                'dân cư, Cơ sở dữ liệu về cư trú',
  'results': [('Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', 'KQ.G01.000064'),
              ('Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú', 'KQ.G01.000065')],
  'legal_basis': [('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP'),
                  ('Thông tư số', '53/2025/TT-BCA'),
                  ('ngày 01/7/2025 của Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15 tháng 5 năm 2021 của Bộ trưởng Bộ Công an quy định chi tiết một số điều và biện pháp thi hành '
                   'Luật Cư ',
                   '53/2025/TT-BCA'),
                  ('Thông tư số 66/2023/TT-BCA Sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15/5/2021 quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú; Thông tư số '
                   '56/2021/TT-BCA ngày 1',
                   '66/2023/TT-BCA')],
  'channels': [('online', 7.0, 'working_days', '', [('le_phi', 10000, 'Lệ phí đăng ký cư trú: 10.000 đồng')]),
               ('direct', 7.0, 'working_days', '', [('le_phi', 20000, 'Lệ phí đăng ký cư trú: 20.000 đồng')])],
  'documents': [('Tờ khai thay đổi thông tin cư trú', 1, 0, True, 'Mẫu CT01 (Thông tư 66/2023/TT-BCA)'),
                ('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 1, 0, True, ''),
                ('Văn bản đồng ý của chủ hộ hoặc chủ sở hữu chỗ ở hợp pháp, khi đăng ký vào chỗ ở của người khác',
                 1,
                 0,
                 False,
                 '')]},
 {'code': '1.004746',
  'name': 'Thủ tục đăng ký lại kết hôn',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký lại kết hôn nộp hồ sơ đăng ký lại '
           'kết hôn tại Trung tâm phục vụ hành chính công có thẩm quyền nộp lệ phí nếu thuộc trường hợp phải nộp lệ '
           'phí đăng ký lại kết hôn. \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký lại kết hôn truy cập Cổng dịch vụ '
           'công quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận kết hôn', 'KQ.G15.000032')],
  'legal_basis': [('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện '
                   'pháp thi  hành Luật Hộ tịch123/2015/NĐ-CP Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, '
                   'đăng ký ',
                   '87/2020/NĐ-CP'),
                  ('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính, điều '
                   'kiện kinh doanh  thuộc phạm vi quản lý của Bộ Tư pháp',
                   '18/2026/NĐ-CP')],
  'channels': [('online', 5, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 5, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 5, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Bản sao Giấy chứng nhận kết hôn được cấp trước đây. Nếu không có bản sao Giấy chứng nhận kết hôn '
                 'thì nộp bản sao hồ sơ, giấy tờ cá nhân có các thông tin liên quan đến nội dung đăng ký kết hôn.',
                 0,
                 1,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ chứng minh nơi cư trú để xác định thẩm quyền (nếu việc đăng ký lại kết hôn thực hiện tại '
                 'Ủy ban nhân dân cấp xã không phải là nơi đăng ký kết hôn trước đây) trong trường hợp cơ quan đăng '
                 'ký',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đăng ký lại kết hôn theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực '
                 'tiếp);',
                 1,
                 0,
                 True,
                 ''),
                ('Mẫu hộ tịch điện tử tương tác đăng ký lại kết hôn', 1, 0, True, '')]},
 {'code': '1.004837',
  'name': 'Thủ tục đăng ký giám hộ',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Người Việt Nam định cư ở nước ngoài', 'Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': '',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký giám hộ nộp hồ sơ đăng ký giám hộ '
           'tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp phải nộp lệ phí '
           'đăng ký giám hộ; nộp phí cấp bản sao Trích lục đăng ký giám hộ nếu có yêu cầu cấp bản sao Trích lục đăng '
           'ký giám hộ.  \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký giám hộ truy cập Cổng dịch vụ công '
           'quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Trích lục đăng ký giám hộ', 'KQ.G15.000035')],
  'legal_basis': [('Hướng dẫn Luật hộ tịch và Nghị định 123/2015/NĐ-CP hướng dẫn Luật hộ tịch do Bộ trưởng Bộ Tư '
                   'pháp ban hành',
                   '04/2020/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, '
                   'chứng thực.',
                   '07/2025/NĐ-CP'),
                  ('Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ quy định về phân định thẩm quyền của '
                   'chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp.',
                   '120/2025/NĐ-CP'),
                  ('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP')],
  'channels': [('online', 3.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 3.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 3.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký giám '
                 'hộ. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của '
                 'người',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ chứng minh điều kiện giám hộ đương nhiên theo quy định của Bộ luật Dân sự đối với trường '
                 'hợp đăng ký giám hộ đương nhiên. Trường hợp có nhiều người cùng đủ điều kiện làm giám hộ đương '
                 'nhiên',
                 1,
                 0,
                 True,
                 ''),
                ('Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự đối với trường hợp đăng ký giám hộ cử.',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.004845',
  'name': 'Thủ tục đăng ký chấm dứt giám hộ',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam',
                 'Doanh nghiệp',
                 'Người Việt Nam định cư ở nước ngoài',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': '',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký chấm dứt giám hộ nộp hồ sơ đăng ký '
           'chấm dứt giám hộ tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp '
           'phải nộp lệ phí đăng ký chấm dứt giám hộ; nộp phí cấp bản sao Trích lục đăng ký chấm dứt giám hộ nếu có '
           'yêu cầu cấp bản sao Trích lục đăng ký chấm dứt giám hộ.  \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký chấm dứt giám hộ truy cập Cổng dịch '
           'vụ công quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Trích lục đăng ký chấm dứt giám hộ', 'KQ.G15.000036')],
  'legal_basis': [('Sửa đổi, bổ sung một số điều của Thông tư số 02/2020/TT-BTP ngày 08/4/2020 của Bộ trưởng Bộ Tư '
                   'pháp ban hành, hướng dẫn sử dụng, quản lý mẫu sổ quốc tịch và mẫu giấy tờ về quốc tịch và Thông '
                   'tư số 04/',
                   '04/2024/TT-BTP'),
                  ('Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số', '03/2023/TT-BTP'),
                  ('Thông tư sửa đổi, bổ sung một số điều của Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ Tài '
                   'chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành '
                   'phố trực ',
                   '106/2021/TT-BTC'),
                  ('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC')],
  'channels': [('online', 2.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 2.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 2.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký chấm '
                 'dứt giám hộ. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ làm căn cứ chấm dứt giám hộ theo quy định của Bộ luật Dân sự.', 1, 0, True, ''),
                ('Tờ khai đăng ký chấm dứt giám hộ theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức '
                 'trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính););',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.004859',
  'name': 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': '',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký thay đổi, cải chính, bổ sung thông '
           'tin hộ tịch, xác định lại dân tộc nộp hồ sơ thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại '
           'dân tộc tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp phải nộp lệ '
           'phí thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc; nộp phí cấp bản sao Trích lục '
           'thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc nếu có yêu cầu cấp bản sao Trích '
           'lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc.  \n'
           '…',
  'conditions': '',
  'results': [('Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', 'KQ.G15.000037')],
  'legal_basis': [('Sửa đổi, bổ sung một số điều của Thông tư số 02/2020/TT-BTP ngày 08/4/2020 của Bộ trưởng Bộ Tư '
                   'pháp ban hành, hướng dẫn sử dụng, quản lý mẫu sổ quốc tịch và mẫu giấy tờ về quốc tịch và Thông '
                   'tư số 04/',
                   '04/2024/TT-BTP'),
                  ('Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số', '03/2023/TT-BTP'),
                  ('Thông tư sửa đổi, bổ sung một số điều của Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ Tài '
                   'chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành '
                   'phố trực ',
                   '106/2021/TT-BTC'),
                  ('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC')],
  'channels': [('online', 3, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 3, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 3, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký thay '
                 'đổi, cải chính, bổ sung thông tin hộ tịch. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, '
                 'con,',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch.', 1, 0, True, ''),
                ('Mẫu hộ tịch điện tử tương tác thực hiện đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, '
                 'xác định lại dân tộc',
                 1,
                 1,
                 True,
                 '')]},
 {'code': '1.004873',
  'name': 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': '',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu cấp Giấy xác nhận tình trạng hôn nhân nộp hồ '
           'sơ yêu cầu cấp Giấy xác nhận tình trạng hôn nhân tại Trung tâm phục vụ hành chính công có thẩm quyền nộp '
           'lệ phí nếu thuộc trường hợp phải nộp lệ phí cấp Giấy xác nhận tình trạng hôn nhân. \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu cấp Giấy xác nhận tình trạng hôn nhân truy '
           'cập Cổng dịch vụ công quốc gia hoặc Ứng dụng định danh quốc gia. \n'
           '…',
  'conditions': '',
  'results': [('Giấy xác nhận tình trạng hôn nhân', 'KQ.G15.000038')],
  'legal_basis': [('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện '
                   'pháp thi  hành Luật Hộ tịch',
                   '123/2015/NĐ-CP'),
                  ('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP')],
  'channels': [('online', 3.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 3.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 3.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Trường hợp cá nhân yêu cầu cấp lại Giấy xác nhận tình trạng hôn nhân để sử dụng vào mục đích khác '
                 'hoặc do Giấy xác nhận tình trạng hôn nhân đã hết thời hạn sử dụng theo quy định thì phải nộp lại '
                 'Giấ',
                 1,
                 0,
                 False,
                 ''),
                ('Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc cấp Giấy xác '
                 'nhận tình trạng hôn nhân. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh,',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Mẫu điện tử tương tác cấp Giấy xác nhận tình trạng hôn nhân (do người yêu cầu cung cấp thông tin '
                 'theo hướng dẫn trên Cổng dịch vụ công nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực '
                 'tuy',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.005461',
  'name': 'Đăng ký lại khai tử',
  'field': 'Hộ tịch',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': 'Ủy ban Nhân dân\xa0xã,\xa0phường,\xa0thị trấn.',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký lại khai tử nộp hồ sơ đăng ký lại '
           'khai tử tại Trung tâm Phục vụ hành chính công có thẩm quyền; nộp lệ phí nếu thuộc trường hợp phải nộp lệ '
           'phí đăng ký lại khai tử; nộp phí cấp bản sao Trích lục khai tử nếu có yêu cầu cấp bản sao Trích lục khai '
           'tử.   \n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu đăng ký lại khai tử truy cập Cổng dịch vụ '
           'công quốc gia hoặc Ứng dụng định danh quốc gia.\n'
           '…',
  'conditions': '',
  'results': [('Trích lục khai tử', 'KQ.G15.000034')],
  'legal_basis': [('Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, '
                   'thành phố trực thuộc Trung ương',
                   '85/2019/TT-BTC'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp xuất trình sổ hộ '
                   'khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công',
                   '104/2022/NĐ-CP'),
                  ('Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm '
                   'quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư '
                   'pháp',
                   '08/2025/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính, điều '
                   'kiện kinh doanh  thuộc phạm vi quản lý của Bộ Tư pháp18/2026/NĐ-CP Nghị định quy định về Cơ sở '
                   'dữ liệu hộ',
                   '87/2020/NĐ-CP')],
  'channels': [('online', 5, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 5, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 5, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Bản sao Giấy chứng tử trước đây được cấp hợp lệ. Nếu không có bản sao Giấy chứng tử trước đây được '
                 'cấp hợp lệ thì nộp bản sao hồ sơ, giấy tờ liên quan có nội dung chứng minh sự kiện chết.',
                 0,
                 1,
                 True,
                 ''),
                ('Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký lại '
                 'khai tử. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của '
                 'n',
                 1,
                 0,
                 True,
                 ''),
                ('Mẫu hộ tịch điện tử tương tác đăng ký lại khai tử', 1, 0, True, '')]},
 {'code': '1.010040',
  'name': 'Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú',
  'field': 'Đăng ký, quản lý cư trú',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '9354/QĐ-BCA-C06',
  'competent': 'Công an cấp Xã',
  'implementing': 'Công an cấp Xã',
  'steps': 'Bước 1: Cá nhân, tổ chức chuẩn bị hồ sơ theo quy định của pháp luật.\n'
           'Bước 2: Cá nhân, tổ chức nộp hồ sơ đến Công an cấp xã\n'
           'Bước 3: Khi tiếp nhận hồ sơ khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường '
           'trú, đăng ký tạm trú, cơ quan đăng ký cư trú kiểm tra tính pháp lý và nội dung hồ sơ:\n'
           '- Trường hợp hồ sơ đã đầy đủ, hợp lệ thì tiếp nhận hồ sơ và cấp Phiếu tiếp nhận hồ sơ và hẹn trả kết quả '
           '(mẫu CT04 ban hành kèm theo Thông tư số 66/2023/TT-BCA) cho người đăng ký;\n'
           '- Trường hợp hồ sơ không đủ điều kiện thì từ chối và cấp Phiếu từ chối tiếp nhận, giải quyết hồ sơ (mẫu '
           'CT06 ban hành kèm theo Thông tư số 66/2023/TT-BCA) cho người đăng ký.\n'
           '…',
  'conditions': 'Trong thời hạn tối đa 60 ngày, kể từ ngày người chưa thành niên được đăng ký khai sinh thì cha hoặc '
                'mẹ hoặc người giám hộ có trách nhiệm thực hiện thủ tục khai báo thông tin về cư trú cho người chưa '
                'thành niên nếu cha hoặc mẹ hoặc người giám hộ của người chưa thành niên không có cả nơi thường trú, '
                'nơi tạm trú theo quy định tại Điều 4 Nghị định số 154/2024/NĐ-CP.',
  'results': [('Xác nhận thông tin về cư trú (CT07)', 'KQ.G01.000062'),
              ('Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú', 'KQ.G01.000065')],
  'legal_basis': [('Thông tư số', '53/2025/TT-BCA'),
                  ('ngày 01/7/2025 của Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15 tháng 5 năm 2021 của Bộ trưởng Bộ Công an quy định chi tiết một số điều và biện pháp thi hành '
                   'Luật Cư ',
                   '53/2025/TT-BCA'),
                  ('Thông tư số 66/2023/TT-BCA Sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA ngày '
                   '15/5/2021 quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú; Thông tư số '
                   '56/2021/TT-BCA ngày 1',
                   '66/2023/TT-BCA'),
                  ('Luật Cư trú 2020', '68/2020/QH14')],
  'channels': [('online', 5.0, 'working_days', '', []),
               ('direct', 5.0, 'working_days', '', []),
               ('online', 30.0, 'working_days', '', []),
               ('direct', 30.0, 'working_days', '', [])],
  'documents': [('Giấy tờ, tài liệu khác  (nếu có).', 1, 0, False, ''),
                ('Tờ khai thay đổi thông tin cư trú (Mẫu CT01   ban hành kèm theo Thông tư số '
                 '53/2025/TT-BCA).1.MuCT01banhnhkmtheo',
                 1,
                 0,
                 True,
                 'Thngts53 (1).doc')]},
 {'code': '1.012549',
  'name': 'Cấp thẻ căn cước cho người dưới 14 tuổi (thực hiện tại cấp tỉnh)',
  'field': 'Cấp, quản lý căn cước',
  'levels': ['province'],
  'online': 'partial',
  'agencies': ['000.00.14.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '5710/QĐ-BCA-C06',
  'competent': 'Cục cảnh sát quản lý hành chính về trật tự, xã hội',
  'implementing': 'Công an tỉnh',
  'steps': '- Bước 1: \n'
           '+ Trường hợp người đại diện hợp pháp thực hiện thủ tục cấp thẻ căn cước cho người dưới 06 tuổi thông qua '
           'cổng dịch vụ công hoặc ứng dụng định danh quốc gia thì lựa chọn thủ tục, kiểm tra thông tin của người '
           'dưới 06 tuổi trong Cơ sở dữ liệu quốc gia về dân cư. Trường hợp thông tin chính xác thì người đại diện '
           'hợp pháp xác nhận chuyển hồ sơ đề nghị đến cơ quan quản lý căn cước của Công an cấp tỉnh trong cả nước '
           'không phụ thuộc vào nơi cư trú xem xét, giải quyết việc cấp thẻ căn cước.\n'
           '+ Trường hợp thực hiện trực tiếp tại cơ quan quản lý căn cước của Công an cấp tỉnh, người đại diện hợp '
           'pháp đưa người dưới 14 tuổi đến địa điểm làm thủ tục cấp thẻ căn cước.\n'
           '…',
  'conditions': 'Không.',
  'results': [('Thẻ căn cước', 'KQ.G01.000023')],
  'legal_basis': [('Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định về xử lý một số vấn đề liên quan đến sắp xếp '
                   'tổ chức bộ máy nhà nước',
                   '190/2025/NQ-QH15'),
                  ('Thông tư quy định quy định về quy trình cấp, cấp đổi, cấp lại thẻ căn cước, giấy chứng nhận căn '
                   'cước',
                   '18/2024/TT-BCA'),
                  ('Nghị định của Chính phủ: Quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước',
                   '70/2024/NĐ-CP'),
                  ('Luật Căn cước', '26/2023/QH15')],
  'channels': [('online', 7.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 7.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số '
                 '17/2024/TT-BCA của Bộ Công an)',
                 1,
                 0,
                 True,
                 'Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc'),
                ('Phiếu thu nhận thông tin căn cước (Mẫu CC01 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ '
                 'Công an)',
                 1,
                 0,
                 True,
                 'Mẫu CC01 Phiếu thu nhận thông tin căn cước.doc'),
                ('Phiếu thu thập thông tin dân cư (mẫu DC01 ban hành kèm theo Thông tư số 53/2025/TT-BCA ngày '
                 '01/7/2025 của Bộ Công an)',
                 1,
                 0,
                 True,
                 'Mẫu DC01 Phiếu thu thập thông tin dân cư.docx'),
                ('Giấy tờ, tài liệu có giá trị pháp lý chứng minh là người đại diện hợp pháp của người dưới 14 tuổi',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.012575',
  'name': 'Đăng ký xe lần đầu trực tuyến toàn trình đối với xe sản xuất lắp ráp trong nước thực hiện tại cấp tỉnh,  '
          'cấp xã',
  'field': 'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng',
  'levels': ['province', 'commune'],
  'online': 'full',
  'agencies': ['000.00.14.H44'],
  'applicants': ['Công dân Việt Nam'],
  'decision': '1383/QĐ-BCA',
  'competent': 'Công an tỉnh, Công an cấp Xã',
  'implementing': 'Công an tỉnh, Công an cấp Xã',
  'steps': 'Bước 1: Chủ xe đăng nhập bằng tài khoản định danh mức độ 2 trên cổng dịch vụ công hoặc Ứng dụng định '
           'danh quốc gia và kê khai chính xác, đầy đủ, trung thực các nội dung trong mẫu giấy khai đăng ký xe điện '
           'tử và thực hiện theo hướng dẫn (chủ xe không cần ký). \n'
           'Bước 2: Chủ xe thực hiện lựa chọn biển số: biển định danh (thực hiện chọn biển định danh); xác nhận biển '
           'đấu giá; hoặc bấm biển số mới (nếu chưa có biển số định danh) trên cổng dịch vụ công hoặc Ứng dụng định '
           'danh quốc gia.\n'
           '…',
  'conditions': 'Chủ xe là công dân Việt Nam có tài khoản định danh mức độ 2; Phiếu kiểm tra chất lượng xuất xưởng '
                'có dán bản chà số máy, số khung có đóng dấu giáp lai của cơ sở sản xuất.',
  'results': [('Giấy chứng nhận đăng ký xe', 'KQ.G01.000014'), ('Biển số xe', 'KQ.G01.000015')],
  'legal_basis': [('Thông tư sửa đổi, bổ sung một số điều của các thông tư quy định về trật tự, an toàn giao thông '
                   'đường bộ, đường sắt và đường thủy nội địa.',
                   '13/2025/TT-BCA'),
                  ('Luật Trật tự, an toàn giao thông đường bộ', '36/2024/QH15'),
                  ('Thông tư số 60/2023/TT-BTC ngày 07/9/2023 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, '
                   'quản lý lệ phí đăng ký, cấp biển số phương tiện giao thông cơ giới đường bộ',
                   '60/2023/TT-BTC'),
                  ('hông tư số 06/2025/TT-BTC của Bộ Tài chính: Sửa đổi, bổ sung một số điều của các Thông tư của Bộ '
                   'trưởng Bộ Tài chính quy định về phí, lệ phí',
                   '06/2025/TT-BTC')],
  'channels': [('online', 2.0, 'days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy khai  đăng ký xe (mẫu ĐKX10/79 ban hành kèm theo Thông tư số 13/2025/TT-BCA ngày 28/02/2025 '
                 'của Bộ trưởng Bộ Công an).',
                 1,
                 0,
                 True,
                 'MauKX1079.docx'),
                ('Giấy tờ của chủ xe: sử  dụng Ứng dụng định danh điện tử mức độ 2 để đăng nhập trên Cổng dịch vụ '
                 'công hoặc Ứng dụng định danh quốc gia.',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ của xe (sử dụng  dữ liệu điện tử của Phiếu kiểm tra chất lượng xuất xưởng; Hóa đơn điện '
                 'tử; Lệ phí trước bạ). Phiếu kiểm tra chất lượng xuất xưởng (có dán bản chà số máy, số khung có '
                 'đóng dấu',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.012753',
  'name': 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản '
          'gắn liền với đất lần đầu đối với tổ chức đang sử dụng đất',
  'field': 'Đất đai',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.01.12.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)',
                 'Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Tổ chức nước ngoài',
                 'Doanh nghiệp'],
  'decision': '3380/QĐ-BNNMT',
  'competent': 'Ủy ban nhân dân cấp tỉnh, Cơ quan có chức năng quản lý đất đai cấp tỉnh',
  'implementing': 'Chủ tịch UBND cấp xã',
  'steps': 'Bước 1: Người yêu cầu đăng ký nộp hồ sơ đến Trung tâm Phục vụ hành chính công hoặc Văn phòng đăng ký đất '
           'đai.\n'
           'Khi nộp các giấy tờ quy định, người yêu cầu đăng ký được lựa chọn nộp bản sao giấy tờ và xuất trình bản '
           'chính để cán bộ tiếp nhận hồ sơ kiểm tra đối chiếu hoặc nộp bản chính giấy tờ hoặc nộp bản sao giấy tờ '
           'đã có công chứng hoặc chứng thực theo quy định của pháp luật về công chứng, chứng thực; trường hợp nộp '
           'hồ sơ theo hình thức trực tuyến thì hồ sơ nộp phải được số hóa từ bản chính hoặc bản sao giấy tờ đã được '
           'công chứng, chứng thực theo quy định của pháp luật.\n'
           '…',
  'conditions': '',
  'results': [('Quyết định hình thức sử dụng đất.', 'KQ.G10.000935'),
              ('Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất.', 'KQ.G10.001148')],
  'legal_basis': [('Nghị định', '101/2024/NĐ-CP'),
                  ('Nghị định', '101/2024/NĐ-CP'),
                  ('Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và cổng '
                   'Dịch vụ công quốc gia',
                   '118/2025/NĐ-C'),
                  ('Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong '
                   'lĩnh vực đất đai',
                   '151/2025/NĐ-CP')],
  'channels': [('online', 17.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 30.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 20.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Đơn đăng ký đất đai, tài sản gắn liền với đất', 1, 1, True, ''),
                ('Văn bản về việc đại diện theo quy định của pháp luật về dân sự đối với trường hợp thực hiện thủ '
                 'tục đăng ký đất đai, tài sản gắn liền với đất thông qua người đại diện.',
                 1,
                 1,
                 True,
                 ''),
                ('Sơ đồ hoặc bản trích lục bản đồ địa chính hoặc mảnh trích đo bản đồ địa chính thửa đất (nếu có).',
                 1,
                 1,
                 False,
                 ''),
                ('Văn bản thỏa thuận về việc cấp chung một Giấy chứng nhận đối với trường hợp có nhiều người chung '
                 'quyền sử dụng đất, chung quyền sở hữu tài sản gắn liền với đất.',
                 1,
                 1,
                 True,
                 ''),
                ('Quyết định vị trí đóng quân hoặc văn bản giao cơ sở nhà đất hoặc địa điểm công trình quốc phòng, '
                 'an ninh được cấp có thẩm quyền phê duyệt cho đơn vị quân đội, đơn vị công an, đơn vị sự nghiệp '
                 'công lập',
                 1,
                 1,
                 True,
                 '')]},
 {'code': '1.012783',
  'name': 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  'field': 'Đất đai',
  'levels': ['province'],
  'online': 'partial',
  'agencies': ['000.01.12.H44'],
  'applicants': ['Công dân Việt Nam',
                 'Người nước ngoài',
                 'Doanh nghiệp',
                 'Tổ chức nước ngoài',
                 'Hợp tác xã',
                 'Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Người Việt Nam định cư ở nước ngoài',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
  'decision': '3380/QĐ-BNNMT',
  'competent': 'Chi nhánh Văn phòng đăng ký đất đai, Văn phòng đăng ký đất đai',
  'implementing': 'Chi nhánh Văn phòng đăng ký đất đai, Văn phòng đăng ký đất đai',
  'steps': 'Bước 1: Người yêu cầu đăng ký nộp hồ sơ đến một trong các địa điểm trên địa bàn cấp tỉnh sau đây: Trung '
           'tâm Phục vụ hành chính công hoặc Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai.\n'
           'Khi nộp các giấy tờ quy định, người yêu cầu đăng ký được lựa chọn nộp bản sao giấy tờ và xuất trình bản '
           'chính để cán bộ tiếp nhận hồ sơ kiểm tra đối chiếu hoặc nộp bản chính giấy tờ hoặc nộp bản sao giấy tờ '
           'đã có công chứng hoặc chứng thực theo quy định của pháp luật về công chứng, chứng thực; trường hợp nộp '
           'hồ sơ theo hình thức trực tuyến thì hồ sơ nộp phải được số hóa từ bản chính hoặc bản sao giấy tờ đã được '
           'công chứng, chứng thực.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận quyền sử dụng đất; Giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở; Giấy '
               'chứng nhận quyền sở hữu nhà ở; Giấy chứng nhận quyền sở hữu công trình xây dựng; Giấy chứng nhận '
               'quyề',
               'KQ.G10.001147')],
  'legal_basis': [('Sửa đổi, bổ sung một số điều của các nghị định  quy định chi tiết thi hành Luật Đất đai',
                   '226/2025/NĐ-CP'),
                  ('Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và cổng '
                   'Dịch vụ công quốc gia',
                   '118/2025/NĐ-C'),
                  ('Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong '
                   'lĩnh vực đất đai',
                   '151/2025/NĐ-CP'),
                  ('Nghị định', '101/2024/NĐ-CP')],
  'channels': [('online', 15.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 20.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 5.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('(2) Bản gốc Giấy chứng nhận đã cấp.', 1, 0, True, ''),
                ('(3) Mảnh trích đo bản đồ địa chính thửa đất đối với trường hợp trích đo địa chính thửa đất mà ranh '
                 'giới thửa đất không thay đổi hoặc trường hợp cấp đổi Giấy chứng nhận mà người sử dụng đất có nhu '
                 'cầu',
                 0,
                 1,
                 True,
                 ''),
                ('(1) Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18 ban hành kèm theo Nghị '
                 'định số 151/2025/NĐ-CP. Trường hợp hộ gia đình có yêu cầu ghi đầy đủ tên thành viên có chung quyền '
                 'sử',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.012784',
  'name': 'Tách thửa hoặc hợp thửa đất.',
  'field': 'Đất đai',
  'levels': ['province'],
  'online': 'partial',
  'agencies': ['000.01.12.H44'],
  'applicants': ['Người Việt Nam định cư ở nước ngoài',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
                 'Doanh nghiệp',
                 'Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Công dân Việt Nam',
                 'Hợp tác xã'],
  'decision': '2304/QĐ-BNNMT',
  'competent': 'Chi nhánh Văn phòng đăng ký đất đai, Văn phòng đăng ký đất đai',
  'implementing': 'Chi nhánh Văn phòng đăng ký đất đai, Văn phòng đăng ký đất đai',
  'steps': 'Bước 1: Người sử dụng đất nộp hồ sơ đến một trong các địa điểm trên địa bàn cấp tỉnh: Trung tâm Phục vụ '
           'hành chính công hoặc Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai.\n'
           'Khi nộp hồ sơ, người yêu cầu đăng ký được lựa chọn nộp bản sao giấy tờ và xuất trình bản chính để cán bộ '
           'tiếp nhận hồ sơ kiểm tra đối chiếu hoặc nộp bản chính giấy tờ hoặc nộp bản sao giấy tờ đã có công chứng '
           'hoặc chứng thực; trường hợp nộp hồ sơ theo hình thức trực tuyến thì hồ sơ nộp phải được số hóa từ bản '
           'chính hoặc bản sao giấy tờ đã được công chứng, chứng thực.\n'
           'Đối với trường hợp thực hiện xác nhận thay đổi trên Giấy chứng nhận đã cấp thì người yêu cầu đăng ký nộp '
           'bản gốc Giấy chứng nhận đã cấp.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận quyền sử dụng đất; Giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở; Giấy '
               'chứng nhận quyền sở hữu nhà ở; Giấy chứng nhận quyền sở hữu công trình xây dựng; Giấy chứng nhận '
               'quyề',
               'KQ.G10.001147')],
  'legal_basis': [('Luật Đất đai ngày 18/01/2024;', '31/2024/QH15'),
                  ('Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và cổng '
                   'Dịch vụ công quốc gia',
                   '118/2025/NĐ-C'),
                  ('Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong '
                   'lĩnh vực đất đai',
                   '151/2025/NĐ-CP'),
                  ('Luật số 43/2024/QH15 ngày 29/6/2024', '43/2024/QH15')],
  'channels': [('online', 12.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 12.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 22.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('(5) Bản vẽ tách thửa đất, hợp thửa đất lập theo Mẫu số 22 ban hành kèm theo Nghị định số '
                 '151/2025/NĐ-CP.',
                 0,
                 1,
                 True,
                 ''),
                ('(1) Đơn đề nghị tách thửa đất, hợp thửa đất theo Mẫu số 21 ban hành kèm theo Nghị định số '
                 '151/2025/NĐ-CP.',
                 1,
                 0,
                 True,
                 ''),
                ('(4) Các văn bản của cơ quan có thẩm quyền có thể hiện nội dung tách thửa đất, hợp thửa đất (nếu '
                 'có).',
                 0,
                 1,
                 False,
                 ''),
                ('(3) Giấy chứng nhận đã cấp hoặc bản sao Giấy chứng nhận đã cấp kèm bản gốc để đối chiếu hoặc nộp '
                 'bản sao có công chứng, chứng thực;',
                 0,
                 1,
                 True,
                 '')]},
 {'code': '1.013080',
  'name': 'Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịch vụ công trực tuyến toàn trình',
  'field': 'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng',
  'levels': ['province', 'commune'],
  'online': 'full',
  'agencies': ['000.00.14.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)',
                 'Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Công dân Việt Nam',
                 'Doanh nghiệp',
                 'Người nước ngoài',
                 'Tổ chức nước ngoài',
                 'Hợp tác xã'],
  'decision': '1383/QĐ-BCA',
  'competent': 'Công an tỉnh, Cục cảnh sát giao thông, Công an cấp Xã',
  'implementing': 'Công an tỉnh, Cục cảnh sát giao thông, Công an cấp Xã',
  'steps': 'Bước 1: Chủ xe sử dụng tài khoản định danh điện tử mức độ 2 để đăng nhập vào cổng dịch vụ công và kê '
           'khai chính xác, đầy đủ, trung thực các nội dung quy định trong mẫu giấy khai đăng ký xe điện tử. Nộp bản '
           'chà số máy, số khung của xe qua dịch vụ bưu chính cho cơ quan đăng ký xe;\n'
           'Bước 2: Sau khi kê khai thành công, chủ xe nhận mã hồ sơ dịch vụ công, lịch hẹn giải quyết hồ sơ do cổng '
           'dịch vụ công thông báo qua tin nhắn điện thoại hoặc qua địa chỉ thư điện tử; \n'
           '…',
  'conditions': 'Chủ xe thực hiện dịch vụ công trực tuyến toàn trình đối với trường hợp cấp lại chứng nhận đăng ký '
                'xe, cấp lại biển số xe (trừ trường hợp xe đã đăng ký biển 3 số hoặc biển 4 số).',
  'results': [('Giấy chứng nhận đăng ký xe', 'KQ.G01.000014'), ('Biển số xe', 'KQ.G01.000015')],
  'legal_basis': [('Thông tư số 79/2024/TT-BCA ngày 15/11/2024 của Bộ trưởng Bộ Công an quy định về cấp, thu hồi '
                   'chứng nhận đăng ký, biển số xe cơ giới, xe máy chuyên dùng.',
                   '79/2024/TT-BCA'),
                  ('Thông tư sửa đổi, bổ sung một số điều của các thông tư quy định về trật tự, an toàn giao thông '
                   'đường bộ, đường sắt và đường thủy nội địa.',
                   '13/2025/TT-BCA'),
                  ('Luật Trật tự, an toàn giao thông đường bộ', '36/2024/QH15'),
                  ('Thông tư số 60/2023/TT-BTC ngày 07/9/2023 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, '
                   'quản lý lệ phí đăng ký, cấp biển số phương tiện giao thông cơ giới đường bộ',
                   '60/2023/TT-BTC')],
  'channels': [('online', 2.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy khai đăng ký xe (mẫu ĐKX10/79 ban hành kèm theo Thông tư  số 13/2025/TT-BCA  ngày  28/02/2025 '
                 'của Bộ trưởng Bộ Công an).',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ của chủ xe (sử dụng tài khoản định danh  mức độ  2)', 1, 0, True, '')]},
 {'code': '1.013225',
  'name': 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến '
          'trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo '
          'tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ',
  'field': 'Hoạt động xây dựng',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam',
                 'Doanh nghiệp',
                 'Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
  'decision': '56/QĐ-BXD',
  'competent': '',
  'implementing': 'Uỷ ban Nhân dân cấp xã, phường, thị trấn',
  'steps': '- Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng cho Trung tâm phục vụ hành chính công cấp xã.\n'
           '- Trong thời hạn 07 ngày làm việc kể từ ngày tiếp nhận hồ sơ, cơ quan có thẩm quyền cấp giấy phép xây '
           'dựng công trình cấp III, cấp IV phải tổ chức thẩm định hồ sơ, kiểm tra thực địa, thông báo 1 lần bằng '
           'văn bản cho chủ đầu tư bổ sung, hoàn thiện hồ sơ nếu tài liệu còn thiếu, tài liệu không đúng quy định '
           'hoặc không đúng thực tế. Cơ quan cấp giấy phép xây dựng có trách nhiệm kiểm tra các điều kiện cấp giấy '
           'phép xây dựng theo quy định tại tại Điều 50 Nghị định số 175/2024/NĐ-CP. Việc kiểm tra được thực hiện '
           'như sau:\n'
           '…',
  'conditions': '',
  'results': [('Giấy phép xây dựng kèm theo hồ sơ thiết kế trình xin cấp giấy phép xây dựng có đóng dấu của cơ quan '
               'có thẩm quyền cấp giấy phép xây dựng..',
               'KQ.G17.000311')],
  'legal_basis': [('Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà '
                   'nước của Bộ Xây dựng',
                   '140/2025/NĐ-CP'),
                  ('quy định chi tiết một số điều và biện pháp thi hành luật phòng cháy, chữa cháy và cứu nạn, cứu '
                   'hộ',
                   '105/2025/NĐ-CP'),
                  ('sửa đổi, bổ sung một số điều của các Nghị định để cắt giảm, đơn giản hóa thủ tục hành chính liên '
                   'quan đến hoạt động sản xuất, kinh doanh thuộc phạm vi quản lý của Bộ Xây dựng',
                   '14/2026/NĐ-CP'),
                  ('Nghị định số 175/2024/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện pháp thi hành '
                   'Luật Xây dựng về quản lý hoạt động xây dựng',
                   '175/2024/NĐ-CP')],
  'channels': [('online', 20.0, 'days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 20.0, 'days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 15.0, 'days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất được cấp theo quy định '
                 'của pháp luật về đất đai qua các thời kỳ. Trường hợp Giấy chứng nhận quyền sử dụng đất đã có trong '
                 'Cơ sở',
                 1,
                 1,
                 True,
                 ''),
                ('Giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở được cấp theo quy định của pháp luật về '
                 'đất đai, pháp luật về nhà ở qua các thời kỳ. Trường hợp Giấy chứng nhận quyền sử dụng đất đã có '
                 'trong',
                 1,
                 1,
                 True,
                 ''),
                ('Quyết định phê duyệt dự án; văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng '
                 'và hồ sơ bản vẽ thiết kế cơ sở được đóng dấu xác nhận kèm theo (nếu có); báo cáo kết quả thẩm tra '
                 't',
                 1,
                 1,
                 False,
                 ''),
                ('Giấy chứng nhận quyền sử dụng đất được cấp theo quy định của Luật Đất đai qua các thời kỳ. Trường '
                 'hợp Giấy chứng nhận quyền sử dụng đất đã có trong Cơ sở dữ liệu quốc gia về đất đai thì các thông '
                 'tin',
                 1,
                 1,
                 True,
                 ''),
                ('Đơn đề nghị cấp giấy phép xây dựng theo Mẫu số 1 Phụ lục số II Nghị định số 175/2024/NĐ-CP ngày '
                 '30/12/2024 của Chính phủ.',
                 1,
                 1,
                 True,
                 '')]},
 {'code': '1.013226',
  'name': 'Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo '
          'tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không '
          'theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ',
  'field': 'Hoạt động xây dựng',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam',
                 'Doanh nghiệp',
                 'Hợp tác xã',
                 'Cán bộ, công chức, viên chức',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)'],
  'decision': '56/QĐ-BXD',
  'competent': '',
  'implementing': '',
  'steps': '- Chủ đầu tư nộp hồ sơ đề nghị cấp điều chỉnh giấy phép xây dựng cho Trung tâm phục vụ hành chính công '
           'cấp xã.\n'
           '- Trong thời hạn 07 ngày làm việc kể từ ngày tiếp nhận hồ sơ, cơ quan có thẩm quyền cấp giấy phép xây '
           'dựng phải tổ chức thẩm định hồ sơ, kiểm tra thực địa, thông báo 1 lần bằng văn bản cho chủ đầu tư bổ '
           'sung, hoàn thiện hồ sơ nếu tài liệu còn thiếu, tài liệu không đúng quy định hoặc không đúng thực tế. Cơ '
           'quan cấp giấy phép xây dựng có trách nhiệm kiểm tra các điều kiện cấp giấy phép xây dựng theo quy định '
           'tại tại Điều 50 Nghị định số 175/2024/NĐ-CP ngày 30/12/2024 của Chính phủ. Việc kiểm tra được thực hiện '
           'như sau:\n'
           '…',
  'conditions': '',
  'results': [('- Giấy phép xây dựng được điều chỉnh.', 'KQ.G17.000314')],
  'legal_basis': [('Nghị định số 175/2024/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện pháp thi hành '
                   'Luật Xây dựng về quản lý hoạt động xây dựng',
                   '175/2024/NĐ-CP'),
                  ('sửa đổi, bổ sung một số điều của các Nghị định để cắt giảm, đơn giản hóa thủ tục hành chính liên '
                   'quan đến hoạt động sản xuất, kinh doanh thuộc phạm vi quản lý của Bộ Xây dựng',
                   '14/2026/NĐ-CP'),
                  ('Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà '
                   'nước của Bộ Xây dựng',
                   '140/2025/NĐ-CP'),
                  ('quy định về phân quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng',
                   '144/2025/NĐ-CP')],
  'channels': [('online', 20.0, 'days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 20.0, 'days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 20.0, 'days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Văn bản chấp thuận về địa điểm xây dựng của Ủy ban nhân dân cấp xã đối với công trình xây dựng '
                 'biển quảng cáo, trạm viễn thông, cột ăng-ten và các công trình tương tự khác theo quy định của '
                 'pháp luật',
                 0,
                 1,
                 True,
                 ''),
                ('Giấy tờ về việc xếp hạng di tích lịch sử - văn hóa, danh lam thắng cảnh hoặc danh mục kiểm kê di '
                 'tích theo quy định của pháp luật về di sản văn hoá của Uỷ ban nhân dân cấp tỉnh đối với trường hợp '
                 'cấp',
                 0,
                 1,
                 True,
                 ''),
                ('Bản chính giấy phép xây dựng đã được cấp kèm theo bản vẽ đã được cấp kèm theo giấy xây dựng',
                 1,
                 0,
                 True,
                 ''),
                ('Báo cáo hiện trạng sử dụng đất đối với trường hợp tổ chức, cơ sở tôn giáo đang sử dụng mà chưa '
                 'được cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất '
                 'được Ủy b',
                 0,
                 1,
                 True,
                 ''),
                ('Đối với trường hợp việc điều chỉnh thiết kế có thay đổi về diện tích sử dụng đất hoặc chức năng sử '
                 'dụng đất của công trình đề nghị cấp giấy phép xây dựng thì phải có một trong các loại giấy tờ hợp '
                 'phá',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.013992',
  'name': 'Đăng ký biến động chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền',
  'field': 'Đất đai',
  'levels': ['province'],
  'online': 'partial',
  'agencies': ['000.01.12.H44'],
  'applicants': ['Người Việt Nam định cư ở nước ngoài',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
                 'Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Công dân Việt Nam',
                 'Doanh nghiệp',
                 'Hợp tác xã'],
  'decision': '3380/QĐ-BNNMT',
  'competent': 'Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai',
  'implementing': 'Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai',
  'steps': 'Bước 1: Người yêu cầu đăng ký nộp hồ sơ đến một trong các cơ quan trên địa bàn cấp tỉnh sau đây: \n'
           '- Trường hợp cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài nộp hồ sơ đến Trung tâm '
           'Phục vụ hành chính công hoặc Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai.\n'
           '- Trường hợp tổ chức trong nước, tổ chức tôn giáo, tổ chức tôn giáo trực thuộc, tổ chức nước ngoài có '
           'chức năng ngoại giao, tổ chức kinh tế có vốn đầu tư nước ngoài nộp hồ sơ đến Trung tâm Phục vụ hành '
           'chính công hoặc Văn phòng đăng ký đất đai.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận quyền sử dụng đất; Giấy chứng nhận quyền sở hữu nhà ở và quyền sử dụng đất ở; Giấy '
               'chứng nhận quyền sở hữu nhà ở; Giấy chứng nhận quyền sở hữu công trình xây dựng; Giấy chứng nhận '
               'quyề',
               'KQ.G10.001147')],
  'legal_basis': [('Luật Đất đai ngày 18/01/2024;', '31/2024/QH15'),
                  ('Luật số 58/2024/QH15 của Quốc hội: Luật Đầu tư côngLuật số 58Quy định về phân định thẩm quyền '
                   'của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai',
                   '151/2025/NĐ-CP'),
                  ('Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và cổng '
                   'Dịch vụ công quốc gia',
                   '118/2025/NĐ-C'),
                  ('Nghị định', '101/2024/NĐ-CP')],
  'channels': [('online', 7.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 7.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 7.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('(2) Giấy chứng nhận đã cấp.', 0, 1, True, ''),
                ('(3) Mảnh trích đo bản đồ địa chính thửa đất đối với trường hợp người sử dụng đất có nhu cầu đo đạc '
                 'để xác định lại kích thước các cạnh, diện tích của thửa đất.',
                 0,
                 1,
                 True,
                 ''),
                ('(4) Văn bản về việc đại diện theo quy định của pháp luật về dân sự đối với trường hợp thực hiện '
                 'thủ tục thông qua người đại diện',
                 0,
                 1,
                 True,
                 ''),
                ('(1) Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18 ban hành kèm theo Nghị '
                 'định số 151/2025/NĐ-CP.',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '1.014056',
  'name': 'Khai thác thông tin công dân trong Cơ sở dữ liệu căn cước',
  'field': 'Cấp, quản lý căn cước',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam', 'Doanh nghiệp', 'Hợp tác xã'],
  'decision': '1523/QĐ-BCA-C06',
  'competent': 'Công an cấp Xã',
  'implementing': 'Công an cấp Xã',
  'steps': 'Bước 1: Cơ quan, tổ chức, cá nhân chuẩn bị đầy đủ hồ sơ theo quy định của pháp luật.\n'
           'Bước 2: Nộp hồ sơ tại Công an cấp xã hoặc Bộ phận Một cửa cấp xã (nếu đã triển khai).\n'
           'Bước 3: Cán bộ tiếp nhận hồ sơ kiểm tra tính pháp lý và nội dung hồ sơ.\n'
           '- Trường hợp hồ sơ đầy đủ, hợp lệ thì tiếp nhận hồ sơ và cấp giấy hẹn trả kết quả (Mẫu CC02 ban hành kèm '
           'theo Thông tư số 17/2024/TT-BCA ngày 15/5/2024 của Bộ Công an)\n'
           '…',
  'conditions': '- Tổ chức, cá nhân không thuộc quy định tại điểm a, điểm b, điểm c và điểm d khoản 1 Điều 17, Nghị '
                'định số 70/2024/NĐ-CP ngày 25/6/2024 của Chính phủ được khai thác thông tin cá nhân trong Cơ sở dữ '
                'liệu căn cước để phục vụ hoạt động xác thực điện tử, phát triển kinh tế số, xã hội số, công dân số '
                'khi được công dân đó đồng ý.\n'
                '- Trường hợp khai thác thông tin của người bị mất năng lực hành vi dân …',
  'results': [('Phiếu cung cấp thông tin trong cơ sở dữ liệu quốc gia về dân cư, cơ sở dữ liệu căn cước bằng văn bản '
               'giấy hoặc văn bản điện tử (Mẫu DC03 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)',
               'KQ.G01.000140')],
  'legal_basis': [('Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', '17/2024/TT-BCA'),
                  ('Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước, mẫu giấy chứng nhận căn cước',
                   '16/2024/TT-BCA'),
                  ('Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định về xử lý một số vấn đề liên quan đến sắp xếp '
                   'tổ chức bộ máy nhà nước',
                   '190/2025/NQ-QH15'),
                  ('Thông tư số', '53/2025/TT-BCA')],
  'channels': [('online', 3.0, 'working_days', '', []),
               ('postal', 3.0, 'working_days', '', []),
               ('direct', 3.0, 'working_days', '', [])],
  'documents': [('Xuất trình giấy tờ, tài liệu, thông tin hợp lệ chứng minh thông tin người đến nộp hồ sơ.',
                 1,
                 0,
                 True,
                 ''),
                ('Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số '
                 '17/2024/TT-BCA của Bộ Công an)',
                 1,
                 0,
                 True,
                 'Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc')]},
 {'code': '2.000635',
  'name': 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
  'field': 'Hộ tịch',
  'levels': ['province', 'commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam'],
  'decision': '163/QĐ-BTP',
  'competent': '',
  'implementing': 'Cơ quan quản lý cơ sở dữ liệu hộ tịch điện tử',
  'steps': '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu cấp bản sao Trích lục hộ tịch, bản sao Giấy '
           'khai sinh nộp hồ sơ đề nghị cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh tại Trung tâm Phục vụ '
           'hành chính công có thẩm quyền; nộp phí theo quy định pháp luật.  \n'
           'Trường hợp cơ quan, tổ chức có thẩm quyền đề nghị cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh '
           'của cá nhân thì gửi văn bản yêu cầu nêu rõ lý do cho Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử.\n'
           '- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu cấp bản sao Trích lục hộ tịch, bản sao Giấy '
           'khai sinh truy cập Cổng dịch vụ công quốc gia hoặc Ứng dụng định danh quốc gia.  \n'
           '…',
  'conditions': '',
  'results': [('Bản sao Trích lục hộ tịch, bản sao giấy khai sinh', 'KQ.G15.000342')],
  'legal_basis': [('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP'),
                  ('Hướng dẫn Luật hộ tịch và Nghị định 123/2015/NĐ-CP hướng dẫn Luật hộ tịch do Bộ trưởng Bộ Tư '
                   'pháp ban hành',
                   '04/2020/TT-BTP'),
                  ('Nghị định sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, '
                   'chứng thực.',
                   '07/2025/NĐ-CP'),
                  ('Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ quy định về phân định thẩm quyền của '
                   'chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp.',
                   '120/2025/NĐ-CP')],
  'channels': [('online',
                None,
                'within_day',
                'Trong ngày',
                [('phi', 8000, 'Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản')]),
               ('postal',
                None,
                'within_day',
                'Trong ngày',
                [('phi', 8000, 'Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản')]),
               ('direct',
                None,
                'within_day',
                'Trong ngày',
                [('phi', 8000, 'Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản')])],
  'documents': [('Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện yêu cầu cấp bản '
                 'sao Trích lục hộ tịch. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, '
                 'chị, em',
                 1,
                 0,
                 True,
                 ''),
                ('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các '
                 'giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng '
                 '(sau đây',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không '
                 'thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 '
                 'Điề',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai đề nghị bản sao Trích lục hộ tịch theo mẫu trong trường hợp người yêu cầu là cá nhân hoặc '
                 'Văn bản yêu cầu cấp bản sao Trích lục hộ tịch nêu rõ lý do trong trường hợp người yêu cầu là cơ '
                 'quan',
                 1,
                 0,
                 True,
                 ''),
                ('Mẫu điện tử tương tác yêu cầu cấp bản sao Giấy khai sinh, bản sao Trích lục hộ tịch (do người yêu '
                 'cầu cung cấp thông tin theo hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ '
                 's',
                 1,
                 1,
                 True,
                 '')]},
 {'code': '2.000815',
  'name': 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, '
          'tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, '
          'tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
  'field': 'Chứng thực',
  'levels': ['commune'],
  'online': 'full',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
                 'Người Việt Nam định cư ở nước ngoài'],
  'decision': '3152/QĐ-BTP',
  'competent': '',
  'implementing': 'Tổ chức hành nghề công chứng, Cơ quan đại diện có thẩm quyền',
  'steps': '+ Người yêu cầu chứng thực phải xuất trình bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao và '
           'bản sao cần chứng thực.\n'
           '\n'
           '+ Trường hợp người yêu cầu chứng thực chỉ xuất trình bản chính thì cơ quan, tổ chức tiến hành chụp từ '
           'bản chính để thực hiện chứng thực, trừ trường hợp cơ quan, tổ chức không có phương tiện để chụp.\n'
           '\n'
           '+ Người thực hiện chứng thực kiểm tra bản chính, đối chiếu với bản sao, nếu nội dung bản sao đúng với '
           'bản chính, bản chính giấy tờ, văn bản không thuộc các trường hợp bản chính giấy tờ, văn bản không được '
           'dùng làm cơ sở để chứng thực bản sao thì thực hiện chứng thực như sau:\n'
           '\n'
           '* Ghi đầy đủ lời chứng chứng thực bản sao từ bản chính theo mẫu quy định;\n'
           '\n'
           '…',
  'conditions': 'Bản chính giấy tờ, văn bản cần chứng thực.\n'
                '\n'
                'Bản chính giấy tờ, văn bản không được dùng làm cơ sở để chứng thực bản sao:\n'
                '\n'
                '+ Bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ.\n'
                '\n'
                '+ Bản chính bị hư hỏng, cũ nát, không xác định được nội dung.\n'
                '\n'
                '+ Bản chính đóng dấu mật của cơ quan, tổ chức có thẩm quyền hoặc không đóng dấu mật nhưng ghi rõ '
                'không được sao chụp.\n'
                '\n'
                '+ Bản chính có nội dung trái …',
  'results': [('Bản sao được chứng thực từ bản chính', 'KQ.G15.000021')],
  'legal_basis': [('Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực ngoại giao áp '
                   'dụng tại các Cơ quan đại diện Việt Nam ở nước ngoài',
                   '264/2016/TT-BTC'),
                  ('Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp '
                   'đồng, giao dịch',
                   '23/2015/NĐ-CP'),
                  ('Thông tư quy định mức thu, chế độ thu, nộp, quản lý, sử dụng phí công chứng; phí chứng thực bản '
                   'sao từ bản chính, chứng thực chữ ký trong giấy tờ, văn bản; phí thẩm định tiêu chuẩn, điều kiện '
                   'hành ngh',
                   '257/2016/TT-BTC'),
                  ('Nghị định số 280/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP về cấp '
                   'bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, '
                   'giao dịch, ',
                   '280/2025/NĐ-CP')],
  'channels': [('direct',
                None,
                'within_day',
                'Trong ngày; sau 15 giờ thì trong ngày làm việc tiếp theo (Nghị định 23/2015/NĐ-CP, Điều 7)',
                [('phi', 2000, 'Phí chứng thực bản sao: 2.000 đồng/trang')])],
  'documents': [('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 1, 0, True, ''),
                ('Bản sao cần chứng thực', 0, 1, True, '')]},
 {'code': '2.000884',
  'name': 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp '
          'người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
  'field': 'Chứng thực',
  'levels': ['commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
  'decision': '858/QĐ-BTP',
  'competent': '',
  'implementing': 'Cơ quan đại diện có thẩm quyền, Tổ chức hành nghề công chứng',
  'steps': '+ Người yêu cầu chứng thực chữ ký/điểm chỉ/không thể ký, không thể điểm chỉ được phải xuất trình các '
           'giấy tờ phục vụ việc chứng thực chữ ký.\n'
           '\n'
           '+ Trong trường hợp người yêu cầu chứng thực không thông thạo tiếng Việt thì phải có người phiên dịch. '
           'Người phiên dịch phải là người có năng lực hành vi dân sự đầy đủ theo quy định của pháp luật, thông thạo '
           'tiếng Việt và ngôn ngữ mà người yêu cầu chứng thực sử dụng. Người phiên dịch do người yêu cầu chứng thực '
           'mời hoặc do cơ quan thực hiện chứng thực chỉ định. Thù lao phiên dịch do người yêu cầu chứng thực trả.\n'
           '\n'
           '…',
  'conditions': 'Trường hợp không được chứng thực chữ ký:\n'
                '\n'
                '+ Tại thời điểm chứng thực, người yêu cầu chứng thực chữ ký không nhận thức và làm chủ được hành vi '
                'của mình.\n'
                '\n'
                '+ Người yêu cầu chứng thực chữ ký xuất trình Căn cước điện tử hoặc Thẻ căn cước công dân hoặc Thẻ '
                'căn cước hoặc Giấy chứng nhận căn cước hoặc Hộ chiếu hoặc giấy tờ xuất nhập cảnh hoặc giấy tờ có '
                'giá trị đi lại quốc tế không còn giá trị sử dụng …',
  'results': [('Giấy tờ, văn bản được chứng thực chữ ký/điểm chỉ', 'KQ.G15.000022')],
  'legal_basis': [('Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực ngoại giao áp '
                   'dụng tại các Cơ quan đại diện Việt Nam ở nước ngoài',
                   '264/2016/TT-BTC'),
                  ('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP'),
                  ('Nghị định số 280/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP về cấp '
                   'bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, '
                   'giao dịch, ',
                   '280/2025/NĐ-CP'),
                  ('Thông tư 01/2020/TT-BTP', '01/2020/TT-BTP')],
  'channels': [('direct',
                None,
                'within_day',
                'Trong ngày; sau 15 giờ thì trong ngày làm việc tiếp theo (Nghị định 23/2015/NĐ-CP, Điều 7)',
                [('phi', 10000, 'Phí chứng thực chữ ký: 10.000 đồng/trường hợp')])],
  'documents': [('Một trong các giấy tờ sau: Căn cước điện tử; bản chính hoặc bản sao của Thẻ căn cước công dân hoặc '
                 'Thẻ căn cước hoặc Giấy chứng nhận căn cước hoặc Hộ chiếu hoặc giấy tờ xuất nhập cảnh hoặc giấy tờ '
                 'c',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy tờ, văn bản mà mình sẽ yêu cầu chứng thực chữ ký. Trường hợp chứng thực chữ ký trong giấy tờ, '
                 'văn bản bằng tiếng nước ngoài, nếu người thực hiện chứng thực không hiểu rõ nội dung của giấy tờ, '
                 'v',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '2.000908',
  'name': 'Thủ tục cấp bản sao từ sổ gốc',
  'field': 'Chứng thực',
  'levels': ['province', 'commune'],
  'online': 'partial',
  'agencies': ['000.00.31.H44', '000.00.32.H44', '000.00.33.H44', '000.00.34.H44', '000.00.35.H44'],
  'applicants': ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam'],
  'decision': '858/QĐ-BTP',
  'competent': '',
  'implementing': 'Cơ quan, tổ chức đang quản lý sổ gốc',
  'steps': '+ Trường hợp nộp hồ sơ trực tiếp tại cơ quan, tổ chức có thẩm quyền, người yêu cầu cấp bản sao từ sổ gốc '
           'xuất trình các giấy tờ theo quy định để người tiếp nhận hồ sơ kiểm tra.\n'
           '\n'
           '+ Trường hợp nộp hồ sơ qua dịch vụ bưu chính, người yêu cầu cấp bản sao từ sổ gốc phải gửi kèm hồ sơ '
           'theo quy định và 01 phong bì dán tem ghi rõ họ tên, địa chỉ người nhận.\n'
           '\n'
           '+ Trường hợp nộp hồ sơ trực tuyến, người yêu cầu cấp bản sao từ sổ gốc có thể nộp bản điện tử hoặc bản '
           'sao điện tử giấy tờ theo quy định.\n'
           '\n'
           '…',
  'conditions': 'Cơ quan, tổ chức căn cứ vào sổ gốc để cấp bản sao; nội dung bản sao phải đúng theo sổ gốc.',
  'results': [('Bản sao được cấp từ sổ gốc', 'KQ.G15.000020')],
  'legal_basis': [('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP'),
                  ('Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp '
                   'đồng, giao dịch',
                   '23/2015/NĐ-CP'),
                  ('Nghị định số 280/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP về cấp '
                   'bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, '
                   'giao dịch, ',
                   '280/2025/NĐ-CP'),
                  ('Thông tư 01/2020/TT-BTP', '01/2020/TT-BTP')],
  'channels': [('online', 1.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 1.0, 'working_days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 1.0, 'working_days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Một trong các giấy tờ sau: Căn cước điện tử; bản chính hoặc bản sao của Thẻ căn cước công dân hoặc '
                 'Thẻ căn cước hoặc Giấy chứng nhận căn cước hoặc Hộ chiếu hoặc giấy tờ xuất nhập cảnh hoặc giấy tờ '
                 'có',
                 1,
                 0,
                 True,
                 ''),
                ('Bản chính hoặc bản sao có chứng thực giấy tờ chứng minh quan hệ với người được cấp bản chính trong '
                 'trường hợp người yêu cầu là người đại diện theo pháp luật, người đại diện theo ủy quyền của cá '
                 'nhân,',
                 1,
                 0,
                 True,
                 '')]},
 {'code': '2.001610',
  'name': 'Đăng ký thành lập doanh nghiệp tư nhân',
  'field': 'Thành lập và hoạt động của doanh nghiệp',
  'levels': ['province'],
  'online': 'full',
  'agencies': ['000.00.13.H44'],
  'applicants': ['Doanh nghiệp có vốn đầu tư nước ngoài',
                 'Công dân Việt Nam',
                 'Người nước ngoài',
                 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
                 'Người Việt Nam định cư ở nước ngoài',
                 'Doanh nghiệp',
                 'Hợp tác xã'],
  'decision': '92/QĐ-BTC',
  'competent': '',
  'implementing': 'Sở Tài chính các tỉnh, thành phố',
  'steps': '* Trường hợp đăng ký trực tiếp hoặc qua dịch vụ bưu chính: Người nộp hồ sơ đăng ký doanh nghiệp theo quy '
           'định tại Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp '
           '(Nghị định số 168/2025/NĐ-CP) nộp hồ sơ tại Cơ quan Đăng ký kinh doanh cấp tỉnh nơi doanh nghiệp đặt trụ '
           'sở chính.\n'
           '…',
  'conditions': '',
  'results': [('Giấy chứng nhận đăng ký doanh nghiệp - Doanh nghiệp tư nhân', 'KQ.G12.001044'),
              ('Văn bản nêu rõ lý do từ chối của Cơ quan đăng ký kinh doanh', 'KQ.G12.001040')],
  'legal_basis': [('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính '
                   'dựa trên dữ liệu',
                   '66.7/2025/NQ-CP'),
                  ('Thông tư số 68/2025/TT-BTC của Bộ Tài chính: Ban hành biểu mẫu sử dụng trong đăng ký doanh '
                   'nghiệp, đăng ký hộ kinh doanh68/2025/TT-BTC',
                   '47/2019/TT-BTC'),
                  ('Thông tư', '47/2019/TT-BTC'),
                  ('Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp',
                   '168/2025/NĐ-CP')],
  'channels': [('online',
                3.0,
                'working_days',
                '',
                [('phi', 100000, 'Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng')]),
               ('postal',
                3.0,
                'working_days',
                '',
                [('phi', 100000, 'Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng')]),
               ('direct',
                3.0,
                'working_days',
                '',
                [('phi', 100000, 'Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng')])],
  'documents': [('Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân', 0, 1, True, ''),
                ('Cam kết thực hiện mục tiêu xã hội, môi trường của chủ doanh nghiệp tư nhân có chữ ký của chủ doanh '
                 'nghiệp tư',
                 1,
                 0,
                 True,
                 ''),
                ('Giấy đề nghị đăng ký doanh nghiệp', 1, 0, True, ''),
                ('Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân', 0, 1, True, ''),
                ('Giấy đề nghị đăng ký doanh nghiệp', 1, 0, True, '')]},
 {'code': '3.000333',
  'name': 'Cấp Phiếu Lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt '
          'Nam đang cư trú ở nước ngoài',
  'field': 'Lý lịch tư pháp',
  'levels': ['province'],
  'online': 'full',
  'agencies': ['000.00.10.H44'],
  'applicants': ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài', 'Người nước ngoài cư trú tại Việt Nam'],
  'decision': '1025/QĐ-BCA',
  'competent': 'Công an tỉnh',
  'implementing': 'Công an tỉnh',
  'steps': '- Bước 1: Người có yêu cầu cấp Phiếu Lý lịch tư pháp (sau đây gọi tắt là Người yêu cầu) đăng nhập bằng '
           'tài khoản định danh mức độ 2 trên cổng dịch vụ công hoặc Ứng dụng định danh quốc gia; chọn Cấp Phiếu Lý '
           'lịch tư pháp tại Nhóm dịch vụ Thủ tục hành chính và làm theo hướng dẫn. \n'
           '- Bước 2: Người yêu cầu kê khai chính xác, đầy đủ, trung thực các nội dung trong mẫu tờ khai cấp Phiếu '
           'Lý lịch tư pháp điện tử tương tác.\n'
           '- Bước 3: Người yêu cầu chọn “Thông tin về thủ tục hành chính” và “Thông tin trả kết quả”.\n'
           '- Bước 4: Người yêu cầu xác nhận thông tin hồ sơ, chọn loại đối tượng nộp phí và cam đoan lời khai trước '
           'khi gửi yêu cầu.\n'
           '…',
  'conditions': '',
  'results': [('Phiếu Lý lịch tư pháp số 2 (Cấp tỉnh)', 'KQ.G01.000199'),
              ('Phiếu Lý lịch tư pháp số 1 (Cấp tỉnh)', 'KQ.G01.000200')],
  'legal_basis': [('Luật 28/2009/QH12', '28/2009/QH12')],
  'channels': [('online', 10.0, 'days', '', [('other', 0, 'Miễn phí')]),
               ('postal', 10.0, 'days', '', [('other', 0, 'Miễn phí')]),
               ('direct', 10.0, 'days', '', [('other', 0, 'Miễn phí')])],
  'documents': [('Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (Dùng cho cá nhân trong trường hợp ủy quyền yêu cầu cấp '
                 'Phiếu Lý lịch tư pháp số 1 và cá nhân là cha, mẹ của người chưa thành niên yêu cầu cấp Phiếu Lý '
                 'lịch t',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp điện tử tương tác (Dùng cho cá nhân trong trường hợp ủy '
                 'quyền yêu cầu cấp Phiếu Lý lịch tư pháp số 1 và cá nhân là cha, mẹ của người chưa thành niên yêu '
                 'cầu c',
                 1,
                 0,
                 True,
                 ''),
                ('Bản sao Thẻ Căn cước hoặc thẻ Căn cước công dân hoặc Giấy xác nhận căn cước hoặc Hộ chiếu của '
                 'người được cấp Phiếu (Xuất trình bản chính để đối chiếu. Trường hợp không có bản chính thì nộp bản '
                 'sao có',
                 1,
                 0,
                 True,
                 ''),
                ('Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (Dùng cho cá nhân có yêu cầu cấp Phiếu Lý lịch tư pháp), '
                 'Mẫu số 01/2025/LLTP;',
                 1,
                 0,
                 True,
                 ''),
                ('Các giấy tờ để chứng minh đối tượng miễn, hoặc giảm phí (nếu có).', 1, 0, False, '')]}]
