"""The "Chữ ký số" page (issue 17): a leader adds their .p12, a văn thư the agency's seal; the file and its password
are kept only encrypted and never served back; a wrong password, a missing file or another agency is refused in
Vietnamese; a role that signs nothing is offered nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from motcua.signing import keys
from motcua.signing.models import SigningKey

pytestmark = pytest.mark.django_db
PAGE = reverse("office:keys")


def p12(issued, password=b"mat-khau"):
    return SimpleUploadedFile("chung-thu.p12", issued.pkcs12(password), content_type="application/x-pkcs12")


def test_a_leader_adds_their_p12_and_it_is_kept_encrypted(client, authority, people, province):
    made, _ = authority
    justice = province["justice"]
    issued = made.issue("Head", justice.name, title="Giám đốc")
    client.force_login(people["head"])
    form = {"agency": justice.pk, "holder": "me", "kind": "pkcs12", "password": "mat-khau"}
    page = client.post(PAGE, {**form, "p12": p12(issued)}, follow=True)
    assert "Đã thêm chứng thư số của Head" in page.content.decode()
    key = SigningKey.objects.get()
    assert (key.owner, key.agency, key.holder, key.title, key.active) == (
        people["head"],
        justice,
        "Head",
        "Giám đốc",
        True,
    )
    assert issued.pkcs12(b"mat-khau")[:40] not in bytes(key.sealed) and b"mat-khau" not in bytes(key.sealed)
    assert keys.signer(key, "thử").cert == issued.cert  # it opens again, to sign

    wrong = client.post(PAGE, {**form, "password": "sai", "p12": p12(issued)}, follow=True).content.decode()
    assert "sai mật khẩu hoặc tệp hỏng" in wrong and SigningKey.objects.count() == 1
    someone = p12(made.issue("Nguyễn Văn Khác", justice.name, title="Giám đốc"))
    refused = client.post(PAGE, {**form, "p12": someone}, follow=True).content.decode()
    assert "không phải người ký “Head”" in refused and SigningKey.objects.count() == 1
    missing = client.post(PAGE, form, follow=True).content.decode()
    assert "Chọn tệp .p12" in missing
    renewed = client.post(PAGE, {**form, "p12": p12(made.issue("Head", justice.name, title="Giám đốc"))})
    assert renewed.status_code == 302
    assert list(SigningKey.objects.order_by("added_at").values_list("active", flat=True)) == [False, True]


def test_the_seal_is_the_clerks_and_no_one_adds_for_another_agency(client, authority, people, province):
    made, _ = authority
    justice, land = province["justice"], province["land"]
    client.force_login(people["clerk"])
    seal = {"agency": justice.pk, "holder": "seal", "kind": "pkcs12", "password": "mat-khau"}
    client.post(PAGE, {**seal, "p12": p12(made.issue(justice.name, justice.name))})
    assert keys.in_use(owner=None, agency=justice).holder == justice.name
    refused = client.post(PAGE, {**seal, "agency": land.pk, "p12": p12(made.issue(land.name, land.name))}, follow=True)
    assert "Bạn không có quyền thêm chứng thư số tại cơ quan này." in refused.content.decode()
    assert SigningKey.objects.count() == 1
    mine = p12(made.issue("Clerk", justice.name, title="Văn thư"))
    personal = client.post(PAGE, {**seal, "holder": "me", "p12": mine})
    assert "Bạn không có quyền thêm loại chứng thư số này." in personal.content.decode()
    assert SigningKey.objects.count() == 1  # a văn thư signs for the agency only

    client.force_login(people["specialist"])
    page = client.get(PAGE)
    assert page.status_code == 200 and not page.context["can_add"]
    assert client.post(PAGE, {**seal, "p12": p12(made.issue(justice.name, justice.name))}).status_code == 200
    assert SigningKey.objects.count() == 1

    client.force_login(people["citizen"])
    assert client.get(PAGE).status_code == 403


def picture(colour=(10, 160, 40, 255), kind="PNG") -> SimpleUploadedFile:
    out = io.BytesIO()
    mode = "RGBA" if kind == "PNG" else "RGB"
    Image.new(mode, (300, 120), colour[: len(mode)]).save(out, kind)
    return SimpleUploadedFile(f"chu-ky.{kind.lower()}", out.getvalue())


def test_a_signature_image_is_kept_as_its_pixels_and_rubbish_is_refused(client, authority, people, province):
    made, _ = authority
    justice = province["justice"]
    client.force_login(people["head"])
    form = {"agency": justice.pk, "holder": "me", "kind": "pkcs12", "password": "mat-khau"}
    issued = made.issue("Head", justice.name, title="Giám đốc")
    bad = client.post(PAGE, {**form, "p12": p12(issued), "image": SimpleUploadedFile("x.png", b"<svg/>")}, follow=True)
    assert "Không đọc được ảnh chữ ký" in bad.content.decode() and not SigningKey.objects.exists()
    gif = client.post(PAGE, {**form, "p12": p12(issued), "image": picture(kind="GIF")}, follow=True)
    assert "phải là tệp PNG" in gif.content.decode() and not SigningKey.objects.exists()
    client.post(PAGE, {**form, "p12": p12(issued), "image": picture(kind="JPEG")})
    kept = Image.open(io.BytesIO(bytes(SigningKey.objects.get().image)))
    assert (kept.format, kept.mode, kept.size) == ("PNG", "RGBA", (300, 120))
    assert "Có ảnh chữ ký, con dấu" in client.get(PAGE).content.decode()
