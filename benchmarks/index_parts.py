"""The search index of a large site in one Pagefind run against in parts (decision 78).

Usage (from the repository, with its .venv):
  python benchmarks/index_parts.py SITE [--copies 20] [--part-pages 10000] [--rounds 1]

SITE is a site built already (e.g. `vifte build --no-pdf` of `synthetic.py`'s 1,000 offers). Its
indexed pages are repeated `--copies` times under folders of their own (hard links, so no disk),
as a site with that many times the pages; then the search index is built over it in one run and
in parts of `--part-pages`, in turn, each as `index_site` does in a build (measure.run: wall,
CPU, the largest process, the process tree).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import load, median, run  # noqa: E402

BODY = b"data-pagefind-body"
INDEX = "from pathlib import Path; import sys; from vifte.output.search import index_site; " + (
    "index_site(Path(sys.argv[1]), part_pages=int(sys.argv[2]))"
)


def repeated(site: Path, copies: int, into: Path) -> int:
    """`site`'s indexed pages `copies` times under into/c<n>/ (hard links); how many pages."""
    pages = [p for p in site.rglob("*.html") if BODY in p.read_bytes()]
    search = site / "soeg/index.html"
    (into / "soeg").mkdir(parents=True)
    shutil.copyfile(search, into / "soeg/index.html")
    for n in range(copies):
        for page in pages:
            target = into / f"c{n:03d}" / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(page, target)
    return copies * len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--part-pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    print(f"Load average at start: {load()}")
    with tempfile.TemporaryDirectory(prefix="vifte-bench-index-", dir=args.site.parent) as tmp:
        big = Path(tmp) / "site"
        pages = repeated(args.site, args.copies, big)
        ways = {"one run": 10**9, f"parts of {args.part_pages:,}": args.part_pages}
        got: dict[str, list] = {way: [] for way in ways}
        for r in range(args.rounds):
            order = list(ways)[r % 2 :] + list(ways)[: r % 2]
            for way in order:
                shutil.rmtree(big / "pagefind", ignore_errors=True)
                got[way].append(run([sys.executable, "-c", INDEX, str(big), str(ways[way])]))
                folders = sorted(p.parent.name for p in (big / "pagefind").rglob("*-entry.json"))
                print(
                    f"  round {r + 1} {way}: {got[way][-1].seconds:.1f} s, "
                    f"{got[way][-1].largest_mib:.0f} MiB ({got[way][-1].largest_name}), "
                    f"{len(folders)} index folder(s), load {load()}",
                    file=sys.stderr,
                    flush=True,
                )
        print(
            f"{pages:,} indexed pages ({args.copies} × {pages // args.copies:,}); medians of "
            f"{args.rounds} round(s)\n"
        )
        print("| index | wall s | CPU s | largest process MiB | tree MiB |\n|---|---|---|---|---|")
        for way, runs in got.items():
            print(
                f"| {way} | {median([x.seconds for x in runs]):.1f} | "
                f"{median([x.cpu_seconds for x in runs]):.1f} | "
                f"{median([x.largest_mib for x in runs]):.0f} "
                f"({', '.join(sorted({x.largest_name for x in runs}))}) | "
                f"{median([x.tree_mib for x in runs]):.0f} |"
            )
    print(f"\nLoad average at end: {load()}")


if __name__ == "__main__":
    main()
