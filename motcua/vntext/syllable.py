"""Is a word a well-formed Vietnamese syllable?

Used by legacy-encoding detection to score a guess: correct Vietnamese is made of
syllables, mojibake mostly is not. The check is orthographic, not a dictionary:
initial consonant + rhyme (from the closed list of Vietnamese rhymes) + at most one tone,
with the two hard rules that separate real syllables from look-alikes:

- ``gh``/``ngh`` only before i, e, ê ("nghị", never "nghò");
- a rhyme closed by c, ch, p, t takes only the sắc or nặng tone ("quyết", never "quyêt").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ACUTE, GRAVE, TILDE, HOOK, DOT = "\u0301", "\u0300", "\u0303", "\u0309", "\u0323"
TONE_MARKS = frozenset((ACUTE, GRAVE, TILDE, HOOK, DOT))

_LETTERS = frozenset("abcdeghiklmnopqrstuvxyđăâêôơư")

# Longest first, so "ngh" is tried before "ng" before "n".
_INITIALS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)

_RHYMES = frozenset(
    """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oo ooc oong
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oen oeng oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut ua uân uâng uât uây
uê uêch uênh uơ uôc uôi uôm uôn uông uôt
uy uya uych uyn uynh uyp uyt uyu uyên uyêt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""".split()
)

_STOP_FINALS = ("c", "ch", "p", "t")


def _split_tone(word: str) -> tuple[str, str] | None:
    """(toneless NFC lowercase letters, tone mark or "") — None if more than one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1:
        return None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base, (tones[0] if tones else "")


@lru_cache(maxsize=16384)
def is_syllable(word: str) -> bool:
    """True when ``word`` (lower, Title or UPPER case; NFC or not) spells one Vietnamese syllable."""
    if not word or len(word) > 8 or not (word.islower() or word.isupper() or word.istitle()):
        return False
    split = _split_tone(word)
    if split is None:
        return False
    base, tone = split
    if not base or not _LETTERS.issuperset(base):
        return False
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        rhyme = base[len(initial) :]
        if initial in ("gh", "ngh") and rhyme[:1] not in ("i", "e", "ê"):
            continue
        if rhyme in _RHYMES or (initial == "qu" and rhyme and "u" + rhyme in _RHYMES):
            if rhyme.endswith(_STOP_FINALS) and tone not in (ACUTE, DOT):
                continue
            return True
    return False


#: Frequent syllables, to break a tie between two conversions that both spell real
#: syllables ("Lª V¨n" → "Lê Văn" in TCVN3, "Lế Vẽn" in VISCII): the 400 most frequent
#: toned syllables of the national procedure catalogue, plus common personal names.
COMMON = frozenset(
    """
định bản của có sơ hồ thông chính hợp và ngày nhận cấp số công cơ giấy thực được trường tư hoặc ký bộ điều
chức đăng không văn chứng hành nghị tổ về từ nghiệp các nước việc lý pháp vụ tiếp tại người với nhân luật thời
làm thành hàng nộp quyết dụng sở đối dịch thủ hiện tài quyền đề sản lệ hạn nhà việt báo tục kiểm thẩm động tờ
đổi dân trực đơn quản thuế đầu đủ phí phép kết một xã kể bổ ngoài cầu tỉnh ủy trình phải điện quốc đồng xuất
quả cá mẫu liệu sử đất địa thức tử bảo để hoạt kiện đến đã nội án chỉ xác giải liên tên chủ dự bước khoản gửi
chọn tịch kèm nhập thì ngân hộ yêu phương hải lập trả tác bưu vực trên vốn thuộc lại chuyển năm thống viên sửa
tuyến điểm bằng phần hệ khẩu thác cục là môi khoáng xây nếu giá ngành dựng phụ ở phòng nhiệm lục đầy chấp hoàn
gồm cáo lượng hình hội thủy hóa thuận phủ toán cổng đường dữ khác đại vị diện bị phường ứng kiến cảnh nông tự
tàu tháng rõ vật tín trưởng lĩnh phố xử phát tính nuôi tiết cư nêu nơi tế khoán chỉnh sự thể nhánh cửa phân
trợ tượng hữu trách căn tiền miễn xét chưa cổ dẫn phiếu vào ý mức nhất cách áp trước mục quá cảng thị chế biển
vận giám chất duyệt hướng phê trú chuyên toàn hiểm bán đảm kế trị cứ thiết sát đó những mã đáp lời thiện cước
sách trừ đai chiếu thuê phục loại phối quỹ góp hỗ này đánh phạm tiện vệ tạm nghề thẻ độ tiêu thương phẩm đóng
năng trụ phận biên giới lần tích lực cần tổng cán hiệu chuẩn tải hiển hoạch khí bố chối giảm thuật tâm nghiệm
học hồi liền sổ lưu kỹ mà trở thú cụ nguyên tạo triển chào mại lãnh tối trồng lựa rừng lên chụp đặt còn ngoại
bên cứu tương kê gốc đây lấy nghĩa mới phù tập nhượng soát thường môn thuốc nghệ thăm hiệp dò đích đang ương
biện chăn gắn tăng trí cập cắt đông đúng mạng dứt mô chấm hưởng mất đốc bệnh nhóm thứ thiểu biểu lịch hẹn ích
ảnh dưới hết tiến đồ vùng khách khả tái tình
lê nguyễn trần hoàng huỳnh võ vũ đặng bùi đỗ ngô dương đinh đoàn trịnh lương mai hà hùng dũng tuấn
""".split()
)
