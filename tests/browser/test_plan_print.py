"""The printed Min plan, read back from Chromium's PDF: the site's one date format, each activity's
row whole on one page, a Delmål column wide enough to read, and no blank page, for the example
and for a new municipality made by `vifte init`."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from vifte.domain.danish import dato
from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project
from vifte.source.validate import require_catalogue

from ..conftest import REPO
from .conftest import serve
from .test_plan_meeting import build_plan

PRINTED = dt.datetime(2027, 3, 5, 10, 0)
"""The day the plan is printed: day and month below ten, so an unpadded date shows."""
SUBGOAL = "Mindst ét svar hver uge fra en arbejdsgiver i byen"


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def printed(page, path: Path) -> list[str]:
    """Print the page to an A4 PDF as the browser's print button does; the text of each page."""
    page.pdf(path=str(path), format="A4")
    with pdfplumber.open(path) as doc:
        count = len(doc.pages)
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def on(needle: str, page: str) -> bool:
    """Whether a page's text holds `needle` as whole words (an address may wrap anywhere)."""
    if "/" in needle:
        return needle in page.replace(" ", "")
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", page) is not None


def lines_of(pdf: Path, words: list[str]) -> int:
    """The lines `words` (each met once, in order) are printed on: their distinct tops."""
    with pdfplumber.open(pdf) as doc:
        found = [w for p in doc.pages for w in p.extract_words()]
    tops, at = set(), 0
    for w in found:
        if at < len(words) and w["text"] == words[at]:
            tops.add(round(w["top"]))
            at += 1
    assert at == len(words), f"only {words[:at]} found"
    return len(tops)


def test_the_printed_plan_has_one_date_format_and_a_readable_subgoal_column(
    page, site_url, watched, catalogue, tmp_path
):
    page.clock.set_fixed_time(PRINTED)
    build_plan(page, site_url, catalogue)
    page.locator("#vifte-plan-0-start").fill("2027-03-01")
    page.locator("#vifte-plan-0-subgoal").fill(SUBGOAL)
    pdf = tmp_path / "plan.pdf"
    pages = printed(page, pdf)
    assert len(pages) == 1 and all(p.strip() for p in pages)
    text = flat(" ".join(pages))
    days = (PRINTED.date(), dt.date(2027, 2, 15), dt.date(2027, 3, 1))
    assert f"Udskrevet {dato(PRINTED.date())}" in text
    assert sorted(re.findall(r"\d+\.\d+\.\d{4}", text)) == sorted(dato(d) for d in days)
    # The sub-goal column holds a sentence on a line or two, not a word a line.
    assert lines_of(pdf, SUBGOAL.split()) <= 2
    assert watched.foreign == [] and watched.errors == []


def test_a_long_plan_keeps_each_activity_and_its_contact_on_one_page(
    page, site_url, watched, catalogue, tmp_path
):
    offer, mentor = build_plan(page, site_url, catalogue)
    own = [f"Aktivitet A{n}" for n in range(12)]
    for text in own:
        page.get_by_label("Skriv en aktivitet selv").fill(text)
        page.get_by_role("button", name="Læg aktiviteten på planen").click()
    for n in range(len(own)):
        page.locator(f"#vifte-plan-{n + 3}-subgoal").fill(f"{SUBGOAL} D{n}")
    pages = [flat(p) for p in printed(page, tmp_path / "plan.pdf")]
    assert len(pages) >= 2 and all(p.strip() for p in pages)
    site = catalogue.settings.municipality.url.split("//", 1)[1]
    # A row is never cut: its first cell and its last line (contact or sub-goal) share a page.
    for first, last in [
        (site + page_url(TABLE, offer), offer.contact.phone),
        (site + page_url(TABLE, mentor), mentor.contact.phone),
        *((f"A{n}", f"D{n}") for n in range(len(own))),
    ]:
        holding = [i for i, p in enumerate(pages) if on(first, p)]
        assert len(holding) == 1, first
        assert on(last, pages[holding[0]]), f"{first}: {last} is not on its page"
    # The closing line is not alone on the last page.
    assert "Udskrevet" in pages[-1] and on("A11", pages[-1])
    assert watched.foreign == [] and watched.errors == []


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory):
    """A municipality as `vifte init` makes it, built and served."""
    root = tmp_path_factory.mktemp("plan-print") / "kommune"
    init_project(root, "Prøveby Kommune")
    site = build_site(root / "mkdocs.yml", root.parent / "site")
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("activities", [1, 3])
def test_a_new_municipality_prints_its_plan_on_one_page(
    page, new_site, watched, tmp_path, activities
):
    page.clock.set_fixed_time(PRINTED)
    page.goto(new_site + "plan/")
    page.get_by_label("Dit navn").fill("Sara Holm")
    for n in range(activities):
        page.get_by_label("Skriv en aktivitet selv").fill(f"Aktivitet {n}")
        page.get_by_role("button", name="Læg aktiviteten på planen").click()
    pages = printed(page, tmp_path / "plan.pdf")
    assert len(pages) == 1, [p[:80] for p in pages]
    assert f"Udskrevet {dato(PRINTED.date())}" in flat(pages[0])
    assert watched.foreign == [] and watched.errors == []
