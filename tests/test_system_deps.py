"""The Debian packages motcua needs beyond pip: one list (scripts/system-deps.sh), the README's one line."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "system-deps.sh"


def line(kind: str) -> str:
    return subprocess.run(["bash", str(SCRIPT), "--line", kind], check=True, capture_output=True, text=True).stdout


def test_the_readme_names_every_package_make_test_checks():
    assert f"```sh\n{line('test')}```" in (ROOT / "README.md").read_text()


def test_running_needs_pango_but_neither_postgresql_nor_chromium():
    run, test = line("run").split()[2:], line("test").split()[2:]
    assert {"libpango-1.0-0", "libpangoft2-1.0-0", "python3-venv"} <= set(run) < set(test)
    assert not {"postgresql", "chromium", "poppler-utils", "fonts-liberation2"} & set(run)
    # pdfsig checks the signed results in the tests (issue 17), a validator other than the one that signs; the PDFs'
    # fonts still ship in the package
    assert "poppler-utils" in test and not any(package.startswith("fonts-liberation") for package in test)
