"""Markdown written by staff, turned into HTML that is safe to publish.

The same sanitised HTML feeds the site, the brochures and the search index.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

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


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def sanitise(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes; external links get rel=noopener."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
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


def render_markdown(text: str, *, shift_headings: int = 1) -> str:
    """Render staff Markdown to sanitised HTML; headings shift down so the page keeps one h1."""
    md = _converter()
    md.reset()
    html = md.convert(text)
    for level in range(6 - shift_headings, 0, -1):
        html = html.replace(f"<h{level}", f"<h{level + shift_headings}").replace(
            f"</h{level}>", f"</h{level + shift_headings}>"
        )
    return sanitise(html)


def plain_text(text: str) -> str:
    """The words of a Markdown text without any markup, for search indexes and metadata."""
    return nh3.clean(render_markdown(text), tags=set()).strip()


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
    clean = nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        filter_style_properties={"text-align"},
    )
    return unwrap_dead_links(ALIGN_STYLE.sub(r'class="vifte-align-\1"', clean))
