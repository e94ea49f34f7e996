"""The accessibility statement the law requires: `vifte check` warns while settings.yaml lacks it.

Every public site must link its accessibility statement (made in the national WAS tool) from
every page as "Tilgængelighedserklæring", with a way to get in touch by phone and in writing.
The theme shows what settings.yaml holds; this says what is missing.
"""

from __future__ import annotations

from vifte.domain.settings import Settings
from vifte.source.diagnostics import Report
from vifte.source.loader import Document

EXAMPLE = (
    "accessibility: {statement: https://www.was.digst.dk/..., "
    'phone: "70 11 22 33", email: web@kommune.dk}'
)


def check_accessibility(settings: Settings, doc: Document, report: Report) -> None:
    """Warn, at its place in settings.yaml, about each missing part of the statement."""
    found = settings.accessibility
    if found is None:
        report.warning(
            doc.path,
            *doc.position(("municipality",), key=True),
            "sitet mangler en tilgængelighedserklæring, som loven kræver i bunden af hver side; "
            f"skriv nederst i filen: {EXAMPLE}",
        )
        return
    where = doc.position(("accessibility",), key=True)
    if found.statement is None:
        report.warning(
            doc.path,
            *where,
            "linket til tilgængelighedserklæringen mangler; lav erklæringen i WAS-værktøjet "
            "(was.digst.dk) og skriv linket under accessibility som statement: https://...",
        )
    for field, noun in (("phone", "et telefonnummer"), ("email", "en e-mailadresse")):
        if getattr(found, field) is None:
            report.warning(
                doc.path,
                *where,
                f"kontakten om tilgængelighed mangler {noun}; loven kræver, at borgeren kan "
                f"ringe og skrive; skriv det under accessibility som {field}: ...",
            )
