"""A share of a group that opens its clause is the cue's subject (``six in 10 voters said``)."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quoteattr.extract(text)]


def test_a_ratio_of_a_group_says_what_it_reports() -> None:
    text = "The fees are unpopular. Six in 10 riders say the ferry costs too much."
    assert _speakers(text) == [("the ferry costs too much", "Six in 10 riders")]


def test_a_hedged_ratio_with_no_noun_still_speaks() -> None:
    text = "Support for the pier has faded. More than four in 10 said it should close."
    assert _speakers(text) == [("it should close", "More than four in 10")]


def test_a_percentage_after_with_speaks_for_the_participle() -> None:
    text = "The ferry lost riders, with 30 percent of its riders saying the crossing was too slow."
    assert [s for _, s in _speakers(text)] == ["30 percent of its riders"]


def test_a_figure_inside_a_clause_with_its_own_verb_is_no_subject() -> None:
    text = "The poll found 40 percent said the crossing was too slow."
    assert all(s != "40 percent" for _, s in _speakers(text))
