"""PAdES signatures on a result PDF (../shared/SIGNING.md "What motcua must do" 1, 2, 8, 9, 11), with pyHanko.

A result carries two signatures, in this order, each an incremental update that leaves the bytes before it
untouched: the approving leader's (a person: the blue signature image, centred between the title and the name the
document prints) and then the agency's (the seal: the red seal image over the left third of the person's). Each is
`/SubFilter /ETSI.CAdES.detached`, SHA-256, with a timestamp from an RFC 3161 authority (B-T); with
`long_term=True` the chain and the revocation answers go into the document's DSS too (B-LT), as issued results
need. The first signature certifies nothing (no DocMDP lock), so the second may follow. The stamp's time is
written as ISO 8601 in Vietnam's time zone (`2026-09-06T16:01:42+07:00`, Decree 30/2020) under the image, with the
signer's name, in Times New Roman's metric twin (Liberation Serif, shipped with the package).
"""

import datetime as dt
import io
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from cryptography import x509
from PIL import Image
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, SimpleBoxLayoutRule
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import aio, images
from .pki import Issued, asn1_cert, asn1_key, fetcher

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# Bytes kept for the CMS in /Contents: the chain and a timestamp token fit easily; B-LT's revocation data goes to
# the DSS, not here.
RESERVED = 32 * 1024


@dataclass(frozen=True)
class Placement:
    """Where a visible signature goes: a page (0 the first, -1 the last) and a box in points from the page's
    bottom left (x1, y1, x2, y2). Configurable per result template."""

    page: int
    box: tuple[int, int, int, int]


# A4 result templates put the signature block at the bottom right: title, then ~2.5 cm of space, then the name.
PERSON = Placement(-1, (340, 345, 500, 405))
SEAL = Placement(-1, (300, 325, 400, 425))  # ~35 mm, over the left third of the person's box, as a seal is pressed


def placements(layout) -> tuple[Placement, Placement]:
    """The person's and the seal's places of a result template (`models.Layout`), or the A4 defaults for None."""
    if layout is None:
        return PERSON, SEAL
    person = (layout.person_x1, layout.person_y1, layout.person_x2, layout.person_y2)
    seal = (layout.seal_x1, layout.seal_y1, layout.seal_x2, layout.seal_y2)
    return Placement(layout.signature_page, person), Placement(layout.signature_page, seal)


def local_signer(issued: Issued) -> signers.SimpleSigner:
    """A key held here (a PKCS#12 file's, once decrypted) as pyHanko's signer, with its chain."""
    return signers.SimpleSigner(
        signing_cert=asn1_cert(issued.cert),
        signing_key=asn1_key(issued.key),
        cert_registry=SimpleCertificateStore.from_certs([asn1_cert(c) for c in issued.chain]),
    )


def pkcs12_signer(data: bytes, password: bytes) -> signers.SimpleSigner:
    """The signer in a PKCS#12 file (an official's or an agency's .p12), or ValueError in Vietnamese."""
    try:
        found = signers.SimpleSigner.load_pkcs12_data(data, other_certs=None, passphrase=password)
    except ValueError:
        found = None
    if found is None:
        raise ValueError("Không mở được tệp chứng thư số (.p12): sai mật khẩu hoặc tệp hỏng.")
    return found


def stamp_time(at: dt.datetime) -> str:
    return at.astimezone(VIETNAM).isoformat(timespec="seconds")


def style(image: bytes | None, caption: str) -> StaticStampStyle:
    """The stamp: the image with its caption under it (drawn into the picture: pyHanko's own text engine spaces
    Vietnamese letters apart), filling the box in proportion, centred."""
    picture = images.captioned(image, caption)
    return StaticStampStyle(
        background=PdfImage(Image.open(io.BytesIO(picture))),
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID),
        border_width=0,
    )


def sign(
    pdf: bytes,
    signer: signers.Signer,
    *,
    field: str,
    placement: Placement,
    image: bytes | None,
    tsa_url: str,
    long_term: bool = False,
    trust_roots: list[x509.Certificate] = (),
    reason: str = "",
    at: dt.datetime | None = None,
) -> bytes:
    """`pdf` with one more PAdES signature (an incremental update), in a new visible field `field`."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    fields.append_signature_field(writer, fields.SigFieldSpec(field, on_page=placement.page, box=placement.box))
    context = None
    if long_term:
        context = ValidationContext(
            trust_roots=[asn1_cert(c) for c in trust_roots], allow_fetching=True, fetcher_backend=fetcher()
        )
    metadata = signers.PdfSignatureMetadata(
        field_name=field,
        reason=reason or None,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        embed_validation_info=long_term,
        validation_context=context,
        use_pades_lta=False,
    )
    moment = at or dt.datetime.now(dt.UTC)
    subject = signer.signing_cert.subject.native
    text = f"{subject.get('common_name', '')}\n{stamp_time(moment)}"
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=signer,
        timestamper=RequestsHTTPTimeStamper(tsa_url, timeout=180),  # public TSAs answer in 2-131 s (SIGNING.md §3)
        stamp_style=style(image, text),
    )
    out = io.BytesIO()
    aio.run(lambda: pdf_signer.async_sign_pdf(writer, output=out, bytes_reserved=RESERVED))
    return out.getvalue()


def sign_issued(
    pdf: bytes,
    person: signers.Signer,
    seal: signers.Signer,
    *,
    tsa_url: str,
    trust_roots: list[x509.Certificate],
    person_image: bytes | None,
    seal_image: bytes | None,
    person_at: Placement = PERSON,
    seal_at: Placement = SEAL,
) -> bytes:
    """A result as issued (Decree 30/2020 Art. 5): the competent person's signature, then the organisation's seal,
    both B-LT."""
    common = {"tsa_url": tsa_url, "long_term": True, "trust_roots": trust_roots}
    once = sign(pdf, person, field="NguoiKy", placement=person_at, image=person_image, **common)
    return sign(once, seal, field="CoQuan", placement=seal_at, image=seal_image, **common)
