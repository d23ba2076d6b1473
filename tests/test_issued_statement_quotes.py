"""A quotation with no cue in a sentence whose subject issued a statement, memo or letter
before it (``Ruiz issued a statement saying the pier was “…”``) is that subject's."""

from __future__ import annotations

import quoteattr

HEAD = "Harbour Works\n\nMayor Ana Ruiz met the board on Monday.\n"


def _quote(text: str, part: str, off: frozenset[str] = frozenset()) -> quoteattr.Quote:
    return next(q for q in quoteattr.extract(HEAD + text, disabled_rules=set(off))
                if part in q.text)


def _name(q: quoteattr.Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_a_fragment_after_issued_a_statement_saying_is_the_issuer_s() -> None:
    text = ("On Saturday, Teo Lind issued a statement saying the pier was “a disgrace to the "
            "whole town and its people.”")
    q = _quote(text, "a disgrace to the whole town")
    assert _name(q) == "Teo Lind"
    assert "issued-statement" in [s.rule for s in q.provenance.trail]


def test_a_quotation_after_a_comma_and_an_opening_adverbial_is_the_issuer_s() -> None:
    text = ("Immediately after the storm, Teo Lind issued a statement, “Last night, our town "
            "was hit by the worst storm in its history.”")
    assert _name(_quote(text, "Last night, our town")) == "Teo Lind"


def test_a_role_that_released_a_statement_is_resolved_to_its_holder() -> None:
    text = ("In Kesterwick, the mayor released a statement late on Thursday denouncing “what "
            "looks like a deliberate attack on the port.”")
    assert _name(_quote(text, "deliberate attack")) == "Ana Ruiz"


def test_someone_reading_another_s_statement_is_not_its_speaker() -> None:
    text = ("On Saturday, Teo Lind read a statement from the union saying the pier was “a "
            "disgrace to the whole town and its people.”")
    assert _name(_quote(text, "a disgrace to the whole town")) is None


def test_without_the_rule_the_fragment_has_no_speaker() -> None:
    text = ("On Saturday, Teo Lind issued a statement saying the pier was “a disgrace to the "
            "whole town and its people.”")
    off = frozenset({"issued-statement"})
    assert _name(_quote(text, "a disgrace to the whole town", off)) is None
