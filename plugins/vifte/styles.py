"""CSS that comes from settings: the colours of areas and access levels as custom properties."""

from __future__ import annotations

from importlib.resources import files

from vifte.model import Settings


def colours_css(settings: Settings) -> str:
    """One rule per area and access level; the stylesheet uses only these variables."""
    rules = ["/* Made by vifte from catalogue/settings.yaml: change the colours there. */"]
    for area in settings.areas:
        rules.append(
            f'[data-area="{area.id}"] {{ --vifte-area: {area.colour}; --vifte-area-text: {area.text_colour}; }}'
        )
    for access in settings.access:
        rules.append(
            f'[data-access="{access.id}"] {{ --vifte-access: {access.colour}; --vifte-access-text: {access.text_colour}; }}'
        )
    return "\n".join(rules) + "\n"


def base_css() -> str:
    """The package's own stylesheet for catalogue pages."""
    return files("vifte").joinpath("assets/vifte.css").read_text(encoding="utf-8")
