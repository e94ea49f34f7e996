"""Expensive outputs made once per test run, also when pytest-xdist runs the tests in workers.

A session fixture runs once in each xdist worker; `built_once` makes the first worker that asks
build into a folder every worker shares (beside the workers' own temp folders) while the others
wait on a file lock, then read the same result. Tests must treat such a folder as read-only.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


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
