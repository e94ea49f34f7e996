"""Search: Danish words the way citizens type them, indexed by Pagefind at build time.

Pagefind stems Danish ("praktikker" finds "praktik") and matches word beginnings, but it cannot
split compounds or fold æ/ø/å. So each page gets a few extra index words: the parts of its
compound words ("gældshjælp" also gives "gæld" and "hjælp"), found with a real Danish word list
(Debian's wdanish) besides the catalogue's own words, every word with æ/ø/å spelled the two ways
people type without a Danish keyboard ("gaeld", "gald"), and the offer's keywords.

Each language's pages have their own index (Pagefind keeps them apart by `<html lang>`), one
folder for the whole site. The Danish word list, the compound parts and the æøå spellings are for
Danish texts only: on another language's page, for the texts it shows in Danish (decision 54).
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from vifte.domain.catalogue import Catalogue
from vifte.domain.danish import keyboard_spellings
from vifte.domain.routes import SEARCH_FOLDER, TYPO_FOLDER
from vifte.domain.translation import SOURCE_LANGUAGE
from vifte.output.search_parts import PART_PAGES, PartsRun, html_files, more_than, pagefind
from vifte.output.search_texts import Texts, danish_texts, page_texts

WORD = re.compile(r"[a-zæøåéü]+")
LISTED = re.compile(r"\S+")
MIN_PART = 3
MIN_LISTED = 4  # parts taken from the word list are longer: it holds "sen", no part of "madsen"
LINKING = ("s", "e")  # Danish glue letters: gæld-s-hjælp, hold-e-plads
# Endings the word list also holds as words: "gældende" is no compound of "gæld" and "ende".
ENDINGS = frozenset("ende else elser ning ninger ring hed heder erne".split())
DANISH_WORDS = Path("/usr/share/dict/danish")  # Debian's wdanish (GPL-2+), installed by .ci/install
# Pagefind weights (body text is 1): a title match (Pagefind's own weight for h1, 7, so page
# headings stay plain <h1>) ranks above the same word in the summary, keywords and compound parts
# of the title, which rank above the body; the words of an item's target groups, themes and area
# (not on its page) weigh least (decision 26).
# The extra words stand between these two in the index; the browser cuts them out of excerpts.
HIDDEN = ("vifteordstart", "vifteordslut")
TYPO_MIN = 5  # words this long find their page with one letter wrong (the browser's retry)
# The typo words lie in small files in TYPO_FOLDER by a word's first letter (f-<code point>.json)
# and by its last (l-<code point>.json): one letter wrong never changes both ends of a word of
# TYPO_MIN letters, so the browser fetches the first file, and the second only when the first
# has no near word.
WEIGHTS = {"head": 6, "lead": 4, "terms": 0.2}

# Common heads and tails of compounds in this field, so splitting works for words the catalogue
# uses only inside compounds.
COMMON_WORDS = set(
    """
    arbejde arbejds bolig budget butik byg café center cykel dag dansk familie forløb gæld gruppe
    bo have hjælp hold hus job klub kost kursus kørekort lager liv læse mad misbrug motion netværk
    penge plan praktik rådgivning regne ro rygning samtale skole smerte sprog sted stop støtte
    søvn træning truck tilbud uddannelse uge unge vejledning veteran værksted virksomhed
    """.split()
)


@cache
def _word_list_text(path: Path) -> str:
    """The word list file, casefolded; kept as text (3 MB), as a set of its words is 29 MB."""
    try:
        return path.read_text(encoding="utf-8").casefold()
    except OSError:
        return ""


def word_list(path: Path = DANISH_WORDS) -> frozenset[str]:
    """The Danish word list's words of MIN_LISTED letters or more; empty when it is missing."""
    return frozenset(w for w in _word_list_text(path).split() if len(w) >= MIN_LISTED)


_SCANS: list[tuple[Path, frozenset[str], int, frozenset[str]]] = []
"""The last few scans of the word list: (list, trigrams, longest, the words found)."""
KEPT_SCANS = 4


def listed_parts(own: set[str], path: Path = DANISH_WORDS) -> set[str]:
    """The words of the list that could be part of a word in `own`: their first and last three
    letters occur in it. Splitting only ever asks for parts of its own words, so this answers
    every question the whole list would, in a fraction of the memory.

    The scan of the list (about 2 s) is kept: an answer for fewer trigrams and shorter words is
    taken from an earlier one, as each language of a build asks for the Danish texts it shows,
    which the Danish pages have asked for already (decision 54)."""
    trigrams = {w[i : i + 3] for w in own for i in range(len(w) - 2)}
    longest = max(map(len, own), default=0)

    def fits(w: str) -> bool:
        return MIN_LISTED <= len(w) <= longest and w[:3] in trigrams and w[-3:] in trigrams

    for listed, seen, seen_longest, found in _SCANS:
        if listed == path and longest <= seen_longest and trigrams <= seen:
            return {w for w in found if fits(w)}
    scanned = {w for m in LISTED.finditer(_word_list_text(path)) if fits(w := m.group())}
    _SCANS.append((path, frozenset(trigrams), longest, frozenset(scanned)))
    del _SCANS[:-KEPT_SCANS]
    return scanned


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def split_compound(word: str, vocabulary: set[str]) -> set[str]:
    """Known words a compound is made of, e.g. 'gældshjælp' -> {'gæld', 'hjælp'}."""
    parts: set[str] = set()
    for i in range(2, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        if tail not in vocabulary or tail in ENDINGS:
            continue
        heads = [head] + [head[:-1] for glue in LINKING if head.endswith(glue)]
        for candidate in heads:
            if candidate in vocabulary and candidate != word:
                parts.update((candidate, tail))
                parts.update(split_compound(tail, vocabulary))
    parts.discard(word)
    return parts


def expand(
    text: str,
    vocabulary: set[str],
    keywords: Iterable[str] = (),
    split: Callable[[str], set[str]] | None = None,
) -> str:
    """Extra index words for a text: compound parts, folded spellings and keywords.

    `split` is `split_compound` over `vocabulary`, kept per word when a caller expands many texts.
    """
    split = split or (lambda word: split_compound(word, vocabulary))
    extra: set[str] = set()
    for word in words(text):
        if len(word) >= 2 * MIN_PART:
            extra |= split(word)
    for keyword in keywords:
        extra.update(words(keyword))
    for word in list(extra) + words(text):
        extra |= _spellings(word)
    return " ".join(sorted(extra))


@cache
def _spellings(word: str) -> frozenset[str]:
    return frozenset(keyboard_spellings(word))


class SearchWords:
    """The search words of one catalogue: each page's texts (their Markdown rendered once), the
    vocabulary compounds are split with, and each page's extra index words, worked out when a
    page first asks (a rebuild under `vifte serve` renders only a few pages) and kept."""

    def __init__(self, catalogue: Catalogue):
        self.texts: Texts = page_texts(catalogue)
        danish = catalogue.language == SOURCE_LANGUAGE
        own = {
            w
            for t in self.texts.values()
            for w in words(" ".join([t.head, t.body, t.terms, *danish_texts(t.keywords, danish)]))
            if len(w) >= MIN_PART
        }
        vocabulary = COMMON_WORDS | own | listed_parts(own)
        self._vocabulary = vocabulary
        # The same words recur on many pages: each is split once.
        self._split = cache(lambda word: split_compound(word, vocabulary))
        self._extra: dict[str, tuple[str, str, str]] = {}

    def for_page(self, url: str) -> tuple[str, str, str]:
        """A page's extra index words as (head, body, terms), empty for a page not indexed."""
        if url not in self._extra:
            if url not in self.texts:
                return ("", "", "")
            head, body, keywords, terms, named, _ = self.texts[url]
            v, split = self._vocabulary, self._split
            self._extra[url] = tuple(  # type: ignore[assignment]
                f"{HIDDEN[0]} {text} {HIDDEN[1]}" if text else ""
                for text in (
                    expand(head, v, keywords, split),
                    expand(body, v, split=split),
                    expand(terms, v, [named or terms], split),
                )
            )
        return self._extra[url]

    def shown_in_danish(self, url: str) -> str:
        """Which of a page's title and summary its language shows in Danish ("title summary"),
        for its search result to mark them as the page does; "" for none."""
        return self.texts[url].danish if url in self.texts else ""

    def made(self) -> dict[str, tuple[str, str, str]]:
        """The extra words worked out so far (a forked renderer sends them back)."""
        return self._extra

    def keep(self, made: dict[str, tuple[str, str, str]]) -> None:
        """Take extra words another process worked out from the same catalogue."""
        self._extra.update(made)

    @property
    def extra(self) -> dict[str, tuple[str, str, str]]:
        """Every indexed page's extra words, by page URL."""
        return {url: self.for_page(url) for url in self.texts}

    def typos(self) -> list[str]:
        """The words of TYPO_MIN letters or more pages are found by, most used first: the browser
        replaces a query word the site never uses by the first of these one letter from it
        (wrong, missing, extra or two swapped), so "budjet" becomes "budget", not "buddet"."""
        found = Counter(
            w for texts in self.texts.values() for t in texts[:4] for w in words(str(t))
        )
        found.update(w for extra in self.extra.values() for t in extra for w in t.split())
        for marker in HIDDEN:
            del found[marker]
        return [
            w for w, _ in sorted(found.items(), key=lambda i: (-i[1], i[0])) if len(w) >= TYPO_MIN
        ]


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def index_site(site: Path, typos: Iterable[str] = (), part_pages: int = PART_PAGES) -> None:
    """Write the Pagefind index into `site/SEARCH_FOLDER` (the pagefind[bin] package's binary),
    in parts above `part_pages` pages (search_parts.py), and the words the browser corrects
    typos to (`SearchWords.typos`) beside it."""
    Indexing(site, part_pages).finish(typos)


class Indexing:
    """Pagefind indexing `site` in its own process, so the build can check links meanwhile."""

    def __init__(self, site: Path, part_pages: int = PART_PAGES):
        self.site = site
        self.output = tempfile.TemporaryFile()  # a pipe could fill up while nobody reads it
        index = site / SEARCH_FOLDER
        self.process: subprocess.Popen[bytes] | PartsRun
        if more_than(part_pages, html_files(site)):
            self.process = PartsRun(site, index, self.output, part_pages)
        else:
            self.process = subprocess.Popen(
                pagefind(site, index), stdout=self.output, stderr=subprocess.STDOUT
            )

    def stop(self) -> None:
        """End Pagefind early (the build failed elsewhere)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.output.close()

    def finish(self, typos: Iterable[str] = ()) -> None:
        """Wait for Pagefind, check that it wrote its files, and write the typo list beside them."""
        with self.output:
            returncode = self.process.wait()
            self.output.seek(0)
            said = self.output.read().decode("utf-8", "replace")
        if returncode != 0:
            raise SearchIndexError(f"søgeindekset kunne ikke bygges: {said}")
        site = self.site
        # Pagefind exits 0 even when it could not write its files (a full disk leaves them empty).
        empty = [
            p.name
            for p in (site / SEARCH_FOLDER).rglob("*")
            if p.is_file() and p.stat().st_size == 0
        ]
        if empty or not (site / SEARCH_FOLDER / "pagefind-entry.json").is_file():
            raise SearchIndexError(
                "søgeindekset blev ikke skrevet helt (er disken fuld?); "
                f"tomme filer: {', '.join(sorted(empty)[:5]) or 'pagefind-entry.json mangler'}"
            )
        for entry in (site / SEARCH_FOLDER).rglob("pagefind-entry.json"):
            _languages_in_order(entry)
        folder = site / TYPO_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in typo_files(typos).items():
            (folder / name).write_text(text, encoding="utf-8")


def _languages_in_order(entry: Path) -> None:
    """Pagefind lists a multilingual site's languages in an order that changes from run to run:
    sorted here, so that equal input gives equal output."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def typo_files(typos: Iterable[str]) -> dict[str, str]:
    """The typo words by first and by last letter, each file most used first (see TYPO_FOLDER)."""
    shards: dict[str, list[str]] = {}
    for word in typos:
        for end, letter in (("f", word[0]), ("l", word[-1])):
            shards.setdefault(f"{end}-{ord(letter)}.json", []).append(word)
    return {name: json.dumps(words, ensure_ascii=False) for name, words in shards.items()}
