"""The accessibility statement the law requires: settings.yaml, every page's footer, check warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vifte.mkdocs.build import build_site
from vifte.source.validate import load_catalogue

from .conftest import danish_files

STATEMENT = "https://www.was.digst.dk/tilbud-fjordstrand-dk"
FOOTER = re.compile(
    r'<div class="vifte-footer" data-vifte-accessibility>\s*'
    rf'<p><a href="{re.escape(STATEMENT)}">Tilgængelighedserklæring</a></p>'
    r'.*?Ring på <a href="tel:70112200">70 11 22 00</a> eller skriv til '
    r'<a href="mailto:webredaktion@fjordstrand.dk">webredaktion@fjordstrand.dk</a>',
    re.S,
)


def test_every_page_footer_links_the_statement_and_the_contacts(example_site: Path):
    pages = danish_files(example_site)
    assert len(pages) > 100 and any(p.name == "404.html" for p in pages)
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        footer = html.split('<footer class="md-footer">', 1)[1]
        assert len(FOOTER.findall(footer)) == 1, html_file


def warnings(project: Path) -> list[str]:
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    return [line for line in report.lines() if "settings.yaml" in line]


START = """accessibility:
  statement: https://www.was.digst.dk/tilbud-example-dk
  phone: "70 00 00 00"
  email: web@example.dk
"""


def with_accessibility(project: Path, block: str) -> None:
    """Replace the starter's accessibility block (vifte init writes one) with `block`."""
    settings = project / "catalogue/settings.yaml"
    original = project.parent / "settings.original"
    if not original.exists():
        original.write_text(settings.read_text(encoding="utf-8"), encoding="utf-8")
    text = original.read_text(encoding="utf-8")
    assert START in text
    settings.write_text(text.replace(START, block), encoding="utf-8")


def line_of(project: Path, start: str) -> int:
    lines = (project / "catalogue/settings.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_check_warns_while_the_statement_or_a_contact_is_missing(project: Path):
    assert warnings(project) == []  # the starter has the block, for the municipality to fill in
    with_accessibility(project, "")
    (missing,) = warnings(project)
    assert missing.startswith(
        "catalogue/settings.yaml:3:1: warning: sitet mangler en tilgængelighedserklæring"
    )
    with_accessibility(project, 'accessibility:\n  phone: "70 00 00 00"\n')
    found = warnings(project)
    assert len(found) == 2
    assert any("linket til tilgængelighedserklæringen mangler" in line for line in found)
    assert any("kontakten om tilgængelighed mangler en e-mailadresse" in line for line in found)
    at = f"catalogue/settings.yaml:{line_of(project, 'accessibility:')}:1: warning:"
    assert all(line.startswith(at) for line in found), found


def test_a_statement_is_shown_escaped_once(project: Path, tmp_path: Path):
    block = (
        "accessibility:\n"
        "  statement: https://www.was.digst.dk/a?b=1&c=<2>\n"
        '  phone: "70 00 00 00"\n'
        "  email: web@example.dk\n"
    )
    with_accessibility(project, block)
    assert warnings(project) == []
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert (
        '<a href="https://www.was.digst.dk/a?b=1&amp;c=&lt;2&gt;">Tilgængelighedserklæring</a>'
        in html
    )
    assert "&amp;amp;" not in html and "c=<2>" not in html


@pytest.mark.parametrize("value", ["was.digst.dk/x", "javascript:alert(1)"])
def test_a_statement_that_is_not_a_web_address_is_an_error(project: Path, value: str):
    with_accessibility(project, f"accessibility:\n  statement: {value}\n")
    catalogue, report = load_catalogue(project)
    assert catalogue is None
    at = f"catalogue/settings.yaml:{line_of(project, '  statement:')}:14: error:"
    assert any(line.startswith(at) for line in report.lines()), report.lines()
