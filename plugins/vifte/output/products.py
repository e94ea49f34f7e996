"""The kinds of PDF vifte prints, with the Danish names `vifte pdf --format` knows them by.

A job's `kind` in brochures.py is a key here (a term list's name for the term brochures, named as
the filter page's URL names the list: `TermList.param`); a new kind of PDF gets its Danish name
here. Several kinds may share a name (one index card per offer and all cards in one file are both
`kort`). The command line reads it at start, so it imports no more than the table of collections.
"""

from vifte.domain.registry import TABLE

PRODUCTS: dict[str, str] = {
    "catalogue": "katalog",
    **{name: TABLE.term_lists[name].param for name in ("areas", "themes", "target_groups")},
    "offer": "tilbud",
    "card": "kort",
    "cards": "kort",
    "poster": "plakat",
    "mentors": "mentorer",
    "enterprises": "virksomheder",
    "strategi": "strategi",
}
