"""Whatever `vifte check` accepts, `vifte build` builds, and it publishes each text as written.

Hypothesis writes small catalogues by hand, unquoted, with the scalars YAML 1.1 reads as
something else (9:30, 070112244, no, 7.50, dates, index ...), and builds every one that the
check accepts with the real MkDocs. Each catalogue has at most one flaw (a reserved id, a date
that does not exist, a broken link, a hand-written page at a generated page's address ...); the
check must refuse exactly those, with their Danish message.
"""

from __future__ import annotations

import atexit
import html
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from vifte.domain.languages import languages_text
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project
from vifte.source.validate import load_catalogue

# Written unquoted. YAML 1.1 reads most of these as numbers, booleans, dates or sexagesimals.
ODD = [
    "9:30",
    "1:30",
    "7.50",
    "070112244",
    "+4570112230",
    "no",
    "yes",
    "On",
    "FALSE",
    "0700",
    "0x1F",
    "1_000",
    ".inf",
    "2026",
    "2026-02-31",
    "2026-01-05",
    "1e3",
    "-0",
    "1:2:3",
    "Ærø",
    "日本語",
    "😀 kaffe",
    "a & b < c",
]
IDS = ["123", "0700", "no", "yes", "9-30", "a", "tilbud-1", "2026"]
PHONES = ["070112244", "+4570112230", "70 11 22 33", "12345678"]
DATES = ["2026-01-05", "1950-01-01", "1900-01-01", "2100-12-31", "2026-02-28"]
BOOLS = ["yes", "no", "true", "False", "On"]
# At most one flaw per catalogue, with the message the check must give for it.
FLAWS = {
    "index": "id'et 'index' er reserveret til oversigtssiden",
    "phone": "'ring' er ikke gyldig i 'contact.phone'",
    "no-such-day": "'updated': 2026-02-31 er ikke en dato, der findes",
    "year": "'updated': 2107-01-01 ligger uden for årene 1900–2100",
    "date-number": "'updated': skal være en dato skrevet som ÅÅÅÅ-MM-DD",
    "available": "'available' skal være true (ja) eller false (nej)",
    "related": 'ukendt tilbud "999"',
    "email": "'a@b.dk?bcc=c@d.dk' er ikke gyldig i 'contact.email'",
    "link": "linket '../findes-ikke/' i 'description' peger på en side, der ikke findes",
    "page": "siden har samme adresse som en side, vifte laver af kataloget",
    "block": "ukendt vifte-blok 'ukendt'",
}
DESCRIPTIONS = [
    "Du kan få hjælp.",
    "Se [alle tilbud](../).",
    "Mød **os** på *torsdag* kl. 9:30.",
    "Du kan:\n- få hjælp\n- få råd",
    "| Dag | Tid |\n|---|---|\n| man | 9:30 |",
]

# Quoted text, written as JSON (a valid YAML double-quoted scalar).
quoted = (
    st.text(alphabet="abcæøåÆØÅé🙂日 -", min_size=1, max_size=10)
    .filter(str.strip)
    .map(lambda text: json.dumps(text, ensure_ascii=False))
)
odd = st.sampled_from(ODD) | quoted


def _plain(value: str) -> str:
    """What a written scalar means as text: quoted ones are unquoted, plain ones stay."""
    return json.loads(value) if value.startswith('"') else value


@st.composite
def catalogues(draw: st.DrawFn) -> dict:
    theme_id = draw(st.sampled_from(IDS))
    offers = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=3, unique=True))
    items = []
    for offer_id in offers:
        fields = {
            "title": draw(odd),
            "summary": draw(odd),
            "provider": draw(odd),
            "start": draw(odd),
            "hours": draw(odd),
            "waiting": draw(odd),
            "languages": draw(st.lists(odd, max_size=3)),
            "phone": draw(st.sampled_from(PHONES)),
            "email": "a@b.dk",
            "description": draw(st.sampled_from(DESCRIPTIONS)),
            "updated": draw(st.sampled_from(DATES)),
            "related": draw(st.lists(st.sampled_from(offers), max_size=2)),
            "theme": draw(st.sampled_from([theme_id, "trivsel"])),
        }
        items.append([offer_id, fields])
    cat = {
        "theme_id": theme_id,
        "theme_label": draw(odd),
        "offers": items,
        "available": draw(st.sampled_from(BOOLS)),
        "site_url": draw(st.sampled_from(["https://tilbud.eks.dk", "https://eks.dk/tilbud/"])),
        "flaw": draw(st.sampled_from([None, None, None, *FLAWS])),
    }
    first = items[0][1]
    match cat["flaw"]:
        case "index":
            items[0][0] = "index"
        case "phone":
            first["phone"] = "ring"
        case "no-such-day":
            first["updated"] = "2026-02-31"
        case "year":
            first["updated"] = "2107-01-01"
        case "date-number":
            first["updated"] = "0"
        case "available":
            cat["available"] = "ja"
        case "related":
            first["related"] = ["999"]
        case "email":
            first["email"] = "a@b.dk?bcc=c@d.dk"
        case "link":
            first["description"] = "Se [mere](../findes-ikke/)."
        case "page":
            cat["page"] = (f"tilbud/{items[0][0]}.md", "# Egen side\n")
        case "block":
            cat["page"] = ("ekstra.md", "# Ekstra\n\n<!-- vifte: ukendt -->\n")
    if len(items) > 1:  # a link from one offer to another
        items[1][1]["description"] += f"\n\nSe også [det andet](../{items[0][0]}/)."
    return cat


def _write(root: Path, cat: dict) -> None:
    settings_path = root / "catalogue/settings.yaml"
    text = settings_path.read_text(encoding="utf-8")
    text = text.replace("https://tilbud.example.dk/", cat["site_url"])
    text = text.replace(
        "\ntarget_groups:",
        f"  - id: {cat['theme_id']}\n    label: {cat['theme_label']}\n\ntarget_groups:",
    )
    settings_path.write_text(text, encoding="utf-8")
    for path in (root / "catalogue/offers").glob("*.yaml"):
        path.unlink()
    for offer_id, f in cat["offers"]:
        (root / f"catalogue/offers/{offer_id}.yaml").write_text(
            f"title: {f['title']}\n"
            "area: social\n"
            "access: direkte\n"
            f"themes: [{f['theme']}]\n"
            "target_groups: [jobparat]\n"
            f"summary: {f['summary']}\n"
            "description: |\n"
            + "".join(f"  {line}\n" for line in f["description"].split("\n"))
            + f"provider:\n  name: {f['provider']}\n"
            f"contact:\n  phone: {f['phone']}\n  email: {f['email']}\n"
            f"schedule:\n  start: {f['start']}\n  hours_per_week: {f['hours']}\n"
            f"waiting_time: {f['waiting']}\n"
            f"languages: [{', '.join(f['languages'])}]\n"
            f"related: [{', '.join(f['related'])}]\n"
            f"updated: {f['updated']}\n",
            encoding="utf-8",
        )
    path, text = cat.get("page") or ("ekstra.md", "# Ekstra\n\n<!-- vifte: temaer -->\n")
    (root / "site_src" / path).parent.mkdir(parents=True, exist_ok=True)
    (root / "site_src" / path).write_text(text, encoding="utf-8")
    mentor = root / "catalogue/mentors/eksempel-mentor.yaml"
    mentor.write_text(
        "\n".join(
            f"available: {cat['available']}" if line.startswith("available:") else line
            for line in mentor.read_text(encoding="utf-8").splitlines()
        )
        + "\n",
        encoding="utf-8",
    )


_tmp = Path(tempfile.mkdtemp(prefix="vifte-contract-"))
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
_template = _tmp / "template"
init_project(_template, "Kontrakt Kommune")


THE_ISSUE = {
    "theme_id": "123",
    "theme_label": "2026",
    "offers": [
        (
            "0700",
            {
                "title": "yes",
                "summary": "070112244",
                "provider": "1_000",
                "start": "9:30",
                "hours": "7.50",
                "waiting": "1:30",
                "languages": ["no", "On", "2026-02-31"],
                "phone": "+4570112230",
                "email": "a@b.dk",
                "description": "| Dag | Tid |\n|---|---|\n| man | 9:30 |",
                "updated": "1950-01-01",
                "related": ["no"],
                "theme": "123",
            },
        ),
        (
            "no",
            {
                "title": "Ærø",
                "summary": "😀 kaffe",
                "provider": "a & b < c",
                "start": "2026-01-05",
                "hours": "0x1F",
                "waiting": ".inf",
                "languages": [],
                "phone": "070112244",
                "email": "a@b.dk",
                "description": "Du kan:\n- få hjælp\n- få råd\n\nSe også [det andet](../0700/).",
                "updated": "2100-12-31",
                "related": [],
                "theme": "trivsel",
            },
        ),
    ],
    "available": "no",
    "site_url": "https://tilbud.eks.dk",
    "flaw": None,
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(THE_ISSUE)
@given(catalogues())
def test_what_check_accepts_builds_as_written(cat):
    root = _tmp / "p"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(_template, root)
    _write(root, cat)
    catalogue, report = load_catalogue(root)
    event(f"refused ({cat['flaw']})" if catalogue is None else "built")
    if cat["flaw"]:
        assert catalogue is None
        assert any(FLAWS[cat["flaw"]] in line for line in report.lines()), report.lines()
        return
    assert catalogue is not None, report.lines()
    site = build_site(root / "mkdocs.yml", _tmp / "site")
    export = json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))
    assert export["municipality"]["url"].endswith("/")
    exported = {o["id"]: o for o in export["offers"]}
    for offer_id, f in cat["offers"]:
        assert exported[offer_id]["schedule"]["start"] == _plain(f["start"]).strip()
        assert exported[offer_id]["contact"]["phone"] == f["phone"]
        page = html.unescape((site / f"tilbud/{offer_id}/index.html").read_text(encoding="utf-8"))
        article = page[page.index("<article") : page.index("</article>")]
        for key in ("title", "summary", "provider", "start", "hours", "waiting"):
            assert _plain(f[key]).strip() in article, (key, f[key])
        if f["languages"]:
            # As written, or (a list all in known language codes) by Danish names.
            assert languages_text(_plain(v).strip() for v in f["languages"]) in article
        assert f">{f['phone']}<" in article
    if len(cat["offers"]) > 1:
        first, second = cat["offers"][0][0], cat["offers"][1][0]
        page = (site / f"tilbud/{second}/index.html").read_text(encoding="utf-8")
        assert f'href="../{first}/"' in page
    theme = html.unescape(
        (site / f"temaer/{cat['theme_id']}/index.html").read_text(encoding="utf-8")
    )
    assert f"<h1>{_plain(cat['theme_label']).strip()}</h1>" in theme
