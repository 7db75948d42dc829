"""Every hand-over lands the dossier in the receiver's queue, each role lands on its work, and the menu offers only
the pages a role may open (issue 10, items 4 and 5)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import staff, vn
from motcua.office import queues
from motcua.office.templatetags.office import menu_for

pytestmark = pytest.mark.django_db
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes


def holders(dossier, users) -> dict[str, list[str]]:
    """For each user, the work queues (shown on "Việc cần làm") that hold this dossier now."""
    found = {}
    for name, user in users.items():
        slugs = [
            q.slug
            for q in queues.queues_for(user)
            if q.work and q.slug != "qua-han" and queues.queue(user, q.slug).filter(pk=dossier.pk).exists()
        ]
        if slugs:
            found[name] = slugs
    return found


@pytest.fixture
def team(people, province):
    return {
        **{k: people[k] for k in ("desk", "specialist", "head", "clerk", "surveyor", "builder")},
        "land_head": staff("land_head", (province["land"], "head")),
    }


def test_a_dossier_moves_through_the_queues_of_whoever_holds_it(team, people, province, five_days, applicant):
    online = lifecycle.register(
        actor=people["citizen"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="online",
        applicant_user=people["citizen"],
        uploads=[(line, SimpleUploadedFile("t.pdf", PDF)) for line in five_days.documents.all()],
        at=vn("2026-03-02 08:00"),
    )
    pk = online.pk
    assert holders(online, team) == {"desk": ["moi-nop"]}

    lifecycle.desk_supplement(
        pk, actor=team["desk"], items=[{"item": "Giấy chứng sinh", "reason": "Ảnh mờ"}], at=vn("2026-03-02 08:30")
    )
    assert holders(online, team) == {}  # with the citizen now ("Chờ công dân bổ sung" is not a work queue)
    lifecycle.answer_desk_supplement(
        pk, actor=people["citizen"], at=vn("2026-03-02 08:40"), uploads=[(None, SimpleUploadedFile("cs.pdf", PDF))]
    )
    assert holders(online, team) == {"desk": ["moi-nop", "da-bo-sung"]}

    lifecycle.receive(pk, actor=team["desk"], at=vn("2026-03-02 09:00"))
    assert holders(online, team) == {"head": ["chua-phan-cong"]}
    lifecycle.assign(pk, actor=team["head"], officer=team["specialist"], at=vn("2026-03-02 09:30"))
    assert holders(online, team) == {"specialist": ["cua-toi"]}

    lifecycle.consult(
        pk,
        actor=team["specialist"],
        agency=province["land"],
        days=1,
        question="Có tranh chấp?",
        at=vn("2026-03-02 10:00"),
    )
    assert holders(online, team) == {"specialist": ["cua-toi"], "surveyor": ["phoi-hop"], "land_head": ["phoi-hop"]}
    lifecycle.answer_consultation(pk, actor=team["surveyor"], answer="Không", at=vn("2026-03-02 14:00"))
    lifecycle.forward(
        pk, actor=team["specialist"], agencies=[province["construction"]], days=1, at=vn("2026-03-02 15:00")
    )
    assert holders(online, team) == {"builder": ["phoi-hop"]}
    lifecycle.complete_step(pk, actor=team["builder"], note="Không vi phạm", at=vn("2026-03-03 09:00"))
    assert holders(online, team) == {"specialist": ["cua-toi"]}  # back to who sent it out

    lifecycle.submit_for_approval(pk, actor=team["specialist"], at=vn("2026-03-03 10:00"))
    assert holders(online, team) == {"head": ["cho-phe-duyet", "cua-toi"]}
    lifecycle.return_for_rework(pk, actor=team["head"], reason="Ghi rõ số phiếu", at=vn("2026-03-03 11:00"))
    assert holders(online, team) == {"specialist": ["cua-toi"]}
    lifecycle.submit_for_approval(pk, actor=team["specialist"], at=vn("2026-03-03 14:00"))
    lifecycle.approve(pk, actor=team["head"], at=vn("2026-03-03 15:00"))
    assert holders(online, team) == {"specialist": ["cua-toi"], "clerk": ["cho-ban-hanh"]}

    lifecycle.issue_result(pk, actor=team["clerk"], summary="Phiếu LLTP số 12/2026", at=vn("2026-03-04 09:00"))
    assert holders(online, team) == {"desk": ["cho-tra"]}
    lifecycle.return_result(pk, actor=team["desk"], method="online", at=vn("2026-03-04 10:00"))
    assert holders(online, team) == {}


def test_each_role_lands_on_its_work(client, team, people, received):
    landing = {name: queues.landing(user) for name, user in team.items()}
    assert landing["desk"] == "moi-nop" and landing["head"] == "chua-phan-cong"
    assert landing["specialist"] == "cua-toi" and landing["clerk"] == "cho-dong-dau"
    assert queues.landing(people["monitor"]) == "qua-han"
    client.force_login(team["head"])
    page = client.get(reverse("office:home"))
    text = page.content.decode()
    assert page.status_code == 200 and "Việc cần làm" in text
    assert [s["queue"].slug for s in page.context["sections"]] == [
        "chua-phan-cong",
        "cho-phe-duyet",
        "cho-ky",
        "cua-toi",
        "phoi-hop",
        "qua-han",
    ]
    assert received.code in text  # received, waiting for the head to assign it
    client.force_login(team["desk"])
    sections = client.get(reverse("office:home")).context["sections"]
    assert [s["queue"].slug for s in sections] == ["moi-nop", "da-bo-sung", "cho-tra"]
    assert client.get(reverse("office:queues")).context["current_queue"] == "moi-nop"


def test_a_queue_a_role_does_not_have_is_not_offered(client, team, people):
    client.force_login(team["specialist"])
    assert client.get(reverse("office:queue", args=["moi-nop"])).status_code == 404
    assert client.get(reverse("office:queue", args=["cho-phe-duyet"])).status_code == 404
    tabs = client.get(reverse("office:queue", args=["cua-toi"])).context["queues"]
    assert "moi-nop" not in tabs and "cua-toi" in tabs


def test_the_menu_offers_only_pages_the_role_may_open(client, team, people):
    menus = {
        name: [item["label"] for item in menu_for(user)]
        for name, user in {**team, "monitor": people["monitor"]}.items()
    }
    assert "Quầy tiếp nhận" in menus["desk"] and "Quầy tiếp nhận" not in menus["specialist"]
    assert "Chờ phê duyệt" in menus["head"] and "Chờ phê duyệt" not in menus["specialist"]
    for name in ("desk", "specialist", "clerk"):
        assert not {"Lãnh đạo, giám sát", "Báo cáo", "Bảng điều khiển"} & set(menus[name]), name
    assert {"Lãnh đạo, giám sát", "Báo cáo", "Bảng điều khiển"} <= set(menus["monitor"])
    assert "Sổ theo dõi" not in menus["specialist"] and "Sổ theo dõi" in menus["clerk"]
    # every page offered opens for that user
    for name, user in {**team, "monitor": people["monitor"]}.items():
        client.force_login(user)
        for item in menu_for(user):
            assert client.get(item["url"]).status_code == 200, (name, item["url"])


def test_the_leaders_menu_counts_what_waits_for_approval(client, team, received):
    lifecycle.submit_for_approval(received.pk, actor=team["specialist"])
    client.force_login(team["head"])
    page = client.get(reverse("office:home"))
    item = (
        next(i for i in page.context["items"] if i["label"] == "Chờ phê duyệt")
        if "items" in page.context
        else next(i for i in menu_for(team["head"]) if i["label"] == "Chờ phê duyệt")
    )
    assert item["count"] == 1
    html = page.content.decode()
    assert 'Chờ phê duyệt <span class="badge">1</span>' in html


def test_waiting_for_approval_holds_what_was_given_to_this_leader_or_to_no_leader(team, people, province, received):
    other = staff("other_head", (province["justice"], "head"))
    lifecycle.submit_for_approval(received.pk, actor=team["specialist"])
    Dossier.objects.filter(pk=received.pk).update(assignee=None)
    assert holders(received, {"head": team["head"], "other": other}) == {
        "head": ["cho-phe-duyet"],
        "other": ["cho-phe-duyet"],
    }
    Dossier.objects.filter(pk=received.pk).update(assignee=other)
    assert holders(received, {"head": team["head"], "other": other}) == {"other": ["cho-phe-duyet", "cua-toi"]}


def test_the_tab_counts_are_each_queues_own_count_in_one_statement(team, people, province, received, five_days):
    lifecycle.submit_for_approval(received.pk, actor=team["specialist"])
    head = team["head"]  # a leader and a specialist of the Department of Justice: many queues
    names = [q.slug for q in queues.queues_for(head) if q.slug != "tat-ca"]
    assert len(names) >= 8
    with CaptureQueriesContext(connection) as captured:
        found = queues.counts(head)
    # one statement for every count (and the calendar's check, for "sắp đến hạn": two working days from now)
    counting = [q["sql"] for q in captured.captured_queries if "workdays_calendaroverride" not in q["sql"]]
    assert len(counting) == 1 and len(captured.captured_queries) <= 2
    assert found == {name: queues.queue(head, name).count() for name in names}
    assert found["cho-phe-duyet"] == 1 and found["co-quan"] == 1


def test_the_landing_page_costs_a_few_queries_whatever_the_volume(
    client, team, five_days, province, applicant, django_assert_max_num_queries
):
    for hour in range(12):
        dossier = lifecycle.register(
            actor=team["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=vn(f"2026-03-02 {8 + hour % 8:02d}:00"),
        )
        lifecycle.receive(dossier.pk, actor=team["desk"], at=vn(f"2026-03-02 {8 + hour % 8:02d}:05"))
    client.force_login(team["head"])
    # session, user, roles; per work queue a count and a page (5); the menu's count; the calendar
    with django_assert_max_num_queries(18):
        page = client.get(reverse("office:home"))
    assert page.context["sections"][0]["count"] == 12 and len(page.context["sections"][0]["rows"]) == 5


def test_everything_is_paged_newest_first_without_counting_it(client, team, five_days, province, applicant):
    made = []
    for minute in range(27):
        made.append(
            lifecycle.register(
                actor=team["desk"],
                version=five_days,
                receiving_agency=province["centre"],
                applicant=applicant,
                channel="direct",
                at=vn(f"2026-03-02 09:{minute:02d}"),
            ).code
        )
    client.force_login(team["desk"])
    url = reverse("office:queue", args=["tat-ca"])
    with CaptureQueriesContext(connection) as statements:
        first = client.get(url)
    listed = [d.code for d in first.context["page"]]
    assert listed == made[::-1][:25]  # newest first, by default, on "Tất cả"
    counted = [q["sql"] for q in statements.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counted and all('"state"' in sql for sql in counted)  # the work queues' tabs; never "Tất cả" itself
    html = first.content.decode()
    assert "Trang 1<" in html and "trang=2" in html and "Mới nộp nhất" in html and "Hạn gần nhất" not in html
    second = client.get(url, {"trang": "2"})
    assert [d.code for d in second.context["page"]] == made[::-1][25:] and "trang=1" in second.content.decode()
    assert not second.context["page"].has_next
    for bad in ("0", "-1", "abc", "99999999"):  # the first page, as before
        assert client.get(url, {"trang": bad}).context["page"].number == 1
    assert client.get(url, {"trang": "9"}).context["page"].rows == []
    by_due = client.get(url, {"sap-xep": "han"})  # not offered here: the default instead
    assert by_due.context["sort"] == "-moi"
    work = client.get(reverse("office:queue", args=["cho-bo-sung"]))
    assert work.context["sort"] == "han"


def test_a_queue_page_costs_the_same_few_statements_whatever_it_holds(
    client, team, five_days, province, applicant, people
):
    leader = staff("desk_leader", (province["centre"], "counter"), (province["centre"], "head"))
    client.force_login(leader)
    url = reverse("office:queue", args=["moi-nop"])
    client.get(url)  # the first page of a session also writes the session and reads the calendar once
    spent = []
    for batch in (2, 10):
        for minute in range(batch):
            lifecycle.register(
                actor=people["citizen"],
                version=five_days,
                receiving_agency=province["centre"],
                applicant=applicant,
                channel="online",
                applicant_user=people["citizen"],
                uploads=[(line, SimpleUploadedFile("t.pdf", PDF)) for line in five_days.documents.all()],
                at=vn(f"2026-03-02 10:{minute:02d}"),
            )
        with CaptureQueriesContext(connection) as statements:
            page = client.get(url)
        assert page.status_code == 200
        spent.append(len(statements.captured_queries))
    # session, user, roles, one count per tab (the menu reuses the tabs' counts), the calendar, the page's rows
    assert spent[0] == spent[1] <= 20, spent
    counts = [q["sql"] for q in statements.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == len(set(counts)), "a queue counted twice"
