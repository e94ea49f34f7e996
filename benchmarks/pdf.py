"""Time the A4 catalogue PDF at growing sizes, against one naive WeasyPrint call on the same HTML.

Usage: python3 benchmarks/pdf.py [N ...]   (default: 50 200 1000)
ROUNDS=3 alternates the single renders three times (medians); CACHE=0 skips cold/warm; ONE=0
skips `one`; BEFORE=/path/to/checkout adds `before`: `vifte` run from that checkout's `plugins/`
(e.g. a `git worktree` of main), in the same rounds. Issue 27's target 4 is the `vifte` row's
×naive in every round (the `rounds` line: each round's vifte ÷ naive).

Per size, on a synthetic catalogue (benchmarks/synthetic.py), each in a fresh process, alternating:
- naive: `HTML(string=html, base_url=images).write_pdf()` on the catalogue's HTML;
- one: vifte's render of the same HTML in one process (tagged PDF/UA, only local files, every
  warning an error): what vifte did before the catalogue was split;
- vifte: what `vifte build` does for pdf/katalog.pdf (`brochures`, worker processes, one per
  core): from SPLIT_FROM offers the catalogue in parts, merged into one tagged PDF with the front
  and page numbers (catalogue_split.py); below it, the same single render as `one`;
- cold / warm: `vifte pdf --format katalog omraade tema maalgruppe` with an empty cache, then again
  with no change (the rebuild must render no PDF).
Prints seconds, seconds per page, pages and peak memory (the largest single process, MiB), and
which process that was: `parent` (the command itself: for `vifte`, the process that holds the
catalogue, as `vifte build` does) or `worker` (a fork server's child), with the parent's own peak.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import hwm_kib, load, tree  # noqa: E402
from synthetic import make_project  # noqa: E402


def run(*args: str, env: dict[str, str] | None = None) -> tuple[float, tuple[float, float], str]:
    """Seconds, peak memory (MiB) of its largest process and of the command's own process, and
    stdout+stderr of a command.

    Workers started by a fork server are not the command's waited children, so the peak is read
    from /proc (VmHWM of the command and every descendant) every 0.2 s.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    peaks: dict[int, int] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.2):
            for pid in tree(process.pid):
                peaks[pid] = max(peaks.get(pid, 0), hwm_kib(pid))

    watcher = threading.Thread(target=watch)
    watcher.start()
    out = process.communicate()[0]
    done.set()
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out}")
    peak = (max(peaks.values(), default=0) / 1024, peaks.get(process.pid, 0) / 1024)
    return time.perf_counter() - start, peak, out


def child(mode: str, root: Path, html_file: Path) -> dict:
    """One measurement in this (fresh) process; the HTML is read before the clock starts."""
    html = html_file.read_text(encoding="utf-8")
    images = root / "catalogue/images"
    if mode == "html":
        return {"pages": 0}
    loaded = _load(root) if mode in ("vifte", "before") else None
    start = time.perf_counter()
    if mode == "naive":
        from weasyprint import HTML  # type: ignore[import-untyped]

        data = HTML(string=html, base_url=images.as_uri() + "/").write_pdf()
        pages = _pages(data)
    elif mode == "one":
        from importlib.resources import files

        from vifte.output.pdf import render_pdf

        pdf = render_pdf(html, images, (Path(str(files("vifte").joinpath("assets"))),))
        pages = pdf.pages
    else:
        pages = _vifte(root, *loaded)
    return {"seconds": time.perf_counter() - start, "pages": pages}


def _load(root: Path) -> tuple:
    """The catalogue and the template environment, as `vifte build` has them before PDFs."""
    from vifte.domain.edition import PUBLIC
    from vifte.domain.images import Pictures
    from vifte.output.pages import Renderer
    from vifte.source.validate import require_catalogue

    catalogue, _ = require_catalogue(root)
    catalogue = catalogue.for_edition(PUBLIC)
    env = Renderer(catalogue, [root / "theme/vifte"]).env
    env.globals["picture"] = Pictures(root / "catalogue/images")
    return catalogue, env


def _vifte(root: Path, catalogue, env) -> int:  # type: ignore[no-untyped-def]
    """The catalogue as `vifte build` renders it; its HTML (the parts') is made inside the clock."""
    from vifte.domain.edition import PUBLIC
    from vifte.output.brochures import _jobs, render_jobs

    # The catalogue is the first job, and _jobs makes each job's HTML only when asked for it.
    job = next(_jobs(catalogue, env, PUBLIC, root / "catalogue/images"))
    assert job.kind == "catalogue"
    [pdf] = render_jobs([job])
    assert not isinstance(pdf, str), pdf
    return pdf.pages


def _pages(data: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def measure(offers: int, rounds: int) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        make_project(root, offers)
        html_file = Path(tmp) / "katalog.html"
        _write_html(root, html_file)
        me = [sys.executable, __file__, "--child"]
        results: dict[str, list[tuple[float, tuple[float, float], int]]] = {}
        modes = ["naive", *(["one"] if os.environ.get("ONE", "1") != "0" else []), "vifte"]
        before = os.environ.get("BEFORE")
        if before:
            modes.insert(-1, "before")
        for _ in range(rounds):
            for mode in modes:
                env = None
                if mode == "before":
                    assert before is not None
                    env = {**os.environ, "PYTHONPATH": str(Path(before).resolve() / "plugins")}
                _, peak, out = run(*me, mode, str(root), str(html_file), env=env)
                got = json.loads(out.strip().splitlines()[-1])
                results.setdefault(mode, []).append((got["seconds"], peak, got["pages"]))
        naive = _median([s for s, _, _ in results["naive"]])
        for mode, rows in results.items():
            seconds = _median([s for s, _, _ in rows])
            peak, parent = max(p for _, p, _ in rows), max(p[1] for _, p, _ in rows)
            pages = rows[0][2]
            lines.append(
                f"{offers:>6} {mode:<7} {seconds:>8.1f} {seconds / pages:>9.3f} {pages:>6} "
                f"{peak[0]:>9.0f} {seconds / naive:>6.2f}  {_largest(peak)}, parent {parent:.0f}"
            )
        for mode in modes[1:]:
            each = [r[0] / n[0] for r, n in zip(results[mode], results["naive"], strict=True)]
            lines.append(
                f"{offers:>6} rounds  {mode} ÷ naive: " + " ".join(f"{x:.2f}" for x in each)
            )
        if os.environ.get("CACHE", "1") == "0":
            return lines
        vifte = [sys.executable, "-m", "vifte", "pdf", "-p", str(root), "--format"]
        vifte += ["katalog", "omraade", "tema", "maalgruppe", "--out", str(Path(tmp) / "out")]
        shutil.rmtree(root / ".vifte-cache", ignore_errors=True)
        for mode in ("cold", "warm"):
            seconds, peak, out = run(*vifte)
            said = re.search(r"PDF'er: .*", out)
            pages = sum(int(n) for n in re.findall(r"\((\d+) sider?,", out))
            lines.append(
                f"{offers:>6} {mode:<7} {seconds:>8.1f} {seconds / pages:>9.3f} {pages:>6} "
                f"{peak[0]:>9.0f}      -  {_largest(peak)}, parent {peak[1]:.0f}; "
                f"{said.group(0) if said else ''}"
            )
    return lines


def _write_html(root: Path, out: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from vifte.source.validate import require_catalogue\n"
        "from vifte.domain.edition import PUBLIC\n"
        "from vifte.domain.images import Pictures\n"
        "from vifte.output.pages import Renderer\n"
        "from vifte.output import brochures\n"
        "from vifte.output.brochures import _jobs\n"
        "brochures.SPLIT_FROM = 10**9  # the catalogue as one document\n"
        "root = Path(sys.argv[1]); c, _ = require_catalogue(root); c = c.for_edition(PUBLIC)\n"
        "r = Renderer(c, [root / 'theme/vifte'])\n"
        "r.env.globals['picture'] = Pictures(root / 'catalogue/images')\n"
        "job = next(j for j in _jobs(c, r.env, PUBLIC, root / 'catalogue/images')"
        " if j.kind == 'catalogue')\n"
        "Path(sys.argv[2]).write_text(job.html, encoding='utf-8')\n"
    )
    subprocess.run([sys.executable, "-c", code, str(root), str(out)], check=True)


def _largest(peak: tuple[float, float]) -> str:
    """Which process had the largest peak: the command's own, or one of its workers."""
    return "largest parent" if peak[1] >= peak[0] else "largest worker"


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


HEADER = (
    f"{'offers':>6} {'what':<7} {'seconds':>8} {'s/page':>9} {'pages':>6} "
    f"{'peak MiB':>9} {'×naive':>6}  (which process peaked; the parent's own peak, MiB)"
)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        mode, root, html_file = sys.argv[2:5]
        print(json.dumps(child(mode, Path(root), Path(html_file))))
        return
    rounds = int(os.environ.get("ROUNDS", "1"))
    sizes = [int(a) for a in sys.argv[1:]] or [50, 200, 1000]
    print(HEADER)
    for n in sizes:
        started = load()
        for line in measure(n, rounds):
            print(line, flush=True)
        print(f"{n:>6} load average {started} → {load()}", flush=True)


if __name__ == "__main__":
    main()
