"""Issue 27's target 5: the build with en/uk/ar against the Danish-only build of the same catalogue.

Usage: python benchmarks/compare.py languages 300 1000 [--rounds 3] [--pdf]

For each N it makes one synthetic catalogue (synthetic.py) in two projects that differ only in
settings.yaml's `languages: [en, uk, ar]` (no translations: every text is a Danish fallback, the
most a language can cost), builds them in turn, alternating which goes first, into fresh folders,
and prints the medians and the ratio (target: at most 3.0×). Without `--pdf` it is
`vifte build --no-pdf`; with `--pdf` every PDF is rendered, from an empty PDF cache each round.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Run, load, median, run  # noqa: E402
from synthetic import make_project  # noqa: E402

from vifte.output.pdf_cache import FOLDER as CACHE  # noqa: E402
from vifte.source.project import Project  # noqa: E402

EXTRA = ["en", "uk", "ar"]
BIN = Path(sys.executable).parent


def with_languages(project: Path, codes: list[str]) -> None:
    """Put `languages: [...]` first in the project's settings.yaml."""
    settings = Project.at(project).settings_file
    text = settings.read_text(encoding="utf-8")
    settings.write_text(f"languages: [{', '.join(codes)}]\n{text}", encoding="utf-8")


def build(project: Path, site: Path, pdf: bool) -> Run:
    shutil.rmtree(project / CACHE, ignore_errors=True)  # every round renders its PDFs
    args = [str(BIN / "vifte"), "build", "-p", str(project), "-d", str(site)]
    return run(args + ([] if pdf else ["--no-pdf"]))


def files_in(site: Path) -> int:
    return sum(1 for p in site.rglob("*") if p.is_file())


def measure(offers: int, rounds: int, pdf: bool, work: Path) -> str:
    """One table row: medians of both builds of one N, built in turn, alternating."""
    projects = {"da": work / "da", "four": work / "four"}
    make_project(projects["da"], offers)
    shutil.copytree(projects["da"], projects["four"])
    with_languages(projects["four"], EXTRA)
    runs: dict[str, list[Run]] = {"da": [], "four": []}
    files: dict[str, int] = {}
    start = load()
    for r in range(rounds):
        for kind in ("da", "four") if r % 2 == 0 else ("four", "da"):
            site = work / f"site-{kind}"
            runs[kind].append(build(projects[kind], site, pdf))
            files[kind] = files_in(site)
            shutil.rmtree(site)
            print(
                f"  N={offers} round {r + 1} {kind}: {runs[kind][-1].seconds:.1f} s, "
                f"CPU {runs[kind][-1].cpu_seconds:.1f} s, load {load()}",
                file=sys.stderr,
                flush=True,
            )
    da_s, four_s = (median([g.seconds for g in runs[k]]) for k in ("da", "four"))
    da_cpu, four_cpu = (median([g.cpu_seconds for g in runs[k]]) for k in ("da", "four"))
    return (
        f"| {offers:,} | {'yes' if pdf else 'no'} | {da_s:.1f} | {four_s:.1f} | "
        f"**{four_s / da_s:.2f}** | {da_cpu:.1f} | {four_cpu:.1f} | {four_cpu / da_cpu:.2f} | "
        f"{files['da']:,} / {files['four']:,} | {start} → {load()} |"
    )


def languages_command(sizes: list[int], rounds: int, pdf: bool) -> None:
    print(f"Load average at start: {load()}; medians of {rounds} round(s), alternating")
    print(
        "| N | PDFs | da s | da+en+uk+ar s | time × | da CPU s | four CPU s | CPU × | files | load |\n"
        + "|---" * 10
        + "|",
        flush=True,
    )
    for offers in sizes:
        with tempfile.TemporaryDirectory(prefix="vifte-lang-") as tmp:
            print(measure(offers, rounds, pdf, Path(tmp)), flush=True)
    print(f"Load average at end: {load()}")
