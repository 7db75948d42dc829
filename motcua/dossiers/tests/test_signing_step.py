"""The signing step (issue 17): an approved dossier's result is numbered and dated, signed by the approving leader,
then by the agency (the seal), each as a queued task run by the real database worker, with real pyHanko, the test
authority's CRL and TSA and the remote-signing stand-in over HTTP on 127.0.0.1."""

import io
import json
import shutil
import subprocess
import tempfile

import pypdfium2
import pytest
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader
from rest_framework.test import APIClient

from motcua.dossiers import lifecycle, permissions
from motcua.dossiers.models import Document, Dossier, ResultCheck, Signature, Step
from motcua.dossiers.printing.pdf import html_to_pdf
from motcua.dossiers.states import NATIONAL_STATUS, OPEN, State
from motcua.gateways.standins import free_port
from motcua.signing import keys, pades, trust, validate
from motcua.signing.models import Layout
from motcua.signing.remote_standin import RemoteSigningServer

from .fixtures import run_worker, staff, vn

pytestmark = pytest.mark.django_db(transaction=True)  # the real worker closes connections, as in production
DIRECTOR = "Giám đốc"
REMOTE_ID, REMOTE_SECRET = "motcua-test", "bi-mat-he-thong"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(out, "PNG")
    return out.getvalue()


def draft_pdf(text="QUYẾT ĐỊNH về việc cấp Phiếu lý lịch tư pháp") -> SimpleUploadedFile:
    html = f'<html><body style="font-family: \'Liberation Serif motcua\'"><p style="margin-top: 180pt">{text}</p>'
    return SimpleUploadedFile("du-thao.pdf", html_to_pdf(html + "</body></html>"), content_type="application/pdf")


@pytest.fixture
def setup(settings, authority, province, people):
    """The authority trusted, its TSA configured, the leader's and the agency's .p12 registered."""
    made, server = authority
    settings.MOTCUA_TSA_URL = server.tsa_url
    trust.add(made.root.cert.public_bytes(serialization.Encoding.PEM), note="gốc thử nghiệm")
    justice = province["justice"]
    leader = made.issue(people["head"].full_name, justice.name, title=DIRECTOR)
    keys.add_pkcs12(leader.pkcs12(b"mk-lanh-dao"), "mk-lanh-dao", owner=people["head"], agency=justice)
    seal = made.issue(justice.name, justice.name)
    keys.add_pkcs12(seal.pkcs12(b"mk-co-quan"), "mk-co-quan", owner=None, agency=justice)
    return {"authority": made, "leader": leader, "seal": seal}


@pytest.fixture
def approved(received, people):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.submit_for_approval(received.pk, actor=people["specialist"], at=vn("2026-03-03 10:00"))
    return lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-04 09:00"))


def sent(approved, people):
    return lifecycle.send_for_signing(
        approved, actor=people["specialist"], summary="Cấp Phiếu lý lịch tư pháp số 12/LLTP", upload=draft_pdf()
    )


def fresh(dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def content(document: Document) -> bytes:
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        return handle.read()


def pdfsig(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(["pdfsig", file.name], capture_output=True, text=True, timeout=60).stdout


def test_sent_for_signing_the_result_is_numbered_and_dated_before_any_signature(setup, approved, people):
    dossier = sent(approved, people)
    assert dossier.state == State.AWAITING_SIGNATURE and State.AWAITING_SIGNATURE in OPEN  # the legal clock runs
    assert dossier.national_status == NATIONAL_STATUS[State.AWAITING_SIGNATURE] == 4
    assert dossier.assignee == people["head"]  # the leader who approved
    step = dossier.steps.get(kind=Step.Kind.SIGN)
    assert step.assignee == people["head"] and step.finished_at is None
    draft = dossier.documents.get(kind=Document.Kind.DRAFT)
    text = PdfReader(io.BytesIO(content(draft))).pages[0].extract_text()
    assert "Số: 1/QĐ-STP" in text and "ngày" in text and "tháng" in text and "QUYẾT ĐỊNH" in text
    assert draft.name == "Quyết định số 1/QĐ-STP"
    event = dossier.events.order_by("-seq").first()
    assert (event.kind, event.to_state, event.data["number"]) == ("sent_for_signing", "awaiting_signature", "1/QĐ-STP")


def test_leader_signs_clerk_seals_the_result_is_issued_valid_and_checkable(client, setup, approved, people):
    dossier = sent(approved, people)
    signature = lifecycle.sign(dossier, actor=people["head"])
    assert signature.status == Signature.Status.WAITING and fresh(dossier).state == State.AWAITING_SIGNATURE
    with pytest.raises(ValidationError, match="đang được ký"):  # a second click never signs twice
        lifecycle.sign(dossier, actor=people["head"])
    run_worker()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.SIGNED, signature.reason
    dossier = fresh(dossier)
    assert dossier.state == State.AWAITING_SEAL and dossier.assignee is None
    assert dossier.events.order_by("-seq").first().kind == "result_signed"
    # the evidence of the leader's signature
    assert signature.sha256_after and signature.sha256_after != signature.sha256_before
    assert "Head" in signature.signer_subject and signature.chain_pem.count("BEGIN CERTIFICATE") == 3
    assert len(bytes(signature.timestamp_token)) > 500 and signature.signed_at is not None
    assert json.loads(bytes(signature.revocation))["crls"]  # the CRL the B-LT signature embedded
    with pytest.raises(PermissionDenied):  # the seal is the văn thư's
        lifecycle.seal(dossier, actor=people["specialist"])

    sealing = lifecycle.seal(dossier, actor=people["clerk"])
    run_worker()
    sealing.refresh_from_db()
    assert sealing.status == Signature.Status.SIGNED, sealing.reason
    dossier = fresh(dossier)
    assert dossier.state == State.ISSUED and dossier.finished_at is not None and dossier.outcome
    assert dossier.events.order_by("-seq").first().kind == "result_issued"
    assert not dossier.steps.filter(kind=Step.Kind.SIGN, finished_at=None).exists()
    result = dossier.documents.get(kind=Document.Kind.RESULT)
    assert result.sha256 == sealing.sha256_after
    pdf = content(result)
    roots, intermediates = trust.anchors()
    reports = validate.report(pdf, roots, intermediates)
    assert [(r.field, r.verdict) for r in reports] == [("NguoiKy", "hợp lệ"), ("CoQuan", "hợp lệ")]
    assert reports[0].signer == "Head" and reports[0].title == DIRECTOR and reports[1].signer == "Sở Tư pháp"
    if shutil.which("pdfsig"):
        assert pdfsig(pdf).count("Signature Validation: Signature is Valid.") == 2
    lifecycle.return_result(dossier, actor=people["desk"], method="desk")
    assert fresh(dossier).state == State.RETURNED
    api = APIClient()
    api.force_authenticate(people["head"])
    detail = api.get(f"/api/v1/dossiers/{dossier.code}/").json()
    assert [(s["role"], s["status"], s["asked_by"]) for s in detail["signatures"]] == [
        ("leader", "signed", "head"),
        ("seal", "signed", "clerk"),
    ]

    # Kiểm tra kết quả: the code and QR written before the first signature name the result; the file as issued is
    # found by its SHA-256; the same file changed is not the result issued under its code
    check = ResultCheck.objects.get(dossier_id=approved.pk)
    result = Document.objects.get(dossier_id=approved.pk, kind=Document.Kind.RESULT)
    assert check.sha256 == result.sha256 and check.issued_at is not None
    assert check.title == "Quyết định số 1/QĐ-STP" and check.issuer == "Sở Tư pháp"
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert f"Mã kiểm tra kết quả: {check.code}" in text and "/kiem-tra-ket-qua/" in text

    page = client.get("/kiem-tra-ket-qua/", {"ma": check.code.lower().replace("-", "")}).content.decode()
    assert "kết quả đã được ban hành" in page and "Quyết định số 1/QĐ-STP" in page and approved.code in page
    assert approved.applicant_name not in page and approved.applicant_id_number not in page  # nothing personal
    upload = SimpleUploadedFile("ket-qua.pdf", pdf, content_type="application/pdf")
    page = client.post("/kiem-tra-ket-qua/", {"tep": upload}).content.decode()
    assert "còn nguyên bản" in page and check.code in page
    changed = SimpleUploadedFile("ket-qua.pdf", pdf + b"\n% sua\n", content_type="application/pdf")
    page = client.post("/kiem-tra-ket-qua/", {"tep": changed}).content.decode()
    assert "Không phải bản kết quả đã ban hành" in page and check.code in page


def test_only_the_approving_leader_signs_and_only_with_a_key(setup, approved, people, province):
    dossier = sent(approved, people)
    other = staff("other_head", (province["justice"], "head"))
    assert "sign" in permissions.available_actions(people["head"], dossier)
    assert "sign" not in permissions.available_actions(other, dossier)  # not offered to another leader
    with pytest.raises(ValidationError, match="trình lãnh đạo khác ký"):
        lifecycle.sign(dossier, actor=other)
    with pytest.raises(PermissionDenied):
        lifecycle.sign(dossier, actor=people["specialist"])
    keys.in_use(owner=people["head"], agency=province["justice"]).delete()
    with pytest.raises(ValidationError, match="chưa đăng ký chứng thư số"):
        lifecycle.sign(dossier, actor=people["head"])
    assert not Signature.objects.exists()


def test_a_revoked_certificate_is_refused_the_dossier_waits_and_a_new_key_signs(
    client, setup, approved, people, province
):
    dossier = sent(approved, people)
    setup["authority"].revoke(setup["leader"].cert)
    failed = lifecycle.sign(dossier, actor=people["head"])
    run_worker()
    failed.refresh_from_db()
    assert failed.status == Signature.Status.FAILED and "thu hồi" in failed.reason
    dossier = fresh(dossier)
    assert dossier.state == State.AWAITING_SIGNATURE
    event = dossier.events.order_by("-seq").first()
    assert event.kind == "signing_failed" and "thu hồi" in event.note and event.to_state == "awaiting_signature"
    assert dossier.documents.get(kind=Document.Kind.DRAFT).sha256 == failed.sha256_before  # the draft untouched
    tracked = client.post("/tra-cuu/", {"ma": dossier.code, "xac_minh": "0912345678"}).content.decode()
    assert "Trình ký kết quả" in tracked and "Ký số không thành công" not in tracked  # the desk's own trouble

    renewed = setup["authority"].issue("Head", province["justice"].name, title=DIRECTOR)
    keys.add_pkcs12(renewed.pkcs12(b"moi"), "moi", owner=people["head"], agency=province["justice"])
    again = lifecycle.sign(dossier, actor=people["head"])
    run_worker()
    again.refresh_from_db()
    assert again.status == Signature.Status.SIGNED and fresh(dossier).state == State.AWAITING_SEAL


def test_a_certificate_of_someone_else_is_refused_when_added_and_before_signing(setup, approved, people, province):
    dossier = sent(approved, people)
    justice = province["justice"]
    stranger = setup["authority"].issue("Trần Văn Khác", justice.name, title=DIRECTOR)
    with pytest.raises(ValueError, match="không phải người ký “Head”"):
        keys.add_pkcs12(stranger.pkcs12(b"x"), "x", owner=people["head"], agency=justice)
    other_agency = setup["authority"].issue("Head", province["land"].name, title=DIRECTOR)
    with pytest.raises(ValueError, match="không phải cơ quan “Sở Tư pháp”"):
        keys.add_pkcs12(other_agency.pkcs12(b"x"), "x", owner=people["head"], agency=justice)
    # the official's name changed after their key was added: the signature is refused, the dossier waits
    people["head"].full_name = "Trần Văn Khác"
    people["head"].save(update_fields=["full_name"])
    attempt = lifecycle.sign(dossier, actor=people["head"])
    run_worker()
    attempt.refresh_from_db()
    assert attempt.status == Signature.Status.FAILED and "không phải người ký" in attempt.reason
    assert fresh(dossier).state == State.AWAITING_SIGNATURE


@pytest.fixture
def remote_service(settings, setup, people, province):
    server = RemoteSigningServer(free_port(), client_id=REMOTE_ID, client_secret=REMOTE_SECRET).start()
    settings.MOTCUA_REMOTE_SIGNING_URL = server.url
    settings.MOTCUA_REMOTE_SIGNING_CLIENT_ID, settings.MOTCUA_REMOTE_SIGNING_CLIENT_SECRET = REMOTE_ID, REMOTE_SECRET
    settings.MOTCUA_REMOTE_SIGNING_POLL_SECONDS = 0.05
    server.add("079080001234", "mk-smartca", setup["leader"])
    keys.add_remote("079080001234", "mk-smartca", owner=people["head"], agency=province["justice"])
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("answer", "status", "said"),
    [
        ("approve", Signature.Status.SIGNED, ""),
        ("refuse", Signature.Status.REFUSED, "từ chối ký"),
        (None, Signature.Status.EXPIRED, "5 phút"),
    ],
)
def test_remote_signing_approved_refused_or_expired(remote_service, approved, people, answer, status, said):
    remote_service.auto = answer
    remote_service.expires_after = 0.3  # nobody answers: the service's expiry ends the wait
    dossier = sent(approved, people)
    signature = lifecycle.sign(dossier, actor=people["head"])
    run_worker()
    signature.refresh_from_db()
    assert signature.status == status and said in signature.reason
    assert signature.transaction_id in remote_service.transactions  # the service's id is kept either way
    assert fresh(dossier).state == (State.AWAITING_SEAL if answer == "approve" else State.AWAITING_SIGNATURE)


def test_a_draft_sent_back_while_being_signed_is_not_used(setup, approved, people):
    dossier = sent(approved, people)
    signature = lifecycle.sign(dossier, actor=people["head"])
    lifecycle.return_for_rework(dossier, actor=people["head"], reason="Sai tên người được cấp")
    assert not fresh(dossier).steps.filter(kind=Step.Kind.SIGN, finished_at=None).exists()
    run_worker()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.FAILED and "bước khác" in signature.reason
    assert fresh(dossier).state == State.IN_PROGRESS


def test_bad_drafts_are_refused_in_vietnamese_and_take_no_number(settings, setup, approved, people):
    signer = pades.local_signer(setup["seal"])
    at = {"placement": pades.SEAL, "image": None, "tsa_url": settings.MOTCUA_TSA_URL}
    signed_already = pades.sign(draft_pdf().read(), signer, field="X", **at)
    cases = [
        (SimpleUploadedFile("a.pdf", signed_already, content_type="application/pdf"), "đã có chữ ký số"),
        (SimpleUploadedFile("a.png", png(), content_type="image/png"), "phải là tệp PDF"),
        (None, "Tải lên dự thảo"),
    ]
    for upload, said in cases:
        with pytest.raises(ValidationError, match=said):
            lifecycle.send_for_signing(approved, actor=people["specialist"], summary="Kết quả", upload=upload)
    with pytest.raises(ValidationError, match="trích yếu"):
        lifecycle.send_for_signing(approved, actor=people["specialist"], summary=" ", upload=draft_pdf())
    dossier = sent(approved, people)
    assert dossier.events.order_by("-seq").first().data["number"] == "1/QĐ-STP"  # no number was used up


def test_a_template_of_its_own_places_the_number_and_the_signatures(setup, approved, people):
    """A result whose signature block sits on its first page, top left: an administrator's layout, chosen when the
    draft goes for signing, puts the number there and both signature boxes where it says."""
    layout = Layout.objects.create(
        name="Giấy phép ký trang đầu",
        signature_page=0,
        person_x1=100,
        person_y1=600,
        person_x2=260,
        person_y2=660,
        seal_x1=60,
        seal_y1=580,
        seal_x2=160,
        seal_y2=680,
        number_x=80,
        number_y=150,
    )
    two_pages = SimpleUploadedFile(
        "gp.pdf",
        html_to_pdf("<p>GIẤY PHÉP</p><p style='break-before: page'>Trang 2</p>"),
        content_type="application/pdf",
    )
    dossier = lifecycle.send_for_signing(
        approved, actor=people["specialist"], summary="Giấy phép", upload=two_pages, layout=layout
    )
    for actor, action in ((people["head"], lifecycle.sign), (people["clerk"], lifecycle.seal)):
        action(fresh(dossier), actor=actor)
        run_worker()
    result = fresh(dossier).documents.get(kind=Document.Kind.RESULT)
    reader = PdfReader(io.BytesIO(content(result)))
    boxes = {
        str(widget["/T"]): [round(float(n)) for n in widget["/Rect"]]
        for widget in (a.get_object() for a in reader.pages[0].get("/Annots", []))
        if widget.get("/FT") == "/Sig"
    }
    assert boxes == {"NguoiKy": [100, 600, 260, 660], "CoQuan": [60, 580, 160, 680]}
    assert not reader.pages[1].get("/Annots")  # nothing on the last page
    assert "Số: 1/QĐ-STP" in reader.pages[0].extract_text()
    assert Signature.objects.filter(dossier_id=dossier.pk, layout=layout).count() == 2


def test_the_leaders_own_signature_image_is_stamped(setup, approved, people, province):
    """The image the leader uploaded with their key (here a green stroke, to tell it from the blue stand-in) is
    the one drawn in the signature's box on the page."""
    out = io.BytesIO()
    Image.new("RGBA", (480, 180), (10, 170, 40, 255)).save(out, "PNG")
    justice = province["justice"]
    keys.add_pkcs12(setup["leader"].pkcs12(b"k"), "k", owner=people["head"], agency=justice, image=out.getvalue())
    dossier = sent(approved, people)
    lifecycle.sign(dossier, actor=people["head"])
    run_worker()
    draft = fresh(dossier).documents.get(kind=Document.Kind.DRAFT)
    document = pypdfium2.PdfDocument(content(draft))
    document.init_forms()  # a signature's appearance is a form widget: drawn only with the form environment
    page = document[len(document) - 1]
    drawn = page.render(scale=1, may_draw_forms=True).to_pil().convert("RGB")
    x1, y1, x2, y2 = pades.PERSON.box
    height = page.get_height()
    box = drawn.crop((x1, height - y2, x2, height - y1))
    raw = box.tobytes()
    pixels = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    green = sum(1 for r, g, b in pixels if g > 140 and r < 60 and b < 90)
    blue = sum(1 for r, g, b in pixels if b > 120 and r < 90 and g < 110)
    assert green > 1000 and blue == 0, (green, blue)
