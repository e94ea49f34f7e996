"""Bytes a visitor downloads before the first search result: Pagefind (used) vs mkdocs-material's search.

Usage: python3 benchmarks/search.py [N ...]   (default: example 5000)
"example" is the repository's example municipality; a number builds a synthetic catalogue of that
many offers. Each site is built twice, once as vifte builds it (Pagefind) and once with
mkdocs-material's lunr search switched on, then searched in headless Chromium on 127.0.0.1.
Bytes are uncompressed, as a plain static server sends them. Pagefind's time includes the
search page's 250 ms typing pause; lunr's index is fetched on every page view, so it counts too.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic import make_project  # noqa: E402
from tests.browser.conftest import CHROMIUM, FLAGS, serve  # noqa: E402

from vifte.mkdocs.build import build_site  # noqa: E402

QUERIES = ("gæld", "praktik")
SEARCH_FILES = ("pagefind", "search", "lunr", "worker")


def project(size: str, root: Path) -> Path:
    if size == "example":
        for name in ("catalogue", "site_src", "theme", "strategy"):
            if (REPO / name).exists():
                shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    else:
        make_project(root, int(size))
    return root / "mkdocs.yml"


def with_lunr(config: Path) -> Path:
    text = config.read_text(encoding="utf-8").replace(
        "plugins:\n", "plugins:\n  - search:\n      lang: da\n", 1
    )
    lunr = config.with_name("mkdocs-lunr.yml")
    lunr.write_text(text, encoding="utf-8")
    return lunr


def measure(site: Path, engine: str, query: str) -> tuple[int, float]:
    server, url = serve(site)
    sizes: list[tuple[str, int]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(service_workers="block")  # the store: offline.py
        context.on("response", lambda r: sizes.append((r.url, len(r.body()) if r.ok else 0)))
        page = context.new_page()
        if engine == "pagefind":
            page.goto(url + "soeg/")
            page.wait_for_load_state("networkidle")
            sizes.clear()
            start = time.monotonic()
            page.get_by_label("Søg efter tilbud, mentorer og virksomheder").fill(query)
            page.locator("[data-vifte-search-results] .vifte-card").first.wait_for(timeout=60_000)
        else:
            page.goto(url)  # mkdocs-material fetches its whole index on every page load
            page.wait_for_load_state("networkidle")
            start = time.monotonic()
            page.locator(".md-search__input").first.click()
            page.locator(".md-search__input").press_sequentially(query, delay=20)
            page.wait_for_selector(".md-search-result__item", timeout=120_000)
        seconds = time.monotonic() - start
        browser.close()
    server.shutdown()
    return sum(n for u, n in sizes if any(k in u for k in SEARCH_FILES)), seconds


def main() -> None:
    sizes = sys.argv[1:] or ["example", "5000"]
    print(
        f"{'catalogue':>10} {'engine':>9} {'query':>8} {'KB before 1st result':>21} {'ms to 1st result':>17} {'index MB':>9}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            config = project(size, Path(tmp) / "p")
            for engine, cfg in (("pagefind", config), ("lunr", with_lunr(config))):
                site = build_site(cfg, Path(tmp) / f"site-{engine}")
                folder = site / ("pagefind" if engine == "pagefind" else "search")
                index_mb = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6
                for query in QUERIES:
                    kb, seconds = measure(site, engine, query)
                    print(
                        f"{size:>10} {engine:>9} {query:>8} {kb / 1000:>21.0f} {seconds * 1000:>17.0f} {index_mb:>9.1f}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
