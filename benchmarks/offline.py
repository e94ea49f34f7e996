"""What a visit stores for use without a network (decision 61): the example and N synthetic offers.

Usage (from the repository, with its .venv):
  python benchmarks/offline.py example 1000     build each (no PDFs), then measure
  python benchmarks/offline.py --site DIR       a site built already

For each site: the files the build lists (`vifte-offline.json`), their bytes as stored and
gzipped (what a host that compresses sends on the first visit), and what Chromium reports as
used (`navigator.storage.estimate()`, the Cache Storage's share) once the worker is active
after one visit to the front page, with the seconds that took (informational, not a target).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from measure import load  # noqa: E402
from synthetic import make_project  # noqa: E402
from tests.browser.conftest import CHROMIUM, FLAGS, serve  # noqa: E402

from vifte.domain.routes import OFFLINE_LIST_PATH  # noqa: E402
from vifte.mkdocs.build import build_site  # noqa: E402


def listed(site: Path) -> tuple[int, int, int, int]:
    """Files listed, of which pages, their bytes and their gzipped bytes."""
    files = json.loads((site / OFFLINE_LIST_PATH).read_text(encoding="utf-8"))["files"]
    raw = packed = pages = 0
    for address in files:
        path = site / (address + "index.html" if address.endswith("/") else address)
        data = path.read_bytes() if address != "./" else (site / "index.html").read_bytes()
        pages += path.suffix == ".html" or address.endswith("/")
        raw += len(data)
        packed += len(gzip.compress(data, 6))
    return len(files), pages, raw, packed


def in_browser(site: Path) -> tuple[int, float]:
    """Bytes Chromium reports in Cache Storage after one visit, and the seconds until stored."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = browser.new_context()
            page = context.new_page()
            start = time.monotonic()
            page.goto(url)
            page.wait_for_function(
                "() => navigator.serviceWorker.controller !== null", timeout=600_000
            )
            seconds = time.monotonic() - start
            used = page.evaluate(
                "navigator.storage.estimate().then(e => (e.usageDetails || {}).caches || e.usage)"
            )
            browser.close()
    finally:
        server.shutdown()
    return int(used), seconds


def measure(name: str, site: Path) -> str:
    count, pages, raw, packed = listed(site)
    used, seconds = in_browser(site)
    return (
        f"| {name} | {count} | {pages} | {raw / 1e6:.1f} | {packed / 1e6:.1f} | "
        f"{used / 1e6:.1f} | {seconds:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", help="'example' or a number of synthetic offers")
    parser.add_argument("--site", type=Path, help="a site built already")
    args = parser.parse_args()
    print(f"Load average at start: {load()}")
    print("| site | files | pages | stored MB | gzipped MB | Chromium MB | seconds |")
    print("|---|---|---|---|---|---|---|")
    if args.site:
        print(measure(str(args.site), args.site))
    with tempfile.TemporaryDirectory(prefix="vifte-offline-") as tmp:
        for size in args.sizes:
            work = Path(tmp) / size
            if size == "example":
                site = build_site(REPO / "mkdocs.yml", work / "site")
            else:
                make_project(work / "kommune", int(size))
                site = build_site(work / "kommune/mkdocs.yml", work / "site")
            print(measure(size, site), flush=True)
    print(f"Load average at end: {load()}")


if __name__ == "__main__":
    main()
