"""HTML to tagged PDF with WeasyPrint: only the project's own files, and every complaint an error.

WeasyPrint logs a missing image or a missing alt text and still writes a PDF; here any warning or
error it logs during a render fails that render with a Danish message. Fonts come from the system
(Debian's fonts-dejavu-core) through fontconfig and are embedded as subsets; the metadata dates
come from the HTML (`dcterms.created`/`dcterms.modified`), so equal HTML gives equal bytes.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

VARIANT = "pdf/ua-1"
"""Tagged PDF with the document's language and title: readable by screen readers."""


class PdfError(ValueError):
    """A PDF that would be wrong (missing image, missing alt text, a file from outside)."""


@dataclass(frozen=True)
class Pdf:
    data: bytes
    pages: int

    @property
    def kb(self) -> int:
        """Size in whole kB, at least 1 (as the download link states it)."""
        return max(1, round(len(self.data) / 1000))


@cache
def _fetcher_class() -> Any:
    """The fetcher type, made on first use: WeasyPrint is imported only when a PDF is rendered
    (importing it took 1.8 s of a build without PDFs; the PDF workers' fork server preloads it)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """Serves `file:` URLs inside the given folders and nothing else (no network, no other file)."""

        def __init__(self, roots: Sequence[Path]):
            super().__init__(allowed_protocols={"file"})
            self.roots = [root.resolve() for root in roots]

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ValueError(f"{url} ligger ikke i projektet")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
                raise ValueError(f"{url} ligger ikke i projektet")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})

    return LocalFetcher


@cache
def _page_references_kept() -> None:
    """Make pydyf keep its list of page references instead of remaking it on every read.

    pydyf 0.13's `PDF.page_references` builds a tuple of every page's reference each time it is
    read, and WeasyPrint's tagging (PDF/UA) reads it once per tagged element: time that grows with
    pages × elements, a tenth of a 500-page render (decisions.md 71). Kept per PDF and remade
    when a page is added (pages are only ever added), so the bytes written are the same.
    """
    import pydyf  # type: ignore[import-untyped]

    made = pydyf.PDF.page_references.fget

    def page_references(pdf: Any) -> tuple[bytes, ...]:
        kept = pdf.__dict__.get("_vifte_page_references")
        count = len(pdf.pages["Kids"])
        if kept is None or kept[0] != count:
            kept = pdf.__dict__["_vifte_page_references"] = (count, made(pdf))
        return kept[1]

    page_references.made = made  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_danish(record.getMessage()))


_RULES = [
    (
        re.compile(r"Failed to load image at '?([^'\s]*?)'?:? .*", re.S),
        "billedet {0} kunne ikke hentes",
    ),
    (
        re.compile(r'Image "([^"]*)" has no required alt description', re.S),
        "billedet {0} mangler en alt-tekst",
    ),
    (
        re.compile(r"Failed to load stylesheet at '?([^'\s]*?)'?:? .*", re.S),
        "stilarket {0} kunne ikke hentes",
    ),
]


def _danish(message: str) -> str:
    for pattern, text in _RULES:
        if match := pattern.match(message):
            return text.format(unquote(match.group(1)).removeprefix("file://"))
    return f"WeasyPrint: {message}"


LINK_SCHEMES = ("https", "http", "mailto", "tel")
"""What a link in a PDF may lead to; a relative link resolves to a file: URL on the build machine."""


def _link_problems(pages: Sequence[Any]) -> list[str]:
    """A Danish line for each link of the document that leads anywhere but the web, mail or phone."""
    problems = []
    for page in pages:
        for kind, target, *_ in page.links:
            if kind == "internal":
                continue
            scheme = urlsplit(target).scheme.lower()
            if kind != "external" or scheme not in LINK_SCHEMES:
                shown = unquote(target).removeprefix("file://")
                problems.append(f"linket {shown} peger ikke på en adresse på nettet")
    return problems


def render_pdf(html: str, base_dir: Path, roots: Sequence[Path] = ()) -> Pdf:
    """The PDF of `html`; relative URLs are read from `base_dir`, files only from it and `roots`.

    Raises PdfError naming every problem WeasyPrint reported.
    """
    from weasyprint import HTML  # type: ignore[import-untyped]

    _page_references_kept()
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        fetcher = _fetcher_class()([base_dir, *roots])
        document = HTML(
            string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render(pdf_variant=VARIANT)
        data = document.write_pdf(pdf_variant=VARIANT)
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    collect.messages += _link_problems(document.pages)
    if collect.messages:
        raise PdfError("; ".join(dict.fromkeys(collect.messages)))
    assert data is not None
    return Pdf(data, len(document.pages))
