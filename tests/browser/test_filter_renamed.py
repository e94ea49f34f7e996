"""A term list's section and name, changed in the table only, reach every address: its pages,
the filter page's links, its checkboxes' names, the URL filter.js reads and writes (decision 45).

The table is changed by swapping one entry for the length of the test: the table is one value
per build once `Catalogue` is handed it (issue 23, part 5); then this test hands it its own.
"""

from __future__ import annotations

import dataclasses

import pytest

from vifte.domain import collections
from vifte.mkdocs.build import build_site

from .conftest import serve
from .test_filter_feedback import ready


@pytest.fixture
def renamed_site(project, tmp_path, monkeypatch):
    """A `vifte init` project built with the themes as "emne" at emner/ instead of tema, temaer/."""
    themes = dataclasses.replace(collections.TERM_LISTS["themes"], noun="emne", section="emner")
    monkeypatch.setitem(collections.TERM_LISTS, "themes", themes)
    collections._by_model.cache_clear()  # the lookup of a term's entry, made from the table
    config = project / "mkdocs.yml"  # its hand-written menu (until the menu comes from the table)
    config.write_text(config.read_text("utf-8").replace("temaer/", "emner/"), "utf-8")
    try:
        site = build_site(project / "mkdocs.yml", tmp_path / "site")
    finally:
        monkeypatch.undo()
        collections._by_model.cache_clear()
    server, url = serve(site)
    yield site, url
    server.shutdown()


def test_a_renamed_term_list_reaches_its_pages_links_and_the_filter(renamed_site, page, watched):
    site, url = renamed_site
    assert (site / "emner" / "arbejdsliv" / "index.html").is_file()
    assert not (site / "temaer").exists()
    html = (site / "tilbud" / "index.html").read_text(encoding="utf-8")
    assert 'name="emne"' in html and 'name="tema"' not in html
    assert 'href="../emner/"' in html and "temaer/" not in html

    page.goto(url + "tilbud/?emne=trivsel")
    ready(page)
    assert page.locator('input[name="emne"][value="trivsel"]').is_checked()
    assert page.locator("[data-vifte-results] .vifte-card").count() == 0
    page.locator('input[name="emne"][value="trivsel"]').uncheck()
    page.locator('input[name="emne"][value="arbejdsliv"]').check()
    assert page.locator("[data-vifte-results] .vifte-card").count() == 1
    assert page.url.endswith("tilbud/?emne=arbejdsliv")
    assert watched.errors == [] and watched.foreign == []
