"""Issue 27's target 5 has a command: `compare.py languages N` builds one synthetic catalogue in
Danish only and with en/uk/ar, and prints both medians and their ratio (no timing asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

BIN = Path(sys.executable).parent


def test_compare_languages_builds_both_and_prints_the_ratio():
    result = subprocess.run(
        [BIN / "python", REPO / "benchmarks" / "compare.py", "languages", "5", "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "| N | PDFs | da s | da+en+uk+ar s | time × |" in out
    row = next(line for line in out.splitlines() if line.startswith("| 5 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1] == "no"
    assert float(cells[2]) > 0 and float(cells[3]) > 0 and float(cells[4].strip("*")) > 0
    da, four = (int(n.replace(",", "")) for n in cells[8].split(" / "))
    assert four > 2 * da  # the pages again under /en/, /uk/ and /ar/ (the theme's files shared)
    assert "Load average at start:" in out and "Load average at end:" in out
