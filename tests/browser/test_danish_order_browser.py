"""The filter page's script lists offers in Danish order (Æ, Ø, Å after Z), as the build does."""

from __future__ import annotations

from vifte.domain.danish import sort_da

from ..test_templating import DANISH_TITLES, build_danish
from .conftest import serve
from .test_filter_feedback import ready


def test_filter_page_lists_ae_oe_aa_after_z(page, watched, project, write, tmp_path):
    site = build_danish(project, write, tmp_path / "site")
    server, url = serve(site)
    try:
        page.goto(url + "tilbud/")
        ready(page)
        titles = page.locator("[data-vifte-results] .vifte-card__title").all_text_contents()
        assert [t for t in titles if t in DANISH_TITLES] == DANISH_TITLES
        assert titles == sort_da(titles)  # the script's order is danish.py's, card for card
        # The browser's own Danish collation agrees, so the order is no accident of the data.
        assert (
            page.evaluate(
                "t => t.slice().sort(new Intl.Collator('da').compare)", DANISH_TITLES[::-1]
            )
            == DANISH_TITLES
        )
        assert watched.errors == []
    finally:
        server.shutdown()
