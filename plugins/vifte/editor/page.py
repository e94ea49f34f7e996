"""The editor's HTML page and the Content-Security-Policy it runs under.

The policy was measured in Chromium (tests/browser/test_editor_page.py; decision 59): Decap CMS
3.16 runs with same-origin sources only, but needs three exceptions, each for a known reason:
- script-src 'unsafe-eval': Decap checks its configuration with ajv, which compiles each JSON
  Schema into a function with `new Function`; without it the editor stops at "Error loading
  the CMS configuration".
- style-src 'unsafe-inline': its React components are styled by emotion, which writes <style>
  elements at run time (and style="" attributes), so no hash or nonce can list them.
- img-src data: blob: and connect-src blob: : an image picked for upload is kept as a blob:
  URL, shown from it, and read back from it (`fetch`) to be sent with the save.
Nothing is allowed from another host; `connect-src 'self'` keeps every save on 127.0.0.1
(or, hosted, the git host that settings.yaml names: `connect`).
"""

from __future__ import annotations

import json
from html import escape

from vifte.domain.edition import NOINDEX
from vifte.domain.words import N_, gettext

DECAP = "static/decap/decap-cms.js"
SCRIPTS = ("static/editor.js", DECAP, "static/translations.js")
"""editor.js first: it reads Decap's saves, so it is in place before Decap's first request;
translations.js (the translations beside the Danish text) after Decap, whose events it uses."""
STYLES = ("static/editor.css",)


def editor_csp(connect: tuple[str, ...] = (), *, header: bool = True) -> str:
    """The editor page's policy; `connect`: more origins it may call (a git host's API).
    As a header it also forbids framing (a <meta> policy cannot: `header=False`)."""
    parts = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        " ".join(["connect-src 'self' blob:", *connect]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if header:
        parts.append("frame-ancestors 'none'")
    return "; ".join(parts)


CSP = editor_csp()
"""The header the local editor server sends with the page."""


def editor_page(
    config_url: str,
    *,
    title: str = "vifte rediger",
    connect: tuple[str, ...] = (),
    words: dict[str, str] | None = None,
) -> str:
    """The page that loads Decap CMS with the generated configuration at `config_url`.

    The policy is in the page too (a <meta> tag), so it holds however the page is served;
    the server sends the same as a header (`editor_csp`), which also forbids framing.
    """
    data = json.dumps(words if words is not None else editor_words(), ensure_ascii=False)
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(editor_csp(connect, header=False))}">',
        NOINDEX,
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title>",
        f'<link href="{escape(config_url)}" type="text/yaml" rel="cms-config-url">',
        *(f'<link rel="stylesheet" href="{escape(href)}">' for href in STYLES),
    ]
    body = [
        f'<script type="application/json" id="vifte-editor-words">{_script_safe(data)}</script>',
        *(f'<script src="{escape(src)}"></script>' for src in SCRIPTS),
    ]
    return (
        '<!doctype html>\n<html lang="da">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def editor_words() -> dict[str, str]:
    """The words editor.js shows, in the active language (Danish in the editor)."""
    return {key: gettext(msgid) for key, msgid in WORDS.items()}


def _script_safe(text: str) -> str:
    """JSON inside <script>: no "</" can end the element early."""
    return text.replace("<", "\\u003c")


WORDS = {
    "refused": N_("Ikke gemt. Ret fejlene ved felterne, eller sæt status til Kladde og gem igen."),
    "saved_with_warnings": N_("Gemt. Se advarslerne ved felterne."),
    "preview": N_("Se siden i forhåndsvisningen"),
    "error": N_("Fejl"),
    "warning": N_("Advarsel"),
}
"""editor.js's words: msgids, in the active language on the page (`editor_words`)."""
