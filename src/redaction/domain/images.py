"""What an image file really is, judged by its bytes, never by its name.

``inspect_image`` recognises PNG, JPEG, GIF and WebP by their magic bytes, reads the width and
height from the headers, and walks the file's structure far enough to notice a truncated or
damaged file. Everything it refuses raises :class:`ImageError` whose message is one sentence
naming the file ("photo.png is 14.2 MB; the limit is 10 MB"). Pure Python, no decoding.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

MB = 1024 * 1024
GB = 1024 * MB
MAX_IMAGE_BYTES = 10 * MB
MAX_SIDE = 20_000
MAX_PIXELS = 50_000_000  # Qt refuses to allocate much more (256 MB by default)

EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
KINDS = "PNG, JPEG, GIF or WebP"


class ImageError(ValueError):
    """An image that will not be stored; ``str(error)`` is one sentence for a person."""


@dataclass(frozen=True, slots=True)
class ImageInfo:
    mime: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.mime]


def format_size(size: int) -> str:
    """1.3 GB, 14.2 MB, 10 MB, 850 KB, 12 bytes."""
    if size >= GB:
        text = f"{size / GB:.1f}"
        return f"{text.removesuffix('.0')} GB"
    if size >= MB:
        text = f"{size / MB:.1f}"
        return f"{text.removesuffix('.0')} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def check_size(name: str, size: int, limit: int = MAX_IMAGE_BYTES) -> None:
    """Refuse before reading: cheap enough to call on a file's ``stat()``."""
    if size > limit:
        raise ImageError(f"{name} is {format_size(size)}; the limit is {format_size(limit)}")
    if size == 0:
        raise ImageError(f"{name} is empty")


def sniff(data: bytes) -> str | None:
    """The MIME type that the first bytes announce, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


class _Broken(Exception):
    """Raised by the readers; turned into an ImageError naming the file."""


def _png(data: bytes) -> tuple[int, int]:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise _Broken("its PNG header is incomplete")
    if zlib.crc32(data[12:29]) != struct.unpack(">I", data[29:33])[0]:
        raise _Broken("its PNG header is corrupt")
    width, height = struct.unpack(">II", data[16:24])
    pos, seen_data = 8, False
    while pos + 8 <= len(data):  # walk the chunks to the end marker
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        pos += 12 + length
        if pos > len(data):
            break
        seen_data = seen_data or kind == b"IDAT"
        if kind == b"IEND":
            if not seen_data:
                raise _Broken("it has no image data")
            return width, height
    raise _Broken("the file is truncated")


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> tuple[int, int]:
    pos, size = 2, None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise _Broken("its JPEG structure is corrupt")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            break
        if marker in _SOF:
            if length < 7:
                raise _Broken("its JPEG header is corrupt")
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            size = (width, height)
        if marker == 0xDA:  # start of scan: the compressed data follows, up to the end marker
            if size is None:
                raise _Broken("its JPEG header has no image size")
            if data.rfind(b"\xff\xd9", pos) < 0:
                break
            return size
        pos += 2 + length
    raise _Broken("the file is truncated")


def _gif_blocks(data: bytes, pos: int) -> int:
    """Skip a chain of data sub-blocks; return the position after its terminator."""
    while True:
        if pos >= len(data):
            raise _Broken("the file is truncated")
        count = data[pos]
        pos += 1 + count
        if count == 0:
            return pos


def _gif(data: bytes) -> tuple[int, int]:
    if len(data) < 13:
        raise _Broken("its GIF header is incomplete")
    width, height, flags = struct.unpack("<HHB", data[6:11])
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            if not frames:
                raise _Broken("it has no image data")
            return width, height
        if block == 0x21:  # extension: label, then sub-blocks
            pos = _gif_blocks(data, pos + 2)
        elif block == 0x2C:  # image descriptor, optional local palette, LZW size, sub-blocks
            if pos + 10 > len(data):
                break
            local = data[pos + 9]
            pos += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            pos = _gif_blocks(data, pos + 1)
            frames += 1
        else:
            raise _Broken("its GIF structure is corrupt")
    raise _Broken("the file is truncated")


def _webp(data: bytes) -> tuple[int, int]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    if riff_size + 8 > len(data) or len(data) < 30:
        raise _Broken("the file is truncated")
    chunk = data[12:16]
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            raise _Broken("its WebP header is corrupt")
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        if data[20] != 0x2F:
            raise _Broken("its WebP header is corrupt")
        (bits,) = struct.unpack("<I", data[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    raise _Broken("its WebP header is corrupt")


_READERS = {"image/png": _png, "image/jpeg": _jpeg, "image/gif": _gif, "image/webp": _webp}


def inspect_image(data: bytes, name: str = "the image", limit: int = MAX_IMAGE_BYTES) -> ImageInfo:
    """Type and size of ``data``, or ImageError: too big, empty, not an image, damaged, huge."""
    check_size(name, len(data), limit)
    mime = sniff(data)
    if mime is None:
        raise ImageError(f"{name} is not a {KINDS} image (its content says otherwise)")
    kind = EXTENSIONS[mime].upper().replace("JPG", "JPEG").replace("WEBP", "WebP")
    try:
        width, height = _READERS[mime](data)
    except (_Broken, struct.error, IndexError) as exc:
        reason = str(exc) if isinstance(exc, _Broken) else "the file is truncated"
        raise ImageError(f"{name} is a damaged {kind} image: {reason}") from None
    if width == 0 or height == 0:
        raise ImageError(f"{name} is a damaged {kind} image: it has no width or height")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageError(
            f"{name} is {width} × {height} pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels "
            f"and {MAX_SIDE} pixels a side"
        )
    return ImageInfo(mime=mime, width=width, height=height)
