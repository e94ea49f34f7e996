"""Every address comes from routes: no template or script states a section, a PDF or data path,
the search index's folder or a filter parameter's name itself (decision 45)."""

from __future__ import annotations

import re
from pathlib import Path

from vifte.domain import routes
from vifte.domain.registry import TABLE
from vifte.output.products import PRODUCTS

PACKAGE = Path(routes.__file__).resolve().parent.parent
REPO = PACKAGE.parent.parent
VENDORED = {"qrcode.js"}  # the QR encoder (MIT), not ours

LITERAL = re.compile(r"""(["'])((?:(?!\1).)*)\1""")
GETTEXT = re.compile(r"""\b(?:_|gettext|ngettext|t|tn)\(\s*(["'])(?:(?!\1).)*\1""")
"""A message for the catalogue: words (a link's text may be "tema"), never an address."""
"""A quoted string in a template or a script (attribute values included)."""


def _addresses() -> tuple[str, ...]:
    """The beginnings of every address the site has: page sections, data files, PDFs, search."""
    return (
        *(f"{s}/" for s in TABLE.sections()),
        routes.offer_list_path(TABLE),
        *routes.OPEN_DATA_PATHS,
        f"{routes.PDF_FOLDER}/",
        f"{routes.SEARCH_FOLDER}/",
        f"{routes.TYPO_FOLDER}/",
    )


def _sources() -> list[Path]:
    found = [
        *(PACKAGE / "templates").rglob("*.html"),
        *(PACKAGE / "overrides").rglob("*.html"),
        *(p for p in (PACKAGE / "assets").glob("*.js") if p.name not in VENDORED),
        *(PACKAGE / "scaffold").rglob("*.html"),
        *(REPO / "theme").rglob("*.html"),
    ]
    return sorted(found)


def stated(text: str) -> list[str]:
    """The addresses and parameter names `text` states as literals, also inside a literal
    (`href="{{ link('temaer/') }}"`)."""
    starts = _addresses()
    params = set(routes.filter_params(TABLE).values())
    found = []
    for _quote, literal in LITERAL.findall(GETTEXT.sub("_(", text)):
        if literal.startswith(starts) or literal in params:
            found.append(literal)
        found += stated(literal)
    return found


def test_no_template_or_script_states_an_address_or_a_filter_parameter():
    found = {
        str(path.relative_to(REPO)): hits
        for path in _sources()
        if (hits := stated(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_scan_sees_each_kind_of_address_and_the_parameter_names():
    """The scan above is only worth something if it finds what main's templates stated."""
    text = """<a href="{{ link('temaer/') }}">{% set g = ("tema", "Tema") %}
    fetch(new URL("pagefind/vifte-ord/" + name)); "pdf/kort/x.pdf"; '"""
    assert stated(text + routes.offer_list_path(TABLE) + "'") == [
        "temaer/",
        "tema",
        "pagefind/vifte-ord/",
        "pdf/kort/x.pdf",
        routes.offer_list_path(TABLE),
    ]


def test_the_filter_parameters_and_the_pdf_names_come_from_the_term_lists():
    params = routes.filter_params(TABLE)
    assert params == {
        "areas": "omraade",
        "access": "adgang",
        "themes": "tema",
        "target_groups": "maalgruppe",
    }
    assert {name: PRODUCTS[name] for name in ("areas", "themes", "target_groups")} == {
        name: TABLE.term_lists[name].param for name in ("areas", "themes", "target_groups")
    }
