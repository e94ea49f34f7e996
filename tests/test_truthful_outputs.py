"""What leaves the build says what the files say: closed offers, statuses and texts as written.

Two real builds of the example: one where a notice and a strategy goal name a closed offer (the
build crashed on it), one with a closed and a paused offer and texts full of "&", "<", ">",
raw HTML and a `javascript:` link, read back from the HSDS files, the CSV, the feeds (with
feedparser, as a reader sees them) and catalogue.json.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import jsonschema
import pytest

from vifte.domain import words
from vifte.mkdocs.build import build_site
from vifte.output.export_schema import committed_path
from vifte.source.validate import load_catalogue

from .conftest import REPO
from .test_edition import read_site
from .test_open_data import hsds  # noqa: F401 (the fixture)

CLOSED = "bedre-soevn"
CLOSED_TITLE = "Bedre søvn"
NOTICE_SUMMARY = (
    'Tom & Jerry <img src="https://evil.example/x.png"> synes, at 2 < 3 </b> &amp; godt.'
)
OFFER_SUMMARY = "Kaffe & kage <b>hver</b> dag, når 1 < 2 > 0."
DESCRIPTION = (
    "Mad & drikke <3, altid > 2 retter.\n\n"
    "[Klik](javascript:alert(1)) <img src=x onerror=alert(2)> <script>alert(3)</script>"
)
DESCRIPTION_TEXT = "Mad & drikke <3, altid > 2 retter.\nKlik"


def _copy(root: Path) -> Path:
    for name in ("catalogue", "site_src", "theme", "strategy"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _close(root: Path) -> None:
    with (root / f"catalogue/offers/{CLOSED}.yaml").open("a", encoding="utf-8") as f:
        f.write("status: closed\nclosed: 2026-10-01\n")


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example where a notice and a strategy goal name a closed offer: the check's output
    and the built site."""
    root = _copy(tmp_path_factory.mktemp("named") / "p")
    _close(root)
    _edit(
        root / "catalogue/news/aabningstider-i-julen-2026.md",
        "offers: [jobklubben, vaerestedet-det-blaa-hus]",
        f"offers: [jobklubben, {CLOSED}]",
    )
    _edit(
        root / "strategy/beskaeftigelsesplan-2026.md",
        "offers: [job-med-stoette,",
        f"offers: [{CLOSED}, job-med-stoette,",
    )
    check = subprocess.run(
        [sys.executable, "-m", "vifte", "check", "-p", str(root)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    site = build_site(root / "mkdocs.yml", root / "site")
    return site, check.stdout + check.stderr


LANGUAGE_FOLDERS = tuple(f"{code}/" for code in words.interface_languages())
"""The other languages' sites: the same pages, with their own tests."""


def test_a_notice_and_a_goal_naming_a_closed_offer_build_warn_at_their_line_and_leave_it_out(
    named,
):
    site, said = named
    assert re.search(
        r"catalogue/news/aabningstider-i-julen-2026\.md:5:\d+: warning: tilbuddet "
        rf'"{CLOSED}" er lukket og vises kun på sin egen side',
        said,
    ), said
    assert re.search(
        r"strategy/beskaeftigelsesplan-2026\.md:30:\d+: warning: tilbuddet "
        rf'"{CLOSED}" er lukket og vises kun på sin egen side, så henvisningen fra målet '
        r'"m2" er udeladt',
        said,
    ), said
    notice = (site / "nyt/aabningstider-i-julen-2026/index.html").read_text(encoding="utf-8")
    assert 'href="../../tilbud/jobklubben/"' in notice  # the open offer is still there
    texts = read_site(site)
    named_it = sorted(
        path
        for path, text in texts.items()
        if CLOSED_TITLE in text and not path.startswith(("pdf/", "data/", *LANGUAGE_FOLDERS))
    )
    # Its own page, and "Nyt og ændret" (and its feeds), which says when it closed.
    assert named_it == [
        "nyt-og-aendret/atom.xml",
        "nyt-og-aendret/index.html",
        "nyt-og-aendret/rss.xml",
        f"tilbud/{CLOSED}/index.html",
    ], named_it
    strategy = texts["strategi/beskaeftigelsesplan-2026/index.html"]
    assert "job-med-stoette" in strategy and CLOSED not in strategy


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a closed and a paused offer, and texts full of markup characters."""
    root = _copy(tmp_path_factory.mktemp("hostile") / "p")
    _close(root)
    with (root / "catalogue/offers/budgetkursus.yaml").open("a", encoding="utf-8") as f:
        f.write("status: paused\n")
    offer = root / "catalogue/offers/jobklubben.yaml"
    text = offer.read_text(encoding="utf-8")
    text = re.sub(
        r"^summary: .*$",
        lambda _: f"summary: {json.dumps(OFFER_SUMMARY)}",
        text,
        count=1,
        flags=re.M,
    )
    text = re.sub(r"^created: .*$", "created: 2026-11-30", text, count=1, flags=re.M)
    text = re.sub(
        r"^description: \|\n(  .*\n|\n)*",
        lambda _: "description: |\n" + "".join(f"  {line}\n" for line in DESCRIPTION.split("\n")),
        text,
        count=1,
        flags=re.M,
    )
    offer.write_text(text, encoding="utf-8")
    _edit(
        root / "catalogue/news/aabningstider-i-julen-2026.md",
        "summary: Jobcentret og Jobklubben holder lukket nogle dage i julen. Her kan du se, hvornår du kan komme og ringe.",
        f"summary: {json.dumps(NOTICE_SUMMARY)}",
    )
    catalogue, report = load_catalogue(root)
    assert catalogue is not None, report.lines()
    return build_site(root / "mkdocs.yml", root / "site")


def test_hsds_says_closed_and_paused_and_still_validates(hostile, hsds):  # noqa: F811
    services = json.loads((hostile / "data/hsds/services.json").read_text(encoding="utf-8"))
    status = {s["url"].rstrip("/").rsplit("/", 1)[1]: s["status"] for s in services}
    assert status[CLOSED] == "defunct"
    assert status["budgetkursus"] == "temporarily closed"
    assert status["jobklubben"] == "active"
    validator = hsds("service.json")
    assert [e.message for s in services for e in validator.iter_errors(s)] == []


def _csv(site: Path) -> dict[str, dict[str, str]]:
    raw = (site / "data/tilbud.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))
    return {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}


def test_the_csv_says_each_offers_status_and_the_day_a_closed_one_closed(hostile):
    rows = _csv(hostile)
    assert (rows[CLOSED]["status"], rows[CLOSED]["lukket"]) == ("Lukket", "2026-10-01")
    assert (rows["budgetkursus"]["status"], rows["budgetkursus"]["lukket"]) == ("Sat på pause", "")
    assert rows["jobklubben"]["status"] == "Aktivt"


def test_markup_characters_reach_the_csv_and_hsds_as_written(hostile):
    row = _csv(hostile)["jobklubben"]
    assert row["kort beskrivelse"] == OFFER_SUMMARY
    assert row["beskrivelse"].replace("\n", " ").startswith("Mad & drikke <3, altid > 2 retter.")
    assert "&amp;" not in row["beskrivelse"] and "&lt;" not in row["beskrivelse"]
    services = json.loads((hostile / "data/hsds/services.json").read_text(encoding="utf-8"))
    service = next(s for s in services if s["url"].endswith("/jobklubben/"))
    assert service["name"] == "Jobklubben"
    assert service["description"].startswith("Mad & drikke <3, altid > 2 retter.")
    assert "alert" not in service["description"] and "&amp;" not in service["description"]


@pytest.mark.parametrize(
    "path, written",
    [
        ("nyt/rss.xml", NOTICE_SUMMARY),
        ("nyt/atom.xml", NOTICE_SUMMARY),
        ("nyt-og-aendret/rss.xml", OFFER_SUMMARY),
        ("nyt-og-aendret/atom.xml", OFFER_SUMMARY),
    ],
)
def test_a_feed_reader_sees_the_summary_exactly_as_written(hostile, path, written):
    feed = feedparser.parse((hostile / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entry = next(
        e for e in feed.entries if e.link.endswith(("/aabningstider-i-julen-2026/", "/jobklubben/"))
    )
    detail = entry.summary_detail
    if path.endswith("atom.xml"):
        assert (detail.type, detail.value) == ("text/plain", written)
    else:
        # RSS readers render <description> as HTML: the HTML must show the text, and hold no tag.
        assert detail.type == "text/html"
        assert detail.value == html.escape(written, quote=False)
        assert "<" not in detail.value
    assert "evil.example" not in entry.get("content", [{}])[0].get("value", "")


def test_the_export_gives_safe_html_and_plain_text_beside_the_markdown(hostile):
    data = json.loads((hostile / "data/catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads(committed_path().read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(data)
    offer = next(o for o in data["offers"] if o["id"] == "jobklubben")
    assert offer["description"] == DESCRIPTION + "\n"  # the Markdown as written
    safe = offer["description_html"]
    assert safe.startswith("<p>Mad &amp; drikke &lt;3, altid &gt; 2 retter.</p>")
    for bad in ("javascript:", "<script", "onerror", "<img"):
        assert bad not in safe, bad
    assert offer["description_text"] == DESCRIPTION_TEXT
    for item in data["mentors"] + data["enterprises"]:
        assert set(item) >= {"about_html", "about_text"} or set(item) >= {
            "description_html",
            "description_text",
        }
    props = schema["properties"]["offers"]["items"]["properties"]
    assert props["description_html"]["contentMediaType"] == "text/html"
    assert "vis den aldrig uden at rense den" in props["description"]["description"]
