import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole, validate_agency_code


@pytest.mark.parametrize("code", ["000.00.12.H62", "000.01.31.H44", "123.45.67.G01"])
def test_valid_agency_codes(code):
    validate_agency_code(code)


@pytest.mark.parametrize("code", ["H62", "000.00.12.h62", "00.00.12.H62", "000.00.12.H6", "000-00-12-H62", ""])
def test_invalid_agency_codes_are_refused_in_vietnamese(code):
    with pytest.raises(ValidationError, match="Mã định danh cơ quan không hợp lệ"):
        validate_agency_code(code)


@pytest.mark.django_db
def test_office_hours_must_be_ordered_and_roles_only_for_staff():
    agency = Agency(
        code="000.00.10.H44", name="Sở Tư pháp", level="department", morning_start=dt.time(13), cutoff=dt.time(15)
    )
    with pytest.raises(ValidationError, match="Giờ làm việc không hợp lệ"):
        agency.full_clean()
    agency = Agency.objects.create(code="000.00.10.H44", name="Sở Tư pháp", level="department")
    child = Agency.objects.create(
        code="000.01.10.H44", name="Phòng Hành chính tư pháp", level="department", parent=agency
    )
    assert set(agency.descendant_ids()) == {agency.pk, child.pk}
    citizen = User.objects.create_user("cd", password="x", kind="citizen")
    with pytest.raises(ValidationError, match="Chỉ tài khoản cán bộ"):
        StaffRole(user=citizen, agency=agency, role="specialist").full_clean()
