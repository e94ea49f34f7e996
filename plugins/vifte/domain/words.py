"""The words the site, the PDFs, the feeds and the scripts show, in the active language.

gettext's convention: the message ids are the Danish texts, so Danish needs no catalogue and a
missing translation shows Danish. Other languages read `locale/<lang>/LC_MESSAGES/vifte.po`
(template: `locale/vifte.pot`, made by `pybabel extract`, see pyproject.toml). The pseudo-language
`PSEUDO` needs no file either: it wraps each message in ⟦ ⟧, so a build in it shows every word
that does not come from the catalogue.

The active language is a context variable: one Jinja environment (and its compiled templates)
serves every language, and `speaking` sets it for one build.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib.resources import files
from pathlib import Path

import jinja2

DANISH = "da"
PSEUDO = "qps"
"""The pseudo-language: every catalogue word wrapped in ⟦ ⟧ (a private-use code, as qps-ploc)."""
DOMAIN = "vifte"

_active: ContextVar[str] = ContextVar("vifte_language", default=DANISH)


def locale_dir() -> Path:
    """The folder of the catalogues (`<lang>/LC_MESSAGES/vifte.po`) and the template vifte.pot."""
    return Path(str(files("vifte").joinpath("locale")))


@cache
def interface_languages() -> tuple[str, ...]:
    """The languages vifte has its own words in, besides Danish: a catalogue in `locale/`."""
    return tuple(
        sorted(p.parent.parent.name for p in locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    )


@cache
def direction(language: str) -> str:
    """ "rtl" for a language written right to left (CLDR's character order, from Babel), else "ltr"."""
    from babel import Locale, UnknownLocaleError

    try:
        order = Locale.parse(language).character_order
    except (ValueError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def active() -> str:
    """The active language code ("da" unless `speaking` says otherwise)."""
    return _active.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Make `language` the active language while the block runs."""
    token = _active.set(language)
    try:
        yield
    finally:
        _active.reset(token)


def gettext(message: str) -> str:
    """`message` (Danish) in the active language."""
    return _translations(active()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message, as the active language counts `n`."""
    return _translations(active()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for the marker)
    """Marks `message` for extraction only; it is translated where it is shown."""
    return message


def install(env: jinja2.Environment) -> None:
    """`{{ _("…") }}`, `{% trans %}`, `ngettext` and `N_` in `env`'s templates, in the active language
    at render time (newstyle: `_("%(n)s tilbud", n=3)` formats and escapes)."""
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's line breaks are not words
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True
    )
    env.globals["N_"] = N_  # marks a text in a table, translated where it is used
    env.globals["vifte_language"] = active  # the page's language: <html lang>
    env.globals["vifte_direction"] = lambda: direction(active())  # <html dir>: "rtl" for Arabic


class _Pseudo(stdlib_gettext.NullTranslations):
    """Each message wrapped in ⟦ ⟧; placeholders (`%(name)s`) stay as they are inside."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧" if message else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@cache
def _translations(language: str) -> stdlib_gettext.NullTranslations:
    if language == PSEUDO:
        return _Pseudo()
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DANISH or not path.is_file():
        return stdlib_gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # only where a language has a catalogue
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, abort_invalid=True)
    compiled = io.BytesIO()  # the .po as it is, no .mo file to keep in step; fuzzy ones left out
    write_mo(compiled, catalog)
    compiled.seek(0)
    return stdlib_gettext.GNUTranslations(compiled)
