"""Doing a long list of independent renders on two cores: a forked child does every other one.

The child is a copy of the process (fork), so it sees the same catalogue, templates and caches
without any of them being sent; it sends back only its results, pickled into a temporary file
(a pipe would fill and stall it while the parent is busy). The results come back in the order
of the list, so the output is the same as from one process.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 100
"""Below this many items a fork costs more than it saves."""


def worth_forking(count: int) -> bool:
    """Whether to split `count` items: enough of them, a second core, and no other thread (a
    thread holding a lock at the fork, e.g. under `vifte serve`, could leave the child stuck)."""
    return (
        count >= MIN_ITEMS
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) >= 2
        and threading.active_count() == 1
    )


def map_in_two(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    state: Callable[[], Any] = lambda: None,
    merge: Callable[[Any], None] = lambda _: None,
) -> list[R]:
    """`[function(i) for i in items]`, the odd-numbered items done by a forked child when
    `worth_forking`. After its share the child calls `state()` and the parent gets the result
    through `merge` (work the child did that the parent would otherwise do again).

    If the child fails in any way, the parent does the child's share itself, so an error in an
    item is raised here just as in one process.
    """
    if not worth_forking(len(items)):
        return [function(i) for i in items]
    with tempfile.TemporaryFile() as out:
        pid = os.fork()
        if pid == 0:  # the child: its share, then leave without running the parent's cleanup
            code = 1
            try:
                done = [function(i) for i in items[1::2]]
                pickle.dump((done, state()), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                code = 0
            finally:
                os._exit(code)
        try:
            mine = [function(i) for i in items[0::2]]
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        theirs: list[R] | None = None
        if os.waitstatus_to_exitcode(status) == 0:
            out.seek(0)
            theirs, their_state = pickle.load(out)  # noqa: S301 (our own child's bytes)
            merge(their_state)
    if theirs is None:
        theirs = [function(i) for i in items[1::2]]
    result: list[R] = [None] * len(items)  # type: ignore[list-item]
    result[0::2] = mine
    result[1::2] = theirs
    return result
