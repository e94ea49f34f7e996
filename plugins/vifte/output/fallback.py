"""A text shown in Danish on another language's page says so: `lang="da"` and a short note.

The catalogue of a language marks each untranslated citizen text as `Danish`
(domain/translation.py); templates show texts with `{{ value | tr }}` (inline) and Markdown
with `| md`, which wrap a marked text. Attributes (alt, aria-label, <title>) take the plain
text: an element cannot stand there.

One note per item: a card, a table row or a list entry says "(only in Danish)" once, by its
first Danish text; its other Danish texts are only marked (`tr(beside=...)`), so a long list
of untranslated offers does not repeat the note two or three times a line.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from vifte.domain.translation import SOURCE_LANGUAGE, Danish
from vifte.domain.words import _, active, direction


def install(env: jinja2.Environment) -> None:
    """The filters, test and global templates use for citizen texts."""
    env.filters["tr"] = inline
    env.filters["tr_join"] = joined
    env.filters["tr_list"] = listed
    env.tests["danish"] = shown_in_danish
    env.globals["da_note"] = note_for


def shown_in_danish(value: Any) -> bool:
    """Whether `value` is a Danish text on a page in another language."""
    return isinstance(value, Danish) and active() != SOURCE_LANGUAGE


def any_in_danish(*values: Any) -> bool:
    """Whether a text among `values` (texts or lists of texts) is shown in Danish."""
    for value in values:
        if isinstance(value, list | tuple):
            if any(shown_in_danish(v) for v in value):
                return True
        elif shown_in_danish(value):
            return True
    return False


def note() -> str:
    """The short note beside a text only available in Danish, in the page's language."""
    return _("kun på dansk")


def note_for(*values: Any) -> Markup:
    """The note, when a text among `values` is shown in Danish; else nothing."""
    if not any_in_danish(*values):
        return Markup("")
    return _note_html(active())


@cache
def _note_html(language: str) -> Markup:
    """The note's markup in `language`: the same on every page, so made once (a language's
    pages mark thousands of texts; formatting each anew was 5 % of a four-language build)."""
    return Markup(' <span class="vifte-da-note">({})</span>').format(note())


def inline(value: Any, beside: Any = None, note: bool = True) -> Markup | Any:
    """`{{ value | tr }}`: the text, inside `<span lang="da">` with the note when it is Danish
    on another language's page; `tr(beside=o.title)` leaves the note out when the text
    `beside` it in the same item is Danish too and so carries the note already, and
    `tr(note=false)` leaves it to the template (`da_note`)."""
    if not shown_in_danish(value):
        return value
    marked = _span_open(active()) + escape(value) + Markup("</span>")
    return marked if not note or any_in_danish(beside) else marked + _note_html(active())


@cache
def _span_open(language: str) -> Markup:
    return Markup("<span {}>").format(_danish_attributes())


def joined(values: Iterable[Any], separator: str = ", ", beside: Any = None) -> Markup:
    """`{{ m.competences | tr_join }}`: a list of texts on one line, marked and noted once."""
    values = list(values)
    text = Markup(separator).join(values)
    if not any_in_danish(values):
        return text
    marked = Markup("<span {}>{}</span>").format(_danish_attributes(), text)
    return marked if any_in_danish(beside) else marked + note_for(values)


def listed(values: Iterable[Any]) -> Markup:
    """`{{ m.competences | tr_list }}`: the texts as a bulleted list, marked and noted once."""
    values = list(values)
    html = Markup("<ul>{}</ul>").format(
        Markup("").join(Markup("<li>{}</li>").format(v) for v in values)
    )
    return block(values, html)


def block(value: Any, html: str) -> Markup:
    """Rendered Markdown `html` of `value`, inside `<div lang="da">` with the note when the
    text (or a text of the list `value`) is Danish on another language's page."""
    if not any_in_danish(value):
        return Markup(html)
    return _block_open(active()) + Markup(html) + Markup("</div>")


@cache
def _block_open(page: str) -> Markup:
    own = Markup(' dir="{}"').format(direction(page)) if direction(page) == "rtl" else ""
    return Markup('<div class="vifte-da" {}><p class="vifte-da-note" lang="{}"{}>{}</p>').format(
        _danish_attributes(), page, own, note()
    )


def _danish_attributes() -> Markup:
    """`lang="da"`, and on a right-to-left page `dir="ltr"`: Danish runs left to right, so its
    full stops and brackets stay where the Danish reader expects them."""
    if direction(active()) == "rtl":
        return Markup('lang="da" dir="ltr"')
    return Markup('lang="da"')
