"""Reading back the PDFs motcua prints, with what pip installs (no poppler): pypdf for the text, the page size, the
metadata, the fonts and the embedded images; pypdfium2 for pictures of the pages kept under artifacts/ for a person
to look at. `no_system_fonts` points fontconfig at a configuration without a single font, as on a machine with no
font package: a PDF then has only the fonts motcua ships, and a letter they lacked would not come out."""

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from motcua.dossiers.printing.pdf import FONTS

SHIPPED_VERSION = "Version 2.1.5"  # fonts-liberation2 2.1.5, the files in motcua/static/motcua/fonts/
SHIPPED = {path.stem for path in FONTS.glob("*.ttf")}  # LiberationSerif-Bold, ...


def empty_fontconfig(folder: Path) -> Path:
    """A fontconfig file naming no font folder at all."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n"
    )
    return config


def system_font_count() -> int:
    """How many fonts fontconfig finds with the configuration a PDF would be printed with now."""
    from weasyprint.text.ffi import fontconfig

    config = fontconfig.FcInitLoadConfigAndFonts()
    try:
        return fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem).nfont
    finally:
        fontconfig.FcConfigDestroy(config)


@pytest.fixture
def no_system_fonts(monkeypatch, tmp_path_factory):
    """While the test runs, WeasyPrint sees no font of the machine (each PDF loads a fresh fontconfig
    configuration, which reads FONTCONFIG_FILE)."""
    import weasyprint.text.fonts  # noqa: F401  its check of the machine's fonts runs once, on import: not here

    monkeypatch.setenv("FONTCONFIG_FILE", str(empty_fontconfig(tmp_path_factory.mktemp("fontconfig"))))
    monkeypatch.delenv("FONTCONFIG_PATH", raising=False)
    assert system_font_count() == 0, "fontconfig still finds the machine's fonts"


def embedded_fonts(reader: PdfReader) -> dict[str, tuple[str, str]]:
    """{PDF font name without its subset tag: (PostScript name, version) of the font program embedded}."""
    found = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            program = next(
                descriptor[key].get_object() for key in ("/FontFile2", "/FontFile3", "/FontFile") if key in descriptor
            )
            names = TTFont(io.BytesIO(program.get_data()))["name"]
            name = str(font["/BaseFont"])[1:].split("+", 1)[-1]
            found[name] = (names.getDebugName(6) or "", names.getDebugName(5) or "")
    return found


class Printed:
    """A PDF written to <folder>/<name>.pdf, its pages as <name>.png (one page) or <name>-<n>.png, read back."""

    def __init__(self, pdf: bytes, name: str, folder: Path, *, resolution: int = 80, pictures: int | None = None):
        assert pdf.startswith(b"%PDF-")
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{name}.pdf"
        self.path.write_bytes(pdf)
        self.reader = PdfReader(io.BytesIO(pdf))
        self.pages = len(self.reader.pages)
        # In content-stream order (WeasyPrint paints in document order, table rows cell by cell); lines wrap where
        # the layout wants, so compare words.
        self.raw = "\n".join(page.extract_text() for page in self.reader.pages)
        self.text = " ".join(self.raw.split())
        box = self.reader.pages[0].mediabox
        self.size = (float(box.width), float(box.height))
        self.title = (self.reader.metadata or {}).get("/Title", "")
        self.fonts = embedded_fonts(self.reader)
        self.pictures = save_pictures(pdf, folder, name, resolution, pictures)

    def has(self, *phrases):
        missing = [phrase for phrase in phrases if phrase not in self.text]
        assert not missing, f"not in {self.path.name}: {missing}\n---\n{self.raw}"

    def lacks(self, *phrases):
        present = [phrase for phrase in phrases if phrase in self.text]
        assert not present, f"unexpected in {self.path.name}: {present}"

    def set_in(self, *families: str):
        """Every font is a shipped face of one of `families` ("Liberation Serif"): named by the @font-face family,
        and its program the shipped file (its PostScript name and version), so no glyph came from another font."""
        assert self.fonts, f"{self.path.name} has no font"
        for name, (postscript, version) in self.fonts.items():
            family = next((f for f in families if name.startswith(f.replace(" ", "-") + "-motcua")), None)
            assert family, f"{self.path.name}: {name} is none of {families}"
            assert name.removeprefix(family.replace(" ", "-") + "-motcua") in ("", "-Bold", "-Italic", "-Bold-Italic")
            shipped = postscript in SHIPPED or f"{postscript}-Regular" in SHIPPED
            assert postscript.startswith(family.replace(" ", "")) and shipped, (
                f"{self.path.name}: {name} embeds {postscript}, not a shipped font"
            )
            assert version.startswith(SHIPPED_VERSION), f"{self.path.name}: {name} embeds {postscript} {version}"

    def images(self) -> list[Image.Image]:
        """The raster images embedded in the PDF, as stored."""
        return [image.image for page in self.reader.pages for image in page.images]


def save_pictures(pdf: bytes, folder: Path, name: str, resolution: int, limit: int | None) -> list[Path]:
    """The pages as PNG pictures (pypdfium2): <name>.png for a one-page PDF, else <name>-1.png, <name>-2.png, ..."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document) if limit is None else min(limit, len(document))
        paths = []
        for index in range(count):
            path = folder / (f"{name}.png" if len(document) == 1 else f"{name}-{index + 1}.png")
            document[index].render(scale=resolution / 72).to_pil().save(path)
            paths.append(path)
        return paths
    finally:
        document.close()
