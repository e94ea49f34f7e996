"""The processes that render PDFs: one per core, started by a fork server, recycled now and then.

WeasyPrint spends its time in Python, so independent PDFs render in parallel processes. They are
started by a fork server (a clean process that has imported vifte once), never forked from the
caller: `vifte serve` runs MkDocs' live-reload threads, and forking a process with threads is
unsafe. Workers are replaced after RECYCLE renders each, so caches WeasyPrint keeps cannot grow
without bound. Where there is no fork server (Windows), workers are spawned.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TypeVar

from vifte.domain import words

T = TypeVar("T")
R = TypeVar("R")

RECYCLE = 40
"""Renders per worker (on average) before the pool is replaced by a fresh one."""
PRELOAD = ["vifte.output.brochures", "weasyprint"]
"""Imported once by the fork server, so every worker starts with WeasyPrint loaded."""


def worker_count(jobs: int, workers: int | None = None) -> int:
    """As many workers as the machine has cores (at least 1), never more than there are jobs."""
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, jobs))


def render_all(
    render: Callable[[T], R], jobs: Sequence[T], workers: int | None = None
) -> Iterator[R]:
    """`render` of each job, in the jobs' order; in worker processes when there are several.

    `render` must be a module-level function (the workers import it).
    """
    count = worker_count(len(jobs), workers)
    if count <= 1:
        yield from (render(job) for job in jobs)
        return
    # A fresh pool per batch of RECYCLE renders per worker (Python 3.11's max_tasks_per_child
    # hangs once a worker is replaced); the fork server makes a new worker cheap.
    batch = count * RECYCLE
    for start in range(0, len(jobs), batch):
        with ProcessPoolExecutor(max_workers=count, mp_context=_context()) as pool:
            # One job at a time: a catalogue costs far more than an offer.
            # In the caller's language: a worker is a fresh process, the language a context value.
            spoken = partial(_speaking, words.active(), render)
            yield from pool.map(spoken, jobs[start : start + batch], chunksize=1)


def apart(work: Callable[..., R], *args: object) -> R:
    """`work(*args)` in a worker process of its own, in the caller's language; its exception
    is raised here. For one big step (the catalogue's merge) whose memory the caller, which
    holds the whole site, should not add to its own (decisions.md 76)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
        return pool.submit(_speaking, words.active(), work, *args).result()


def _speaking(language: str, render: Callable[..., R], *job: object) -> R:
    with words.speaking(language):
        return render(*job)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")
