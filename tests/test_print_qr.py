"""The printed QR codes are made with one fixed mask (segno's search for the best of eight was
three quarters of the catalogue's HTML time, decisions.md 76) and still read as their address.

The codes in the real PDFs are read back from pdftoppm's pixels in test_pdf.py.
"""

from __future__ import annotations

import io

import pytest
import segno  # type: ignore[import-untyped]
import zxingcpp
from PIL import Image

from vifte.output.qr import MASK, qr_svg

ADDRESSES = [
    "https://kommune.dk/tilbud/a/",
    "https://www.kommune.example.dk/tilbud/tilbud-nummer-17-om-arbejde-og-praktik/",
    "https://www.kommune.example.dk/uk/tilbud/" + "довгий-" * 12 + "1/",
]


@pytest.mark.parametrize("url", ADDRESSES)
def test_each_code_has_the_fixed_mask_and_reads_as_its_address(url):
    code = segno.make(url, error="m", micro=False, boost_error=False, mask=MASK)
    drawn = code.svg_inline(border=4, omitsize=True, svgclass="p-qr", lineclass=None, title="t")
    # The same modules as the fixed-mask code (the path is the modules; only the title differs).
    assert str(qr_svg(url)).split("<path")[1] == drawn.split("<path")[1]
    png = io.BytesIO()
    code.save(png, kind="png", scale=2, border=4)
    assert [found.text for found in zxingcpp.read_barcodes(Image.open(png))] == [url]
