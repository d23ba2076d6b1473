"""The stages after tokenisation: entity learning and the direct-quote sieve, as declared
sieves in their own modules (the pipeline only calls them)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quoteattr import direct_quotes, entity_learning, extract, rules
from quoteattr.rules import Rule

HEADLINE = "Harbour Works Resume\n\n"
PACKAGE = Path(__file__).resolve().parents[1] / "quoteattr"


def test_direct_quote_sieve_order_is_one_declared_list() -> None:
    order = direct_quotes.ORDER
    assert order == rules.sieve_order("direct-quote")
    # whole paragraphs, then each quotation, then what the paragraph leads in to
    assert order.index("transcript-line") < order.index("transcript") < order.index(
        "same-paragraph") < order.index("continuation") < order.index("unattributed")
    assert order.index("unattributed") < order.index("named-lead-in") < order.index(
        "statement-lead-in") < order.index("colon-lead-in")


def test_entity_learning_order_is_one_declared_list() -> None:
    assert entity_learning.ORDER == rules.sieve_order("entity-learning")
    assert entity_learning.ORDER.index("clause-subject") < entity_learning.ORDER.index(
        "apposed-subject")
    assert all(r.by_effect for r in rules.rules("entity-learning"))


def _trail_visible(sieve: str) -> list[Rule]:
    return [r for r in rules.rules(sieve) if not (r.by_effect or r.vetoes)]


@pytest.mark.parametrize("r", _trail_visible("direct-quote"), ids=lambda r: r.name)
def test_switching_a_direct_quote_rule_off_keeps_it_out_of_every_trail(r: Rule) -> None:
    text = HEADLINE + r.examples[0].text
    for q in extract(text, disabled_rules={r.name}):
        assert r.name not in [s.rule for s in q.provenance.trail]


def test_an_entity_learning_rule_switched_off_per_call_leaves_other_calls_alone() -> None:
    text = HEADLINE + ("Rainer Oostveld, the harbour commissioner, toured the pier on Monday. "
                       "“It is safe,” the commissioner said.")
    assert extract(text, disabled_rules={"apposed-role"})[0].speaker_name == "the commissioner"
    assert extract(text)[0].speaker_name == "Rainer Oostveld"


def test_a_reproduced_statement_ends_at_its_sign_off_line() -> None:
    text = HEADLINE + ("Harbour chief Ana Ruiz told staff in a memo that the pier would "
                       "close.\n\nRead the full memo:\n\nWe have worked hard and I am proud "
                       "of you.\n\nIlse (yours)\n\nI will be at the pier on Monday.")
    found = [(q.text, q.speaker_name) for q in extract(text) if q.provenance.detector == "lead-in"]
    assert found == [("We have worked hard and I am proud of you.", "Ana Ruiz")]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", ["paragraphs", "entity_learning", "transcripts",
                                    "direct_quotes"])
def test_the_stages_after_the_paragraphs_never_import_the_pipeline(module: str) -> None:
    assert "pipeline" not in _imports(PACKAGE / f"{module}.py")


def test_the_pipeline_holds_no_stage_logic_of_its_own() -> None:
    source = (PACKAGE / "pipeline.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert functions == {"analyze", "_analyze", "_analyze_view", "_found", "_entity_index",
                         "extract"}
    assert not [n for n in tree.body if isinstance(n, ast.ClassDef)]
    assert len(source.splitlines()) <= 150


def test_a_quote_only_paragraph_after_a_sentence_about_a_person_is_that_persons() -> None:
    text = HEADLINE + ("Harbour chief Ana Ruiz met the crews on Monday.\n\nRuiz was upbeat "
                       "about the repairs and the new cranes.\n\n“The pier will reopen in "
                       "May, whatever the board says.”")
    (q,) = extract(text)
    assert (q.speaker_name, q.provenance.detector) == ("Ana Ruiz", "narrated-beat")


def test_a_quote_only_paragraph_after_narration_about_no_person_has_no_speaker() -> None:
    text = HEADLINE + ("Harbour chief Ana Ruiz met the crews on Monday.\n\nThe rain kept "
                       "falling on the quay all day.\n\n“The pier will reopen in May, "
                       "whatever the board says.”")
    (q,) = extract(text)
    assert q.speaker_name is None



def test_a_manner_verb_after_a_quotation_names_its_speaker() -> None:
    text = HEADLINE + "“The pier will reopen in May, whatever the board says,” Ana Ruiz sighed."
    (q,) = extract(text)
    assert (q.speaker_name, q.provenance.detector) == ("Ana Ruiz", "manner-verb")


def test_an_inverted_manner_verb_after_a_quotation_names_its_speaker() -> None:
    text = HEADLINE + ("Harbour chief Ana Ruiz met the crews.\n\n“Nobody ever reads the "
                       "board's minutes anyway,” scoffed Teo Lind, a docker.")
    assert [q.speaker_name for q in extract(text)] == ["Teo Lind"]


def test_a_label_followed_only_by_a_number_is_a_tally_not_an_answer() -> None:
    text = HEADLINE + ("Harbour chief Dana Brook met the crews on Monday.\n\nDana Brook: "
                       "1,204.\n\nTeo Lind: 988.")
    assert extract(text) == []
