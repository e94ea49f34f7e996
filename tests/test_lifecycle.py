"""The life of an offer through real builds: drafts, paused, closed, moved ids, freshness."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import offer_list_path

from .conftest import REPO, danish_files
from .shared import built_once
from .test_edition import read_site
from .test_pdf import letters, text_of

TODAY = "2026-10-05"
DRAFT_TITLE = "Kladdeprøve Qwzyx"
CLOSED_WORD = "klosterblomst"
LISTED_WORD = "solsikkefrø"


def vifte(*args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VIFTE_TODAY": today}
    no_pdf = ["--no-pdf"] if args[0] == "build" else []
    return subprocess.run(
        [sys.executable, "-m", "vifte", *args, *no_pdf], capture_output=True, text=True, env=env
    )


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a fresh draft (pointed at by another offer), a paused offer, a closed
    offer, a moved id, and 'today' after an offer's review date plus the grace period: both
    editions' sites in every language, and the public edition's PDFs in Danish (`vifte pdf`,
    the build's own print jobs) in pdf/; built once per run and only read."""
    return built_once(tmp_path_factory, "life", _live) / "eksempel"


def _live(folder: Path) -> None:
    root = folder / "eksempel"
    for name in ("catalogue", "site_src", "theme", "strategy"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    assert vifte("new", "offer", DRAFT_TITLE, "-p", str(root)).returncode == 0
    offers = root / "catalogue" / "offers"
    besoeg = offers / "besoegsven.yaml"
    text = besoeg.read_text(encoding="utf-8")
    besoeg.write_text(
        text.replace(
            "related: [frivilligcenter, faellesspisning]",
            "related: [frivilligcenter, faellesspisning, kladdeproeve-qwzyx]",
        ),
        encoding="utf-8",
    )
    _append(offers / "bedre-soevn.yaml", "status: closed\nclosed: 2026-10-01\n")
    for name, word in (("bedre-soevn", CLOSED_WORD), ("stresshaandtering", LISTED_WORD)):
        path = offers / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert "keywords: [" in text
        path.write_text(text.replace("keywords: [", f"keywords: [{word}, "), encoding="utf-8")
    _review_dates(offers)
    _append(
        offers / "budgetkursus.yaml",
        'status: paused\nstatus_note: "Holder pause til 1. marts 2027."\n',
    )
    _append(root / "catalogue/mentors/jonas-berg.yaml", "status: closed\nclosed: 2026-09-01\n")
    _append(root / "catalogue/enterprises/genbrug-fjordstrand.yaml", "status: paused\n")
    (root / "catalogue" / "moved.yaml").write_text("offers:\n  gammel-madklub: faellesspisning\n")
    for edition in ("offentlig", "intern"):
        done = vifte("build", "-p", str(root), "--edition", edition)
        assert done.returncode == 0, done.stderr
        (root / f"build-{edition}.log").write_text(done.stderr, encoding="utf-8")
    done = vifte("pdf", "-p", str(root), "--out", str(root / "pdf"))
    assert done.returncode == 0, done.stderr


def _review_dates(offers: Path) -> None:
    """What a municipality writes and the example leaves out (decision 40): a review date a year
    after each update, and one offer long overdue (review_grace_days is 90)."""
    for path in offers.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^updated: (\d{4})(-\d\d-\d\d)$", text, re.M)
        if found:
            due = (
                "2026-03-01" if path.stem == "faellesspisning" else f"{int(found[1]) + 1}{found[2]}"
            )
            _append(path, f"review_by: {due}\n")


def _page(root: Path, url: str, site: str = "site") -> str:
    return (root / site / url / "index.html").read_text(encoding="utf-8")


def test_a_draft_appears_in_no_file_of_either_edition(life):
    for site in ("site", "site-intern"):
        texts = read_site(life / site)
        assert len(texts) > 100
        found = [p for p, t in texts.items() if "kladdeproeve" in t or "Qwzyx" in t]
        assert found == [], f"{site}: {found}"
    log = (life / "build-offentlig.log").read_text(encoding="utf-8")
    assert "kladdeproeve-qwzyx.yaml:" in log and "warning: kladde: 'area' er ikke udfyldt" in log


def test_a_reference_to_a_draft_is_a_warning_and_left_out(life):
    log = (life / "build-offentlig.log").read_text(encoding="utf-8")
    assert re.search(
        r'besoegsven\.yaml:19:\d+: warning: tilbuddet "kladdeproeve-qwzyx" er en kladde', log
    )
    page = _page(life, "tilbud/besoegsven")
    assert 'href="../faellesspisning/"' in page


def test_a_paused_offer_says_so_and_stays_listed_marked(life):
    page = _page(life, "tilbud/budgetkursus")
    assert "Sat på pause." in page and "Holder pause til 1. marts 2027." in page
    assert "vifte-pause" in page and "data-pagefind-body" in page
    listing = _page(life, "omraader/social")
    card = re.search(r'<li class="vifte-card"[^>]*data-id="budgetkursus".*?</li>', listing, re.S)
    assert card and "Sat på pause" in card.group()
    # The filter page draws its cards from the offers' data, which carries the mark.
    data = json.loads((life / "site" / offer_list_path(TABLE)).read_text(encoding="utf-8"))
    assert next(o for o in data if o["i"] == "budgetkursus")["p"] == 1
    assert "Sat på pause" in _page(life, "tilbud")  # the badge the script clones


def test_a_closed_offer_keeps_its_page_and_leaves_lists_and_search(life):
    page = _page(life, "tilbud/bedre-soevn")
    assert "Tilbuddet er lukket</strong> siden" in page and "01.10.2026" in page
    assert 'href="../stresshaandtering/"' in page  # its `related`, shown instead
    assert "data-pagefind-body" not in page
    # No button for the closed offer itself (the offers shown instead have theirs on their cards).
    assert 'data-id="bedre-soevn"' not in page and "data-vifte-add-status" not in page
    for url in (
        "tilbud",
        "",
        "temaer/trivsel",
        "temaer",
        "maalgrupper/sygedagpenge",
        "omraader/sundhed",
        "plan",
    ):
        assert "bedre-soevn" not in _page(life, url), url
    assert "bedre-soevn" not in (life / "site" / offer_list_path(TABLE)).read_text(encoding="utf-8")
    words = "\n".join(t for p, t in read_site(life / "site").items() if p.startswith("pagefind/"))
    assert LISTED_WORD in words  # the index holds keywords: so the next line can fail
    assert CLOSED_WORD not in words


def test_a_closed_offer_is_on_no_other_page_and_in_no_pdf_and_a_draft_in_no_pdf(life):
    site = life / "site"
    others = sorted(
        p.relative_to(site).as_posix()
        for p in danish_files(site)
        if "Bedre søvn" in p.read_text(encoding="utf-8")
    )
    # "Nyt og ændret" is the one list that names it: it says when it closed.
    assert others == ["nyt-og-aendret/index.html", "tilbud/bedre-soevn/index.html"]
    changes = (site / "nyt-og-aendret/index.html").read_text(encoding="utf-8")
    assert "Lukket" in changes and "01.10.2026" in changes
    paper = life / "pdf"  # every PDF of the public edition, as the build prints them
    pdfs = sorted(paper.rglob("*.pdf"))
    assert paper / "tilbud/stresshaandtering.pdf" in pdfs and len(pdfs) > 40
    assert not (paper / "tilbud/bedre-soevn.pdf").exists()
    for pdf in pdfs:
        text = letters(text_of(pdf))
        assert "bedresøvn" not in text and "qwzyx" not in text, pdf.name
    assert "stresshåndtering" in letters(text_of(paper / "katalog.pdf"))  # the search can hit


def test_mentors_and_enterprises_have_the_same_life(life):
    mentor = _page(life, "mentorer/jonas-berg")
    assert "Mentoren er stoppet</strong> siden" in mentor and "01.09.2026" in mentor
    assert "data-pagefind-body" not in mentor
    assert "jonas-berg" not in _page(life, "mentorer")
    enterprise = _page(life, "virksomheder/genbrug-fjordstrand")
    assert "Sat på pause.</strong> Virksomheden tager ikke imod nye lige nu." in enterprise
    row = re.search(
        r"<tr><th[^>]*><a href=\"genbrug-fjordstrand/\">.*?</tr>", _page(life, "virksomheder"), re.S
    )
    assert row and "Sat på pause" in row.group()


def test_a_moved_id_gets_a_page_that_links_to_the_new_one(life):
    page = _page(life, "tilbud/gammel-madklub")
    assert "Siden er flyttet" in page
    assert re.search(r'<a href="\.\./faellesspisning/">Fællesspisning', page)
    assert "data-pagefind-body" not in page


def test_a_stale_offer_says_its_information_may_be_out_of_date(life):
    page = _page(life, "tilbud/faellesspisning")
    assert "Oplysningerne kan være forældede." in page and "01.03.2026" in page
    assert "Sidst opdateret" in page
    fresh = _page(life, "tilbud/besoegsven")
    assert "forældede" not in fresh and "Sidst opdateret <time" in fresh


def test_report_review_lists_what_is_due_by_owner(life):
    done = vifte("report", "review", "-p", str(life))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:4] == [
        "Til gennemgang pr. 05.10.2026: 1 i alt, efter ansvarlig.",
        "",
        "Kulturhuset Fjordstrand (1)",
        "  01.03.2026  tilbud: Fællesspisning i Kulturhuset (catalogue/offers/faellesspisning.yaml)"
        " – siden siger nu, at oplysningerne kan være forældede",
    ]
    later = vifte("report", "review", "-p", str(life), today="2027-07-01").stdout
    owners = [line for line in later.splitlines() if line and not line.startswith(" ")][1:]
    assert len(owners) > 3
    assert owners == sorted(owners, key=str.casefold)
    early = vifte("report", "review", "-p", str(life), today="2026-01-01").stdout
    assert early == "Intet skal gennemgås pr. 01.01.2026.\n"


@pytest.mark.parametrize("today", [dt.date.today().isoformat(), "2035-06-01"])
def test_the_example_checks_and_builds_without_warnings_for_years(today, tmp_path):
    """The README's first command greets a newcomer without a warning, now and in 2035: the
    example has no review dates that run out (decision 40), and its texts are plain."""
    done = vifte("check", "-p", str(REPO), today=today)
    assert done.returncode == 0, done.stdout
    assert done.stdout == "" and "(0 advarsler)" in done.stderr
    if today.startswith("2035"):
        site = tmp_path / "site"
        built = vifte("build", "-p", str(REPO), "--site-dir", str(site), today=today)
        assert built.returncode == 0, built.stderr
        assert "WARNING" not in built.stderr and "warning" not in built.stderr, built.stderr
        offers = list((site / "tilbud").glob("*/index.html"))
        assert len(offers) >= 44
        assert [p for p in offers if "forældede" in p.read_text(encoding="utf-8")] == []


FILLED = {
    "offer": {
        "area: UDFYLD": "area: beskaeftigelse",
        "access: UDFYLD": "access: direkte",
        "themes:\n  - UDFYLD": "themes:\n  - arbejdsliv",
        "target_groups:\n  - UDFYLD": "target_groups:\n  - jobparat",
        '"UDFYLD: én kort sætning om, hvad tilbuddet er"': '"Lær at lave mad til få penge."',
        "UDFYLD: skriv til borgeren, hvad tilbuddet er, og hvordan man kommer med.": "Du laver mad sammen med andre.",
        "name: UDFYLD": "name: Madskolen",
        "phone: UDFYLD": 'phone: "70 11 22 33"',
    },
    "mentor": {
        "role: UDFYLD": "role: Ungementor",
        "UDFYLD: skriv til borgeren, hvem mentoren er.": "Jeg hjælper unge.",
        "  - UDFYLD": "  - Samtaler",
        "phone: UDFYLD": 'phone: "70 11 22 33"',
    },
    "enterprise": {
        "cvr: UDFYLD": 'cvr: "12345678"',
        "industry: UDFYLD": "industry: Café",
        "UDFYLD: skriv til borgeren, hvad virksomheden laver.": "Vi driver en café.",
        "address: UDFYLD": 'address: "Havnen 1, 4790 Prøveby"',
        "phone: UDFYLD": 'phone: "70 11 22 33"',
    },
}


def test_a_fresh_scaffold_builds_with_warnings_and_passes_once_filled(project):
    paths = {}
    for kind in FILLED:
        done = vifte("new", kind, f"Ny {kind}", "-p", str(project))
        assert done.returncode == 0, done.stderr
        paths[kind] = next(project.glob(f"catalogue/*/ny-{kind}.yaml"))
    check = vifte("check", "-p", str(project))
    assert check.returncode == 0, check.stdout
    flagged = [line for line in check.stdout.splitlines() if "ikke udfyldt" in line]
    assert len(flagged) >= 13 and all(": warning: kladde: '" in line for line in flagged)
    assert "error" not in check.stdout
    built = vifte("build", "-p", str(project))
    assert built.returncode == 0, built.stderr
    assert not (project / "site" / "tilbud" / "ny-offer").exists()
    for kind, fills in FILLED.items():
        text = paths[kind].read_text(encoding="utf-8")
        for old, new in fills.items():
            assert old in text, (kind, old)
            text = text.replace(old, new)
        paths[kind].write_text(text.replace("status: draft", "status: active"), encoding="utf-8")
    check = vifte("check", "-p", str(project))
    assert check.returncode == 0, check.stdout
    assert "(0 advarsler)" in check.stderr and check.stdout == ""


def test_status_and_placeholder_errors_name_file_and_line(project, write):
    write("catalogue/offers/lukket.yaml", _offer("status: closed\n"))
    write("catalogue/offers/aaben.yaml", _offer("closed: 2026-01-01\n"))
    write("catalogue/offers/halv.yaml", _offer("", area="UDFYLD"))
    write("catalogue/offers/kladde.yaml", _offer("status: draft\n", area="forkert"))
    moves = "offers:\n  aaben: halv\n  gammel: findes-ikke\n  index: halv\n\tindex: halv\n"
    write("catalogue/moved.yaml", moves)
    done = vifte("check", "-p", str(project))
    assert done.returncode == 1
    out = done.stdout
    assert "catalogue/offers/lukket.yaml:16:9: error: status er closed, men datoen mangler" in out
    assert "catalogue/offers/aaben.yaml:16:9: error: 'closed' er kun for lukkede" in out
    assert "catalogue/offers/halv.yaml:2:7: error: 'area' er ikke udfyldt endnu" in out
    assert re.search(r"catalogue/offers/kladde\.yaml:2:7: warning: kladde: ukendt område", out)
    assert "catalogue/moved.yaml:2:10: error: 'aaben' findes stadig som fil" in out
    assert 'catalogue/moved.yaml:3:11: error: ukendt tilbud "findes-ikke"' in out
    assert "catalogue/moved.yaml:4:10: error: 'index' er reserveret" in out
    assert "catalogue/moved.yaml:5:1: error: linjen er rykket ind med et tabulatortegn" in out
    assert "catalogue/moved.yaml:5:2: error: feltet 'index' står to gange" in out
    assert "Traceback" not in done.stderr


def test_a_bad_today_is_a_clear_error(project):
    done = vifte("check", "-p", str(project), today="i morgen")
    assert done.returncode == 1
    assert "VIFTE_TODAY: error: VIFTE_TODAY='i morgen' er ikke en dato" in done.stdout
    assert "Traceback" not in done.stderr


def _offer(extra: str, area: str = "beskaeftigelse") -> str:
    return (
        f"title: Prøve\narea: {area}\naccess: direkte\nthemes: [arbejdsliv]\n"
        "target_groups: [jobparat]\nsummary: Et tilbud.\ndescription: Tekst.\n"
        'provider:\n  name: Kommunen\ncontact:\n  phone: "70 11 22 33"\n'
        "updated: 2026-01-01\nreview_by: 2027-01-01\nkind: other\nlanguages: [dansk]\n" + extra
    )


def test_the_schema_tells_editors_that_a_closed_offer_needs_its_date():
    import json

    import jsonschema

    from vifte.source.schema import schema_text

    schema = json.loads(schema_text("offer"))
    base = {
        "title": "Prøve",
        "area": "a",
        "access": "b",
        "themes": ["c"],
        "target_groups": ["d"],
        "summary": "Et tilbud.",
        "description": "Tekst.",
        "provider": {"name": "Kommunen"},
        "contact": {"phone": "70 11 22 33"},
    }
    validator = jsonschema.Draft7Validator(schema)
    assert not list(validator.iter_errors(base))
    assert not list(validator.iter_errors({**base, "status": "closed", "closed": "2026-10-01"}))
    errors = list(validator.iter_errors({**base, "status": "closed"}))
    assert [e.message for e in errors] == ["'closed' is a required property"]
