"""The officials' workspace over HTTP: queues, the counter, actions, scoping to the user's agencies."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import vn

pytestmark = pytest.mark.django_db
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes


def login(client, user):
    client.force_login(user)
    return client


def test_queues_show_only_my_agencies_dossiers(client, received, people):
    page = login(client, people["specialist"]).get(reverse("office:queue", args=["co-quan"]))
    assert received.code in page.content.decode()
    page = login(client, people["commune_head"]).get(reverse("office:queue", args=["co-quan"]))
    assert received.code not in page.content.decode()
    assert client.get(reverse("office:dossier", args=[received.code])).status_code == 404


def test_overdue_and_due_soon_queues(client, received, people, freezer=None):
    overdue = reverse("office:queue", args=["qua-han"])
    assert received.code in login(client, people["head"]).get(overdue).content.decode()  # 9 March 2026 is past


def test_queue_query_count_is_flat(client, five_days, province, people, applicant, django_assert_max_num_queries):
    for hour in range(30):
        dossier = lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=vn(f"2026-03-{2 + hour // 9:02d} {8 + hour % 9:02d}:00"),
        )
        lifecycle.receive(dossier.pk, actor=people["desk"], at=vn(f"2026-03-{2 + hour // 9:02d} {8 + hour % 9:02d}:05"))
    login(client, people["specialist"])
    with django_assert_max_num_queries(16):  # session, user, roles, 8 tab counts, count + page, calendar
        page = client.get(reverse("office:queue", args=["co-quan"]))
    assert len(page.context["page"]) == 25


def test_dossier_page_offers_only_allowed_actions(client, received, people):
    page = login(client, people["head"]).get(reverse("office:dossier", args=[received.code]))
    offered = [name for name, _, _ in page.context["forms"]]
    assert "assign" in offered and "receive" not in offered and "return_result" not in offered
    page = login(client, people["monitor"]).get(reverse("office:dossier", args=[received.code]))
    assert page.status_code == 200 and page.context["forms"] == []


def test_actions_over_http_with_errors_in_vietnamese(client, received, people):
    login(client, people["head"])
    url = reverse("office:act", args=[received.code, "assign"])
    client.post(url, {"officer": people["specialist"].pk})
    assert Dossier.objects.get(pk=received.pk).assignee == people["specialist"]
    login(client, people["specialist"])
    response = client.post(
        reverse("office:act", args=[received.code, "request_supplement"]),
        {"item_0": "Giấy chứng sinh", "reason_0": ""},
        follow=True,
    )
    assert "phải có cả tên giấy tờ và lý do" in response.content.decode()
    response = client.post(reverse("office:act", args=[received.code, "approve"]), follow=True)
    assert Dossier.objects.get(pk=received.pk).state == "in_progress"  # a specialist cannot approve
    assert "không có quyền" in response.content.decode()


def test_counter_receives_with_scanned_files_or_lists_what_is_missing(client, five_days, people):
    login(client, people["desk"])
    lines = list(five_days.documents.all())
    url = reverse("office:counter_procedure", args=[five_days.procedure.code])
    data = {
        "desk": people["desk"].staff_roles.get().agency_id,
        "channel": "direct",
        "applicant_name": "Nguyễn Văn An",
        "applicant_id_number": "025090001234",
        "applicant_phone": "0912345678",
        "received_line": [lines[0].pk],
        "decision": "receive",
    }
    response = client.post(url, data)
    assert "còn thiếu giấy tờ bắt buộc" in response.content.decode() and not Dossier.objects.exists()
    data["received_line"] = [line.pk for line in lines]
    data[f"file_{lines[0].pk}"] = SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf")
    response = client.post(url, data)
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and dossier.state == "received"
    assert dossier.documents.get().sha256 and dossier.documents.get().requirement == lines[0]


def test_counter_rejects_a_fake_pdf_and_bad_id_number_without_saving(client, five_days, people):
    login(client, people["desk"])
    lines = list(five_days.documents.all())
    url = reverse("office:counter_procedure", args=[five_days.procedure.code])
    data = {
        "desk": people["desk"].staff_roles.get().agency_id,
        "channel": "direct",
        "applicant_name": "An",
        "applicant_id_number": "0250900",
        "applicant_phone": "0912345678",
        "received_line": [line.pk for line in lines],
        "decision": "receive",
        f"file_{lines[0].pk}": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf"),
    }
    text = client.post(url, data).content.decode()
    assert "12 chữ số" in text
    data["applicant_id_number"] = "025090001234"
    data[f"file_{lines[0].pk}"] = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")
    text = client.post(url, data).content.decode()
    assert "chỉ nhận PDF, JPEG hoặc PNG" in text and not Dossier.objects.exists()


def test_counter_supplement_needs_a_reason_per_missing_document(client, five_days, people):
    login(client, people["desk"])
    lines = list(five_days.documents.all())
    url = reverse("office:counter_procedure", args=[five_days.procedure.code])
    data = {
        "desk": people["desk"].staff_roles.get().agency_id,
        "channel": "direct",
        "applicant_name": "An",
        "applicant_id_number": "025090001234",
        "applicant_phone": "0912345678",
        "received_line": [lines[0].pk],
        "decision": "supplement",
    }
    assert "lý do" in client.post(url, data).content.decode() and not Dossier.objects.exists()
    data[f"reason_{lines[1].pk}"] = "Chưa mang bản chính"
    client.post(url, data)
    dossier = Dossier.objects.get()
    assert dossier.state == "desk_supplement"
    assert dossier.supplement_requests.get().items == [{"item": "Giấy chứng sinh", "reason": "Chưa mang bản chính"}]


def test_part_of_lien_thong_is_offered_only_to_the_agency_asked(client, received, people, province):
    lifecycle.forward(
        received.pk,
        actor=people["specialist"],
        agencies=[province["land"]],
        days=1,
        parallel=True,
        at=vn("2026-03-02 10:00"),
    )
    head = [
        n
        for n, _, _ in login(client, people["head"])
        .get(reverse("office:dossier", args=[received.code]))
        .context["forms"]
    ]
    surveyor = [
        n
        for n, _, _ in login(client, people["surveyor"])
        .get(reverse("office:dossier", args=[received.code]))
        .context["forms"]
    ]
    assert "complete_step" not in head and "answer_consultation" not in head
    assert surveyor == ["complete_step"]


def test_documents_are_served_only_to_who_may_see_the_dossier(client, five_days, province, people, applicant):
    upload = SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf")
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        uploads=[(None, upload)],
    )
    url = reverse("office:document", args=[dossier.code, dossier.documents.get().pk])
    response = login(client, people["desk"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff" and response["Repr-Digest"].startswith("sha-256=:")
    assert login(client, people["commune_desk"]).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_counter_finds_a_returning_applicant_by_id_number(client, received, people, five_days):
    login(client, people["desk"])
    page = client.get(
        reverse("office:counter_procedure", args=[five_days.procedure.code]), {"so_dinh_danh": "025090001234"}
    )
    assert page.context["form"].initial["applicant_name"] == "Nguyễn Văn An"
    assert page.context["form"].initial["applicant_phone"] == "0912345678"
    other = login(client, people["commune_desk"]).get(
        reverse("office:counter_procedure", args=[five_days.procedure.code]), {"so_dinh_danh": "025090001234"}
    )
    assert "applicant_name" not in other.context["form"].initial  # not visible to another agency's desk


def test_register_per_period_as_page_pdf_and_excel(client, received, people):
    import io

    from openpyxl import load_workbook

    login(client, people["desk"])
    url = reverse("office:register")
    page = client.get(url, {"tu": "2026-03-01", "den": "2026-03-31"})
    assert page.context["total"] == 1 and received.code in page.content.decode()
    assert client.get(url, {"tu": "2026-04-01", "den": "2026-04-30"}).context["total"] == 0
    pdf = client.get(url, {"tu": "2026-03-01", "den": "2026-03-31", "xuat": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    xlsx = client.get(url, {"tu": "2026-03-01", "den": "2026-03-31", "xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert received.code in [cell.value for cell in sheet["B"]]
    bad = client.get(url, {"tu": "2026-03-31", "den": "2026-03-01"})
    assert bad.status_code == 400 and "Ngày kết thúc phải sau ngày bắt đầu" in bad.content.decode()
    assert (
        login(client, people["commune_desk"]).get(url, {"tu": "2026-03-01", "den": "2026-03-31"}).context["total"] == 0
    )


def test_assisted_online_submission_is_recorded_as_such(client, five_days, people):
    login(client, people["desk"])
    lines = list(five_days.documents.all())
    client.post(
        reverse("office:counter_procedure", args=[five_days.procedure.code]),
        {
            "desk": people["desk"].staff_roles.get().agency_id,
            "channel": "online",
            "applicant_name": "Bà Lan",
            "applicant_id_number": "025090001234",
            "applicant_phone": "0912345678",
            "received_line": [line.pk for line in lines],
            "decision": "receive",
        },
    )
    dossier = Dossier.objects.get()
    registered = dossier.events.get(kind="registered")
    assert dossier.channel == "online" and registered.data["assisted"] is True
    assert registered.note == "Nộp thay (hỗ trợ tại quầy)"


def test_dossier_page_shows_the_e_form_as_filed(client, received, people):
    from motcua.catalog.models import ProcedureVersion

    ProcedureVersion.objects.filter(pk=received.procedure_version_id).update(
        form_schema={
            "type": "object",
            "properties": {
                "copies": {"type": "integer", "title": "Số bản sao trích lục đề nghị cấp"},
                "place": {"type": "string", "title": "Nơi sinh của trẻ"},
            },
        }
    )
    Dossier.objects.filter(pk=received.pk).update(form_data={"copies": 2})
    page = login(client, people["head"]).get(reverse("office:dossier", args=[received.code])).content.decode()
    assert "Tờ khai điện tử" in page and "Số bản sao trích lục đề nghị cấp" in page and "Nơi sinh của trẻ" not in page


def test_a_refusal_reads_in_vietnamese(client, people, settings):
    client.force_login(people["citizen"])
    page = client.get(reverse("office:home"))
    assert page.status_code == 403
    assert "Không có quyền truy cập" in page.content.decode() and "dành cho cán bộ" in page.content.decode()
    settings.DEBUG = False
    page = client.get("/khong-co-trang-nay/")
    assert page.status_code == 404 and "Không tìm thấy trang" in page.content.decode()
