"""Decap CMS's configuration, generated from the project (owner: the `config` part; stub)."""

from __future__ import annotations

from typing import Any

from vifte.source.project import Project


def decap_config(project: Project, *, backend: str = "local", local_url: str = "") -> dict[str, Any]:
    """Decap's config.yml as a dict. `backend` is "local" (then `local_url` is the address of
    vifte's own /api/v1), "gitlab" or "github" (then settings.yaml's `editor:` names the repository).

    STUB: a hand-written config for offers only, until the generated one lands.
    """
    return {
        "backend": {"name": "proxy", "proxy_url": local_url, "branch": "main"},
        "local_backend": {"url": local_url},
        "locale": "da",
        "media_folder": "catalogue/images",
        "public_folder": "images",
        "collections": [
            {
                "name": "offers",
                "label": "Tilbud",
                "folder": "catalogue/offers",
                "extension": "yaml",
                "format": "yaml",
                "create": True,
                "identifier_field": "title",
                "fields": [
                    {"name": "title", "label": "Titel", "widget": "string"},
                    {"name": "summary", "label": "Kort beskrivelse", "widget": "string"},
                ],
            }
        ],
    }
