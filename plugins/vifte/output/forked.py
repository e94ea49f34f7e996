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
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 100
"""Below this many items a fork costs more than it saves."""


def worth_forking(count: int, least: int | None = None) -> bool:
    """Whether to split `count` items: at least `least` (MIN_ITEMS) of them, a second core, and
    no other thread (a thread holding a lock at the fork, e.g. under `vifte serve`, could leave
    the child stuck)."""
    return (
        count >= (MIN_ITEMS if least is None else least)
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) >= 2
        and threading.active_count() == 1
    )


def map_in_two(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    first: Iterable[int] = (),
    state: Callable[[], Any] = lambda: None,
    merge: Callable[[Any], None] = lambda _: None,
    least: int | None = None,
) -> list[R]:
    """`[function(i) for i in items]`, the second half done by a forked child when
    `worth_forking`. The items at the indices `first` are done before the fork, so that what
    they load once (e.g. compiled templates) is not loaded again in each process. After its
    share the child calls `state()` and the parent gets the result through `merge` (work the
    child did that the parent would otherwise do again).

    If the child fails in any way, the parent does the child's share itself, so an error in an
    item is raised here just as in one process.
    """
    if not worth_forking(len(items), least):
        return [function(i) for i in items]
    done: dict[int, R] = {i: function(items[i]) for i in first}
    rest = [i for i in range(len(items)) if i not in done]
    mine, theirs = rest[: len(rest) // 2], rest[len(rest) // 2 :]
    with tempfile.TemporaryFile() as out:
        pid = os.fork()
        if pid == 0:  # the child: its share, then leave without running the parent's cleanup
            code = 1
            try:
                made = [function(items[i]) for i in theirs]
                pickle.dump((made, state()), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                code = 0
            finally:
                os._exit(code)
        try:
            done.update((i, function(items[i])) for i in mine)
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            out.seek(0)
            made, their_state = pickle.load(out)  # noqa: S301 (our own child's bytes)
            done.update(zip(theirs, made, strict=True))
            merge(their_state)
    done.update((i, function(items[i])) for i in theirs if i not in done)
    return [done[i] for i in range(len(items))]
