"""SVG files the build would publish: every way to run a script or reach another host is refused
at file and line by `vifte check` and `vifte build`, and the file is never changed."""

from __future__ import annotations

import pytest

from vifte.mkdocs.build import build_site
from vifte.source.diagnostics import ProjectError
from vifte.source.validate import load_catalogue

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
HOSTILE = {
    "script": ("<script>fetch('https://ond.example/')</script>", "et script (<script>)"),
    "onload": ('<rect onload="alert(1)" width="1"/>', "hændelse, der kan køre et script (onload"),
    "onclick": ('<g onClick="alert(1)"/>', "hændelse, der kan køre et script (onClick"),
    "href": (
        '<image href="https://ond.example/x.png"/>',
        'henviser til noget uden for filen (href="https://ond',
    ),
    "xlink:href": (
        '<use xlink:href="//ond.example/a.svg#x"/>',
        'henviser til noget uden for filen (href="//ond',
    ),
    "local file": (
        '<image href="andet.svg"/>',
        'henviser til noget uden for filen (href="andet.svg")',
    ),
    "foreignObject": (
        "<foreignObject><p>x</p></foreignObject>",
        "indlejret HTML (<foreignObject>)",
    ),
    "html": (
        '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
        "indeholder HTML (<script>)",
    ),
    "javascript link": (
        '<a href="javascript:alert(1)"><text>x</text></a>',
        "henviser til noget uden for filen",
    ),
    "data html": (
        '<image href="data:text/html;base64,PHNjcmlwdD4="/>',
        'henviser til noget uden for filen (href="data:text/html',
    ),
    "data svg in css": (
        '<rect style="fill:url(data:image/svg+xml;base64,PHN2Zz4=)"/>',
        'url("data:image/svg+xml',
    ),
    "css url": (
        "<style>rect{fill:url(https://ond.example/a)}</style>",
        'url("https://ond.example/a") i <style>',
    ),
    "css import": ('<style>@import "https://ond.example/a.css";</style>', "@import i <style>"),
    "attribute url": (
        '<rect fill="url(https://ond.example/#g)"/>',
        'url("https://ond.example/#g") i fill',
    ),
    "animated href": (
        '<a href="#a"><set attributeName="href" to="#b"/></a>',
        "animation, der ændrer href",
    ),
    "animated event": (
        '<set attributeName="onclick" to="alert(1)"/>',
        "animation, der ændrer onclick",
    ),
    "xml:base": (
        '<g xml:base="https://ond.example/"><use href="#a"/></g>',
        'xml:base="https://ond',
    ),
    "stylesheet": ('<?xml-stylesheet href="https://ond.example/a.css"?>', "<?xml-stylesheet"),
}


def _svg(body: str) -> str:
    return HEAD + body + "\n</svg>\n"


@pytest.mark.parametrize("name", HOSTILE)
def test_check_refuses_each_hostile_construct_at_its_line(project, write, name):
    body, expected = HOSTILE[name]
    path = write("theme/assets/images/ond.svg", _svg(body))
    before = path.read_bytes()
    _, report = load_catalogue(project)
    found = [d for d in report.errors if d.path == "theme/assets/images/ond.svg"]
    assert found, report.lines()
    assert any(expected in d.message for d in found), [d.message for d in found]
    assert all(d.line == 2 for d in found), [str(d) for d in found]
    assert path.read_bytes() == before  # refused, never changed


def test_an_entity_declaration_is_refused_before_it_is_expanded(project, write):
    laughs = "".join(
        f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 30)
    )
    write(
        "theme/assets/images/ond.svg",
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY l0 "ha">{laughs}\n]>\n'
        + _svg("<text>&l29;</text>"),
    )
    _, report = load_catalogue(project)
    [problem] = [d for d in report.errors if d.path.endswith("ond.svg")]
    assert problem.line == 2 and "<!ENTITY" in problem.message


def test_a_plain_logo_with_local_references_and_embedded_pictures_passes(project, write):
    write(
        "theme/assets/images/logo.svg",
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        + _svg(
            '<defs><linearGradient id="g"><stop offset="0" stop-color="#123"/></linearGradient>'
            '<path id="p" d="M0 0h4"/></defs><style>rect{fill:url(#g)}</style>'
            '<title>Logo</title><use xlink:href="#p"/><rect style="fill:url(\'#g\')"/>'
            '<image href="data:image/png;base64,iVBORw0KGgo="/>'
            '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>'
        ),
    )
    _, report = load_catalogue(project)
    assert not [d for d in report.items if d.path.endswith(".svg")], report.lines()


def test_build_refuses_a_hostile_svg_and_publishes_nothing(project, write, tmp_path):
    write("theme/assets/images/ond.svg", _svg('<image href="https://ond.example/x.png"/>'))
    site = tmp_path / "site"
    with pytest.raises(
        ProjectError, match=r"theme/assets/images/ond.svg:2:1: error: SVG-filen henviser"
    ):
        build_site(project / "mkdocs.yml", site, pdf=False)
    assert not site.exists()


def test_not_well_formed_svg_is_refused_at_its_line(project, write):
    write("theme/assets/images/ond.svg", HEAD + "<g>\n</svg>\n")
    _, report = load_catalogue(project)
    [problem] = [d for d in report.errors if d.path.endswith("ond.svg")]
    assert problem.line == 3 and "ikke gyldig SVG" in problem.message
