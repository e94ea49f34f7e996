"""A pytest plugin: wall and CPU seconds per test module (setup, call and teardown summed).

CPU counts this process, every child it has waited for (the `vifte build` processes a test
starts, and theirs) and every descendant still alive with the children it waited for (the PDF
fork server a build in this process starts lives on, and its workers' CPU is only in its
`cutime`), so it moves less with the machine's load than wall time does.

Usage: PYTHONPATH=benchmarks .venv/bin/python -m pytest -p suite_cpu -p no:randomly tests/test_X.py ...
"""

from __future__ import annotations

import os
import resource
import time
from collections import defaultdict
from pathlib import Path

import pytest

_wall: dict[str, float] = defaultdict(float)
_cpu: dict[str, float] = defaultdict(float)


def _cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return waited + sum(_alive_cpu(pid) for pid in _descendants(os.getpid()))


TICKS = os.sysconf("SC_CLK_TCK")


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children[ppid].append(int(entry.name))
    found, todo = [], list(children[root])
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children[pid]
    return found


def _alive_cpu(pid: int) -> float:
    """A live process's user + system time and that of the children it has waited for."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return sum(int(f) for f in fields[11:15]) / TICKS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    wall, cpu = time.perf_counter(), _cpu_now()
    yield
    module = item.nodeid.split("::", 1)[0]
    _wall[module] += time.perf_counter() - wall
    _cpu[module] += _cpu_now() - cpu


def pytest_terminal_summary(terminalreporter) -> None:
    if not _wall:
        return
    write = terminalreporter.write_line
    write(f"{'module':<50} {'wall s':>8} {'CPU s':>8}")
    for module in sorted(_wall, key=_cpu.__getitem__, reverse=True):
        write(f"{module:<50} {_wall[module]:>8.1f} {_cpu[module]:>8.1f}")
    write(f"{'total':<50} {sum(_wall.values()):>8.1f} {sum(_cpu.values()):>8.1f}")
