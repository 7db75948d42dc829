"""The lists behind the dashboard's figures (the dossiers, procedures or PAKN a count stands for), as tables that
show on the page, in Excel and in PDF like the others (tables.py)."""

from django.urls import reverse

from .tables import Column, Row, Table, count, moment, text


def dossier_table(dossiers, first: int = 1, key: str = "danh-sach", title: str = "Danh sách hồ sơ") -> Table:
    table = Table(
        key,
        title,
        [
            Column("STT", 6),
            Column("Mã hồ sơ", 26),
            Column("Thủ tục", 44),
            Column("Người có yêu cầu", 24),
            Column("Tiếp nhận", 17),
            Column("Hẹn trả", 17),
            Column("Hoàn thành", 17),
            Column("Trạng thái", 18),
        ],
    )
    for index, dossier in enumerate(dossiers, start=first):
        table.rows.append(
            Row(
                [
                    count(index),
                    text(dossier.code, href=reverse("office:dossier", args=[dossier.code]), css="ref"),
                    text(dossier.procedure_version.name, css="name"),
                    text(dossier.applicant_name),
                    moment(dossier.received_at),
                    moment(dossier.due_at),
                    moment(dossier.finished_at),
                    text(dossier.get_state_display()),
                ]
            )
        )
    return table


def procedure_table(procedures, first: int = 1) -> Table:
    table = Table(
        "danh-sach",
        "Danh sách thủ tục",
        [Column("STT", 6), Column("Mã thủ tục", 16), Column("Tên thủ tục", 70), Column("Mức độ trực tuyến", 22)],
    )
    for index, procedure in enumerate(procedures, start=first):
        table.rows.append(
            Row(
                [
                    count(index),
                    text(procedure.code, href=reverse("catalog:detail", args=[procedure.code]), css="ref"),
                    text(procedure.name, css="name"),
                    text(procedure.get_online_level_display()),
                ]
            )
        )
    return table


def pakn_table(feedback, first: int = 1) -> Table:
    table = Table(
        "danh-sach",
        "Danh sách phản ánh, kiến nghị",
        [
            Column("STT", 6),
            Column("Mã PAKN", 16),
            Column("Tiêu đề", 50),
            Column("Loại", 12),
            Column("Trạng thái", 26),
            Column("Gửi lúc", 17),
            Column("Hạn trả lời", 17),
        ],
    )
    for index, item in enumerate(feedback, start=first):
        table.rows.append(
            Row(
                [
                    count(index),
                    text(item.code, href=reverse("feedback:office_detail", args=[item.code]), css="ref"),
                    text(item.title, css="name"),
                    text(item.get_kind_display()),
                    text(item.get_status_display()),
                    moment(item.submitted_at),
                    moment(item.answer_due),
                ]
            )
        )
    return table
