"""What keeps the merge of the catalogue's parts small (decisions.md 76): the merged PDF packs its
structure elements as the parts do, and the merge runs in a process of its own.

The merged catalogue itself (contents, numbers, links, bookmarks, structure tree) is read back from
the real PDF in test_pdf_split.py.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pikepdf
import pytest

from vifte.domain import words
from vifte.output.pdf import render_pdf
from vifte.output.pdf_merge import merge
from vifte.output.pdf_numbers import stamp
from vifte.output.workers import apart

PART = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Del {n}</title>
<style>@page {{ size: A5 }}</style></head><body>
{body}</body></html>"""


def _part(n: int, tmp_path: Path) -> bytes:
    """A tagged part of many short elements (as the catalogue's offers: facts, lists, links)."""
    body = "".join(
        f'<section id="del-{n}-{i}"><h2>Tilbud {n}.{i}</h2><ul>'
        + "".join(
            f"<li>Punkt {j} om <a href='https://example.dk/{i}/{j}'>tilbuddet</a></li>"
            for j in range(8)
        )
        + "</ul><p>Kort tekst.</p></section>"
        for i in range(40)
    )
    return render_pdf(PART.format(n=n, body=body), tmp_path).data


def test_the_merged_parts_are_about_as_small_as_the_parts_together(tmp_path):
    parts = [_part(n, tmp_path) for n in range(3)]
    merged = merge(parts, stamp)
    with pikepdf.open(io.BytesIO(merged)) as pdf:
        pages = len(pdf.pages)
        elements = pdf.Root.StructTreeRoot.K
        document = elements[0] if isinstance(elements, pikepdf.Array) else elements
        sections = [k for k in document.K if k.get("/S") == "/Sect"]
    counts = []
    for part in parts:
        with pikepdf.open(io.BytesIO(part)) as pdf:
            counts.append(len(pdf.pages))
    assert pages == sum(counts)
    assert len(sections) == 3 * 40
    # Each part's structure elements packed in compressed object streams, as WeasyPrint packs
    # them; written one by one they tripled the 1,000-offer catalogue (21 MB from 7 MB of parts).
    assert len(merged) < 1.15 * sum(len(p) for p in parts)


def _whoami(tag: str) -> tuple[int, str, str]:
    return os.getpid(), words.active(), tag


def _fails() -> None:
    raise ValueError("billedet x.png kunne ikke hentes")


def test_apart_runs_the_work_in_another_process_in_the_callers_language():
    with words.speaking("en"):
        pid, language, tag = apart(_whoami, "katalog")
    assert pid != os.getpid()
    assert (language, tag) == ("en", "katalog")
    with pytest.raises(ValueError, match="billedet x.png kunne ikke hentes"):
        apart(_fails)
