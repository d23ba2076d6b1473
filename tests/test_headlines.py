"""Headline attributions (sieve ``headline``): a headline or subhead naming its source is
reported, marked ``headline``, and can be dropped."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quoteattr import QuoteKind, extract, headlines
from quoteattr.output import to_csv, to_jsonl

BODY = ("\n\nMayor Tove Lind told the harbour board on Monday that the levy would pass. "
        "“We have the votes,” Lind said.\n")


def _heads(headline: str, **options: object) -> list[tuple[str, str | None, QuoteKind]]:
    text = headline + BODY
    out = []
    for q in extract(text, **options):  # type: ignore[arg-type]
        assert text[q.start:q.end] == q.text
        if q.start < len(headline):
            out.append((q.text, q.speaker_name, q.kind))
    return out


def test_a_colon_headline_is_the_claim_of_the_name_before_the_colon() -> None:
    assert _heads("Mayor Lind: Harbour levy will pass by spring.") == [
        ("Harbour levy will pass by spring", "Mayor Lind", QuoteKind.INDIRECT)]


def test_a_headline_quote_is_marked_and_a_body_quote_is_not() -> None:
    quotes = extract("Mayor Lind: Harbour levy will pass by spring." + BODY)
    assert [q.headline for q in quotes] == [True, False, False]
    assert quotes[0].provenance.detector == "headline-colon"


@pytest.mark.parametrize("label", ["Review", "Live", "Watch", "Analysis", "The Latest"])
def test_a_section_label_before_a_colon_is_no_speaker(label: str) -> None:
    assert _heads(f"{label}: Harbour levy will pass by spring") == []


def test_a_label_opening_the_headline_is_skipped() -> None:
    assert _heads("Exclusive: Mayor Lind says harbour levy will pass") == [
        ("harbour levy will pass", "Mayor Lind", QuoteKind.INDIRECT)]


@pytest.mark.parametrize("headline", [
    "Mayor Lind visits the harbour on Monday",
    "Lind Wades In: Harbour levy goes to a vote",
    "Big Win For Lind: Harbour levy goes to a vote",
    "Road to the harbour: Ten weeks of closures for drivers",
    "Mayor Lind: Can the harbour levy pass by spring?",
    "Lind’s levy plan: what it costs and who pays for it",
    "Share: Email | Print | Copy link",
    "Harbour talks resume",
    "Harbour Talks Will Resume After The Strike",
])
def test_a_headline_that_only_names_someone_or_has_no_source_is_no_quote(headline: str) -> None:
    assert _heads(headline) == []


def test_the_listener_of_a_to_headline_is_not_part_of_the_speaker() -> None:
    assert _heads("Lind to harbour board: Cut the ferry fares this year") == [
        ("Cut the ferry fares this year", "Lind", QuoteKind.INDIRECT)]


def test_a_claim_that_is_one_quotation_is_direct_without_its_marks() -> None:
    assert _heads("Mayor Lind: ‘We Have The Votes For The Levy.’") == [
        ("We Have The Votes For The Levy.", "Mayor Lind", QuoteKind.DIRECT)]


def test_a_claim_holding_a_quotation_is_mixed() -> None:
    assert _heads("Mayor Lind: Harbour Levy Is ‘A Fair Deal’ For Ferry Crews") == [
        ("Harbour Levy Is ‘A Fair Deal’ For Ferry Crews", "Mayor Lind", QuoteKind.MIXED)]


def test_a_says_headline_in_title_case_reports_the_claim_after_the_verb() -> None:
    assert _heads("Mayor Tove Lind Says Harbour Levy Will Pass") == [
        ("Harbour Levy Will Pass", "Mayor Tove Lind", QuoteKind.INDIRECT)]


def test_a_reporting_verb_headline_reports_its_object_up_to_the_comma() -> None:
    assert _heads("Mayor Lind slams ferry levy, vows a vote in May") == [
        ("ferry levy", "Mayor Lind", QuoteKind.INDIRECT)]


def test_a_plural_role_noun_or_a_future_to_verb_makes_a_described_source() -> None:
    assert _heads("Harbour captains promise they will stand by Lind") == [
        ("they will stand by Lind", "Harbour captains", QuoteKind.INDIRECT)]
    assert _heads("Ferry union to endorse Lind for a second term") == [
        ("Lind for a second term", "Ferry union", QuoteKind.INDIRECT)]


def test_the_headline_field_is_in_jsonl_and_csv() -> None:
    quotes = extract("Mayor Lind: Harbour levy will pass by spring." + BODY)
    records = [json.loads(line) for line in to_jsonl(quotes).splitlines()]
    assert [r["headline"] for r in records] == [True, False, False]
    rows = list(csv.DictReader(io.StringIO(to_csv(quotes))))
    assert [r["headline"] for r in rows] == ["true", "false", "false"]


def test_switching_the_sieve_off_drops_headline_quotes_and_keeps_the_body() -> None:
    text = "Mayor Lind: Harbour levy will pass by spring." + BODY
    off = extract(text, disabled_rules=headlines.ORDER)
    assert [q.text for q in off] == [q.text for q in extract(text) if not q.headline]


def test_with_include_headlines_a_headline_quote_replaces_the_other_rules_quotes() -> None:
    found = _heads("Mayor Lind says harbour levy will pass", include_headlines=True)
    assert found == [("harbour levy will pass", "Mayor Lind", QuoteKind.INDIRECT)]
