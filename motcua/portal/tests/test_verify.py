"""The public page "Kiểm tra chữ ký số": a signed PDF in, the report in Vietnamese out, judged against the trust
store, with nothing fetched from what the file names and nothing kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.signing import pades, trust
from motcua.signing.tests.fixtures import AGENCY, LEADER
from motcua.signing.tests.test_signing import result_pdf, signed_by_both, signed_by_leader

pytestmark = pytest.mark.django_db


@pytest.fixture
def trusted(authority):
    made, _ = authority
    from cryptography.hazmat.primitives import serialization

    added, held = trust.add(made.root.cert.public_bytes(serialization.Encoding.PEM), note="gốc thử nghiệm")
    assert (len(added), held) == (1, 0) and added[0].kind == "root"
    return made


def post(client, data: bytes, name="ket-qua.pdf"):
    return client.post(reverse("portal:verify"), {"tep": SimpleUploadedFile(name, data, "application/pdf")})


def test_a_signed_result_reads_valid_with_who_and_when(client, authority, signers, trusted):
    assert client.get(reverse("portal:verify")).status_code == 200
    response = post(client, signed_by_both(authority, signers))
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 chữ ký" in page and page.count(">Hợp lệ<") == 2
    assert LEADER in page and "Chủ tịch" in page and AGENCY in page and "THỬ NGHIỆM" in page
    assert "Tệp không bị thay đổi từ khi ký" in page and "còn hiệu lực" in page
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_a_changed_byte_unknown_roots_and_not_a_pdf_each_say_so(client, authority, signers, trusted):
    signed = bytearray(signed_by_both(authority, signers, long_term=False))
    signed[signed.index(b"stream") + 40] ^= 1
    page = post(client, bytes(signed)).content.decode()
    assert page.count(">Không hợp lệ<") == 2 and "Tệp đã bị thay đổi" in page
    # B-T: no revocation answer inside, and the page fetches none: not known, never valid
    page = post(client, signed_by_both(authority, signers, long_term=False)).content.decode()
    assert page.count(">Không xác định<") == 2 and "Hợp lệ<" not in page
    answer = post(client, b"%PDF-1.4 rac", "gia.pdf")
    assert answer.status_code == 400 and "không phải một tệp PDF hợp lệ" in answer.content.decode()
    assert "Tệp không có chữ ký số nào" in post(client, result_pdf()).content.decode()


def test_without_trusted_roots_nothing_is_valid(client, authority, signers):
    made, server = authority
    single = signed_by_leader(
        pades.local_signer(signers["leader"]), server.tsa_url, long_term=True, trust_roots=[made.root.cert]
    )
    page = post(client, single).content.decode()
    assert "chưa có chứng thư gốc tin cậy" in page and ">Hợp lệ<" not in page


def test_too_many_checks_are_slowed(client, trusted):
    pdf = result_pdf()
    codes = [post(client, pdf).status_code for _ in range(7)]
    assert codes[:6] == [200] * 6 and codes[6] == 429
