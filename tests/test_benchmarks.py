"""The benchmark of issue 17 works: the synthetic catalogue is valid and complete, its vanilla and
light twins build, compare.py runs end to end, and two municipalities' exports merge (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
import yaml

from vifte.cli import main
from vifte.domain.model import OfferKind
from vifte.domain.registry import TABLE
from vifte.source.project import Project
from vifte.source.validate import require_catalogue

from .conftest import REPO

BENCH = REPO / "benchmarks"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
sys.path.insert(0, str(BENCH))

from synthetic import make_project  # noqa: E402
from vanilla import make_vanilla  # noqa: E402

N = 30


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("synthetic")
    data = make_project(root / "vifte", N)
    return root, data


def test_the_synthetic_catalogue_passes_check_and_uses_every_term(synthetic):
    root, data = synthetic
    check = subprocess.run(
        [BIN / "vifte", "check", "-p", root / "vifte", "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert [f for f in json.loads(check.stdout) if f.get("severity") == "error"] == []
    catalogue, _ = require_catalogue(root / "vifte")
    offers = catalogue.offers
    assert len(offers) == N
    assert len(catalogue.items["mentors"]) >= 1 and len(catalogue.items["enterprises"]) >= 1
    settings = yaml.safe_load(Project.at(root / "vifte").settings_file.read_text("utf-8"))
    used = {
        "areas": {o.area for o in offers},
        "access": {o.access for o in offers},
        "themes": {t for o in offers for t in o.themes},
        "target_groups": {t for o in offers for t in o.target_groups},
    }
    for term_list, ids in used.items():
        assert ids == {t["id"] for t in settings[term_list]}, term_list
    assert {o.kind for o in offers} == set(get_args(OfferKind))
    descriptions = [o.description.count("\n\n") + 1 for o in offers]
    assert min(descriptions) >= 3 and len(set(descriptions)) >= 3  # 3-6 paragraphs, varied
    assert len({o.title for o in offers}) > N * 0.8


def test_the_generator_is_deterministic(tmp_path):
    first = make_project(tmp_path / "a", 12)
    second = make_project(tmp_path / "b", 12)
    assert first.offers == second.offers
    folder = Project.at(tmp_path / "a").collection("offers")
    for path in folder.iterdir():
        twin = Project.at(tmp_path / "b").collection("offers") / path.name
        assert path.read_bytes() == twin.read_bytes()


def test_the_vanilla_twin_builds_with_plain_mkdocs_and_has_every_offer_page(synthetic):
    root, data = synthetic
    config = make_vanilla(root / "vanilla", data)
    assert "- vifte" not in config.read_text("utf-8")  # no vifte plugin
    site = root / "vanilla-site"
    subprocess.run([BIN / "mkdocs", "build", "-q", "-f", config, "-d", site], check=True, env=ENV)
    section = TABLE.collections["offers"].section
    pages = [p for p in (site / section).glob("*/index.html")]
    assert len(pages) == N
    some_id, some = next(iter(data.offers.items()))
    page = (site / section / some_id / "index.html").read_text("utf-8")
    assert some["title"] in page and some["summary"] in page
    assert some["description"].split("\n")[0][:60] in page
    assert some["contact"]["phone"] in page and some["professional"][:40] in page
    assert some["price"] not in page  # internal, as in vifte's public site
    nav = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert any(d["location"].startswith(f"{section}/{some_id}/") for d in nav["docs"])


def test_the_light_twin_has_only_title_summary_and_text_out_of_the_nav_with_danish_search(
    synthetic,
):
    root, data = synthetic
    config = make_vanilla(root / "light", data, light=True)
    site = root / "light-site"
    subprocess.run([BIN / "mkdocs", "build", "-q", "-f", config, "-d", site], check=True, env=ENV)
    section = TABLE.collections["offers"].section
    assert len(list((site / section).glob("*/index.html"))) == N
    some_id, some = next(iter(data.offers.items()))
    page = (site / section / some_id / "index.html").read_text("utf-8")
    assert some["title"] in page and some["summary"] in page
    assert some["description"].split("\n")[0][:60] in page
    assert some["contact"]["phone"] not in page and some["professional"][:40] not in page
    mentor = next(iter(data.mentors.values()))
    assert mentor["contact"]["phone"] not in (site / "mentorer").joinpath(
        next(iter(data.mentors)), "index.html"
    ).read_text("utf-8")
    home = (site / "index.html").read_text("utf-8")
    assert some["title"] not in home  # out of the nav: no offer in the menu
    search = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert search["config"]["lang"] == ["da"]


def _compare(*args: str, timeout: int) -> str:
    """What `benchmarks/compare.py ARGS` prints, after checking that it worked."""
    result = subprocess.run(
        [sys.executable, BENCH / "compare.py", *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_compare_runs_end_to_end_and_prints_the_table():
    out = _compare("20", "--rounds", "1", timeout=600)
    assert "| N | vifte s | vanilla s | time × |" in out
    assert "| N | vifte s | light s | time × |" in out  # the light twin beside it
    rows = [line for line in out.splitlines() if line.startswith("| 20 |")]
    assert len(rows) == 2
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert float(cells[1]) > 0 and float(cells[2]) > 0 and float(cells[3]) > 0
    assert "Load average at start:" in out and "Load average at end:" in out


def _table(out: str, name: str) -> list[list[str]]:
    """The cells of each row of the Markdown table printed under `name:`."""
    block = out.split(f"\n{name}:\n", 1)[1].strip().split("\n\n")[0]
    return [[c.strip() for c in line.strip("|").split("|")] for line in block.splitlines()[2:]]


def test_compare_weight_counts_every_byte_the_browser_fetches_also_the_search_worker():
    out = _compare("weight", "20", timeout=900)
    assert "Load average at start:" in out and "Load average at end:" in out
    pages = _table(out, "pages")
    assert len(pages) == 8 and all(float(r[2]) > float(r[3]) > 0 for r in pages)
    [filtered] = _table(out, "filter")
    assert filtered[0] == "20" and float(filtered[1]) > 0 and filtered[2] == "10"
    assert "af 20 tilbud" in filtered[6]  # the cards were drawn from the data file
    searches = _table(out, "search")
    assert [r[1] for r in searches] == ["arbejde", "praktik", "arbejdr"]
    for row in searches:
        assert float(row[2]) > float(row[3]) > 0 and int(row[5]) >= 1
        # Pagefind's own files count: its WebAssembly and the word's index chunk (at the server).
        assert "/pagefind/wasm." in row[6] and "/pagefind/index/" in row[6]
    [plan] = _table(out, "plan")
    assert float(plan[1]) > 0 and int(plan[2]) >= 21  # "Vælg …" and the 20 offers


def test_two_municipalities_exports_merge_into_one_national_file(tmp_path):
    sites = {}
    for name, url, offers in (
        ("Nordby Kommune", "https://tilbud.nordby.dk/", 4),
        ("Sydby Kommune", "https://sydby.dk/tilbud/", 6),
    ):
        root = tmp_path / name.split()[0]
        make_project(root / "p", offers, name=name, url=url)
        site = root / "site"
        subprocess.run(
            [BIN / "vifte", "build", "--no-pdf", "-p", root / "p", "-d", site],
            check=True,
            capture_output=True,
        )
        sites[url] = site
    out = tmp_path / "national.json"
    exports = [str(s / "data/catalogue.json") for s in sites.values()]
    assert main(["merge", *exports, "--out", str(out)]) == 0
    merged = json.loads(out.read_text("utf-8"))
    assert [m["municipality"]["name"] for m in merged["municipalities"]] == [
        "Nordby Kommune",
        "Sydby Kommune",
    ]
    offers = merged["offers"]
    assert len(offers) == 10 and len({o["id"] for o in offers}) == 10
    for offer in offers:
        site_url = offer["municipality"]
        assert offer["url"].startswith(site_url)
        page = sites[site_url] / offer["url"].removeprefix(site_url) / "index.html"
        assert offer["title"] in page.read_text("utf-8")
    assert main(["merge", exports[0], exports[0], "-o", str(tmp_path / "twice.json")]) == 1
    assert not (tmp_path / "twice.json").exists()
