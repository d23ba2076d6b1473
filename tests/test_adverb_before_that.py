"""Rule ``adverb-before-that``: adverbs and time words between a cue and its ``that``."""
from __future__ import annotations

from quoteattr import extract

_TEXT = "Harbour chief Ana Ruiz said {} that the pier would reopen in May."


def _texts(text: str, **kw: object) -> list[str]:
    return [q.text for q in extract(text, **kw)]  # type: ignore[arg-type]


def test_only_before_that_is_left_out_of_the_content() -> None:
    assert _texts(_TEXT.format("only")) == ["the pier would reopen in May"]


def test_a_time_phrase_before_that_is_left_out_of_the_content() -> None:
    assert _texts(_TEXT.format("late Wednesday")) == ["the pier would reopen in May"]


def test_an_ly_adverb_before_that_is_left_out_of_the_content() -> None:
    assert _texts(_TEXT.format("flatly")) == ["the pier would reopen in May"]


def test_switched_off_the_adverb_stays_in_the_content() -> None:
    got = _texts(_TEXT.format("only"), disabled_rules={"adverb-before-that"})
    assert got == ["only that the pier would reopen in May"]


def test_a_noun_before_that_is_content() -> None:
    text = "Harbour chief Ana Ruiz said the report that the board wrote was wrong."
    assert _texts(text) == ["the report that the board wrote was wrong"]


def test_that_before_a_preposition_is_a_pronoun_not_a_complementizer() -> None:
    text = "Harbour chief Ana Ruiz said only that in May. The board disagreed."
    assert "in May" not in _texts(text)
