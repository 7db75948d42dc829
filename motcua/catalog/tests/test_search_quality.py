"""Catalogue search on the real names of the national portal (2,642 procedures): a citizen's everyday question
finds the procedure among the first three results, and the page's queries stay few and constant."""

import json

import pytest
from django.urls import reverse

from motcua.catalog.models import Procedure
from motcua.catalog.search import search
from motcua.vntext.normalize import fold, nfc

pytestmark = pytest.mark.django_db

# question → the procedure a desk officer would point to
EVERYDAY = {
    "làm giấy khai sinh cho con": "1.001193",
    "đăng ký khai sinh": "1.001193",
    "dang ky khai sihn": "1.001193",
    "khai sinhh": "1.001193",
    "đăng ký kết hôn": "1.000894",
    "dang ky ket hon": "1.000894",
    "đăng ký khai tử": "1.000656",
    "cấp lại căn cước": "1.014064",
    "cap lai can cuoc cong dan": "1.014064",
    "làm lại cccd": "1.014064",
    "xin giấy phép xây dựng nhà ở": "1.013225",
    "dang ky kinh doanh ho ca the": "1.001612",
    "chứng thực bản sao": "2.000815",
    "thủ tục đăng ký thường trú": "1.004222",
    "nhập hộ khẩu": "1.004222",
    "đăng ký tạm trú như thế nào": "1.004194",
    "làm hộ chiếu": "1.001456",
    "xin cấp hộ chiếu phổ thông": "1.001456",
    "cấp đổi sổ đỏ": "1.012783",
    "tách thửa đất": "1.012784",
    "xác nhận tình trạng hôn nhân": "1.004873",
    "xin giấy xác nhận độc thân": "1.004873",
    "nhận cha mẹ con": "1.001022",
    "lý lịch tư pháp": "3.000333",
    "đổi bằng lái xe": "3.000347",
    "đổi giấy phép lái xe": "3.000347",
    "nhận con nuôi": "2.001263",
    "đăng ký giám hộ": "1.004837",
    "thay đổi họ tên": "1.004859",
    "cải chính hộ tịch": "1.004859",
}


@pytest.fixture
def real_names(shared_data):
    """The portal's codes and names only: the search reads nothing else, and the full import takes a minute."""
    rows = {}
    with open(shared_data / "tthc-national-portal" / "procedures.jsonl", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            name = " ".join(nfc(record["ten_thu_tuc"]).split())
            rows[record["ma_thu_tuc"].strip()] = name
    Procedure.objects.bulk_create(
        Procedure(code=code, name=name, name_folded=fold(name), is_published=True) for code, name in rows.items()
    )
    return rows


def test_everyday_questions_find_the_procedure_in_the_first_three(real_names):
    everyone = Procedure.objects.filter(is_published=True)
    missed = {}
    for question, code in EVERYDAY.items():
        first = list(search(everyone, question).values_list("code", flat=True)[:3])
        if code not in first:
            missed[question] = first
    assert not missed, missed


def test_the_search_page_keeps_its_queries_on_the_whole_catalogue(client, real_names, django_assert_num_queries):
    client.get(reverse("catalog:list"), {"q": "khai sinh"})  # builds this process's index of the names
    for question in EVERYDAY:
        # the index's stamp, count, the page, the fields and the agencies of the filters
        with django_assert_num_queries(5):
            page = client.get(reverse("catalog:list"), {"q": question})
        assert page.context["page"].paginator.count <= 60, question
