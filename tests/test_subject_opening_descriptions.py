"""A description opening the sentence before a name (``A former pilot, Ruiz closed the pier,
saying …``): the name is the sentence's subject, not the description."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quoteattr.extract(text)]


def test_a_participle_takes_the_name_after_an_opening_description() -> None:
    text = "A former harbour pilot, Mila Arden closed the pier, saying the cranes were unsafe."
    assert ("the cranes were unsafe", "Mila Arden") in _speakers(text)


def test_a_coordinated_cue_takes_the_name_not_the_description() -> None:
    text = ("A longtime ally of the mayor, Teo Lind toured the pier and said the cranes were "
            "unsafe.")
    assert ("the cranes were unsafe", "Teo Lind") in _speakers(text)


def test_an_opening_time_adjunct_is_no_description() -> None:
    text = "A month later, Mila Arden closed the pier, saying the cranes were unsafe."
    quotes = quoteattr.extract(text)
    assert all("subject-opening-apposed" not in [s.rule for s in q.trail] for q in quotes)
