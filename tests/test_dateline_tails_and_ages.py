"""A wire dateline with a region or a date (``KESTERWICK, Md. -``, ``KESTERWICK, Aug 31
(Reuters) -``) is no subject, and an age before a name after a fronted phrase
(``In Alder, Kestershire, 62-year-old Mila Arden …``) does not hide the name."""

from __future__ import annotations

import quoteattr

HEAD = "Harbour Works\n\n"


def _speaker(text: str, part: str, off: frozenset[str] = frozenset()) -> str | None:
    q = next(q for q in quoteattr.extract(HEAD + text, disabled_rules=set(off))
             if part in q.text)
    return q.speaker.name if q.speaker else None


def test_a_dateline_with_a_date_and_an_agency_is_skipped() -> None:
    text = ("KESTERWICK, Aug 31 (Reuters) - Mila Arden closed the pier, saying the cranes "
            "were unsafe.")
    assert _speaker(text, "the cranes were unsafe") == "Mila Arden"


def test_a_dateline_with_a_state_abbreviation_before_a_fronted_phrase_is_skipped() -> None:
    text = ("KESTERWICK, Md. - Inspecting the docks, Mila Arden closed the pier and said the "
            "cranes were unsafe.")
    assert _speaker(text, "cranes were unsafe") == "Mila Arden"


def test_the_dateline_rule_takes_a_region_and_an_agency_before_the_speaker_rules() -> None:
    text = "BRILL, Kessex (Wire) – Teo Lind toured the pier, saying the ferry was late."
    q = next(q for q in quoteattr.extract(HEAD + text) if "the ferry was late" in q.text)
    assert q.speaker is not None and q.speaker.name == "Teo Lind"
    assert "subject-after-opener" not in [s.rule for s in q.provenance.trail]


def test_an_age_before_the_name_after_a_fronted_place_is_skipped() -> None:
    text = ("At a rally in Alder, Kestershire, 62-year-old Mila Arden railed against the fees "
            "and said they were unfair.")
    assert _speaker(text, "they were unfair") == "Mila Arden"
    assert _speaker(text, "they were unfair", frozenset({"age-before-name"})) != "Mila Arden"
