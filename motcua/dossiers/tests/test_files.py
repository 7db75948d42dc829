"""What the desk and the portal say about a file too large, in whole megabytes as vntext.formats writes sizes
(motcua/dossiers/files.py)."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import files


def test_upload_limits_read_in_whole_megabytes():
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 10)
    big.size = 30 * 1024 * 1024
    try:
        files.read_checked(big, "Tệp")
    except ValidationError as exc:
        assert exc.messages == ["Tệp quá lớn: 30 MB, tối đa 20 MB."]
    else:
        raise AssertionError("a 30 MB file passed")
