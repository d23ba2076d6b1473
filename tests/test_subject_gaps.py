"""Auxiliaries, adverbs and comma asides between a subject and its cue leave the subject
(``Ruiz has since said``, ``The pilots have, however, warned``)."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.mention.text if q.mention else None) for q in quoteattr.extract(text)]


def test_since_between_auxiliary_and_cue_keeps_the_subject() -> None:
    text = "The harbour board has since said the pier would close in May."
    assert _speakers(text) == [("the pier would close in May", "The harbour board")]


def test_an_aside_adverb_after_the_auxiliary_keeps_the_subject() -> None:
    text = "Ferry operators have, however, warned that the fares would rise."
    assert _speakers(text) == [("the fares would rise", "Ferry operators")]



def test_a_time_adverb_between_a_name_and_its_cue_is_not_part_of_the_subject() -> None:
    text = "Mila Arden soon noted that the fares would rise."
    assert _speakers(text) == [("the fares would rise", "Mila Arden")]


def test_time_words_between_a_described_source_and_its_cue_are_not_part_of_it() -> None:
    text = "Harbour inspectors soon noted that the fares would rise."
    assert _speakers(text) == [("the fares would rise", "Harbour inspectors")]
