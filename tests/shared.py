"""Expensive outputs made once per test run, also when pytest-xdist runs the tests in workers.

A session fixture runs once in each xdist worker; `built_once` makes the first worker that asks
build into a folder every worker shares (beside the workers' own temp folders) while the others
wait on a file lock, then read the same result. Tests must treat such a folder as read-only.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock

T = TypeVar("T")

# How long a test waits for a server, a build or a signal's effect before it calls it a hang: a
# ceiling, never a pace. Two cores shared by several sessions (load 25+) take minutes for what a
# quiet machine does in seconds, and no test asserts how long anything takes.
PATIENCE = 600.0


def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temp folder all workers of this run share (the run's own folder without xdist)."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's base is <run>/popen-gwN; the run's folder is its parent.
    return base.parent if base.name.startswith("popen-gw") else base


def built_once(
    tmp_path_factory: pytest.TempPathFactory, key: str, build: Callable[[Path], None]
) -> Path:
    """The folder `build(folder)` filled, built by one worker for the whole run.

    `key` names the output (one folder per key); a build that fails leaves no folder behind,
    so every worker that asks sees the failure itself rather than a half-built folder.
    """
    root = shared_root(tmp_path_factory) / "shared"
    root.mkdir(exist_ok=True)
    folder = root / key
    done = root / f"{key}.done"
    with FileLock(str(root / f"{key}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                build(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            done.write_text(json.dumps({"key": key}), encoding="utf-8")
    return folder


def wait_until(
    ready: Callable[[], T],
    what: str,
    process: subprocess.Popen | None = None,
    every: float = 0.05,
    said: Callable[[], str] = str,
) -> T:
    """Poll `ready()` until it returns something true, and return that.

    Fails naming `what` when `process` ends first (the thing waited for can no longer come; with
    what `said()` returns, e.g. its output) or after `PATIENCE` seconds (a hang).
    """
    deadline = time.monotonic() + PATIENCE
    while True:
        value = ready()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise AssertionError(
                f"the process ended (exit {process.returncode}) before {what}: {said()}"
            )
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {PATIENCE:.0f} s")
        time.sleep(every)
