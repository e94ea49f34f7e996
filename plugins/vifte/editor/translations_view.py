"""An item's translations beside its Danish texts (owner: the `hosted` part; stub)."""

from __future__ import annotations

from typing import Any

from vifte.source.project import Project


def translations_of(project: Project, collection: str, slug: str) -> dict[str, Any]:
    """For each translatable field of the item: its Danish text and each language's translation,
    marked when made from an older Danish text. STUB: empty."""
    return {"languages": [], "fields": {}}
