"""The filter page at hundreds of offers: a page of fixed size, the offers as compact data."""

from __future__ import annotations

import json
from pathlib import Path

from vifte.domain.registry import TABLE
from vifte.domain.routes import offer_list_path
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

AREAS = ("beskaeftigelse", "social", "sundhed")
ACCESS = ("direkte", "venteliste", "visitation")
THEMES = (["arbejdsliv"], ["trivsel"], ["arbejdsliv", "trivsel"])
GROUPS = (["jobparat"], ["aktivitetsparat"], ["jobparat", "aktivitetsparat"], ["aktivitetsparat"])
WORDS = "praktik motion kost gæld bolig sprog netværk mentor værksted køkken lager have".split()


def many_offers(root: Path, n: int) -> Path:
    """A `vifte init` project with n offers spread over every area, access, theme and group."""
    init_project(root, "Mangeby Kommune")
    folder = root / "catalogue" / "offers"
    for i in range(n):
        w = [WORDS[(i * k + k) % len(WORDS)] for k in (1, 5, 7)]
        (folder / f"forloeb-{i:04d}.yaml").write_text(
            f"title: {w[0].capitalize()} og {w[1]} nr. {i}\n"
            f"area: {AREAS[i % 3]}\naccess: {ACCESS[i // 3 % 3]}\n"
            f"themes: {json.dumps(THEMES[i % 3])}\ntarget_groups: {json.dumps(GROUPS[i % 4])}\n"
            + ("status: paused\n" if i % 50 == 7 else "")
            + f"summary: Du arbejder med {w[1]} og {w[2]} i et lille hold nummer {i}.\n"
            "description: |\n"
            + f"  Vi mødes to gange om ugen og arbejder med {w[0]}, {w[1]} og {w[2]}.\n" * 6
            + f'provider: {{name: Jobcenteret}}\ncontact: {{phone: "70 00 {i % 100:02d} 00"}}\n',
            encoding="utf-8",
        )
    return root


def test_the_filter_page_does_not_grow_with_the_offers_and_its_data_holds_them_all(tmp_path):
    site = build_site(many_offers(tmp_path / "p", 400) / "mkdocs.yml", tmp_path / "site")
    page = (site / "tilbud/index.html").read_bytes()
    # The page holds the form, the term links and two <template>s; main's page at 400 offers
    # (every card twice, by title and by theme) was 741 KB, Min plan 120 KB (now 22 and 18 KB).
    assert len(page) < 60_000, len(page)
    data = json.loads((site / offer_list_path(TABLE)).read_text(encoding="utf-8"))
    assert len(data) == 401  # and the scaffold's own example offer
    first = next(o for o in data if o["i"] == "forloeb-0007")
    assert first == {
        "i": "forloeb-0007",
        "t": first["t"],
        "u": "tilbud/forloeb-0007/",
        "s": "Du arbejder med bolig og værksted i et lille hold nummer 7.",
        "a": "social",
        "x": "visitation",
        "th": ["trivsel"],
        "tg": ["aktivitetsparat"],
        "p": 1,
        "c": "70 00 07 00",
        "pr": "Jobcenteret",
    }
    # Nothing of the description, only what a card, the counts, the printed list and the plan use.
    assert "Vi mødes" not in json.dumps(data, ensure_ascii=False)
