"""Issue 17's benchmark in one command: vifte against plain mkdocs-material, and the rest.

Usage (from the repository, with its .venv):
  python benchmarks/compare.py [build] 1000 5000 [--rounds 3]   vifte build --no-pdf vs mkdocs build
                                                 of the vanilla and the light twin
  python benchmarks/compare.py serve 1000        a saved edit under `vifte serve`, vs a full build
  python benchmarks/compare.py search 5000       bytes before the first search result (Chromium)
  python benchmarks/compare.py filter 5000       the filter page: bytes on first load, long tasks
  python benchmarks/compare.py weight 5000       both, Min plan and the largest pages (weight.py)
  python benchmarks/compare.py weight --site DIR  the same for a site built already
  python benchmarks/compare.py pdf 1000          the A4 catalogue vs one naive WeasyPrint call
  python benchmarks/compare.py huge --offers 100000   one very large build, and what runs out first
  python benchmarks/compare.py languages 300 1000 [--pdf]   en/uk/ar against Danish only (languages.py)

`build` makes the synthetic catalogue (synthetic.py) and its two plain twins (vanilla.py: the
vanilla twin with the same text, the light twin with title, summary and description only) of
each N, then builds the three in turn, rotating which goes first, into fresh folders; it prints
medians and the ratios the issue's targets name against each twin, with the load average beside.
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

from measure import Run, load, median, run  # noqa: E402
from synthetic import make_project  # noqa: E402
from vanilla import make_vanilla  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def vifte_build(project: Path, site: Path) -> Run:
    return run(
        [str(BIN / "vifte"), "build", "--no-pdf", "-p", str(project), "-d", str(site)], env=ENV
    )


def vanilla_build(config: Path, site: Path) -> Run:
    return run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(site)], env=ENV)


def site_size(site: Path) -> tuple[int, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


TWINS = ("vanilla", "light")
"""The plain mkdocs-material twins vifte is measured against (vanilla.py)."""


def measure(offers: int, rounds: int, work: Path) -> dict[str, object]:
    """Median seconds and memory of the three builds of one N, built in turn, rotating the order."""
    data = make_project(work / "vifte", offers)
    configs = {twin: make_vanilla(work / twin, data, light=twin == "light") for twin in TWINS}
    tools = ("vifte", *TWINS)
    runs: dict[str, list[Run]] = {tool: [] for tool in tools}
    loads = [load()]
    sizes = {}
    for r in range(rounds):
        order = tools[r % len(tools) :] + tools[: r % len(tools)]
        for tool in order:
            site = work / f"site-{tool}-{r}"
            if tool == "vifte":
                runs[tool].append(vifte_build(work / "vifte", site))
            else:
                runs[tool].append(vanilla_build(configs[tool], site))
            sizes[tool] = site_size(site)
            shutil.rmtree(site)
            print(
                f"  N={offers} round {r + 1} {tool}: {runs[tool][-1].seconds:.1f} s, "
                f"{runs[tool][-1].largest_mib:.0f} MiB ({runs[tool][-1].largest_name}), "
                f"load {load()}",
                file=sys.stderr,
                flush=True,
            )
        loads.append(load())
    result: dict[str, object] = {"offers": offers, "loads": loads}
    for tool, got in runs.items():
        result[tool] = {
            "seconds": median([g.seconds for g in got]),
            "cpu": median([g.cpu_seconds for g in got]),
            "largest": median([g.largest_mib for g in got]),
            "largest_name": sorted({g.largest_name for g in got}),
            "tree": median([g.tree_mib for g in got]),
            "files": sizes[tool][0],
            "mb": sizes[tool][1],
        }
    return result


def table(results: list[dict], rounds: int, twin: str = "vanilla") -> str:
    """The Markdown table of medians and ratios against `twin`, then the growth between the
    smallest and largest N."""
    head = (
        f"| N | vifte s | {twin} s | time × | vifte CPU s | {twin} CPU s | CPU × | vifte MiB | "
        f"{twin} MiB | memory × | vifte tree MiB | {twin} tree MiB | tree × | vifte site | "
        f"{twin} site | load |\n" + "|---" * 16 + "|\n"
    )
    lines = []
    for r in results:
        v, p = r["vifte"], r[twin]
        lines.append(
            f"| {r['offers']:,} | {v['seconds']:.1f} | {p['seconds']:.1f} | "
            f"{v['seconds'] / p['seconds']:.2f} | {v['cpu']:.1f} | {p['cpu']:.1f} | "
            f"{v['cpu'] / p['cpu']:.2f} | {v['largest']:.0f} ({', '.join(v['largest_name'])}) | "
            f"{p['largest']:.0f} | {v['largest'] / p['largest']:.2f} | {v['tree']:.0f} | "
            f"{p['tree']:.0f} | {v['tree'] / p['tree']:.2f} | "
            f"{v['files']:,} files, {v['mb']:.0f} MB | {p['files']:,} files, {p['mb']:.0f} MB | "
            f"{r['loads'][0]} → {r['loads'][-1]} |"
        )
    text = f"Against the {twin} twin:\n\n" + head + "\n".join(lines) + "\n"
    if len(results) > 1:
        small, big = results[0], results[-1]
        text += (
            f"\nGrowth from {small['offers']:,} to {big['offers']:,} offers "
            f"(linear: {big['offers'] / small['offers']:.1f}×):\n\n"
            "| tool | time × | CPU × | memory × | tree memory × |\n|---|---|---|---|---|\n"
        )
        for tool in ("vifte", twin):
            a, b = small[tool], big[tool]
            text += (
                f"| {tool} | {b['seconds'] / a['seconds']:.2f} | {b['cpu'] / a['cpu']:.2f} | "
                f"{b['largest'] / a['largest']:.2f} | "
                f"{b['tree'] / a['tree']:.2f} |\n"
            )
    return text


def build_command(sizes: list[int], rounds: int) -> None:
    print(f"Load average at start: {load()}; {os.cpu_count()} cores")
    results = []
    for offers in sizes:
        with tempfile.TemporaryDirectory(prefix="vifte-bench-") as tmp:
            results.append(measure(offers, rounds, Path(tmp)))
    print(
        f"Medians of {rounds} round(s). CPU s: user + system time of the build and the children it "
        "waited for (less sensitive to a loaded machine than wall time). MiB: the largest single "
        "process (wait4 and /proc); tree MiB: the largest sum over the process tree.\n"
    )
    for twin in TWINS:
        print(table(results, rounds, twin))
    print(f"Load average at end: {load()}")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = ("build", "serve", "search", "filter", "weight", "pdf", "huge", "languages")
    if not argv or argv[0] not in commands:
        argv.insert(0, "build")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=commands)
    parser.add_argument("sizes", nargs="*", type=int, help="numbers of offers")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--offers", type=int, default=100_000, help="huge: number of offers")
    parser.add_argument("--pdf", action="store_true", help="languages: render every PDF too")
    parser.add_argument("--dir", type=Path, default=None, help="huge: where to build")
    parser.add_argument(
        "--project", type=Path, default=None, help="huge: a synthetic project made already"
    )
    parser.add_argument(
        "--site", type=Path, default=None, help="search, filter, weight: a site built already"
    )
    args = parser.parse_args(argv)
    if args.command == "build":
        build_command(args.sizes or [1000, 5000], args.rounds)
    elif args.command == "serve":
        from serve_bench import serve_command

        serve_command(args.sizes or [1000], args.rounds)
    elif args.command in ("search", "filter", "weight"):
        from weight import weight_command

        weight_command(args.command, args.sizes or [5000], args.site)
    elif args.command == "pdf":
        from pdf import HEADER
        from pdf import measure as pdf_measure

        print(f"Load average at start: {load()}")
        print(HEADER)
        for offers in args.sizes or [1000]:
            for line in pdf_measure(offers, args.rounds):
                print(line, flush=True)
        print(f"Load average at end: {load()}")
    elif args.command == "languages":
        from languages import languages_command

        languages_command(args.sizes or [300, 1000], args.rounds, args.pdf)
    else:
        from huge import huge_command

        huge_command(args.offers, args.dir, args.project)


if __name__ == "__main__":
    main()
