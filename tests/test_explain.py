"""``quoteattr.explain`` and ``quoteattr explain``: each quote's decisions in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.explanation import explain

ARTICLE = ("Harbour Works Resume\n\n"
           "Mila Arden said the shift was cut. “Nobody told us,” she said.\n\n"
           "“We will be back.”\n")


def test_explain_names_segment_marks_cue_subject_speaker_rule_and_entity() -> None:
    second = str(explain(ARTICLE)[1])
    assert second.startswith("Quote 2: direct")
    assert "paragraph 2 (body), quotation marks “ at" in second
    assert "cue: “said”" in second and "subject: “she”" in second
    assert "speaker: rule pronoun" in second and "→ Mila Arden (person)" in second
    assert "detector: rule quote-then-cue" in second


def test_explain_follows_the_quotes_of_extract_one_to_one() -> None:
    found = explain(ARTICLE)
    assert [e.number for e in found] == [1, 2, 3]
    assert [e.quote.text for e in found] == ["the shift was cut", "Nobody told us,",
                                             "We will be back."]


def test_explain_says_when_no_rule_found_a_speaker() -> None:
    lone = explain("Harbour Works Resume\n\n“We will be back, whatever the council decides "
                   "about the harbour.”\n")
    assert "speaker: no rule decided → nobody" in str(lone[0])


def test_explain_takes_the_extract_options() -> None:
    off = str(explain(ARTICLE, disabled_rules={"pronoun"})[1])
    assert "rule pronoun" not in off and "rule same-paragraph" in off


def test_cli_explain_prints_one_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["explain", str(path), "--quote", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Quote 2:") and "Quote 1:" not in out


def test_cli_explain_quote_out_of_range_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["explain", str(path), "--quote", "9"]) == 2
    assert "has 3 quote(s)" in capsys.readouterr().err


def test_cli_disable_rules_rejects_unknown_names(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--disable-rules", "no-such-rule", "x.txt"])
    assert exit_.value.code == 2 and "no-such-rule" in capsys.readouterr().err


FURNISHED = ("Pier Reopens\n\nBy Lena Holt and Tomas Brevik\n\n"
             "“We are back,” said Ana Ruiz.\n\nSign up for the Harbour Gazette morning briefing\n")


def test_explain_furniture_names_each_dropped_paragraph_its_rule_and_offsets() -> None:
    from quoteattr.explanation import explain_furniture

    dropped = explain_furniture(FURNISHED)
    assert [(d.number, d.rule) for d in dropped] == [(2, "byline"), (4, "call-to-action")]
    assert all(FURNISHED[d.start:d.end] == d.text for d in dropped)
    assert [d.rule for d in explain_furniture(FURNISHED, disabled_rules={"byline"})] == [
        "call-to-action"]


def test_cli_explain_furniture_lists_the_dropped_paragraphs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt"
    path.write_text(FURNISHED, encoding="utf-8")
    assert main(["explain", str(path), "--furniture"]) == 0
    assert capsys.readouterr().out == (
        "paragraph 2, characters 14-43, rule byline: “By Lena Holt and Tomas Brevik”\n"
        "paragraph 4, characters 76-124, rule call-to-action: “Sign up for the Harbour Gazette "
        "morning briefing”\n")
    path.write_text("Pier Reopens\n\nThe pier reopened, the board said.\n", encoding="utf-8")
    assert main(["explain", str(path), "--furniture"]) == 0
    assert capsys.readouterr().out == "(no furniture)\n"
