"""Images uploaded in the editor: into catalogue/images, checked like files written by hand.

The name must be a plain file name with a picture's ending (the types an item's image may have,
domain/images.py); the content must decode in full as the type its name says (source/raster.py,
the same check `vifte check` runs). An SVG is refused as an item's image is. The file is
written under a hidden name beside the folder first and renamed only when it passed, so a refused upload leaves
nothing behind; an existing picture with other content is never overwritten.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import secrets
from pathlib import Path

from vifte.domain.images import RASTER
from vifte.source import raster

MAX_BYTES = 10_000_000
"""The largest picture the editor takes: a photo for a web page is far smaller."""
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$")


class MediaRefused(Exception):
    """An upload that is not saved; the message says why in Danish."""


def check_name(name: str) -> None:
    if len(name) > 200 or not NAME.match(name):
        raise MediaRefused(
            f"filnavnet '{name[:80]}' kan ikke bruges; brug kun bogstaverne a-z, tal, "
            "bindestreg og punktum, fx 'cafe-i-byen.jpg'"
        )
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in RASTER:
        types = ", ".join(t.lstrip(".").upper() for t in RASTER)
        raise MediaRefused(
            f"billedet '{name[:80]}' bliver udgivet på sitet, og det må kun være {types}; "
            "gem det i en af de filtyper"
        )


def decode(content: object, encoding: object) -> bytes:
    if encoding != "base64" or not isinstance(content, str):
        raise MediaRefused("billedet blev ikke sendt som forventet; prøv at uploade det igen")
    if len(content) > MAX_BYTES * 4 // 3 + 4:
        raise MediaRefused(_too_big())
    try:
        data = base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise MediaRefused("billedet blev ikke sendt helt; prøv at uploade det igen") from None
    if len(data) > MAX_BYTES:
        raise MediaRefused(_too_big())
    return data


def save(file: Path, data: bytes) -> None:
    """Write a checked picture at `file` (directly in catalogue/images), or MediaRefused."""
    check_name(file.name)
    if file.exists():
        if file.is_file() and file.read_bytes() == data:
            return  # the same picture sent again (Decap sends an entry's pictures with it)
        raise MediaRefused(
            f"der ligger allerede et billede, der hedder '{file.name}'; giv filen et andet navn"
        )
    # Beside the images folder, which is made only for a picture that passed.
    temporary = file.parent.parent / f".vifte-upload-{secrets.token_hex(8)}{file.suffix.lower()}"
    try:
        with open(temporary, "xb") as out:
            out.write(data)
        broken = raster.problem(temporary)
        if broken:
            raise MediaRefused(f"billedet '{file.name}' kan ikke vises: {broken}")
        file.parent.mkdir(exist_ok=True)
        os.link(temporary, file)  # fails rather than replace a file made meanwhile
    except FileExistsError:
        raise MediaRefused(
            f"der ligger allerede et billede, der hedder '{file.name}'; giv filen et andet navn"
        ) from None
    finally:
        temporary.unlink(missing_ok=True)


def described(file: Path, relative: str) -> dict[str, object]:
    """A picture as Decap's media library reads it."""
    data = file.read_bytes()
    return {
        "id": hashlib.sha256(data).hexdigest(),
        "content": base64.b64encode(data).decode("ascii"),
        "encoding": "base64",
        "path": relative,
        "name": file.name,
    }


def _too_big() -> str:
    return (
        f"billedet er for stort; højst {MAX_BYTES // 1_000_000} MB (gem det i en mindre størrelse)"
    )
