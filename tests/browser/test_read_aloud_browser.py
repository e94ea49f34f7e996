"""'Læs op' in Chromium on a `vifte init` project (decision 62).

Headless Chromium has no voices, so the speech API alone is replaced by a recorder (an init
script): the tests read the text, language and voice handed to it and drive the end of each
sentence themselves. The no-voice state is tested against the browser as it is. Every test also
checks that the page asked nothing of another host and broke no rule of the CSP.
"""

from __future__ import annotations

import json
import textwrap

import pytest

from vifte.mkdocs.build import build_site
from vifte.scaffold import init_project

from .conftest import axe_findings, serve

LOCAL_DA = {"name": "Lokal dansk", "lang": "da-DK", "localService": True, "default": True}
NETWORK_DA = {"name": "Netværk dansk", "lang": "da-DK", "localService": False, "default": False}
LOCAL_EN = {"name": "Local English", "lang": "en-GB", "localService": True, "default": False}

RECORDER = """
((voices) => {
  const log = [];
  let current = null;
  class Utterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } }
  const synth = {
    getVoices: () => voices.slice(),
    speak(u) { log.push({what: "speak", text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); current = u; },
    // As Chromium does: the sentence cut off still ends, a moment later.
    cancel() { log.push({what: "cancel"}); const u = current; current = null;
      if (u) setTimeout(() => { u.onerror && u.onerror({error: "interrupted"}); u.onend && u.onend({}); }, 0); },
    pause() { log.push({what: "pause"}); }, resume() { log.push({what: "resume"}); },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
  window.__speech = {log, finish() { const u = current; current = null; u && u.onend && u.onend({}); }};
})(%s);
"""

NEWS = """
---
title: Ny jobklub i byen
date: 2026-11-02
summary: Der er en ny jobklub. Du kan komme hver tirsdag.
---
Jobklubben åbner 1. december. Du kan få hjælp til at skrive en ansøgning!

- Kaffe og kage hver gang.
"""
POLICY = """
---
title: Politik for socialøkonomi
kind: policy
period: "2026-2029"
status: adopted
adopted: {date: 2026-01-10, by: Byrådet}
summary: Politikken siger, hvordan kommunen arbejder med socialøkonomi. Den gælder i fire år.
---
## Baggrund

Hele teksten læses ikke op, kun resuméet.
"""


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory):
    """A municipality as `vifte init` makes it, with a notice, a policy and English, served."""
    root = tmp_path_factory.mktemp("read-aloud") / "kommune"
    init_project(root, "Prøveby Kommune")
    with (root / "catalogue/settings.yaml").open("a", encoding="utf-8") as settings:
        settings.write("languages: [en]\n")
    for path, text in (("catalogue/news/ny-jobklub.md", NEWS), ("strategy/politik.md", POLICY)):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    site = build_site(root / "mkdocs.yml", root.parent / "site", pdf=False)
    server, url = serve(site)
    yield url
    server.shutdown()


def with_voices(page, *voices: dict) -> None:
    page.context.add_init_script(RECORDER % json.dumps(list(voices)))


def spoken(page) -> list[dict]:
    return page.evaluate("window.__speech.log.filter(e => e.what === 'speak')")


def highlighted(page) -> str:
    return page.evaluate(
        "(() => { const h = CSS.highlights.get('vifte-read-aloud');"
        " return h ? [...h].map(r => r.toString()).join('|') : ''; })()"
    )


def read_to_the_end(page) -> list[dict]:
    """Start reading and let every sentence end; what was handed to speech synthesis."""
    page.get_by_role("button", name="Læs op", exact=True).click()
    status = page.locator("[data-vifte-read-status]")
    for _ in range(60):
        if status.text_content() == "Oplæsningen er færdig":
            break
        page.evaluate("window.__speech.finish()")
    assert status.text_content() == "Oplæsningen er færdig"
    return spoken(page)


def focused(page) -> str:
    return page.evaluate("document.activeElement.textContent")


def clean(page, watched) -> None:
    assert watched.foreign == [] and watched.errors == [] and watched.csp == []
    assert page.evaluate("window.__csp || []") == []


def test_an_offer_is_read_sentence_by_sentence_in_danish_with_the_sentence_marked(
    page, new_site, watched
):
    with_voices(page, NETWORK_DA, LOCAL_DA, LOCAL_EN)
    page.goto(new_site + "tilbud/virksomhedspraktik/")
    start = page.get_by_role("button", name="Læs op", exact=True)
    start.focus()
    page.keyboard.press("Enter")  # keyboard operable: a real button
    first = spoken(page)[0]
    assert first == {
        "what": "speak",
        "text": "Virksomhedspraktik",
        "lang": "da",
        "voice": "Lokal dansk",
    }
    assert highlighted(page) == "Virksomhedspraktik"
    assert page.locator("[data-vifte-reading]").text_content() == "Virksomhedspraktik"
    assert page.locator("[data-vifte-read-status]").text_content() == "Læser op"
    assert focused(page) == "Pause"  # the same button, now pausing
    assert page.get_by_role("button", name="Stop").is_visible()
    page.evaluate("window.__speech.finish()")
    assert spoken(page)[-1]["text"] == "Prøv kræfter med et job på en arbejdsplads i nogle uger."
    assert highlighted(page) == spoken(page)[-1]["text"]
    page.evaluate("window.__speech.finish()")
    assert spoken(page)[-1]["text"] == "Om tilbuddet"
    page.evaluate("window.__speech.finish()")
    # One sentence at a time, across the description's paragraphs.
    assert spoken(page)[-1]["text"] == ("I en praktik arbejder du på en rigtig arbejdsplads.")
    page.evaluate("window.__speech.finish()")
    assert spoken(page)[-1]["text"] == "Du får ikke løn, men du beholder din ydelse."
    assert highlighted(page) == "Du får ikke løn, men du beholder din ydelse."
    clean(page, watched)


def test_the_whole_offer_reads_the_citizen_text_and_never_the_caseworkers(page, new_site, watched):
    with_voices(page, LOCAL_DA)
    page.goto(new_site + "tilbud/virksomhedspraktik/")
    said = read_to_the_end(page)
    texts = [s["text"] for s in said]
    assert texts[:3] == [
        "Virksomhedspraktik",
        "Prøv kræfter med et job på en arbejdsplads i nogle uger.",
        "Om tilbuddet",
    ]
    assert "Du kan lære nye ting og vise, hvad du kan." in texts
    assert "Sådan kommer du i gang" in texts
    everything = " ".join(texts)
    assert "LAB-loven" not in everything and "Til fagfolk" not in everything
    assert {s["voice"] for s in said} == {"Lokal dansk"} and {s["lang"] for s in said} == {"da"}
    assert highlighted(page) == "" and page.locator("[data-vifte-reading]").count() == 0
    assert page.get_by_role("button", name="Læs op", exact=True).is_visible()
    assert page.get_by_role("button", name="Stop").is_hidden()
    clean(page, watched)


def test_pause_continues_at_the_same_sentence_and_stop_ends_it(page, new_site, watched):
    with_voices(page, LOCAL_DA)
    page.goto(new_site + "tilbud/virksomhedspraktik/")
    page.get_by_role("button", name="Læs op", exact=True).click()
    page.evaluate("window.__speech.finish()")
    reading = spoken(page)[-1]["text"]
    page.get_by_role("button", name="Pause").click()
    status = page.locator("[data-vifte-read-status]")
    assert status.text_content() == "Oplæsningen holder pause"
    assert page.evaluate("window.__speech.log.at(-1).what") == "cancel"
    page.evaluate("new Promise(r => setTimeout(r, 50))")  # the cut-off sentence's own end event
    assert spoken(page)[-1]["text"] == reading and len(spoken(page)) == 2  # nothing moved on
    page.get_by_role("button", name="Fortsæt").click()
    assert status.text_content() == "Læser op"
    assert spoken(page)[-1]["text"] == reading and len(spoken(page)) == 3
    page.keyboard.press("Escape")  # focus is on the button: Escape stops
    assert status.text_content() == "Oplæsningen er stoppet"
    assert page.evaluate("window.__speech.log.at(-1).what") == "cancel"
    assert highlighted(page) == ""
    assert focused(page) == "Læs op"
    page.get_by_role("button", name="Læs op", exact=True).click()
    assert spoken(page)[-1]["text"] == "Virksomhedspraktik"  # a new start begins at the top
    page.get_by_role("button", name="Stop").click()
    assert status.text_content() == "Oplæsningen er stoppet"
    clean(page, watched)


FIRST_AND_LEFT_OUT = {
    # The front page: the writer's own text, not the headings of the catalogue's blocks.
    "": ("Tilbud til dig i Prøveby Kommune", "Hvad vil du gerne arbejde med?"),
    "mentorer/eksempel-mentor/": ("Kim Eksempel", "Kontakt"),
    "virksomheder/eksempel-cafe/": (None, "Kontakt"),
    "nyt/ny-jobklub/": ("Ny jobklub i byen", "Alle nyheder"),
    "strategi/politik/": ("Politik for socialøkonomi", "Hele teksten læses ikke op, kun resuméet."),
}


@pytest.mark.parametrize("path", FIRST_AND_LEFT_OUT)
def test_every_kind_of_citizen_page_reads_its_own_text(page, new_site, watched, path):
    with_voices(page, LOCAL_DA)
    page.goto(new_site + path)
    title = page.locator("h1").first.inner_text().strip()
    texts = [s["text"] for s in read_to_the_end(page)]
    first, left_out = FIRST_AND_LEFT_OUT[path]
    assert texts[0] == (first or title)
    assert len(texts) >= 3, texts
    assert left_out not in texts, texts
    assert not any("Læs op" in t for t in texts), texts
    clean(page, watched)


def test_the_news_reads_a_list_item_and_a_date_with_a_full_stop_as_one_sentence(
    page, new_site, watched
):
    with_voices(page, LOCAL_DA)
    page.goto(new_site + "nyt/ny-jobklub/")
    texts = [s["text"] for s in read_to_the_end(page)]
    assert "Jobklubben åbner 1. december." in texts
    assert "Kaffe og kage hver gang." in texts
    clean(page, watched)


def test_an_english_page_reads_english_words_in_english_and_danish_text_in_danish(
    page, new_site, watched
):
    with_voices(page, LOCAL_DA, LOCAL_EN)
    page.goto(new_site + "en/tilbud/virksomhedspraktik/")
    start = page.locator("[data-vifte-read-start]")
    assert start.text_content() == "Read aloud"
    start.click()
    assert page.locator("[data-vifte-read-status]").text_content() == "Reading aloud"
    for _ in range(60):
        if page.locator("[data-vifte-read-state]").get_attribute("data-vifte-read-state") == "idle":
            break
        page.evaluate("window.__speech.finish()")
    said = spoken(page)
    by_text = {s["text"]: (s["lang"], s["voice"]) for s in said}
    assert by_text["About the offer"] == ("en", "Local English")
    # The offer is not translated: its Danish text goes to the Danish voice.
    assert by_text["Virksomhedspraktik"] == ("da", "Lokal dansk")
    assert by_text["(only in Danish)"] == ("en", "Local English")
    assert by_text["Du kan lære nye ting og vise, hvad du kan."] == ("da", "Lokal dansk")
    clean(page, watched)


@pytest.mark.parametrize("voices", [(), (NETWORK_DA, LOCAL_EN)], ids=["none", "network-only"])
def test_without_a_voice_of_its_own_for_the_language_the_button_says_so(
    page, new_site, watched, voices
):
    if voices:  # a voice on the network would send the text away: not used
        with_voices(page, *voices)
    # Without a recorder: headless Chromium's own speech synthesis, which has no voices.
    page.goto(new_site + "tilbud/virksomhedspraktik/")
    start = page.locator("[data-vifte-read-start]")
    expected = "Kan ikke læse op: din enhed har ingen stemme på dette sprog"
    page.wait_for_function(
        "document.querySelector('[data-vifte-read-state]')?.dataset.vifteReadState === 'novoice'"
    )
    assert start.text_content() == expected
    assert start.get_attribute("aria-disabled") == "true"
    assert start.is_visible()
    start.focus()  # still focusable, so a screen reader finds it and hears why
    page.keyboard.press("Enter")
    assert page.locator("[data-vifte-read-status]").text_content() == expected
    if voices:
        assert spoken(page) == []
    clean(page, watched)


def test_the_controls_are_axe_clean_and_fit_a_phone_while_reading(page, new_site, watched, axe):
    with_voices(page, LOCAL_DA)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(new_site + "tilbud/virksomhedspraktik/")
    page.get_by_role("button", name="Læs op", exact=True).click()
    page.evaluate("window.__speech.finish()")
    assert axe_findings(axe, page, ("serious", "critical", "moderate")) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    clean(page, watched)
