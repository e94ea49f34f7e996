"""`compare.py huge --offers 100000`: one very large build, and which resource would run out first.

Generates the synthetic catalogue (timed), builds it with `vifte build --no-pdf` (time, CPU,
largest process and the sum over the process tree, see measure.py), and samples every second
in a thread: MemAvailable from /proc/meminfo, and free space and free inodes on the build's
file system (os.statvfs; walking the site every second would itself load the machine). At the
end it counts the site's files and bytes once. The build's own use (its process tree's peak
memory; the project and the site on disk) per offer, against the least that was left on the
machine, says how many offers each resource would allow, and so which runs out first.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from measure import load, run
from synthetic import make_project


def mem_available() -> tuple[int, int]:
    """MemAvailable and MemTotal in bytes."""
    info = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        name, _, value = line.partition(":")
        info[name] = int(value.split()[0]) * 1024
    return info["MemAvailable"], info["MemTotal"]


def disk(folder: Path) -> tuple[int, int, int, int]:
    """Free bytes, total bytes, free inodes, total inodes of `folder`'s file system."""
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize, st.f_favail, st.f_files


class Sampler(threading.Thread):
    """The lowest memory, disk space and inodes left while it runs, sampled every second."""

    def __init__(self, folder: Path) -> None:
        super().__init__(daemon=True)
        self.folder = folder
        self.stop = threading.Event()
        self.start_mem = mem_available()[0]
        self.start_disk = disk(folder)
        self.low = {
            "memory": self.start_mem,
            "disk": self.start_disk[0],
            "inodes": self.start_disk[2],
        }
        self.samples = 0

    def run(self) -> None:
        while not self.stop.wait(1.0):
            free, _, inodes, _ = disk(self.folder)
            now = {"memory": mem_available()[0], "disk": free, "inodes": inodes}
            self.low = {k: min(v, now[k]) for k, v in self.low.items()}
            self.samples += 1


def huge_command(offers: int, folder: Path | None, project: Path | None = None) -> None:
    """`project`: a synthetic catalogue of `offers` made already (synthetic.py), not timed again."""
    print(f"Load average at start: {load()}; {os.cpu_count()} cores")
    base = Path(tempfile.mkdtemp(prefix="vifte-bench-huge-", dir=folder))
    try:
        _measure(offers, base, project)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"Load average at end: {load()}")


def _measure(offers: int, base: Path, project: Path | None = None) -> None:
    sampler = Sampler(base)
    sampler.start()
    start = time.perf_counter()
    if project is None:
        project = base / "p"
        make_project(project, offers)
    generated = time.perf_counter() - start
    vifte = str(Path(sys.executable).parent / "vifte")
    site = base / "site"
    result = run([vifte, "build", "--no-pdf", "-p", str(project), "-d", str(site)])
    sampler.stop.set()
    sampler.join()
    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    sources = [p for p in project.rglob("*") if p.is_file()]
    _, mem_total = mem_available()
    _, disk_total, _, inode_total = disk(base)
    used = {  # the build's own use: its process tree's peak, the project and site on disk
        "memory": max(result.tree_mib, result.largest_mib) * 2**20,
        "disk": size + sum(p.stat().st_size for p in sources),
        "inodes": len(files) + len(sources),
    }
    left = dict(sampler.low)
    total = {"memory": mem_total, "disk": disk_total, "inodes": inode_total}
    print(
        f"| offers | generate s | build s | CPU/wall | largest process MiB | tree MiB | "
        f"site files | site MB |\n|---|---|---|---|---|---|---|---|\n"
        f"| {offers:,} | {generated:.0f} | {result.seconds:.0f} | "
        f"{result.cpu_seconds / result.seconds:.2f} | {result.largest_mib:.0f} "
        f"({result.largest_name}) | {result.tree_mib:.0f} | {len(files):,} | {size / 1e6:.0f} |\n"
    )
    print(
        "| resource | the build's own use | lowest left on the machine (sampled) | of total | "
        "offers it would allow |\n|---|---|---|---|---|"
    )
    allow = {}
    for name in ("memory", "disk", "inodes"):
        per_offer = used[name] / offers if used[name] > 0 else 0
        allow[name] = (used[name] + left[name]) / per_offer if per_offer else float("inf")
        unit = (lambda v: f"{v / 2**30:.1f} GiB") if name != "inodes" else (lambda v: f"{v:,}")
        print(
            f"| {name} | {unit(used[name])} | {unit(left[name])} | "
            f"{left[name] / total[name]:.0%} | {allow[name]:,.0f} |"
        )
    first = min(allow, key=lambda k: allow[k])
    print(
        f"\nFirst to run out as offers grow: {first} (at about {allow[first]:,.0f} offers, "
        f"if use grows in proportion, fixed costs included, so a lower bound; {sampler.samples} samples; "
        "a rebuild over an existing site needs its disk space twice while it swaps)."
    )
