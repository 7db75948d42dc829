"""PNG files built in code, of any size, that pass `files.read_checked` (the tests of storage, serving and backup)."""

import random
import struct
import zlib


def png(width: int = 2, height: int = 2, seed: int = 0) -> bytes:
    """A well-formed RGB PNG; pixels random (so it does not compress: about 3 × width × height bytes)."""
    noise = random.Random(seed)
    rows = b"".join(b"\x00" + noise.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b"")
