"""The attribution sieve (quoteattr/attribution.py): declared order, switching rules off, and
its word lists as live lexicon data."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quoteattr import extract, rules
from quoteattr.attribution import ORDER
from quoteattr.lexicon import quoting
from quoteattr.rules import Rule

HEAD = "Harbour Works Resume\n\n"


def _outcomes(text: str, disabled: set[str] | None = None) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker_name, q.provenance.detector)
            for q in extract(HEAD + text, disabled_rules=disabled or set())]


def test_attribution_sieve_order_is_one_declared_list() -> None:
    assert ORDER == rules.sieve_order("attribution")
    assert ORDER == ("quote-then-cue", "quote-then-listener", "description", "embedded",
                     "cue-then-quote")


@pytest.mark.parametrize("r", rules.rules("attribution"), ids=lambda r: r.name)
def test_switching_an_attribution_rule_off_stops_it_deciding_its_example(r: Rule) -> None:
    text = HEAD + r.examples[0].text
    with rules.disabled({r.name}):
        quotes = extract(text)
    assert all(r.name not in [s.rule for s in q.provenance.trail] for q in quotes)
    assert [q.text for q in extract(text, disabled_rules={r.name})] == [q.text for q in quotes]


def test_without_quote_then_cue_a_quotation_before_its_cue_is_unattributed() -> None:
    text = "“We will rebuild the pier,” Mila Arden said."
    assert _outcomes(text) == [("We will rebuild the pier,", "Mila Arden", "quote-then-cue")]
    assert _outcomes(text, {"quote-then-cue"}) == [
        ("We will rebuild the pier,", None, "unattributed")]


def test_without_description_a_described_fragment_counts_as_embedded() -> None:
    text = "It was a plan Teo Lind described as “reckless and rushed.”"
    assert _outcomes(text) == [("reckless and rushed.", "Teo Lind", "description")]
    assert _outcomes(text, {"description"}) == [("reckless and rushed.", "Teo Lind", "embedded")]


def test_without_embedded_a_quoted_word_in_reported_content_counts_as_cue_then_quote() -> None:
    text = ("The port director, Ada Varga, said a second ferry would run by noon and urged "
            "residents not to “sightsee” on the quay.")
    assert _outcomes(text)[-1] == ("sightsee", "Ada Varga", "embedded")
    assert _outcomes(text, {"embedded"})[-1] == ("sightsee", "Ada Varga", "cue-then-quote")


@pytest.fixture
def restore_statement_nouns() -> Iterator[None]:
    saved = set(quoting.STATEMENT_NOUNS)
    yield
    quoting.STATEMENT_NOUNS.clear()
    quoting.STATEMENT_NOUNS.update(saved)


def test_an_added_statement_noun_lets_a_possessive_lead_in_introduce_a_statement(
        restore_statement_nouns: None) -> None:
    text = ("Mila Arden's full dispatch:\n\n"
            "The pier will reopen on Monday and the ferries will run on time.\n")
    assert _outcomes(text) == []
    quoting.STATEMENT_NOUNS.add("dispatch")
    assert _outcomes(text) == [("The pier will reopen on Monday and the ferries will run on "
                                "time.", "Mila Arden", "lead-in")]


def test_the_attribution_sieve_renders_as_a_rules_table(tmp_path: Path) -> None:
    doc = tmp_path / "rules.md"
    doc.write_text("<!-- rules:attribution -->\n<!-- /rules:attribution -->\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "quoteattr.rules", str(doc)], check=True)
    rows = [line.split("|")[2].strip() for line in doc.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
    assert rows == [f"`{name}`" for name in ORDER]
