"""Checks across files: every id a file refers to exists, images exist, review dates are kept."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from vifte.diagnostics import Report, shorten
from vifte.images import RASTER
from vifte.loader import Document
from vifte.messages import did_you_mean
from vifte.model import Enterprise, Mentor, Offer, Settings

COLLECTIONS: dict[str, type[Offer] | type[Mentor] | type[Enterprise]] = {
    "offers": Offer,
    "mentors": Mentor,
    "enterprises": Enterprise,
}
DEFINITE = {"tilbud": "tilbuddet", "virksomhed": "virksomheden"}


def check_references(
    settings: Settings,
    loaded: dict[str, list[tuple[Any, Document]]],
    unreadable: dict[str, dict[str, Path]],
    folder: Path,
    report: Report,
    today: dt.date,
) -> None:
    """Check every id a file refers to; reads the raw data, so files with other errors are checked too.

    A file that could not be read is still known by its id: pointing at it is no error of its own.
    """
    known = {
        "area": ("område", "settings.yaml", [a.id for a in settings.areas], {}),
        "access": ("adgang", "settings.yaml", [a.id for a in settings.access], {}),
        "themes": ("tema", "settings.yaml", [t.id for t in settings.themes], {}),
        "target_groups": (
            "målgruppe",
            "settings.yaml",
            [t.id for t in settings.target_groups],
            {},
        ),
        "enterprises": (
            "virksomhed",
            "mappen catalogue/enterprises",
            [d.path.stem for _, d in loaded["enterprises"]],
            unreadable["enterprises"],
        ),
        "related": (
            "tilbud",
            "mappen catalogue/offers",
            [d.path.stem for _, d in loaded["offers"]],
            unreadable["offers"],
        ),
    }
    for name, items in loaded.items():
        cls = COLLECTIONS[name]
        for item, doc in items:
            data = doc.data
            if not isinstance(data, dict):
                continue
            for field, (noun, where, allowed, broken) in known.items():
                if field not in cls.model_fields or field not in data:
                    continue
                value = data[field]
                refs = (
                    [(value, (field,))]
                    if isinstance(value, str)
                    else (
                        [(v, (field, i)) for i, v in enumerate(value) if isinstance(v, str)]
                        if isinstance(value, list)
                        else []
                    )
                )
                for ref, loc in refs:
                    if ref in broken:
                        report.warning(
                            doc.path,
                            *doc.position(loc),
                            f'{DEFINITE[noun]} "{ref}" har selv fejl (se {report.display(broken[ref])}); ret dem først',
                        )
                    elif ref not in allowed:
                        hint = did_you_mean(ref, allowed)
                        listing = (
                            f"; kendte: {', '.join(allowed)}" if 0 < len(allowed) <= 12 else ""
                        )
                        report.error(
                            doc.path,
                            *doc.position(loc),
                            f'ukendt {noun} "{shorten(ref)}"{hint} ({noun} skal findes i {where}{listing})',
                        )
            if isinstance(item, Offer):
                _offer_warnings(item, doc, report, today)
            for image_field in ("image", "photo"):
                image = getattr(item, image_field, None)
                if image is not None:
                    problem = _image_problem(folder / "images", image.file)
                    if problem:
                        report.error(doc.path, *doc.position((image_field, "file")), problem)


def _image_problem(images: Path, name: str) -> str | None:
    """An image must be a file that really lies in catalogue/images, also after symlinks."""
    real = os.path.realpath(images / name)
    if not real.startswith(os.path.realpath(images) + os.sep):
        return (
            f"billedet '{name}' ligger uden for mappen catalogue/images; læg billedet i den mappe"
        )
    if not os.path.isfile(real):
        return f"billedet '{name}' findes ikke i mappen catalogue/images"
    if os.path.splitext(name)[1].lower() not in RASTER:
        return (
            f"billedet '{name}' bliver udgivet på sitet, og det må kun være "
            f"{', '.join(t.lstrip('.').upper() for t in RASTER)}; gem det i en af de filtyper"
        )
    return None


def _offer_warnings(offer: Offer, doc: Document, report: Report, today: dt.date) -> None:
    if offer.id in offer.related:
        report.warning(
            doc.path,
            *doc.position(("related", offer.related.index(offer.id))),
            "tilbuddet henviser til sig selv under 'related'",
        )
    if offer.review_by is not None and offer.review_by < today:
        report.warning(
            doc.path,
            *doc.position(("review_by",)),
            f"teksten skulle have været gennemgået senest {offer.review_by.isoformat()}; gennemgå den og sæt en ny dato i 'review_by'",
        )
