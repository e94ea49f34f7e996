"""Search words: compound parts, æøå spellings and keywords reach the Pagefind index."""

from __future__ import annotations

import json
import shlex
import shutil

from vifte.domain.danish import keyboard_spellings
from vifte.domain.registry import TABLE
from vifte.domain.routes import page_url
from vifte.mkdocs.build import build_site
from vifte.output.search import expand, split_compound

VOCABULARY = {"gæld", "hjælp", "truck", "kursus", "rådgivning", "job", "søgning", "praktik", "hold"}

GAELD = """
title: Gældshjælp
area: social
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Få styr på din økonomi.
description: Vi hjælper med rykkere og budget.
provider: {name: Borgerservice}
contact: {phone: "70 00 00 09"}
keywords: [inkasso, skyld]
"""

TRUCK = """
title: Truckkursus
area: beskaeftigelse
access: venteliste
themes: [arbejdsliv]
target_groups: [jobparat]
summary: Tag certifikat til gaffeltruck.
description: Et kort kursus med prøve.
provider: {name: AMU}
contact: {phone: "70 00 00 10"}
"""


def test_compounds_split_into_known_words():
    assert split_compound("gældshjælp", VOCABULARY) == {"gæld", "hjælp"}
    assert split_compound("truckkursus", VOCABULARY) == {"truck", "kursus"}
    assert split_compound("jobsøgning", VOCABULARY) == {"job", "søgning"}
    assert split_compound("praktikker", VOCABULARY) == set()  # an inflection, left to the stemmer
    assert split_compound("hjælp", VOCABULARY) == set()


def test_danish_letters_get_both_keyboard_spellings():
    assert keyboard_spellings("gæld") == {"gaeld", "gald"}
    assert keyboard_spellings("rådgivning") == {"raadgivning", "radgivning"}
    assert keyboard_spellings("kursus") == set()


def test_expansion_adds_parts_spellings_and_keywords():
    extra = expand("Få gældshjælp her", VOCABULARY, ["Inkasso"]).split()
    assert {"gæld", "hjælp", "gaeld", "gald", "hjaelp", "hjalp", "inkasso", "gaeldshjaelp"} <= set(
        extra
    )
    assert extra == sorted(set(extra))


def search_words(html: str) -> tuple[list[str], list[str]]:  # head, body
    """The extra index words of a page: the head's (weighted like a title) and the body's."""
    head = html.split('class="vifte-search-words" hidden', 1)[1].split(">", 1)[1].split("<", 1)[0]
    body = html.split('data-ord="', 1)[1].split('"', 1)[0]
    return head.split(), body.split()


def test_built_site_carries_search_words_and_a_pagefind_index(project, write, tmp_path):
    write("catalogue/offers/gaeldshjaelp.yaml", GAELD)
    write("catalogue/offers/truckkursus.yaml", TRUCK)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / "tilbud/gaeldshjaelp/index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in html
    head, body = search_words(html)
    assert {"hjælp", "gæld", "gaeld", "gald", "inkasso", "skyld"} <= set(head)
    assert "rykkere" not in head and "hjaelper" in body  # the body's words weigh like the body
    truck = (site / "tilbud/truckkursus/index.html").read_text(encoding="utf-8")
    assert "kursus" in search_words(truck)[0]
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert "da" in entry["languages"]
    # three offers, one mentor, one enterprise and the pages of areas, themes and target groups;
    # overview and hand-written pages stay out
    terms = [p for s in ("omraader", "temaer", "maalgrupper") for p in (site / s).glob("*/")]
    assert len(terms) >= 5
    assert entry["languages"]["da"]["page_count"] == 5 + len(terms)


def test_a_search_index_left_incomplete_by_a_full_disk_stops_the_build(project, tmp_path):
    """Pagefind exits 0 when it cannot write (empty files on a full disk); vifte must not."""
    from .test_site_dir import in_mount_namespace

    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    shutil.rmtree(site / "pagefind")
    vol, out = tmp_path / "vol", tmp_path / "out"
    vol.mkdir()
    out.mkdir()
    check = (
        "from pathlib import Path; import sys\n"
        "from vifte.output.search import SearchIndexError, index_site\n"
        "try:\n    index_site(Path(sys.argv[1]))\nexcept SearchIndexError as exc:\n"
        "    print(exc)\nelse:\n    print('no error')\n"
    )
    script = f"""
        mount -t tmpfs -o size=4m tmpfs "$VOL"
        cp -a "$SITE" "$VOL/site"
        dd if=/dev/zero of="$VOL/fyld" bs=4k 2>/dev/null || true
        "$PY" -c {shlex.quote(check)} "$VOL/site" >"$OUT/result" 2>&1 || true
    """
    in_mount_namespace(script, SITE=site, VOL=vol, OUT=out)
    result = (out / "result").read_text(encoding="utf-8")
    assert result.startswith("søgeindekset"), result
    assert "Traceback" not in result


def index_text(site) -> str:
    """The text of every page in the Pagefind index (fragments are gzip'd JSON after a tag)."""
    import gzip

    texts = []
    for fragment in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(raw)
        texts.append(page["content"] + " " + json.dumps(page.get("meta", {}), ensure_ascii=False))
    return "\n".join(texts)


def test_caseworker_text_stays_out_of_the_search_index(project, write, tmp_path):
    """The index is for citizens: the "Til fagfolk" section (criteria, law, price) is left out."""
    write(
        "catalogue/offers/gaeldshjaelp.yaml",
        GAELD
        + "professional: Visitationsudvalget vurderer gældende sager.\n"
        + 'legal_basis: ["Serviceloven § 85"]\n',
    )
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (site / "tilbud/gaeldshjaelp/index.html").read_text(encoding="utf-8")
    assert "Visitationsudvalget" in html  # still on the page for the caseworker
    text = index_text(site)
    assert "rykkere og budget" in text  # the citizen's text is indexed
    assert "Visitationsudvalget" not in text and "Serviceloven" not in text


NATUR = """
title: Naturvandring
area: social
access: direkte
themes: [trivsel]
target_groups: [jobparat]
summary: Gå en tur i skoven sammen med andre.
description: Vi mødes ved p-pladsen og går en time.
provider: {name: Naturskolen}
contact: {phone: "70 00 00 11"}
"""


def test_compounds_split_with_the_danish_word_list():
    """Debian's word list knows words this catalogue never uses on their own."""
    from vifte.output.search import COMMON_WORDS, word_list

    vocabulary = COMMON_WORDS | word_list()
    assert len(word_list()) > 100_000
    assert split_compound("naturvandring", vocabulary) == {"natur", "vandring"}
    assert split_compound("bostøtte", vocabulary) == {"bo", "støtte"}
    assert split_compound("sygedagpenge", vocabulary) >= {"syge", "dagpenge", "penge"}
    # an inflection is no compound, and names are not split into short list words
    assert split_compound("gældende", vocabulary | {"gæld"}) == set()
    assert split_compound("madsen", vocabulary | {"mad"}) == set()


def test_another_municipality_gets_parts_its_catalogue_never_says(project, write, tmp_path):
    write("catalogue/offers/naturvandring.yaml", NATUR)
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    head, _ = search_words((site / "tilbud/naturvandring/index.html").read_text(encoding="utf-8"))
    assert {"natur", "vandring"} <= set(head)


def test_a_draft_strategy_document_gives_no_search_words(example_site):
    """The example's draft veteranstrategi is on the site but neither in the index nor among the
    words the browser corrects typos to: "kommentarer" is said only in the draft."""
    from vifte.output.search import SearchWords
    from vifte.source.validate import require_catalogue

    from .conftest import REPO

    catalogue, _ = require_catalogue(REPO)
    draft = next(d for d in catalogue.items["strategy"] if d.draft)
    assert "kommentarer" in draft.body
    assert page_url(TABLE, draft) not in SearchWords(catalogue).texts
    folder = example_site / "pagefind/vifte-ord"
    assert not any('"kommentarer"' in p.read_text(encoding="utf-8") for p in folder.iterdir())
    page = (example_site / page_url(TABLE, draft) / "index.html").read_text(encoding="utf-8")
    assert "Udkast" in page and "data-pagefind-body" not in page
