"""A term list's section and name, changed in the table only, reach every address: its pages,
the menu, the filter page's links, its checkboxes' names, the URL filter.js reads and writes
(decision 45). The build gets its own table value through the request (decision 44, 46).
"""

from __future__ import annotations

import dataclasses

import pytest

from vifte.domain.collections import Table
from vifte.domain.registry import TABLE
from vifte.mkdocs.build import build_request
from vifte.mkdocs.config import request_of
from vifte.mkdocs.config_file import load_config_file

from .conftest import serve
from .test_filter_feedback import ready


def renamed_table() -> Table:
    """The package's table with the themes as "emne" at emner/ instead of tema, temaer/."""
    themes = dataclasses.replace(TABLE.term_lists["themes"], noun="emne", section="emner")
    terms = {**TABLE.term_lists, "themes": themes}
    return Table.of(TABLE.collections.values(), terms.values(), TABLE.fixed_pages)


@pytest.fixture
def renamed_site(project, tmp_path):
    """A `vifte init` project built with the renamed table."""
    config = load_config_file(project / "mkdocs.yml")
    request = request_of(config, pdf=False)
    request = dataclasses.replace(
        request, project=dataclasses.replace(request.project, table=renamed_table())
    )
    site = build_request(config, request, tmp_path / "site")
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
