"""Reading the links of a real PDF: every annotation's target, and the text a reader sees."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf


def link_targets(pdf: Path) -> Iterator[str]:
    """The URI of every link annotation on every page (`for a in page.Annots: a.A.URI`)."""
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get("/A")
                if action is not None and "/URI" in action:
                    yield str(action.URI)


def paper_text(pdf: Path) -> str:
    """The words of the PDF with no spaces or line breaks, hyphens kept as printed (-raw does
    not join a word broken at a hyphen, so an address hyphenated by the layout is caught)."""
    done = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s", "", done.stdout)


def bad_links(pdf: Path, site: str, written: set[str]) -> list[str]:
    """The links of `pdf` that do not lead to the site (https), mail, a phone or an address the
    text wrote, or whose address a reader of the paper cannot see."""
    text = paper_text(pdf)
    bad = []
    for uri in link_targets(pdf):
        on_site = uri.startswith(site) and site.startswith("https://")
        if not (uri.startswith(("mailto:", "tel:")) or on_site or uri in written):
            bad.append(f"{pdf.name}: {uri}")
        elif not _visible(re.sub(r"^(mailto|tel):", "", uri).replace(" ", ""), text):
            bad.append(f"{pdf.name}: {uri} står ikke på papiret")
    return bad


def _visible(address: str, text: str) -> bool:
    """Whether the paper shows the address, as written or without "https://" and a last "/"."""
    return address in text or re.sub(r"^https?://", "", address).rstrip("/") in text
