"""Every declared rule's examples and counter-examples, run through the whole pipeline.

An example must give a quote (the one containing ``Example.quote``) whose trail names the rule
and, when the example says so, the expected speaker; a counter-example's quote must not name
the rule. ``known_failure`` examples are strict xfails. Each snippet is preceded by a headline
paragraph, as an article is (a lone first paragraph is read as the headline).

No trail holds a rule of the mention sieve (a trail starts at the cue), so for sieve
``mention`` an example's ``quote`` is a noun phrase of the snippet: while ``extract`` runs, the
rule must classify that phrase (``mentions.recording``), into a mention holding the name
``speaker`` if one is given; a counter-example's phrase must be classified by another rule.

Sieves ``furniture`` and ``heading`` make no quote: an example's ``quote`` is a line of the
snippet that :func:`quoteattr.segmentation.segment` must mark with the rule (and, with the
rule switched off, not); a counter-example's line must not be marked with it.
"""

from __future__ import annotations

import pytest

from quoteattr import Quote, extract, mentions, rules, segmentation
from quoteattr import speaker_sieve as _speaker_sieve  # noqa: F401  (registers its rules)
from quoteattr.rules import Example, Rule

HEADLINE = "Harbour Works Resume\n\n"


def _cases(counter: bool) -> list[object]:
    out: list[object] = []
    for r in rules.rules():
        for n, ex in enumerate(r.counter_examples if counter else r.examples):
            marks = [pytest.mark.xfail(strict=True)] if ex.known_failure else []
            out.append(pytest.param(r, ex, id=f"{r.sieve}:{r.name}:{n}", marks=marks))
    return out


def _quote(ex: Example, exact: bool = False) -> Quote | None:
    """The first quote holding ``ex.quote`` (``exact``: whose text is ``ex.quote``)."""
    text = HEADLINE + ex.text
    found = [q for q in extract(text) if (q.text == ex.quote if exact else ex.quote in q.text)]
    for q in found:
        assert text[q.start:q.end] == q.text
    return found[0] if found else None


#: Sieves whose rules mark paragraphs (``Segment.rule``), not quotes.
SEGMENT_SIEVES = ("furniture", "heading")


def _segment_rules(ex: Example) -> list[str | None]:
    """The rules that marked the paragraphs of the snippet holding ``ex.quote``."""
    text = HEADLINE + ex.text
    found = [s.rule for s in segmentation.segment(text).segments
             if ex.quote in text[s.start:s.end]]
    assert found, f"no paragraph holds {ex.quote!r}"
    return found


def _typed_organisation(q: Quote | None, ex: Example) -> bool:
    """The example's quote has the expected speaker (if any), typed as an organisation."""
    assert q is not None, f"no quote contains {ex.quote!r}"
    if ex.speaker is not None:
        assert q.speaker_name == ex.speaker
    return q.speaker is not None and q.speaker.type.value == "organization"


def _trail(q: Quote) -> list[str]:
    return [step.rule for step in q.provenance.trail]


def _outcome_of(q: Quote | None) -> tuple[str, str | None, str | None, tuple[str, ...]] | None:
    """A quote as a rule can change it: its text, speaker, the speaker's type and trail."""
    if q is None:
        return None
    kind = q.speaker.type.value if q.speaker is not None else None
    return q.text, q.speaker_name, kind, tuple(_trail(q))


def _outcome(ex: Example) -> tuple[str, str | None, str | None, tuple[str, ...]] | None:
    return _outcome_of(_quote(ex))


def _classified(ex: Example) -> list[mentions.Decided]:
    """The mention sieve's decisions on the phrase ``ex.quote`` while ``ex.text`` is read."""
    text = HEADLINE + ex.text
    with mentions.recording() as seen:
        extract(text)
    found = [d for d in seen if text[d.start:d.end] == ex.quote]
    if ex.speaker is not None:
        assert found and all(d.mention and d.mention.name == ex.speaker for d in found)
    return found


@pytest.mark.parametrize(("r", "ex"), _cases(counter=False))
def test_rule_decides_its_example(r: Rule, ex: Example) -> None:
    if r.sieve in SEGMENT_SIEVES:
        assert r.name in _segment_rules(ex)
        with rules.disabled({r.name}):
            assert r.name not in _segment_rules(ex)
        return
    if r.by_effect:  # the rule's name reaches no trail: switched off, the quote is different
        q = _quote(ex)
        assert q is not None, f"no quote contains {ex.quote!r}"
        if ex.speaker is not None:
            assert q.speaker_name == ex.speaker
        with rules.disabled({r.name}):
            off = _outcome(ex)
        assert off != _outcome_of(q), "the quote is the same without the rule"
        return
    if r.sieve == "mention":
        assert r.name in [d.rule for d in _classified(ex)], f"{ex.quote!r} is not classified"
        return
    if r.vetoes:  # a veto leaves no quote to name it: the quote appears once it is off
        exact = r.sieve == "merge"  # a merge veto drops a quote whose words another holds
        assert _quote(ex, exact) is None
        with rules.disabled({r.name}):
            assert _quote(ex, exact) is not None, f"no quote {ex.quote!r} without the rule"
        return
    if r.sieve == "entity-type":  # it types the speaker's entity; no trail step names it
        assert _typed_organisation(_quote(ex), ex)
        with rules.disabled({r.name}):
            assert not _typed_organisation(_quote(ex), ex)
        return
    q = _quote(ex)
    assert q is not None, f"no quote contains {ex.quote!r}"
    assert r.name in _trail(q)
    if ex.speaker is not None:
        assert q.speaker_name == ex.speaker


@pytest.mark.parametrize(("r", "ex"), _cases(counter=True))
def test_rule_leaves_its_counter_example_alone(r: Rule, ex: Example) -> None:
    if r.sieve in SEGMENT_SIEVES:
        assert r.name not in _segment_rules(ex)
        return
    if r.by_effect:  # the quote is found, and is the same with the rule on and off
        on = _outcome(ex)
        assert on is not None, f"no quote contains {ex.quote!r}"
        assert ex.speaker is None or on[1] == ex.speaker
        with rules.disabled({r.name}):
            assert _outcome(ex) == on
        return
    if r.sieve == "mention":
        decided = [d.rule for d in _classified(ex)]
        assert decided and r.name not in decided, decided
        return
    q = _quote(ex)
    if r.sieve == "entity-type":
        assert q is not None, f"no quote contains {ex.quote!r}"
        assert not _typed_organisation(q, ex)
    if r.vetoes:  # the candidate a veto must not stop is still found
        assert q is not None, f"no quote contains {ex.quote!r}"
        if ex.speaker is not None:
            assert q.speaker_name == ex.speaker
    assert q is None or r.name not in _trail(q)


def test_every_rule_has_an_example_and_a_counter_example() -> None:
    for r in rules.rules():
        assert r.examples and r.counter_examples, r.name


@pytest.mark.parametrize("r", [*rules.rules("speaker"), *rules.rules("subject")],
                         ids=lambda r: r.name)
def test_switching_a_rule_off_stops_it_deciding_its_example(r: Rule) -> None:
    text = HEADLINE + r.examples[0].text
    with rules.disabled({r.name}):
        quotes = extract(text)
    assert all(r.name not in [s.rule for s in q.provenance.trail] for q in quotes)
    assert [q.text for q in extract(text, disabled_rules={r.name})] == [q.text for q in quotes]


def test_every_sieve_rule_in_a_trail_is_a_registered_rule() -> None:
    from fixtures import load_articles

    declared = {r.name for r in rules.rules()}
    for text in load_articles().values():
        for q in extract(text):
            for step in q.provenance.trail:
                if step.sieve in ("speaker", "subject"):
                    assert step.rule in declared, step
