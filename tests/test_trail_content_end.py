"""The trail of a reported quote names the content-end rule that ended its content and the
merge rule that joined a quoted fragment into it, each with the span it looked at."""

from __future__ import annotations

from quoteattr import Quote, explain, extract
from quoteattr.batch import _pack, _unpack
from quoteattr.pipeline import analyze

TITLE = "Harbour talks resume\n\n"


def _quote(text: str, word: str) -> Quote:
    found = [q for q in extract(text) if word in q.text]
    assert found, f"no quote holds {word!r}"
    return found[0]


def _steps(text: str, q: Quote, sieve: str) -> list[tuple[str, str]]:
    return [(s.rule, text[s.start:s.end]) for s in q.provenance.trail if s.sieve == sieve]


def test_the_stop_that_ended_a_content_is_a_step_spanning_the_tokens_it_looked_at() -> None:
    text = TITLE + "Ana Ruiz said the pier was safe, adding that the crews would return."
    q = _quote(text, "pier")
    assert q.text == "the pier was safe"
    assert _steps(text, q, "content-end") == [("narration-breaker", ", adding")]
    rules = [s.rule for s in q.provenance.trail]
    assert rules.index("narration-breaker") == len(rules) - 2  # just before the detector


def test_a_coordinated_cue_and_an_as_clause_name_the_words_that_ended_the_content() -> None:
    text = TITLE + ("Ana Ruiz said the talks went well and noted that the pier would reopen. "
                    "Teo Lind said he was buying cranes as he tries to win the council over.")
    assert _steps(text, _quote(text, "talks"), "content-end") == [
        ("coordinated-cue", "and noted")]
    assert _steps(text, _quote(text, "cranes"), "content-end") == [
        ("as-clause", "as he tries")]


def test_a_relative_aside_is_named_when_no_later_stop_ends_the_content() -> None:
    text = TITLE + ("Ana Ruiz said the old plan, which the board approved in May, had failed. "
                    "Teo Lind said the new plan, which the board drafted, was fine: it worked.")
    assert _steps(text, _quote(text, "old plan"), "content-end") == [
        ("relative-aside", ", which the board approved in May,")]
    assert _steps(text, _quote(text, "new plan"), "content-end") == [("colon-stop", ":")]


def test_a_stop_is_named_only_on_the_quote_whose_content_it_ended() -> None:
    text = TITLE + ("Ana Ruiz said the pier was unsafe, Teo Lind noted that the crews had left, "
                    "adding that nobody cared. Ana Ruiz said on Monday that the pier would "
                    "reopen in May.")
    cut, lind, whole = (_quote(text, w) for w in ("unsafe", "crews", "reopen"))
    assert cut.text == "the pier was unsafe"  # Lind's report cut it short of ``, adding``
    assert _steps(text, cut, "content-end") == []
    assert _steps(text, lind, "content-end") == [("narration-breaker", ", adding")]
    assert _steps(text, whole, "content-end") == []  # the sentence ended it


def test_a_continuation_names_the_stop_of_the_clause_it_went_on_with() -> None:
    text = TITLE + ("Ana Ruiz said the levy would rise, but not before the vote in May, "
                    "adding that the crews agreed.")
    q = _quote(text, "levy")
    assert q.text.endswith("but not before the vote in May")
    assert "but-not-ellipsis" in [s.rule for s in q.provenance.trail]
    assert _steps(text, q, "content-end") == [("narration-breaker", ", adding")]


def test_a_mixed_quote_names_fragment_in_mixed_with_the_span_of_the_fragments_it_took() -> None:
    text = TITLE + ("Ana Ruiz said the levy was “a tax on ferries” and “a gift to shippers” "
                    "in May.")
    q = _quote(text, "levy")
    assert q.kind.value == "mixed"
    assert _steps(text, q, "merge") == [
        ("fragment-in-mixed", "a tax on ferries” and “a gift to shippers")]
    off = extract(text, disabled_rules={"fragment-in-mixed"})
    assert all(s.sieve != "merge" for q in off for s in q.provenance.trail)


def test_content_end_and_merge_spans_are_in_the_callers_offsets_after_a_matching_view() -> None:
    text = TITLE + ("Ana Ruiz sa\u00adid the le\u00advy was “a tax on ferries” in May,\u200b "
                    "adding that the crews agreed.")
    q = _quote(text, "tax")
    assert _steps(text, q, "content-end") == [("narration-breaker", ",\u200b adding")]
    assert _steps(text, q, "merge") == [("fragment-in-mixed", "a tax on ferries")]


def test_packed_articles_keep_the_content_end_and_merge_steps() -> None:
    text = TITLE + "Ana Ruiz said the levy was “a tax on ferries”, adding that crews agreed."
    article = analyze(text)
    again = _unpack(_pack(article), text, None)
    assert [q.provenance.trail for q in again.quotes] == [
        q.provenance.trail for q in article.quotes]
    assert any(s.sieve == "content-end" for q in again.quotes for s in q.provenance.trail)


def test_explain_shows_the_words_a_content_end_rule_looked_at() -> None:
    text = TITLE + "Ana Ruiz said the pier was safe, adding that the crews would return."
    lines = [line for e in explain(text) for line in e.lines if "content-end" in line]
    assert lines and "“, adding”" in lines[0] and "rule narration-breaker" in lines[0]


def test_a_breaker_after_a_quotation_or_a_dash_and_the_noun_phrase_limits_are_named() -> None:
    text = TITLE + "Ana Ruiz said the crews wanted “a fair deal,” but pledged to stay."
    assert _steps(text, _quote(text, "crews"), "content-end") == [("quoted-comma-breaker", "but")]
    text = TITLE + "Ana Ruiz said the pier was safe — but the ferries stayed in port."
    assert _steps(text, _quote(text, "pier"), "content-end") == [("dash-breaker", "— but")]
    text = TITLE + "Ana Ruiz announced the new ferry route in a post on Monday."
    assert _steps(text, _quote(text, "route"), "content-end") == [("object-adjunct", "in")]
    text = TITLE + "Ana Ruiz cited the harbour pilots, who had warned of the storm."
    assert _steps(text, _quote(text, "pilots"), "content-end") == [("object-relative", ", who")]


def test_a_stop_after_a_relative_aside_leaves_the_aside_in_the_trail() -> None:
    text = TITLE + ("Ana Ruiz said the old plan, which the board approved in May, had failed "
                    "— but the crews stayed.")
    q = _quote(text, "old plan")
    assert q.text.endswith("had failed")
    assert [r for r, _ in _steps(text, q, "content-end")] == ["relative-aside"]


def test_the_nested_cue_that_cut_a_content_is_its_boundary_step() -> None:
    text = TITLE + "Ana Ruiz agreed the pier was safe, Teo Lind noted that the ferries were late."
    q = _quote(text, "pier")
    assert q.text == "the pier was safe"
    assert [r for r, _ in _steps(text, q, "boundary")] == ["other-subject-report"]
    text = TITLE + "Ana Ruiz said she felt the pier was unsafe, she said on Monday."
    q = _quote(text, "pier")
    assert q.text == "she felt the pier was unsafe"
    assert [r for r, _ in _steps(text, q, "boundary")] == ["repeated-cue"]


def test_a_transcript_answer_keeps_the_reported_content_it_holds_only_with_the_merge_veto_off(
        ) -> None:
    text = TITLE + ("TEO LIND: Why not reopen it?\n\nANA RUIZ: The board said it would never "
                    "close the pier, ever.\n\nTEO LIND: And now?\n\nANA RUIZ: Now we wait.")
    assert [q.kind.value for q in extract(text)] == ["direct"] * 4
    off = extract(text, disabled_rules={"direct-over-reported"})
    assert [q.text for q in off if q.kind.value == "indirect"] == [
        "it would never close the pier, ever"]


def test_explain_says_what_a_boundary_rule_did_not_the_quotes_confidence() -> None:
    text = TITLE + "Ana Ruiz agreed the pier was safe, Teo Lind noted that the ferries were late."
    lines = [line for e in explain(text) for line in e.lines if "boundary:" in line]
    assert lines == ["  boundary: rule other-subject-report (a cue with its own subject after a "
                     "comma or and inside the content starts that subject's report (agreed the "
                     "pier was safe, Lind noted that …))"]
