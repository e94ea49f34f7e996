"""What a visitor's browser downloads (gzipped, as any real host sends it) at N offers.

Usage: python3 benchmarks/weight.py [N] [--site DIR]   (default N: 5000)
Builds a synthetic catalogue of N offers (or reads an already built site), serves it
gzip-compressed on 127.0.0.1 and opens it in headless Chromium. Bytes are the sum of CDP
Network.loadingFinished encodedDataLength (what went over the wire, headers included):
- filter: the filter page (tilbud/) until the network is idle, and the longest task
  (PerformanceObserver 'longtask') while ticking 10 boxes one by one;
- search: a fresh visit to the search page, typing a query, until the first result shows;
- plan: the plan page (Min plan) until the network is idle, its offer picker filled;
- the largest HTML pages of the site, raw and gzipped (what grows with N).
"""

from __future__ import annotations

import functools
import gzip
import os
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from build import make_project  # noqa: E402
from tests.browser.conftest import CHROMIUM, FLAGS  # noqa: E402

from vifte.mkdocs.build import build_site  # noqa: E402

QUERIES = ("arbejde", "praktik", "arbejdr")  # the last is one letter wrong: the typo list loads


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (Pagefind's own files already are)."""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        packed = data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if packed is not data:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(packed)))
        self.end_headers()
        WIRE.add(self.path.split("?")[0], len(packed))
        return BytesIO(packed)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class Wire:
    """Bytes the server sent (bodies, gzipped as sent), by path, since the last reset. Counted
    at the server, so requests from Pagefind's web worker count too."""

    def __init__(self) -> None:
        self.bytes: dict[str, int] = {}

    def add(self, path: str, n: int) -> None:
        self.bytes[path] = self.bytes.get(path, 0) + n

    def reset(self) -> Wire:
        self.bytes.clear()
        return self

    def total_kb(self) -> float:
        return sum(self.bytes.values()) / 1024

    def largest(self, n: int = 5) -> str:
        top = sorted(self.bytes.items(), key=lambda i: -i[1])[:n]
        return ", ".join(f"{u} {b / 1024:.0f}" for u, b in top)


WIRE = Wire()


LONGTASKS = (
    "window.__long = []; new PerformanceObserver(l => l.getEntries().forEach("
    "e => window.__long.push(e.duration))).observe({type: 'longtask', buffered: true});"
)


TICKS = """() => {
  const boxes = [...document.querySelectorAll("[data-vifte-filter] input[type=checkbox]")];
  const out = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    boxes[(i * 5 + 1) % boxes.length].click();
    document.body.offsetHeight;
    out.push(performance.now() - start);
  }
  return out;
}"""


def filter_page(browser, url: str) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    wire = WIRE.reset()
    page.goto(url + "tilbud/", wait_until="networkidle")
    kb = wire.total_kb()
    top = wire.largest()
    page.evaluate(LONGTASKS)
    boxes = page.locator("[data-vifte-filter] input[type=checkbox]")
    for i in range(min(10, boxes.count())):
        boxes.nth(i * 3 % boxes.count()).check()
        page.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    page.wait_for_timeout(200)
    longest = max(page.evaluate("window.__long") or [0])
    # Script and layout of one tick, measured in the page (10 more ticks), median.
    ticks = sorted(page.evaluate(TICKS))
    tick = ticks[len(ticks) // 2]
    shown = page.locator("[data-vifte-count]").text_content()
    context.close()
    return (
        f"filter  {kb:8.0f} KB  longest task while ticking {longest:5.0f} ms, one tick {tick:4.0f} ms"
        f" (median)  ({shown})  [{top}]"
    )


def search(browser, url: str, query: str) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    wire = WIRE.reset()
    page.goto(url + "soeg/", wait_until="networkidle")
    page.get_by_label("Søg efter tilbud, mentorer og virksomheder").fill(query)
    page.locator("[data-vifte-search-results] .vifte-card").first.wait_for(timeout=60_000)
    kb = wire.total_kb()
    top = wire.largest()
    context.close()
    return f"search  {kb:8.0f} KB  before the first result for {query!r}  [{top}]"


def plan(browser, url: str) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    wire = WIRE.reset()
    page.goto(url + "plan/", wait_until="networkidle")
    options = page.locator("#vifte-plan-picker option").count()
    kb = wire.total_kb()
    top = wire.largest()
    context.close()
    return f"plan    {kb:8.0f} KB  ({options} options in the picker)  [{top}]"


def largest_pages(site: Path, n: int = 8) -> list[str]:
    pages = sorted(site.rglob("*.html"), key=lambda p: -p.stat().st_size)[:n]
    out = []
    for p in pages:
        raw = p.read_bytes()
        out.append(
            f"page    {len(raw) / 1024:8.0f} KB raw {len(gzip.compress(raw, 6)) / 1024:6.0f} KB gz  {p.relative_to(site)}"
        )
    return out


def measure(site: Path) -> None:
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    for line in largest_pages(site):
        print(line, flush=True)
    server, url = serve(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        print(filter_page(browser, url), flush=True)
        for query in QUERIES:
            print(search(browser, url, query), flush=True)
        print(plan(browser, url), flush=True)
        browser.close()
    server.shutdown()
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    args = sys.argv[1:]
    if "--site" in args:
        measure(Path(args[args.index("--site") + 1]))
        return
    n = int(args[0]) if args else 5000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        make_project(root, n)
        measure(build_site(root / "mkdocs.yml", Path(tmp) / "site", pdf=False))


if __name__ == "__main__":
    main()
