"""The month of known dossiers (motcua/indicators/tests/scenario.py) plus a commune's, for the dashboard's tests."""

import pytest

from motcua.dossiers import lifecycle
from motcua.dossiers.tests.fixtures import make_procedure, vn
from motcua.indicators.tests.scenario import build

DASHBOARD = "/bang-dieu-khien/"
LIST = "/bang-dieu-khien/danh-sach/"
MARCH = {"ky": "thang", "nam": 2026, "thang": 3}


@pytest.fixture
def march(province, people, five_days, applicant):
    return build(province, people, five_days, applicant)


@pytest.fixture
def commune_march(province, people, applicant):
    """At the ward of Việt Trì, a three-day procedure: one dossier done early, one open and overdue at the end of
    March (received 23 March, due 26 March), one online."""
    version = make_procedure("1.001193", "Đăng ký khai sinh", 3, "working_days", [province["commune"]])
    desk, head, commune = people["commune_desk"], people["commune_head"], province["commune"]

    def receive(at, channel="direct"):
        dossier = lifecycle.register(
            actor=desk, version=version, receiving_agency=commune, applicant=applicant, channel=channel, at=vn(at)
        )
        papers = [line.pk for line in version.documents.all()]  # the desk holds every paper
        return lifecycle.receive(dossier.pk, actor=desk, received_lines=papers, at=vn(at)).pk

    early = receive("2026-03-09 09:00")
    lifecycle.submit_for_approval(early, actor=head, at=vn("2026-03-10 09:00"))
    lifecycle.approve(early, actor=head, at=vn("2026-03-10 09:00"))
    lifecycle.issue_result(early, actor=head, summary="Giấy khai sinh", at=vn("2026-03-10 10:00"))
    overdue = receive("2026-03-23 09:00")
    online = receive("2026-03-24 09:00", channel="online")
    return {"early": early, "overdue": overdue, "online": online}
