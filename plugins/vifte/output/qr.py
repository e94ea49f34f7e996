"""QR codes for the printed forms: a web address as SVG, drawn by segno (Min plan draws its own
in the browser, decision 30).

The SVG carries a `<title>`, which WeasyPrint writes as the figure's alt text in the tagged PDF,
so a screen reader hears what the code is and PDF/UA stays clean.
"""

from __future__ import annotations

from functools import cache

import segno  # type: ignore[import-untyped]
from markupsafe import Markup

from vifte.domain.words import gettext

MASK = 6
"""The mask pattern every code uses. segno tries all eight and keeps the one its penalty rules
score best: three quarters of the time the catalogue's HTML took (1,000 codes). Any mask reads;
6 is the one segno picks most often for the addresses here, and 500 of them read back (zxing-cpp,
decisions.md 76)."""


def qr_svg(url: str) -> Markup:
    """The QR code of `url` (error correction M, quiet zone of 4 modules) as inline SVG."""
    return _qr_svg(url, gettext("QR-kode til %(url)s") % {"url": url})


@cache
def _qr_svg(url: str, title: str) -> Markup:
    """Kept per address and title: every brochure that lists an offer prints the same code (at
    1,000 offers the codes were 88 % of the time spent making the brochures' HTML)."""
    code = segno.make(url, error="m", micro=False, boost_error=False, mask=MASK)
    svg = code.svg_inline(
        border=4,
        omitsize=True,
        svgclass="p-qr",
        lineclass=None,
        title=title,
    )
    return Markup(svg)
