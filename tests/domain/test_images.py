"""Images are judged by their bytes: type, dimensions, truncation, size and pixel limits."""

from __future__ import annotations

import struct
import zlib

import pytest

from redaction.domain.images import (
    MB,
    ImageError,
    ImageInfo,
    check_size,
    format_size,
    inspect_image,
    sniff,
)
from tests.image_samples import GIF, JPEG, PNG, WEBP_ALPHA_5X4, WEBP_LOSSLESS, WEBP_LOSSY


@pytest.mark.parametrize(
    ("data", "mime", "size"),
    [
        (PNG, "image/png", (3, 2)),
        (JPEG, "image/jpeg", (3, 2)),
        (GIF, "image/gif", (3, 2)),
        (WEBP_LOSSY, "image/webp", (3, 2)),
        (WEBP_LOSSLESS, "image/webp", (3, 2)),
        (WEBP_ALPHA_5X4, "image/webp", (5, 4)),
    ],
)
def test_real_images_are_recognised_with_their_dimensions(
    data: bytes, mime: str, size: tuple[int, int]
) -> None:
    assert inspect_image(data, "photo") == ImageInfo(mime, *size)
    assert sniff(data) == mime


@pytest.mark.parametrize("data", [PNG, JPEG, GIF, WEBP_LOSSY, WEBP_LOSSLESS, WEBP_ALPHA_5X4])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_images_are_refused_as_damaged(data: bytes, keep: float) -> None:
    with pytest.raises(ImageError, match=r"^photo\.x is a damaged (PNG|JPEG|GIF|WebP) image: "):
        inspect_image(data[: int(len(data) * keep)], "photo.x")


def test_a_png_named_file_holding_text_is_refused_by_content() -> None:
    with pytest.raises(ImageError) as caught:
        inspect_image(b"Hello, I am really a text file\n", "image.png")
    assert str(caught.value) == "image.png is not a PNG, JPEG, GIF or WebP image (its content says otherwise)"


def test_corrupt_png_header_is_named() -> None:
    broken = PNG[:20] + b"\xff" + PNG[21:]  # width changed, header checksum now wrong
    with pytest.raises(ImageError, match=r"image\.png is a damaged PNG image: its PNG header is corrupt"):
        inspect_image(broken, "image.png")


def test_size_limit_message_names_file_size_and_limit() -> None:
    with pytest.raises(ImageError) as caught:
        check_size("image.png", int(14.2 * MB))
    assert str(caught.value) == "image.png is 14.2 MB; the limit is 10 MB"
    with pytest.raises(ImageError, match="is 4 KB; the limit is 1 KB"):
        inspect_image(PNG + b"\0" * 4000, "big.png", limit=1024)
    with pytest.raises(ImageError, match=r"empty\.png is empty"):
        inspect_image(b"", "empty.png")


def _png(width: int, height: int) -> bytes:
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", 13) + ihdr + struct.pack(">I", zlib.crc32(ihdr))
    idat = b"IDAT" + zlib.compress(b"")
    end = b"IEND"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk
        + struct.pack(">I", len(idat) - 4)
        + idat
        + struct.pack(">I", zlib.crc32(idat))
        + struct.pack(">I", 0)
        + end
        + struct.pack(">I", zlib.crc32(end))
    )


def test_pixel_bombs_are_refused_before_anything_decodes_them() -> None:
    assert inspect_image(_png(4000, 3000), "ok.png").width == 4000
    with pytest.raises(ImageError, match=r"bomb.png is 30000 × 30000 pixels; the limit is 50 megapixels"):
        inspect_image(_png(30000, 30000), "bomb.png")
    with pytest.raises(ImageError, match="has no width or height"):
        inspect_image(_png(0, 10), "flat.png")


def test_format_size() -> None:
    assert format_size(10 * MB) == "10 MB"
    assert format_size(int(14.24 * MB)) == "14.2 MB"
    assert format_size(850 * 1024) == "850 KB"
    assert format_size(12) == "12 bytes"
    assert format_size(1_333_288_960) == "1.2 GB"  # the bench database, for a backup's room
