"""Speaker strings are names, not fragments of the sentence around the subject (issue #16)."""

from __future__ import annotations

import pytest

import quoteattr


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quoteattr.extract(text)]


def test_a_time_adjunct_glued_to_a_known_name_is_dropped_from_the_speaker() -> None:
    text = "Mila Arden toured the pier. Arden at the time said the pier was safe."
    assert _speakers(text) == ["Mila Arden"]


def test_the_region_of_town_region_is_not_the_speaker() -> None:
    text = "Teo Lind, a baker from Brill, Kessex, said the ferry was late."
    assert _speakers(text) == ["Teo Lind"]


@pytest.mark.parametrize("text", [
    "BRILL, Kessex (Wire) – Teo Lind toured the pier, saying the ferry was late.",
    "Weeks later, Teo Lind toured the pier, saying the ferry was late.",
])
def test_a_dateline_or_sentence_opener_is_not_the_speaker(text: str) -> None:
    assert _speakers(text) == ["Teo Lind"]

