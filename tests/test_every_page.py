"""Issue 11, items 3 and 5: every page a person reads, on a 360 px phone and a 1280 px desktop, in Chromium.

On the demo province (its procedures and three months of dossiers), one browser context per kind of user (nobody,
a citizen, the counter, a specialist, a leader, a văn thư, a monitor) walks every page of the urls.py files that
shows something to read: the page must not scroll sideways on the phone (a wide table scrolls inside its own box),
the site header must stay small there (its menu is behind a button), and axe-core must find no critical or serious
accessibility violation, at either width, nor an id used twice (axe 4.12 no longer checks plain ids). Moderate
and minor findings are printed, to be read. A screenshot of each page goes to artifacts/pages/<width>-<page>.png;
MOTCUA_PAGES_USERS=-,congdan walks only those users' pages ("-" is nobody). No page may report a
Content-Security-Policy violation (issue 12). The Django admin (/quan-tri/) is left
out: it is Django's own, in English-first markup.
"""

import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.accounts.models import User
from motcua.accounts.tests.signing_in import pass_second_step
from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.demo.agencies import PASSWORD
from motcua.demo.dossiers import load_dossiers
from motcua.demo.load import load
from motcua.dossiers import lifecycle, rating_tokens
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.feedback import lifecycle as pakn
from motcua.portal.models import StoredDocument

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
HEADER_MAX = 80  # px: the closed site header on a phone (brand and the menu button on one line)
BIRTH = "1.001193"  # Đăng ký khai sinh: a procedure with an e-form (the tờ khai) and an online channel
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes


def pdf(name="giay-to.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@dataclass
class Page:
    """One page to read: where to go (or what to do to get there), and the HTTP status it answers with."""

    name: str
    url: str = ""
    steps: Callable | None = None  # (page, site) -> None, for a page reached by posting a form
    status: int = 200
    desktop: bool = False  # also walked at 1280 px


@dataclass
class World:
    """What the demo holds for the walk: dossiers in the states whose pages differ."""

    codes: dict = field(default_factory=dict)
    phone: dict = field(default_factory=dict)
    pakn_published: str = ""
    pakn_open: str = ""
    pakn_phone: str = ""
    kiosk: str = ""  # a rating code of the returned dossier (the slip the desk prints)
    rating: str = ""  # another, for the public rating page


def build_world() -> World:
    load()
    load_dossiers()
    world = World()
    users = {u.username: u for u in User.objects.all()}
    citizen, desk, officer, head, clerk = (users[n] for n in ("congdan", "tiepnhan", "chuyenvien", "lanhdao", "vanthu"))
    justice, centre = Agency.objects.get(code="000.00.10.H44"), Agency.objects.get(code="000.01.01.H44")
    version = Procedure.objects.get(code="3.000333").current  # Phiếu lý lịch tư pháp, Sở Tư pháp

    def online(**extra):
        lines = list(version.documents.all())[:2]
        return lifecycle.register(
            actor=citizen,
            version=version,
            receiving_agency=centre,
            channel="online",
            applicant_user=citizen,
            applicant={
                "applicant_name": "Vũ Thị Mai",
                "applicant_id_number": "025090009999",
                "applicant_phone": "0912345678",
                "applicant_address": "Phường Việt Trì, tỉnh Phú Thọ",
            },
            uploads=[(line, pdf()) for line in lines],
            **extra,
        )

    lines = [line.pk for line in version.documents.all()]
    path = [  # one online dossier walked along the lifecycle; each state below stops at its step
        ("submitted", lambda pk: None),  # waiting at the counter
        ("received", lambda pk: lifecycle.receive(pk, actor=desk, received_lines=lines)),  # every line on paper
        ("in_progress", lambda pk: lifecycle.assign(pk, actor=head, officer=officer)),  # the specialist's actions
        ("for_approval", lambda pk: lifecycle.submit_for_approval(pk, actor=officer, proposal="Đủ điều kiện")),
        ("approved", lambda pk: lifecycle.approve(pk, actor=head)),  # the văn thư issues it: a file input
        (
            "issued",
            lambda pk: lifecycle.issue_result(
                pk,
                actor=clerk,
                summary="Phiếu lý lịch tư pháp số 1/2026",
                uploads=[("Kết quả giải quyết", pdf("ket-qua.pdf"))],
            ),
        ),
        ("returned", lambda pk: lifecycle.return_result(pk, actor=desk, method="desk")),  # to rate, here or kiosk
    ]
    for number, (state, _) in enumerate(path):
        if state == "received":
            continue
        pk = online().pk
        for _, step in path[: number + 1]:
            step(pk)
        world.codes[state] = Dossier.objects.get(pk=pk).code
    # Waiting for the citizen's supplement: the citizen's page has the supplement form (a file input).
    pk = online().pk
    for _, step in path[:3]:
        step(pk)
    lifecycle.request_supplement(pk, actor=officer, items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký"}])
    world.codes["supplement"] = Dossier.objects.get(pk=pk).code
    returned = Dossier.objects.get(code=world.codes["returned"])
    world.kiosk, world.rating = (
        rating_tokens.display(rating_tokens.issue(returned, channel))
        for channel in (rating_tokens.Channel.PRINTED, rating_tokens.Channel.NOTICE)
    )
    world.phone = dict.fromkeys(world.codes.values(), "0912345678")
    # An older dossier of the demo, returned and done at the ward.
    old = Dossier.objects.filter(state="returned").exclude(code__in=world.codes.values()).order_by("pk").first()
    world.codes["old_returned"] = old.code
    world.phone[old.code] = old.applicant_phone

    # The citizen's data store, whose documents the e-form offers again (long names, as people's files have).
    for number, name in enumerate(
        [
            "Giấy chứng sinh của bé Nguyễn Minh Anh, Bệnh viện Sản Nhi tỉnh Phú Thọ.pdf",
            "Căn cước công dân của mẹ (mặt trước và mặt sau), bản chụp từ điện thoại.pdf",
        ]
    ):
        content = PDF + f"% {number}\n".encode()
        stored = StoredDocument(
            owner=citizen,
            kind=StoredDocument.Kind.UPLOAD,
            name=name,
            size=len(content),
            content_type="application/pdf",
            sha256=hashlib.sha256(content).hexdigest(),
        )
        stored.file.save("kho.pdf", ContentFile(content))

    # PAKN: one answered and published, one just received (the office's actions).
    sender = {
        "kind": "proposal",
        "sender_name": "Trần Thị Bình",
        "sender_phone": "0987654321",
        "sender_address": "Phường Việt Trì, tỉnh Phú Thọ",
        "receiving_agency": justice,
        "title": "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh",
        "content": "Thủ tục cấp Phiếu lý lịch tư pháp vẫn yêu cầu bản sao giấy khai sinh.",
    }
    fb = pakn.submit(sender)
    pakn.classify(fb.pk, officer, "competent")
    pakn.answer(fb.pk, officer, "Sở Tư pháp đã đề nghị bãi bỏ yêu cầu này.\nCảm ơn bà Bình.")
    pakn.publish(fb.pk, head)
    world.pakn_published = fb.code
    world.pakn_open = pakn.submit({**sender, "title": "Phản ánh thời gian chờ tại quầy"}).code
    world.pakn_phone = "0987654321"
    return world


def login(page, site, username):
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit].primary")
    pass_second_step(page, username)  # lanhdao, giamsat: the code of the demo's authenticator
    assert "/dang-nhap/" not in page.url, f"{username} could not sign in"


def track_found(code, phone):
    def steps(page, site):
        page.goto(f"{site}/tra-cuu/")
        page.fill("#id_ma", code)
        page.fill("#id_xac_minh", phone)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("section.tracking").count() == 1, "the tracked dossier is not shown"

    return steps


def pakn_sent(page, site):
    page.goto(f"{site}/phan-anh-kien-nghi/gui/")
    page.check("input[name=kind][value=report]")
    page.fill("#id_sender_name", "Lê Văn Cường")
    page.fill("#id_sender_phone", "0901234567")
    page.fill("#id_sender_address", "Xã Lâm Thao, tỉnh Phú Thọ")
    page.select_option("#id_receiving_agency", index=1)
    page.fill("#id_title", "Phản ánh về giờ làm việc của Bộ phận Một cửa")
    page.fill("#id_content", "Bộ phận Một cửa đóng cửa sớm hơn giờ niêm yết.")
    page.click("main button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/da-gui/"))


def pakn_submit_errors(page, site):
    page.goto(f"{site}/phan-anh-kien-nghi/gui/")
    page.click("main button[type=submit].primary")
    page.wait_for_load_state()


def pakn_found(code, phone):
    def steps(page, site):
        page.goto(f"{site}/phan-anh-kien-nghi/tra-cuu/")
        page.fill("#id_ma", code)
        page.fill("#id_dien_thoai", phone)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("section.tracking").count() == 1, "the PAKN is not shown"

    return steps


def kiosk_rate(code):
    def steps(page, site):
        page.goto(f"{site}/danh-gia-tai-quay/")
        page.fill("#id_ma_danh_gia", code)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("input[name=hai_long]").count() == 2, "the kiosk's rating form is not shown"

    return steps


def login_error(page, site):
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "khongco")
    page.fill("#id_password", "sai-mat-khau")
    page.click("main button[type=submit].primary")
    page.wait_for_load_state()


def second_step_page(page, site):
    """The code page a leader gets after the password (giamsat, whose demo authenticator is not used here)."""
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "giamsat")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/dang-nhap/ma-xac-thuc/.*"))


def register_errors(page, site):
    page.goto(f"{site}/dang-ky/")
    page.click("main button[type=submit].primary")
    page.wait_for_load_state()


def pages_for(world: World) -> dict[str, list[Page]]:
    c = world.codes
    today = timezone.localdate()
    quarter_ago = today - dt.timedelta(days=100)
    staff_common = [Page("403-staff-citizen-page", "/ho-so-cua-toi/", status=403)]
    return {
        "": [
            Page("catalogue", "/thu-tuc/", desktop=True),
            Page("catalogue-search", "/thu-tuc/?q=khai+sinh"),
            Page("procedure", f"/thu-tuc/{BIRTH}/", desktop=True),
            Page("procedure-2", "/thu-tuc/3.000333/"),
            Page("tracking", "/tra-cuu/", desktop=True),
            Page("verify-signature", "/kiem-tra-chu-ky/", desktop=True),
            Page("tracking-found", steps=track_found(c["supplement"], world.phone[c["supplement"]]), desktop=True),
            Page("tracking-found-returned", steps=track_found(c["old_returned"], world.phone[c["old_returned"]])),
            Page("pakn-published", "/phan-anh-kien-nghi/", desktop=True),
            Page("pakn-published-detail", f"/phan-anh-kien-nghi/{world.pakn_published}/", desktop=True),
            Page("pakn-submit", "/phan-anh-kien-nghi/gui/", desktop=True),
            Page("pakn-submit-errors", steps=pakn_submit_errors),
            Page("pakn-sent", steps=pakn_sent),
            Page("pakn-track", "/phan-anh-kien-nghi/tra-cuu/"),
            Page("pakn-track-found", steps=pakn_found(world.pakn_published, world.pakn_phone), desktop=True),
            Page("statistics", "/thong-ke/", desktop=True),
            Page("login", "/dang-nhap/", desktop=True),
            Page("login-error", steps=login_error),
            Page("register", "/dang-ky/", desktop=True),
            Page("register-errors", steps=register_errors),
            Page("register-confirm-expired", "/dang-ky/xac-nhan/"),
            Page("vneid-unreachable", "/dang-nhap/vneid/", status=502),
            Page("kiosk", "/danh-gia-tai-quay/", desktop=True),
            Page("kiosk-rate", steps=kiosk_rate(world.kiosk), desktop=True),
            Page("rating-code", "/danh-gia/"),
            Page("rating-form", f"/danh-gia/?ma={world.rating}", desktop=True),
            Page("password-recovery", "/quen-mat-khau/", desktop=True),
            Page("password-recovery-expired", "/quen-mat-khau/xac-nhan/"),
            Page("kiosk-thanks", "/danh-gia-tai-quay/cam-on/"),
            Page("payment-result-unverified", "/thanh-toan/ket-qua/", status=400),
            Page("404", "/khong-co-trang-nay/", status=404, desktop=True),
            Page("second-factor-code", steps=second_step_page, desktop=True),  # last: it leaves a half login
        ],
        "congdan": [
            Page("my-dossiers", "/ho-so-cua-toi/", desktop=True),
            Page("my-dossier-supplement", f"/ho-so-cua-toi/{c['supplement']}/", desktop=True),
            Page("my-dossier-returned", f"/ho-so-cua-toi/{c['returned']}/", desktop=True),
            Page("my-dossier-submitted", f"/ho-so-cua-toi/{c['submitted']}/"),
            Page("draft", f"/nop-truc-tuyen/{BIRTH}/", desktop=True),
            Page("data-store", "/kho-du-lieu/", desktop=True),
            Page("account-citizen", "/tai-khoan/", desktop=True),
            Page("payment", f"/thanh-toan/ho-so/{c['submitted']}/"),
            Page("403-citizen-office", "/can-bo/", status=403, desktop=True),
        ],
        "tiepnhan": [
            Page("office-work-counter", "/can-bo/", desktop=True),
            Page("office-queues-counter", "/can-bo/hang-doi/"),
            *[
                Page(f"office-queue-{slug}", f"/can-bo/hang-doi/{slug}/")
                for slug in ("moi-nop", "da-bo-sung", "cho-tra", "cho-bo-sung", "tat-ca")
            ],
            Page("office-counter-pick", "/can-bo/tiep-nhan/", desktop=True),
            Page("office-counter-pick-search", "/can-bo/tiep-nhan/?q=khai+sinh"),
            Page("office-counter-form", f"/can-bo/tiep-nhan/{BIRTH}/", desktop=True),
            Page("office-counter-form-2", "/can-bo/tiep-nhan/3.000333/"),
            Page("office-dossier-submitted", f"/can-bo/ho-so/{c['submitted']}/", desktop=True),
            Page("office-dossier-issued", f"/can-bo/ho-so/{c['issued']}/"),
            Page("office-register-counter", "/can-bo/so-theo-doi/"),
            Page("office-register-counter-quarter", f"/can-bo/so-theo-doi/?tu={quarter_ago}&den={today}"),
            Page("account-staff", "/tai-khoan/"),
            Page("second-factor-setup", "/tai-khoan/xac-thuc-hai-buoc/", desktop=True),  # the QR code, the key
            *staff_common,
        ],
        "chuyenvien": [
            Page("office-work-specialist", "/can-bo/"),
            *[
                Page(f"office-queue-{slug}", f"/can-bo/hang-doi/{slug}/")
                for slug in ("cua-toi", "phoi-hop", "qua-han", "sap-den-han", "cho-co-quan-khac", "co-quan")
            ],
            Page("office-dossier-in-progress", f"/can-bo/ho-so/{c['in_progress']}/", desktop=True),
            Page("office-dossier-supplement", f"/can-bo/ho-so/{c['supplement']}/"),
            Page("office-dossier-returned", f"/can-bo/ho-so/{c['old_returned']}/"),
            Page("pakn-office", "/phan-anh-kien-nghi/can-bo/"),
            Page("pakn-office-detail-open", f"/phan-anh-kien-nghi/can-bo/{world.pakn_open}/", desktop=True),
        ],
        "lanhdao": [
            Page("office-work-leader", "/can-bo/", desktop=True),
            *[
                Page(f"office-queue-{slug}", f"/can-bo/hang-doi/{slug}/")
                for slug in ("chua-phan-cong", "cho-phe-duyet")
            ],
            Page("office-dossier-for-approval", f"/can-bo/ho-so/{c['for_approval']}/", desktop=True),
            Page("office-overview", "/can-bo/lanh-dao/", desktop=True),
            Page("office-register-leader", "/can-bo/so-theo-doi/"),
            Page("report", "/bao-cao/", desktop=True),
            Page("sector-leader", "/bao-cao/chi-tieu-nganh/"),
            Page("dashboard", "/bang-dieu-khien/", desktop=True),
            Page("pakn-office-detail-published", f"/phan-anh-kien-nghi/can-bo/{world.pakn_published}/"),
            Page("account-leader", "/tai-khoan/"),
            Page("second-factor-on", "/tai-khoan/xac-thuc-hai-buoc/"),
        ],
        "vanthu": [
            Page("office-work-clerk", "/can-bo/"),
            Page("office-queue-cho-ban-hanh", "/can-bo/hang-doi/cho-ban-hanh/"),
            Page("office-dossier-approved", f"/can-bo/ho-so/{c['approved']}/", desktop=True),
            Page("sector-clerk", "/bao-cao/chi-tieu-nganh/", desktop=True),
        ],
        "giamsat": [
            Page("office-work-monitor", "/can-bo/"),
            Page("office-overview-monitor", "/can-bo/lanh-dao/"),
            Page("dashboard-monitor", "/bang-dieu-khien/"),
            Page("dashboard-drill-down", steps=drill_down, desktop=True),
            Page("report-monitor", "/bao-cao/?co_quan=000.00.00.H44"),
            Page("sector-monitor", "/bao-cao/chi-tieu-nganh/"),
            Page("office-register-monitor", "/can-bo/so-theo-doi/"),
            Page("dashboard-forbidden-agency", "/bang-dieu-khien/?co-quan=khong-co", status=400),
        ],
    }


def drill_down(page, site):
    """From the dashboard, the list behind a number (a link of class "n")."""
    page.goto(f"{site}/bang-dieu-khien/")
    href = page.locator("a.n[href*='danh-sach']").first.get_attribute("href")
    page.goto(site + href if href.startswith("/") else f"{site}/bang-dieu-khien/{href}")
    assert "/bang-dieu-khien/danh-sach/" in page.url


AXE_RUN = "axe.run(document, {resultTypes: ['violations']})"


class Walker:
    def __init__(self, site, artifacts):
        from axe_playwright_python.sync_playwright import Axe

        self.site = site
        self.folder = artifacts / "pages"
        self.folder.mkdir(exist_ok=True)
        self.axe_script = Axe().axe_script
        self.problems: list[str] = []
        self.notes: dict[str, set] = {}
        self.walked: list[str] = []
        self.spent = {"load": 0.0, "checks": 0.0, "screenshot": 0.0, "axe": 0.0}

    def _clock(self, what, since):
        now = time.monotonic()
        self.spent[what] += now - since
        return now

    def visit(self, page, item: Page, width: str):
        label = f"{width} {item.name}"
        clock = time.monotonic()
        try:
            if item.steps:
                item.steps(page, self.site)
                status = None
            else:
                response = page.goto(self.site + item.url)
                status = response.status if response else None
        except Exception as exc:
            self.problems.append(f"{label}: could not be reached: {exc}")
            return
        self.walked.append(label)
        page.evaluate("document.querySelectorAll('main details').forEach(d => { d.open = true; })")  # action panels
        if status is not None and status != item.status:
            self.problems.append(f"{label}: HTTP {status}, expected {item.status} ({page.url})")
        clock = self._clock("load", clock)
        page.screenshot(path=self.folder / f"{width}-{item.name}.png", full_page=True)
        clock = self._clock("screenshot", clock)
        if width == "phone":
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if widths[0] > widths[1]:
                wide = page.evaluate(WIDEST)
                self.problems.append(f"{label}: scrolls sideways ({widths[0]} > {widths[1]} px): {wide}")
            header = page.evaluate("document.querySelector('header')?.getBoundingClientRect().height || 0")
            if header > HEADER_MAX:
                self.problems.append(f"{label}: the header is {header:.0f} px high (at most {HEADER_MAX})")
        repeated = page.evaluate(REPEATED_IDS)
        if repeated:  # axe 4.12 no longer checks plain ids; a label or a script finds the first one only
            self.problems.append(f"{label}: ids used more than once: {', '.join(repeated)}")
        clock = self._clock("checks", clock)
        if page.evaluate("typeof axe") == "undefined":
            page.evaluate(self.axe_script)
        for v in page.evaluate(AXE_RUN)["violations"]:
            where = "; ".join(
                " ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"][:4]
            )
            line = f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']} – {where}"
            if v["impact"] in ("critical", "serious"):
                self.problems.append(f"{label}: axe {line}")
            else:
                self.notes.setdefault(line, set()).add(item.name)
        self._clock("axe", clock)


REPEATED_IDS = """(() => {
  const seen = new Set(), repeated = new Set();
  for (const el of document.querySelectorAll('[id]')) { (seen.has(el.id) ? repeated : seen).add(el.id); }
  return [...repeated];
})()"""

# The element that sticks out the furthest to the right, to say what makes a page scroll sideways.
WIDEST = """(() => {
  let worst = null, right = window.innerWidth;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > right + 0.5 && !el.closest('.table-scroll')) { right = r.right; worst = el; }
  }
  if (!worst) return 'nothing found';
  const id = worst.id ? '#' + worst.id : '';
  const cls = worst.className && typeof worst.className === 'string' ? '.' + worst.className.split(' ').join('.') : '';
  return worst.tagName.toLowerCase() + id + cls + ' reaches ' + Math.round(right) + ' px';
})()"""


def test_every_page_on_a_phone_and_a_desktop(live_server, chromium, artifacts, csp_watch):
    started = time.monotonic()
    world = build_world()
    built = time.monotonic() - started
    site = live_server.url
    walker = Walker(site, artifacts)
    only = os.environ.get("MOTCUA_PAGES_USERS")  # e.g. "congdan,tiepnhan" ("-" for nobody): walk those only
    for username, items in pages_for(world).items():
        if only is not None and (username or "-") not in only.split(","):
            continue
        for width, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            chosen = items if width == "phone" else [p for p in items if p.desktop]
            if not chosen:
                continue
            context = chromium.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
            context.set_default_timeout(15_000)
            violations = csp_watch(context)  # issue 12: no page breaks its Content-Security-Policy
            page = context.new_page()
            if username:
                login(page, site, username)
            for item in chosen:
                walker.visit(page, item, width)
            context.close()
            walker.problems += [f"{width} {username or '-'}: {violation}" for violation in violations]
    took = time.monotonic() - started
    print(
        f"\n{len(walker.walked)} page views ({len({w.split()[1] for w in walker.walked})} pages) "
        f"in {took:.0f} s (the demo data: {built:.0f} s; "
        + ", ".join(f"{k} {v:.0f} s" for k, v in walker.spent.items())
        + ")"
    )
    if walker.notes:
        print("axe, moderate and minor (not failing):")
        for line, names in sorted(walker.notes.items()):
            print(f"  {line} [on {len(names)} pages: {', '.join(sorted(names)[:5])}]")
    assert not walker.problems, "\n".join(walker.problems)


def test_the_menus_fold_behind_a_button_on_a_phone(live_server, chromium, artifacts, csp_watch):
    """The site menu and the office menu: closed on a phone (a small header), opened with the button or the keyboard,
    closed again with Escape; on a desktop there is no button and the menus are simply there."""
    load()
    site = live_server.url
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
    context.set_default_timeout(10_000)
    violations = csp_watch(context)  # the "js" class comes from a script file now (issue 12)
    page = context.new_page()
    login(page, site, "lanhdao")
    page.goto(f"{site}/can-bo/")
    header = page.locator("header.site-header")
    button = header.locator("button.menu-button")
    links = page.locator("nav.main-nav a")
    assert header.bounding_box()["height"] <= HEADER_MAX
    assert button.get_attribute("aria-expanded") == "false" and button.get_attribute("aria-controls") == "site-menu"
    assert button.inner_text().strip() == "Trình đơn" and not links.first.is_visible()

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert links.count() >= 6 and all(links.nth(i).is_visible() for i in range(links.count()))
    assert page.locator("nav.main-nav button", has_text="Đăng xuất").is_visible()
    page.screenshot(path=artifacts / "pages" / "phone-menu-open.png")
    page.keyboard.press("Tab")  # into the menu: its first link
    assert page.evaluate("document.activeElement.textContent") == "Thủ tục hành chính"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not links.first.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-button')")

    office = page.locator("button.office-menu-button")
    approvals = page.locator("nav.office-nav a", has_text="Chờ phê duyệt")
    assert office.inner_text().startswith("Việc cần làm") and not approvals.is_visible()
    office.click()
    assert office.get_attribute("aria-expanded") == "true" and approvals.is_visible()
    page.screenshot(path=artifacts / "pages" / "phone-office-menu-open.png")
    office.click()
    assert not approvals.is_visible()
    context.close()

    context = chromium.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    login(page, site, "lanhdao")
    page.goto(f"{site}/can-bo/")
    assert not page.locator("button.menu-button").first.is_visible()
    assert page.locator("nav.main-nav a").first.is_visible() and page.locator("nav.office-nav a").first.is_visible()
    context.close()
    assert not violations, "\n".join(violations)
