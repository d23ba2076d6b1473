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


def test_wh_word_after_recalled_opens_the_content() -> None:
    text = TITLE + "Mayor Dana Whitfield recalled how the old quay flooded every winter."
    q = by_text(text, "quay")
    assert q.text == "how the old quay flooded every winter"
    assert q.speaker_name == "Dana Whitfield"
    assert "wh-clause-content" in _rules(text, "quay")


def test_wh_word_after_talked_about_opens_the_content() -> None:
    text = TITLE + "Sen. Ruth Okafor talked about why the ferry crews had walked out."
    assert by_text(text, "crews").text == "why the ferry crews had walked out"


def test_wh_word_after_said_is_not_taken() -> None:
    text = TITLE + "Sen. Ruth Okafor said what the ferry crews wanted."
    assert not any("crews" in t for t in texts(text))


def test_asked_how_is_a_question_not_a_wh_clause_link() -> None:
    text = TITLE + "Sen. Ruth Okafor asked how the ferry crews would be paid."
    assert "wh-clause-content" not in _rules(text, "crews")


def test_topic_after_joked_about_is_the_content() -> None:
    text = TITLE + "Mayor Dana Whitfield joked about the slow ferry to the island."
    q = by_text(text, "ferry")
    assert q.text == "the slow ferry to the island"
    assert q.speaker_name == "Dana Whitfield"
    assert "topic-object" in _rules(text, "ferry")


def test_topic_after_bragged_about_is_the_content() -> None:
    text = TITLE + "Sen. Ruth Okafor bragged about her long record on harbour safety."
    assert by_text(text, "record").text == "her long record on harbour safety"


def test_topic_object_switched_off_reports_nothing() -> None:
    text = TITLE + "Mayor Dana Whitfield joked about the slow ferry to the island."
    assert not any("ferry" in t for t in texts(text, disabled_rules={"topic-object"}))


def test_two_word_predicate_after_an_aside_cue_is_reported_with_its_lead() -> None:
    text = TITLE + "This new levy, Mayor Dana Whitfield says, is unfair."
    assert "is unfair" in texts(text)
    assert "This new levy" in texts(text)
    assert "short-predicate" in _rules(text, "unfair")


def test_two_words_after_an_aside_cue_without_a_finite_verb_are_not_reported() -> None:
    text = TITLE + "This new levy, Mayor Dana Whitfield says, seems unfair."
    assert "seems unfair" not in texts(text)
