"""The search index in parts above a size (decision 78): every indexed page in exactly one part,
each part one language, the search page naming its language's parts; a smaller site keeps one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vifte.mkdocs.build import build_site
from vifte.output.search import index_site
from vifte.output.search_parts import BODY, LANG, plan

from .test_search import GAELD, NATUR, TRUCK


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `vifte init` project with three offers of its own, built once for the module."""
    from vifte.scaffold import init_project

    root = tmp_path_factory.mktemp("parts") / "kommune"
    init_project(root, "Prøveby Kommune")
    for name, text in (("gaeld", GAELD), ("truck", TRUCK), ("natur", NATUR)):
        (root / "catalogue/offers" / f"{name}.yaml").write_text(text.lstrip(), encoding="utf-8")
    return build_site(root / "mkdocs.yml", root.parent / "site", pdf=False)


def _indexed(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if BODY in p.read_bytes())


def _entries(site: Path) -> dict[str, dict]:
    folder = site / "pagefind"
    return {
        str(e.parent.relative_to(folder)): json.loads(e.read_text())
        for e in folder.rglob("pagefind-entry.json")
    }


def _search_form(site: Path) -> str:
    html = (site / "soeg/index.html").read_text(encoding="utf-8")
    return html[html.index("<form") : html.index(">", html.index("data-vifte-search"))]


def test_a_site_above_the_part_size_is_indexed_in_parts_one_after_another(small_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    shutil.rmtree(site / "pagefind")
    pages = _indexed(site)
    assert len(pages) >= 6
    index_site(site, ["budget"], part_pages=2)
    entries = _entries(site)
    parts = -(-len(pages) // 2)
    assert sorted(entries) == sorted(["."] + [f"da-{n}" for n in range(2, parts + 1)])
    # every indexed page in exactly one part: the page counts add up
    assert sum(e["languages"]["da"]["page_count"] for e in entries.values()) == len(pages)
    assert all(list(e["languages"]) == ["da"] for e in entries.values())
    # a merged part is searched with the first's script and WebAssembly: it has neither
    extra = site / "pagefind/da-2"
    assert not list(extra.glob("*.js")) and not list(extra.glob("wasm*"))
    assert list(extra.glob("*.pf_meta")) and list((extra / "index").iterdir())
    assert (site / "pagefind/pagefind.js").is_file()
    assert (site / "pagefind/vifte-ord").is_dir()
    folders = " ".join(f"da-{n}/" for n in range(2, parts + 1))
    assert f'data-vifte-parts="{folders}"' in _search_form(site)
    # nothing left beside the site
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_within_the_part_size_keeps_one_index(small_site):
    assert sorted(_entries(small_site)) == ["."]
    assert "data-vifte-parts" not in _search_form(small_site)
    count = _entries(small_site)["."]["languages"]["da"]["page_count"]
    assert count == len(_indexed(small_site))


def test_each_part_holds_one_language_and_each_search_page_merges_its_own(example_site):
    done = plan(example_site, part_pages=20)
    languages = {}
    for part in done.parts:
        for page in part.pages:
            found = LANG.search(page.read_bytes()[:4096])
            languages.setdefault(part.folder, set()).add(found.group(1).decode() if found else "")
    assert len(languages[""]) >= 4  # the first part of every language: the index loaded first
    for folder, found in languages.items():
        if folder:
            assert found == {folder.split("-")[0]}, folder
    every = [p for part in done.parts for p in part.pages]
    assert sorted(every) == sorted(set(every))
    assert len(every) == len(_indexed(example_site))
    assert len(done.search_pages) >= 4
    assert any(done.search_pages.values())
    for page, folders in done.search_pages.items():
        language = LANG.search(page.read_bytes()[:4096]).group(1).decode()
        assert folders == tuple(p.folder for p in done.parts if p.folder.startswith(f"{language}-"))
