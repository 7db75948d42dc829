"""The trust store: certificates added by an administrator from what a CA publishes, never edited or deleted."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.signing import pki, trust
from motcua.signing.models import TrustAnchor

pytestmark = pytest.mark.django_db


def test_pem_der_and_p7b_bundles_are_read_once_each(django_user_model):
    made = pki.Authority("http://127.0.0.1:9/crl/ca.crl")
    bundle = pkcs7.serialize_certificates([made.root.cert, made.ca.cert], serialization.Encoding.DER)
    added, held = trust.add(bundle, note="rootca.gov.vn, 07/12/2026")
    assert (sorted(a.kind for a in added), held) == (["intermediate", "root"], 0)
    added, held = trust.add(made.root.cert.public_bytes(serialization.Encoding.DER))
    assert (added, held) == ([], 1)  # pinned by its SHA-256: the same root twice is one anchor
    roots, intermediates = trust.anchors()
    assert roots == [made.root.cert] and intermediates == [made.ca.cert]
    with pytest.raises(ValueError, match="không chứa chứng thư số"):
        trust.add(b"-----BEGIN CERTIFICATE-----\nrac\n-----END CERTIFICATE-----\n")


def test_an_administrator_adds_from_a_file_and_can_neither_change_nor_delete(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", password="mat-khau-quan-tri-dai")
    client.force_login(admin)
    made = pki.Authority("http://127.0.0.1:9/crl/ca.crl")
    pem = made.root.cert.public_bytes(serialization.Encoding.PEM)
    answer = client.post(
        reverse("admin:signing_trustanchor_add"),
        {"file": SimpleUploadedFile("goc.crt", pem), "note": "gốc thử nghiệm"},
        follow=True,
    )
    assert answer.status_code == 200 and "Đã thêm 1 chứng thư" in answer.content.decode()
    anchor = TrustAnchor.objects.get()
    assert anchor.kind == "root" and anchor.added_by == admin and "THỬ NGHIỆM" in anchor.subject
    bad = client.post(reverse("admin:signing_trustanchor_add"), {"file": SimpleUploadedFile("x.crt", b"rac")})
    assert bad.status_code == 200 and "không chứa chứng thư số" in bad.content.decode()
    assert (
        client.post(reverse("admin:signing_trustanchor_delete", args=[anchor.pk]), {"post": "yes"}).status_code == 403
    )
    assert TrustAnchor.objects.count() == 1
