"""One A4 PDF per strategy document: cover, contents, body, goals table and status chart.

brochures.py asks `strategy_jobs` for these jobs beside its own, so they are rendered by the
same worker processes and end up beside the other PDFs; a document's page links its PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from vifte.domain.catalogue import Catalogue
from vifte.domain.routes import page_url
from vifte.domain.strategy import StrategyDocument
from vifte.output.print_job import Job

KIND = "strategi"
"""The jobs' kind, as `vifte pdf` and the cache name them."""
FOLDER = "strategi"
"""Under the site's pdf/ folder."""


def strategy_path(pdf_folder: str, doc: StrategyDocument) -> str:
    """E.g. `pdf/strategi/beskaeftigelsesplan-2026.pdf`."""
    return f"{pdf_folder}/{FOLDER}/{doc.id}.pdf"


def strategy_jobs(
    catalogue: Catalogue,
    env: jinja2.Environment,
    context: dict[str, Any],
    images: Path,
    roots: tuple[Path, ...],
    pdf_folder: str,
) -> Iterator[Job]:
    """A print job per strategy document, archived ones too (their pages stay reachable)."""
    template = env.get_template("print/strategy.html")
    for doc in catalogue.items.get("strategy", ()):
        html = template.render(d=doc, **{**context, "paper": "A4"})
        url = page_url(catalogue.table, doc)
        yield Job(KIND, strategy_path(pdf_folder, doc), html, images, roots, url, doc.id)
