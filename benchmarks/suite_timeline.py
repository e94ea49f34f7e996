"""A pytest plugin: when each test ran, in which xdist worker, its wall and CPU seconds.

One JSON line per test phase (setup, call, teardown) into `$SUITE_TIMELINE/<worker>.jsonl`:
worker, test, phase, start and end (epoch seconds), CPU seconds of the worker and its waited-for
children, and the load average at the end. `benchmarks/suite_schedule.py` reads the folder:
busy and idle time per worker, each module's span, and the load beside them.

Usage: SUITE_TIMELINE=/tmp/tl PYTHONPATH=benchmarks .venv/bin/python -m pytest -p suite_timeline ...
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

import pytest


def _cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _out() -> Path | None:
    folder = os.environ.get("SUITE_TIMELINE")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder) / f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.jsonl"


def _record(item: pytest.Item, phase: str, start: float, cpu: float) -> None:
    out = _out()
    if out is None:
        return
    line = {
        "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"),
        "test": item.nodeid,
        "phase": phase,
        "start": start,
        "end": time.time(),
        "cpu": _cpu_now() - cpu,
        "load": os.getloadavg()[0],
    }
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    start, cpu = time.time(), _cpu_now()
    yield
    _record(item, "setup", start, cpu)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    start, cpu = time.time(), _cpu_now()
    yield
    _record(item, "call", start, cpu)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    start, cpu = time.time(), _cpu_now()
    yield
    _record(item, "teardown", start, cpu)
