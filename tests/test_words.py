"""The message catalogue: words in the active language, the pseudo-language, one template
environment for every language, the language reaching the PDF workers, and the catalogue's
template (vifte.pot) in step with the sources."""

from __future__ import annotations

import textwrap
from pathlib import Path

import jinja2
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from vifte.domain import words
from vifte.output.workers import render_all

from .conftest import REPO

POT = REPO / "plugins/vifte/locale/vifte.pot"


def test_danish_is_the_message_itself_and_the_pseudo_language_wraps_it():
    assert words.active() == "da"
    assert words.gettext("Søg") == words._("Søg") == "Søg"
    assert words.ngettext("%(num)s tilbud", "%(num)s tilbud", 2) == "%(num)s tilbud"
    with words.speaking(words.PSEUDO):
        assert words.active() == "qps"
        assert words.gettext("Søg") == "⟦Søg⟧"
        assert words.ngettext("%(num)s side", "%(num)s sider", 1) == "⟦%(num)s side⟧"
        assert words.gettext("Ring på %(phone)s") % {"phone": "12"} == "⟦Ring på 12⟧"
        assert words.N_("Søg") == "Søg"
    assert words.active() == "da"


def test_one_environment_serves_every_language_from_the_same_compiled_template():
    env = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader({"t": _TEMPLATE}))
    words.install(env)
    template = env.get_template("t")
    danish = template.render(name="<Ny>", n=2)
    with words.speaking(words.PSEUDO):
        pseudo = env.get_template("t").render(name="<Ny>", n=2)
    assert env.get_template("t") is template
    assert danish == "Om &lt;Ny&gt; · 2 sider · Hej verden"
    assert pseudo == "⟦Om &lt;Ny&gt;⟧ · ⟦2 sider⟧ · ⟦Hej verden⟧"


_TEMPLATE = (
    '{{ _("Om %(name)s", name=name) }} · {{ ngettext("%(num)s side", "%(num)s sider", n) }}'
    " · {% trans %}Hej\n  verden{% endtrans %}"
)


def test_a_language_reads_its_po_file_and_falls_back_to_danish(tmp_path, monkeypatch):
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "vifte.po").write_text(_PO, encoding="utf-8")
    monkeypatch.setattr(words, "locale_dir", lambda: tmp_path)
    words._translations.cache_clear()
    try:
        with words.speaking("en"):
            assert words.gettext("Søg") == "Search"
            assert words.gettext("Forside") == "Forside"  # fuzzy: not yet translated
            assert words.gettext("Kontakt") == "Kontakt"  # not in the file
            assert words.ngettext("%(num)s side", "%(num)s sider", 1) == "%(num)s page"
            assert words.ngettext("%(num)s side", "%(num)s sider", 3) == "%(num)s pages"
        with words.speaking("xx"):
            assert words.gettext("Søg") == "Søg"
    finally:
        words._translations.cache_clear()


_PO = textwrap.dedent(
    """\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=utf-8\\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

    msgid "Søg"
    msgstr "Search"

    #, fuzzy
    msgid "Forside"
    msgstr "Front page"

    msgid "%(num)s side"
    msgid_plural "%(num)s sider"
    msgstr[0] "%(num)s page"
    msgstr[1] "%(num)s pages"
    """
)


def _spoken(_: int) -> str:
    return words.active()


def test_the_pdf_workers_speak_the_language_of_the_build():
    with words.speaking(words.PSEUDO):
        assert list(render_all(_spoken, [1, 2, 3], workers=2)) == ["qps"] * 3


def test_the_catalogue_template_is_in_step_with_the_sources(tmp_path, monkeypatch):
    fresh = tmp_path / "vifte.pot"
    monkeypatch.chdir(REPO)  # pybabel reads its configuration from pyproject.toml here
    CommandLineInterface().run(["pybabel", "-q", "extract", "-o", str(fresh)])
    assert _messages(fresh) == _messages(POT), (
        "plugins/vifte/locale/vifte.pot er ikke i takt med kilderne: kør 'pybabel extract' i "
        f"repositoriets rod. Nye: {sorted(_messages(fresh).keys() - _messages(POT).keys())}; "
        f"væk: {sorted(_messages(POT).keys() - _messages(fresh).keys())}"
    )
    assert {"Om tilbuddet", "Gå til indholdet", "Læg på min plan: %(title)s"} <= _messages(
        POT
    ).keys()


def _messages(pot: Path) -> dict[object, tuple[object, ...]]:
    with pot.open("rb") as f:
        catalog = read_po(f)
    return {
        m.id: (sorted(m.locations), m.auto_comments, sorted(m.flags - {"fuzzy"}))
        for m in catalog
        if m.id
    }
