"""A month of known dossiers at the Department of Justice (March 2026), each chosen for one rule of 766.

The five-day procedure (fee 200.000 đồng) received Monday 2 March 09:00 is due Monday 9 March 09:00.
Hand-computed figures for March 2026 are in test_figures.py beside the assertions.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import lifecycle
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import vn

PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes


def pdf(name="giay-to.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def build(province, people, version, applicant) -> dict:
    desk, head, specialist = people["desk"], people["head"], people["specialist"]
    centre = province["centre"]
    lines = list(version.documents.all())

    def desk_dossier(received, channel="direct", uploads=()):
        at = vn(received)
        dossier = lifecycle.register(
            actor=desk,
            version=version,
            receiving_agency=centre,
            applicant=applicant,
            channel=channel,
            uploads=uploads,
            at=at - dt.timedelta(minutes=10),
        )
        return lifecycle.receive(dossier.pk, actor=desk, at=at).pk

    def result(pk, at, uploads=()):
        lifecycle.submit_for_approval(pk, actor=head, at=vn(at) - dt.timedelta(minutes=30))
        lifecycle.approve(pk, actor=head, at=vn(at) - dt.timedelta(minutes=30))
        lifecycle.issue_result(pk, actor=head, summary="Phiếu lý lịch tư pháp", uploads=uploads, at=vn(at))

    d = {}
    # D1 early, digitised (both inputs as files, e-result), returned at the desk on 6 March
    d["early"] = desk_dossier("2026-03-02 09:00", uploads=[(lines[0], pdf()), (lines[1], pdf())])
    result(d["early"], "2026-03-05 10:00", uploads=[("Phiếu lý lịch tư pháp", pdf("ket-qua.pdf"))])
    lifecycle.return_result(d["early"], actor=desk, method="desk", at=vn("2026-03-06 08:00"))
    # D2 on time: the due day, before 09:00
    d["on_time"] = desk_dossier("2026-03-02 09:00")
    result(d["on_time"], "2026-03-09 08:30")
    # D3 late
    d["late"] = desk_dossier("2026-03-02 09:00")
    result(d["late"], "2026-03-10 10:00")
    # D4 one supplement, 3 → 5 March: the 766 due moment moves two working days, to 11 March 09:00
    d["supplement_once"] = desk_dossier("2026-03-02 09:00")
    lifecycle.request_supplement(
        d["supplement_once"],
        actor=specialist,
        at=vn("2026-03-03 10:00"),
        items=[{"item": "Giấy chứng sinh", "reason": "Bản chụp mờ"}],
    )
    lifecycle.resubmit(d["supplement_once"], actor=desk, at=vn("2026-03-05 10:00"))
    result(d["supplement_once"], "2026-03-11 08:30")
    # D5 two supplement requests: late for 766 from the second one (4 March 11:00), still waiting
    d["supplement_twice"] = desk_dossier("2026-03-02 09:00")
    lifecycle.request_supplement(
        d["supplement_twice"],
        actor=specialist,
        at=vn("2026-03-03 10:00"),
        items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký"}],
    )
    lifecycle.resubmit(d["supplement_twice"], actor=desk, at=vn("2026-03-04 10:00"))
    lifecycle.request_supplement(
        d["supplement_twice"],
        actor=specialist,
        approved_by=head,
        at=vn("2026-03-04 11:00"),
        items=[{"item": "Tờ khai", "reason": "Sai năm sinh"}],
    )
    # D6 extended to 13 March and done on 12 March: on time in law, late for 766 (judged on the first promise)
    d["extended"] = desk_dossier("2026-03-02 09:00")
    lifecycle.extend(
        d["extended"], actor=head, new_due=vn("2026-03-13 09:00"), reason="Chờ xác minh", at=vn("2026-03-05 09:00")
    )
    result(d["extended"], "2026-03-12 10:00")
    # D7 withdrawn on 4 March: received, but not judged
    d["withdrawn"] = desk_dossier("2026-03-02 09:00")
    lifecycle.withdraw(d["withdrawn"], actor=desk, reason="Công dân rút", at=vn("2026-03-04 09:00"))
    # D8 online on Sunday evening by a VNeID-verified citizen, one document reused from the store, paid online
    citizen = people["citizen"]
    citizen.vneid_verified_at = vn("2026-01-05 08:00")
    citizen.save(update_fields=["vneid_verified_at"])
    online = lifecycle.register(
        actor=citizen,
        version=version,
        receiving_agency=centre,
        applicant=applicant,
        channel="online",
        applicant_user=citizen,
        at=vn("2026-03-01 20:00"),
        uploads=[(lines[0], pdf(), True), (lines[1], pdf())],
    )
    lifecycle.record_online_payment(online.pk, amount=200000, reference="VNP0001", at=vn("2026-03-01 20:05"))
    d["online"] = lifecycle.receive(online.pk, actor=desk, at=vn("2026-03-02 09:00")).pk
    result(d["online"], "2026-03-04 10:00", uploads=[("Phiếu lý lịch tư pháp", pdf("ket-qua.pdf"))])
    lifecycle.return_result(d["online"], actor=desk, method="online", at=vn("2026-03-04 11:00"))
    # D9 by post on 30 March, due 6 April: open and within time at the end of March
    d["postal_open"] = desk_dossier("2026-03-30 09:00", channel="postal")
    # D10 received 16 March, due 23 March, never finished: open and overdue at the end of March
    d["overdue_open"] = desk_dossier("2026-03-16 09:00")
    # D11 received in February, due 4 March, done 3 March: carried over into March, early
    d["carried_over"] = desk_dossier("2026-02-25 09:00")
    result(d["carried_over"], "2026-03-03 10:00")
    # D12 refused after appraisal on 6 March (before its due day: early)
    d["refused"] = desk_dossier("2026-03-02 09:00")
    lifecycle.refuse(d["refused"], actor=head, reasons="Không đủ điều kiện cấp", at=vn("2026-03-06 10:00"))
    # D13 refused at the desk: never received, never counted
    never = lifecycle.register(
        actor=desk,
        version=version,
        receiving_agency=centre,
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 09:30"),
    )
    d["rejected_at_desk"] = lifecycle.desk_refuse(
        never.pk, actor=desk, reasons="Sai thẩm quyền", at=vn("2026-03-02 09:40")
    ).pk
    return d
