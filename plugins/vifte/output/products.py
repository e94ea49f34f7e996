"""The kinds of PDF vifte prints, with the Danish names `vifte pdf --format` knows them by.

A job's `kind` in brochures.py is a key here (a term list's name for the term brochures); a new
kind of PDF gets its Danish name here. Several kinds may share a name (one index card per offer
and all cards in one file are both `kort`). No heavy imports: the command line reads it at start.
"""

PRODUCTS: dict[str, str] = {
    "catalogue": "katalog",
    "areas": "omraade",
    "themes": "tema",
    "target_groups": "maalgruppe",
    "offer": "tilbud",
    "card": "kort",
    "cards": "kort",
    "poster": "plakat",
    "mentors": "mentorer",
    "enterprises": "virksomheder",
    "strategi": "strategi",
}
