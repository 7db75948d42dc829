"""Signed results for the demo (`motcua demo load`): each result is a one-page decision, signed by the leader and
sealed by the agency, as an issued result is (docs/signing.md), so that a citizen of the demo can download it and
check it on "Kiểm tra chữ ký số". The keys come from the demo authority (every name says THỬ NGHIỆM; its
certificates never sign in production), made at the first load and kept in MOTCUA_DEMO_CA; its CRL and timestamp
authority are served on 127.0.0.1:8029 while the load runs and by `motcua demo serve` (`make run`), so the signing
step works in the demo as in production: the demo leader's and the agencies' keys are registered as .p12 files.
Its root goes into the trust store, marked as the demo's."""

import socket
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import weasyprint
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape

from motcua.gateways.standins import free_port, local_port
from motcua.signing import images, keys, pades, pki, trust
from motcua.signing.standin import TSA_PATH, AuthorityServer

from .agencies import PASSWORD

TITLES = {"commune": "CHỦ TỊCH", "department": "GIÁM ĐỐC"}
# The demo leader's account at the remote signing stand-in `motcua demo serve` starts: user, password, and what the
# certificate names (holder, agency, title), as the demo's agencies and users are written (agencies.py).
REMOTE_ACCOUNT = ("079180001234", "smartca-demo", "Lê Thị Hồng", "Sở Tư pháp tỉnh Phú Thọ", "Giám đốc")


def decision_pdf(dossier, leader, agency, title: str, *, numbered: bool = True) -> bytes:
    """The decision, laid out for the default signature places (pades.PERSON between the title and the name); a
    draft for the signing step leaves the number's line empty (printing/numbered.py writes it)."""
    issued = timezone.localdate()
    number = f"Số: {dossier.pk}/QĐ-DEMO &nbsp;&nbsp;&nbsp; ngày {issued:%d/%m/%Y}" if numbered else "&nbsp;"
    html = f"""<html><head><style>@page {{ size: A4; margin: 0 }}
      body {{ font-family: "Liberation Serif"; font-size: 13pt }} p {{ margin: 0 0 6pt }}
      .at {{ position: absolute; left: 350pt; width: 200pt; text-align: center }}</style></head><body>
      <div style="margin: 50pt 60pt 0">
        <p><b>{escape(agency.name.upper())}</b></p>
        <p>{number}</p>
        <h2 style="text-align: center; margin-top: 30pt">QUYẾT ĐỊNH</h2>
        <p style="text-align: center">Về việc giải quyết hồ sơ {escape(dossier.code)}</p>
        <p style="margin-top: 20pt">Giải quyết theo đề nghị của {escape(dossier.applicant_name)} (dữ liệu trình diễn,
        không có giá trị pháp lý).</p>
      </div>
      <p class="at" style="top: 405pt"><b>{title}</b></p>
      <p class="at" style="top: 500pt"><b>{escape(leader.full_name)}</b></p>
    </body></html>"""
    return weasyprint.HTML(string=html).write_pdf()


class Signing:
    def __init__(self, authority: pki.Authority, server: AuthorityServer):
        self.authority, self.server = authority, server
        self.keys: dict[tuple, pki.Issued] = {}
        self.signature, self.seal = images.signature(), images.seal()

    def key(self, name: str, agency, title: str = "") -> pki.Issued:
        if (name, agency.pk, title) not in self.keys:
            self.keys[name, agency.pk, title] = self.authority.issue(name, agency.name, title=title)
        return self.keys[name, agency.pk, title]

    def register(self, leaders, clerks) -> None:
        """The keys the demo's signing step signs with, kept as an official would add them ("Chữ ký số"): each
        leader's at each agency they lead, and each agency's seal where it has a văn thư."""
        for user, agency in leaders:
            if keys.in_use(owner=user, agency=agency) is None:
                title = TITLES.get(agency.level, "THỦ TRƯỞNG CƠ QUAN").capitalize()
                issued = self.key(user.full_name, agency, title)
                keys.add_pkcs12(issued.pkcs12(PASSWORD.encode()), PASSWORD, owner=user, agency=agency)
        for agency in clerks:
            if keys.in_use(owner=None, agency=agency) is None:
                issued = self.key(agency.name, agency)
                keys.add_pkcs12(issued.pkcs12(PASSWORD.encode()), PASSWORD, owner=None, agency=agency)

    def result(self, dossier, leader) -> SimpleUploadedFile:
        agency = dossier.processing_agency
        title = TITLES.get(agency.level, "THỦ TRƯỞNG CƠ QUAN")
        signed = pades.sign_issued(
            decision_pdf(dossier, leader, agency, title),
            pades.local_signer(self.key(leader.full_name, agency, title.capitalize())),
            pades.local_signer(self.key(agency.name, agency)),
            tsa_url=self.server.tsa_url,
            trust_roots=[self.authority.root.cert],
            person_image=self.signature,
            seal_image=self.seal,
        )
        return SimpleUploadedFile("ket-qua.pdf", signed, content_type="application/pdf")

    def draft(self, dossier, leader) -> SimpleUploadedFile:
        """The decision as the specialist drafts it for signing: no number or date yet (the system writes them)."""
        agency = dossier.processing_agency
        pdf = decision_pdf(dossier, leader, agency, TITLES.get(agency.level, "THỦ TRƯỞNG CƠ QUAN"), numbered=False)
        return SimpleUploadedFile("du-thao-ket-qua.pdf", pdf, content_type="application/pdf")


def demo_port() -> int | None:
    """The port of the demo authority's CRL and TSA (8029) when signing points at it on this machine."""
    return local_port(settings.MOTCUA_TSA_URL, TSA_PATH)


def demo_authority() -> pki.Authority:
    """The demo authority, made once and kept in MOTCUA_DEMO_CA (its keys: a demo's, never a real one's), so that
    `motcua demo serve` serves the CRL and timestamps of the certificates `demo load` registered."""
    path = Path(settings.MOTCUA_DEMO_CA)
    if path.exists():
        return pki.Authority.load(path.read_bytes())
    made = pki.Authority(AuthorityServer.urls(demo_port() or free_port())[0], label="motcua demo")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(made.dump())
    path.chmod(0o600)
    return made


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


@contextmanager
def signing():
    """The demo authority, its CRL and TSA served while the load signs (on the demo's port when it is free; when it
    is not, `motcua demo serve` is running and serves the same authority there)."""
    authority = demo_authority()
    port = urlsplit(authority.crl_url).port
    server = AuthorityServer(port if port and _free(port) else free_port(), authority).start()
    trust.add(
        authority.root.cert.public_bytes(serialization.Encoding.PEM),
        note="Gốc THỬ NGHIỆM của bản trình diễn (motcua demo load): không dùng cho hệ thống thật",
    )
    try:
        yield Signing(authority, server)
    finally:
        server.stop()
