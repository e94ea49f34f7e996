"""The "Læs op" controls on a hand-written page (decision 62), after its first heading.

Generated pages place them in their templates (`read_aloud` in pages/_site.html) and mark what is
read; on a page someone wrote, read-aloud.js reads the writer's own text around the controls.
"""

from __future__ import annotations

import re

from vifte.output.pages import Renderer

HEADING_END = re.compile(r"</h1\s*>", re.I)


def placed(html: str, renderer: Renderer, url: str) -> str:
    """The page's HTML with the controls and their script after the first `<h1>`; a page
    without one is left as it is (there is no title to put them under)."""
    end = HEADING_END.search(html)
    if end is None:
        return html
    controls = renderer.render("pages/read_aloud.html", url).strip()
    return f"{html[: end.end()]}\n{controls}\n{html[end.end() :]}"
