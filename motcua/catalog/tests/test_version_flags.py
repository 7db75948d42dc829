"""Publishing decides the scorecard flags of a version once; an edit is a new draft, published with its own."""

from decimal import Decimal

from motcua.catalog import version_flags, versions
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, RequiredDocument


def stored(version) -> dict[str, bool]:
    row = ProcedureVersion.objects.get(pk=version.pk)
    return {name: getattr(row, name) for name in version_flags.FLAGS}


def test_publishing_stores_what_the_version_offers_and_an_edit_publishes_its_own(db):
    procedure = Procedure.objects.create(code="9.000001")
    first = ProcedureVersion.objects.create(
        procedure=procedure,
        number=1,
        name="Cấp bản sao điện tử từ sổ gốc",
        steps="Nộp hồ sơ, nhận kết quả",
        applicant_types=["Cá nhân"],
        implementing_agency="Ủy ban nhân dân cấp xã",
    )
    Channel.objects.create(version=first, kind="direct", amount=Decimal(1), unit="working_days")
    RequiredDocument.objects.create(version=first, name="Tờ khai")
    versions.publish(first)
    assert stored(first) == {
        "seven_components": True,
        "charges_fee": False,
        "for_citizens": True,
        "certified_copy": True,
    }

    edit = versions.new_draft(procedure)
    assert not any(stored(edit).values())  # not copied: decided when the draft is published
    edit.applicant_types = ["Doanh nghiệp"]
    edit.save()
    edit.channels.update(fees=[{"kind": "le_phi", "amount": 10000}])
    edit.documents.all().delete()
    versions.publish(edit)
    assert stored(edit) == {
        "seven_components": False,
        "charges_fee": True,
        "for_citizens": False,
        "certified_copy": True,
    }
    assert stored(first)["seven_components"]  # the retired version keeps what it was published with


def test_the_rules_read_what_the_catalogue_states():
    assert version_flags.for_citizens([]) and version_flags.for_citizens(["Công dân Việt Nam"])
    assert not version_flags.for_citizens(["Tổ chức", "Doanh nghiệp"])
    assert version_flags.certified_copy("CẤP BẢN SAO ĐIỆN TỬ từ sổ gốc")
    assert not version_flags.certified_copy("Cấp bản sao trích lục hộ tịch")
