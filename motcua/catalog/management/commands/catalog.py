from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from motcua.catalog import portal_format
from motcua.catalog.additions import AdditionsError, read_additions
from motcua.catalog.importer import import_file, pending_drafts


class Command(BaseCommand):
    help = (
        "Nhập danh mục thủ tục từ Cổng DVCQG: motcua catalog import PATH [--publish] [--with TỆP_BỔ_SUNG] "
        "(tệp JSON lines). Mỗi thủ tục mới hoặc có thay đổi thành một phiên bản dự thảo kèm báo cáo khác biệt; "
        "chỉ công bố khi có --publish hoặc khi cán bộ công bố trong trang quản trị."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import"])
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--publish",
            action="store_true",
            help="công bố ngay các phiên bản dự thảo do nhập danh mục tạo ra cho các thủ tục trong tệp",
        )
        parser.add_argument(
            "--with",
            dest="additions",
            type=Path,
            metavar="TỆP_BỔ_SUNG",
            help="tệp JSON bổ sung những gì Cổng DVCQG không có (biểu mẫu điện tử, phí theo hình thức "
            "nộp, mức độ trực tuyến, cơ quan thực hiện…), áp dụng cho các phiên bản được tạo "
            "(docs/catalog.md)",
        )
        parser.add_argument("--no-progress", action="store_true", help="không hiện thanh tiến trình")

    def handle(self, *args, action, path, publish=False, additions=None, no_progress=False, **options):
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        try:
            extra = read_additions(additions) if additions else None
        except AdditionsError as exc:
            raise CommandError(str(exc)) from None
        with tqdm(desc="Nhập thủ tục", unit=" thủ tục", disable=no_progress, file=self.stderr._out) as bar:
            try:
                summary = import_file(path, progress=lambda code: bar.update(), publish=publish, additions=extra)
            except (portal_format.PortalFormatError, AdditionsError) as exc:
                raise CommandError(str(exc)) from None
        coverage = portal_format.coverage(summary.parsed)
        out = self.stdout.write
        out(
            f"Đã xử lý {summary.total} thủ tục: {summary.created} mới, {summary.updated} thay đổi, "
            f"{summary.unchanged} không đổi."
        )
        made = len(summary.drafts)
        replaced = f" (thay {summary.replaced} dự thảo của lần nhập trước)" if summary.replaced else ""
        if publish:
            out(f"Đã công bố {summary.published} phiên bản nhập từ Cổng DVCQG ({made} phiên bản mới tạo{replaced}).")
        else:
            out(f"Đã tạo {made} phiên bản dự thảo{replaced}; phiên bản đang áp dụng giữ nguyên.")
        if extra is not None:
            out(
                f"Tệp bổ sung: {len(extra)} thủ tục; {summary.with_additions} phiên bản mới tạo mang thông tin bổ sung."
            )
            if summary.additions_unused:
                out(
                    f"Mã thủ tục trong tệp bổ sung nhưng không có trong tệp nhập (bỏ qua): "
                    f"{', '.join(summary.additions_unused)}."
                )
        waiting = pending_drafts().count()
        if waiting:
            out(
                f"Đang chờ công bố: {waiting} phiên bản dự thảo do nhập danh mục (công bố bằng --publish hoặc "
                "trong trang quản trị, sau khi xem báo cáo khác biệt)."
            )
        until = (
            "cho đến khi cán bộ nhập thời hạn hoặc đánh dấu “pháp luật không quy định thời hạn giải quyết” "
            "(trong một phiên bản mới)"
        )
        if summary.without_time_limit:
            out(
                f"{summary.without_time_limit} phiên bản mới không có thời hạn giải quyết: sẽ không nhận hồ sơ {until}."
            )
        if summary.published_without_time_limit:
            out(
                f"Trong số phiên bản vừa công bố, {summary.published_without_time_limit} phiên bản không có thời hạn "
                f"giải quyết: không nhận hồ sơ {until}."
            )
        kinds = summary.documents
        out(
            f"Thành phần hồ sơ: {sum(kinds.values())} dòng: {kinds['required']} bắt buộc, "
            f"{kinds['conditional']} có điều kiện, {kinds['optional']} nếu có; {kinds['note']} dòng là ghi chú, "
            "không phải giấy tờ (không đưa vào danh sách tiếp nhận, giữ trong mục yêu cầu, điều kiện)."
        )
        stated = coverage["rows_with_number_and_unit_in_source"]
        parsed = coverage["rows_time_parsed_from_table"]
        recovered = coverage["rows_time_parsed"] - parsed
        share = f"{100 * parsed / stated:.1f}%" if stated else "không có dữ liệu"
        out(
            f"Cách thức thực hiện: {coverage['channel_rows']} dòng; thời hạn đọc được {parsed}/{stated} dòng có "
            f"số và đơn vị ({share}); thêm {recovered} dòng lấy đơn vị từ mô tả của trang; "
            f"{coverage['rows_unit_lost']} dòng nguồn mất đơn vị (không đoán); "
            f"{coverage['rows_no_time']} dòng không nêu thời hạn."
        )
        out(f"Phí, lệ phí: {coverage['fees_with_amount']}/{coverage['fee_texts']} mục đọc được số tiền.")
        if summary.problems:
            out("Chưa đọc được (lý do: số lần, ví dụ):")
            for reason, count in summary.problems.most_common():
                out(f"  {reason}: {count} – {summary.problem_examples[reason][:150]}")
