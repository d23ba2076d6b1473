"""The rule registry: declared order, switching rules off, and the trail on every quote."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from quoteattr import SCHEMA_VERSION, extract, rules
from quoteattr.output import to_csv, to_jsonl
from quoteattr.rules import Rule
from quoteattr.speaker_sieve import ORDER

ARTICLE = ("Harbour Works Resume\n\n"
           "Mila Arden said the shift was cut. “Nobody told us,” she said.\n")


def test_speaker_sieve_order_is_one_declared_list() -> None:
    assert ORDER == rules.sieve_order("speaker")
    assert ORDER.index("unnamed-antecedent") < ORDER.index("pronoun")
    assert ORDER.index("main-speaker-role") < ORDER.index("last-speaker-role")


def test_a_rule_name_can_be_registered_only_once() -> None:
    with pytest.raises(ValueError, match="pronoun"):
        rules.register(Rule("pronoun", "speaker", "again"))


def test_unknown_rule_names_raise_naming_the_known_ones() -> None:
    with pytest.raises(KeyError, match="named-cue"):
        extract(ARTICLE, disabled_rules={"no-such-rule"})


def test_disabled_rules_must_be_a_collection_not_a_string() -> None:
    with pytest.raises(TypeError, match="collection"):
        extract(ARTICLE, disabled_rules="pronoun")


def _speaker_rule(article: str = ARTICLE, **options: Any) -> str | None:
    return extract(article, **options)[1].provenance.attributor


def test_disabling_a_rule_per_call_leaves_other_calls_alone() -> None:
    # with ``pronoun`` off, ``“…,” she said`` falls to the quotation's paragraph speaker
    assert _speaker_rule(disabled_rules={"pronoun"}) == "same-paragraph"
    assert _speaker_rule() == "pronoun"


def test_disabling_a_rule_per_process_until_enabled_again() -> None:
    rules.disable("pronoun")
    try:
        assert _speaker_rule() == "same-paragraph"
    finally:
        rules.enable("pronoun")
    assert _speaker_rule() == "pronoun"


def test_every_quote_has_a_trail_of_sieve_steps_in_order() -> None:
    q = extract(ARTICLE)[1]
    steps = [(s.sieve, s.rule) for s in q.provenance.trail]
    assert steps == [("quotation-marks", "paired-marks"), ("cue", "cue-verb"),
                     ("subject", "subject-left"), ("speaker", "pronoun"),
                     ("detector", "quote-then-cue")]
    marks_step, speaker_step = q.provenance.trail[0], q.provenance.trail[3]
    assert ARTICLE[marks_step.start:marks_step.end] == "“" + q.text + "”"
    assert ARTICLE[speaker_step.start:speaker_step.end] == "she"


def test_trail_steps_record_the_span_each_rule_looked_at() -> None:
    for q in extract(ARTICLE):
        for step in q.provenance.trail:
            assert 0 <= step.start <= step.end <= len(ARTICLE)
        assert q.provenance.trail[-1].start == q.start


def test_the_trail_goes_into_json_and_csv_records() -> None:
    rec = json.loads(to_jsonl(extract(ARTICLE)).splitlines()[1])
    assert [s["rule"] for s in rec["trail"]][-2:] == ["pronoun", "quote-then-cue"]
    row = list(csv.DictReader(io.StringIO(to_csv(extract(ARTICLE)))))[1]
    assert "speaker:pronoun@" in row["trail"]


def test_schema_version_is_bumped_for_the_added_trail() -> None:
    major, minor = (int(p) for p in SCHEMA_VERSION.split("."))
    assert major == 1 and minor >= 1  # 1.1 added the trail


def test_heuristics_doc_rule_tables_match_the_registry() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "docs" / "heuristics.md"
    doc = path.read_text(encoding="utf-8")
    for sieve in ("cue", "subject", "subject-refinement", "attribution", "direct-quote",
                  "entity-learning", "speaker", "boundary"):
        assert f"<!-- rules:{sieve} -->" in doc
    assert rules.render_docs(doc) == doc, "run: python -m quoteattr.rules docs/heuristics.md"


def test_subject_sieve_order_is_one_declared_list() -> None:
    from quoteattr.cues import SUBJECT_ORDER

    assert SUBJECT_ORDER == rules.sieve_order("subject")
    assert SUBJECT_ORDER[0] == "subject-according-to" and SUBJECT_ORDER[-1] == "subject-inverted"
