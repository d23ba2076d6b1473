"""A sentence's opening noun phrase speaks past an aside set off by commas or dashes
(``Two pilots, both at the helm for years, said …``)."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.mention.text if q.mention else None) for q in quoteattr.extract(text)]


def test_a_description_before_a_participle_aside_speaks() -> None:
    text = ("One former crane operator, speaking on condition of anonymity, said the cranes "
            "were unsafe.")
    assert _speakers(text) == [("the cranes were unsafe", "One former crane operator")]


def test_a_group_before_an_including_aside_speaks() -> None:
    text = ("Six harbour newspapers in the north, including the Kester Echo, said the pier "
            "would close.")
    assert _speakers(text) == [("the pier would close", "Six harbour newspapers in the north")]


def test_a_sentence_adverb_aside_leaves_the_group_its_words() -> None:
    text = "Cement makers, for instance, argue that the levy is unfair."
    assert _speakers(text) == [("the levy is unfair", "Cement makers")]


def test_a_group_before_a_dash_aside_of_names_speaks() -> None:
    text = "The three pilots -- Arden, Holt and Lind -- agreed that the channel was silting up."
    assert _speakers(text) == [("the channel was silting up", "The three pilots")]
