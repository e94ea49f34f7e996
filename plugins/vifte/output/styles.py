"""Stylesheets and scripts: the package's own, and the colours from settings as custom properties."""

from __future__ import annotations

from importlib.resources import files

from vifte.domain.colour import text_on
from vifte.domain.settings import Settings


def colours_css(settings: Settings) -> str:
    """One rule per area and access level; the stylesheet uses only these variables."""
    brand = settings.municipality
    rules = [
        "/* Made by vifte from catalogue/settings.yaml: change the colours there. */",
        f":root {{ --vifte-brand: {brand.colour}; --vifte-brand-text: {brand.text_colour}; "
        f"--md-primary-fg-color: {brand.colour}; --md-primary-fg-color--dark: {brand.colour}; "
        f"--md-primary-bg-color: {brand.text_colour}; --md-typeset-a-color: {brand.colour}; "
        f"--md-accent-fg-color: {brand.colour}; }}",
    ]
    for area in settings.areas:
        rules.append(
            f'[data-area="{area.id}"] {{ --vifte-area: {area.colour}; --vifte-area-text: {area.text_colour}; }}'
        )
    for access in settings.access:
        rules.append(
            f'[data-access="{access.id}"] {{ --vifte-access: {access.colour}; --vifte-access-text: {access.text_colour}; }}'
        )
    for status, colour in settings.goal_colours:
        rules.append(
            f'[data-goal="{status}"] {{ --vifte-goal: {colour}; --vifte-goal-text: {text_on(colour)}; }}'
        )
    return "\n".join(rules) + "\n"


def asset(name: str) -> str:
    """One of the package's own static files (stylesheet, scripts) as text."""
    return files("vifte").joinpath("assets", name).read_text(encoding="utf-8")
