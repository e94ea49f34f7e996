"""A search over an index built in parts (decision 78), in a real browser: a word on pages of
different parts finds them all, in one list, best score first."""

from __future__ import annotations

import shutil

import pytest

from vifte.mkdocs.build import build_site
from vifte.output.search import index_site

from .conftest import serve

OFFERS = {
    "kajak": """
title: Kajak for begyndere
area: social
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Lær at padle i havnen.
description: Vi låner dig udstyret.
provider: {name: Havnen}
contact: {phone: "70 00 00 20"}
""",
    "roklub": """
title: Roklubben
area: social
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Ro sammen med andre i havnen om morgenen.
description: Vi ror i inriggere. Har du lyst, kan du også låne en kajak en dag.
provider: {name: Roklubben}
contact: {phone: "70 00 00 21"}
""",
    "vinterbad": """
title: Vinterbad i havnen
area: social
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Bad sammen med andre hele vinteren.
description: Efter badet ser du dem, der padler forbi i kajak.
provider: {name: Badelauget}
contact: {phone: "70 00 00 22"}
""",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The same project's site with one index, and a copy with every indexed page its own part."""
    from vifte.scaffold import init_project

    root = tmp_path_factory.mktemp("search-parts") / "kommune"
    init_project(root, "Prøveby Kommune")
    for name, text in OFFERS.items():
        (root / "catalogue/offers" / f"{name}.yaml").write_text(text.lstrip(), encoding="utf-8")
    one = build_site(root / "mkdocs.yml", root.parent / "one")
    parted = root.parent / "parted"
    shutil.copytree(one, parted)
    shutil.rmtree(parted / "pagefind")
    index_site(parted, part_pages=1)
    servers = {name: serve(site) for name, site in (("one", one), ("parted", parted))}
    yield {name: url for name, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


def _titles(page, url, query):
    page.goto(url + "soeg/?q=" + query)
    page.locator("[data-vifte-search-status]", has_text="for »").wait_for(timeout=20_000)
    return page.locator("[data-vifte-search-results] .vifte-card__title").all_text_contents()


def test_a_word_on_pages_of_two_parts_finds_both_best_first(page, watched, sites):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    titles = _titles(page, sites["parted"], "kajak")
    assert titles[0] == "Kajak for begyndere"
    assert sorted(titles) == ["Kajak for begyndere", "Roklubben", "Vinterbad i havnen"]
    assert watched.foreign == [] and watched.csp == [] and watched.errors == []
    entries = [u for u in fetched if u.split("?")[0].endswith("pagefind-entry.json")]
    assert len(entries) > 2  # the parts were merged: each has its own entry
    # Pagefind's script and WebAssembly once, from the first part
    assert len([u for u in fetched if u.endswith("/pagefind.js")]) == 1
    assert len([u for u in fetched if "/wasm." in u]) == 1
    # the merged list, as Pagefind gives it to search.js: best score first, from two parts
    scores = page.evaluate(
        """async () => {
          const form = document.querySelector("[data-vifte-search]");
          const pf = await import(new URL("pagefind.js", new URL(form.dataset.vifteIndex, location.href)).href);
          const found = await pf.search("kajak");
          return found.results.map((r) => r.score);
        }"""
    )
    assert len(scores) == 3 and scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


@pytest.mark.parametrize(
    "query, best",
    [("kajak", "Kajak for begyndere"), ("havnen", "Vinterbad i havnen"), ("sammen", None)],
)
def test_the_parts_find_what_the_one_index_finds_a_title_first(page, sites, query, best):
    """The same pages, a page with the word in its title first. Pages whose scores are near may
    swap: each part weighs a word by its own pages (how many have it, how long they are), and
    here every part is one page; decision 78 measures it on parts of a real size."""
    found = _titles(page, sites["one"], query)
    assert len(found) >= 2, found
    parted = _titles(page, sites["parted"], query)
    assert sorted(parted) == sorted(found)
    if best:
        assert parted[0] == found[0] == best
