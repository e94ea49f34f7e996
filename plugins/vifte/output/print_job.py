"""One PDF to render: what brochures.py and strategy_print.py hand to the worker processes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vifte.output.catalogue_split import Split


@dataclass(frozen=True)
class Job:
    kind: str
    """What is printed: "catalogue", "offer", or a term list's name ("areas", "themes", ...)."""
    path: str
    html: str
    base_dir: Path
    roots: tuple[Path, ...]
    page_url: str | None = None
    term: str | None = None
    """The id of the area, theme, offer ... the PDF is about, if it is about one."""
    split: Split | None = None
    """How the catalogue is printed in parts, if it is (`html` then only keys the cache)."""
