"""The editor's page: Danish, its own files only, the measured policy, words that cannot break out."""

from __future__ import annotations

import json
import re

from vifte.domain.words import speaking
from vifte.editor.page import CSP, editor_csp, editor_page, editor_words


def test_the_page_is_danish_and_loads_only_its_own_files() -> None:
    html = editor_page("config.yml")
    assert '<html lang="da">' in html
    assert '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources == [
        "config.yml",
        "static/editor.css",
        "static/editor.js",
        "static/decap/decap-cms.js",
        "static/translations.js",
    ]
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "http" not in html.split("<body>")[1]  # no address of another host


def test_the_policy_allows_only_what_decap_was_measured_to_need() -> None:
    directives = dict(d.split(" ", 1) for d in CSP.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'unsafe-eval'"  # ajv compiles its schemas
    assert directives["style-src"] == "'self' 'unsafe-inline'"  # emotion writes <style>
    assert directives["connect-src"] == "'self' blob:"  # an upload is read from its blob: URL
    assert directives["frame-ancestors"] == "'none'"
    assert "*" not in CSP and "https:" not in CSP
    # A <meta> policy cannot forbid framing: the page's own copy leaves it out.
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', editor_page("c"))
    assert meta is not None and "frame-ancestors" not in meta.group(1)
    hosted = editor_csp(("https://gitlab.kommune.dk",))
    assert "connect-src 'self' blob: https://gitlab.kommune.dk" in hosted


def test_the_words_are_read_as_data_and_cannot_end_the_script() -> None:
    hostile = {"error": "</script><script>alert(1)</script>"}
    html = editor_page("config.yml", words=hostile)
    data = re.search(r'id="vifte-editor-words">(.*?)</script>', html, re.S)
    assert data is not None and json.loads(data.group(1)) == hostile
    assert "<script>alert" not in html
    odd = editor_page('x"><script>', title="<b>")
    assert 'x"><script>' not in odd and "<title>&lt;b&gt;</title>" in odd
    assert editor_words()["error"] == "Fejl"
    with speaking("en"):
        assert editor_words()["error"] == "Error"
