"""Time one save through `vifte rediger`'s API (write, checks in the whole project) by size.

Usage: python3 benchmarks/editor_save.py [OFFERS ...]   (default: 68 1000)
A save of an edited offer = the writer, `vifte check`'s checks on a linked copy of the
project, and the atomic write. Prints the median of five saves after one warm-up save.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_project  # noqa: E402

from vifte.editor.proxy import Proxy  # noqa: E402
from vifte.source.project import Project  # noqa: E402


def save_seconds(proxy: Proxy, path: str, title: str) -> float:
    file = proxy.project.root / path
    data = yaml.safe_load(file.read_text("utf-8"))
    data["title"] = title
    params = {
        "dataFiles": [{"path": path, "raw": yaml.safe_dump(data, allow_unicode=True)}],
        "options": {"newEntry": False},
    }
    start = time.perf_counter()
    status, answer = proxy.handle({"action": "persistEntry", "params": params})
    elapsed = time.perf_counter() - start
    if status != 200:
        raise SystemExit(f"the save was refused: {answer}")
    return elapsed


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [68, 1000]
    for offers in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "p"
            make_project(root, offers)
            proxy = Proxy(Project.at(root))
            path = next(
                f"catalogue/offers/{f.name}"
                for f in sorted((root / "catalogue/offers").glob("*.yaml"))
            )
            save_seconds(proxy, path, "Opvarmning")
            runs = [save_seconds(proxy, path, f"Titel {i}") for i in range(5)]
        print(f"{offers} offers: one save through the editor {statistics.median(runs):.2f} s")


if __name__ == "__main__":
    main()
