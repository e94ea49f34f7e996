"""The full build's own process: a fork of the preview's, which starts warm (decision 73).

A fork has the preview's imports, parsed files and compiled templates already, where a fresh
interpreter (child.py, still used where the system has no fork) spends seconds on them before it
builds. The preview's other threads only serve files and wait for builds; the child uses none of
their locks, and only this thread goes on in it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable

FORK = hasattr(os, "fork")
"""Whether full builds run in a fork (False: in a fresh interpreter, as on Windows)."""
STOPPED = 130
"""A child's exit code after Ctrl-C or SIGTERM."""


class Forked:
    """`work()` in a fork of this process; its exit code is what `work` returns.

    Offers the part of `subprocess.Popen` the preview uses: poll, wait, kill, returncode.
    """

    def __init__(self, work: Callable[[], int]):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # else the child would write this process's pending lines again
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: "multi-threaded"
            pid = os.fork()
        if pid == 0:
            _child(work)
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        end = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if end is not None and time.monotonic() >= end:
                raise subprocess.TimeoutExpired(f"fork {self.pid}", timeout or 0)
            time.sleep(0.01)
        return code

    def kill(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _child(work: Callable[[], int]) -> None:
    """Run `work` and end the fork at once: none of the preview's own clean-up runs here."""
    code = 1
    try:
        code = work()
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM (the preview's handler raises a subclass)
        code = STOPPED
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
