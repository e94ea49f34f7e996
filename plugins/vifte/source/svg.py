"""SVG files the site would publish: refused, with file and line, when they could run or fetch.

An SVG opened directly is a document of the site's origin: a script in it reads what the site
stores (Min plan) and the page's <meta> policy does not cover it. So an SVG may hold drawing
and nothing else: no script, no event attribute, no HTML or MathML inside, no reference to
another file or host (only "#id" and embedded raster images), no entities, no style sheet
that imports or fetches. The file is never changed; the editor is told what to remove.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.parsers import expat

SVG = "http://www.w3.org/2000/svg"
XML_BASE = "http://www.w3.org/XML/1998/namespace base"
FORBIDDEN_NAMESPACES = {
    "http://www.w3.org/1999/xhtml": "HTML",
    "http://www.w3.org/1998/Math/MathML": "MathML",
}
FORBIDDEN_ELEMENTS = {
    "script": "et script (<script>)",
    "foreignObject": "indlejret HTML (<foreignObject>)",
    "iframe": "en indlejret side (<iframe>)",
    "embed": "et indlejret objekt (<embed>)",
    "object": "et indlejret objekt (<object>)",
    "handler": "et script (<handler>)",
    "listener": "en hændelse (<listener>)",
}
ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform", "animateColor"}
LOCAL = re.compile(r"^\s*#")
RASTER_DATA = re.compile(r"^\s*data:image/(png|jpeg|gif|webp|avif);base64,", re.I)
URL = re.compile(r"url\(\s*(['\"]?)(?P<target>[^'\")]*)\1\s*\)", re.I)
IMPORT = re.compile(r"@import", re.I)
JAVASCRIPT = re.compile(r"(javascript|vbscript)\s*:", re.I)
HELP = "; fjern det fra filen (eller gem billedet som PNG), så det kan udgives"


def problems(path: Path) -> list[tuple[int, int, str]]:
    """(line, column, Danish message) for everything in the SVG file that is not plain drawing."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [(0, 0, f"filen kan ikke læses ({exc.strerror})")]
    return _Scan().run(data)


class _Stop(Exception):
    """Parsing stops at an entity declaration, before any entity can be expanded."""


class _Scan:
    def __init__(self) -> None:
        self.found: list[tuple[int, int, str]] = []
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.style: list[str] | None = None
        """The text of the <style> element being read (CSS), which expat may hand over in parts."""
        p = self.parser
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.ExternalEntityRefHandler = self._external
        p.ProcessingInstructionHandler = self._instruction
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._text

    def run(self, data: bytes) -> list[tuple[int, int, str]]:
        try:
            self.parser.Parse(data, True)
        except _Stop:
            pass
        except expat.ExpatError as exc:
            self.found.append(
                (
                    exc.lineno,
                    exc.offset + 1,
                    f"filen er ikke gyldig SVG (XML-fejl: {expat.ErrorString(exc.code)})",
                )
            )
        return self.found

    def _here(self, message: str) -> None:
        p = self.parser
        self.found.append((p.CurrentLineNumber, p.CurrentColumnNumber + 1, message + HELP))

    def _doctype(self, name, system_id, public_id, has_internal_subset) -> None:
        if has_internal_subset:
            self._here("SVG-filen har sin egen DOCTYPE-blok med definitioner (<!ENTITY …>)")
            raise _Stop

    def _entity(self, *args) -> None:
        self._here("SVG-filen definerer en entitet (<!ENTITY …>)")
        raise _Stop

    def _external(self, *args) -> int:
        self._here("SVG-filen henter en ekstern entitet")
        raise _Stop

    def _instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self._here("SVG-filen henter et stylesheet (<?xml-stylesheet …?>)")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace in FORBIDDEN_NAMESPACES:
            self._here(f"SVG-filen indeholder {FORBIDDEN_NAMESPACES[namespace]} (<{local}>)")
        elif local in FORBIDDEN_ELEMENTS and namespace in (SVG, ""):
            self._here(f"SVG-filen indeholder {FORBIDDEN_ELEMENTS[local]}")
        if local == "style" and namespace in (SVG, ""):
            self.style = []
        animated = local in ANIMATIONS and namespace in (SVG, "")
        for key, value in attrs.items():
            if key == XML_BASE:
                self._here(f'SVG-filen flytter sine henvisninger (xml:base="{_short(value)}")')
            else:
                self._attribute(key.rpartition(" ")[2], value, animated)

    def _attribute(self, name: str, value: str, animated: bool) -> None:
        lower = name.lower()
        if lower.startswith("on"):
            self._here(f"SVG-filen har en hændelse, der kan køre et script ({name}=…)")
        elif lower == "href" and not (LOCAL.match(value) or RASTER_DATA.match(value)):
            self._here(f'SVG-filen henviser til noget uden for filen ({name}="{_short(value)}")')
        elif JAVASCRIPT.search(value):
            self._here(f'SVG-filen har et script i {name}="{_short(value)}"')
        elif animated and lower == "attributename" and _link_or_event(value):
            self._here(f"SVG-filen har en animation, der ændrer {value.strip()}")
        else:
            self._css(value, f"{name}=…")

    def _css(self, text: str, where: str) -> None:
        if IMPORT.search(text):
            self._here(f"SVG-filen henter et stylesheet (@import i {where})")
        for match in URL.finditer(text):
            target = match["target"]
            if not (LOCAL.match(target) or RASTER_DATA.match(target)):
                self._here(
                    f'SVG-filen henter noget uden for filen (url("{_short(target)}") i {where})'
                )

    def _end(self, name: str) -> None:
        if self.style is not None and name.rpartition(" ")[2] == "style":
            self._css("".join(self.style), "<style>")
            self.style = None

    def _text(self, text: str) -> None:
        if self.style is not None:
            self.style.append(text)


def _link_or_event(name: str) -> bool:
    name = name.strip().lower()
    return name.endswith("href") or name.rpartition(":")[2].startswith("on")


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
