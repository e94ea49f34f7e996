"""Telling interface words from citizen content in a pseudo-language build (words.PSEUDO).

In that build every catalogue word is wrapped in ⟦ ⟧. A text passes when, once every wrapped
part is taken out and what the catalogue's files say (titles, summaries, settings' labels,
names, addresses) is taken out, no letter is left. A wrapped part must be a msgid (Babel's
extractors over vifte's Python modules, templates and scripts, as `pybabel extract` finds them),
and what fills its placeholders (a nested label, a title) is checked the same way.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.extract import extract

from vifte.domain.catalogue import Catalogue
from vifte.output.outputs import SCRIPTS
from vifte.output.script_words import msgids

OPEN, CLOSE = "⟦", "⟧"
PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "vifte"
PYTHON_KEYWORDS = {"gettext": None, "_": None, "N_": None, "ngettext": (1, 2)}
JINJA = "jinja2.ext:babel_extract"
JINJA_KEYWORDS = {"gettext": None, "_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
LETTER = re.compile(r"[^\W\d_]")
NOISE = re.compile(
    r"https?://\S+|mailto:\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|\b[\w-]+(\.[\w-]+)+/\S*|\.json\b"
)
"""Addresses (also a site's short one, "tilbud.kommune.dk/tilbud/x/"), e-mails and a file's ending."""


@cache
def interface_msgids() -> tuple[str, ...]:
    """Every msgid of vifte's Python modules, templates and browser scripts (plural forms each on
    their own): what `pybabel extract` puts in the catalogue."""
    found: list[str | tuple[str, ...]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as source:
            found += [m for _, m, _, _ in extract("python", source, keywords=PYTHON_KEYWORDS)]
    for path in sorted(PACKAGE.rglob("*.html")):  # the templates' words (jinja2.ext.i18n)
        with path.open("rb") as source:
            found += [m for _, m, _, _ in extract(JINJA, source, keywords=JINJA_KEYWORDS)]
    for name in SCRIPTS:
        found += msgids(name)
    flat = [m for item in found for m in ((item,) if isinstance(item, str) else item)]
    return tuple(dict.fromkeys(flat))


@cache
def _pattern(msgid: str) -> re.Pattern[str]:
    parts = PLACEHOLDER.split(msgid)
    regex = "".join(re.escape(p) if i % 2 == 0 else "(.*)" for i, p in enumerate(parts))
    return re.compile(regex, re.S)


def citizen_texts(c: Catalogue) -> list[str]:
    """What the catalogue's own files say: it stays Danish in every language of the interface."""
    said = [c.settings.municipality.name]
    for terms in (c.areas, c.access, c.themes, c.target_groups):
        said += [t.label for t in terms.values()]
        said += [t.description for t in terms.values() if t.description]
    for o in c.offers:
        said += [o.title, o.summary, o.provider.name, *o.legal_basis]
        said += [v for v in (o.contact.name, o.contact.phone, o.contact.email) if v]
        if o.location:
            said.append(o.location.one_line)
    for m in c.mentors:
        said += [m.name, m.role]
        said += [v for v in (m.contact.name, m.contact.phone, m.contact.email) if v]
    for n in c.items.get("news", ()):
        said += [n.title, n.summary]
    return said


def _split(text: str) -> tuple[str, list[str]]:
    """The text outside any ⟦ ⟧ (each wrapped part as a space), and each outermost wrapped part."""
    outside, inside, depth, start = [], [], 0, 0
    for i, ch in enumerate(text):
        if ch == OPEN:
            if depth == 0:
                start = i + 1
                outside.append(" ")
            depth += 1
        elif ch == CLOSE and depth:
            depth -= 1
            if depth == 0:
                inside.append(text[start:i])
        elif depth == 0:
            outside.append(ch)
    return "".join(outside), inside


def leftovers(text: str, allowed: list[str]) -> list[str]:
    """The untransformed interface words in `text` (empty when it passes)."""
    outside, inside = _split(text)
    for known in sorted(set(allowed), key=len, reverse=True):
        if known:
            outside = outside.replace(known, " ")
    outside = NOISE.sub(" ", outside)
    found = [w for w in re.split(r"[\s\W]+", outside) if LETTER.search(w)]
    for part in inside:
        found += _wrapped(part, allowed)
    return found


def _wrapped(part: str, allowed: list[str]) -> list[str]:
    """A wrapped part fills in some msgid: what fills its placeholders must pass too."""
    best: list[str] | None = None
    for msgid in interface_msgids():
        match = _pattern(msgid).fullmatch(part)
        if match is None:
            continue
        found = [w for value in match.groups() for w in leftovers(value, allowed)]
        if not found:
            return []
        best = found if best is None or len(found) < len(best) else best
    # Wrapped but no msgid: said through gettext, yet not marked, so no catalogue would hold it.
    return [f"{OPEN}{part}{CLOSE} (no msgid)"] if best is None else best
