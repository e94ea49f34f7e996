"""`compare.py search N` and `compare.py filter N`: what a visitor's browser downloads, in Chromium.

The site is built (`vifte build --no-pdf`) and served on 127.0.0.1 by a small static server that
gzips text files when the browser accepts gzip, as any real host does (Pagefind's own index
files are compressed already and are sent as they are). Bytes are what Chromium reports as
transferred (CDP Network.loadingFinished encodedDataLength: compressed body plus headers), in a
fresh browser with an empty cache.

- search: from opening the search page until the first result shows, for each query; also the
  part after the page had loaded (the search itself).
- filter: the filter page's first load (until the network is idle), then the long tasks
  (PerformanceObserver 'longtask', over 50 ms) while ticking 10 filter boxes one by one.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from measure import load, run
from synthetic import make_project

from vifte.domain.collections import COLLECTIONS
from vifte.domain.registry import FIXED_PAGES

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
QUERIES = ("gæld", "praktik")
BOXES = 10
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".csv"}
RESULT = "[data-vifte-search-results] > *"
FILTER_BOX = "form[data-vifte-filter] input[type=checkbox]"
LONG_TASKS = """
window.__longtasks = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__longtasks.push(e.duration);
}).observe({type: 'longtask', buffered: true});
"""


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files; text files gzip-compressed (level 6) when the request accepts gzip."""

    cache: dict[Path, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.is_file()
            and path.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            body = self.cache.get(path)
            if body is None:
                body = self.cache[path] = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "text/plain")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format, *args):  # noqa: A002
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    GzipHandler.cache = {}
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def with_page(site: Path, visit: Callable) -> object:
    """Run `visit(page, url, counter)` in a fresh Chromium; counter() is the bytes so far."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context()
            context.route(
                lambda u: not u.startswith(url), lambda route: route.abort()
            )  # nothing from other hosts
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            received: list[float] = []
            cdp.on("Network.loadingFinished", lambda e: received.append(e["encodedDataLength"]))
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
            try:
                return visit(page, url, lambda: sum(received))
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def search_visit(query: str) -> Callable:
    search_page = next(f for f in FIXED_PAGES if f.key == "search").section + "/"

    def visit(page, url, counter) -> tuple[float, float, float]:
        page.goto(url + search_page)
        page.wait_for_load_state("networkidle")
        loaded = counter()
        start = time.monotonic()
        page.locator("#vifte-q").fill(query)
        page.locator(RESULT).first.wait_for(timeout=120_000)
        return counter(), counter() - loaded, time.monotonic() - start

    return visit


def filter_visit(page, url, counter) -> tuple[float, int, float, int, float]:
    page.add_init_script(LONG_TASKS)
    page.goto(url + COLLECTIONS["offers"].section + "/")
    page.wait_for_load_state("networkidle")
    first_load = counter()
    boxes = page.locator(FILTER_BOX)
    count = min(BOXES, boxes.count())
    start = time.monotonic()
    for i in range(count):
        boxes.nth(i).check()
        page.wait_for_timeout(200)
    seconds = time.monotonic() - start - 0.2 * count
    page.wait_for_timeout(500)
    tasks = page.evaluate("window.__longtasks")
    return first_load, count, max(tasks, default=0.0), len(tasks), seconds


def build(offers: int, work: Path) -> Path:
    make_project(work / "p", offers)
    site = work / "site"
    vifte = str(Path(sys.executable).parent / "vifte")
    run([vifte, "build", "--no-pdf", "-p", str(work / "p"), "-d", str(site)])
    return site


def browser_command(command: str, sizes: list[int]) -> None:
    print(f"Load average at start: {load()}")
    if command == "search":
        print(
            "| N | query | KB before 1st result (page + search) | KB of the search itself | "
            "ms to 1st result | pagefind folder MB |\n|---|---|---|---|---|---|"
        )
    else:
        print(
            "| N | first load KB (gzip, all) | filter page HTML KB (raw) | boxes ticked | "
            "longest task ms | long tasks | seconds ticking |\n|---|---|---|---|---|---|---|"
        )
    for offers in sizes:
        with tempfile.TemporaryDirectory(prefix="vifte-bench-browser-") as tmp:
            site = build(offers, Path(tmp))
            if command == "search":
                index = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
                for query in QUERIES:
                    total, search, seconds = with_page(site, search_visit(query))  # type: ignore[misc]
                    print(
                        f"| {offers:,} | {query} | {total / 1000:.0f} | {search / 1000:.0f} | "
                        f"{seconds * 1000:.0f} | {index / 1e6:.1f} |",
                        flush=True,
                    )
            else:
                html = (site / COLLECTIONS["offers"].section / "index.html").stat().st_size
                first, ticked, longest, tasks, seconds = with_page(site, filter_visit)  # type: ignore[misc]
                print(
                    f"| {offers:,} | {first / 1000:.0f} | {html / 1000:.0f} | {ticked} | "
                    f"{longest:.0f} | {tasks} | {seconds:.1f} |",
                    flush=True,
                )
    print(f"Load average at end: {load()}")
