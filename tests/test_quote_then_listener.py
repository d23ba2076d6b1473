"""A closed quotation opening its sentence is the speaker's of a verb of telling after it
when only a listener follows the verb (``“Who knows?” Lind told KTV radio in an
interview.``); a verb that reports words of its own does not take it."""

from __future__ import annotations

import quoteattr

HEAD = "Harbour Works\n\nThe board met on Monday.\n"


def _quote(text: str, part: str, off: frozenset[str] = frozenset()) -> quoteattr.Quote:
    return next(q for q in quoteattr.extract(HEAD + text, disabled_rules=set(off))
                if part in q.text)


def test_a_question_before_told_and_its_listener_is_the_teller_s() -> None:
    text = ("“We are not going to get along, who knows?” Teo Lind told Kester’s KTV radio "
            "station in an interview aired on Monday.")
    q = _quote(text, "We are not going to get along")
    assert q.speaker is not None and q.speaker.name == "Teo Lind"
    assert "quote-then-listener" in [s.rule for s in q.provenance.trail]


def test_a_teller_with_words_of_their_own_does_not_take_a_closed_quotation() -> None:
    text = "“We are not going to get along.” Teo Lind told Kester Radio the port would close."
    assert _quote(text, "We are not going to get along").speaker is None


def test_without_the_rule_the_question_has_no_speaker() -> None:
    text = ("“We are not going to get along, who knows?” Teo Lind told Kester’s KTV radio "
            "station in an interview aired on Monday.")
    q = _quote(text, "We are not going to get along", frozenset({"quote-then-listener"}))
    assert q.speaker is None
