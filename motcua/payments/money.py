"""Amounts in đồng in words ("Hai trăm nghìn đồng", as receipts print them beside the figure, which
`motcua.vntext.formats.money` writes); the fee a dossier owes under its procedure's fee lines."""
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


def fee_due(fee_lines: list[dict], form: dict) -> int:
    """Phí, lệ phí owed under one channel's fee lines (catalog Channel.fees) for an e-form's values.

    A line is a fixed amount, or, with "per": an amount for each unit the applicant asks for in that e-form field
    ({"amount": 8000, "per": "so_ban_sao"}: 8.000 đồng a copy). A field left empty asks for none.
    """
    total = 0
    for line in fee_lines:
        amount = line.get("amount") or 0
        if line.get("per"):
            units = form.get(line["per"])
            amount *= units if isinstance(units, int) and units > 0 else 0
        total += amount
    return total
