"""`motcua due --received "2026-02-13 10:00" --working-days 5`: the due moment as one JSON object.

A command of the agencies, not of the calendar: `--agency CODE` looks the agency up for its office hours, and the
calendar (workdays) knows nothing of agencies."""

import datetime as dt
import json
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from motcua.agencies.models import Agency
from motcua.workdays import deadlines
from motcua.workdays.calendar import CalendarError
from motcua.workdays.services import calendar_for

AMOUNTS = (  # option, destination, unit
    ("--working-days", "working_days", deadlines.WORKING_DAYS),
    ("--hours", "hours", deadlines.WORKING_HOURS),
    ("--days", "days", deadlines.DAYS),
    ("--months", "months", deadlines.MONTHS),
)
FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y")


def parse_moment(value: str, what: str) -> dt.datetime:
    """ISO 8601 ("2026-02-13 10:00", "2026-02-13T10:00+07:00") or Vietnamese ("13/02/2026 10:00")."""
    text = (value or "").strip()
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise CommandError(f"{what} không hợp lệ: '{value}' (dùng dạng 'YYYY-MM-DD HH:MM', ví dụ '2026-02-13 10:00').")


def parse_amount(value: str, option: str) -> Decimal:
    try:
        amount = Decimal(value.strip().replace(",", "."))
    except (InvalidOperation, AttributeError):
        raise CommandError(f"Giá trị của {option} phải là một số: '{value}'.") from None
    if not amount.is_finite():
        raise CommandError(f"Giá trị của {option} phải là một số hữu hạn: '{value}'.")
    if amount < 0:
        raise CommandError(f"Thời hạn không được âm: {option} {value}.")
    return amount


class Command(BaseCommand):
    help = (
        "Tính hạn giải quyết hồ sơ theo ngày làm việc, in ra JSON: thời điểm tiếp nhận, hạn, các ngày nghỉ "
        "được bỏ qua và diễn giải."
    )

    def add_arguments(self, parser):
        parser.add_argument("--received", help="thời điểm nhận hồ sơ, ví dụ '2026-02-13 10:00' (giờ Việt Nam)")
        for option, dest, unit in AMOUNTS:
            parser.add_argument(option, dest=dest, metavar="N", help=deadlines.UNIT_LABELS[unit])
        parser.add_argument("--within-day", action="store_true", help="thủ tục giải quyết trong ngày")
        parser.add_argument("--agency", metavar="CODE", help="mã định danh cơ quan (dùng giờ làm việc của cơ quan)")
        parser.add_argument(
            "--pause",
            nargs=2,
            action="append",
            default=[],
            metavar=("START", "END"),
            help="khoảng tạm dừng tính thời hạn (lặp lại được)",
        )

    def handle(self, *args, **options):
        if not options.get("received"):
            raise CommandError("Thiếu --received: thời điểm nhận hồ sơ, ví dụ --received '2026-02-13 10:00'.")
        received = parse_moment(options["received"], "Thời điểm nhận hồ sơ")
        duration = self._duration(options)
        pauses = [
            (parse_moment(start, "Thời điểm bắt đầu tạm dừng"), parse_moment(end, "Thời điểm kết thúc tạm dừng"))
            for start, end in options.get("pause") or []
        ]
        try:
            agency = self._agency(options.get("agency"))
            cal = calendar_for(agency)
            result = deadlines.due(received, duration, cal, pauses)
        except (deadlines.DeadlineError, CalendarError) as exc:
            raise CommandError(str(exc)) from None
        except DatabaseError:
            raise CommandError(
                "Không đọc được lịch làm việc từ cơ sở dữ liệu: hãy chạy 'motcua migrate' trước."
            ) from None
        data = result.to_dict()
        data["agency"] = agency.code if agency is not None else None
        self.stdout.write(json.dumps(data, ensure_ascii=False))

    def _duration(self, options) -> deadlines.Duration:
        given = [(option, dest, unit) for option, dest, unit in AMOUNTS if options.get(dest) is not None]
        names = [option for option, _, _ in given] + (["--within-day"] if options.get("within_day") else [])
        if not names:
            raise CommandError(
                "Thiếu thời hạn: chọn một trong --working-days, --hours, --days, --months, --within-day."
            )
        if len(names) > 1:
            raise CommandError(f"Chỉ được chọn một thời hạn, đã nhận: {', '.join(names)}.")
        if options.get("within_day"):
            return deadlines.Duration(0, deadlines.WITHIN_DAY)
        option, dest, unit = given[0]
        try:
            return deadlines.Duration(parse_amount(options[dest], option), unit)
        except deadlines.DeadlineError as exc:
            raise CommandError(str(exc)) from None

    def _agency(self, code):
        if not code:
            return None
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(f"Không tìm thấy cơ quan có mã '{code}'.")
        return agency
