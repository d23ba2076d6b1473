"""A participle coordinated with an earlier one (``…, praising the crew and saying …``) takes
the sentence's subject; a wire dateline in capitalised words is no subject."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quoteattr.extract(text)]


def test_a_second_participle_after_and_reports_for_the_sentence_subject() -> None:
    text = "Mila Arden toured the pier, thanking the crew and saying the cranes were safe."
    assert ("the cranes were safe", "Mila Arden") in _speakers(text)


def test_a_directive_participle_after_and_is_not_coordinated() -> None:
    text = "Teo Lind left the meeting, shaking his head and telling aides to wait."
    assert all(s != "Teo Lind" for _, s in _speakers(text))


def test_a_capitalised_place_with_its_agency_opening_the_sentence_is_a_dateline() -> None:
    text = ("Port Kester (AP) – Mila Arden toured the pier, thanking the crew and saying the "
            "cranes were unsafe.")
    assert ("the cranes were unsafe", "Mila Arden") in _speakers(text)
