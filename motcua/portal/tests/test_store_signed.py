"""A result signed in the signing step goes into the applicant's data store (issue 17, 45/2020 Art. 16): the file
they keep is the one the seal made, both signatures on it; the draft waiting for signatures never reaches them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Document, Dossier
from motcua.dossiers.tests.fixtures import run_worker, vn
from motcua.dossiers.tests.test_signing_step import draft_pdf, setup  # noqa: F401 (fixture)
from motcua.portal.models import StoredDocument
from motcua.signing import trust, validate

pytestmark = pytest.mark.django_db(transaction=True)  # the real worker signs
PHONE = "0912345670"


def test_the_sealed_result_and_only_it_reaches_the_applicants_store(client, setup, five_days, province, people):
    citizen = people["citizen"]
    dossier = lifecycle.register(
        actor=citizen,
        version=five_days,
        receiving_agency=province["centre"],
        applicant={"applicant_name": "Vũ Thị Mai", "applicant_id_number": "025090009999", "applicant_phone": PHONE},
        channel="online",
        applicant_user=citizen,
        at=vn("2026-03-02 08:00"),
        uploads=[(line, SimpleUploadedFile("a.pdf", draft_pdf().read())) for line in five_days.documents.all()],
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
    lifecycle.assign(dossier.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.submit_for_approval(dossier.pk, actor=people["specialist"], at=vn("2026-03-03 10:00"))
    lifecycle.approve(dossier.pk, actor=people["head"], at=vn("2026-03-04 09:00"))
    lifecycle.send_for_signing(dossier.pk, actor=people["specialist"], summary="Cấp phiếu", upload=draft_pdf())
    client.force_login(citizen)
    mine = client.get(f"/ho-so-cua-toi/{dossier.code}/").content.decode()
    assert "Quyết định số" not in mine  # the draft is not the applicant's
    assert not StoredDocument.objects.filter(owner=citizen, kind=StoredDocument.Kind.RESULT).exists()

    lifecycle.sign(Dossier.objects.get(pk=dossier.pk), actor=people["head"])
    run_worker()
    assert not StoredDocument.objects.filter(owner=citizen, kind=StoredDocument.Kind.RESULT).exists()
    lifecycle.seal(Dossier.objects.get(pk=dossier.pk), actor=people["clerk"])
    run_worker()

    result = Document.objects.get(dossier_id=dossier.pk, kind=Document.Kind.RESULT)
    [kept] = StoredDocument.objects.filter(owner=citizen, kind=StoredDocument.Kind.RESULT)
    assert kept.sha256 == result.sha256 and kept.dossier_id == dossier.pk
    with kept.file.open("rb") as handle:
        reports = validate.report(handle.read(), *trust.anchors(), fetch=False)
    assert [r.verdict for r in reports] == [validate.VALID, validate.VALID]
    assert "Quyết định số 1/QĐ-STP" in client.get(f"/ho-so-cua-toi/{dossier.code}/").content.decode()
