"""Content-Security-Policy for built pages: only the site's own scripts, by file or by hash.

The policy goes into each page as a <meta> tag, so it holds on any static host. The caller
passes the hashes of the theme's own inline scripts, computed from the theme's templates and
never from the page: an inline script the theme did not write cannot run, wherever it sits.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
NON_JS_TYPE = re.compile(r"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.I)
HEAD = re.compile(r"<meta charset=[^>]*>|<head[^>]*>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP hash sources of a page's executable inline scripts, in order, without repeats."""
    hashes: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or NON_JS_TYPE.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def unlisted_scripts(html: str, allowed: Iterable[str]) -> list[str]:
    """The page's inline scripts that the policy will block (none, unless something slipped in)."""
    known = set(allowed)
    return [h for h in inline_script_hashes(html) if h not in known]


def policy(allowed: Iterable[str]) -> str:
    """Same origin only, no plugins, no inline script except the theme's, listed by hash."""
    # 'wasm-unsafe-eval' lets the search index (Pagefind) compile its WebAssembly; it allows no eval().
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *allowed])
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


def add_policy(html: str, allowed: Iterable[str]) -> str:
    """Insert the policy right after <head> (or the charset), before any script can run."""
    match = HEAD.search(html)
    if match is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(allowed)}">'
    return html[: match.end()] + meta + html[match.end() :]
