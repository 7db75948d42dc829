"""How a person reads each indicator of Decision 766 ("Cách tính" on the dashboard and in the reports).

For each indicator code: what its numerator and its denominator count, its score rule in words, and why there is
no data when there is none. `results.Result.explanation` puts the numbers of a period into these words. Pure.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    """How a person reads an indicator ("Cách tính"): what the numerator and the denominator count, the score rule
    in words, and why there is no data when there is none."""

    numerator: str
    denominator: str
    rule: str
    missing: str = ""


W = Wording
WORDING: dict[str, Wording] = {
    "1.1": W(
        "thủ tục công bố đúng hạn (quyết định công bố ban hành ít nhất 5 ngày làm việc trước ngày văn bản quy "
        "định thủ tục có hiệu lực)",
        "thủ tục công bố trong kỳ",
        "6 × tỷ lệ",
        "danh mục chưa lưu ngày có hiệu lực của văn bản quy định từng thủ tục.",
    ),
    "1.2": W(
        "thủ tục được công khai trên Cơ sở dữ liệu quốc gia chậm nhất 5 ngày làm việc sau quyết định công bố",
        "thủ tục phải công khai trong kỳ",
        "4 × tỷ lệ",
        "danh mục chưa lưu ngày của quyết định công bố.",
    ),
    "1.3": W(
        "thủ tục công khai đủ 7 bộ phận (tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng, "
        "cơ quan thực hiện)",
        "thủ tục đang công khai thuộc phạm vi",
        "2 × tỷ lệ",
    ),
    "1.4": W(
        "hồ sơ tiếp nhận trong kỳ mà lần đối soát với Cổng Dịch vụ công quốc gia thấy có trên Cổng",
        "hồ sơ tiếp nhận trong kỳ",
        "6 × tỷ lệ",
        "chưa có hồ sơ nào được tiếp nhận trong kỳ.",
    ),
    "2.1": W(
        "hồ sơ giải quyết trước hạn, đúng hạn hoặc còn trong hạn ở cuối kỳ",
        "hồ sơ kết thúc trong kỳ (trừ hồ sơ công dân rút) và hồ sơ còn đang giải quyết ở cuối kỳ",
        "20 × tỷ lệ",
    ),
    "2.2": W("từ khi tiếp nhận đến khi kết thúc", "hồ sơ kết thúc trong kỳ", "Chỉ số theo dõi, không tính điểm."),
    "3.1": W(
        "thủ tục cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần)",
        "thủ tục đang công khai thuộc phạm vi",
        "2 × tỷ lệ ÷ 80%, tối đa 2",
    ),
    "3.2": W(
        "dịch vụ công trực tuyến có ít nhất một hồ sơ nộp trực tuyến trong kỳ",
        "dịch vụ công trực tuyến thuộc phạm vi",
        "4 × tỷ lệ",
    ),
    "3.3": W("hồ sơ tiếp nhận trực tuyến", "hồ sơ tiếp nhận trong kỳ", "6 × tỷ lệ ÷ 50%, tối đa 6"),
    "3.6": W("hồ sơ đã thanh toán trực tuyến", "hồ sơ tiếp nhận trong kỳ có phí, lệ phí phải nộp", "6 × tỷ lệ"),
    "3.5b": W(
        "thủ tục có phí đã có hồ sơ thanh toán trực tuyến trong kỳ",
        "thủ tục có phí, lệ phí thuộc phạm vi",
        "2,5 × tỷ lệ, tối đa 2",
    ),
    "3.5": W(
        "thủ tục có phí có hồ sơ trong kỳ ghi nhận phí, lệ phí",
        "thủ tục có phí, lệ phí thuộc phạm vi",
        "2,5 × tỷ lệ (như Cổng Dịch vụ công quốc gia tính)",
    ),
    "4.1": W("hồ sơ có kết quả điện tử (tệp kết quả)", "hồ sơ tiếp nhận trong kỳ đã có kết quả", "6 × tỷ lệ, tối đa 6"),
    "4.2": W(
        "hồ sơ số hóa đủ thành phần (và có kết quả điện tử khi đã có kết quả)",
        "hồ sơ tiếp nhận trong kỳ",
        "4 × tỷ lệ, tối đa 4 (Cổng không áp dụng mục tiêu 80%)",
    ),
    "ECC": W(
        "thủ tục chứng thực bản sao điện tử từ bản chính đang công khai",
        "",
        "2 điểm khi có ít nhất một thủ tục; Cổng Dịch vụ công quốc gia không công bố tử số, mẫu số",
    ),
    "4.3": W(
        "hồ sơ dùng giấy tờ lấy từ kho dữ liệu của người nộp", "hồ sơ tiếp nhận trong kỳ", "2 × tỷ lệ ÷ 80%, tối đa 2"
    ),
    "4.4": W(
        "hồ sơ lấy giấy tờ từ hoặc đưa kết quả vào kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia (kho "
        "dữ liệu của hệ thống chưa kết nối kho quốc gia nên bằng 0)",
        "hồ sơ tiếp nhận trong kỳ",
        "4 × tỷ lệ, tối đa 4",
    ),
    "4.5a": W(
        "thủ tục dành cho công dân có hồ sơ nộp từ tài khoản đã xác thực VNeID",
        "thủ tục dành cho công dân thuộc phạm vi",
        "2 × tỷ lệ, tối đa 2",
    ),
    "4.5b": W("hồ sơ nộp từ tài khoản đã xác thực VNeID", "hồ sơ tiếp nhận trong kỳ", "2 × tỷ lệ, tối đa 2"),
    "5.1": W("PAKN về hành vi, thái độ của cán bộ", "PAKN trong kỳ", "chỉ số theo dõi, không tính điểm"),
    "5.2": W(
        "PAKN xử lý đúng hạn mọi bước (từ chối trong 2, đề nghị bổ sung trong 5, trả lời trong 15, công khai "
        "trong 2 ngày làm việc) hoặc còn trong hạn",
        "PAKN gửi trong kỳ",
        "6 × tỷ lệ (không có PAKN: 6 điểm)",
    ),
    "5.3": W(
        "PAKN không trễ hạn và không bị người gửi đánh giá không hài lòng",
        "PAKN trong kỳ",
        "6 × tỷ lệ (không có PAKN: 6 điểm)",
    ),
    "5.4": W(
        "hồ sơ đã và đang giải quyết trừ hồ sơ quá hạn và hồ sơ bị đánh giá không hài lòng",
        "hồ sơ đã và đang giải quyết (mẫu số của chỉ số 2.1)",
        "6 × tỷ lệ ÷ 90%, tối đa 6",
    ),
}
