"""Catalogue images (offers' `image`, mentors' `photo`): where they go in the site, and their size.

Sizes are read from the file headers (PNG, GIF, JPEG, WebP), so a page can reserve the space
before the image arrives; any other or unreadable file simply gets no size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from vifte.domain.catalogue import Catalogue
from vifte.domain.model import Image

SITE_FOLDER = "billeder"
"""The site folder catalogue images are copied to."""

RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
"""The image types an offer or mentor may name: pictures, never SVG (it can hold scripts)."""


def site_path(image: Image) -> str:
    """The file's path in the site, relative to the site root."""
    return f"{SITE_FOLDER}/{image.file}"


def site_url(image: Image) -> str:
    """The image's URL relative to the site root (as the export's `url`s are), "#" and all escaped."""
    return quote(site_path(image))


@dataclass(frozen=True)
class Picture:
    """An image as a page shows it: site path, alt text and, when known, its size in pixels."""

    url: str
    alt: str
    width: int | None
    height: int | None


class Pictures:
    """Looks up catalogue images in one folder (catalogue/images), reading each size once."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._sizes: dict[str, tuple[int, int] | None] = {}

    def __call__(self, image: Image) -> Picture:
        if image.file not in self._sizes:
            self._sizes[image.file] = image_size(self.folder / image.file)
        width, height = self._sizes[image.file] or (None, None)
        return Picture(site_url(image), image.alt, width, height)

    def source(self, image: Image) -> Path:
        return self.folder / image.file


def images_of(catalogue: Catalogue) -> list[Image]:
    """Every image the catalogue shows, each file once, in a stable order."""
    found: dict[str, Image] = {}
    for item in (*catalogue.offers, *catalogue.mentors):
        for image in (getattr(item, "image", None), getattr(item, "photo", None)):
            if image is not None:
                found.setdefault(image.file, image)
    return [found[name] for name in sorted(found)]


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from a PNG, GIF, JPEG or WebP header; None for anything else."""
    try:
        with open(path, "rb") as fd:
            head = fd.read(64)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return _positive(*struct.unpack(">II", head[16:24]))
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return _positive(*struct.unpack("<HH", head[6:10]))
            if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
                return _webp(head)
            if head[:2] == b"\xff\xd8":
                fd.seek(2)
                return _jpeg(fd)
    except (OSError, struct.error):
        pass
    return None


def _positive(width: int, height: int) -> tuple[int, int] | None:
    return (width, height) if width > 0 and height > 0 else None


def _webp(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return _positive(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return _positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return _positive(width, height)
    return None


# Start-of-frame markers carry the size; C4 (huffman tables), C8 and CC are not frames.
_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg(fd) -> tuple[int, int] | None:
    """Walk the segments after SOI to the first start-of-frame; at most 1,000 of them."""
    for _ in range(1000):
        marker = fd.read(2)
        while marker[:1] == b"\xff" and marker[1:] == b"\xff":  # fill bytes
            marker = marker[1:] + fd.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        if 0xD0 <= marker[1] <= 0xD9 or marker[1] == 0x01:  # markers without a length
            continue
        (length,) = struct.unpack(">H", fd.read(2))
        if marker[1] in _FRAMES:
            height, width = struct.unpack(">xHH", fd.read(5))
            return _positive(width, height)
        fd.seek(length - 2, 1)
    return None
