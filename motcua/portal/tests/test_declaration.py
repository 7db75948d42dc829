"""The e-form is the declaration (issue 11, item 1): a citizen who filled the tờ khai online is not asked to upload
it; the filled form becomes that line's document as a PDF, and its data stays structured on the dossier."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from motcua.catalog import versions
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples

from .test_online import PNG, SCHEMA, fill, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_eform(five_days, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    draft = versions.new_draft(five_days.procedure)
    draft.form_schema, draft.online_level = {**SCHEMA, "title": "Tờ khai cấp Phiếu lý lịch tư pháp"}, "full"
    draft.save()
    draft.documents.filter(name="Tờ khai").update(declaration=True)
    return versions.publish(draft)


def test_the_filled_e_form_is_the_declarations_document(client, people, province, with_eform):
    citizen = people["citizen"]
    citizen.id_number = "025090001234"
    citizen.save()
    client.force_login(citizen)
    draft = start(client, with_eform)
    declaration, birth = with_eform.documents.order_by("position")
    page = client.get(reverse("portal:draft", args=[draft.pk])).content.decode()
    assert "Đây là tờ khai bạn điền ở phần “Tờ khai cấp Phiếu lý lịch tư pháp”" in page
    assert f'data-line="{declaration.pk}"' in page and 'aria-label="Tệp cho Tờ khai"' not in page  # nothing to upload
    client.post(reverse("portal:upload", args=[draft.pk, birth.pk]), {"file": SimpleUploadedFile("cs.png", PNG)})
    response = client.post(
        reverse("portal:submit", args=[draft.pk]), fill(province, ngay_sinh="2026-03-01", so_ban="2")
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.form_data == {
        "ho_ten_tre": "Vũ Minh An",
        "ngay_sinh": "2026-03-01",
        "gioi_tinh": "Nam",
        "so_ban": 2,
    }  # structured, as typed
    document = dossier.documents.get(requirement=declaration)
    assert document.content_type == "application/pdf" and document.sha256 and document.digitised
    with document.file.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    text = " ".join(text.split())
    for expected in (
        "TỜ KHAI CẤP PHIẾU LÝ LỊCH TƯ PHÁP",
        "Kính gửi: Sở Tư pháp",
        "Họ tên trẻ Vũ Minh An",
        "Ngày sinh 01/03/2026",
        "Giới tính Nam",
        "Số bản 2",
        "Vũ Thị Mai",
        "025090001234",
    ):
        assert expected in text, expected
    assert dossier.documents.get(requirement=birth).content_type == "image/png"


def test_a_file_given_for_the_declaration_line_is_kept_as_given(people, province, with_eform, applicant):
    from motcua.dossiers import lifecycle

    declaration = with_eform.documents.get(declaration=True)
    pdf = samples.PDF
    dossier = lifecycle.register(
        actor=people["citizen"],
        version=with_eform,
        receiving_agency=province["justice"],
        applicant=applicant,
        channel="online",
        applicant_user=people["citizen"],
        form_data={"ho_ten_tre": "An", "ngay_sinh": "2026-03-01"},
        uploads=[(declaration, SimpleUploadedFile("scan.pdf", pdf))],
    )
    assert dossier.documents.get(requirement=declaration).size == len(pdf)
