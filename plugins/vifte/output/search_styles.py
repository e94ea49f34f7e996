"""The search page's stylesheets cut to the rules that can match it (decision 77).

The search page loads none of mkdocs-material's script (decision 70), so no class, id or element
appears on it that is not in its HTML or in the scripts it loads (search.js draws its results from
the page's <template> elements). A rule whose selectors each name something found nowhere in that
text can never apply there; the rest are kept, in their order, in one file. A visitor's first
search then fetches about 9 kB of the theme's stylesheet instead of 23 (gzip, 5,000 offers).
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import tinycss2  # type: ignore[import-untyped]
from tinycss2.ast import AtRule, Node, QualifiedRule  # type: ignore[import-untyped]

from vifte.output.outputs import ASSETS, STYLESHEETS

THEME_STYLES = "assets/stylesheets/"
"""mkdocs-material's stylesheets' folder in the site."""
VIFTE_STYLES = STYLESHEETS[0]
"""vifte.css, at the root and in each language's folder (the theme's files are the root's)."""
GROUPS = {"media", "supports", "container", "layer"}
"""At-rules holding rules; every other at-rule (keyframes, page, charset) is kept as it is."""

_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>\n?')
_SCRIPT = re.compile(r'<script[^>]* src="([^"]+)"')
_NAME = re.compile(r"[A-Za-z0-9_-]+")
_RELATIVE = re.compile(r"url\(\s*(?!['\"]?data:)|@import", re.IGNORECASE)


def cut_styles(site: Path, path: str, html: str) -> str:
    """The page at `path` (in `site`) linking one cut stylesheet in place of the theme's and
    vifte's; written beside vifte's assets under a name from its content. A page whose cut
    stylesheets are not next to each other, or refer to other files, is left as it is."""
    links = [(m, _site_path(path, m.group(1))) for m in _LINK.finditer(html)]
    cut = [i for i, (_, target) in enumerate(links) if target and _cut(target)]
    if not cut or cut != list(range(cut[0], cut[-1] + 1)):
        return html
    if "<style" in html[links[cut[0]][0].end() : links[cut[-1]][0].start()]:
        return html  # a style between them would move before their rules
    sources = [(site / str(links[i][1])).read_text(encoding="utf-8") for i in cut]
    if any(_RELATIVE.search(css) for css in sources):
        return html
    names = _names(site, path, html)
    css = "".join("".join(_kept(_parsed(s), names)) for s in sources)
    name = f"{ASSETS}/search-{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    (site / name).write_text(css, encoding="utf-8")
    link = f'<link rel="stylesheet" href="{posixpath.relpath(name, posixpath.dirname(path))}">\n'
    out, at = [], 0
    for i in cut:  # the first replaced, the others removed; whatever lies between stays
        match = links[i][0]
        out += [html[at : match.start()], link if i == cut[0] else ""]
        at = match.end()
    return "".join(out) + html[at:]


@functools.lru_cache(maxsize=4)
def _parsed(css: str) -> tuple[Node, ...]:
    """A stylesheet's rules, parsed once for the search pages of every language."""
    return tuple(tinycss2.parse_stylesheet(css))


def _cut(target: str) -> bool:
    """The theme's stylesheets and vifte.css are cut; the colours and a project's own stay."""
    return target.startswith(THEME_STYLES) or f"/{target}".endswith(f"/{VIFTE_STYLES}")


def _site_path(page: str, href: str) -> str | None:
    """A relative link's file in the site; None for an address elsewhere."""
    if ":" in href or href.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("?")[0]))


def _names(site: Path, path: str, html: str) -> set[str]:
    """Every word of the page and of the site's scripts it loads: the names it can ever carry."""
    text = [html]
    for src in _SCRIPT.findall(html):
        target = _site_path(path, src)
        if target and (site / target).is_file():
            text.append((site / target).read_text(encoding="utf-8"))
    return {name.lower() for name in _NAME.findall("\n".join(text))}


def _kept(rules: Iterable[Node], names: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if isinstance(rule, QualifiedRule) and _applies(rule.prelude, names):
            out.append(rule.serialize())
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPS and rule.content:
            inner = _kept(tinycss2.parse_rule_list(rule.content), names)
            if inner:
                prelude = tinycss2.serialize(rule.prelude)
                out.append(f"@{rule.at_keyword}{prelude}{{{''.join(inner)}}}")
        elif isinstance(rule, AtRule):
            out.append(rule.serialize())
    return out


def _applies(prelude: list[Node], names: set[str]) -> bool:
    """Whether one selector of the list can match: each name it requires is on the page."""
    selector: list[str] = []
    for needed in _required(prelude):
        if needed == ",":
            if all(n in names for n in selector):
                return True
            selector = []
        else:
            selector.append(needed)
    return all(n in names for n in selector)


def _required(prelude: list[Node]) -> Iterator[str]:
    """The names a selector list requires, "," between selectors. Not required: pseudo-classes
    and what they take (:not(.a) matches without .a), and attribute values (a script may set
    them from the search index's data)."""
    skip = False
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            yield ","
        elif token.type == "literal" and token.value == ":":
            skip = True
        elif skip:  # the pseudo-class's name or function, right after its ":"
            skip = False
        elif token.type == "ident":
            yield token.lower_value
        elif token.type == "hash":
            yield token.value.lower()
        elif token.type == "[] block":
            name = next((t for t in token.content if t.type == "ident"), None)
            if name is not None:
                yield name.lower_value
