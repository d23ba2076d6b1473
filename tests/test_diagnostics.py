"""Per-rule figures (``evaluate(by_rule=True)``, ``quoteattr eval --by-rule``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr.cli import main
from quoteattr.diagnostics import miss_cue, rule_report
from quoteattr.evaluation import evaluate, score

DOC = "story.txt"
TEXT = ("Harbour fees will rise in May, the port authority said on Monday. "
        "“We have no choice,” said Ines Barrow, its chair. "
        "Traders warned that the rise would hurt small boats.")


def rec(text: str, *, kind: str = "indirect", speaker: str | None = "Ines Barrow",
        **extra: Any) -> dict[str, Any]:
    start = TEXT.index(text)
    return {"doc": DOC, "kind": kind, "text": text, "start": start, "end": start + len(text),
            "speaker": speaker, **extra}


def _by_name(report: Any) -> dict[tuple[str, str], Any]:
    return {(r.field, r.name): r for r in report.rules}


def test_each_rule_gets_its_predictions_precision_strict_and_speaker_rates() -> None:
    gold = [rec("Harbour fees will rise in May", speaker="the port authority",
                speaker_type="organization"),
            rec("We have no choice,", kind="direct")]
    pred = [rec("Harbour fees will rise", speaker="port authority", rule="content-then-cue",
                speaker_rule="organization"),
            rec("We have no choice,", kind="direct", rule="cue-then-quote",
                speaker_rule="named-cue"),
            rec("small boats", rule="content-then-cue", speaker_rule="named-cue")]
    s = score(gold, pred)
    rules = _by_name(rule_report(s.pairs, s.false_positives, s.misses, {DOC: TEXT}))
    before = rules[("rule", "content-then-cue")]
    assert (before.predictions, before.correct, before.precision) == (2, 1, 0.5)
    assert before.strict == 0.0 and before.speaker == 1.0
    quote = rules[("rule", "cue-then-quote")]
    assert (quote.precision, quote.strict, quote.speaker) == (1.0, 1.0, 1.0)
    assert rules[("speaker_rule", "named-cue")].predictions == 2


def test_a_prediction_matching_optional_gold_is_left_out_of_precision() -> None:
    gold = [rec("Traders warned that the rise would hurt small boats", optional=True)]
    pred = [rec("the rise would hurt small boats", rule="cue-then-content")]
    s = score(gold, pred)
    (only,) = rule_report(s.pairs, s.false_positives, s.misses).rules[:1]
    assert (only.predictions, only.optional, only.precision) == (1, 1, None)


def test_speaker_rate_leaves_out_gold_without_a_resolvable_speaker() -> None:
    gold = [rec("We have no choice,", kind="direct", speaker="she", speaker_check=False)]
    pred = [rec("We have no choice,", kind="direct", speaker="Ola Finn", rule="cue-then-quote")]
    s = score(gold, pred)
    assert rule_report(s.pairs, s.false_positives, s.misses).rules[0].speaker is None


def test_trail_names_are_counted_as_rules_of_their_own() -> None:
    pred = [rec("small boats", rule="cue-then-content", trail=[{"rule": "adjunct-end"}])]
    s = score([rec("small boats")], pred)
    rules = _by_name(rule_report(s.pairs, s.false_positives, s.misses))
    assert rules[("trail", "adjunct-end")].precision == 1.0


def test_misses_are_grouped_by_the_gold_cue_lemma() -> None:
    assert miss_cue({"cue": "warned"}, None) == "warn"
    assert miss_cue({"cue": "has repeatedly said"}, None) == "say"


def test_a_miss_whose_cue_is_not_in_the_lexicon_is_marked() -> None:
    assert miss_cue({"cue": "grumbled"}, None) == "grumbled ?"


def test_a_miss_without_a_cue_field_takes_the_nearest_cue_word_in_the_text() -> None:
    miss = rec("the rise would hurt small boats")
    del miss["speaker"]
    assert miss_cue(miss, TEXT) == "warn"
    assert miss_cue(miss, None) == "(none)"


def test_a_miss_with_no_cue_word_nearby_is_grouped_under_none() -> None:
    text = "Fees rise. " + "Boats wait in the rain. " * 8
    assert miss_cue({"start": 0, "end": 9, "text": "Fees rise"}, text) == "(none)"


def test_evaluate_by_rule_leaves_the_reference_figures_alone(tmp_path: Path) -> None:
    (tmp_path / DOC).write_text(TEXT, encoding="utf-8")
    gold = [rec("Harbour fees will rise in May")]
    pred = [rec("Harbour fees will rise in May", rule="content-then-cue")]
    plain = evaluate(gold, tmp_path, pred).to_dict()
    detailed = evaluate(gold, tmp_path, pred, by_rule=True).to_dict()
    assert "by_rule" not in plain
    assert detailed.pop("by_rule")["rules"][0]["name"] == "content-then-cue"
    assert detailed == plain


def test_cli_eval_by_rule_prints_the_rule_table_and_json(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    (tmp_path / DOC).write_text(TEXT, encoding="utf-8")
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(rec("Harbour fees will rise in May")) + "\n", encoding="utf-8")
    pred.write_text(json.dumps(rec("Harbour fees will rise in May", rule="content-then-cue",
                                   speaker_rule="named-cue")) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), "--docs", str(tmp_path), "--pred", str(pred),
                 "--by-rule"]) == 0
    out = capsys.readouterr().out
    assert "rule:content-then-cue" in out and "speaker_rule:named-cue" in out
    assert main(["eval", str(gold), "--docs", str(tmp_path), "--pred", str(pred), "--by-rule",
                 "--json"]) == 0
    figures = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert figures["by_rule"]["rules"][0]["precision"] == 1.0
