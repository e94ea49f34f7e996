"""`compare.py serve N`: how long a saved edit takes to show under `vifte serve`, against a full build.

Starts `vifte serve` on a free port of 127.0.0.1 for a synthetic project of N offers, waits until
it answers, then changes one offer's title in its YAML file and polls the offer's page (urllib,
every 20 ms) until it holds the new title: the time from the save to that moment. Each round is
one edit followed by one full `vifte build --no-pdf` of the same project, so both see the same
load. The server is stopped (its own process group) at the end, also on an error.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from measure import load, median, run
from synthetic import make_project

from vifte.domain.registry import TABLE
from vifte.source.project import Project

POLL = 0.02
START_TIMEOUT = 1800.0
EDIT_TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, wanted: str, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until the page at `url` contains `wanted`, polling every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise SystemExit(f"vifte serve stopped (exit code {server.returncode})")
        page = fetch(url)
        if page is not None and wanted in page:
            return time.perf_counter() - start
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show {wanted!r} within {timeout:.0f} s")


def measure(offers: int, rounds: int, work: Path) -> str:
    root = work / "p"
    data = make_project(root, offers)
    offer_id = next(iter(data.offers))
    title = data.offers[offer_id]["title"]
    yaml_file = Project.at(root).collection("offers") / f"{offer_id}.yaml"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = base + TABLE.collections["offers"].url(offer_id)
    vifte = str(Path(sys.executable).parent / "vifte")
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(
        [vifte, "serve", "-p", str(root), "-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    edits, builds, completes = [], [], []
    try:
        first = wait_for(page, title, START_TIMEOUT, server)
        for r in range(rounds):
            new_title = f"{title} ændret {r + 1}"
            text = yaml_file.read_text(encoding="utf-8")
            old_line = next(line for line in text.splitlines() if line.startswith("title:"))
            yaml_file.write_text(text.replace(old_line, f"title: {new_title}", 1), encoding="utf-8")
            start = time.perf_counter()
            edits.append(wait_for(page, new_title, EDIT_TIMEOUT, server))
            # The whole site (lists, search, export) follows in the complete step: the export
            # is written by that step only.
            wait_for(base + "data/catalogue.json", new_title, EDIT_TIMEOUT, server)
            completes.append(time.perf_counter() - start)
            time.sleep(1)  # let the server's reload settle before the build
            site = work / f"site-{r}"
            builds.append(
                run([vifte, "build", "--no-pdf", "-p", str(root), "-d", str(site)]).seconds
            )
            print(
                f"  N={offers} round {r + 1}: edit shown after {edits[-1]:.2f} s, "
                f"whole site after {completes[-1]:.2f} s, "
                f"full build {builds[-1]:.1f} s, load {load()}",
                file=sys.stderr,
                flush=True,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
    edit, build, complete = median(edits), median(builds), median(completes)
    return (
        f"| {offers:,} | {first:.1f} | {edit:.2f} | {build:.1f} | {edit / build:.2f} | "
        f"{complete:.1f} | "
        f"{', '.join(f'{e:.2f}' for e in edits)} | {load()} |"
    )


def serve_command(sizes: list[int], rounds: int) -> None:
    print(f"Load average at start: {load()}")
    print(
        "| N | first page s | edit shown s (median) | full build s (median) | edit / build | "
        "whole site s (median) | every edit s | load |\n|---|---|---|---|---|---|---|---|"
    )
    for offers in sizes:
        with tempfile.TemporaryDirectory(prefix="vifte-bench-serve-") as tmp:
            print(measure(offers, rounds, Path(tmp)), flush=True)
    print(f"Load average at end: {load()}")
