"""Reported content linked to its cue by a description's ``as``, a wh-word or a topic
preposition (issue #16): the content is taken, with the rule that took it in the trail."""

from __future__ import annotations

from helpers import by_text, texts

from quoteattr import QuoteKind

TITLE = "Harbour talks resume\n\n"


def _rules(text: str, word: str) -> list[str]:
    return [s.rule for s in by_text(text, word).provenance.trail]


def test_described_object_as_predicate_without_quotation_is_indirect_content() -> None:
    text = TITLE + "Mayor Dana Whitfield described the new levy as a burden on the ferry crews."
    q = by_text(text, "burden")
    assert q.text == "the new levy as a burden on the ferry crews"
    assert q.kind is QuoteKind.INDIRECT
    assert q.speaker_name == "Dana Whitfield"
    assert "as-predicate-object" in _rules(text, "burden")


def test_described_reflexive_object_as_predicate_is_content() -> None:
    text = TITLE + "Sen. Ruth Okafor has described herself as a friend of the harbour pilots."
    assert by_text(text, "friend").text == "herself as a friend of the harbour pilots"


def test_as_predicate_with_a_quotation_stays_mixed() -> None:
    text = TITLE + "Mayor Dana Whitfield described the new levy as “a burden on every crew.”"
    q = by_text(text, "levy")
    assert q.kind is QuoteKind.MIXED
    assert "as-predicate-object" not in _rules(text, "levy")


def test_as_predicate_switched_off_reports_nothing() -> None:
    text = TITLE + "Mayor Dana Whitfield described the new levy as a burden on the ferry crews."
    assert not any("burden" in t for t in texts(text, disabled_rules={"as-predicate-object"}))
