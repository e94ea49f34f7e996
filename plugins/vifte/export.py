"""The open-data export: the whole catalogue as one JSON document.

Each offer, mentor and enterprise appears as its YAML describes it, plus `id` and `url` (its page,
relative to the site root). An enterprise's own website, `url` in its YAML, is exported as
`website` so that `url` means the same thing everywhere; an image (`image`, `photo`) gets the
`url` of its copy in the site beside its `file` name in catalogue/images.
"""

from __future__ import annotations

import json
from typing import Any

from vifte.images import site_url
from vifte.model import Catalogue, Image

FORMAT_VERSION = 1
EXPORT_PATH = "data/catalogue.json"
"""Where the export lives in the built site."""


def catalogue_data(catalogue: Catalogue) -> dict[str, Any]:
    """The export as plain data, in a stable order."""
    settings = catalogue.settings.model_dump(mode="json", exclude_none=True)

    def item(obj: Any) -> dict[str, Any]:
        data = obj.model_dump(mode="json", exclude_none=True)
        if "url" in data:
            data["website"] = data.pop("url")
        for name in ("image", "photo"):
            image = getattr(obj, name, None)
            if isinstance(image, Image):
                data[name] = {"url": site_url(image), **data[name]}
        return {"id": obj.id, "url": obj.page_url, **data}

    return {
        "format": "vifte-catalogue",
        "version": FORMAT_VERSION,
        **settings,
        "offers": [item(o) for o in catalogue.offers],
        "mentors": [item(m) for m in catalogue.mentors],
        "enterprises": [item(e) for e in catalogue.enterprises],
    }


def catalogue_json(catalogue: Catalogue) -> str:
    """The export as JSON text, byte-identical for identical input."""
    return json.dumps(catalogue_data(catalogue), ensure_ascii=False, indent=1) + "\n"
