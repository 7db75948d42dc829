"""Catalogue: versions are frozen once published, search folds accents and tolerates a typo, pages render."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from motcua.catalog import versions
from motcua.catalog.models import Channel, Field, Procedure, ProcedureVersion, RequiredDocument, levels_value
from motcua.catalog.search import search

pytestmark = pytest.mark.django_db

NAMES = {
    "1.001193": "Thủ tục đăng ký khai sinh",
    "1.003583": "Thủ tục đăng ký khai sinh lưu động",
    "1.000110": "Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới",
    "1.000689": "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
    "1.000656": "Thủ tục đăng ký khai tử",
    "1.004222": "Đăng ký thường trú",
    "2.000815": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
    "1.012784": "Tách thửa hoặc hợp thửa đất.",
}


def publish(code, name, field="Hộ tịch", levels=("commune",), online="partial"):
    procedure = Procedure.objects.create(code=code)
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        number=1,
        name=name,
        levels=levels_value(levels),
        field=Field.objects.get_or_create(name=field)[0],
        online_level=online,
    )
    Channel.objects.create(
        version=version,
        kind="online",
        amount=3,
        unit="working_days",
        fees=[{"kind": "le_phi", "amount": 8000, "text": "Lệ phí: 8.000 đồng"}],
    )
    RequiredDocument.objects.create(version=version, name="Tờ khai đăng ký khai sinh", originals=1)
    return versions.publish(version)


@pytest.fixture
def catalogue():
    for code, name in NAMES.items():
        field = "Đất đai" if code == "1.012784" else "Hộ tịch"
        publish(
            code,
            name,
            field=field,
            levels=("province",) if field == "Đất đai" else ("commune",),
            online="none" if field == "Đất đai" else "partial",
        )


def codes(queryset):
    return [p.code for p in queryset]


def test_search_without_accents_finds_the_exact_procedure_first(catalogue):
    found = codes(search(Procedure.objects.filter(is_published=True), "dang ky khai sinh"))
    assert found[0] == "1.001193"
    assert set(found) == {"1.001193", "1.003583", "1.000110", "1.000689"}


def test_search_folds_d_with_stroke_and_case(catalogue):
    assert codes(search(Procedure.objects.all(), "ĐĂNG KÝ THƯỜNG TRÚ"))[0] == "1.004222"
    assert codes(search(Procedure.objects.all(), "tach thua"))[0] == "1.012784"


def test_search_tolerates_a_typo(catalogue):
    assert codes(search(Procedure.objects.all(), "dang ky khai sihn"))[0] == "1.001193"
    assert codes(search(Procedure.objects.all(), "thuong tru dang kyy"))[0] == "1.004222"
    assert codes(search(Procedure.objects.all(), "xyzxyz qwerty")) == []


def test_published_version_is_frozen_and_edits_make_a_new_version(catalogue):
    procedure = Procedure.objects.get(code="1.001193")
    first = procedure.current
    first.name = "Đổi tên"
    with pytest.raises(ValidationError, match="không được sửa"):
        first.save()
    with pytest.raises(ValidationError, match="không được sửa"):
        Channel.objects.create(version=first, kind="direct")
    draft = versions.new_draft(procedure)
    assert draft.number == 2 and draft.status == "draft"
    assert [d.name for d in draft.documents.all()] == ["Tờ khai đăng ký khai sinh"]
    draft.name = "Đăng ký khai sinh (sửa đổi)"
    draft.save()
    versions.publish(draft)
    procedure.refresh_from_db()
    first.refresh_from_db()
    assert procedure.current == draft and procedure.name == "Đăng ký khai sinh (sửa đổi)"
    assert first.status == "retired" and first.name == "Thủ tục đăng ký khai sinh"


def test_list_filters_and_paginates(client, catalogue):
    url = reverse("catalog:list")
    page = client.get(url, {"level": "province"})
    assert page.status_code == 200
    assert [p.code for p in page.context["page"]] == ["1.012784"]
    page = client.get(url, {"online": "partial", "q": "khai"})
    assert "1.012784" not in codes(page.context["page"]) and "1.001193" in codes(page.context["page"])
    field = Field.objects.get(name="Đất đai")
    assert codes(client.get(url, {"field": field.pk}).context["page"]) == ["1.012784"]
    bad = client.get(url, {"field": "khong-phai-so", "level": "sao-hoa"})
    assert bad.status_code == 200 and "Bộ lọc không hợp lệ" in bad.content.decode()
    for i in range(25):
        publish(f"9.{i:06d}", f"Thủ tục thử {i}")
    first, second = client.get(url), client.get(url, {"page": 2})
    assert len(first.context["page"]) == 20 and second.context["page"].number == 2
    assert client.get(url, {"page": "abc"}).status_code == 200


def test_list_query_count_does_not_grow_with_rows(client, catalogue, django_assert_num_queries):
    # the index's stamp + count + the page + the two filter dropdowns (fields, agencies), however many rows match;
    # the first search after a publication reads the names once more
    for i in range(30):
        publish(f"9.{i:06d}", f"Thủ tục đăng ký thử {i}", field=f"Lĩnh vực {i}")
    with django_assert_num_queries(6):
        client.get(reverse("catalog:list"), {"q": "dang ky"})
    for query in ["dang ky", "làm giấy khai sinh cho con", "khai sinhh", "xyzxyz"]:
        with django_assert_num_queries(5 if query != "xyzxyz" else 3):  # nothing found: no count, no page
            page = client.get(reverse("catalog:list"), {"q": query})
    page = client.get(reverse("catalog:list"), {"q": "dang ky"})
    assert len(page.context["page"]) == 20


def test_search_reads_a_citizens_question(catalogue):
    everyone = Procedure.objects.filter(is_published=True)
    assert codes(search(everyone, "làm giấy khai sinh cho con"))[0] == "1.001193"
    assert codes(search(everyone, "đăng ký thường trú như thế nào"))[0] == "1.004222"
    assert codes(search(everyone, "tôi muốn làm hộ khẩu"))[0] == "1.004222"  # the household book is now thường trú
    assert codes(search(everyone, "thủ tục tách thửa"))[0] == "1.012784"
    assert codes(search(everyone, "Chứng thực bản sao")) == ["2.000815"]  # "sao" of "bản sao" is not filler
    assert "1.001193" in codes(search(everyone, "thủ tục"))  # nothing but filler: its words are searched


def test_search_keeps_the_filters_of_the_queryset(catalogue):
    land = Procedure.objects.filter(is_published=True, field__name="Đất đai")
    assert codes(search(land, "tach thua")) == ["1.012784"]
    assert codes(search(land, "dang ky khai sinh")) == []


def test_search_sees_a_publication_made_by_another_process(catalogue):
    assert codes(search(Procedure.objects.all(), "cu tru dai han")) == []
    # another gunicorn worker publishes: no signal reaches this process, the stamp (sum of current versions) moves
    procedure = Procedure.objects.get(code="1.004222")
    version = ProcedureVersion.objects.create(procedure=procedure, number=2, name="Đăng ký cư trú dài hạn")
    Procedure.objects.filter(pk=procedure.pk).update(
        current=version, name=version.name, name_folded="dang ky cu tru dai han"
    )
    assert codes(search(Procedure.objects.all(), "cu tru dai han")) == ["1.004222"]


def test_detail_shows_the_seven_components(client, catalogue):
    page = client.get(reverse("catalog:detail", args=["1.001193"]))
    text = page.content.decode()
    for heading in [
        "Trình tự thực hiện",
        "Cách thức thực hiện",
        "Thành phần hồ sơ",
        "Đối tượng thực hiện",
        "Cơ quan thực hiện",
        "Kết quả thực hiện",
        "Yêu cầu, điều kiện",
    ]:
        assert heading in text
    assert "3 ngày làm việc" in text and "Lệ phí: 8.000 đồng" in text and "Tờ khai đăng ký khai sinh" in text
    assert client.get(reverse("catalog:detail", args=["0.000000"])).status_code == 404
