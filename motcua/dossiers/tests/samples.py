"""Files for tests, built in code: good ones that pass `files.read_checked` (a PDF, a PNG, a JPEG, of any size), and
the malicious ones it must refuse (a PDF with JavaScript or a launch action, a PNG bomb)."""

import io
import random
import struct
import zlib

PAGE = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"


def pdf(*extra: bytes, catalog: bytes = b"", padding: int = 0, seed: int = 0) -> bytes:
    """A well-formed one-page PDF (cross-reference table and all): `extra` objects numbered from 4 on, `catalog`
    entries added to the catalogue, `padding` random bytes in a stream that nothing draws (to make a file of a
    given size)."""
    objects = [b"<</Type/Catalog/Pages 2 0 R" + catalog + b">>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>", PAGE, *extra]
    if padding:
        data = random.Random(seed).randbytes(padding)
        objects.append(b"<</Length %d>>stream\n" % len(data) + data + b"\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)


PDF = pdf()
# Opening it runs app.alert: the catalogue's /OpenAction is a JavaScript action.
PDF_OPEN_ACTION_JS = pdf(b"<</Type/Action/S/JavaScript/JS(app.alert\\('motcua'\\))>>", catalog=b"/OpenAction 4 0 R")
# Opening it starts a program on the reader's machine.
PDF_LAUNCH = pdf(b"<</Type/Action/S/Launch/F(cmd.exe)/Win<</F(cmd.exe)/P(/c calc)>>>>", catalog=b"/OpenAction 4 0 R")
# JavaScript in the document's name tree, its names written with #-escapes ("/J#61vaScript" is "/JavaScript").
PDF_NAMES_JS = pdf(
    b"<</J#61vaScript<</Names[(a)5 0 R]>>>>", b"<</S/J#61vaScript/J#53(app.alert\\(1\\))>>", catalog=b"/Names 4 0 R"
)
# The document's additional actions (/AA: on closing, saving, printing) run JavaScript.
PDF_AA_JS = pdf(catalog=b"/AA<</WC<</S/JavaScript/JS(app.alert\\(2\\))>>>>")
# A file inside the file.
PDF_EMBEDDED = pdf(
    b"<</EmbeddedFiles<</Names[(x.exe)5 0 R]>>>>",
    b"<</Type/Filespec/F(x.exe)/EF<</F 6 0 R>>>>",
    b"<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream",
    catalog=b"/Names 4 0 R",
)
PDF_BROKEN = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(width: int, height: int, idat: bytes = b"", extra: bytes = b"") -> bytes:
    """A PNG of 8-bit greyscale pixels that declares `width` × `height`, with `idat` as its compressed pixels."""
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + extra
        + _chunk(b"IDAT", idat or zlib.compress(b"\0"))
        + _chunk(b"IEND", b"")
    )


def png(width: int = 8, height: int = 8, seed: int | None = None) -> bytes:
    """A real PNG (RGB): white, or noise from `seed` (noise does not compress: about 3 bytes a pixel)."""
    pixels = random.Random(seed).randbytes(3 * width * height) if seed is not None else b"\xff" * (3 * width * height)
    rows = b"".join(b"\0" + pixels[y * 3 * width : (y + 1) * 3 * width] for y in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def jpeg(width: int = 8, height: int = 8) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "JPEG")
    return buffer.getvalue()


PNG = png()
# A few bytes that announce 50,000 × 50,000 pixels: 2.5 billion pixels for whoever decodes it.
PNG_50K = png_header(50_000, 50_000)


def png_bomb() -> bytes:
    """A real, complete PNG of 10,050 × 10,050 black pixels: about 100 KB that inflate to 101 MB."""
    squeeze, row = zlib.compressobj(9), b"\0" * 10_051
    return png_header(10_050, 10_050, b"".join(squeeze.compress(row) for _ in range(10_050)) + squeeze.flush())


def png_text_bomb() -> bytes:
    """A 1 × 1 PNG whose compressed text chunk inflates to 50 MB."""
    return png_header(1, 1, extra=_chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"A" * 50_000_000, 9)))


PNG_NOT_AN_IMAGE = b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>"
