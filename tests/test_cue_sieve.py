"""The cue sieve (``cues.CUE_ORDER``), its vetoes, and the modules split out of ``cues.py``."""

from __future__ import annotations

import pytest

from quoteattr import cues, extract, phrases, rules, subjects
from quoteattr.rules import Rule

HEADLINE = "Harbour Works Resume\n\n"


def test_cue_order_is_the_registered_order_of_the_cue_sieve() -> None:
    assert cues.CUE_ORDER == rules.sieve_order("cue")
    assert cues.CUE_ORDER == ("according-to", "light-verb", "introducing-phrasal", "cue-verb",
                              "participle")


@pytest.mark.parametrize("r", rules.rules("cue"), ids=lambda r: r.name)
def test_switching_a_cue_rule_off_stops_it_deciding_its_example(r: Rule) -> None:
    ex = r.examples[0]
    quotes = extract(HEADLINE + ex.text, disabled_rules={r.name})
    assert all(r.name not in [s.rule for s in q.provenance.trail] for q in quotes)


def test_without_the_cue_verb_rule_said_is_no_cue() -> None:
    text = HEADLINE + "Mila Arden said the pier would reopen in May."
    assert [q.text for q in extract(text)] == ["the pier would reopen in May"]
    assert extract(text, disabled_rules={"cue-verb"}) == []


def test_every_cue_rule_in_a_fixture_trail_is_a_registered_cue_rule() -> None:
    from fixtures import load_articles

    declared = set(rules.sieve_order("cue"))
    for text in load_articles().values():
        for q in extract(text):
            for step in q.provenance.trail:
                if step.sieve == "cue":
                    assert step.rule in declared, step


def test_cue_vetoes_are_declared_as_vetoes() -> None:
    vetoes = rules.rules("cue-veto")
    assert {r.name for r in vetoes} == {"capitalised-cue", "cue-noun-use", "passive-cue",
                                        "introducing-needs-quote", "phrasal-particle",
                                        "description-needs-object"}
    assert all(r.vetoes for r in vetoes)


def test_old_names_of_cues_are_the_phrase_grammar_and_subject_sieve_ones() -> None:
    assert cues.sentence_start is phrases.sentence_start
    assert cues.is_boundary is phrases.is_boundary
    assert cues.subject_phrase_start is subjects.subject_phrase_start
    assert cues.SUBJECT_ORDER is subjects.SUBJECT_ORDER
