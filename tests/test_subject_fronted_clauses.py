"""A subordinate clause fronting the sentence (``After Lind spoke, Ruiz left, saying …``) is
skipped with any cue in it: the sentence's subject follows the clause's comma."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quoteattr.extract(text)]


def test_a_participle_skips_the_speaker_of_a_fronted_clause() -> None:
    text = ("After Teo Lind said the pier was safe, Mila Arden closed it, warning that the "
            "cranes were rusted.")
    assert ("the cranes were rusted", "Mila Arden") in _speakers(text)


def test_a_fronted_clause_with_a_name_in_it_is_not_the_subject() -> None:
    text = ("Although Teo Lind had approved the plan, Mila Arden voted against it, arguing "
            "that the fees were too high.")
    assert ("the fees were too high", "Mila Arden") in _speakers(text)


def test_a_subordinator_before_a_preposition_opens_no_clause() -> None:
    text = "Once in a while, Mila Arden walked the pier, saying it calmed her."
    assert ("it calmed her", "Mila Arden") in _speakers(text)
