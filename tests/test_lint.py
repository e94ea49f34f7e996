"""Code style: ruff's lint rules and formatting, and mypy's types, hold for the code and the tests."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

CODE = ["plugins", "tests", "benchmarks"]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; run the README's test command")
    return found


@pytest.mark.parametrize(
    "command",
    [["check", *CODE], ["format", "--check", *CODE]],
    ids=["lint", "format"],
)
def test_ruff_is_clean(command):
    result = subprocess.run([_tool("ruff"), *command], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    result = subprocess.run(
        [_tool("mypy"), "plugins/vifte"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
