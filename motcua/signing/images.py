"""Stand-in images for the demo and the tests: a blue handwritten-like signature and a red round seal, both PNG
with a transparent background as Decree 30/2020 wants (Annex I, boxes 7c and 8). Real ones are uploaded per
official and per agency."""

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parent.parent / "static" / "motcua" / "fonts"
FONT, CAPTION_FONT = FONTS / "LiberationSans-Bold.ttf", FONTS / "LiberationSerif-Regular.ttf"
BLUE, RED = (20, 40, 160, 255), (200, 20, 30, 255)


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def signature(seed: int = 7) -> bytes:
    """A flourish in blue: a few loops and a stroke under them, 480 × 180 px."""
    image = Image.new("RGBA", (480, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for i in range(400):
        t = i / 399
        x = 40 + 380 * t
        y = 90 + 45 * math.sin(t * (9 + seed % 3) * math.pi) * (1 - 0.6 * t) + 12 * math.cos(t * 31)
        points.append((x, y))
    draw.line(points, fill=BLUE, width=6, joint="curve")
    draw.line([(60, 150), (420, 132)], fill=BLUE, width=5)
    return png(image)


def seal(text: str = "THỬ NGHIỆM") -> bytes:
    """A round red seal, 400 px across: two rings, a star, the word in the middle."""
    size = 400
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), outline=RED, width=14)
    draw.ellipse((48, 48, size - 48, size - 48), outline=RED, width=6)
    star = [
        (size / 2 + r * math.sin(k * math.pi / 5), 130 - r * math.cos(k * math.pi / 5))
        for k, r in zip(range(10), [40, 16] * 5, strict=True)
    ]
    draw.polygon(star, fill=RED)
    font = ImageFont.truetype(str(FONT), 34)
    width = draw.textlength(text, font=font)
    draw.text(((size - width) / 2, 215), text, fill=RED, font=font)
    return png(image)


def captioned(image: bytes | None, caption: str, width: int = 480) -> bytes:
    """`image` (or nothing) with `caption`'s lines under it, small and black, on a transparent background."""
    font = ImageFont.truetype(str(CAPTION_FONT), 26)
    lines = caption.splitlines()
    picture = Image.open(io.BytesIO(image)).convert("RGBA") if image else Image.new("RGBA", (width, 1), (0, 0, 0, 0))
    width = max(picture.width, *(int(ImageDraw.Draw(picture).textlength(line, font=font)) + 8 for line in lines))
    canvas = Image.new("RGBA", (width, picture.height + 32 * len(lines) + 6), (0, 0, 0, 0))
    canvas.paste(picture, ((width - picture.width) // 2, 0), picture)
    draw = ImageDraw.Draw(canvas)
    for n, line in enumerate(lines):
        draw.text((4, picture.height + 2 + 32 * n), line, fill=(0, 0, 0, 255), font=font)
    return png(canvas)


MAX_SIDE = 2000


def uploaded(content: bytes) -> bytes:
    """An official's signature image or an agency's seal image as uploaded: a PNG or JPEG no larger than 2000 px a
    side, re-encoded as an RGBA PNG (nothing of the file but its pixels is kept); ValueError in Vietnamese."""
    try:
        picture = Image.open(io.BytesIO(content))
        if picture.format not in ("PNG", "JPEG"):
            raise ValueError(picture.format)
        if max(picture.size) > MAX_SIDE:
            raise ValueError("Ảnh chữ ký, con dấu quá lớn: tối đa 2000 điểm ảnh mỗi chiều.")
        picture.load()
    except ValueError as error:
        if str(error).startswith("Ảnh"):
            raise
        raise ValueError("Ảnh chữ ký, con dấu phải là tệp PNG (nền trong suốt) hoặc JPEG.") from error
    except (OSError, Image.DecompressionBombError) as error:
        raise ValueError("Không đọc được ảnh chữ ký, con dấu: tệp hỏng hoặc không phải ảnh.") from error
    return png(picture.convert("RGBA"))
