"""Time an edit under `vifte serve` against a full `vifte build --no-pdf`, in the same run.

Usage: python3 benchmarks/serve.py [N] [ROUNDS]   (default: 1000 offers, 3 rounds)
Makes a project of N offers, starts `vifte serve` on it and, alternating with full builds of the
same project, changes one offer's title and polls the served page every 20 ms: "shown" is the
time from saving the file to the new title in the offer's page, "complete" to the new title in
the offer list as well (the whole site rebuilt). Prints each round, the medians, the ratio of
"shown" to a full build and the load average.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import make_project, run  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _until(url: str, text: str, start: float, limit: float = 300) -> float:
    """Seconds from `start` until the page at `url` holds `text`, polled every 20 ms."""
    while text not in _get(url):
        if time.perf_counter() - start > limit:
            raise SystemExit(f"{url} never showed {text!r}")
        time.sleep(0.02)
    return time.perf_counter() - start


def main() -> None:
    offers = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        make_project(root, offers)
        port = _free_port()
        base = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "vifte", "serve", "-p", str(root), "-a", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            item = 7
            page = f"{base}tilbud/tilbud-{item:06d}/"
            _until(page, f"sforløb {item}</h1>", time.perf_counter())
            full, shown, complete = [], [], []
            path = root / "catalogue" / "offers" / f"tilbud-{item:06d}.yaml"
            print(f"{'round':>5} {'build s':>8} {'shown s':>8} {'complete s':>11}  load")
            for n in range(rounds):
                full.append(run("build", "-p", str(root), "--no-pdf")[0])
                text = path.read_text(encoding="utf-8")
                title = f"Rettet titel {n}"
                start = time.perf_counter()
                path.write_text(
                    "\n".join(
                        f"title: {title}" if line.startswith("title:") else line
                        for line in text.split("\n")
                    ),
                    encoding="utf-8",
                )
                shown.append(_until(page, f"<h1>{title}</h1>", start))
                complete.append(_until(f"{base}tilbud/", title, start))
                time.sleep(1)  # let the server settle before the next full build
                load = os.getloadavg()[0]
                print(
                    f"{n + 1:>5} {full[-1]:>8.2f} {shown[-1]:>8.2f} {complete[-1]:>11.2f}  {load:.2f}",
                    flush=True,
                )
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
    b, s, c = (statistics.median(x) for x in (full, shown, complete))
    print(
        f"median: build {b:.2f} s, shown {s:.2f} s ({s / b:.0%} of a build), "
        f"complete {c:.2f} s ({c / b:.0%}); load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
