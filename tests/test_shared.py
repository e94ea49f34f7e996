"""The waits of tests/shared.py: a condition polled under a ceiling, and a process that ends
first is a failure at once, not a wait until the ceiling."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .shared import PATIENCE, wait_until


def test_wait_until_returns_what_the_condition_found():
    answers = iter([None, "", "sidste"])
    assert wait_until(lambda: next(answers), "an answer", every=0) == "sidste"


def test_a_process_that_ends_first_fails_the_wait_at_once_with_what_it_said():
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    process.wait(timeout=PATIENCE)
    with pytest.raises(AssertionError, match=r"ended \(exit 3\) before the page: it said so"):
        wait_until(lambda: False, "the page", process, said=lambda: "it said so")
