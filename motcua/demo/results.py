"""Signed results for the demo (`motcua demo load`): each result is a one-page decision, signed by the leader and
sealed by the agency, as an issued result is (docs/signing.md), so that a citizen of the demo can download it and
check it on "Kiểm tra chữ ký số". The keys come from a demo authority made for the load (every name says THỬ
NGHIỆM; its certificates never sign in production), its timestamp authority served on 127.0.0.1 while the load
runs; its root goes into the trust store, marked as the demo's."""

from contextlib import contextmanager

import weasyprint
from cryptography.hazmat.primitives import serialization
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape

from motcua.gateways.standins import free_port
from motcua.signing import images, pades, pki, trust
from motcua.signing.standin import AuthorityServer

TITLES = {"commune": "CHỦ TỊCH", "department": "GIÁM ĐỐC"}


def decision_pdf(dossier, leader, agency, title: str) -> bytes:
    """The decision, laid out for the default signature places (pades.PERSON between the title and the name)."""
    issued = timezone.localdate()
    html = f"""<html><head><style>@page {{ size: A4; margin: 0 }}
      body {{ font-family: "Liberation Serif"; font-size: 13pt }} p {{ margin: 0 0 6pt }}
      .at {{ position: absolute; left: 350pt; width: 200pt; text-align: center }}</style></head><body>
      <div style="margin: 50pt 60pt 0">
        <p><b>{escape(agency.name.upper())}</b></p>
        <p>Số: {dossier.pk}/QĐ-DEMO &nbsp;&nbsp;&nbsp; ngày {issued:%d/%m/%Y}</p>
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


@contextmanager
def signing():
    port = free_port()
    authority = pki.Authority(AuthorityServer.urls(port)[0], label="motcua demo")
    server = AuthorityServer(port, authority).start()
    trust.add(
        authority.root.cert.public_bytes(serialization.Encoding.PEM),
        note="Gốc THỬ NGHIỆM của bản trình diễn (motcua demo load): không dùng cho hệ thống thật",
    )
    try:
        yield Signing(authority, server)
    finally:
        server.stop()
