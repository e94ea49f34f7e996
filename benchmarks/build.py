"""Time `vifte check` and `vifte build` on synthetic catalogues (synthetic.py) of growing size.

Usage: python3 benchmarks/build.py [N ...]   (default: 100 1000 5000)
Prints, per size: seconds to load and validate, seconds to build the site, peak memory of the
build process, number of files and total size of the site.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_project  # noqa: E402


def run(*args: str) -> tuple[float, float]:
    """Seconds and peak memory (MiB, the process and what it started) of one vifte command."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "vifte", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"vifte {' '.join(args)} failed with exit code {process.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def measure(offers: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        make_project(root, offers)
        check_s, _ = run("check", "-p", str(root))
        build_s, peak = run("build", "-p", str(root), "--no-pdf")  # PDFs: a benchmark of their own
        files = [p for p in (root / "site").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        return f"{offers:>7} {check_s:>9.2f} {build_s:>9.2f} {peak:>10.0f} {len(files):>7} {size / 1e6:>9.1f}"


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000, 5000]
    print(
        f"{'offers':>7} {'check s':>9} {'build s':>9} {'peak MiB':>10} {'files':>7} {'site MB':>9}"
    )
    for n in sizes:
        print(measure(n), flush=True)


if __name__ == "__main__":
    main()
