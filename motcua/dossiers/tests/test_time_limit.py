"""No dossier without a due moment (issue 10, item 7): a version whose processing time was not read takes no
dossier, unless an official marked on purpose that the law sets none."""

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import versions
from motcua.dossiers import lifecycle

from .fixtures import make_procedure, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def untimed(province):
    """Imported with its time lost: the channel rows carry text only, no amount or unit."""
    return make_procedure("2.000999", "Thủ tục có thời hạn không đọc được", None, "", [province["justice"]])


def test_a_version_without_a_processing_time_takes_no_dossier(untimed, people, province, applicant):
    assert not untimed.takes_dossiers
    with pytest.raises(ValidationError, match="chưa có thời hạn giải quyết"):
        lifecycle.register(
            actor=people["desk"],
            version=untimed,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
        )


def test_marked_as_having_no_time_limit_it_is_received_without_a_due_moment(untimed, people, province, applicant):
    draft = versions.new_draft(untimed.procedure)
    draft.no_time_limit = True
    draft.save()
    version = versions.publish(draft)
    assert version.takes_dossiers
    dossier = lifecycle.register(
        actor=people["desk"],
        version=version,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:00"),
    )
    dossier = lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
    assert dossier.state == "received" and dossier.due_at is None


def test_the_counter_says_why_and_offers_no_receipt(client, untimed, people):
    client.force_login(people["desk"])
    page = client.get(f"/can-bo/tiep-nhan/{untimed.procedure.code}/").content.decode()
    assert "chưa có thời hạn giải quyết trong danh mục" in page
    assert 'value="receive" class="primary" disabled' in page


def test_the_portal_does_not_offer_online_submission(client, untimed, people):
    from motcua.catalog.models import Procedure

    Procedure.objects.filter(pk=untimed.procedure_id).update(online_level="partial")
    page = client.get(f"/thu-tuc/{untimed.procedure.code}/").content.decode()
    assert "tạm thời chưa nhận hồ sơ trực tuyến" in page and "/nop-truc-tuyen/" not in page
    client.force_login(people["citizen"])
    assert client.get(f"/nop-truc-tuyen/{untimed.procedure.code}/").status_code == 404
