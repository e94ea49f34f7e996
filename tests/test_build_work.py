"""What a build does once, not per page or per output: Markdown, macro modules, imports."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import jinja2
import pytest
from markdown_it import MarkdownIt

from vifte.domain.catalogue import Catalogue
from vifte.domain.edition import PUBLIC
from vifte.domain.markup import plain_text, render_markdown
from vifte.output.outputs import outputs
from vifte.output.pages import Renderer
from vifte.source.validate import require_catalogue

REPO = Path(__file__).resolve().parent.parent


def _build_outputs(catalogue: Catalogue | None = None) -> tuple[Renderer, list]:
    """Everything a site build makes of the example but the MkDocs pages and the index."""
    catalogue = catalogue or require_catalogue(REPO)[0]
    renderer = Renderer(catalogue)
    made = list(outputs(catalogue, renderer, PUBLIC, images=REPO / "catalogue/images"))
    renderer.search.typos()  # what the site adapter writes beside the index
    return renderer, made


def test_each_description_is_rendered_from_markdown_at_most_twice(monkeypatch):
    """Once, shared by its page, the export's HTML and the plain text of search, HSDS and the
    spreadsheet (the check of the sources renders those with links once more, before the build)."""
    catalogue, _ = require_catalogue(REPO)
    rendered: Counter[str] = Counter()
    original = MarkdownIt.render

    def counting(self, src, env=None):
        rendered[src] += 1
        return original(self, src, env)

    plain_text.cache_clear()
    render_markdown.cache_clear()
    monkeypatch.setattr(MarkdownIt, "render", counting)
    renderer, _ = _build_outputs(catalogue)
    descriptions = [o.description for o in renderer.catalogue.offers]
    assert descriptions and all(rendered[d] >= 1 for d in descriptions)
    assert max(rendered[d] for d in descriptions) <= 2, rendered.most_common(3)


def test_the_macro_modules_are_made_once_per_build_not_per_page(monkeypatch):
    made: Counter[str] = Counter()
    original = jinja2.Template.make_module

    def counting(self, *args, **kwargs):
        made[self.name] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "make_module", counting)
    _, outs = _build_outputs()
    pages = sum(1 for o in outs if o.kind == "page")
    assert pages > 50
    assert made["_macros.html"] <= 2 and made["pages/_site.html"] == 1, made


@pytest.mark.parametrize("module", ["vifte.mkdocs.plugin", "vifte.cli"])
def test_a_build_without_pdfs_does_not_import_weasyprint(module):
    """Importing WeasyPrint took 1.8 s and 26 MB of a build that makes no PDF."""
    code = (
        f"import sys, {module}; from pathlib import Path; "
        "from vifte.domain.edition import PUBLIC; from vifte.output.outputs import outputs; "
        "from vifte.output.pages import Renderer; "
        "from vifte.source.validate import require_catalogue; "
        "c = require_catalogue(Path('.'))[0]; "
        "list(outputs(c, Renderer(c), PUBLIC, images=Path('catalogue/images'))); "
        "print('weasyprint' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
