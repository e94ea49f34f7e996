"""Markup of mkdocs-material's base template that the Nu Html Checker rejects, made valid.

The theme's base.html (outside every block, so no override reaches it) writes its two toggles as
`<input type="checkbox" … autocomplete="off">`; HTML allows `autocomplete` only on text-like inputs,
so every page had two validity errors. The attribute is moved off those two inputs, found by their
exact text: if a new release of the theme writes them differently, the validity test says so.
"""

from __future__ import annotations

TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"'
    for name in ("drawer", "search")
)


TOGGLE_FORM = "vifte-toggles"
"""An empty form with autocomplete off (main.html): the toggles belong to it, so a browser going
back to a page does not restore an open menu or search, which is what the attribute was for."""


def valid_toggles(html: str) -> str:
    """The page with the theme's checkbox toggles in a form of their own, not `autocomplete`."""
    for toggle in TOGGLES:
        html = html.replace(f'{toggle} autocomplete="off">', f'{toggle} form="{TOGGLE_FORM}">')
    return html
