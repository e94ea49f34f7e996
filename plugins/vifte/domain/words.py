"""The site's words in the active language: gettext catalogues, msgids in Danish.

Minimal stand-in for the shared words API (issue 23, part 8); the `words` branch's version
replaces this file at merge.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

PSEUDO = "qps"
"""The pseudo-language: every catalogue word wrapped in ⟦ ⟧."""
DEFAULT = "da"
DOMAIN = "vifte"
LOCALES = Path(__file__).resolve().parent.parent / "locale"

_ACTIVE: ContextVar[str] = ContextVar("vifte_language", default=DEFAULT)


def active() -> str:
    """The active language code ("da" by default)."""
    return _ACTIVE.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Everything inside speaks `language`."""
    token = _ACTIVE.set(language)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    if language in (DEFAULT, PSEUDO):
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALES, [language], fallback=True)


def gettext(message: str) -> str:
    """`message` in the active language."""
    language = active()
    if language == PSEUDO:
        return f"⟦{message}⟧"
    return _catalogue(language).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the active language."""
    language = active()
    if language == PSEUDO:
        return f"⟦{singular if n == 1 else plural}⟧"
    return _catalogue(language).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for the marker
    """Marks `message` for extraction; translated where it is used."""
    return message


def install(env: jinja2.Environment) -> None:
    """jinja2.ext.i18n on `env`, newstyle, reading the active language at each call."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
