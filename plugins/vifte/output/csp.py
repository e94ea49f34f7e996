"""Content-Security-Policy for built pages: only the site's own scripts, by file or by hash.

The policy goes into each page as a <meta> tag, so it holds on any static host. The caller
passes the hashes of the theme's own inline scripts, computed from the theme's templates and
never from the page: an inline script the theme did not write cannot run, wherever it sits.

A <meta> policy covers only the page it sits in, and cannot forbid framing. So the same policy,
with every page's hashes and `frame-ancestors`, also goes out as response headers for every file
(an SVG opened directly too) in a `_headers` file that Netlify and Cloudflare Pages read; the
README shows the same headers for nginx and Apache.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping

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


FRAME_ANCESTORS = "frame-ancestors 'none'"
"""Only a header can say this (browsers ignore it in <meta>): no other site may frame the pages."""
HEADERS_FILE = "_headers"
"""Netlify's and Cloudflare Pages' file of response headers, at the site's root."""
HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)
"""The other security headers, beside the policy: no type guessing, no framing, no address
leaking to the providers' sites a page links to, no camera, microphone or position."""


def header_policy(allowed: Iterable[str]) -> str:
    """The policy as a response header: the pages' policy and `frame-ancestors`."""
    return f"{policy(allowed)}; {FRAME_ANCESTORS}"


def headers(allowed: Iterable[str]) -> list[tuple[str, str]]:
    """Every security header, the policy first."""
    return [("Content-Security-Policy", header_policy(allowed)), *HEADERS]


def headers_file(
    allowed: Iterable[str], folders: Mapping[str, list[tuple[str, str]]] | None = None
) -> str:
    """`_headers`: the security headers for every path of the site, then each folder's own
    (`/rediger/*`: the editor's policy), which replace the site's there: the later rule wins a
    header both name (Netlify)."""
    rules = {"/*": headers(allowed), **(folders or {})}
    return "".join(
        path + "\n" + "".join(f"  {name}: {value}\n" for name, value in lines)
        for path, lines in rules.items()
    )


def add_policy(html: str, allowed: Iterable[str]) -> str:
    """Insert the policy right after <head> (or the charset), before any script can run."""
    match = HEAD.search(html)
    if match is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(allowed)}">'
    return html[: match.end()] + meta + html[match.end() :]
