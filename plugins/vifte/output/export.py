"""The open-data export: the whole catalogue as one JSON document.

Each item of every collection (offers, mentors, enterprises: see registry.py) appears as its YAML describes it, plus `id` and `url` (its page,
relative to the site root). An enterprise's own website, `url` in its YAML, is exported as
`website` so that `url` means the same thing everywhere; an image (`image`, `photo`) gets the
`url` of its copy in the site beside its `file` name in catalogue/images. Strategy documents
(`strategy`) carry their goals; `goal_offers` lists every goal <-> offer link as
{document, goal, offer}, and an attached original PDF (`file`) gets its site `url` too.
Every Markdown field (`description`, `about`, `body` ...) stays Markdown as written, which a
consumer must never render unsanitised (it may hold raw HTML and `javascript:` links); beside it
come `<field>_html`, sanitised HTML (only allow-listed tags, links only to http, https, mailto
and tel; relative links are relative to the item's `url`; headings one level down, as on an
offer's page), and `<field>_text`, its plain text. The file's JSON Schema is export_schema.py's; `schema_version` says which version it follows.

Danish is the source language: every item is exported in Danish, and an item with translations
carries `translations`, language code -> the translated texts in the shape of the translation
file (`location: {accessibility: ...}`, goals by id), a Markdown text with its `_html` and
`_text` beside it. The languages are settings' `languages`, the terms' translations theirs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from vifte.domain.catalogue import Catalogue
from vifte.domain.fields import markdown_fields
from vifte.domain.images import site_url
from vifte.domain.markup import plain_text, render_markdown
from vifte.domain.model import Image
from vifte.domain.routes import file_url, page_url
from vifte.domain.strategy import StrategyDocument
from vifte.domain.strategy_lists import goal_links
from vifte.domain.translation import SOURCE_LANGUAGE

FORMAT = "vifte-catalogue"
SCHEMA_VERSION = 2
"""Changes when a field is removed or changes meaning (1 called this field `version`)."""
HTML, TEXT = "_html", "_text"
"""What a Markdown field's name gets for its sanitised HTML and for its plain text."""
EXCLUDED_SETTINGS = frozenset({"plain_language", "plan", "site"})
"""Settings for editors (vifte check), the browser (Min plan) and the site's menu, not data about the offers."""


TRANSLATIONS = "translations"
"""An item's translations by language (the terms in settings carry theirs under the same name)."""


def catalogue_data(catalogue: Catalogue) -> dict[str, Any]:
    """The export as plain data, in a stable order: the Danish catalogue with its translations."""
    if catalogue.language != SOURCE_LANGUAGE:
        raise ValueError("the export is made from the Danish catalogue, which holds every language")
    settings = catalogue.settings.model_dump(
        mode="json", exclude_none=True, exclude=set(EXCLUDED_SETTINGS)
    )

    table = catalogue.table

    def item(collection: str, obj: Any) -> dict[str, Any]:
        data = obj.model_dump(mode="json", exclude_none=True)
        if "url" in data:
            data["website"] = data.pop("url")
        for name, value in obj:
            if isinstance(value, Image):
                data[name] = {"url": site_url(value), **data[name]}
        _with_markup(type(obj), data)
        if isinstance(obj, StrategyDocument) and (url := file_url(table, obj)):
            data["file"] = {"url": url, "file": obj.file}
        if texts := translations(catalogue, collection, obj):
            data[TRANSLATIONS] = texts
        return {"id": obj.id, "url": page_url(table, obj), **data}

    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        **settings,
        **{
            name: [item(name, i) for i in catalogue.items.get(name, ())]
            for name in table.collections
        },
        "goal_offers": goal_links(catalogue),
    }


def translations(catalogue: Catalogue, collection: str, obj: Any) -> dict[str, Any]:
    """An item's translated texts by language, in settings' order of the languages."""
    found: dict[str, Any] = {}
    for language in catalogue.settings.languages:
        translation = catalogue.translations.get(language, {}).get(collection, {}).get(obj.id)
        if translation is not None:
            found[language] = _with_markup(type(obj), _plain(translation.texts))
    return found


def _plain(value: Any) -> Any:
    """A translation's texts as fresh dicts and lists (the export adds fields to them)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _with_markup(model: type, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with sanitised HTML and plain text beside each of its Markdown fields."""
    for name in markdown_fields(model):
        if name in data:
            data[name + HTML] = render_markdown(data[name])
            data[name + TEXT] = plain_text(data[name])
    return data


def catalogue_json(catalogue: Catalogue) -> str:
    """The export as JSON text, byte-identical for identical input."""
    return json.dumps(catalogue_data(catalogue), ensure_ascii=False, indent=1) + "\n"
