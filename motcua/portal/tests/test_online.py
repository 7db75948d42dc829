"""Online submission as a citizen does it: e-form, files, autosave, verification, then their own dossier pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier, Rating
from motcua.dossiers.tests import samples
from motcua.portal.models import Draft, DraftFile, StoredDocument

pytestmark = pytest.mark.django_db
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
PNG = samples.PNG
SCHEMA = {
    "type": "object",
    "title": "Tờ khai",
    "properties": {
        "ho_ten_tre": {"type": "string", "title": "Họ tên trẻ", "maxLength": 100},
        "ngay_sinh": {"type": "string", "format": "date", "title": "Ngày sinh"},
        "gioi_tinh": {"type": "string", "title": "Giới tính", "enum": ["Nam", "Nữ"]},
        "so_ban": {"type": "integer", "title": "Số bản", "minimum": 1},
    },
    "required": ["ho_ten_tre", "ngay_sinh"],
}


@pytest.fixture
def online(five_days, province):
    from motcua.catalog import versions

    draft = versions.new_draft(five_days.procedure)
    draft.form_schema, draft.online_level = SCHEMA, "full"
    draft.save()
    return versions.publish(draft)


@pytest.fixture
def citizen(client, people):
    people["citizen"].id_number, people["citizen"].phone = "025090001234", "0912345678"
    people["citizen"].save()
    client.force_login(people["citizen"])
    return people["citizen"]


def start(client, version):
    response = client.get(reverse("portal:start", args=[version.procedure.code]))
    return Draft.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[-1]))


def fill(province, **form):
    return {
        "applicant_name": "Vũ Thị Mai",
        "applicant_id_number": "025090001234",
        "applicant_phone": "0912345678",
        "receiving_agency": province["justice"].pk,
        "ho_ten_tre": "Vũ Minh An",
        "ngay_sinh": "2026-03-01",
        "gioi_tinh": "Nam",
        **form,
    }


def test_autosave_keeps_what_was_typed_and_resumes_the_same_draft(client, citizen, online, province):
    draft = start(client, online)
    client.post(reverse("portal:autosave", args=[draft.pk]), {"ho_ten_tre": "Vũ Minh", "so_ban": "2"})
    again = start(client, online)
    assert again.pk == draft.pk and again.data["form"] == {"ho_ten_tre": "Vũ Minh", "so_ban": 2}
    page = client.get(reverse("portal:draft", args=[draft.pk]))
    assert 'value="Vũ Minh"' in page.content.decode()


def test_submit_with_two_files_verifies_them_and_keeps_them_in_the_store(
    client, citizen, online, province, django_capture_on_commit_callbacks
):
    draft = start(client, online)
    lines = list(online.documents.all())
    for line, (name, content) in zip(lines, [("to-khai.pdf", PDF), ("giay-chung-sinh.png", PNG)]):
        answer = client.post(
            reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile(name, content)}
        )
        assert answer.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    dossier = Dossier.objects.get()
    assert response.url == reverse("portal:my_dossier", args=[dossier.code])
    assert dossier.channel == "online" and dossier.state == "submitted" and dossier.applicant_user == citizen
    assert dossier.form_data["ho_ten_tre"] == "Vũ Minh An" and dossier.documents.count() == 2
    assert StoredDocument.objects.filter(owner=citizen, kind="upload").count() == 2
    assert Draft.objects.get().dossier == dossier and not DraftFile.objects.exists()  # linked, files moved
    page = client.get(reverse("portal:my_dossier", args=[dossier.code])).content.decode()
    assert dossier.code in page and "Mới đăng ký" in page


def test_bad_form_values_and_missing_files_get_vietnamese_errors_and_nothing_is_lost(client, citizen, online, province):
    draft = start(client, online)
    response = client.post(
        reverse("portal:submit", args=[draft.pk]),
        fill(province, ho_ten_tre="", ngay_sinh="2099-01-01", gioi_tinh="Khác", so_ban="hai"),
    )
    text = response.content.decode()
    assert response.status_code == 400 and not Dossier.objects.exists()
    for message in [
        "Bắt buộc nhập.",
        "Ngày không được sau hôm nay.",
        "Chọn một giá trị trong danh sách.",
        "Giá trị không hợp lệ (phải là số).",
        "Thiếu giấy tờ: Tờ khai",
    ]:
        assert message in text
    assert Draft.objects.get(pk=draft.pk).data["form"]["gioi_tinh"] == "Khác"  # kept, to be corrected


def test_wrong_type_or_oversized_upload_is_refused_and_not_stored(client, citizen, online, settings):
    draft = start(client, online)
    line = online.documents.first()
    url = reverse("portal:upload", args=[draft.pk, line.pk])
    refused = client.post(url, {"file": SimpleUploadedFile("virus.pdf", b"MZ\x90 not a pdf")})
    assert refused.status_code == 400 and "chỉ nhận PDF, JPEG hoặc PNG" in refused.json()["error"]
    settings.MOTCUA_MAX_UPLOAD_MB = 0
    big = client.post(url, {"file": SimpleUploadedFile("lon.pdf", PDF)})
    assert big.status_code == 400 and "quá lớn" in big.json()["error"]
    assert not draft.files.exists()


def test_a_file_changed_on_the_server_after_upload_blocks_submission(client, citizen, online, province):
    draft = start(client, online)
    for line in online.documents.all():
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    item = draft.files.first()
    with open(item.file.path, "wb") as handle:
        handle.write(PDF[:10])  # a broken-off upload
    response = client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    assert "chưa tải lên đầy đủ" in response.content.decode() and not Dossier.objects.exists()


def test_result_goes_to_the_store_reused_later_and_the_citizen_rates(client, citizen, online, province, people):
    draft = start(client, online)
    for line in online.documents.all():
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    dossier = Dossier.objects.get()
    desk = people["desk"]
    desk.staff_roles.create(agency=province["justice"], role="counter")
    lifecycle.receive(dossier.pk, actor=desk)
    lifecycle.submit_for_approval(dossier.pk, actor=people["head"])
    lifecycle.approve(dossier.pk, actor=people["head"])
    lifecycle.issue_result(
        dossier.pk,
        actor=people["head"],
        summary="Phiếu số 9",
        uploads=[("Phiếu lý lịch tư pháp", SimpleUploadedFile("kq.pdf", PDF + b"kq"))],
    )
    lifecycle.return_result(dossier.pk, actor=desk, method="online")
    receipt = client.get(reverse("portal:receipt", args=[dossier.code]))
    assert receipt["Content-Type"] == "application/pdf" and receipt.content[:5] == b"%PDF-"
    result = StoredDocument.objects.get(owner=citizen, kind="result")
    download = client.get(reverse("portal:store_download", args=[result.pk]))
    assert download.status_code == 200 and download["Content-Security-Policy"].startswith("sandbox")
    client.post(reverse("portal:rate", args=[dossier.code]), {"satisfied": "yes", "time": "yes", "attitude": "no"})
    rating = Rating.objects.get(dossier=dossier)
    assert rating.satisfied and rating.criteria == {"time": True, "attitude": False}
    second = start(client, online)
    line = online.documents.first()
    stored = StoredDocument.objects.filter(owner=citizen, kind="upload").first()
    assert client.post(reverse("portal:upload", args=[second.pk, line.pk]), {"from_store": stored.pk}).json()["reused"]


def test_nothing_of_one_citizen_is_visible_to_another(client, citizen, online, province, people):
    draft = start(client, online)
    stored = StoredDocument.objects.create(
        owner=citizen,
        kind="upload",
        name="x",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        file="kho/x.pdf",
    )
    from motcua.accounts.models import User

    other = User.objects.create_user("other", password="x", kind="citizen")
    client.force_login(other)
    assert client.get(reverse("portal:draft", args=[draft.pk])).status_code == 404
    assert client.get(reverse("portal:store_download", args=[stored.pk])).status_code == 404
    assert client.post(reverse("portal:autosave", args=[draft.pk]), {"ho_ten_tre": "X"}).status_code == 404
    client.force_login(people["desk"])
    assert client.get(reverse("portal:my_dossiers")).status_code == 403


def test_online_submission_is_acknowledged_by_e_mail_in_the_same_transaction(client, citizen, online, province):
    from motcua.integrations.models import Notice

    draft = start(client, online)
    for line in online.documents.all():
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    client.post(reverse("portal:submit", args=[draft.pk]), fill(province, applicant_email="mai@example.vn"))
    notice = Notice.objects.get(channel="email")
    assert notice.recipient == "mai@example.vn" and "đã được gửi, chờ tiếp nhận" in notice.subject


def test_my_dossier_offers_online_payment_while_the_fee_is_unpaid(client, citizen, online, province):
    draft = start(client, online)
    for line in online.documents.all():
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    dossier = Dossier.objects.get()
    page = client.get(reverse("portal:my_dossier", args=[dossier.code]))
    assert dossier.fee_total == 200000 and page.context["can_pay"]
    assert reverse("payments:start", args=[dossier.code]) in page.content.decode()


def test_citizen_answers_a_supplement_request_online_and_the_deadline_restarts(
    client, citizen, online, province, people
):
    draft = start(client, online)
    for line in online.documents.all():
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    dossier = Dossier.objects.get()
    people["desk"].staff_roles.create(agency=province["justice"], role="counter")
    lifecycle.receive(dossier.pk, actor=people["desk"])
    lifecycle.request_supplement(
        dossier.pk, actor=people["specialist"], items=[{"item": "Giấy chứng sinh", "reason": "Ảnh chụp bị mờ"}]
    )
    page = client.get(reverse("portal:my_dossier", args=[dossier.code])).content.decode()
    assert "Ảnh chụp bị mờ" in page
    bad = client.post(
        reverse("portal:answer_supplement", args=[dossier.code]),
        {"files": [SimpleUploadedFile("x.pdf", b"not a pdf")]},
        follow=True,
    )
    assert "chỉ nhận PDF, JPEG hoặc PNG" in bad.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).state == "supplement"
    client.post(
        reverse("portal:answer_supplement", args=[dossier.code]),
        {"files": [SimpleUploadedFile("chung-sinh.png", PNG)], "note": "Đã chụp lại"},
    )
    dossier.refresh_from_db()
    assert dossier.state == "in_progress" and dossier.documents.count() == 3
    assert dossier.events.order_by("-seq").first().kind == "resubmitted"


def test_e_form_dates_are_typed_and_shown_day_first(client, citizen, online, province):
    draft = start(client, online)
    client.post(reverse("portal:autosave", args=[draft.pk]), {"ngay_sinh": "01/03/2026", "ho_ten_tre": "An"})
    assert Draft.objects.get(pk=draft.pk).data["form"]["ngay_sinh"] == "2026-03-01"  # the schema's date
    page = client.get(reverse("portal:draft", args=[draft.pk])).content.decode()
    assert 'value="01/03/2026"' in page and 'placeholder="dd/mm/yyyy"' in page and 'type="date"' not in page
    client.post(reverse("portal:autosave", args=[draft.pk]), {"ngay_sinh": "31/02/2026"})
    response = client.post(reverse("portal:submit", args=[draft.pk]), fill(province, ngay_sinh="31/02/2026"))
    assert response.status_code == 400 and "Ngày không hợp lệ." in response.content.decode()


def test_an_autosave_racing_a_submit_or_a_removal_answers_and_writes_nothing(
    client, citizen, online, received, monkeypatch
):
    """The autosave read the draft open, then another tab submitted it (or the draft went) before the save: the
    answer names the dossier (409) or is a 404, never a 500 ("Save with update_fields did not affect any rows"),
    and the submitted draft's values stay as submitted."""
    from motcua.portal import online as views

    def read_before(change):
        """`my_draft` as the autosave saw it: the row read, then `change` made by someone else."""

        def stale(request, draft_id):
            found = real(request, draft_id)
            change(found)
            return found

        real = views.my_draft
        monkeypatch.setattr(views, "my_draft", stale)
        return real

    draft = start(client, online)
    kept = Draft.objects.get(pk=draft.pk).data
    real = read_before(lambda found: Draft.objects.filter(pk=found.pk).update(dossier=received))
    answer = client.post(reverse("portal:autosave", args=[draft.pk]), {"ho_ten_tre": "Sửa sau khi nộp"})
    assert answer.status_code == 409 and answer.json()["dossier"] == received.code
    assert Draft.objects.get(pk=draft.pk).data == kept
    monkeypatch.setattr(views, "my_draft", real)

    other = start(client, online)
    read_before(lambda found: Draft.objects.filter(pk=found.pk).delete())
    assert client.post(reverse("portal:autosave", args=[other.pk]), {"ho_ten_tre": "X"}).status_code == 404
