"""`motcua bench generate` (issue 15): a province's volume written with COPY whose rows read as the lifecycle's."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, Q

from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole
from motcua.bench import province
from motcua.dossiers import codes, events
from motcua.dossiers.models import DailySequence, Dossier, Rating, SupplementRequest
from motcua.dossiers.states import State
from motcua.feedback.models import Feedback
from motcua.indicators import recompute

GENERATED = f".{province.CODE_GROUP}-"  # the codes of dossiers received at a generated commune


def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("motcua bench generate writes with PostgreSQL's COPY; this run is on SQLite")


def generate(tmp_path, count: int) -> str:
    out = io.StringIO()
    # A data folder that does not exist: 40 made-up communes and the demo's procedures, so the test stays short.
    call_command(
        "bench",
        "generate",
        "--dossiers",
        str(count),
        "--data",
        str(tmp_path / "none"),
        stdout=out,
        stderr=io.StringIO(),
    )
    return out.getvalue()


@pytest.mark.django_db
def test_a_generated_province_reads_as_the_lifecycle_would_have_written_it(tmp_path):
    postgres_only()
    report = generate(tmp_path, 3000)
    assert Dossier.objects.count() == 3000
    assert "byte mỗi hồ sơ" in report

    assert Dossier.objects.filter(code__contains=GENERATED).count() > 2000  # the rest at the provincial centre
    generated = Dossier.objects.all()  # with the demo's 90, a share the bounds below do not notice
    online = generated.filter(channel="online").count() / generated.count()
    assert 0.35 <= online <= 0.55
    judged = generated.exclude(stats_outcome="")
    on_time = judged.filter(stats_outcome__in=["early", "on_time"]).count() / judged.count()
    assert 0.85 <= on_time <= 0.95
    assert generated.filter(state=State.REFUSED).exists()
    assert generated.filter(state__in=[State.RECEIVED, State.IN_PROGRESS, State.AWAITING_APPROVAL]).exists()
    assert generated.filter(state=State.SUBMITTED, channel="online").exists()
    assert SupplementRequest.objects.filter(dossier__in=generated).exists()
    assert Rating.objects.filter(dossier__in=generated, satisfied=True).exists()
    assert Feedback.objects.exists()

    checked, broken = events.verify()
    assert broken is None and checked > 3000 * 5
    assert recompute.compare(io.StringIO()) == 0
    assert not Dossier.objects.values("code").annotate(n=Count("id")).filter(n__gt=1).exists()

    # The day counters hold the generated numbers: the next dossier of that desk and day gets a new code.
    last = generated.order_by("-id").first()
    day = DailySequence.objects.get(agency=last.receiving_agency, day=last.submitted_at.astimezone().date()).day
    assert not Dossier.objects.filter(code=codes.next_code(last.receiving_agency, day)).exists()

    for number in range(1, province.STAFF + 1):
        user = User.objects.get(username=f"bench-{number:02d}")
        roles = set(user.staff_roles.values_list("agency__code", "role"))
        assert {role for _, role in roles} == {"counter", "specialist", "head"}
        assert len({agency for agency, _ in roles}) == 1
        assert not user.has_usable_password()
    assert StaffRole.objects.filter(user__username=province.MONITOR, role="monitor").exists()
    citizen = User.objects.get(username=province.CITIZEN)
    assert citizen.kind == "citizen" and len(citizen.id_number) == 12
    assert Agency.objects.filter(code__endswith=province.CODE_GROUP, has_one_stop_desk=True).count() >= 40

    again = generate(tmp_path, 3000)
    assert "không tạo thêm" in again
    assert Dossier.objects.count() == 3000


@pytest.mark.django_db
def test_a_size_that_does_not_fit_on_the_disk_is_refused_before_anything_is_written(tmp_path):
    postgres_only()
    with pytest.raises(CommandError, match="Không đủ chỗ trên đĩa"):
        generate(tmp_path, 10**12)
    assert not Dossier.objects.exists()
    assert not User.objects.filter(Q(username__startswith="bench-")).exists()


@pytest.mark.django_db
def test_generation_refuses_sqlite(tmp_path, monkeypatch):
    if connection.vendor == "postgresql":
        monkeypatch.setattr(connection, "vendor", "sqlite")
    with pytest.raises(CommandError, match="chỉ chạy trên PostgreSQL"):
        generate(tmp_path, 100)
