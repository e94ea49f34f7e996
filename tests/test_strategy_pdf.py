"""A PDF per strategy document: its goals and status in the text, drafts stamped, tagged, linked."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from vifte.source.validate import require_catalogue

from .conftest import REPO
from .pdf_sites import example_pdfs


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with every PDF (shared with test_pdf and test_print_products)."""
    return example_pdfs(tmp_path_factory)["site"]


def text_of(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def letters(text: str) -> str:
    return re.sub(r"\W", "", text).casefold()


def test_each_document_pdf_holds_its_goals_and_their_status(site):
    catalogue, _ = require_catalogue(REPO)
    assert catalogue.strategy
    for doc in catalogue.strategy:
        pdf = site / f"pdf/strategi/{doc.id}.pdf"
        text = text_of(pdf)
        flat = letters(text)
        assert letters(doc.title) in flat
        assert "Indhold" in text  # the contents page
        for goal in doc.goals:
            assert letters(goal.title) in flat, (doc.id, goal.id)
            assert letters(goal.status_label) in flat
        assert ("Udkast" in text) == doc.draft, doc.id


def test_a_draft_is_stamped_on_every_page(site):
    pdf = site / "pdf/strategi/veteranstrategi.pdf"
    with pikepdf.open(pdf) as doc:
        pages = len(doc.pages)
    for n in range(2, pages + 1):
        done = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "UDKAST – ikke vedtaget" in done.stdout, n


def test_strategy_pdfs_are_tagged_danish_with_embedded_fonts(site):
    for pdf in sorted((site / "pdf/strategi").glob("*.pdf")):
        rows = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), (pdf, rows)
        with pikepdf.open(pdf) as doc:
            assert "/StructTreeRoot" in doc.Root
            assert str(doc.Root.Lang) == "da"
            assert "Fjordstrand Kommune" in str(doc.docinfo["/Title"])


def test_the_document_page_links_its_pdf_with_size_and_page_count(site):
    page = (site / "strategi/beskaeftigelsesplan-2026/index.html").read_text(encoding="utf-8")
    match = re.search(
        r'<a href="([^"]+)" download>Hent som PDF</a> <span>\(PDF, (\d+) kB, (\d+) sider?\)', page
    )
    assert match, page
    target = (site / "strategi/beskaeftigelsesplan-2026" / match.group(1)).resolve()
    assert target == (site / "pdf/strategi/beskaeftigelsesplan-2026.pdf").resolve()
    with pikepdf.open(target) as doc:
        assert int(match.group(3)) == len(doc.pages)
