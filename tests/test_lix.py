"""LIX by hand: words / sentences + 100 x long words / words (long: more than six letters)."""

from __future__ import annotations

import pytest

from vifte.domain.lix import lix, sentences
from vifte.domain.markup import plain_blocks


@pytest.mark.parametrize(
    "text, expected",
    [
        # 6 words, 3 sentences, 1 long word (skinnede): 6/3 + 100 * 1/6 = 18.67
        ("Hunden løb. Katten sov. Solen skinnede.", 18.7),
        # "kr." does not end the sentence: 9 words, 2 sentences, måneden + betaler long:
        # 9/2 + 100 * 2/9 = 26.72 (ending it there would give 3 sentences and 25.2)
        ("Det koster 50 kr. om måneden. Du betaler selv.", 26.7),
        # "1.950" is one word and ends nothing; 4 words, 1 sentence, pladser long: 4 + 25 = 29
        ("Der er 1.950 pladser.", 29.0),
        # "kl." and "9.30" end nothing: 6 words, 1 sentence, no long word
        ("Vi åbner kl. 9.30 hver dag.", 6.0),
        # "f.eks." is one word; ! and ? end sentences: 5 words, 2 sentences: 2.5
        ("Tag f.eks. bussen! Eller cyklen?", 2.5),
        # a word of exactly six letters is not long; seven letters is: 2/1 + 100 * 1/2
        ("Hunden hjælper", 52.0),
        ("", 0.0),
    ],
)
def test_lix_matches_hand_computed_values(text, expected):
    assert lix(text).value == expected


def test_abbreviations_and_numbers_do_not_split():
    assert sentences(
        "Prisen er ca. 1.950 kr. pr. måned, jf. aftalen. Ring på tlf. 70 11 22 33."
    ) == [
        "Prisen er ca. 1.950 kr. pr. måned, jf. aftalen",
        "Ring på tlf. 70 11 22 33",
    ]


def test_longest_sentence_and_long_words_are_named():
    result = lix("Kom. Vi hjælper dig med din arbejdsløshedsforsikring og dine ansøgninger.")
    assert result.longest_sentence.startswith("Vi hjælper dig")
    assert result.long_words[:2] == ("arbejdsløshedsforsikring", "ansøgninger")


def test_markdown_is_measured_as_plain_text_with_blocks_as_sentences():
    text = "## Sådan gør du\n\nRing til os\nog book en tid.\n\n- Tag **cpr** med\n- [Læs mere](https://x.dk)\n"
    assert plain_blocks(text) == [
        "Sådan gør du",
        "Ring til os og book en tid.",
        "Tag cpr med",
        "Læs mere",
    ]
    # 15 words, 4 sentences (the heading and each item end one), no long words
    assert lix("\n".join(plain_blocks(text))).value == 3.8  # 15 / 4 = 3.75


def test_floor_is_well_under_lix_in_one_sentence_and_near_it_in_a_long_text():
    one = lix("Frivillige rådgivere hjælper dig gratis med at skabe overblik over din økonomi.")
    assert (one.value, one.floor) == (53.7, 31.3)  # 12 words, 5 long: 12 + 41.7
    long_text = " ".join(["Frivillige rådgivere hjælper dig gratis med din økonomi."] * 20)
    many = lix(long_text)
    assert (many.value, many.floor) == (58.0, 50.3)  # 160 words, half long: 8 + 50
    assert lix("").floor == 0.0
    # the hardest sentence by its own floor, not the longest one
    two = lix(
        "Du kan komme her hver dag og få en kop kaffe med os. Visitationen foretages individuelt."
    )
    assert two.hardest_sentence == "Visitationen foretages individuelt"
    assert two.longest_sentence.startswith("Du kan komme")
