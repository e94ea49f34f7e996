"""One build, as the command line asks for it: the one value the core and the site adapter read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vifte.domain.edition import PUBLIC, Edition
from vifte.source.project import Project


@dataclass(frozen=True)
class Request:
    """What to build: which project, which edition, with or without PDFs, on which day.

    `today` None leaves the day to the clock (source/clock.py), read once when the catalogue loads.
    `language` is the interface language of the pages and PDFs.
    """

    project: Project
    edition: Edition = PUBLIC
    pdf: bool = True
    today: dt.date | None = None
    strict: bool = False
    language: str = "da"
    pages: frozenset[str] | None = None
    """Only these pages (source paths), unchecked, and nothing else: `vifte serve`'s quick step."""
