"""Putting a finished site in place of the old one so that a crash at any moment is recoverable.

Beside the target (the usual case) the staging folder `.vifte-build-<name>` is exchanged with the
target in one atomic step (Linux renameat2 with RENAME_EXCHANGE). Where the file system cannot do
that, the target is first renamed to `.vifte-old-<name>`; a later run that finds this backup
without a target puts it back.

Inside the target (a mount point, which cannot be renamed) the site is staged in
`<target>/.vifte-build`; the old entries are moved into `.vifte-old`, the staging folder is
renamed to `.vifte-new` (the point of no return) and its entries are moved up. A run that finds
`.vifte-old` next to `.vifte-build` undoes the move; next to `.vifte-new` it finishes it.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import re
import shutil
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

OWN_PREFIX = ".vifte-"
STAGING, OLD, NEW, LOCK = (f"{OWN_PREFIX}{n}" for n in ("build", "old", "new", "lock"))
NOT_CONTENT = {STAGING, OLD, NEW, LOCK, "lost+found"}
"""vifte's working entries inside a target, and a file system's own folder at a mount's root."""

AT_FDCWD = -100
RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class Layout:
    """Where the staging, backup and lock of one target live."""

    target: Path
    in_place: bool

    def _own(self, kind: str) -> Path:
        if self.in_place:
            return self.target / kind
        return self.target.parent / f"{kind}-{self.target.name}"

    @property
    def staging(self) -> Path:
        return self._own(STAGING)

    @property
    def old(self) -> Path:
        return self._own(OLD)

    @property
    def new(self) -> Path:
        return self._own(NEW)

    @property
    def lock(self) -> Path:
        return self._own(LOCK)


def entries(folder: Path) -> list[Path]:
    """The folder's content, leaving out vifte's own working entries and lost+found."""
    return sorted(p for p in folder.iterdir() if p.name not in NOT_CONTENT)


def is_mount_point(path: Path) -> bool:
    """True for any mount point, including a bind mount within one file system."""
    if os.path.ismount(path):
        return True
    try:
        table = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    octal = re.compile(r"\\([0-7]{3})")
    points = {
        octal.sub(lambda m: chr(int(m[1], 8)), line.split()[4]) for line in table.splitlines()
    }
    return str(path) in points


def recover(layout: Layout) -> str | None:
    """Finish or undo a swap an earlier, killed run left half done; remove its staging folder.

    Returns a line for the user when a site was put back or completed.
    """
    target, told = layout.target, None
    if layout.in_place:
        if layout.old.exists() and layout.staging.exists():
            _move_all(layout.old, target)
            told = f"Lagde det tidligere site tilbage i {target} efter en afbrudt bygning."
        elif layout.new.exists():
            _move_all(layout.new, target)
            told = f"Gjorde udskiftningen af sitet i {target} færdig efter en afbrudt bygning."
    elif layout.old.exists() and not os.path.lexists(target):
        os.rename(layout.old, target)
        told = f"Lagde det tidligere site tilbage i {target} efter en afbrudt bygning."
    for leftover in (layout.staging, layout.new, layout.old):
        if leftover.exists():
            shutil.rmtree(leftover)
    return told


def commit(layout: Layout, *, exchange: bool = True) -> None:
    """Put the complete staging folder in place of the target and remove the old site."""
    if layout.in_place:
        _swap_in_place(layout)
    elif not os.path.lexists(layout.target):
        os.rename(layout.staging, layout.target)
    elif exchange and _exchange(layout.staging, layout.target):
        shutil.rmtree(layout.staging, ignore_errors=True)  # it holds the old site now
    else:
        os.rename(layout.target, layout.old)
        try:
            os.rename(layout.staging, layout.target)
        except OSError:
            os.rename(layout.old, layout.target)
            raise
        shutil.rmtree(layout.old, ignore_errors=True)


def _swap_in_place(layout: Layout) -> None:
    target, old = layout.target, layout.old
    old.mkdir()
    try:
        for entry in entries(target):
            os.rename(entry, old / entry.name)
        os.rename(layout.staging, layout.new)
    except OSError:
        _move_all(old, target)
        raise
    _move_all(layout.new, target)
    shutil.rmtree(old, ignore_errors=True)


def _move_all(source: Path, target: Path) -> None:
    """Move every entry of `source` into `target`, then remove the empty `source`."""
    for entry in source.iterdir():
        os.rename(entry, target / entry.name)
    source.rmdir()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


@functools.cache
def _renameat2():
    if sys.platform != "linux":
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no libc symbol: glibc before 2.28, musl
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


@contextmanager
def held_signals() -> Iterator[list[int]]:
    """Hold back Ctrl-C and SIGTERM while files are moved; yields the signals that came meanwhile."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = {
        sig: signal.signal(sig, lambda number, _frame: caught.append(number))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield caught
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)
