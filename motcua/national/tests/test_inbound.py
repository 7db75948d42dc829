"""Dossiers submitted on DVCQG, pushed by the stand-in to motcua's endpoint over real HTTP (national/inbound.py):
registered once however often they come, their files checked, their status going back under MaHoSoQG."""

import base64

import pytest

from motcua.accounts.models import User
from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import staff
from motcua.national.models import InboundDossier, MappingGap, ProcedureMapping
from motcua.national.tests.test_sync import send_until_done

pytestmark = pytest.mark.django_db(transaction=True)  # the endpoint runs in the live server's threads
TOKEN = "standin-inbound-token"
PDF64 = base64.b64encode(samples.PDF).decode()


@pytest.fixture
def endpoint(live_server, settings, portal):
    settings.MOTCUA_DVCQG_INBOUND_TOKEN = TOKEN
    return f"{live_server.url}/api/dvcqg/ho-so/"


def pushed(national_code="G22.99-261207-000123", **changes):
    data = {
        "MaHoSoQG": national_code,
        "MaTTHC": "3.000333",
        "TenTTHC": "Cấp Phiếu lý lịch tư pháp",
        "ChuHoSo": "Trần Thị Bình",
        "SoDinhDanh": "025190004321",
        "SoDienThoai": "0987654321",
        "Email": "binh@example.vn",
        "DiaChi": "Phường Việt Trì, tỉnh Phú Thọ",
        "NgayNopHoSo": "20261207090000",
        "TaiLieuNop": [
            {"TenTepDinhKem": "to-khai.pdf", "TenGiayTo": "Tờ khai", "Base64": PDF64},
            {"TenTepDinhKem": "giay-chung-sinh.pdf", "TenGiayTo": "Giấy chứng sinh", "Base64": PDF64},
        ],
        **changes,
    }
    return {"service": "ThongBaoHoSo", "isUpdating": "False", "data": data}


def test_a_dossier_pushed_twice_exists_once_and_its_status_goes_back_under_its_national_code(
    endpoint, portal, five_days, people, province
):
    status, first = portal.push(endpoint, TOKEN, pushed())
    assert (status, first["error_code"]) == (201, "0"), first
    status, second = portal.push(endpoint, TOKEN, pushed())
    assert (status, second["error_code"], second["MaHoSo"]) == (200, "0", first["MaHoSo"])
    [dossier] = Dossier.objects.all()
    assert (dossier.code, dossier.channel, dossier.state) == (first["MaHoSo"], "online", "submitted")
    assert InboundDossier.objects.get().pushes == 2
    citizen = User.objects.get(id_number="025190004321")
    assert dossier.applicant_user == citizen and citizen.id_verified and citizen.kind == "citizen"
    assert sorted(d.name for d in dossier.documents.all()) == ["Giấy chứng sinh", "Tờ khai"]  # on their lines

    assert dossier.receiving_agency == province["justice"]  # the procedure's one agency receives it online
    lifecycle.receive(dossier.pk, actor=staff("justice_desk", (province["justice"], "counter")))
    send_until_done()
    held = portal.state()["dossiers"]
    assert list(held) == ["G22.99-261207-000123"]  # DVCQG knows it by its own code
    assert held["G22.99-261207-000123"]["TrangThaiHoSo"] == "2"
    assert portal.state()["progress"]["G22.99-261207-000123"][0]["TrangThai"] == "2"


def test_an_update_is_the_applicants_supplement_when_one_was_asked(endpoint, portal, five_days, people, province):
    status, first = portal.push(endpoint, TOKEN, pushed())
    dossier = Dossier.objects.get(code=first["MaHoSo"])
    again = {**pushed(), "isUpdating": "True"}
    status, answer = portal.push(endpoint, TOKEN, again)
    assert status == 409 and "không ở trạng thái chờ bổ sung" in answer["message"]
    clerk = staff("justice_desk", (province["justice"], "counter"))
    lifecycle.desk_supplement(dossier.pk, actor=clerk, items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký"}])
    status, answer = portal.push(endpoint, TOKEN, again)
    assert (status, answer["error_code"]) == (200, "0"), answer
    dossier.refresh_from_db()
    assert dossier.state == "submitted" and dossier.documents.count() == 4
    assert Dossier.objects.count() == 1


def test_a_file_by_link_is_fetched_through_the_relay_and_a_bad_file_is_refused(endpoint, portal, five_days):
    with portal.lock:
        portal.files["/files/giay-khai-sinh.pdf"] = samples.PDF
    body = pushed(
        TaiLieuNop=[{"TenTepDinhKem": "giay-khai-sinh.pdf", "DuongDanTaiTepTin": "/files/giay-khai-sinh.pdf"}]
    )
    status, answer = portal.push(endpoint, TOKEN, body)
    assert status == 201, answer
    assert Dossier.objects.get().documents.get().sha256

    bad = pushed(
        "G22.99-261207-000124", TaiLieuNop=[{"TenTepDinhKem": "x.pdf", "Base64": base64.b64encode(b"MZ\x90").decode()}]
    )
    status, answer = portal.push(endpoint, TOKEN, bad)
    assert status == 400 and answer["error_code"] == "1" and "x.pdf" in answer["message"]
    assert Dossier.objects.count() == 1 and not InboundDossier.objects.filter(national_code="G22.99-261207-000124")


def test_an_unknown_procedure_is_refused_and_listed_then_mapped(endpoint, portal, five_days):
    body = pushed(MaTTHC="1.009999", TenTTHC="Thủ tục mới của Bộ")
    status, answer = portal.push(endpoint, TOKEN, body)
    assert status == 422 and "1.009999 chưa có trong danh mục" in answer["message"]
    gap = MappingGap.objects.get()
    assert (gap.national_code, gap.name, gap.refused) == ("1.009999", "Thủ tục mới của Bộ", 1)
    ProcedureMapping.objects.create(national_code="1.009999", procedure=five_days.procedure)
    status, answer = portal.push(endpoint, TOKEN, body)
    assert status == 201, answer


def test_a_wrong_token_or_body_is_refused_in_vietnamese(endpoint, portal, five_days):
    assert portal.push(endpoint, "sai", pushed())[0] == 401
    status, answer = portal.push(endpoint, TOKEN, {"data": "không phải hồ sơ"})
    assert status == 400 and "Trường data" in answer["message"]
    status, answer = portal.push(endpoint, TOKEN, pushed(SoDinhDanh="123"))
    assert status == 400 and "số định danh" in answer["message"]
    assert not Dossier.objects.exists()
