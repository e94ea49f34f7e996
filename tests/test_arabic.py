"""Arabic: every interface word in Arabic with its six plural forms, the pages' words in Arabic on
a new project, and a style sheet that mirrors by itself (logical sides only)."""

from __future__ import annotations

import re

from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from vifte.domain import words
from vifte.mkdocs.build import build_site

from .conftest import REPO

PO = REPO / "plugins/vifte/locale/ar/LC_MESSAGES/vifte.po"
POT = REPO / "plugins/vifte/locale/vifte.pot"
CSS = REPO / "plugins/vifte/assets/vifte.css"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _catalogue(path):
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def test_every_message_has_its_arabic_words_and_six_plural_forms():
    arabic, template = _catalogue(PO), _catalogue(POT)
    assert arabic.num_plurals == get_plural("ar").num_plurals == 6
    assert arabic.plural_expr == get_plural("ar").plural_expr
    missing, fuzzy, problems = [], [], []
    for message in template:
        if not message.id:
            continue
        own = arabic.get(message.id)
        if own is None or not all(own.string if message.pluralizable else [own.string]):
            missing.append(message.id)
            continue
        if own.fuzzy:
            fuzzy.append(message.id)
        problems += [f"{message.id}: {e}" for e in own.check(arabic)]
    assert missing == []
    assert fuzzy == []
    assert problems == []  # Babel's checkers: placeholders and plural forms


def test_a_plural_names_no_unknown_value_and_shows_the_number_from_three_up():
    """Zero, one and two may say the number in words ("خدمتان"); from three up (few, many and
    other: 3, 11 and 100) the number is written, and no form names a value the message lacks."""
    arabic = _catalogue(PO)
    wrong = []
    for message in arabic:
        if not message.id or not message.pluralizable:
            continue
        given = set(PLACEHOLDER.findall(message.id[1]))
        for index, text in enumerate(message.string):
            used = set(PLACEHOLDER.findall(text))
            if used - given or (index >= 3 and used != given):
                wrong.append((message.id[0], index, text))
    assert wrong == []
    with words.speaking("ar"):
        forms = [
            words.ngettext("%(num)s tilbud", "%(num)s tilbud", n) for n in (0, 1, 2, 3, 11, 100)
        ]
    assert len(set(forms)) == 5  # many (11) and other (100) both "%(num)s خدمة"
    assert forms[2] == "خدمتان" and forms[3] == "%(num)s خدمات"


ISOLATED = {"title", "name", "municipality", "phone", "email", "who", "address", "place", "date"}


def test_names_contacts_and_dates_are_set_apart_from_the_arabic_around_them():
    """A value from the data sits between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE in every
    Arabic sentence, so "70 11 22 30" or a Danish title ending in a number keeps its order."""
    bare = []
    for message in _catalogue(PO):
        for text in message.string if message.pluralizable else [message.string]:
            for m in PLACEHOLDER.finditer(text or ""):
                isolated = (
                    text[m.start() - 1 : m.start()] == "\u2068"
                    and text[m.end() : m.end() + 1] == "\u2069"
                )
                if m.group(1) in ISOLATED and not isolated:
                    bare.append(text)
    assert bare == []
    with words.speaking("ar"):
        line = words.gettext("Kontakt: %(who)s.") % {"who": "70 11 22 30"}
    assert line == "التواصل: \u206870 11 22 30\u2069."


PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)(?:-\w+)?|left|right|float|clear)\s*:"
    r"|text-align\s*:\s*(?:left|right)"
)
FOUR_SIDES = re.compile(r"(?<![\w-])(margin|padding)\s*:\s*([^;}]+)")


def test_the_style_sheet_uses_logical_sides_only():
    """vifte.css says inline-start and inline-end, never left or right, so an Arabic page mirrors
    by itself; a four-value margin or padding with different sides would not. Only a rule made for
    right to left (`[dir="rtl"] …`) may name a side."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r'^\[dir="rtl"\][^{]*\{[^}]*\}', "", css, flags=re.M)  # a rule for RTL only
    physical = [m.group(0) for m in PHYSICAL.finditer(css)]
    assert physical == []
    uneven = [
        m.group(0)
        for m in FOUR_SIDES.finditer(css)
        if len(v := m.group(2).split()) == 4 and v[1] != v[3]
    ]
    assert uneven == []


def test_a_new_project_in_arabic_speaks_arabic(project, tmp_path):
    """`vifte init`'s project built in Arabic: the interface words, plurals and the theme's own
    words are Arabic, the filter page's script words carry Arabic's six forms."""
    settings = project / "catalogue/settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nlanguages: [ar]\n", "utf-8")
    site = build_site(project / "mkdocs.yml", tmp_path / "site", language="ar")
    offer = (site / "tilbud/virksomhedspraktik/index.html").read_text(encoding="utf-8")
    for arabic in ("عن الخدمة", "معلومات عملية", "ابحث عن خدمات", "انتقل إلى المحتوى", "خطتي"):
        assert arabic in offer
    for danish in ("Om tilbuddet", "Praktisk", "Gå til indholdet", ">Min plan<"):
        assert danish not in offer
    listing = (site / "tilbud/index.html").read_text(encoding="utf-8")
    assert "الخدمات المناسبة" in listing
    # offline.js's block in the head comes first; the filter's carries the plurals.
    blocks = re.findall(
        r"<script type=\"application/json\" data-vifte-words>(.*?)</script>", listing
    )
    assert len(blocks) >= 2
    for category in ("zero", "one", "two", "few", "many", "other"):
        assert f'"{category}"' in blocks[-1]
