"""The site's feeds (RSS 2.0 and Atom) of the notices and of "Nyt og ændret", made with feedgen.

Every link is absolute, from settings' `municipality.url`, since a feed is read away from the
site. No date comes from the clock: an entry's time is its day at 00:00 UTC, and the feed's own
date (Atom `updated`, RSS `lastBuildDate`) is its newest entry's, so equal data give equal bytes.
A summary is plain text and reaches a feed reader as exactly that text (decision 36).

Each language has its own feeds, under its part of the site (`en/nyt/rss.xml`): the feed's
language is the catalogue's, its words and titles are in that language, and a title or summary
that has no translation is the Danish text followed by the note "(kun på dansk)" in the feed's
language, since a feed reader shows no `lang` mark.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from vifte.domain import changes, news, news_lists
from vifte.domain.catalogue import Catalogue
from vifte.domain.routes import Feed, feeds, language_folder, page_url
from vifte.domain.translation import Danish
from vifte.domain.words import gettext
from vifte.output.fallback import note
from vifte.output.templating import Link, absolute_link

EPOCH = dt.date(1970, 1, 1)
"""The date of a feed without entries (its bytes must not depend on the day it is built)."""
GENERATOR = "vifte"


@dataclass(frozen=True)
class Entry:
    """One item of a feed: its page, a unique id, title, summary and day."""

    url: str
    id: str
    title: str
    summary: str
    day: dt.date


def feed_files(c: Catalogue) -> list[tuple[str, bytes]]:
    """Every feed of the catalogue's language as (path in that language's site, XML bytes), in
    the order `feeds` lists them."""
    link = absolute_link(urljoin(c.settings.municipality.url, language_folder(c.language)))
    return [(f.path, render(c, f, link)) for f in feeds(c)]


def entries(c: Catalogue, feed: Feed, link: Link) -> tuple[str, list[Entry]]:
    """The page a feed belongs to, and its entries, newest first."""
    if feed.about == "news":
        return link(f"{news.SECTION}/"), [
            Entry(link(url), link(url), _said(n.title), _said(n.summary), n.date)
            for n in news_lists.newest_first(c)
            for url in [page_url(c.table, n)]
        ]
    return link(f"{changes.SECTION}/"), [
        Entry(
            link(page_url(c.table, ch.offer)),
            f"{link(page_url(c.table, ch.offer))}#{ch.anchor}",
            _said(
                gettext("%(change)s: %(title)s") % {"change": ch.label, "title": ch.offer.title},
                ch.offer.title,
            ),
            _said(ch.offer.summary),
            ch.day,
        )
        for ch in changes.all_changes(c)
    ]


def _said(text: str, source: str | None = None) -> str:
    """`text`, with the note when it (or the `source` text it shows) is Danish on another
    language's feed."""
    return f"{text} ({note()})" if isinstance(source or text, Danish) else text


def _time(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def render(c: Catalogue, feed: Feed, link: Link) -> bytes:
    """One feed as XML bytes."""
    page, items = entries(c, feed, link)
    newest = _time(items[0].day if items else EPOCH)
    fg = FeedGenerator()
    fg.id(link(feed.path))
    fg.title(feed.title)
    fg.link(href=link(feed.path), rel="self")
    fg.link(href=page, rel="alternate")  # last: feedgen makes it RSS's <link>
    fg.description(
        gettext("Nyheder om tilbuddene")
        if feed.about == "news"
        else gettext("Tilbud, der er nye eller ændret")
    )
    fg.language(c.language)
    fg.author({"name": c.settings.municipality.name})
    fg.generator(GENERATOR)
    fg.updated(newest)
    fg.lastBuildDate(newest)
    for item in items:
        fe = fg.add_entry(order="append")
        fe.id(item.id)
        fe.guid(item.id, permalink=item.id == item.url)
        fe.title(item.title)
        fe.link(href=item.url)
        if feed.format == "rss":
            # RSS readers render <description> as HTML: escaped, it shows as the text written.
            fe.description(html.escape(item.summary, quote=False))
        else:
            fe.summary(item.summary)  # Atom's default type is text: shown as written
        fe.published(_time(item.day))
        fe.updated(_time(item.day))
    out: bytes = fg.rss_str(pretty=True) if feed.format == "rss" else fg.atom_str(pretty=True)
    return out
