"""In the meeting: offers go on Min plan straight from their cards, and the list goes to the
citizen as a mail (titles and the list's address) without the site storing anything."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.source.validate import require_catalogue

from ..conftest import REPO
from .conftest import axe_findings
from .test_filter_feedback import _matching, ready

THEME = "arbejdsliv"


@pytest.fixture(scope="module")
def catalogue():
    return require_catalogue(REPO)[0]


def _card_button(page, title: str):
    return page.get_by_role("button", name=f"Læg på min plan: {title}", exact=True)


def test_three_offers_from_the_cards_are_on_min_plan(page, watched, site_url, catalogue, axe):
    page.goto(site_url + f"tilbud/?tema={THEME}")
    ready(page)
    chosen = _matching(catalogue, {"tema": [THEME]})
    titles = page.locator("[data-vifte-results] .vifte-card__title").all_text_contents()[:3]
    assert len(titles) == 3 and set(titles) <= {o.title for o in chosen}
    ids = {o.title: o.id for o in chosen}
    news = page.locator("[aria-live=polite]")
    for n, title in enumerate(titles):
        button = _card_button(page, title)
        card = page.locator(f'.vifte-card[data-id="{ids[title]}"]')
        height = card.bounding_box()["height"]
        if n == 0:  # by keyboard: a real button takes Enter
            button.focus()
            page.keyboard.press("Enter")
        else:
            button.click()
        assert news.text_content() == f"{title} er lagt på din plan."
        done = page.get_by_role("button", name=f"På din plan: {title}", exact=True)
        assert done.is_visible()
        assert done.evaluate("b => b === document.activeElement")  # focus stays where it was
        assert card.bounding_box()["height"] == height  # the card does not jump
    done.click()
    assert news.text_content() == f"{titles[-1]} er allerede på din plan."
    assert axe_findings(axe, page) == []

    # One more from a theme page, drawn by the build rather than by filter.js.
    page.goto(site_url + f"temaer/{THEME}/")
    fourth = next(o for o in chosen if o.title not in titles)
    assert page.get_by_role("button", name=f"På din plan: {titles[0]}", exact=True).is_visible()
    _card_button(page, fourth.title).click()

    page.goto(site_url + "plan/")
    shown = page.locator(".vifte-plan-activity h3").all_text_contents()
    assert shown == [*titles, fourth.title]
    assert (
        page.locator(".vifte-plan-activity a")
        .first.get_attribute("href")
        .endswith(page_url(TABLE, next(o for o in chosen if o.title == titles[0])))
    )
    assert watched.foreign == [] and watched.errors == []


def _mail(page) -> tuple[str, dict[str, str]]:
    href = page.locator("[data-vifte-mail]").get_attribute("href")
    scheme, rest = href.split(":", 1)
    assert scheme == "mailto" and rest.startswith("?")
    fields = {k: v[0] for k, v in parse_qs(urlsplit(href).query, keep_blank_values=True).items()}
    return href, fields


def test_the_mail_link_carries_the_titles_and_the_list_address(page, site_url, catalogue):
    page.goto(site_url + "tilbud/?tema=oekonomi")
    ready(page)
    chosen = _matching(catalogue, {"tema": ["oekonomi"]})
    href, mail = _mail(page)
    assert mail["subject"] == f"Tilbud fra {catalogue.settings.municipality.name}"
    body = mail["body"]
    listed = [line[2:] for line in body.splitlines() if line.startswith("- ")]
    cards = page.locator("[data-vifte-results] .vifte-card__title").all_text_contents()
    assert listed == cards and set(listed) == {o.title for o in chosen}
    assert page.url in body and page.url.endswith("?tema=oekonomi")
    assert "Dine valg: Tema: Penge og gæld." in body
    # A tick changes the list, and the mail with it.
    page.get_by_label("Direkte adgang").check()
    _, mail = _mail(page)
    assert page.url in mail["body"] and "adgang=direkte" in mail["body"]
    narrower = _matching(catalogue, {"tema": ["oekonomi"], "adgang": ["direkte"]})
    assert {line[2:] for line in mail["body"].splitlines() if line.startswith("- ")} == {
        o.title for o in narrower
    }
    assert unquote(href) != unquote(page.locator("[data-vifte-mail]").get_attribute("href"))


def test_a_long_list_is_cut_in_the_mail_but_its_address_holds_it_all(page, site_url, catalogue):
    page.goto(site_url + "tilbud/")
    ready(page)
    href, mail = _mail(page)
    assert len(href) <= 1800  # what mail programs take
    listed = [line[2:] for line in mail["body"].splitlines() if line.startswith("- ")]
    titles = {o.title for o in catalogue.offers}
    if listed[-1].startswith("… og "):
        shown = listed[:-1]
        assert listed[-1] == f"… og {len(titles) - len(shown)} tilbud mere"
    else:
        shown = listed
    assert set(shown) <= titles and len(shown) >= 10
    assert page.url in mail["body"]


def test_a_mentor_goes_on_min_plan_from_the_mentor_list(page, watched, site_url, catalogue, axe):
    """Three offers and a mentor without a visit to a detail page: the list's rows carry the
    same button as the cards, named with the mentor."""
    mentors = sorted((m for m in catalogue.mentors if m.status != "closed"), key=lambda m: m.name)
    mentor = mentors[0]
    page.goto(site_url + "mentorer/")
    button = _card_button(page, mentor.name)
    button.focus()
    page.keyboard.press("Enter")
    news = page.locator("[aria-live=polite]")
    assert news.text_content() == f"{mentor.name} er lagt på din plan."
    assert page.get_by_role("button", name=f"På din plan: {mentor.name}", exact=True).is_visible()
    assert axe_findings(axe, page) == []

    page.goto(site_url + "plan/")
    assert page.locator(".vifte-plan-activity h3").all_text_contents() == [mentor.name]
    assert (
        page.locator(".vifte-plan-activity a")
        .first.get_attribute("href")
        .endswith(page_url(TABLE, mentor))
    )
    assert watched.foreign == [] and watched.errors == []
