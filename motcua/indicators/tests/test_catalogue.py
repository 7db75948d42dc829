"""The catalogue measures of the scorecard (issue 15): read from the flags stored when a version is published, in a
constant number of queries, and equal to what loading every version with its channels and documents gave."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.agencies.models import Agency
from motcua.catalog import versions
from motcua.catalog.models import Channel, OnlineLevel, Procedure, ProcedureVersion, RequiredDocument
from motcua.indicators.definitions import CATALOGUE_MEASURES
from motcua.indicators.figures import Period, Scope
from motcua.indicators.scorecard import Context
from motcua.vntext.normalize import fold

from .scenario import build

MARCH = Period.month(2026, 3)
YEAR = Period.year(2026)


def old_catalogue(context: Context) -> dict[str, set[int]]:
    """The computation before issue 15, kept verbatim as the reference: every published procedure of the scope
    with its current version, its channels and its documents, the rules applied on each request."""

    def complete(version) -> bool:
        channels = list(version.channels.all())
        return bool(
            version.name.strip()
            and version.steps.strip()
            and channels
            and list(version.documents.all())
            and any(c.unit or c.time_text for c in channels)
            and version.applicant_types
            and (version.competent_agency.strip() or version.implementing_agency.strip())
        )

    def for_citizens(version) -> bool:
        folded = " ".join(fold(t) for t in version.applicant_types)
        return not version.applicant_types or "cong dan" in folded or "ca nhan" in folded

    scope = context.scope
    procedures = Procedure.objects.filter(is_published=True, current__isnull=False)
    if scope.agency_ids is not None:
        procedures = procedures.filter(agencies__in=scope.agency_ids)
    if scope.level:
        procedures = procedures.filter(agencies__level=scope.level)
    if scope.procedure_id:
        procedures = procedures.filter(pk=scope.procedure_id)
    procedures = (
        procedures.distinct().select_related("current").prefetch_related("current__channels", "current__documents")
    )
    sets = {name: set() for name in CATALOGUE_MEASURES}
    for procedure in procedures:
        version = procedure.current
        sets["in_competence"].add(procedure.pk)
        if complete(version):
            sets["complete"].add(procedure.pk)
        if procedure.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL):
            sets["online_services"].add(procedure.pk)
        if version.has_fee:
            sets["fee"].add(procedure.pk)
        if for_citizens(version):
            sets["citizen"].add(procedure.pk)
        if "ban sao dien tu" in fold(version.name):
            sets["certified_copy"].add(procedure.pk)
    used = context.procedure_use
    sets["used_online"] = sets["online_services"] & used["online"]
    sets["fee_paid_online"] = sets["fee"] & used["paid_online"]
    sets["fee_synced"] = sets["fee"] & used["fee_bearing"]
    sets["citizen_data"] = sets["citizen"] & used["citizen_data"]
    return sets


def draft(
    procedure,
    name,
    *,
    steps="Bước 1: nộp hồ sơ. Bước 2: nhận kết quả.",
    applicants=("Công dân Việt Nam",),
    times=((5, "working_days", ""),),
    fees=(),
    documents=1,
    online=OnlineLevel.PARTIAL,
    competent="Ủy ban nhân dân cấp xã",
    implementing="",
):
    number = procedure.versions.count() + 1
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        number=number,
        name=name,
        steps=steps,
        applicant_types=list(applicants),
        competent_agency=competent,
        implementing_agency=implementing,
        online_level=online,
        levels=",commune,",
    )
    for position, (amount, unit, text) in enumerate(times):
        Channel.objects.create(
            version=version,
            position=position,
            kind=["direct", "online", "postal"][position % 3],
            amount=Decimal(amount) if amount else None,
            unit=unit,
            time_text=text,
            fees=list(fees),
        )
    for position in range(documents):
        RequiredDocument.objects.create(version=version, position=position, name=f"Giấy tờ {position}", originals=1)
    return version


def published(code, name, agencies=(), **kwargs):
    procedure = Procedure.objects.create(code=code)
    procedure.agencies.set(agencies)
    versions.publish(draft(procedure, name, **kwargs))
    return procedure


FEE = {"kind": "le_phi", "amount": 50000, "text": "Lệ phí: 50.000 đồng"}


@pytest.fixture
def catalogue(province):
    """Procedures that differ in every flag, over a department with a commune below it, a commune apart and the
    province's other agencies; a republished one, a draft, one with no agency."""
    justice, commune = province["justice"], province["commune"]
    below = Agency.objects.create(code="000.00.32.H44", name="UBND xã Hạ Hòa", level="commune", parent=justice)
    land = province["land"]
    made = {
        "complete": published("9.000001", "Đăng ký khai sinh", [below], fees=[FEE], online=OnlineLevel.FULL),
        "business": published(
            "9.000002", "Cấp giấy phép kinh doanh", [justice], steps=" ", applicants=["Doanh nghiệp"]
        ),
        "copy": published(
            "9.000003",
            "Cấp bản sao điện tử từ sổ gốc",
            [commune],
            applicants=[],
            documents=0,
            online=OnlineLevel.NONE,
        ),
        "no_time": published(
            "9.000004", "Chứng thực chữ ký", [below, land], times=[(None, "", "")], applicants=["Cá nhân, tổ chức"]
        ),
        "no_channel": published("9.000005", "Xác nhận tình trạng hôn nhân", [commune], times=[]),
        "free": published(
            "9.000006",
            "Đăng ký kết hôn",
            [justice, commune],
            fees=[{"kind": "le_phi", "amount": 0, "text": "Miễn lệ phí"}, {"kind": "phi", "text": "Không"}],
            times=[(None, "", "Trong 3 ngày"), (1, "within_day", "")],
            competent="",
            implementing="Sở Tư pháp",
        ),
        "no_agency": published("9.000007", "Cấp lại bản sao điện tử", [], applicants=["Tổ chức"]),
        "unnamed_agency": published("9.000008", "Đăng ký giám hộ", [land], competent=" ", fees=[FEE]),
    }
    republished = published("9.000009", "Thay đổi hộ tịch", [below], steps="")
    versions.publish(draft(republished, "Thay đổi, cải chính hộ tịch", fees=[FEE], online=OnlineLevel.FULL))
    made["republished"] = republished
    never = Procedure.objects.create(code="9.000010")
    never.agencies.set([justice, commune])
    draft(never, "Thủ tục chưa công bố")
    made["never"] = never
    return {"procedures": made, "below": below, **province}


def scopes(c):
    p = c["procedures"]
    return [
        Scope(),
        Scope.of_agency(c["justice"]),
        Scope.of_agency(c["commune"]),
        Scope.of_agency(c["land"]),
        Scope(level="commune"),
        Scope(level="department"),
        Scope(agency_ids=(c["below"].pk,), level="department"),  # its own condition each, as before
        Scope(agency_ids=()),
        Scope(procedure_id=p["copy"].pk),
        Scope(procedure_id=p["never"].pk),
        Scope(agency_ids=(c["justice"].pk,), procedure_id=p["no_time"].pk),
    ]


def test_the_catalogue_measures_are_those_computed_from_each_version(catalogue):
    for scope in scopes(catalogue):
        for period in (MARCH, YEAR):
            context = Context(scope, period)
            assert context.catalogue == old_catalogue(Context(scope, period)), scope


def test_the_flags_say_what_each_current_version_offers(catalogue):
    p = catalogue["procedures"]
    sets = Context(Scope(), YEAR).catalogue
    ids = {name: {code for code, procedure in p.items() if procedure.pk in sets[name]} for name in sets}
    assert ids["in_competence"] == set(p) - {"never"}
    assert ids["complete"] == {"complete", "free", "no_agency", "republished"}
    assert ids["fee"] == {"complete", "unnamed_agency", "republished"}
    assert ids["citizen"] == {"complete", "copy", "no_time", "no_channel", "free", "unnamed_agency", "republished"}
    assert ids["certified_copy"] == {"copy", "no_agency"}
    assert ids["online_services"] == set(p) - {"never", "copy"}
    # a department with a commune below it: the commune's procedures are its own
    below = Context(Scope.of_agency(catalogue["justice"]), YEAR).catalogue["in_competence"]
    assert below == {p[code].pk for code in ("complete", "business", "no_time", "free", "republished")}


def test_the_catalogue_measures_match_on_the_march_scenario(province, people, five_days, applicant):
    build(province, people, five_days, applicant)
    for scope in (Scope(), Scope.of_agency(province["justice"]), Scope(procedure_id=five_days.procedure_id)):
        context = Context(scope, MARCH)
        assert context.catalogue == old_catalogue(Context(scope, MARCH))
    assert Context(Scope.of_agency(province["justice"]), MARCH).catalogue["fee_synced"] == {five_days.procedure_id}


def catalogue_queries(scope, period) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert Context(scope, period).catalogue is not None
    return len(queries.captured_queries)


def test_the_catalogue_costs_the_same_few_queries_whatever_its_size(catalogue):
    def counts():
        return [catalogue_queries(scope, period) for scope in scopes(catalogue) for period in (MARCH, YEAR)]

    small = counts()
    for i in range(30):
        published(f"8.{i:06d}", f"Thủ tục thêm {i}", [catalogue["below"], catalogue["land"]], fees=[FEE])
    assert counts() == small
    assert max(small) <= 2  # the flags of the scope's procedures, and what the period's dossiers used
