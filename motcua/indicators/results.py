"""What one indicator and one group of Decision 766 came to for a scope and period, and how it reads. Pure."""

from dataclasses import dataclass, field
from decimal import Decimal

from motcua.vntext import formats

from . import scoring
from .definitions import Definition


@dataclass
class Result:
    definition: Definition
    numerator: int | None
    denominator: int | None
    score: Decimal | None
    note: str = ""

    @property
    def ratio(self) -> Decimal | None:
        if self.numerator is None:
            return None
        return scoring.ratio(self.numerator, self.denominator)

    @property
    def percent(self) -> Decimal | None:
        return None if self.ratio is None else self.ratio * 100

    @property
    def meets_target(self) -> bool | None:
        if self.ratio is None or self.definition.target is None:
            return None
        return self.ratio >= self.definition.target

    @property
    def explanation(self) -> str:
        """The formula in words with the numbers that went in, in Vietnamese (the dashboard's "Cách tính")."""
        definition, wording = self.definition, self.definition.wording
        source = f"Nguồn: Quyết định 766/QĐ-TTg, chỉ số {definition.code}."
        if wording is None:
            return source
        if self.numerator is None:
            return f"Không có dữ liệu: {wording.missing} {source}"
        if definition.code == "2.2":
            if not self.denominator:
                return f"Không có dữ liệu: chưa có hồ sơ kết thúc trong kỳ. {source}"
            days = Decimal(self.numerator) / 86400
            return (
                f"Thời gian trung bình = {formats.decimal(days)} ngày (tổng thời gian {wording.numerator}) ÷ "
                f"{formats.count(self.denominator)} {wording.denominator} = "
                f"{formats.decimal(days / self.denominator)} ngày/hồ sơ. {wording.rule} {source}"
            )
        if self.denominator is None:
            parts = [f"{formats.count(self.numerator)} {wording.numerator}."]
        else:
            parts = [
                f"Tỷ lệ = {formats.count(self.numerator)} {wording.numerator} ÷ "
                f"{formats.count(self.denominator)} {wording.denominator} = {formats.percent(self.ratio)}."
            ]
        if definition.max_points and self.score is not None:
            parts.append(f"Điểm = {wording.rule} = {formats.decimal(self.score)}/{definition.max_points}.")
        else:
            parts.append(wording.rule[0].upper() + wording.rule[1:] + ".")
        return " ".join([*parts, source])


@dataclass
class GroupResult:
    code: str
    name: str
    max_points: int
    results: list[Result] = field(default_factory=list)

    @property
    def score(self) -> Decimal:
        return scoring.group_total(r.score for r in self.results)
