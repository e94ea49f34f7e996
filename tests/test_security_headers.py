"""The security headers for hosts that read them: `_headers` holds the pages' own policy, and
the README's nginx and Apache snippets say the same headers."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO
from vifte.mkdocs.build import build_site
from vifte.output.csp import FRAME_ANCESTORS, HEADERS

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        name, *values = part.split()
        found[name] = values
    return found


def _headers(site: Path) -> dict[str, str]:
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:])


def test_the_headers_file_holds_the_policy_of_every_page(project, tmp_path):
    site = build_site(project / "mkdocs.yml", tmp_path / "site", pdf=False)
    headers = _headers(site)
    header = _directives(headers["Content-Security-Policy"])
    assert header.pop("frame-ancestors") == FRAME_ANCESTORS.split()[1:]
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    scripts: set[str] = set()
    for path in pages:
        [policy] = META.findall(path.read_text(encoding="utf-8"))
        page = _directives(policy)
        assert "frame-ancestors" not in page  # browsers ignore it in <meta>
        # The same policy; the header allows the scripts of every page, each page its own.
        assert {k: v for k, v in page.items() if k != "script-src"} == {
            k: v for k, v in header.items() if k != "script-src"
        }, path
        assert set(page["script-src"]) <= set(header["script-src"]), path
        scripts.update(page["script-src"])
    assert set(header["script-src"]) == scripts  # nothing more than the pages allow
    for name, value in HEADERS:
        assert headers[name] == value


def test_the_readme_shows_the_same_headers_for_nginx_and_apache():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, value in HEADERS:
        assert f'add_header {name} "{value}" always;' in readme  # nginx
        assert f'Header always set {name} "{value}"' in readme  # Apache
    assert 'add_header Content-Security-Policy "' in readme
    assert 'Header always set Content-Security-Policy "' in readme
