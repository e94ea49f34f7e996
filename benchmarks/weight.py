"""`compare.py search|filter|weight N [--site DIR]`: what a visitor's browser downloads, in Chromium.

The site (a synthetic catalogue of N offers built by `vifte build --no-pdf`, or an already built
one) is served on 127.0.0.1 as any real host sends it: text files gzip-compressed (level 6) when
the browser accepts gzip; Pagefind's own files are gzipped already and go as they are. Bytes are
counted at this server (bodies as sent, without headers): every file the page or Pagefind fetches
counts, whoever asks for it (the search runs in the page, without Pagefind's web worker, since
decision 70; a worker's requests, which Chromium's page events miss, would count too).
Each visit is a fresh browser context (empty cache).

- search: from opening the search page until the first result shows (results come 10 at a
  time), for each query; also the part after the page had loaded (the search itself);
- filter: the filter page until its offer data has loaded (form[data-vifte-ready]) and the
  network is idle; then the long tasks (PerformanceObserver 'longtask', over 50 ms) while
  ticking 10 boxes one by one, and one tick's script and layout timed in the page;
- weight: the largest HTML pages of the site (raw and gzipped), the filter page, every search
  and Min plan (until its offer picker is filled).
"""

from __future__ import annotations

import functools
import gzip
import json
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

from measure import load, run
from synthetic import make_project

from vifte.domain.registry import FIXED_PAGES, TABLE
from vifte.domain.routes import offer_list_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser.conftest import CHROMIUM, FLAGS  # noqa: E402

QUERIES = ("arbejde", "praktik", "arbejdr")  # the last is one letter wrong: typo words load
BOXES = 10
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".csv"}
PAGES = {f.key: f.section + "/" for f in FIXED_PAGES}
FILTER_PAGE = TABLE.collections["offers"].section + "/"
SEARCH_RESULT = "[data-vifte-search-results] .vifte-card"
FILTER_BOX = "form[data-vifte-filter] input[type=checkbox]"
LONG_TASKS = (
    "window.__long = []; new PerformanceObserver(l => l.getEntries().forEach("
    "e => window.__long.push([e.startTime, e.duration]))).observe({type: 'longtask', buffered: true});"
)
ONE_TICK = """() => {
  const boxes = [...document.querySelectorAll("form[data-vifte-filter] input[type=checkbox]")];
  const out = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    boxes[(i * 5 + 1) % boxes.length].click();
    document.body.offsetHeight;
    out.push(performance.now() - start);
  }
  return out;
}"""


class Wire:
    """Bytes the server sent (bodies as sent), by path, since the last reset."""

    def __init__(self) -> None:
        self.bytes: dict[str, int] = {}
        self.lock = threading.Lock()

    def add(self, path: str, n: int) -> None:
        with self.lock:
            self.bytes[path] = self.bytes.get(path, 0) + n

    def reset(self) -> Wire:
        with self.lock:
            self.bytes.clear()
        return self

    def kb(self) -> float:
        with self.lock:
            return sum(self.bytes.values()) / 1000

    def largest(self, n: int = 5) -> str:
        with self.lock:
            top = sorted(self.bytes.items(), key=lambda i: -i[1])[:n]
        return ", ".join(f"{path} {size / 1000:.0f}" for path, size in top)


WIRE = Wire()


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files; text gzipped (level 6) when the request accepts it; every body counted."""

    cache: dict[Path, bytes] = {}

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        url_path = self.path.split("?")[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # a folder without its slash is redirected, else 404
        body = data = path.read_bytes()
        packed = data[:2] == b"\x1f\x8b"  # Pagefind's files
        if (
            not packed
            and path.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            body = self.cache.get(path) or self.cache.setdefault(path, gzip.compress(data, 6))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if body is not data:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        WIRE.add(url_path, len(body))
        return BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    GzipHandler.cache = {}
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def fresh_page(browser, url: str):
    """A page in a new context (empty cache) that may fetch nothing from other hosts."""
    # What the page itself needs: the offline store's background download is offline.py's.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.route(lambda u: not u.startswith(url), lambda route: route.abort())
    return context, context.new_page()


def search(browser, url: str, query: str) -> list[str]:
    context, page = fresh_page(browser, url)
    wire = WIRE.reset()
    page.goto(url + PAGES["search"], wait_until="networkidle")
    loaded = wire.kb()
    start = time.monotonic()
    page.locator("#vifte-q").fill(query)
    page.locator(SEARCH_RESULT).first.wait_for(timeout=120_000)
    seconds = time.monotonic() - start
    shown = page.locator(SEARCH_RESULT).count()
    total, top = wire.kb(), wire.largest()
    context.close()
    return [
        query,
        f"{total:.0f}",
        f"{total - loaded:.0f}",
        f"{seconds * 1000:.0f}",
        str(shown),
        top,
    ]


def filter_page(browser, url: str) -> list[str]:
    context, page = fresh_page(browser, url)
    wire = WIRE.reset()
    page.goto(url + FILTER_PAGE)
    page.locator("form[data-vifte-ready]").wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    kb, top = wire.kb(), wire.largest()
    page.evaluate(LONG_TASKS)
    ticking = page.evaluate("performance.now()")
    boxes = page.locator(FILTER_BOX)
    count = min(BOXES, boxes.count())
    for i in range(count):
        boxes.nth(i).check()
        page.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    page.wait_for_timeout(300)
    tasks = [d for s, d in page.evaluate("window.__long") if s >= ticking]
    ticks = sorted(page.evaluate(ONE_TICK))
    shown = page.locator("[data-vifte-count]").text_content() or ""
    context.close()
    return [
        f"{kb:.0f}",
        str(count),
        f"{max(tasks, default=0.0):.0f}",
        str(len(tasks)),
        f"{ticks[len(ticks) // 2]:.0f}",
        shown.strip(),
        top,
    ]


def plan(browser, url: str) -> list[str]:
    context, page = fresh_page(browser, url)
    wire = WIRE.reset()
    page.goto(url + PAGES["plan"])
    page.locator("#vifte-plan-picker[data-vifte-ready]").wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    options = page.locator("#vifte-plan-picker option").count()
    kb, top = wire.kb(), wire.largest()
    context.close()
    return [f"{kb:.0f}", str(options), top]


def largest_pages(site: Path, n: int = 8) -> list[list[str]]:
    pages = sorted(site.rglob("*.html"), key=lambda p: -p.stat().st_size)[:n]
    rows = []
    for p in pages:
        raw = p.read_bytes()
        rows.append(
            [
                str(p.relative_to(site)),
                f"{len(raw) / 1000:.0f}",
                f"{len(gzip.compress(raw, 6)) / 1000:.0f}",
            ]
        )
    return rows


TABLES = {
    "pages": ("largest HTML page", "raw KB", "gzip KB"),
    "filter": (
        "first load KB (gzip, all)",
        "boxes ticked",
        "longest task ms",
        "long tasks",
        "one tick ms (median)",
        "shown",
        "largest files KB",
    ),
    "search": (
        "query",
        "KB before 1st result (page + search)",
        "KB of the search itself",
        "ms to 1st result (250 ms typing pause included)",
        "results shown",
        "largest files KB",
    ),
    "plan": ("first visit KB", "options in the picker", "largest files KB"),
}


def measure(site: Path, command: str) -> dict[str, list[list[str]]]:
    """The rows of each table `command` asks for, measured on the built `site`."""
    wanted = ("pages", "filter", "search", "plan") if command == "weight" else (command,)
    rows: dict[str, list[list[str]]] = {name: [] for name in wanted}
    if "pages" in rows:
        rows["pages"] = largest_pages(site)
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            if "filter" in rows:
                rows["filter"].append(filter_page(browser, url))
            for query in QUERIES if "search" in rows else ():
                rows["search"].append(search(browser, url, query))
            if "plan" in rows:
                rows["plan"].append(plan(browser, url))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def build(offers: int, work: Path) -> Path:
    make_project(work / "p", offers)
    site = work / "site"
    vifte = str(Path(sys.executable).parent / "vifte")
    run([vifte, "build", "--no-pdf", "-p", str(work / "p"), "-d", str(site)])
    return site


def weight_command(command: str, sizes: list[int], site: Path | None = None) -> None:
    """Print one Markdown table per measurement, a row per N (the site's listed offers)."""
    print(f"Load average at start: {load()}")
    results: list[tuple[int, dict[str, list[list[str]]]]] = []
    if site is not None:
        offers = len(json.loads((site / offer_list_path(TABLE)).read_text("utf-8")))
        results.append((offers, measure(site, command)))
    for n in sizes if site is None else ():
        with tempfile.TemporaryDirectory(prefix="vifte-bench-weight-") as tmp:
            results.append((n, measure(build(n, Path(tmp)), command)))
        print(f"  N={n} measured, load {load()}", file=sys.stderr, flush=True)
    for name, head in TABLES.items():
        if name not in results[0][1]:
            continue
        print(f"\n{name}:\n\n| N | " + " | ".join(head) + " |\n" + "|---" * (len(head) + 1) + "|")
        for offers, rows in results:
            for row in rows[name]:
                print(f"| {offers:,} | " + " | ".join(row) + " |")
    print(f"\nLoad average at end: {load()}")
