"""The search page's cut stylesheet (decision 77): fetched instead of the theme's, and the page
looks exactly as it does with the theme's whole stylesheet and vifte.css, at 320, 390 and
1280 px, with results shown and with the menu open; in Danish and in Arabic (right to left)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

from ..shared import built_once
from .conftest import serve

LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
WIDTHS = (320, 390, 1280)


@pytest.fixture(scope="module")
def init_url(tmp_path_factory) -> Iterator[str]:
    """A project made by `vifte init`, built once for the module."""

    def build(folder: Path) -> None:
        init_project(folder / "kommune", "Prøveby Kommune")
        build_site(folder / "kommune" / "mkdocs.yml", folder / "site")

    server, url = serve(built_once(tmp_path_factory, "search-styles-init", build) / "site")
    yield url
    server.shutdown()


def _whole_styles(page, url: str, folder: str) -> None:
    """Serve the search page with the links it had before the cut: the plan page's stylesheets
    (the same depth, the theme's and vifte's whole files) in place of the cut one."""
    plan = page.request.get(url + folder + "plan/").text()
    whole = [m.group(0) for m in LINK.finditer(plan) if "colours" not in m.group(1)]

    def handle(route):
        html = route.fetch().text()
        cut = [m.group(0) for m in LINK.finditer(html) if "/search-" in m.group(1)]
        assert len(cut) == 1, cut
        route.fulfill(body=html.replace(cut[0], "\n".join(whole)), content_type="text/html")

    page.route(url + folder + "soeg/*", handle)


def _shots(page, url: str, folder: str, query: str) -> list[bytes]:
    shots = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{url}{folder}soeg/?q={query}")
        page.locator("[data-vifte-search-results] .vifte-card").first.wait_for(timeout=20_000)
        shots.append(page.screenshot(full_page=True, animations="disabled"))
        if width < 1220:  # the menu drawer, opened as a phone user does
            page.locator(".md-header label[for=__drawer]").click(timeout=10_000)
            shots.append(page.screenshot(animations="disabled"))
        page.keyboard.press("Tab")  # the skip link, focused as a keyboard user sees it
        shots.append(page.screenshot(animations="disabled"))
    return shots


@pytest.mark.parametrize(
    "site, folder, query",
    [("init", "", "praktik"), ("example", "ar/", "praktik")],
)
def test_the_search_page_looks_the_same_with_its_cut_stylesheet(
    browser, request, site, folder, query
):
    url = request.getfixturevalue("init_url" if site == "init" else "site_url")
    fetched: list[str] = []
    shots = []
    for whole in (False, True):
        context = browser.new_context(locale="da-DK")
        context.route(lambda u: not u.startswith(url), lambda route: route.abort())
        page = context.new_page()
        if whole:
            _whole_styles(page, url, folder)
        else:
            page.on("request", lambda r: fetched.append(r.url))
        shots.append(_shots(page, url, folder, query))
        context.close()
    styles = [u for u in fetched if u.endswith(".css")]
    assert not [u for u in styles if "/assets/stylesheets/" in u or u.endswith("/vifte.css")]
    assert [u for u in styles if "/assets/vifte/search-" in u]
    views = [
        f"{w} {v}" for w in WIDTHS for v in ("results", "menu", "focus") if w < 1220 or v != "menu"
    ]
    for view, cut, whole in zip(views, *shots, strict=True):
        assert cut == whole, f"the search page looks different: {view}"


def test_the_cut_stylesheet_is_under_half_the_whole(init_url, browser):
    """Gzipped, as a server sends it: what the page fetches instead of the two whole files."""
    import gzip

    context = browser.new_context()
    page = context.new_page()
    html = page.request.get(init_url + "soeg/").text()
    plan = page.request.get(init_url + "plan/").text()
    hrefs = [h for h in LINK.findall(plan) if "colours" not in h]
    [cut] = [h for h in LINK.findall(html) if "/search-" in h]

    def size(href: str) -> int:
        return len(gzip.compress(page.request.get(init_url + "soeg/" + href).body(), 6))

    assert size(cut) < sum(size(h) for h in hrefs) / 2
    context.close()
