"""``manage.py text fix``, run as a person would: a subprocess, a file or standard input."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from motcua.vntext.charsets import encode

ROOT = Path(__file__).resolve().parents[3]
TEXT = "Nghị quyết số 76/NQ-CP\nGiấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở\n"


def run(*args, stdin=b""):
    return subprocess.run(
        [sys.executable, "manage.py", "text", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=60
    )


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
def test_fix_file_in_legacy_encoding(tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(encode(TEXT, encoding))
    result = run("fix", str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == TEXT


def test_fix_utf8_file_with_mojibake_and_decomposed_text(tmp_path):
    import unicodedata

    path = tmp_path / "mixed.txt"
    path.write_text("Nghò quyeát soá 76/NQ-CP\n", encoding="utf-8")
    assert run("fix", str(path)).stdout.decode() == "Nghị quyết số 76/NQ-CP\n"
    path.write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    assert run("fix", str(path)).stdout.decode() == TEXT  # NFC out


def test_fix_stdin():
    result = run("fix", stdin=encode(TEXT, "vni"))
    assert result.returncode == 0
    assert result.stdout.decode() == TEXT
    assert run("fix", "-", stdin="café ©\n".encode()).stdout.decode() == "café ©\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("fix", "/no/such/file.txt"), "Không tìm thấy tệp"),
        (("fix", "."), "thư mục"),
        (("repair",), "Thao tác không hợp lệ"),
        ((), "Thiếu thao tác"),
        (("fix", "a", "b"), "một tệp"),
    ],
)
def test_errors_are_one_vietnamese_line(args, message):
    result = run(*args)
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in stderr
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_call_command_in_process(tmp_path):
    from io import StringIO

    path = tmp_path / "t.txt"
    path.write_bytes(encode("Báo cáo tài chính", "tcvn3"))
    out = StringIO()
    call_command("text", "fix", str(path), stdout=out)
    assert out.getvalue() == "Báo cáo tài chính"
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("text", "fix", str(tmp_path / "missing"))
