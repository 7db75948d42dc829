"""PAdES signing and validation with real pyHanko, over real HTTP on 127.0.0.1: the test authority's CRL and RFC
3161 timestamp authority (`signing.standin`), and poppler's `pdfsig` as a second, independent validator."""

import datetime as dt
import shutil
import subprocess
import urllib.request

import pytest
import weasyprint

from motcua.gateways.standins import free_port
from motcua.signing import checks, images, pades, pki, validate

from .fixtures import AGENCY, LEADER, TITLE


def result_pdf() -> bytes:
    """A one-page decision laid out for the default placements: the title above the person's box, the name
    under it (points from the top: the box is 437-497)."""
    html = f"""<html><head><style>@page {{ size: A4; margin: 0 }}
      body {{ font-family: "Liberation Serif"; font-size: 13pt }}
      .at {{ position: absolute; left: 350pt }}</style></head>
      <body><h1 style="margin: 60pt">QUYẾT ĐỊNH</h1><p style="margin-left: 60pt">Số: 12/QĐ-UBND</p>
      <p class="at" style="top: 405pt"><b>{TITLE.upper()}</b></p><p class="at" style="top: 500pt"><b>{LEADER}</b></p>
      </body></html>"""
    return weasyprint.HTML(string=html).write_pdf()


def signed_by_leader(signer, tsa_url: str, **more) -> bytes:
    """The test decision with the person's signature only (no image unless given)."""
    return pades.sign(
        result_pdf(),
        signer,
        field="NguoiKy",
        placement=pades.PERSON,
        image=more.pop("image", None),
        tsa_url=tsa_url,
        **more,
    )


def signed_by_both(authority, signers, long_term=True) -> bytes:
    made, server = authority
    if long_term:
        return pades.sign_issued(
            result_pdf(),
            pades.local_signer(signers["leader"]),
            pades.local_signer(signers["seal"]),
            tsa_url=server.tsa_url,
            trust_roots=[made.root.cert],
            person_image=images.signature(),
            seal_image=images.seal(),
        )
    once = signed_by_leader(pades.local_signer(signers["leader"]), server.tsa_url, image=images.signature())
    return pades.sign(
        once,
        pades.local_signer(signers["seal"]),
        field="CoQuan",
        placement=pades.SEAL,
        image=images.seal(),
        tsa_url=server.tsa_url,
    )


def pdfsig(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdfsig") is None:
        pytest.fail("pdfsig is missing: apt-get install poppler-utils (the README's apt line)")
    path = tmp_path / "ket-qua.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout


def stamp_colours(pdf: bytes, artifacts) -> tuple[int, int]:
    """The last page drawn as a reader shows it (saved in artifacts/ to look at): how many blue and how many red
    pixels lie in the person's box, where the signature image and the seal's left third must be."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    document.init_forms()  # the signatures' appearances are form widgets: drawn only with the form environment
    page = document[len(document) - 1]
    image = page.render(scale=2, may_draw_forms=True).to_pil().convert("RGB")
    image.save(artifacts / "signed-result.png")
    x1, y1, x2, y2 = pades.PERSON.box
    height = page.get_height()
    box = image.crop((x1 * 2, (height - y2) * 2, x2 * 2, (height - y1) * 2))
    raw = box.tobytes()
    pixels = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    blue = sum(1 for r, g, b in pixels if b > 120 and r < 90 and g < 110)
    red = sum(1 for r, g, b in pixels if r > 150 and g < 80 and b < 80)
    return blue, red


def test_a_result_signed_by_the_leader_then_the_seal_carries_two_valid_signatures(
    authority, signers, tmp_path, artifacts
):
    made, server = authority
    stamped = server.stamped
    signed = signed_by_both(authority, signers)
    assert server.stamped >= stamped + 2  # a token from the TSA, over HTTP, for each signature
    assert b"/DSS" in signed  # B-LT: chains and CRLs kept in the document
    found = validate.report(signed, [made.root.cert])
    assert [r.field for r in found] == ["NguoiKy", "CoQuan"]
    leader, seal = found
    assert (leader.signer, leader.title, leader.organisation) == (LEADER, TITLE, AGENCY)
    assert (seal.signer, seal.organisation, seal.title) == (AGENCY, AGENCY, "")
    for one in found:
        assert one.verdict == validate.VALID, one.problems
        assert one.intact and one.trusted and one.covers_document and one.valid_at_signing
        assert one.revocation == "còn hiệu lực" and one.timestamp_at is not None
        assert "THỬ NGHIỆM" in one.issuer
        assert one.local(one.timestamp_at).endswith("+07:00")
    # the seal was applied after the person signed, over the person's signed revision
    assert leader.timestamp_at <= seal.timestamp_at
    # poppler, a validator of its own, agrees that both signatures are valid
    out = pdfsig(signed, tmp_path)
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert f"Common Name: {LEADER}" in out and f"Common Name: {AGENCY}" in out
    assert out.count("ETSI.CAdES.detached") == 2 and out.count("SHA-256") == 2
    # Decree 30/2020's look: the blue signature in the person's box, the red seal over its left part
    blue, red = stamp_colours(signed, artifacts)
    assert blue > 500 and red > 500, (blue, red)
    assert stamp_colours(result_pdf(), artifacts) == (0, 0)  # and nothing there before signing
    stamp_colours(signed, artifacts)


def test_one_flipped_byte_makes_validation_fail(authority, signers, tmp_path):
    made, _ = authority
    signed = bytearray(signed_by_both(authority, signers, long_term=False))
    # a byte of the page's text, inside both signatures' signed ranges
    at = signed.index(b"stream") + 40
    signed[at] ^= 0x01
    found = validate.report(bytes(signed), [made.root.cert])
    assert all(r.verdict == validate.INVALID and not r.intact for r in found), found
    assert any("bị thay đổi" in p for p in found[0].problems)
    assert "Signature is Valid." not in pdfsig(bytes(signed), tmp_path)


def test_a_revoked_certificate_is_refused_before_signing_and_reported_on_validation(authority):
    made, server = authority
    revoked = made.issue("Trần Thị Thu", AGENCY, title="Phó Chủ tịch")
    checks.before_signing(revoked.cert, revoked.chain, [made.root.cert], person="Trần Thị Thu", agency=AGENCY)
    made.revoke(revoked.cert)
    with pytest.raises(checks.Refused, match="thu hồi"):
        checks.before_signing(revoked.cert, revoked.chain, [made.root.cert], person="Trần Thị Thu", agency=AGENCY)
    # signed anyway, by software that skips the check: the validator says revoked, not valid
    forged = signed_by_leader(pades.local_signer(revoked), server.tsa_url)
    [found] = validate.report(forged, [made.root.cert])
    assert found.revocation == "đã bị thu hồi" and found.verdict == validate.INVALID
    assert any("thu hồi" in p for p in found.problems)


def test_an_unreachable_crl_is_not_known_never_valid(authority):
    made, server = authority
    elsewhere = pki.Authority(f"http://127.0.0.1:{free_port()}/crl/ca.crl", label="khác")  # nothing listens there
    signer = elsewhere.issue(LEADER, AGENCY, title=TITLE)
    with pytest.raises(checks.Refused, match="tình trạng thu hồi"):
        checks.before_signing(signer.cert, signer.chain, [elsewhere.root.cert], person=LEADER, agency=AGENCY)
    pdf = signed_by_leader(pades.local_signer(signer), server.tsa_url)
    [found] = validate.report(pdf, [elsewhere.root.cert, made.root.cert])
    assert found.intact and found.revocation == validate.UNKNOWN and found.verdict == validate.UNKNOWN
    assert any("Không xác định được tình trạng thu hồi" in p for p in found.problems)


def test_a_certificate_that_does_not_name_the_signer_or_is_out_of_date_is_refused(authority):
    made, _ = authority
    roots = [made.root.cert]
    someone = made.issue("Lê Văn Khác", AGENCY, title=TITLE)
    with pytest.raises(checks.Refused, match="không phải người ký"):
        checks.before_signing(someone.cert, someone.chain, roots, person=LEADER, agency=AGENCY)
    with pytest.raises(checks.Refused, match="không phải cơ quan"):
        checks.before_signing(someone.cert, someone.chain, roots, person="Lê Văn Khác", agency="Sở Tư pháp")
    untitled = made.issue(LEADER, AGENCY)
    with pytest.raises(checks.Refused, match="chức danh"):
        checks.before_signing(untitled.cert, untitled.chain, roots, person=LEADER, agency=AGENCY)
    expired = made.issue(LEADER, AGENCY, title=TITLE, not_before=pki.now() - dt.timedelta(days=800), days=730)
    with pytest.raises(checks.Refused, match="hết hạn"):
        checks.before_signing(expired.cert, expired.chain, roots, person=LEADER, agency=AGENCY)
    other_root = pki.Authority("http://127.0.0.1:9/crl/ca.crl", label="lạ")
    stranger = other_root.issue(LEADER, AGENCY, title=TITLE)
    with pytest.raises(checks.Refused, match="chuỗi tin cậy"):
        checks.before_signing(stranger.cert, stranger.chain, roots, person=LEADER, agency=AGENCY)
    # the seal: the agency only
    seal = made.issue(AGENCY, AGENCY)
    checks.before_signing(seal.cert, seal.chain, roots, person=None, agency=AGENCY)


def test_a_demo_certificate_never_signs_in_production(authority, signers, settings):
    made, _ = authority
    settings.PRODUCTION = True
    with pytest.raises(checks.Refused, match="thử nghiệm"):
        checks.before_signing(
            signers["leader"].cert, signers["leader"].chain, [made.root.cert], person=LEADER, agency=AGENCY
        )


def test_a_pkcs12_file_signs_and_a_wrong_password_is_said_in_vietnamese(authority, signers):
    made, server = authority
    data = signers["leader"].pkcs12(b"mat-khau-p12")
    with pytest.raises(ValueError, match="sai mật khẩu"):
        pades.pkcs12_signer(data, b"sai")
    signer = pades.pkcs12_signer(data, b"mat-khau-p12")
    pdf = signed_by_leader(signer, server.tsa_url)
    [found] = validate.report(pdf, [made.root.cert])
    assert found.verdict == validate.VALID and found.signer == LEADER


def test_what_is_not_a_pdf_gets_a_clear_answer(authority):
    made, server = authority
    with pytest.raises(ValueError, match="không phải một tệp PDF"):
        validate.report(b"not a pdf at all", [made.root.cert])
    assert validate.report(result_pdf(), [made.root.cert]) == []  # a PDF with no signature: nothing to judge
    request = urllib.request.Request(
        server.tsa_url, data=b"rac", headers={"Content-Type": "application/timestamp-query"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=5)
    assert refused.value.code == 400


def test_without_fetching_a_b_lt_result_is_judged_at_its_timestamp_with_what_it_carries(authority, signers):
    """What a public page does (it never fetches what a stranger's file names): our B-LT result still judges
    valid from its own DSS; a B-T signature carries no revocation answer, so its status is not known."""
    made, _ = authority
    found = validate.report(signed_by_both(authority, signers), [made.root.cert], fetch=False)
    assert [r.verdict for r in found] == [validate.VALID, validate.VALID], [r.problems for r in found]
    short = validate.report(signed_by_both(authority, signers, long_term=False), [made.root.cert], fetch=False)
    assert [r.revocation for r in short] == [validate.UNKNOWN] * 2 and short[0].verdict == validate.UNKNOWN


def test_fetching_revocation_data_leaves_no_connection_open(authority, signers, caplog):
    """pyHanko's default fetcher opened an aiohttp session per validation and never closed it: a socket held and
    "Unclosed client session" logged for every signature signed or checked, in a server that runs for months."""
    import gc

    made, _ = authority
    validate.report(signed_by_both(authority, signers), [made.root.cert])  # B-LT signing and validation both fetch
    gc.collect()
    assert not [r for r in caplog.records if "Unclosed client session" in r.getMessage()]
