"""What keeps the big A4 catalogue's render fast and its workers small (decisions.md 71): the parts
it is cut into have a bounded weight, and the tagged render keeps pydyf's page list.

The merged catalogue itself (contents, numbers, links, bookmarks, structure tree) is read back from
the real PDF in test_pdf_split.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pydyf  # type: ignore[import-untyped]
import pytest

from vifte.output import catalogue_split
from vifte.output.catalogue_split import PART_WEIGHT, PARTS, plan, weight
from vifte.output.pdf import render_pdf
from vifte.source.validate import require_catalogue

from .conftest import REPO

PAGES = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Sider</title>
<style>@page {{ size: A6 }} section {{ break-before: page }}</style></head><body>
{}</body></html>"""


def _sections(copies: int) -> list:
    """The example's areas, each with its offers repeated `copies` times (a big catalogue)."""
    catalogue, _ = require_catalogue(REPO)
    sections = [(a, catalogue.offers_with("area", a.id)) for a in catalogue.settings.areas]
    return [(a, offers * copies) for a, offers in sections if offers]


def test_a_big_catalogue_is_cut_into_more_parts_none_much_heavier_than_part_weight():
    sections = _sections(40)  # about 1,760 offers
    in_order = [o for _, offers in sections for o in offers]
    total = sum(weight(o) for o in in_order)
    assert total > 4 * PART_WEIGHT
    groups = plan(sections)
    assert len(groups) % PARTS == 0 and len(groups) >= total / PART_WEIGHT
    sizes = [sum(weight(o) for _, offers, _ in g for o in offers) for g in groups]
    part = total / len(groups)
    assert part <= PART_WEIGHT
    # Each part within NEAR of its share at either end: a worker's memory does not grow with
    # the catalogue.
    assert max(sizes) <= part * (1 + 2 * catalogue_split.NEAR) + max(weight(o) for o in in_order)
    assert [o for g in groups for _, offers, _ in g for o in offers] == in_order
    # A part inside one area continues it at both ends; only a part's first area can continue.
    for g in groups:
        assert all(not continued for _, _, continued in g[1:])


def test_a_catalogue_under_part_weight_is_cut_in_parts_parts():
    sections = _sections(1)
    assert len(plan(sections)) == PARTS


def test_the_tagged_render_keeps_the_page_list_and_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    html = PAGES.format(
        "".join(f"<section><h1>Side {i}</h1><p>Tekst.</p></section>" for i in range(5))
    )
    kept = render_pdf(html, tmp_path)
    pdf = pydyf.PDF()
    pdf.add_page(pydyf.Dictionary())
    first = pdf.page_references
    assert pdf.page_references is first  # not remade on every read
    pdf.add_page(pydyf.Dictionary())
    assert len(pdf.page_references) == 2  # remade once a page is added
    made = pydyf.PDF.page_references.fget.made
    assert pdf.page_references == made(pdf)
    monkeypatch.setattr(pydyf.PDF, "page_references", property(made))
    assert render_pdf(html, tmp_path).data == kept.data
    with pikepdf.open(io.BytesIO(kept.data)) as read:
        assert len(read.pages) == kept.pages == 5
        assert "/StructTreeRoot" in read.Root
