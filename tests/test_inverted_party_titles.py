"""After an inverted cue, a party or nationality word inside an unlisted title before a
name (``said undecided Labour voter Ana Hale``) belongs to the title: the person speaks."""

from __future__ import annotations

import quoteattr

HEAD = "Harbour Works\n\nThe board met on Monday.\n"


def _speaker(text: str, part: str, off: frozenset[str] = frozenset()) -> str | None:
    q = next(q for q in quoteattr.extract(HEAD + text, disabled_rules=set(off))
             if part in q.text)
    return q.speaker.name if q.speaker else None


def test_a_party_word_inside_the_title_keeps_the_name_for_the_next_quotation_too() -> None:
    text = "“The port is finished,” said undecided Labour voter Ana Hale. “It peaked too soon.”"
    assert _speaker(text, "The port is finished") == "Ana Hale"
    assert _speaker(text, "It peaked too soon") == "Ana Hale"


def test_a_party_word_inside_a_title_before_a_place_keeps_the_name() -> None:
    text = "“The port is finished,” said undecided Labour voter Ana Hale of Kesterwick."
    assert _speaker(text, "The port is finished") == "Ana Hale"


def test_without_the_rule_the_party_word_hides_the_name() -> None:
    text = "“The port is finished,” said undecided Labour voter Ana Hale."
    assert _speaker(text, "The port is finished", frozenset({"party-descriptor"})) is None
