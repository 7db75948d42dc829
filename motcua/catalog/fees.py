"""Phí, lệ phí: what a dossier owes under the fee lines of the channel it came by (catalog Channel.fees).

The rule is stored with the procedure version, so a dossier keeps the rule it was filed under; registration
(`dossiers.lifecycle.register`) and the citizen's draft page compute the amount with the same function
(docs/payments.md, "Fee rule").
"""


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
