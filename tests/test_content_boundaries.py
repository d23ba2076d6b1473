"""Where reported content starts and ends (issue #16): the edges PolNeAR's gold draws, on
invented articles."""

from __future__ import annotations

from helpers import quotes

from quoteattr import QuoteKind

TITLE = "Harbour talks resume\n\n"


def _only(text: str) -> tuple[QuoteKind, str]:
    [q] = quotes(TITLE + text)
    return q.kind, q.text


def test_labelling_participle_takes_its_object_into_a_mixed_quote() -> None:
    assert _only("Mayor Dana Whitfield went after the levy, calling it a “reckless grab.”") == (
        QuoteKind.MIXED, "it a “reckless grab.”")


def test_labelling_verb_with_a_name_object_is_mixed_content() -> None:
    assert _only("Sen. Ruth Okafor called Whitfield “reckless.”") == (
        QuoteKind.MIXED, "Whitfield “reckless.”")


def test_reflexive_object_of_a_description_verb_is_mixed_content() -> None:
    assert _only("Sen. Ruth Okafor describes herself as a “harbour hawk” in every speech.") == (
        QuoteKind.MIXED, "herself as a “harbour hawk”")


def test_label_goes_on_with_what_qualifies_it() -> None:
    [q] = quotes(TITLE + "Sen. Ruth Okafor called the levy “a mistake” because few ferries "
                 "use the pier.")
    assert q.text == "the levy “a mistake” because few ferries use the pier"
    assert "label-tail" in [s.rule for s in q.provenance.trail if s.sieve == "boundary"]


def test_a_second_quoted_label_joins_the_first() -> None:
    assert _only("Sen. Ruth Okafor called the levy “reckless” and “rushed” at the hearing.")[1] == (
        "the levy “reckless” and “rushed” at the hearing")


def test_label_stops_before_a_time_adjunct() -> None:
    assert _only("Sen. Ruth Okafor called the levy “a mistake” on Monday.")[1] == (
        "the levy “a mistake”")
