"""The PDF workers: started by a fork server (never forked from a process with threads), one per
core, replaced after RECYCLE renders each, results in the jobs' order."""

from __future__ import annotations

import os
import threading

from vifte.output import workers
from vifte.output.workers import render_all, worker_count

JOBS = 150
"""More than two workers render before they are replaced, at the real RECYCLE."""


def whoami(job: int) -> tuple[int, int, int, int]:
    """The job, this process, its parent, and how many threads it runs."""
    return job, os.getpid(), os.getppid(), threading.active_count()


def test_workers_come_from_a_fork_server_and_are_replaced_after_recycle_renders(monkeypatch):
    monkeypatch.setattr(workers, "RECYCLE", 2)
    stop = threading.Event()
    busy = threading.Thread(target=stop.wait)  # like MkDocs' live-reload threads
    busy.start()
    try:
        results = list(render_all(whoami, list(range(8)), workers=2))
    finally:
        stop.set()
        busy.join()
    assert [job for job, *_ in results] == list(range(8))
    pids = {pid for _, pid, _, _ in results}
    assert os.getpid() not in pids
    # Not forked from this process (which runs threads): their parent is the fork server.
    assert {ppid for _, _, ppid, _ in results} != {os.getpid()}
    assert all(threads == 1 for *_, threads in results)
    per_process = [sum(pid == p for _, pid, _, _ in results) for p in pids]
    # A fresh pool for every 2 workers × RECYCLE renders: no process renders more.
    assert max(per_process) <= 4 and len(pids) >= 2


def test_one_worker_per_core_and_none_for_a_single_job():
    assert worker_count(100) == max(1, os.cpu_count() or 1)
    assert worker_count(1) == 1 and worker_count(0) == 1
    assert worker_count(5, workers=3) == 3
    assert list(render_all(whoami, [7]))[0][1] == os.getpid()


def test_more_jobs_than_the_workers_render_before_replacement_all_finish():
    assert JOBS > 2 * workers.RECYCLE
    results = list(render_all(whoami, list(range(JOBS)), workers=2))
    assert [job for job, *_ in results] == list(range(JOBS))
