"""A quotation right after a name and a colon, with no cue verb (``HEADLINE - Ana Ruiz:
“…”``, ``It does not surprise pollster Teo Lind: “…”``), is that name's."""

from __future__ import annotations

import quoteattr

HEAD = "Harbour Works\n\n"


def _speaker(text: str, part: str) -> str | None:
    q = next(q for q in quoteattr.extract(HEAD + text) if part in q.text)
    return q.speaker.name if q.speaker else None


def test_a_name_after_a_dash_in_a_capitalised_summary_speaks() -> None:
    text = ("FERRY FARES CLIMB AGAIN - Ana Ruiz: “Fares have risen three times this year and "
            "riders are tired of it.”")
    assert _speaker(text, "Fares have risen") == "Ana Ruiz"


def test_a_described_name_closing_a_clause_before_the_colon_speaks() -> None:
    text = ("The delay does not surprise harbour pilot Teo Lind: “Every winter the channel "
            "silts up and every spring we wait.”")
    assert _speaker(text, "Every winter") == "Teo Lind"


def test_a_place_after_a_preposition_before_the_colon_does_not_speak() -> None:
    text = ("The crews sailed back to Kesterwick: “Every winter the channel silts up and "
            "every spring we wait.”")
    assert _speaker(text, "Every winter") is None


def test_the_rule_switched_off_leaves_the_quotation_without_the_name() -> None:
    text = ("FERRY FARES CLIMB AGAIN - Ana Ruiz: “Fares have risen three times this year and "
            "riders are tired of it.”")
    qs = quoteattr.extract(HEAD + text, disabled_rules={"name-colon"})
    q = next(q for q in qs if "Fares have risen" in q.text)
    assert q.speaker is None or q.speaker.name != "Ana Ruiz"
