"""Running page numbers ("12 / 503") written onto the pages of a merged PDF, as WeasyPrint would.

A catalogue rendered in parts cannot let WeasyPrint count its pages: a part does not know how
many pages come before it. So the parts are rendered without the number (print.css's
`@bottom-right`), and after the merge each page but the cover gets it here: DejaVu Sans 8 pt,
#555, right-aligned at the right margin and centred in the bottom margin, where print.css puts it
(a test compares the two), marked as a pagination artifact so screen readers skip it as they skip
WeasyPrint's own. The font is a subset of the same DejaVu Sans file (digits, space, slash),
embedded as a TrueType font with WinAnsi encoding.
"""

from __future__ import annotations

import functools
import io
import subprocess
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

MM = 72 / 25.4
SIZE = 8.0
"""Points, as print.css's `@bottom-right` says."""
GREY = 0x55 / 0xFF
RIGHT_MARGIN = 16 * MM
BOTTOM_MARGIN = 18 * MM
"""The A4 page's right and bottom margins in print.css (`@page { margin: ... }`)."""
CHARS = "0123456789 /"
FONT = "VIFTEN+DejaVuSans"


@functools.cache
def _font_file() -> tuple[bytes, dict[str, float], tuple[float, float, list[float]]]:
    """The subset font, each character's width (1/1000 em), and ascent, descent and bbox."""
    # Imported here: a build without PDFs should not pay for loading fontTools.
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(font_path(), recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: fontTools cannot subset them
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=CHARS)
    subsetter.subset(font)
    em = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    widths = {c: font["hmtx"][cmap[ord(c)]][0] * 1000 / em for c in CHARS}
    head = font["head"]
    bbox = [v * 1000 / em for v in (head.xMin, head.yMin, head.xMax, head.yMax)]
    ascent = font["hhea"].ascent * 1000 / em
    descent = font["hhea"].descent * 1000 / em
    data = io.BytesIO()
    font.save(data)
    return data.getvalue(), widths, (ascent, descent, bbox)


def _font(pdf: pikepdf.Pdf) -> Dictionary:
    data, widths, (ascent, descent, bbox) = _font_file()
    first, last = ord(min(CHARS)), ord(max(CHARS))
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/" + FONT),
        Flags=32,
        FontBBox=Array(bbox),
        ItalicAngle=0,
        Ascent=ascent,
        Descent=descent,
        CapHeight=ascent,
        StemV=80,
        FontFile2=pdf.make_stream(data, Length1=len(data)),
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/" + FONT),
            FirstChar=first,
            LastChar=last,
            Widths=Array([widths.get(chr(c), 0) for c in range(first, last + 1)]),
            Encoding=Name.WinAnsiEncoding,
            FontDescriptor=pdf.make_indirect(descriptor),
            ToUnicode=pdf.make_stream(_to_unicode()),
        )
    )


def _to_unicode() -> bytes:
    """A CMap saying each code is its own character (they are ASCII), for text extraction."""
    pairs = "".join(f"<{ord(c):02X}> <{ord(c):04X}>\n" for c in sorted(CHARS))
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(CHARS)} beginbfchar\n{pairs}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")


def stamp(pdf: pikepdf.Pdf, skip: frozenset[int] = frozenset({0})) -> None:
    """Write "page / pages" on every page whose index (from 0) is not in `skip`."""
    _, widths, (ascent, descent, _) = _font_file()
    font = _font(pdf)
    total = len(pdf.pages)
    # The line box (ascent + descent) is centred in the bottom margin; the baseline sits
    # `descent` above its bottom.
    line = (ascent - descent) * SIZE / 1000
    baseline = BOTTOM_MARGIN / 2 - line / 2 - descent * SIZE / 1000
    for index, page in enumerate(pdf.pages):
        if index in skip:
            continue
        text = f"{index + 1} / {total}"
        width = sum(widths[c] for c in text) * SIZE / 1000
        right = float(page.mediabox[2]) - RIGHT_MARGIN
        name = page.add_resource(font, Name.Font, Name("/VifteNumbers"))
        content = (
            f"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
            f"q BT {name} {SIZE:g} Tf {GREY:.4f} g {right - width:.3f} {baseline:.3f} Td "
            f"({text}) Tj ET Q\nEMC\n"
        )
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        page.contents_add(pdf.make_stream(b"Q\n" + content.encode("ascii")))


def font_path() -> Path:
    """The DejaVu Sans file fontconfig gives WeasyPrint for print.css's footer."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Sans:style=Book"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(found.stdout)
