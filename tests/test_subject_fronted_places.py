"""In a phrase fronting the sentence, the region after a town (``At a rally in Alder, Ohio,``)
is no subject: the name after the next comma is."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quoteattr.extract(text)]


def test_the_region_of_a_fronted_town_is_skipped_for_the_name_after_it() -> None:
    text = ("Speaking at a rally in Alder, Kestershire, Mila Arden attacked the plan, saying "
            "it was reckless.")
    assert ("it was reckless", "Mila Arden") in _speakers(text)


def test_a_fronted_phrase_without_a_town_keeps_its_subject() -> None:
    text = "Speaking at a rally, Mila Arden attacked the plan, saying it was reckless."
    assert ("it was reckless", "Mila Arden") in _speakers(text)
