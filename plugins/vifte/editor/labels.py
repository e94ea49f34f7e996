"""The Danish label of each field name in the editor's form.

The models' descriptions (Danish, as the JSON Schema shows them) are the help texts; a label is
the few words above a field. One field name means the same in every model ("contact" is always
the contact), so the table is by name. A field that is not here yet gets the first words of its
description, so a new field appears in the form with no further work (`label_of`).
"""

from __future__ import annotations

import re

LABELS: dict[str, str] = {
    "status": "Status",
    "closed": "Lukket den",
    "status_note": "Besked om pausen",
    "updated": "Sidst opdateret",
    "review_by": "Gennemgås igen senest",
    "title": "Titel",
    "area": "Område",
    "access": "Adgang",
    "kind": "Slags",
    "themes": "Temaer",
    "target_groups": "Målgrupper",
    "summary": "Kort beskrivelse",
    "description": "Beskrivelse",
    "professional": "Tekst til fagfolk",
    "provider": "Udbyder",
    "name": "Navn",
    "department": "Afdeling",
    "contact": "Kontakt",
    "phone": "Telefon",
    "email": "E-mail",
    "internal_contact": "Intern kontakt",
    "legal_basis": "Lovgrundlag",
    "location": "Sted",
    "address": "Adresse",
    "postcode": "Postnummer",
    "city": "By",
    "accessibility": "Tilgængelighed",
    "schedule": "Tid og varighed",
    "duration": "Varighed",
    "hours_per_week": "Timer om ugen",
    "start": "Start",
    "waiting_time": "Ventetid",
    "capacity": "Antal pladser",
    "price": "Pris",
    "languages": "Sprog",
    "enterprises": "Virksomheder",
    "related": "Beslægtede tilbud",
    "image": "Billede",
    "photo": "Foto",
    "file": "Fil",
    "alt": "Billedtekst til skærmlæsere",
    "keywords": "Søgeord",
    "created": "Kom i kataloget",
    "role": "Rolle",
    "about": "Om mentoren",
    "competences": "Kompetencer",
    "available": "Kan tage nye borgere",
    "cvr": "CVR-nummer",
    "registered": "Registreret socialøkonomisk virksomhed",
    "industry": "Branche",
    "placements": "Forløb",
    "url": "Hjemmeside",
    "period": "Periode",
    "adopted": "Vedtaget",
    "date": "Dato",
    "by": "Vedtaget af",
    "goals": "Mål",
    "origin": "Hvis mål",
    "indicator": "Indikator",
    "baseline": "Udgangspunkt",
    "target": "Mål for perioden",
    "offers": "Tilbud",
    "note": "Bemærkning",
    "replaces": "Afløser",
    "body": "Brødtekst",
    "expires": "Gælder til og med",
}

AUDIENCE_MARKS = {"professional": "til fagfolk", "internal": "kun intern"}
"""Added to the label of a field that is not for citizens, e.g. "Pris (kun intern)"."""

_FIRST_WORDS = re.compile(r"[^,.;:(]+")


def label_of(name: str, description: str = "", audience: str = "citizen") -> str:
    """The Danish label of a field: from the table, else the first words of its description,
    else its name; marked when the field is for professionals or internal only."""
    label = LABELS.get(name)
    if label is None:
        found = _FIRST_WORDS.match(description.strip())
        label = found.group(0).strip() if found else ""
        label = label[:60] or name.replace("_", " ").capitalize()
    mark = AUDIENCE_MARKS.get(audience)
    return f"{label} ({mark})" if mark else label
