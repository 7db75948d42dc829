"""Ký hàng loạt (issue 17): a leader ticks the dossiers in "Chờ ký" and asks for all the signatures at once, the
văn thư seals them at once from "Chờ đóng dấu"; each is checked as on its own page, and what could not be asked is
said per dossier."""

import pytest

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier, Signature
from motcua.dossiers.states import State
from motcua.dossiers.tests.fixtures import run_worker, vn
from motcua.dossiers.tests.test_signing_step import draft_pdf, setup  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)  # the real worker signs
URL = "/can-bo/ky-hang-loat/"


def waiting_to_sign(people, version, desk_agency, applicant, day) -> Dossier:
    dossier = lifecycle.register(
        actor=people["desk"], version=version, receiving_agency=desk_agency, applicant=applicant, channel="direct"
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn(f"{day} 09:00"))
    lifecycle.assign(dossier.pk, actor=people["head"], officer=people["specialist"], at=vn(f"{day} 10:00"))
    lifecycle.submit_for_approval(dossier.pk, actor=people["specialist"], at=vn(f"{day} 11:00"))
    lifecycle.approve(dossier.pk, actor=people["head"], at=vn(f"{day} 14:00"))
    return lifecycle.send_for_signing(dossier.pk, actor=people["specialist"], summary="Cấp phiếu", upload=draft_pdf())


def test_a_leader_signs_several_then_the_clerk_seals_them(client, setup, people, province, five_days, applicant):
    made = [
        waiting_to_sign(people, five_days, province["centre"], applicant, day) for day in ("2026-03-02", "2026-03-03")
    ]
    client.force_login(people["head"])
    page = client.get("/can-bo/hang-doi/cho-ky/").content.decode()
    assert all(f'value="{d.code}"' in page for d in made) and "Ký số các hồ sơ đã chọn" in page
    codes = [d.code for d in made] + ["000.00.99.H44-260302-0001"]
    answer = client.post(URL, {"thao_tac": "sign", "hang_doi": "cho-ky", "ma": codes}, follow=True).content.decode()
    assert "Đã gửi yêu cầu ký 2 hồ sơ" in answer and "000.00.99.H44-260302-0001: không tìm thấy hồ sơ" in answer
    again = client.post(URL, {"thao_tac": "sign", "hang_doi": "cho-ky", "ma": [made[0].code]}, follow=True)
    assert "Kết quả đang được ký" in again.content.decode()  # one waits already: never twice
    run_worker()
    assert {Dossier.objects.get(pk=d.pk).state for d in made} == {State.AWAITING_SEAL}

    client.force_login(people["clerk"])
    assert client.post(URL, {"thao_tac": "sign", "hang_doi": "cho-dong-dau", "ma": codes}).status_code == 404
    answer = client.post(
        URL, {"thao_tac": "seal", "hang_doi": "cho-dong-dau", "ma": [d.code for d in made]}, follow=True
    )
    assert "Đã gửi yêu cầu ký 2 hồ sơ" in answer.content.decode()
    run_worker()
    assert {Dossier.objects.get(pk=d.pk).state for d in made} == {State.ISSUED}
    assert Signature.objects.filter(status=Signature.Status.SIGNED).count() == 4


def test_nothing_chosen_too_many_and_a_role_that_may_not(client, setup, people):
    client.force_login(people["head"])
    assert (
        "Chọn ít nhất một hồ sơ"
        in client.post(URL, {"thao_tac": "sign", "hang_doi": "cho-ky"}, follow=True).content.decode()
    )
    many = [f"000.01.01.H44-260302-{n:04d}" for n in range(51)]
    answer = client.post(URL, {"thao_tac": "sign", "hang_doi": "cho-ky", "ma": many}, follow=True)
    assert "tối đa 50 hồ sơ" in answer.content.decode()
    client.force_login(people["citizen"])
    assert client.post(URL, {"thao_tac": "sign", "hang_doi": "cho-ky", "ma": many[:1]}).status_code == 403
    assert not Signature.objects.exists()
