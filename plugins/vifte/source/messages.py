"""The Danish wording of validation problems: what pydantic found, said so a layperson can fix it."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from vifte.domain import editor_settings as editor
from vifte.domain import fields, settings, strategy
from vifte.domain.danish import ascii_spelling
from vifte.source.diagnostics import shorten
from vifte.source.loader import Loc

DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

PATTERN_HELP = {
    fields.ID_PATTERN: "må kun indeholde små bogstaver a-z, tal og bindestreger (skriv æ som ae, ø som oe, å som aa)",
    fields.PHONE_PATTERN: 'skal være et telefonnummer med 8 cifre, fx "70 11 22 33"',
    fields.EMAIL_PATTERN: "skal være en e-mailadresse som navn@kommune.dk, kun med bogstaver a-z, tal og . _ + -",
    fields.POSTCODE_PATTERN: 'skal være et postnummer med 4 cifre, fx "4790"',
    fields.CVR_PATTERN: 'skal være et CVR-nummer med 8 cifre, fx "12345678"',
    fields.COLOUR_PATTERN: 'skal være en farvekode som "#1d4f91"',
    fields.URL_PATTERN: "skal være en webadresse, der starter med https://",
    fields.SITE_URL_PATTERN: "skal være sitets adresse, fx https://tilbud.kommune.dk/",
    fields.LANGUAGE_CODE_PATTERN: "skal være en sprogkode med to små bogstaver, fx en (engelsk), uk (ukrainsk) eller ar (arabisk)",
    settings.MAP_SEARCH_PATTERN: "skal være en webadresse, der starter med https://, med {address} efter tjenestens navn, fx https://www.openstreetmap.org/search?query={address}",
    strategy.PERIOD_PATTERN: 'skal være et årstal som "2026" eller to årstal med bindestreg som "2026-2029"',
    strategy.PDF_PATTERN: "skal være navnet på en PDF i mappen strategy/files, fx 'plan.pdf' (uden mapper og uden navne, der starter med punktum)",
    editor.HTTPS_PATTERN: "skal være en adresse, der starter med https://, fx https://gitlab.kommune.dk",
    editor.REPO_PATTERN: "skal være projektets sti på git-værten, fx 'fjordstrand/tilbud'",
    editor.BRANCH_PATTERN: "skal være navnet på en gren, fx 'main'",
    editor.APP_ID_PATTERN: "skal være programmets id, som git-værten viser det (bogstaver, tal og bindestreger)",
    editor.ENDPOINT_PATTERN: "skal være en sti uden / først, fx 'oauth/authorize'",
    fields.FILE_PATTERN: "skal være navnet på en fil i mappen catalogue/images, fx 'cafe.jpg' eller 'fotos/cafe.jpg' (uden '..', uden '/' først og uden navne, der starter med punktum)",
}


def explain(cls: type[BaseModel], loc: Loc, err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = shorten(dotted(loc))
    value = err.get("input")
    if kind == "missing":
        return f"feltet '{name}' mangler; det skal udfyldes"
    if kind == "extra_forbidden":
        allowed = fields_at(cls, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed)
        if value is None and " " in str(loc[-1]):
            hint += " (et komma inde i { } deler teksten; sæt teksten i anførselstegn)"
        return f"ukendt felt '{name}'{hint}; tilladte felter her: {', '.join(allowed)}"
    if kind == "string_type":
        return f"'{name}' {_not_text(value)}"
    if kind == "string_too_long":
        return f"'{name}' er for lang ({len(value)} tegn); den må højst være {ctx.get('max_length')} tegn"
    if kind == "string_too_short":
        return f"'{name}' må ikke være tom"
    if kind == "string_pattern_mismatch":
        help_text = PATTERN_HELP.get(
            ctx.get("pattern", ""), f"skal passe til mønsteret {ctx.get('pattern')}"
        )
        return f"'{shorten(value)}' er ikke gyldig i '{name}': den {help_text}"
    if kind == "list_type" and value is None:
        return f"'{name}' er tom; skriv et punkt pr. linje under den, hvert med '- ' foran, eller slet linjen"
    if kind == "list_type":
        return f"'{name}' skal være en liste, hvor hver linje starter med '- '"
    if kind == "too_short":
        return f"'{name}' skal have mindst {ctx.get('min_length', 1)} punkt"
    if kind == "literal_error":
        allowed = [
            a.strip(" '") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
        ]
        hint = did_you_mean(str(value), allowed)
        return f"'{shorten(value)}' er ikke en gyldig værdi i '{name}'{hint}; tilladte værdier: {', '.join(allowed)}"
    if kind in ("bool_type", "bool_parsing"):
        unquote = ", uden anførselstegn" if isinstance(value, str) else ""
        return f"'{name}' skal være true (ja) eller false (nej){unquote}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return _not_a_date(name, value)
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        whole = kind.startswith("int")
        return f"'{name}' skal være et {'helt tal' if whole else 'tal med punktum, fx 55.4089'}, uden anførselstegn"
    if kind in ("less_than_equal", "greater_than_equal"):
        bound = "højst" if kind == "less_than_equal" else "mindst"
        limit = ctx.get("le", ctx.get("ge"))
        limit = f"{limit:g}" if isinstance(limit, int | float) else limit
        return f"'{name}' er {shorten(value)}, men skal være {bound} {limit}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' skal være en gruppe af felter, skrevet indrykket på linjerne under '{loc[-1]}:'"
    if kind == "value_error":
        return f"'{name}': {ctx.get('error', err['msg'])}"
    return f"'{name}': {shorten(err['msg'], 200)}"


def _not_text(value: Any) -> str:
    if value is None:
        return "er tom; skriv en tekst"
    if isinstance(value, dict):
        return "skal være en tekst, men YAML læser den som felter (navn: værdi); sæt værdien i anførselstegn"
    if isinstance(value, list):
        return "skal være en tekst, men YAML læser den som en liste; sæt værdien i anførselstegn"
    return "skal være en tekst; sæt værdien i anførselstegn"


def _not_a_date(name: str, value: Any) -> str:
    if isinstance(value, str) and DATE_SHAPE.fullmatch(value.strip()):
        return (
            f"'{name}': {value.strip()} er ikke en dato, der findes; tjek måned og dag (ÅÅÅÅ-MM-DD)"
        )
    if isinstance(value, dt.datetime):
        return f"'{name}' skal være en dato uden klokkeslæt, skrevet som ÅÅÅÅ-MM-DD, fx 2027-03-31"
    return f"'{name}' skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-03-31"


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def fields_at(cls: type[BaseModel], loc: Loc) -> list[str]:
    """Names of the fields a user may write at `loc` inside `cls`."""
    current: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = model_in(info.annotation)
        if current is None:
            return []
    # Offers, mentors and enterprises take their id from the file name; terms write it.
    return [n for n in current.model_fields if n != "id" or issubclass(current, settings.Term)]


def model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = model_in(arg)
        if found is not None:
            return found
    return None


def did_you_mean(value: str, allowed: Iterable[str]) -> str:
    """A suggestion for a misspelt value; case and æ/ø/å spelling do not count as differences."""
    spelled = {ascii_spelling(a): a for a in allowed}
    close = difflib.get_close_matches(ascii_spelling(value), list(spelled), n=1, cutoff=0.6)
    return f' — mente du "{spelled[close[0]]}"?' if close else ""
