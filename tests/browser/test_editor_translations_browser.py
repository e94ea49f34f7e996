"""In Chromium, the local editor's form shows each translation under its Danish field, marks a
translation made from an older Danish text (also after a save changes the Danish text), shows a
translator's hostile text as text, and asks nothing of another host."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import AXE_TAGS
from vifte.domain.translation import fingerprint
from vifte.editor.server import EditorServer
from vifte.source.project import Project
from vifte.source.validate import require_catalogue

HOSTILE = '<img src=x onerror="window.__owned=1">Praktik'


@pytest.fixture
def editor(project: Path) -> Iterator[str]:
    settings = project / "catalogue/settings.yaml"
    settings.write_text(
        "languages: [en, ar, uk]\n" + settings.read_text(encoding="utf-8"), encoding="utf-8"
    )
    # A picture with its alt text, which Decap's form requires of an offer's image.
    images = project / "catalogue/images"
    images.mkdir(exist_ok=True)
    Image.new("RGB", (40, 30), (30, 90, 160)).save(images / "praktik.png")
    offer = project / "catalogue/offers/virksomhedspraktik.yaml"
    offer.write_text(
        offer.read_text(encoding="utf-8") + "image: {file: praktik.png, alt: En arbejdsplads}\n",
        encoding="utf-8",
    )
    catalogue, _ = require_catalogue(project)
    today = fingerprint(catalogue.by_id("offers")["virksomhedspraktik"])
    offers = project / "catalogue/offers"
    (offers / "virksomhedspraktik.en.yaml").write_text(
        f"translated_from: {today}\ntitle: Work placement\n"
        "summary: Try a job at a real workplace for a few weeks.\n",
        encoding="utf-8",
    )
    (offers / "virksomhedspraktik.ar.yaml").write_text(
        f"translated_from: 0123456789ab\ntitle: '{HOSTILE}'\n", encoding="utf-8"
    )
    server = EditorServer(Project.at(project))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.url
    server.shutdown()
    server.server_close()


def open_entry(page, url: str, collection: str, slug: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/#/collections/**")
    page.goto(f"{url}#/collections/{collection}/entries/{slug}")
    page.locator(".vifte-translations").first.wait_for()


def group(page, label: str):
    return page.get_by_role("group", name=f"Oversættelser: {label}")


def test_each_translation_under_its_danish_field_and_an_older_one_marked(page, watched, editor):
    open_entry(page, editor, "offers", "virksomhedspraktik")
    title = group(page, "Titel")
    assert title.locator("dt").all_inner_texts() == ["Engelsk", "Arabisk", "Ukrainsk"]
    texts = title.locator("dd").all_inner_texts()
    assert texts[0] == "Work placement"
    # Arabic was made from another Danish text: said in words with a sign, not colour alone.
    assert texts[1] == HOSTILE
    assert texts[2] == "⚠ Oversat fra en ældre dansk tekst; ret oversættelsen"
    assert texts[3] == "Ikke oversat: vises på dansk"
    assert title.locator("dd[lang=ar]").get_attribute("dir") == "auto"
    assert title.locator("img").count() == 0 and page.evaluate("window.__owned") is None
    summary = group(page, "Kort beskrivelse")
    assert "Try a job at a real workplace" in summary.inner_text()
    assert "ældre dansk tekst" not in summary.locator("dd").first.inner_text()
    # The box stands inside the field's own container, under the Danish text.
    field = page.get_by_label("Titel", exact=True)
    assert field.locator("xpath=..").locator(".vifte-translations").count() == 1
    assert watched.foreign == [] and watched.errors == [] and watched.csp == []


def test_a_save_that_changes_the_danish_text_marks_the_translation(page, watched, editor, project):
    open_entry(page, editor, "offers", "virksomhedspraktik")
    english = group(page, "Titel").locator("dd").first
    assert english.inner_text() == "Work placement"
    assert group(page, "Titel").locator(".vifte-translations-stale").count() == 1  # Arabic only
    page.get_by_label("Titel", exact=True).fill("Virksomhedspraktik i 4 uger")
    page.get_by_role("button", name="Publicer").first.click()
    page.get_by_role("menuitem", name="Publicer nu").click()
    stale = group(page, "Titel").locator(".vifte-translations-stale")
    stale.nth(1).wait_for()
    assert stale.count() == 2  # English too, now that the Danish title changed
    saved = (project / "catalogue/offers/virksomhedspraktik.yaml").read_text(encoding="utf-8")
    assert "title: Virksomhedspraktik i 4 uger" in saved
    assert watched.foreign == [] and watched.errors == []


def test_a_goals_translation_stands_under_that_goal(page, watched, editor, project):
    (project / "strategy/plan-2027.md").write_text(
        "---\ntitle: Plan 2027\nkind: plan\nperiod: '2027'\nstatus: draft\n"
        "summary: Planen siger, hvad vi vil nå.\ngoals:\n"
        "  - {id: m1, title: Flere i job., origin: local, status: on_track}\n"
        "  - {id: m2, title: Flere unge i uddannelse., origin: local, status: on_track}\n"
        "---\nTeksten.\n",
        encoding="utf-8",
    )
    (project / "strategy/plan-2027.en.md").write_text(
        "---\ngoals: {m2: {title: More young people in education.}}\n---\nThe text.\n",
        encoding="utf-8",
    )
    open_entry(page, editor, "strategy", "plan-2027")
    goals = page.locator(".vifte-translations[data-vifte-path^='goals.']")
    assert goals.evaluate_all("boxes => boxes.map(b => b.dataset.viftePath)") == [
        "goals.0.title",
        "goals.1.title",
    ]
    second = goals.nth(1)
    assert "More young people in education." in second.inner_text()
    # It stands in the second goal's own title field, whose Danish text is the second goal's.
    title = second.locator("xpath=..").locator("input").first
    assert title.input_value() == "Flere unge i uddannelse."
    assert "Ikke oversat: vises på dansk" in goals.nth(0).inner_text()
    body = page.locator(".vifte-translations[data-vifte-path='body']")
    assert "The text." in body.inner_text()
    assert watched.foreign == [] and watched.errors == []


def test_the_translations_are_accessible_and_fit_a_phone(browser, editor, axe):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="da-DK", bypass_csp=True
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else route.abort()
        ),
    )
    page = context.new_page()
    try:
        open_entry(page, editor, "offers", "virksomhedspraktik")
        results = axe.run(
            page,
            context={"include": [[".vifte-translations"]]},
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}},
        )
        assert [v["id"] for v in results.response["violations"]] == []
        assert "color-contrast" in {p["id"] for p in results.response["passes"]}  # it looked
        boxes = page.locator(".vifte-translations")
        assert boxes.count() >= 2
        widths = boxes.evaluate_all("bs => bs.map(b => b.scrollWidth - b.clientWidth)")
        assert set(widths) == {0}  # no text runs out of its box
    finally:
        context.close()
