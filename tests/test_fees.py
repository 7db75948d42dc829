"""The fee of an online dossier follows its procedure's fee lines and the e-form: the demo's birth registration is
free, and each copy of the birth extract asked for costs 8.000 đồng (docs/payments.md, "Fee rule")."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.catalog.fees import fee_due
from motcua.catalog.models import Procedure
from motcua.demo.load import load
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.portal.models import Draft

PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
COPIES = {"kind": "phi", "amount": 8000, "text": "8.000 đồng/bản", "per": "so_ban_sao"}


@pytest.mark.parametrize(
    "form, owed",
    [
        ({"so_ban_sao": 3}, 24000 + 5000),
        ({}, 5000),
        ({"so_ban_sao": 0}, 5000),
        ({"so_ban_sao": -2}, 5000),
        ({"so_ban_sao": "hai"}, 5000),
    ],
)
def test_a_per_copy_line_counts_the_copies_asked_for_and_a_fixed_line_counts_once(form, owed):
    lines = [{"kind": "le_phi", "amount": 5000, "text": "5.000 đồng"}, COPIES, {"kind": "other", "amount": None}]
    assert fee_due(lines, form) == owed


@pytest.fixture
def birth(db, client):
    load()
    client.force_login(User.objects.get(username="congdan"))
    version = Procedure.objects.get(code="1.001193").current
    client.get(reverse("portal:start", args=["1.001193"]))
    return Draft.objects.get(version=version)


def form(copies: str) -> dict:
    return {
        "applicant_name": "Vũ Thị Mai",
        "applicant_id_number": "025090001234",
        "applicant_phone": "0912345678",
        "receiving_agency": Agency.objects.get(code="000.00.31.H44").pk,
        "ho_ten_tre": "Vũ Minh An",
        "ngay_sinh": "2026-03-01",
        "gioi_tinh": "Nam",
        "noi_sinh": "Bệnh viện Đa khoa tỉnh Phú Thọ",
        "dan_toc": "Kinh",
        "quoc_tich": "Việt Nam",
        "ho_ten_me": "Vũ Thị Mai",
        "so_dinh_danh_me": "025090001234",
        "quan_he": "Mẹ",
        "so_ban_sao": copies,
    }


def submit(client, draft, copies: str):
    """Files for the lines always needed (not the tờ khai: the e-form is it); "không" to every case asked."""
    lines = draft.version.documents.filter(is_required=True)
    for line in lines.filter(condition="", declaration=False):
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    answers = {f"applies_{line.pk}": "no" for line in lines.exclude(condition="")}
    return client.post(reverse("portal:submit", args=[draft.pk]), {**form(copies), **answers})


def test_the_draft_shows_the_fee_as_the_copies_are_typed_and_submission_charges_it(client, birth):
    page = client.get(reverse("portal:draft", args=[birth.pk])).content.decode()
    assert "Phí cấp bản sao trích lục khai sinh (nếu đề nghị cấp): 8.000 đồng/bản" in page
    assert '<strong id="fee" aria-live="polite">Không phải nộp</strong>' in page
    saved = client.post(reverse("portal:autosave", args=[birth.pk]), form("3"))
    assert saved.json()["fee"] == "24.000 đồng"
    submit(client, birth, "3")
    assert Dossier.objects.get().fee_total == 24000


def test_without_copies_the_birth_registration_costs_nothing(client, birth):
    submit(client, birth, "")
    dossier = Dossier.objects.get()
    assert dossier.fee_total == 0 and "so_ban_sao" not in dossier.form_data


def test_an_impossible_number_of_copies_is_refused_in_vietnamese_and_kept_to_correct(client, birth):
    response = submit(client, birth, "200")
    assert response.status_code == 400 and "Tối đa 20." in response.content.decode()
    assert not Dossier.objects.exists() and Draft.objects.get().data["form"]["so_ban_sao"] == 200
