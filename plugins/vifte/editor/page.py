"""The editor's HTML page (owner: the `config` part; stub)."""

from __future__ import annotations

from html import escape


def editor_page(config_url: str, *, title: str = "vifte rediger") -> str:
    """The page that loads Decap CMS with the generated configuration at `config_url`.

    STUB: the real page has the CSP, Danish labels and vifte's editor.js/editor.css.
    """
    return (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<link href="{escape(config_url)}" type="text/yaml" rel="cms-config-url">'
        '</head><body><script src="static/decap/decap-cms.js"></script>'
        '<script src="static/editor.js"></script>'
        '<script src="static/translations.js"></script></body></html>'
    )
