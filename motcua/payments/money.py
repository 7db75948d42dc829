"""Amounts in đồng in words ("Hai trăm nghìn đồng", as receipts print them beside the figure, which
`motcua.vntext.formats.money` writes)."""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
GROUPS = ["", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"]


def _three(number: int, full: bool) -> str:
    """Words of 0-999; `full` when a higher group precedes (so 5 reads "không trăm linh năm")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens > 1:
        words += [DIGITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    elif units:
        if hundreds or full:
            words.append("linh")
        words.append(DIGITS[units])
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    amount = int(amount)
    if amount == 0:
        return "Không đồng"
    parts, group = [], 0
    while amount:
        amount, chunk = divmod(amount, 1000)
        if chunk:
            parts.append(_three(chunk, full=amount > 0) + GROUPS[group])
        group += 1
    text = " ".join(reversed(parts))
    return text[0].upper() + text[1:] + " đồng"
