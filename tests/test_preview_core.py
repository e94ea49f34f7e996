"""The live preview is part of the core: it reaches the site generator through one function only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import vifte

PREVIEW = Path(vifte.__file__).parent / "preview"


def test_the_preview_imports_no_site_generator():
    modules = sorted(f"vifte.preview.{p.stem}" for p in PREVIEW.glob("*.py"))
    assert "vifte.preview.server" in modules and "vifte.preview.session" in modules
    script = (
        f"import sys\nfor m in {modules!r}: __import__(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
