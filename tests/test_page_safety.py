"""Hand-written pages, mkdocs.yml labels and `vifte init --name` are as safe as catalogue data.

Real builds of a project whose pages carry hostile front matter, headings, nav labels and site
name: every value reaches the head and navigation escaped exactly once, nothing redirects, dead
links become text, and the Content-Security-Policy lists exactly the theme's own inline scripts,
computed here from mkdocs-material's templates, so an injected script could not run either.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import material
import pytest
import yaml
from markupsafe import escape

from vifte.cli import main
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project
from vifte.source.diagnostics import ProjectError

NAME = "</title><script>window.__pwned='site_name'</script> & \"Co\""
SITE_NAME = NAME + " – tilbud til borgere"
TITLE = "</title><script>window.__pwned='title'</script> & \"x\""
DESCRIPTION = (
    '"><meta http-equiv="refresh" content="0;url=https://example.org/">'
    "<script>window.__pwned='description'</script>"
)
AUTHOR = "\"><script>window.__pwned='author'</script>"
SITE_AUTHOR = "<script>window.__pwned='site_author'</script>"
HEADING = "Hej </title><script>window.__pwned='heading'</script>"
TOC = "Under </a><script>window.__pwned='toc'</script> & mere"
NAV_LINK = "</a><script>window.__pwned='nav'</script> & \"Titel\""
NAV_SECTION = "Sektion <script>window.__pwned='section'</script>"


def yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


OFFER_TITLE = "Café & \"co\" </title><script>window.__pwned='offer'</script>"

OFFER = f"""
title: {yaml_string(OFFER_TITLE)}
area: beskaeftigelse
access: direkte
themes: [arbejdsliv]
target_groups: [jobparat]
summary: "Kort & godt <script>window.__pwned='summary'</script>"
description: |
  Læs mere [klik](javascript:window.__pwned='offer-link') eller [data](data:text/html,x).
provider: {{name: Jobcenteret}}
contact: {{phone: "70 00 00 01"}}
"""


def hostile_project(root: Path) -> Path:
    """A project whose hand-written pages, nav labels and name are all attacks; returns mkdocs.yml."""
    init_project(root, NAME)
    pages = {
        "titel.md": f"---\ntitle: {yaml_string(TITLE)}\n---\nTekst.\n",
        "beskrivelse.md": (
            f"---\ndescription: {yaml_string(DESCRIPTION)}\nauthor: {yaml_string(AUTHOR)}\n---\n"
            "# Beskrivelse\n\n"
            "[klik](javascript:window.__pwned='link') og <a href=\"vbscript:x\">vb</a> "
            'og <a id="anker"></a>[til ankeret](#anker).\n'
        ),
        "overskrift.md": (
            "# Hej &lt;/title&gt;&lt;script&gt;window.__pwned='heading'&lt;/script&gt;\n\n"
            "## Under &lt;/a&gt;&lt;script&gt;window.__pwned='toc'&lt;/script&gt; &amp; mere\n\n"
            "### Mere\n\nTekst.\n"
        ),
    }
    for name, text in pages.items():
        (root / "site_src" / name).write_text(text, encoding="utf-8")
    (root / "catalogue/offers/fjendtlig.yaml").write_text(OFFER.lstrip(), encoding="utf-8")
    settings = root / "catalogue/settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "site:\n  menu:\n"
        f"    - {yaml_string(NAV_LINK)}: titel.md\n"
        f"    - {yaml_string(NAV_SECTION)}: https://example.org/\n"
        "    - beskrivelse.md\n"
        "    - overskrift.md\n",
        encoding="utf-8",
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"site_author: {yaml_string(SITE_AUTHOR)}\n", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fjendtlig")
    return build_site(hostile_project(root / "kommune"), root / "site")


DATA_BLOCKS = ("application/json", "application/ld+json")
"""Script elements a browser never runs: the theme's config and the offers' JSON-LD."""


class Parsed(HTMLParser):
    """What a browser would see: the title, meta tags, scripts and the text of every element."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.title = ""
        self.metas: list[dict[str, str | None]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self.metas.append(dict(attrs))
        elif tag == "script":
            self.scripts.append((dict(attrs), ""))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data):
        if self._open[-1:] == ["title"]:
            self.title += data
        elif self._open[-1:] == ["script"]:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)

    def meta(self, name: str) -> str | None:
        return next((m["content"] for m in self.metas if m.get("name") == name), None)

    def inline_scripts(self) -> list[str]:
        return [
            body
            for attrs, body in self.scripts
            if "src" not in attrs and attrs.get("type") not in DATA_BLOCKS
        ]

    def data_blocks(self) -> list[str]:
        return [body for attrs, body in self.scripts if attrs.get("type") in DATA_BLOCKS]

    def csp_hashes(self) -> set[str]:
        policy = next(
            m["content"] for m in self.metas if m.get("http-equiv") == "Content-Security-Policy"
        )
        return set(re.findall(r"'(sha256-[^']+)'", policy))


def parse(path: Path) -> Parsed:
    return Parsed(path.read_text(encoding="utf-8"))


def pages_of(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def sha256(body: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()


_MATERIAL = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(material.__file__).parent / "templates")
)


def theme_script_hashes(base_url: str) -> set[str]:
    """The inline scripts mkdocs-material 9.8 writes for vifte's starter configuration."""
    context = {"config": {"extra": {}}, "base_url": base_url, "features": []}
    hashes = set()
    for name in ("base", "palette", "content"):
        html = _MATERIAL.get_template(f"partials/javascripts/{name}.html").render(context)
        hashes.update(sha256(body) for body in Parsed(html).inline_scripts())
    return hashes


def base_url_of(site: Path, page: Path) -> str:
    """The relative root MkDocs gives a page; the 404 page gets the site URL's path."""
    if page.name == "404.html":
        return "/"
    depth = len(page.relative_to(site).parts) - 1
    return "/".join([".."] * depth) or "."


def test_head_values_are_escaped_exactly_once(hostile_site):
    titel = parse(hostile_site / "titel/index.html")
    assert titel.title == f"{TITLE} - {SITE_NAME}"
    assert titel.meta("author") == SITE_AUTHOR
    beskrivelse = parse(hostile_site / "beskrivelse/index.html")
    assert beskrivelse.meta("description") == DESCRIPTION
    assert beskrivelse.meta("author") == AUTHOR
    assert beskrivelse.title == f"Beskrivelse - {SITE_NAME}"
    assert parse(hostile_site / "overskrift/index.html").title == f"{HEADING} - {SITE_NAME}"
    assert parse(hostile_site / "index.html").title == SITE_NAME
    offer = parse(hostile_site / "tilbud/fjendtlig/index.html")
    assert offer.title == f"{OFFER_TITLE} - {SITE_NAME}"
    assert offer.meta("description") == "Kort & godt <script>window.__pwned='summary'</script>"


def test_navigation_and_toc_labels_are_escaped_exactly_once(hostile_site):
    html = (hostile_site / "overskrift/index.html").read_text(encoding="utf-8")
    for label in (NAV_LINK, NAV_SECTION, TOC, SITE_NAME, HEADING):
        assert str(escape(label)) in html, label
    assert f'aria-label="{escape(TOC)}"' in html  # striptags | e in toc-item.html


def test_no_user_value_becomes_markup_anywhere(hostile_site):
    pages = pages_of(hostile_site)
    assert len(pages) > 20
    for path in pages:
        parsed = parse(path)
        html = path.read_text(encoding="utf-8")
        assert not any("__pwned" in body for body in parsed.inline_scripts()), path
        for block in parsed.data_blocks():  # data, and no value can close its element
            assert "<" not in block and json.loads(block), path
        assert not any(m.get("http-equiv", "").lower() == "refresh" for m in parsed.metas), path
        for double in ("&amp;amp;", "&amp;lt;", "&amp;#"):
            assert double not in html, (path, double)


def test_csp_lists_exactly_the_theme_scripts(hostile_site):
    depths = set()
    for path in pages_of(hostile_site):
        base_url = base_url_of(hostile_site, path)
        depths.add(base_url)
        parsed = parse(path)
        assert parsed.csp_hashes() == theme_script_hashes(base_url), path
        assert {sha256(body) for body in parsed.inline_scripts()} <= parsed.csp_hashes(), path
    assert {".", "..", "../..", "/"} <= depths


LEAKY_PARTIAL = "{% if page and page.meta %}{{ page.meta.motto | striptags }}{% endif %}\n"


def test_script_a_theme_lets_through_is_not_allowed(project, tmp_path, caplog):
    """A municipality's theme that undoes the escaping (as striptags does) still runs nothing."""
    partial = project / "theme/partials/integrations/analytics.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(LEAKY_PARTIAL, encoding="utf-8")
    (project / "site_src/motto.md").write_text(
        "---\nmotto: \"<script>window.__pwned='leak'</script>\"\n---\n# Motto\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        site = build_site(project / "mkdocs.yml", tmp_path / "site")
    parsed = parse(site / "motto/index.html")
    injected = "window.__pwned='leak'"
    assert injected in parsed.inline_scripts()  # the theme really did let it through
    assert sha256(injected) not in parsed.csp_hashes()
    assert parsed.csp_hashes() == theme_script_hashes("..")
    assert (
        "site_src/motto.md: et indlejret script, der ikke kommer fra temaets skabeloner, blokeres af "
        "sikkerhedspolitikken (CSP)" in caplog.text
    )


def test_page_cannot_pick_a_theme_template_or_non_text_title(project, tmp_path):
    (project / "site_src/videre.md").write_text(
        "---\ntemplate: redirect.html\nlocation: https://example.org/\n---\n# Videre\n",
        encoding="utf-8",
    )
    (project / "site_src/udenfor.md").write_text(
        f"---\ntemplate: {project / 'mkdocs.yml'}\n---\n# Udenfor\n", encoding="utf-8"
    )
    (project / "site_src/liste.md").write_text(
        "---\ndescription: Om os\ntitle: [a, b]\n---\nTekst\n", encoding="utf-8"
    )
    with pytest.raises(ProjectError) as failed:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    message = str(failed.value)
    assert "site_src/videre.md:2:1: error: skabelonen 'redirect.html' findes ikke" in message
    assert "site_src/liste.md:3:1: error: 'title' i sidehovedet skal være en tekst" in message
    assert "site_src/udenfor.md:2:1: error: skabelonen" in message
    assert not (tmp_path / "site").exists()


def test_page_may_use_a_template_from_the_project_theme(project, tmp_path):
    (project / "theme/side.html").write_text(
        '{% extends "main.html" %}{% block content %}<p class="egen">Egen</p>{{ super() }}'
        "{% endblock %}",
        encoding="utf-8",
    )
    (project / "site_src/egen.md").write_text(
        "---\ntemplate: side.html\n---\n# Egen\n", encoding="utf-8"
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert '<p class="egen">Egen</p>' in (site / "egen/index.html").read_text(encoding="utf-8")


def test_links_to_refused_targets_become_text(hostile_site):
    for path in pages_of(hostile_site):
        for tag in re.findall(r"<a\b[^>]*>", path.read_text(encoding="utf-8")):
            assert "href=" in tag or ("id=" in tag and "rel=" not in tag), (path, tag)
    page = (hostile_site / "beskrivelse/index.html").read_text(encoding="utf-8")
    assert "<p>klik og vb og " in page and '<a id="anker"></a>' in page
    offer = (hostile_site / "tilbud/fjendtlig/index.html").read_text(encoding="utf-8")
    assert "Læs mere klik eller data." in offer


@pytest.mark.parametrize(
    "name",
    [
        "Kommune: Test",
        "Kommune \"citat\" 'enkelt' # - *",
        NAME,
        "Æblø & Co [x](javascript:alert(1)) {: #id } \\ `kode`",
    ],
)
def test_init_takes_any_one_line_name(tmp_path, name):
    root = tmp_path / "kommune"
    assert main(["init", str(root), "--name", name]) == 0
    assert name not in (root / "mkdocs.yml").read_text(encoding="utf-8")  # one place: settings
    settings = yaml.safe_load((root / "catalogue/settings.yaml").read_text(encoding="utf-8"))
    assert settings["municipality"]["name"] == name
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    front = (site / "index.html").read_text(encoding="utf-8")
    assert Parsed(front).title == f"{name} – tilbud til borgere"
    assert _text_of(front, "h1") == f"Tilbud til dig i {name}"
    assert _text_of(front, 'div class="md-copyright__highlight"') == name


def _text_of(html: str, opening: str) -> str:
    """The unescaped text of the first element that opens with `<opening`: escaped once or fails."""
    inner = re.search(rf"<{opening}[^>]*>(.*?)</", html, re.S).group(1)
    assert "<" not in inner
    return unescape(inner).strip()


@pytest.mark.parametrize(
    "name, says",
    [
        ("", "kommunens navn er tomt"),
        ("   ", "kommunens navn er tomt"),
        ("Kommune\nTest", "skriv navnet på én linje"),
        ("Kommune\tTest", "skriv navnet på én linje"),
        ("Kommune\u2028Test", "skriv navnet på én linje"),
        ("Kommune\u202eTest", "skriv navnet på én linje"),
        ("K" * 81, "kommunens navn er 81 tegn langt; højst 80 tegn"),
    ],
)
def test_init_refuses_a_name_it_cannot_publish(tmp_path, capsys, name, says):
    root = tmp_path / "kommune"
    assert main(["init", str(root), "--name", name]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fejl: ") and says in err and "Traceback" not in err
    assert not root.exists()


def test_heading_title_is_escaped_under_a_municipality_main_template(project, tmp_path):
    """A theme/main.html straight on mkdocs-material (no vifte layer) still gets escaped titles."""
    (project / "theme/main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    (project / "site_src/overskrift.md").write_text(
        "# Hej &lt;/title&gt;&lt;script&gt;window.__pwned='heading'&lt;/script&gt;\n",
        encoding="utf-8",
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    parsed = parse(site / "overskrift/index.html")
    assert parsed.title == f"{HEADING} - Prøveby Kommune – tilbud til borgere"
    assert not any("__pwned" in body for body in parsed.inline_scripts())


def test_init_under_a_file_says_so(tmp_path, capsys):
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "fil" / "kommune"), "--name", "Kommune"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fejl: kunne ikke skrive projektet i ") and "Traceback" not in err
