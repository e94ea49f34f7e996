"""Content-Security-Policy for built pages: only the site's own scripts, by file or by hash.

The policy goes into each page as a <meta> tag, so it holds on any static host. Inline scripts
that the theme writes into a page are allowed by their SHA-256 hash, computed from the page itself.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NON_JS_TYPE = re.compile(r"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.I)
CONTENT = re.compile(r"<article\b.*?</article>", re.S | re.I)
HEAD = re.compile(r"<meta charset=[^>]*>|<head[^>]*>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP hash sources for the theme's executable inline scripts, in order, without repeats.

    Scripts inside the page's content (<article>) are never allowed: content is sanitised, so a
    script there can only be an injection.
    """
    hashes: list[str] = []
    content = CONTENT.search(html)
    for match in INLINE_SCRIPT.finditer(html):
        if content and content.start() <= match.start() < content.end():
            continue
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or NON_JS_TYPE.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    """The page's policy: same origin only, no plugins, no inline script except the hashed ones."""
    # 'wasm-unsafe-eval' lets the search index (Pagefind) compile its WebAssembly; it allows no eval().
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self'; "
        "img-src 'self' data:; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "worker-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'"
    )


def add_policy(html: str) -> str:
    """Insert the policy right after the charset (or <head>), before any script can run."""
    match = HEAD.search(html)
    if match is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: match.end()] + meta + html[match.end() :]
