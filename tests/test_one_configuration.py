"""One configuration: the site's name, address and menu come from settings.yaml and the catalogue's
sections, mkdocs.yml holds generator settings only, and `vifte upgrade` moves an older project's
facts (decisions.md, 42). Real builds of projects made by `vifte init`, and a copy of the example.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from vifte.cli import main
from vifte.domain.menu import MenuEntry, merged, section_pages
from vifte.domain.registry import TABLE
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project
from vifte.source.diagnostics import ProjectError

OLD_CONFIG = """\
# The site's setup. The catalogue itself lives in catalogue/; hand-written pages in site_src/.
# The site's address is municipality.url in catalogue/settings.yaml (vifte gives it to MkDocs).
site_name: {name} – tilbud til borgere
docs_dir: site_src
use_directory_urls: true

theme:
  name: material
  language: da
  custom_dir: theme
  logo: assets/images/logo.svg
  favicon: assets/images/logo.svg
  font: false
  features:
    - navigation.tabs
    - navigation.top

copyright: {name}
extra:
  generator: false  # mkdocs-material's "Made with" line has no Danish text

plugins:
  - vifte  # also builds the search index (Pagefind)

markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: false

nav:
  - Forside: index.md
{nav}  - Min plan: plan/index.md
{own}
validation:
  nav:
    omitted_files: ignore
"""
"""mkdocs.yml as `vifte init` wrote it and as the example had it before one configuration."""
SCAFFOLD_NAV = """\
  - Find tilbud: tilbud/index.md
  - Temaer: temaer/index.md
  - Områder: omraader/index.md
  - Målgrupper: maalgrupper/index.md
  - Mentorer: mentorer/index.md
  - Virksomheder: virksomheder/index.md
"""
EXAMPLE_NAV = (
    "  - Nyheder: nyt/index.md\n"
    + SCAFFOLD_NAV
    + "  - strategi/index.md  # the menu says the page's own title (Planer og politikker)\n"
)
EXAMPLE_TABS = [
    "Forside",
    "Nyheder",
    "Find tilbud",
    "Temaer",
    "Områder",
    "Målgrupper",
    "Mentorer",
    "Virksomheder",
    "Planer og politikker",
    "Min plan",
    "Om sitet",
]

STRATEGY = """\
---
title: Beskæftigelsesplan 2027
kind: plan
period: "2027"
status: adopted
adopted: {date: 2026-11-10, by: Byrådet}
summary: Planen siger, hvad jobcentret vil nå i 2027.
goals:
  - id: m1
    title: Flere unge skal i job.
    origin: local
    status: on_track
    offers: [virksomhedspraktik]
---
## Om planen

Byrådet har vedtaget planen.
"""
NOTICE = """\
---
title: Åbent hus i jobcentret
date: 2026-11-25
summary: Kom og se jobcentret den 3. december.
---
Vi har åbent hus.
"""


def old_config(name: str, nav: str = SCAFFOLD_NAV, own: str = "") -> str:
    return OLD_CONFIG.format(name=name, nav=nav, own=own)


def vesteraa(root: Path) -> Path:
    """`vifte init` without --name, then the municipality's own data: its name in settings.yaml,
    a strategy document, a notice, and no mentors."""
    init_project(root, "Ny Kommune")
    settings = root / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"Ny Kommune"', '"Vesterå Kommune"', 1), encoding="utf-8")
    (root / "strategy/beskaeftigelsesplan-2027.md").write_text(STRATEGY, encoding="utf-8")
    (root / "catalogue/news/aabent-hus.md").write_text(NOTICE, encoding="utf-8")
    for mentor in (root / "catalogue/mentors").iterdir():
        mentor.unlink()
    return root


def tabs(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return [
        unescape(t.strip())
        for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*(.*?)\s*</a>', html, re.S)
    ]


def text_of(html: str, pattern: str) -> str:
    return unescape(re.search(pattern, html, re.S).group(1)).strip()


def test_a_new_project_shows_the_name_from_settings_and_a_menu_of_its_sections(tmp_path):
    root = vesteraa(tmp_path / "vesteraa")
    config = (root / "mkdocs.yml").read_bytes()
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert (root / "mkdocs.yml").read_bytes() == config  # nothing to edit there
    front = (site / "index.html").read_text(encoding="utf-8")
    title = "Vesterå Kommune – tilbud til borgere"
    assert text_of(front, r"<title>(.*?)</title>") == title
    assert text_of(front, r'md-header__topic">\s*<span class="md-ellipsis">(.*?)</span>') == title
    assert text_of(front, r'md-copyright__highlight">(.*?)</div>') == "Vesterå Kommune"
    assert text_of(front, r"<h1[^>]*>(.*?)</h1>") == "Tilbud til dig i Vesterå Kommune"
    # The logo from settings.yaml: in the header and as the tab's icon.
    assert '<link rel="icon" href="assets/images/logo.svg">' in front
    assert '<img src="assets/images/logo.svg" alt="logo">' in front
    offer = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    assert text_of(offer, r"<title>(.*?)</title>").endswith(f" - {title}")
    for page in site.rglob("*.html"):
        assert "Ny Kommune" not in page.read_text(encoding="utf-8"), page
    # Each section with content has its entry, strategy and news included; mentors has none.
    assert tabs(site / "index.html") == [
        "Forside",
        "Nyheder",
        "Find tilbud",
        "Temaer",
        "Områder",
        "Målgrupper",
        "Virksomheder",
        "Planer og politikker",
        "Min plan",
    ]
    assert tabs(site / "strategi/index.html") == tabs(site / "index.html")


def test_the_example_keeps_its_menu_with_its_own_page_from_settings(example_site):
    assert tabs(example_site / "index.html") == EXAMPLE_TABS


def test_site_menu_places_and_renames_sections_and_leaves_out_one_without_content():
    every = section_pages(TABLE)
    shown = [p for p in every.values() if p not in ("mentorer/index.md", "nyt/index.md")]
    chosen = [
        MenuEntry("Om os", "om-os.md"),
        MenuEntry("Alle tilbud", "tilbud/index.md"),
        MenuEntry(None, "mentorer/index.md"),  # no mentors: no entry
    ]
    out = [(e.label, e.target) for e in merged(chosen, shown, every)]
    assert out == [
        ("Forside", "index.md"),
        ("Om os", "om-os.md"),
        ("Alle tilbud", "tilbud/index.md"),
        ("Temaer", "temaer/index.md"),
        ("Områder", "omraader/index.md"),
        ("Målgrupper", "maalgrupper/index.md"),
        ("Virksomheder", "virksomheder/index.md"),
        ("Planer og politikker", "strategi/index.md"),
        ("Min plan", "plan/index.md"),
    ]


def test_a_mkdocs_yml_stating_the_municipality_gets_a_danish_line_for_each_fact(
    project, tmp_path, capsys
):
    old = old_config("Prøveby Kommune").replace(
        "docs_dir:", "site_url: https://tilbud.example.dk/\ndocs_dir:"
    )
    (project / "mkdocs.yml").write_text(old, encoding="utf-8")
    expected = [
        "mkdocs.yml:3:1: error: sitets navn står i catalogue/settings.yaml (municipality.name",
        "mkdocs.yml:4:1: error: sitets adresse står i catalogue/settings.yaml som municipality.url; slet site_url her, eller kør 'vifte upgrade'",
        "mkdocs.yml:19:1: error: bunden af siden viser kommunens navn fra catalogue/settings.yaml; slet copyright her, eller kør 'vifte upgrade'",
        "mkdocs.yml:12:3: error: logoet står i catalogue/settings.yaml som municipality.logo",
        "mkdocs.yml:13:3: error: fanebladets ikon er logoet fra municipality.logo i catalogue/settings.yaml",
        "mkdocs.yml:32:1: error: menuen laves af vifte: hvert afsnit med indhold får sit punkt, og håndskrevne sider skrives i catalogue/settings.yaml under site.menu",
    ]
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out.splitlines()
    for line in expected:
        assert any(o.startswith(line) for o in out), (line, out)
    with pytest.raises(ProjectError) as failed:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    said = str(failed.value).splitlines()
    for line in expected:
        assert any(s.startswith(line) for s in said), (line, said)
    assert not (tmp_path / "site").exists()


def test_upgrade_brings_the_old_example_up_to_date_keeping_its_menu_and_comments(
    example_copy, tmp_path, capsys
):
    root = example_copy
    (root / "mkdocs.yml").write_text(
        old_config("Fjordstrand Kommune", EXAMPLE_NAV, "  - Om sitet: om-sitet.md\n"),
        encoding="utf-8",
    )
    settings = root / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text[: text.index("# Sitet:")].replace("  logo: theme/assets/images/logo.svg", "#", 1)
    settings.write_text(text, encoding="utf-8")  # as it was
    assert main(["upgrade", "-p", str(root)]) == 0
    said = capsys.readouterr().out
    assert "site_name sagde det samme som catalogue/settings.yaml" in said
    assert "copyright var kommunens navn" in said
    assert "1 punkt står nu under site.menu i catalogue/settings.yaml" in said
    assert "logoet er flyttet til municipality.logo i catalogue/settings.yaml" in said
    assert "favicon var logoet" in said
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(config)
    assert data["site_name"] == "(fra catalogue/settings.yaml)"
    assert not {"nav", "copyright", "site_url"} & set(data)
    assert not {"logo", "favicon"} & set(data["theme"])
    assert data["theme"]["features"] == ["navigation.tabs", "navigation.top"]
    assert '# mkdocs-material\'s "Made with" line has no Danish text' in config
    assert data["markdown_extensions"][2] == {"toc": {"permalink": False}}
    upgraded = yaml.safe_load(settings.read_text(encoding="utf-8"))
    assert upgraded["site"] == {"menu": [{"Om sitet": "om-sitet.md"}]}
    assert upgraded["municipality"]["logo"] == "theme/assets/images/logo.svg"
    after = settings.read_text(encoding="utf-8").replace(
        '  logo: "theme/assets/images/logo.svg"\n', ""
    )
    assert after.startswith(text)  # the rest of the file as it was
    assert main(["check", "-p", str(root)]) == 0
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert tabs(site / "index.html") == EXAMPLE_TABS
    capsys.readouterr()
    assert main(["upgrade", "-p", str(root)]) == 0
    assert "der er intet at flytte" in capsys.readouterr().out


def test_upgrade_moves_a_chosen_title_and_menu_and_adds_the_missing_sections(tmp_path, capsys):
    root = vesteraa(tmp_path / "vesteraa")
    nav = SCAFFOLD_NAV.replace("  - Find tilbud:", "  - Om os: om-os.md\n  - Alle tilbud:")
    (root / "mkdocs.yml").write_text(
        old_config("Vesterå Kommune", nav).replace(
            "site_name: Vesterå Kommune – tilbud til borgere", "site_name: Tilbudsportalen"
        ),
        encoding="utf-8",
    )
    (root / "site_src/om-os.md").write_text("# Om os\n\nVi er kommunen.\n", encoding="utf-8")
    assert main(["upgrade", "-p", str(root)]) == 0
    assert "site_name 'Tilbudsportalen' er flyttet til site.title" in capsys.readouterr().out
    site_settings = yaml.safe_load((root / "catalogue/settings.yaml").read_text("utf-8"))["site"]
    assert site_settings["title"] == "Tilbudsportalen"
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    front = (site / "index.html").read_text(encoding="utf-8")
    assert text_of(front, r"<title>(.*?)</title>") == "Tilbudsportalen"
    assert tabs(site / "index.html") == [
        "Forside",
        "Nyheder",
        "Om os",
        "Alle tilbud",
        "Temaer",
        "Områder",
        "Målgrupper",
        "Virksomheder",
        "Planer og politikker",
        "Min plan",
    ]


def test_upgrade_refuses_values_that_disagree_and_changes_nothing(project, capsys):
    old = old_config("Prøveby Kommune").replace(
        "copyright: Prøveby Kommune", "copyright: © 2026 Prøveby"
    )
    old = old.replace("docs_dir:", "site_url: https://gammel.example.dk/\ndocs_dir:")
    (project / "mkdocs.yml").write_text(old, encoding="utf-8")
    settings = (project / "catalogue/settings.yaml").read_bytes()
    assert main(["upgrade", "-p", str(project)]) == 1
    err = capsys.readouterr().err.splitlines()
    config = project / "mkdocs.yml"
    assert (
        f"{config}:4:1: fejl: site_url 'https://gammel.example.dk/' er ikke municipality.url 'https://tilbud.example.dk/'"
        in err[0]
    )
    assert (
        f"{config}:19:1: fejl: copyright '© 2026 Prøveby' er ikke kommunens navn 'Prøveby Kommune'"
        in err[1]
    )
    assert err[-1].startswith("Intet er ændret.")
    assert config.read_text(encoding="utf-8") == old
    assert (project / "catalogue/settings.yaml").read_bytes() == settings


def test_a_menu_page_or_a_logo_the_site_cannot_show_is_an_error_at_its_line(project, capsys):
    settings = project / "catalogue/settings.yaml"
    text = settings.read_text(encoding="utf-8")
    shutil.copy(project / "theme/assets/images/logo.svg", project / "logo.svg")
    text = text.replace("logo: theme/assets/images/logo.svg", "logo: logo.svg")
    settings.write_text(text + "site:\n  menu:\n    - Om os: om-os.md\n", encoding="utf-8")
    line = text.count("\n") + 3
    logo_line = text[: text.index("logo: logo.svg")].count("\n") + 1
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert (
        f"catalogue/settings.yaml:{line}:7: error: siden 'om-os.md' i menuen findes ikke i site_src/"
        in out
    )
    assert (
        f"catalogue/settings.yaml:{logo_line}:9: error: logoet skal ligge i theme/ eller site_src/"
        in out
    )


def test_check_names_the_facts_in_mkdocs_yml_beside_the_catalogues_own_errors(project, capsys):
    (project / "mkdocs.yml").write_text(old_config("Prøveby Kommune"), encoding="utf-8")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("area: beskaeftigelse", "area: ukendt"), "utf-8"
    )
    assert main(["check", "-p", str(project)]) == 1
    out = capsys.readouterr().out
    assert "catalogue/offers/virksomhedspraktik.yaml:" in out and "ukendt" in out
    assert "mkdocs.yml:3:1: error: sitets navn står i catalogue/settings.yaml" in out
