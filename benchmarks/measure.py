"""Run one command and measure it: wall time, CPU time, peak memory, and which process peaked.

Peak memory comes from two sources, because neither sees everything:
- `os.wait4` on the command: ru_maxrss is the largest single process among the command and the
  descendants it waited for (Pagefind is one; a fork server's workers are not);
- a watcher that reads /proc every 0.1 s: VmHWM of every process in the tree (so it can name the
  largest) and the sum of VmRSS of the whole tree (the memory the build needs at once).
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.1
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    """User + system time: wait4's (the command and the children it waited for) or the sum the
    watcher saw over the tree (also a fork server's workers), whichever is larger."""
    largest_mib: float
    """ru_maxrss (wait4) or the watcher's largest VmHWM, whichever is larger."""
    largest_name: str
    tree_mib: float
    """Largest sum of VmRSS over the process tree seen by the watcher."""
    output: str


def run(args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `args` to the end; raise SystemExit with its output if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    hwm: dict[int, tuple[int, str]] = {}
    cpu: dict[int, float] = {}
    tree_peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(INTERVAL):
            total = 0
            for pid in tree(process.pid):
                peak, rss, name = _status(pid)
                total += rss
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
                if peak > hwm.get(pid, (0, ""))[0]:
                    hwm[pid] = (peak, name)
            tree_peak[0] = max(tree_peak[0], total)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    assert process.stdout is not None
    output = process.stdout.read()  # the pipe closes when the command and its children end
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{output[-3000:]}")
    seen_kib, seen_name = max(hwm.values(), default=(0, "?"))
    waited_kib = usage.ru_maxrss
    name = seen_name
    if waited_kib > 1.1 * seen_kib:  # grew after the last look, or a child lived < 0.1 s
        name += "?"
    return Run(
        seconds,
        max(usage.ru_utime + usage.ru_stime, sum(cpu.values())),
        max(seen_kib, waited_kib) / 1024,
        name,
        tree_peak[0] / 1024,
        output,
    )


def tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def hwm_kib(pid: int) -> int:
    """VmHWM (the process's own peak resident memory) in KiB, 0 if it is gone."""
    return _status(pid)[0]


def _status(pid: int) -> tuple[int, int, str]:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0, ""

    def kib(field: str) -> int:
        match = re.search(rf"{field}:\s+(\d+) kB", status)
        return int(match.group(1)) if match else 0

    name = re.search(r"Name:\s+(\S+)", status)
    return kib("VmHWM"), kib("VmRSS"), name.group(1) if name else "?"


def _cpu_seconds(pid: int) -> float:
    """The process's own user + system time so far (not its children's)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def load() -> str:
    """The load average as `uptime` shows it."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
