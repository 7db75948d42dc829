"""Catalogue admin: a draft shows what an import changed; publishing one without a processing time warns."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from motcua.accounts.models import User
from motcua.catalog import versions
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, RequiredDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def official(client):
    user = User.objects.create_superuser(username="quantri", password="mat-khau-dai-123", full_name="Quản trị")
    client.force_login(user)
    return client


def version(code, *, timed=True, report=None, no_time_limit=False):
    procedure = Procedure.objects.create(code=code)
    draft = ProcedureVersion.objects.create(
        procedure=procedure, number=1, name=f"Thủ tục {code}", import_report=report or {}, no_time_limit=no_time_limit
    )
    Channel.objects.create(
        version=draft,
        kind="direct",
        amount=5 if timed else None,
        unit="working_days" if timed else "",
        time_text="" if timed else "1",
    )
    RequiredDocument.objects.create(version=draft, name="Tờ khai", originals=1)
    return draft


def test_a_draft_shows_the_import_report_in_vietnamese(official):
    report = {
        "imported_at": "2026-11-30T08:00:00+07:00",
        "base": {"number": 3, "curated": True},
        "documents": {
            "added": [
                {
                    "name": "Văn bản ủy quyền",
                    "condition": "Trường hợp ủy quyền",
                    "required": True,
                    "originals": 1,
                    "copies": 0,
                }
            ],
            "removed": [{"name": "Tờ khai cũ", "condition": "", "required": True, "originals": 1, "copies": 0}],
            "changed": [],
        },
        "time": [{"channel": "Trực tiếp", "before": "Trong ngày", "after": "1 (nguồn không ghi đơn vị)"}],
        "fees": [],
        "inherited": ["form_schema"],
        "notes": 2,
        "states_time_limit": False,
    }
    draft = version("9.000001", timed=False, report=report)
    page = official.get(reverse("admin:catalog_procedureversion_change", args=[draft.pk])).content.decode()
    for text in [
        "So với phiên bản 3 đang áp dụng (do cán bộ soạn)",
        "Thành phần hồ sơ thêm (1)",
        "Văn bản ủy quyền — có điều kiện: Trường hợp ủy quyền",
        "Thành phần hồ sơ bỏ (1)",
        "Trực tiếp: Trong ngày → 1 (nguồn không ghi đơn vị)",
        "Giữ từ phiên bản đang áp dụng: biểu mẫu điện tử",
        "2 dòng ghi chú",
        "Trang không nêu thời hạn giải quyết đọc được",
    ]:
        assert text in page, text


def test_publishing_a_version_without_a_processing_time_warns(official):
    untimed, timed, by_law = (
        version("9.000002", timed=False),
        version("9.000003"),
        version("9.000004", timed=False, no_time_limit=True),
    )
    response = official.post(
        reverse("admin:catalog_procedureversion_changelist"),
        {"action": "publish_versions", "_selected_action": [untimed.pk, timed.pk, by_law.pk]},
        follow=True,
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Đã công bố 3 phiên bản." in messages
    warning = next(m for m in messages if m.startswith("Không có thời hạn giải quyết"))
    assert "9.000002" in warning and "9.000003" not in warning and "9.000004" not in warning
    assert ProcedureVersion.objects.filter(status="published").count() == 3
    assert not ProcedureVersion.objects.get(pk=untimed.pk).takes_dossiers
    assert ProcedureVersion.objects.get(pk=by_law.pk).takes_dossiers


def test_a_curated_version_has_no_report(official):
    draft = versions.publish(version("9.000005"))
    page = official.get(reverse("admin:catalog_procedureversion_change", args=[draft.pk])).content.decode()
    assert "Không có (phiên bản do cán bộ soạn)." in page
