"""Account pre-hijacking (issue 10), across the layers: a squatter registers with the victim's ID number, files a
dossier and keeps a document; the victim's e-ID sign-in opens a new account, and neither sees the other's dossiers
or data store. A system test: accounts, dossiers and the portal's data store together (the rest of the linking
rules: motcua/accounts/tests/test_linking.py).
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from motcua.accounts.models import User
from motcua.accounts.tests.conftest import (
    PASSWORD,
    follow_callback,
    oidc_provider,  # noqa: F401 (a fixture)
    register_and_confirm,
    start_and_authorize,
)
from motcua.accounts.tests.test_linking import VICTIM_NUMBER, VICTIM_SUB, signed_in, snapshot
from motcua.dossiers import lifecycle
from motcua.portal.models import StoredDocument

pytestmark = pytest.mark.django_db


def store(owner, name: str) -> StoredDocument:
    return StoredDocument.objects.create(
        owner=owner,
        kind=StoredDocument.Kind.UPLOAD,
        name=name,
        file=ContentFile(b"%PDF-1.4 " + name.encode(), name="giay-to.pdf"),
        content_type="application/pdf",
        size=12,
        sha256=name.ljust(64, "0")[:64],
    )


def file_online(user, version, agency, applicant) -> str:
    return lifecycle.register(
        actor=user,
        version=version,
        receiving_agency=agency,
        channel="online",
        applicant={**applicant, "applicant_id_number": user.id_number},
        applicant_user=user,
    ).code


def test_a_squatter_with_the_victims_number_never_gets_the_victims_e_id(
    oidc_provider, sms_gateway, five_days, province, applicant
):
    # The attacker registers a password account typing the victim's ID number, files a dossier, keeps a document.
    attacker_client = Client()
    response = register_and_confirm(
        attacker_client, sms_gateway, full_name="Kẻ Mạo Danh", phone="0987000111", id_number=VICTIM_NUMBER
    )
    assert response.status_code == 302
    attacker = User.objects.get(phone="0987000111")
    assert attacker.id_number == VICTIM_NUMBER and not attacker.id_verified
    attacker_dossier = file_online(attacker, five_days, province["justice"], applicant)
    store(attacker, "giay-to-cua-ke-mao-danh")
    before = snapshot(attacker)

    # The real person signs in with VNeID for the first time: their own, new, verified account.
    victim_client = Client()
    response = follow_callback(victim_client, start_and_authorize(victim_client))
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"
    victim = signed_in(victim_client)
    assert victim.pk != attacker.pk
    assert (victim.id_number, victim.id_verified, victim.vneid_subject) == (VICTIM_NUMBER, True, VICTIM_SUB)
    assert snapshot(attacker) == before  # nothing moved, merged or marked on the squatter's account
    victim_dossier = file_online(victim, five_days, province["justice"], applicant)
    store(victim, "giay-to-cua-nguoi-that")

    # Neither sees the other's dossiers or data store.
    mine = victim_client.get("/ho-so-cua-toi/").content.decode()
    assert victim_dossier in mine and attacker_dossier not in mine
    assert victim_client.get(f"/ho-so-cua-toi/{attacker_dossier}/").status_code == 404
    kept = victim_client.get("/kho-du-lieu/").content.decode()
    assert "giay-to-cua-nguoi-that" in kept and "giay-to-cua-ke-mao-danh" not in kept
    attacker_document = StoredDocument.objects.get(owner=attacker)
    assert victim_client.get(f"/kho-du-lieu/{attacker_document.pk}/").status_code == 404

    assert attacker_client.post("/dang-nhap/", {"username": "0987000111", "password": PASSWORD}).status_code == 302
    assert signed_in(attacker_client).pk == attacker.pk
    theirs = attacker_client.get("/ho-so-cua-toi/").content.decode()
    assert attacker_dossier in theirs and victim_dossier not in theirs
    assert "giay-to-cua-nguoi-that" not in attacker_client.get("/kho-du-lieu/").content.decode()
    assert attacker_client.get("/tai-khoan/").content.decode().count("tự khai, chưa xác thực") == 1

    # The next e-ID sign-in opens the same verified account, by the provider's subject.
    other_browser = Client()
    follow_callback(other_browser, start_and_authorize(other_browser))
    assert signed_in(other_browser).pk == victim.pk
    assert User.objects.filter(id_number=VICTIM_NUMBER).count() == 2 and snapshot(attacker) == before
