"""A place or group named inside a subject's appositions (``Ned Vale, an aide at the office
in Kesterwick, which …, said``) is no speaker: the name opening the clause is."""

from __future__ import annotations

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in quoteattr.extract(text)]


def test_a_town_before_a_relative_clause_in_the_appositions_is_not_the_speaker() -> None:
    text = ("Ned Vale, an aide at the housing office in Kesterwick, which has a long backlog, "
            "said the repairs would wait.")
    assert ("the repairs would wait", "Ned Vale") in _speakers(text)


def test_a_capital_apposed_inside_a_relative_clause_is_not_the_speaker() -> None:
    text = ("Lia Moss, who lives in a village outside the county town, Hollin, said the bus "
            "was late.")
    assert ("the bus was late", "Lia Moss") in _speakers(text)


def test_the_trail_names_the_rule_that_took_the_opening_name() -> None:
    text = ("Ned Vale, an aide at the housing office in Kesterwick, which has a long backlog, "
            "said the repairs would wait.")
    q = next(q for q in quoteattr.extract(text) if q.text == "the repairs would wait")
    assert "clause-opening-name" in [s.rule for s in q.provenance.trail]


def test_a_name_apposed_to_an_opening_adverb_keeps_the_name() -> None:
    text = "Similarly, Ned Vale, an aide to the mayor, said the repairs would wait."
    assert ("the repairs would wait", "Ned Vale") in _speakers(text)


def test_the_rule_switched_off_gives_the_town_back() -> None:
    text = ("Ned Vale, an aide at the housing office in Kesterwick, which has a long backlog, "
            "said the repairs would wait.")
    qs = quoteattr.extract(text, disabled_rules={"clause-opening-name"})
    assert ("the repairs would wait", "Ned Vale") not in [
        (q.text, q.speaker.name if q.speaker else None) for q in qs]


def test_a_role_followed_by_known_as_and_a_name_is_that_name() -> None:
    text = "“The pier is safe,” said the harbour chief known as Teo, speaking at the dock."
    assert ("The pier is safe,", "Teo") in _speakers(text)
    text = "“The pier is safe,” said an engineer named Mila Arden."
    assert ("The pier is safe,", "Mila Arden") in _speakers(text)


def test_a_role_without_a_name_after_it_stays_the_speaker() -> None:
    text = "“The pier is safe,” said the harbour chief, speaking at the dock."
    assert ("The pier is safe,", "the harbour chief") in _speakers(text)
