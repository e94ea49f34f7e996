"""A pytest plugin: wall and CPU seconds per test module (setup, call and teardown summed).

CPU counts this process and every child it has waited for (the `vifte build` processes a test
starts, and theirs), so it moves less with the machine's load than wall time does.

Usage: PYTHONPATH=benchmarks .venv/bin/python -m pytest -p suite_cpu -p no:randomly tests/test_X.py ...
"""

from __future__ import annotations

import resource
import time
from collections import defaultdict

import pytest

_wall: dict[str, float] = defaultdict(float)
_cpu: dict[str, float] = defaultdict(float)


def _cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
