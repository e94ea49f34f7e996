"""Markdown written by staff, turned into HTML that is safe to publish.

The same sanitised HTML feeds the site, the brochures and the search index. The catalogue's
texts are CommonMark (plus tables), parsed by markdown-it-py, whose work grows linearly with the
text: Python-Markdown took 34 s for 19,000 "[" and 17 s for 10,000 "![" (docs/decisions.md).
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "abbr",
    "a",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"align", "scope"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


MAX_NESTING = 20
"""markdown-it's own limit for CommonMark. Blocks nested deeper are left out of the output, and
the work per character grows with the limit (19,000 "[" take 0.15 s at 20, 1 s at 100)."""


@lru_cache(maxsize=1)
def _converter() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    # Every link becomes <a href>; which URLs may stay is nh3's decision alone (URL_SCHEMES).
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


# Each list or quote level takes at least one column at the start of a line, so a text without
# a line starting with 8 columns of markers and indentation cannot come near the limit.
_DEEP_START = re.compile(r"^[ >*+\-.)0-9]{8}", re.MULTILINE)


def nests_too_deep(text: str) -> bool:
    """True when lists and quotes nest so deep that part of the text would be left out."""
    if not _DEEP_START.search(text.expandtabs(4)):
        return False
    return any(token.level >= MAX_NESTING - 1 for token in _converter().parse(text))


def sanitise(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes; external links get rel=noopener."""
    return _clean(html, ALLOWED_TAGS, ALLOWED_ATTRIBUTES)


def _clean(html: str, tags: set[str], attributes: dict[str, set[str]], **extra: Any) -> str:
    """nh3 with the URL schemes and link rules every text shares; dead links become text."""
    clean = nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        **extra,
    )
    return unwrap_dead_links(clean)


LINK_TAG = re.compile(r"<a\b[^>]*>|</a>")
ATTRIBUTE = re.compile(r'\s([\w:-]+)(?:="[^"]*")?')


def unwrap_dead_links(html: str) -> str:
    """Replace each <a> without href (its target was refused) by its content.

    An <a id> stays as an anchor to link to, without the rel that only a link may carry.
    Works on nh3's output, where attribute values are double-quoted and hold no raw '>'. Links
    can nest there (a table inside a link), so opening and closing tags are paired by a stack.
    """
    tags = list(LINK_TAG.finditer(html))
    replace: dict[int, str] = {}
    stack: list[int] = []
    for index, tag in enumerate(tags):
        if tag.group() != "</a>":
            stack.append(index)
            continue
        if not stack:
            continue
        opening = stack.pop()
        attributes = {m.group(1): m.group() for m in ATTRIBUTE.finditer(tags[opening].group())}
        if "href" in attributes:
            continue
        if "id" in attributes:
            kept = (text for name, text in attributes.items() if name != "rel")
            replace[opening] = "<a" + "".join(kept) + ">"
        else:
            replace[opening] = replace[index] = ""
    out, last = [], 0
    for index in sorted(replace):
        out.append(html[last : tags[index].start()] + replace[index])
        last = tags[index].end()
    out.append(html[last:])
    return "".join(out)


@lru_cache(maxsize=65536)
def render_markdown(text: str, *, shift_headings: int = 1) -> str:
    """Render staff Markdown to sanitised HTML; headings shift down so the page keeps one h1.

    Kept per text: the page, the plain text (search, HSDS, spreadsheet) and the export's HTML
    each ask for every description.
    """
    html = _converter().render(text)
    for level in range(6 - shift_headings, 0, -1):
        html = html.replace(f"<h{level}", f"<h{level + shift_headings}").replace(
            f"</h{level}>", f"</h{level + shift_headings}>"
        )
    return sanitise(html)


def render_body(text: str) -> str:
    """Render a page's own main text (a notice's body): `##` stays h2, right under the page's h1;
    a `#` heading becomes h2 as well, so the page keeps one h1."""
    return sanitise(_converter().render(text).replace("<h1", "<h2").replace("</h1>", "</h2>"))


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """The words of a Markdown text without any markup, as text (not HTML: "&" is "&"), for
    search indexes, metadata and the exports; whoever puts it into HTML or XML escapes it.

    Kept per text: the search words, the HSDS export and the spreadsheet each ask for every
    description, and a rebuild under `vifte serve` converts only the texts that changed.
    """
    return htmllib.unescape(nh3.clean(render_markdown(text), tags=set())).strip()


_BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|dt|dd|th|td|caption|pre|blockquote)>|<br\s*/?>)")


def plain_blocks(text: str) -> list[str]:
    """A Markdown text as plain text, one line per block (paragraph, heading, list item, cell).

    A line break inside a paragraph is a space, so only the end of a block ends a line.
    """
    html = _BLOCK_END.sub(r"\1\n", render_markdown(text).replace("\n", " "))
    words = htmllib.unescape(nh3.clean(html, tags=set()))
    return [" ".join(line.split()) for line in words.split("\n") if line.strip()]


PAGE_TAGS = ALLOWED_TAGS | {
    "h1",
    "div",
    "span",
    "section",
    "article",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "img",
    "details",
    "summary",
    "time",
}
PAGE_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    "*": {
        "class",
        "id",
        "title",
        "lang",
        "role",
        "aria-label",
        "aria-labelledby",
        "aria-hidden",
        "data-area",
        "data-access",
    },
    "a": {"href", "title", "class", "id"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"align", "scope", "style"},
    "td": {"align", "style"},
    "time": {"datetime"},
    "details": {"open"},
}


ALIGN_STYLE = re.compile(r'style="text-align:\s*(left|right|center);?"')


def sanitise_page(html: str) -> str:
    """Sanitise a whole hand-written page: the text allow-list plus the structure a theme needs.

    Table alignment becomes a class, because the Content-Security-Policy forbids style attributes.
    """
    clean = _clean(html, PAGE_TAGS, PAGE_ATTRIBUTES, filter_style_properties={"text-align"})
    return ALIGN_STYLE.sub(r'class="vifte-align-\1"', clean)


HREF = re.compile(r'\shref="([^"]*)"')
TAG = re.compile(r"<[^>]*>")


def rewrite_links(html: str, href: Callable[[str], str], *, show_address: bool = False) -> str:
    """Each link's href replaced by `href(old)`; with `show_address`, the address written in
    brackets after a link whose words do not already say it (paper cannot be clicked).

    Works on sanitised HTML (double-quoted attributes, no raw '>' in them), as unwrap_dead_links.
    """
    tags = list(LINK_TAG.finditer(html))
    out: list[str] = []
    last = 0
    stack: list[tuple[str | None, int]] = []
    for tag in tags:
        out.append(html[last : tag.start()])
        last = tag.end()
        if tag.group() != "</a>":
            found = HREF.search(tag.group())
            if found is None:
                stack.append((None, len(out)))
                out.append(tag.group())
                continue
            new = href(htmllib.unescape(found.group(1)))
            stack.append((new, len(out)))
            start, end = found.span(1)
            out.append(tag.group()[:start] + htmllib.escape(new) + tag.group()[end:])
            continue
        out.append(tag.group())
        if not stack:
            continue
        address, opened = stack.pop()
        if show_address and address:
            words = htmllib.unescape(TAG.sub("", "".join(out[opened + 1 : -1])))
            shown = written_address(address)
            if _bare(shown) not in _bare(words):
                out.append(f' (<span class="p-address">{htmllib.escape(shown)}</span>)')
    out.append(html[last:])
    return "".join(out)


def written_address(href: str) -> str:
    """An address as a reader copies it from paper: the e-mail address or number of a mailto:
    or tel: link, a web address as it is."""
    for scheme in ("mailto:", "tel:"):
        if href.lower().startswith(scheme):
            return href[len(scheme) :]
    return href


def _bare(address: str) -> str:
    """An address without what a reader adds or leaves out anyway (scheme, www., last slash)."""
    bare = re.sub(r"^[a-z]+://(www\.)?", "", address.strip().lower())
    return bare.rstrip("/").replace(" ", "")
