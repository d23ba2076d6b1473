"""Long texts in bounded memory: packed tokens made again on demand, and overlong paragraphs
analysed as stretches cut at safe sentence ends (docs/robustness.md, "Memory per article")."""

from __future__ import annotations

import pytest
from conftest import REPO

import quoteattr
from quoteattr import organisations, paragraphs, pipeline, tokens
from quoteattr.entity_learning import learn_entities
from quoteattr.output import records
from quoteattr.quotemarks import find_quotations
from quoteattr.tokens import TokenStore, tokenize

#: An invented paragraph with what the packed form must keep: quotations, a possessive,
#: ``Mr.``, stops Punkt decides both ways, a plural possessive and a work title.
PARAGRAPH = ("“We will reopen the pier,” Mr. Oduya said on Tuesday. The ferrymen’s union "
             "agreed. “Not yet,” said Dr. Lind, the harbour’s engineer, who spoke to KPRT’s "
             "“Dockside Tonight” on Monday. The workers’ pay rises 3.5 per cent at 9:30 a.m. "
             "on Friday. Is it safe? ‘Yes,’ she said.")


def _fields(toks: list[tokens.Tok] | tuple[tokens.Tok, ...]) -> list[tuple[object, ...]]:
    return [(t.start, t.end, t.text, t.lower, t.kind, t.quote, t.eos, t.is_cap) for t in toks]


def _records(text: str) -> list[dict[str, object]]:
    return list(records(quoteattr.pipeline.analyze(text).quotes, None))


def _long_article() -> str:
    """Invented articles (the fixtures) joined to 120,000 characters or more."""
    fixtures = sorted((REPO / "tests" / "fixtures").glob("*.txt"))
    base = [p.read_text(encoding="utf-8") for p in fixtures]
    out: list[str] = []
    while sum(map(len, out)) < 120_000:
        out += base
    return "\n\n".join(out)


def test_packed_tokens_are_made_again_equal_to_the_tokenizers() -> None:
    text = PARAGRAPH
    qs = find_quotations(text, [(0, len(text))])[0]
    toks = tokenize(text, 0, len(text), qs, lambda stops: {s + 1 for s in stops[::2]})
    store = TokenStore(text)
    number = store.add(toks)
    again = store.add(toks[:5])
    store.done()
    assert (number, again) == (0, 1)
    assert _fields(store.tokens(0)) == _fields(toks)
    assert _fields(store.tokens(1)) == _fields(toks[:5])
    assert {t.kind for t in toks} == set(tokens.TokKind)  # every kind was packed
    assert {t.eos for t in toks} == {None, True, False}


def test_the_store_keeps_only_the_last_few_paragraphs_made() -> None:
    store = TokenStore(PARAGRAPH)
    toks = tokenize(PARAGRAPH, 0, 40)
    for _ in range(tokens.CACHED_PARAGRAPHS + 3):
        store.add(toks)
    for k in range(tokens.CACHED_PARAGRAPHS + 3):
        store.tokens(k)
    assert sorted(store.cache) == list(range(3, tokens.CACHED_PARAGRAPHS + 3))


def test_a_long_article_keeps_its_tokens_packed_and_gives_the_quotes_of_the_plain_path(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = _long_article()
    monkeypatch.setattr(paragraphs, "PACKED_TEXT", 100_000)
    paras = pipeline._paragraphs(text)
    assert all(isinstance(p, paragraphs.PackedPara) for p in paras)
    packed = _records(text)
    monkeypatch.setattr(paragraphs, "PACKED_TEXT", len(text) + 1)  # every token kept as made
    assert not any(isinstance(p, paragraphs.PackedPara) for p in pipeline._paragraphs(text))
    assert _records(text) == packed
    assert len(packed) > 100


def _one_paragraph(size: int) -> str:
    sentence = "“The tide is late again,” Ana Ruiz said. The harbour master agreed with her. "
    return (sentence * (size // len(sentence) + 1)).strip()


def test_an_overlong_paragraph_is_cut_at_sentence_ends_outside_quotations() -> None:
    text = _one_paragraph(3 * tokens.LONG_PARAGRAPH)
    qs = find_quotations(text, [(0, len(text))])[0]
    parts = tokens.stretches(text, 0, len(text), qs)
    assert len(parts) > 3 * tokens.LONG_PARAGRAPH // tokens.STRETCH - 2
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    for (_a, b, _qs), (c, _d, _qs2) in zip(parts, parts[1:], strict=False):
        assert text[b - 1] == "." and text[b:c] == " "  # a stop, then the next sentence
        assert not any(q.outer_start < b < q.outer_end for q in qs)
    assert [q for _a, _b, part in parts for q in part] == qs
    assert all(a <= q.outer_start and q.outer_end <= b for a, b, part in parts for q in part)


def test_a_paragraph_under_the_bound_or_without_a_safe_point_stays_whole() -> None:
    text = _one_paragraph(tokens.LONG_PARAGRAPH)[:tokens.LONG_PARAGRAPH]
    qs = find_quotations(text, [(0, len(text))])[0]
    assert tokens.stretches(text, 0, len(text), qs) == [(0, len(text), qs)]
    inside = "“" + "It rained. " * (2 * tokens.LONG_PARAGRAPH // 11) + "”"  # one quotation
    qs = find_quotations(inside, [(0, len(inside))])[0]
    assert len(tokens.stretches(inside, 0, len(inside), qs)) == 1


def test_an_overlong_paragraph_gives_the_quotes_of_its_stretches_as_lines(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paragraphs, "PACKED_TEXT", 100_000)
    text = _one_paragraph(2 * tokens.LONG_PARAGRAPH)
    qs = find_quotations(text, [(0, len(text))])[0]
    cuts = [b for _a, b, _qs in tokens.stretches(text, 0, len(text), qs)][:-1]
    lines = "".join("\n" if k in cuts else c for k, c in enumerate(text))
    assert len(pipeline._paragraphs(text)) == len(cuts) + 1
    got = _records(text)
    assert got == _records(lines)
    assert len(got) == text.count("said")


def test_typing_organisations_makes_the_tokens_only_of_paragraphs_naming_a_candidate(
        monkeypatch: pytest.MonkeyPatch) -> None:
    filler = [f"The tide was {k} minutes late again, the harbour master told the ferrymen."
              for k in range(80)]
    named = "Quillfire said on Monday that it would cut 200 jobs at the harbour."
    text = "\n\n".join(filler[:40] + [named] + filler[40:])
    monkeypatch.setattr(paragraphs, "PACKED_TEXT", 1_000)
    paras = pipeline._paragraphs(text)
    assert all(isinstance(p, paragraphs.PackedPara) for p in paras)
    index = learn_entities(text, paras)
    quillfire = index.entity_named("Quillfire")
    assert quillfire is not None and not quillfire.organization
    made: list[int] = []
    store = paras[0].store  # type: ignore[attr-defined]
    store.cache.clear()
    real = TokenStore.tokens
    monkeypatch.setattr(TokenStore, "tokens", lambda s, k: made.append(k) or real(s, k))
    organisations.type_organisations(paras, index)
    at = text.index(named)
    assert made == [p.number for p in paras if p.start <= at < p.end]  # type: ignore[attr-defined]
    assert len(paras) > 40
    assert quillfire.organization
