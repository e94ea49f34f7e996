"""A text shown in Danish on another language's page says so: `lang="da"` and a short note.

The catalogue of a language marks each untranslated citizen text as `Danish`
(domain/translation.py); templates show texts with `{{ value | tr }}` (inline) and Markdown
with `| md`, which wrap a marked text. Attributes (alt, aria-label, <title>) take the plain
text: an element cannot stand there.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from vifte.domain.translation import SOURCE_LANGUAGE, Danish
from vifte.domain.words import _, active


def shown_in_danish(value: Any) -> bool:
    """Whether `value` is a Danish text on a page in another language."""
    return isinstance(value, Danish) and active() != SOURCE_LANGUAGE


def note() -> str:
    """The short note beside a text only available in Danish, in the page's language."""
    return _("kun på dansk")


def inline(value: Any) -> Markup | Any:
    """`{{ value | tr }}`: the text, inside `<span lang="da">` with the note when it is Danish
    on another language's page."""
    if not shown_in_danish(value):
        return value
    return Markup('<span lang="da">{}</span> <span class="vifte-da-note">({})</span>').format(
        value, note()
    )


def block(value: Any, html: str) -> Markup:
    """Rendered Markdown `html` of `value`, inside `<div lang="da">` with the note when the
    text is Danish on another language's page."""
    if not shown_in_danish(value):
        return Markup(html)
    return Markup(
        '<div class="vifte-da" lang="da"><p class="vifte-da-note" lang="{}">{}</p>{}</div>'
    ).format(active(), note(), Markup(html))
