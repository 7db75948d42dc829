from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from motcua.catalog import portal_format
from motcua.catalog.importer import import_file


class Command(BaseCommand):
    help = "Nhập danh mục thủ tục từ Cổng DVCQG: motcua catalog import PATH (tệp JSON lines)"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import"])
        parser.add_argument("path", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="không hiện thanh tiến trình")

    def handle(self, *args, action, path, no_progress=False, **options):
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        with tqdm(desc="Nhập thủ tục", unit=" thủ tục", disable=no_progress, file=self.stderr._out) as bar:
            try:
                summary = import_file(path, progress=lambda code: bar.update())
            except portal_format.PortalFormatError as exc:
                raise CommandError(str(exc)) from None
        coverage = portal_format.coverage(summary.parsed)
        out = self.stdout.write
        out(f"Đã xử lý {summary.total} thủ tục: {summary.created} mới, {summary.updated} cập nhật, "
            f"{summary.unchanged} không đổi.")
        stated = coverage["rows_with_number_and_unit_in_source"]
        parsed = coverage["rows_time_parsed_from_table"]
        recovered = coverage["rows_time_parsed"] - parsed
        share = f"{100 * parsed / stated:.1f}%" if stated else "không có dữ liệu"
        out(f"Cách thức thực hiện: {coverage['channel_rows']} dòng; thời hạn đọc được {parsed}/{stated} dòng có "
            f"số và đơn vị ({share}); thêm {recovered} dòng lấy đơn vị từ mô tả của trang; "
            f"{coverage['rows_unit_lost']} dòng nguồn mất đơn vị (không đoán); "
            f"{coverage['rows_no_time']} dòng không nêu thời hạn.")
        out(f"Phí, lệ phí: {coverage['fees_with_amount']}/{coverage['fee_texts']} mục đọc được số tiền.")
        if summary.problems:
            out("Chưa đọc được (lý do: số lần, ví dụ):")
            for reason, count in summary.problems.most_common():
                out(f"  {reason}: {count} – {summary.problem_examples[reason][:150]}")
