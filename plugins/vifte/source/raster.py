"""Pictures the site publishes and the PDFs print, decoded in full when checking.

A header can look right while the rest is missing: a truncated PNG has its size, yet shows
half a picture on the site and breaks the PDF. So each picture is decoded as a browser would,
and its type must be the one its name says. Each file is decoded once per content (size and
modification time), so `vifte serve` does not decode unchanged pictures again.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

_SEEN: dict[tuple[str, int, int], str | None] = {}
SAME = {"MPO": "JPEG"}
"""Formats Pillow names apart that are the type of the name (a phone's multi-picture JPEG)."""
NAMES = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP", "AVIF": "AVIF", "ICO": "ICO"}


def problem(path: Path) -> str | None:
    """Why the picture cannot be shown (in Danish, after "billedet kan ikke vises: "), or None."""
    try:
        st = os.stat(path)
    except OSError:
        return None  # a missing file is reported where it is named
    key = (os.fspath(path), st.st_mtime_ns, st.st_size)
    if key not in _SEEN:
        _SEEN[key] = _decode(path)
    return _SEEN[key]


def _decode(path: Path) -> str | None:
    expected = Image.registered_extensions().get(path.suffix.lower())
    if expected is None:
        return None  # a type this Pillow cannot read is left to the browser
    # WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process when it is imported (a
    # PDF rendered in the same process before, e.g. under `vifte serve`): a truncated picture
    # would then load without an error, so the check says what it needs for its own load.
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                found = picture.format
                frames = getattr(picture, "n_frames", 1)
                if found == "JPEG" and frames == 1:
                    # Every byte is still decoded, but at 1/8 scale: 3-8 times faster for a photo.
                    picture.draft(picture.mode, (1, 1))
                for frame in range(frames):
                    picture.seek(frame)
                    picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "billedet har for mange pixels til at blive vist; gem det i en mindre størrelse"
    except PermissionError as exc:
        return f"filen kan ikke læses ({exc.strerror})"
    except UnidentifiedImageError:
        return f"filen er ikke et {NAMES.get(expected, expected)}-billede; gem billedet igen"
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        what = "afkortet (ufuldstændig)" if "truncated" in str(exc) else "ødelagt"
        return f"billedet er {what} og kan ikke vises helt; gem eller eksportér det igen"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    found = SAME.get(found or "", found)
    if found != expected:
        return (
            f"filen er et {NAMES.get(found or '', found)}-billede, men navnet siger "
            f"{NAMES.get(expected, expected)}; giv den den rigtige endelse"
        )
    return None
