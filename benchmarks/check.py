"""Time `vifte check` with and without its link part on a synthetic catalogue.

Usage: python3 benchmarks/check.py [OFFERS]   (default: 2000)
`check` always checks links; this measures what that part costs: the routes are computed
from the table without rendering, so the goal is a check at most 1.5x one without links.
Prints the median of five runs of each, in the same process after one warm-up run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_project  # noqa: E402

from vifte.source.validate import load_catalogue  # noqa: E402


def seconds(root: Path, links: bool) -> float:
    start = time.perf_counter()
    catalogue, _ = load_catalogue(root, links=links)
    elapsed = time.perf_counter() - start
    if catalogue is None:
        raise SystemExit("the synthetic catalogue has errors")
    return elapsed


def main() -> None:
    offers = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        make_project(root, offers)
        seconds(root, True)
        without = statistics.median(seconds(root, False) for _ in range(5))
        with_links = statistics.median(seconds(root, True) for _ in range(5))
    share = (with_links - without) / with_links
    print(
        f"{offers} offers: check without links {without:.2f} s, with links {with_links:.2f} s "
        f"({with_links / without:.2f}x; the link part is {share:.0%} of a check)"
    )


if __name__ == "__main__":
    main()
