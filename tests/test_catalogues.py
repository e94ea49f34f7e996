"""The shipped catalogues of interface words (`locale/<code>/LC_MESSAGES/vifte.po`).

Each one says every message of the template (vifte.pot), none left fuzzy, with the language's own
plural rule (CLDR, from Babel); each translation keeps its message's placeholders (Babel's
checkers, and stricter: no placeholder lost, a plural form that more numbers than 1 choose shows
the number); vifte's words read each catalogue as it is written. A project made with `vifte init`,
built in English and in Ukrainian, shows no Danish interface word on any page. Danish and the
pseudo-language say every message as before.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from vifte.domain import words
from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

from .test_words_pseudo import _text_nodes, pieces, project_pieces

LANGUAGES = words.interface_languages()
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
NUMBERS = range(1000)
"""Enough numbers to meet every plural form of every language vifte ships."""


@cache
def _catalogue(code: str) -> Catalog:
    with (words.locale_dir() / code / "LC_MESSAGES" / f"{words.DOMAIN}.po").open("rb") as f:
        return read_po(f, locale=code)


@cache
def _template() -> Catalog:
    with (words.locale_dir() / f"{words.DOMAIN}.pot").open("rb") as f:
        return read_po(f)


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def _forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if message.pluralizable else (message.string,)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


COUNTS = {"n", "num"}
"""The placeholders vifte's plural messages give the count in."""


@cache
def _plural(code: str) -> Callable[[int], int]:
    """The form index `n` chooses, by the catalogue's own Plural-Forms header."""
    return gettext.c2py(_catalogue(code).plural_expr)


def test_vifte_ships_english_ukrainian_and_arabic():
    assert {"en", "uk", "ar"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_catalogue_translates_every_message_of_the_template(code):
    catalog = _catalogue(code)
    wanted = {m.id for m in _messages(_template())}
    held = {m.id for m in _messages(catalog)}
    assert held == wanted, (
        f"{code}: kør 'pybabel update' — mangler {sorted(map(str, wanted - held))}, "
        f"forældede {sorted(map(str, held - wanted))}"
    )
    assert not [m.id for m in _messages(catalog) if not all(_forms(m))], f"{code}: uoversatte"
    assert not [m.id for m in _messages(catalog) if m.fuzzy], f"{code}: fuzzy"
    rule = get_plural(code)
    assert (catalog.num_plurals, catalog.plural_expr) == (rule.num_plurals, rule.plural_expr)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_translation_keeps_the_placeholders_of_its_message(code):
    catalog = _catalogue(code)
    problems = [
        f"{m.id!r}: {error}" for m, errors in catalog.check() for error in errors
    ]  # Babel's checkers: the number of plural forms, python-format placeholders
    chooses = _plural(code)
    for m in _messages(catalog):
        singular, plural = m.id if m.pluralizable else (m.id, m.id)
        for index, form in enumerate(_forms(m)):
            if not form:
                continue  # not translated: the test above says so
            numbers = {n for n in NUMBERS if chooses(n) == index}
            wanted = _placeholders(plural if numbers - {1} else singular)
            if len(numbers) == 1:  # a form for one number may say it in words (Arabic's 0, 1, 2)
                wanted -= COUNTS - _placeholders(form)
            if _placeholders(form) != wanted:
                problems.append(f"{m.id!r} [{index}]: {sorted(_placeholders(form))} != {wanted}")
            if "%" in PLACEHOLDER.sub("", form):
                problems.append(f"{m.id!r} [{index}]: a lone % breaks the formatting")
            if '"' in form and '"' not in singular + plural:
                problems.append(f'{m.id!r} [{index}]: a " may end a CSS or attribute string')
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_vifte_says_each_message_as_the_catalogue_writes_it(code):
    chooses = _plural(code)
    with words.speaking(code):
        for m in _messages(_catalogue(code)):
            if not all(_forms(m)):
                continue  # not translated: the test above says so
            if not m.pluralizable:
                assert words.gettext(m.id) == m.string
                continue
            for n in (0, 1, 2, 5, 21, 22, 101):
                assert words.ngettext(m.id[0], m.id[1], n) == m.string[chooses(n)]


def test_ukrainian_counts_with_three_forms():
    with words.speaking("uk"):
        said = [
            words.ngettext("%(num)s tilbud", "%(num)s tilbud", n) % {"num": n}
            for n in (1, 2, 5, 11, 21, 22, 25, 111, 1004)
        ]
    assert said == [
        "1 послуга",
        "2 послуги",
        "5 послуг",
        "11 послуг",
        "21 послуга",
        "22 послуги",
        "25 послуг",
        "111 послуг",
        "1004 послуги",
    ]
    with words.speaking("en"):
        assert words.ngettext("%(num)s tilbud", "%(num)s tilbud", 1) == "%(num)s offer"
        assert words.ngettext("%(num)s tilbud", "%(num)s tilbud", 0) == "%(num)s offers"


def test_danish_and_the_pseudo_language_say_every_message_as_before():
    for m in _messages(_template()):
        singular, plural = m.id if m.pluralizable else (m.id, m.id)
        with words.speaking(words.DANISH):
            assert words.gettext(singular) == singular
            assert words.ngettext(singular, plural, 1) == singular
            assert words.ngettext(singular, plural, 3) == plural
        with words.speaking(words.PSEUDO):
            assert words.gettext(singular) == f"⟦{singular}⟧"
            assert words.ngettext(singular, plural, 3) == f"⟦{plural}⟧"


@pytest.fixture(scope="module")
def new_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("catalogues") / "kommune"
    init_project(root, "Prøveby Kommune")
    return root


@pytest.mark.parametrize("code", ["en", "uk"])
def test_a_new_project_built_in_a_language_shows_no_danish_interface_word(
    code, new_project, tmp_path
):
    site = build_site(new_project / "mkdocs.yml", tmp_path / "site", language=code)
    danish = _danish_only(code) - project_pieces(new_project)
    assert len(danish) > 300  # the check has words to look for
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found: dict[str, list[str]] = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{code}"', html), page
        shown = {p.lower() for text in _text_nodes(html) for p in pieces(text)}
        if shown & danish:
            found[str(page.relative_to(site))] = sorted(shown & danish)
    assert not found, found
    offers = (site / "tilbud" / "index.html").read_text(encoding="utf-8")
    assert {"en": "Find offers", "uk": "Знайти послуги"}[code] in offers


def _danish_only(code: str) -> set[str]:
    """The pieces of the template's messages that no translation of `code` holds."""
    catalog = _catalogue(code)
    translated = {p.lower() for m in _messages(catalog) for form in _forms(m) for p in pieces(form)}
    messages = {
        text for m in _messages(_template()) for text in (m.id if m.pluralizable else (m.id,))
    }
    return {p.lower() for text in messages for p in pieces(PLACEHOLDER.sub(" . ", text))} - (
        translated
    )
