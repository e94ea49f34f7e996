"""The words the browser scripts draw, in the page's language (decision 49).

Each script names its words as msgids, `t("Dansk tekst")` and `tn("ental", "flertal", n)`, read
here with Babel's JavaScript extractor (the same one `pybabel extract` uses), so a word is
stated once, in the script. A page that loads scripts gets their translations in a JSON data
block (`<script type="application/json">`: data, not code, so the CSP stays as it is); a word
that reads as its msgid needs no entry, so a Danish page gets no block at all.
"""

from __future__ import annotations

import io
import json
from functools import cache
from importlib.resources import files

from babel.messages.extract import extract
from markupsafe import Markup

from vifte.domain.wording import locale
from vifte.domain.words import active, gettext, ngettext

KEYWORDS: dict[str, tuple[int, ...] | None] = {"t": None, "tn": (1, 2)}
"""The scripts' word functions (view.js), as `pybabel extract` is told them: `-k t -k tn:1,2`."""

Msgid = str | tuple[str, ...]
Said = str | dict[str, str]


@cache
def msgids(script: str) -> tuple[Msgid, ...]:
    """The msgids of one of vifte's scripts ("filter"), in the order written, without repeats."""
    source = files("vifte").joinpath("assets", f"{script}.js").read_bytes()
    found = extract("javascript", io.BytesIO(source), keywords=KEYWORDS, comment_tags=())
    return tuple(dict.fromkeys(message for _, message, _, _ in found))


def _plural_forms(singular: str, plural: str) -> dict[str, str]:
    """The forms by CLDR plural category (what the browser's Intl.PluralRules answers)."""
    rule = locale().plural_form
    forms: dict[str, str] = {}
    for n in range(1000):
        category = rule(n)
        if category not in forms:
            forms[category] = ngettext(singular, plural, n)
    return forms


@cache
def _translations(scripts: tuple[str, ...], language: str) -> dict[str, Said]:
    out: dict[str, Said] = {}
    for script in scripts:
        for msgid in msgids(script):
            if isinstance(msgid, str):
                if (said := gettext(msgid)) != msgid:
                    out[msgid] = said
            elif (forms := _plural_forms(msgid[0], msgid[1])) != {
                "one": msgid[0],
                "other": msgid[1],
            }:
                out[msgid[0]] = forms
    return out


def translations(*scripts: str) -> dict[str, Said]:
    """Msgid -> the active language's words (forms by plural category) for the scripts named,
    leaving out each word that reads as its msgid."""
    return _translations(scripts, active())


def script_words(*scripts: str) -> Markup:
    """The data block with the scripts' words for a page, or nothing when every word is its msgid."""
    words = translations(*scripts)
    if not words:
        return Markup("")
    data = json.dumps({"plural": str(locale()), "words": words}, ensure_ascii=False)
    # No text can close the element: <, > and & as JSON escapes (as jsonld.py writes its data).
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" data-vifte-words>{data}</script>')
