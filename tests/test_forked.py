"""The generated pages rendered on two cores (output/forked.py) are the pages of one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vifte.domain.edition import PUBLIC
from vifte.output import forked
from vifte.output.forked import map_in_two
from vifte.output.outputs import outputs
from vifte.output.pages import Renderer
from vifte.source.validate import require_catalogue

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def always_fork(monkeypatch):
    """Fork for any number of items (the example has fewer pages than MIN_ITEMS); count forks."""
    forks = []
    original = os.fork

    def counting() -> int:
        pid = original()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(forked, "MIN_ITEMS", 2)
    monkeypatch.setattr(os, "fork", counting)
    # The test session keeps threads of its own (browser tests' servers); the guard against
    # forking beside other threads has its own test below.
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    return forks


def _pages(renderer: Renderer) -> list:
    list(outputs(renderer.catalogue, renderer, PUBLIC, images=REPO / "catalogue/images"))
    return renderer.pages()


def test_forked_pages_are_the_pages_of_one_process(always_fork):
    catalogue, _ = require_catalogue(REPO)
    two = Renderer(catalogue)
    forked_pages = _pages(two)
    assert always_fork, "the pages were not rendered in a forked child"
    always_fork.clear()
    forked.MIN_ITEMS = 10**9
    one = Renderer(catalogue)
    single = _pages(one)
    assert not always_fork
    assert len(forked_pages) == len(single) > 20
    assert forked_pages == single
    # The child's search words came back: the parent has every page's, as one process has.
    assert two.search.made() == one.search.made()


def test_results_come_back_in_order_from_both_processes(always_fork):
    got = map_in_two(lambda i: (i, os.getpid()), list(range(9)), first=[4])
    assert [i for i, _ in got] == list(range(9))
    assert {pid for _, pid in got} == {os.getpid(), always_fork[0]}
    assert got[4][1] == os.getpid()  # done before the fork


def test_child_state_reaches_the_parent(always_fork):
    seen: list[int] = []
    kept: list[object] = []
    map_in_two(seen.append, [1, 2, 3, 4], state=lambda: list(seen), merge=kept.append)
    assert kept == [[3, 4]] and seen == [1, 2]


def test_an_error_in_the_childs_share_is_raised_as_in_one_process(always_fork):
    def render(i: int) -> int:
        if i == 7:
            raise ValueError("side 7 kunne ikke laves")
        return i

    with pytest.raises(ValueError, match="side 7"):
        map_in_two(render, list(range(8)))
    assert always_fork


def test_no_fork_beside_another_thread(monkeypatch):
    """A thread may hold a lock at the fork (under `vifte serve` the server's do): then the
    child could hang, so the items are rendered in this process."""
    import threading

    monkeypatch.setattr(forked, "MIN_ITEMS", 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        got = map_in_two(lambda i: os.getpid(), list(range(9)), first=[0])
    finally:
        stop.set()
        other.join()
    assert set(got) == {os.getpid()}
