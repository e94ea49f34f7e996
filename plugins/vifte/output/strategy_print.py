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
from vifte.domain.routes import page_url, pdf_path
from vifte.output.print_job import Job

KIND = "strategi"
"""The jobs' kind, as `vifte pdf` and the cache name them."""


def strategy_jobs(
    catalogue: Catalogue,
    env: jinja2.Environment,
    context: dict[str, Any],
    images: Path,
    roots: tuple[Path, ...],
) -> Iterator[Job]:
    """A print job per strategy document, archived ones too (their pages stay reachable)."""
    template = env.get_template("print/strategy.html")
    documents = catalogue.table.collections["strategy"]
    for doc in catalogue.items.get("strategy", ()):
        html = template.render(d=doc, **{**context, "paper": "A4"})
        url = page_url(catalogue.table, doc)
        yield Job(KIND, pdf_path(documents, doc.id), html, images, roots, url, doc.id)
