"""Each built page loads exactly the scripts of vifte's that its markup uses, in a working order."""

from __future__ import annotations

import re
from pathlib import Path

from vifte.output.outputs import ASSETS, SCRIPTS

from .conftest import danish_files

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>", re.I)
SRC = re.compile(r"""\bsrc=["']([^"']+)["']""")

NEEDS = {
    "data-vifte-add": ["plan-store"],
    "data-vifte-plan": ["plan-store", "qr", "plan"],
    "data-vifte-filter": ["qr", "filter"],
    "data-vifte-search": ["search"],
    "data-vifte-read-aloud": ["read-aloud"],
    "data-vifte-opening": ["opening"],
    "data-vifte-review-by": ["current"],
}
"""The hook a page's markup carries, and the scripts (in order) that make it work."""


def _vifte_scripts(html: str) -> list[tuple[str, str]]:
    """(name, attributes) of each of vifte's scripts the page loads, in order."""
    found = []
    for match in SCRIPT.finditer(html):
        src = SRC.search(match.group("attrs"))
        if src and f"{ASSETS}/" in src.group(1):
            name = src.group(1).rsplit("/", 1)[1].removesuffix(".js")
            found.append((name, match.group("attrs")))
    return found


def _needed(html: str) -> list[str]:
    wanted: list[str] = []
    for hook, names in NEEDS.items():
        if re.search(rf"\s{hook}[\s=>]", html):
            wanted += [n for n in names if n not in wanted]
    return wanted


def test_each_page_loads_only_the_scripts_its_markup_uses(example_site: Path):
    pages = danish_files(example_site)
    seen: dict[str, int] = {}
    bare = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        loaded = _vifte_scripts(html)
        names = [name for name, _ in loaded]
        where = page.relative_to(example_site)
        assert names[:2] == ["view", "offline"], f"{where}: view.js and offline.js, in the head"
        assert html.index(SCRIPTS["offline"]) < html.index("</head>"), where
        rest = names[2:]
        needed = _needed(html)
        # Dependencies first: plan-store.js and qr.js before the scripts that use them.
        assert rest == needed, f"{where}: loads {rest}, its markup needs {needed}"
        assert all(re.search(r"\bdefer\b", attrs) for _, attrs in loaded[1:]), where
        bare += not rest
        for name in rest:
            seen[name] = seen.get(name, 0) + 1
    # The encoder is fetched by qr.js only when a code is drawn; current.js serves review dates,
    # which the example has none of (decision 40; tests/test_place.py); every other has a page.
    assert set(seen) == set(SCRIPTS) - {"view", "offline", "qrcode", "current"}
    assert seen["filter"] == seen["search"] == seen["plan"] == 1
    assert len(pages) > 40 and bare > 5  # the 404 page, the lists of themes and areas: no script


def test_every_script_is_in_the_site_and_the_old_bundle_is_gone(example_site: Path):
    for path in SCRIPTS.values():
        assert (example_site / path).is_file(), path
    assert not (example_site / ASSETS / "vifte.js").exists()
    assets = {p.name for p in (example_site / ASSETS).glob("*.js")}
    assert assets == {p.rsplit("/", 1)[1] for p in SCRIPTS.values()}
