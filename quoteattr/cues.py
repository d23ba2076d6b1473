"""Reporting cues (``said``, ``told reporters``, ``posted on X``, ``according to``) and their
subjects, found in a paragraph's tokens.

Rules, each named as the provenance reports them:

- ``cue-verb``: a reporting verb, with its auxiliaries (``has also said``) and what follows it
  before the content (``told reporters during a briefing``, ``said on X``).
- ``according-to``: ``…, according to a senior official.``
- ``light-verb``: ``The ministry has made clear that …``.
- ``participle``: ``…, saying on X that …`` takes the subject of its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .lexicon import abbreviations
from .lexicon import cues as lex
from .mentions import (
    Cat,
    Mention,
    MentionKind,
    category,
    chunk_backward,
    chunk_forward,
    classify,
)
from .tokens import Tok, TokKind

_NOUN_BEFORE = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this",
                "that", "whose", "social", "media", "in", "new", "latest", "first", "last",
                "earlier", "recent", "of", "to"}
_PASSIVE_BEFORE = {"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"}
_PREPOSITIONS = {"on", "in", "at", "during", "via", "to", "from", "through", "over", "before",
                 "with", "after", "while", "outside", "inside", "by"}
_STOP_CONTENT = {",", ":", "that", "—", "–", ";", "."}
BOUNDARY = {".", "!", "?", ";"}


@attrs.frozen(slots=True)
class Cue:
    """A reporting cue in a paragraph's token list."""

    verb: int  # token index of the verb (or of ``according``)
    first: int  # first token of the cue phrase (auxiliaries included)
    last: int  # last token of the cue phrase (adjuncts included)
    lemma: str
    rule: str
    start: int
    end: int
    subject: Mention | None = None
    subject_side: str | None = None  # "left", "right", "sentence", "apposition"


def _is_noun_use(toks: Sequence[Tok], k: int) -> bool:
    return k > 0 and toks[k - 1].lower in _NOUN_BEFORE


def _is_passive(toks: Sequence[Tok], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].lower in {"also", "later", "reportedly", "then", "not"}:
        j -= 1
    return j >= 0 and toks[j].lower in _PASSIVE_BEFORE and toks[k].lower != "saying"


#: How far (in tokens) a sentence boundary is looked for; keeps run-on input linear.
MAX_SENTENCE = 250


def is_boundary(toks: Sequence[Tok], j: int) -> bool:
    """``toks[j]`` ends a sentence (a stop that is not an abbreviation's dot)."""
    t = toks[j]
    if t.kind is not TokKind.PUNCT or t.text not in BOUNDARY:
        return False
    if t.eos is not None:
        return t.eos  # Punkt decided
    if j + 1 < len(toks) and toks[j + 1].text == ")":
        return False  # ``(D-Calif.)``
    return not _abbrev_before(toks, j)


def sentence_start(toks: Sequence[Tok], k: int) -> int:
    """Index of the first token of the sentence holding ``toks[k]``."""
    j = k - 1
    while j >= 0 and k - j < MAX_SENTENCE:
        if is_boundary(toks, j):
            break
        j -= 1
    return j + 1


def sentence_end(toks: Sequence[Tok], k: int) -> int:
    """Index after the last token of the sentence holding ``toks[k]``."""
    j = k
    limit = min(len(toks), k + MAX_SENTENCE)
    while j < limit:
        if is_boundary(toks, j):
            return j + 1
        j += 1
    return j


def _abbrev_before(toks: Sequence[Tok], j: int) -> bool:
    if toks[j].text != "." or j == 0:
        return False
    prev = toks[j - 1]
    return prev.kind is TokKind.WORD and (
        prev.lower in abbreviations.ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper())
    ) and toks[j - 1].end == toks[j].start


def _absorb_adjuncts(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Index of the last token of time/place/medium adjuncts after ``toks[k]``."""
    last = k
    j = k + 1
    while j < limit:
        t = toks[j]
        low = t.lower
        if t.kind is TokKind.WORD and low in lex.CUE_ADJUNCTS:
            last = j
            j += 1
            continue
        if t.kind is TokKind.WORD and category(t) is Cat.TIME:
            last = j
            j += 1
            continue
        if low in _PREPOSITIONS:
            # a prepositional phrase that ends at a content boundary
            m = j + 1
            while m < limit and m - j <= 9 and toks[m].kind is not TokKind.QUOTE and (
                toks[m].text not in _STOP_CONTENT
            ):
                if toks[m].lower in _PREPOSITIONS and m > j + 1:
                    break
                m += 1
            end_tok = toks[m] if m < limit else None
            if m > j + 1 and (end_tok is None or end_tok.text in _STOP_CONTENT
                              or end_tok.kind is TokKind.QUOTE
                              or end_tok.lower in _PREPOSITIONS):
                last = m - 1
                j = m
                continue
        break
    return last


def _addressee_end(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Last token of the listener after ``told``: ``reporters``, ``a group of journalists``."""
    j = k + 1
    if j < limit and toks[j].kind is TokKind.WORD and toks[j].lower not in {"that", "of"}:
        end = chunk_forward(toks, j)
        if end > j:
            return end - 1
        if toks[j].lower in {"reporters", "journalists", "me", "us", "him", "her", "them",
                             "lawmakers", "supporters", "viewers", "listeners", "police"}:
            return j
    return k


def find_cues(text: str, toks: Sequence[Tok]) -> list[Cue]:
    """Reporting cues in one paragraph, with their subjects."""
    out: list[Cue] = []
    n = len(toks)
    word_kind = TokKind.WORD
    light_verbs, lemma_of = lex.LIGHT_VERB_CUES, lex.lemma_of  # looked up once per paragraph
    for k, tok in enumerate(toks):
        if tok.kind is not word_kind:
            continue
        low = tok.lower
        rule = "cue-verb"
        last = k
        if low == "according" and k + 1 < n and toks[k + 1].lower == "to":
            lemma, rule, last = "according to", "according-to", k + 1
        elif low in light_verbs and k + 1 < n and toks[k + 1].lower in light_verbs[low]:
            lemma, rule, last = "make clear", "light-verb", k + 1
        else:
            if not tok.text[0].islower():
                continue
            found = lemma_of(low)
            if found is None or _is_noun_use(toks, k) or (
                _is_passive(toks, k)
            ):
                continue
            lemma = found
            if lemma in lex.DESCRIPTION_VERBS and not any(
                toks[m].kind is TokKind.QUOTE or toks[m].lower == "as"
                for m in range(k + 1, min(n, k + 8))
            ):
                continue
            if low.endswith("ing"):
                rule = "participle"
            if lemma in lex.ADDRESSEE_VERBS:
                last = _addressee_end(toks, k, n)
        limit = sentence_end(toks, k)
        if rule != "according-to":
            last = _absorb_adjuncts(toks, last, limit)
        first = k
        while first > 0 and k - first < 6 and toks[first - 1].text in lex.CUE_MODIFIERS:
            first -= 1
        cue = Cue(k, first, last, lemma, rule, toks[first].start, toks[last].end)
        out.append(_with_subject(text, toks, cue, out))
    return out


def _with_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue]) -> Cue:
    n = len(toks)
    if cue.rule == "according-to":
        j = cue.last + 1
        end = chunk_forward(toks, j)
        m = classify(text, toks, j, end)
        if m is None:  # ``according to the nonpartisan budget office``: any noun phrase
            end = j
            while end < n and end - j < 10 and toks[end].kind is TokKind.WORD:
                end += 1
            if end > j:
                m = Mention(toks[j].start, toks[end - 1].end, text[toks[j].start:toks[end - 1].end],
                            MentionKind.ANONYMOUS)
        return attrs.evolve(cue, subject=m, subject_side="right") if m else cue
    left = cue.first - 1
    if cue.rule == "participle":
        if left >= 0 and toks[left].text == ",":
            s = sentence_start(toks, cue.verb)
            for c in reversed(earlier):
                if c.verb < s:
                    break
                if c.subject is not None:
                    return attrs.evolve(cue, subject=c.subject, subject_side="sentence")
            end = chunk_forward(toks, s)
            m = classify(text, toks, s, end)
            if m is not None:
                return attrs.evolve(cue, subject=m, subject_side="sentence")
        return cue
    if left >= 0 and (toks[left].kind is TokKind.WORD or toks[left].text == ")"):
        start = chunk_backward(toks, left)
        m = classify(text, toks, start, left + 1)
        if m is not None:
            # ``Ana Ruiz, the mayor's spokesperson, said`` has been chunked from the role;
            # ``the ambassador, Ana Ruiz, said`` is handled through the apposition below.
            return attrs.evolve(cue, subject=m, subject_side="left")
        return cue
    if left >= 0 and toks[left].text == ",":
        # apposition or relative clause between subject and cue
        p = left - 1
        while p >= 0 and left - p <= 25 and toks[p].text != "," and (
            toks[p].kind is not TokKind.QUOTE
        ) and toks[p].text not in BOUNDARY:
            p -= 1
        if p >= 1 and toks[p].text == "," and toks[p - 1].kind is TokKind.WORD:
            start = chunk_backward(toks, p - 1)
            m = classify(text, toks, start, p)
            inner_start = p + 1
            inner_end = chunk_forward(toks, inner_start)
            inner = classify(text, toks, inner_start, inner_end) if inner_end == left else None
            if m is not None and m.kind.value in ("name", "pronoun"):
                if inner is not None and inner.roles:
                    m = attrs.evolve(m, roles=m.roles + inner.roles,
                                     nationality=m.nationality or inner.nationality)
                return attrs.evolve(cue, subject=m, subject_side="apposition")
            if inner is not None and inner.kind.value == "name":
                if m is not None:
                    inner = attrs.evolve(inner, roles=inner.roles + m.roles,
                                         nationality=inner.nationality or m.nationality)
                return attrs.evolve(cue, subject=inner, subject_side="apposition")
            if m is not None:
                return attrs.evolve(cue, subject=m, subject_side="apposition")
        if left >= 1 and toks[left - 1].kind is not TokKind.QUOTE:
            return cue
    # inverted: ``“…,” said the minister`` / ``, said Ana Ruiz.``
    j = cue.verb + 1
    if cue.first - 1 >= 0 and toks[cue.first - 1].kind is TokKind.WORD:
        return cue
    end = chunk_forward(toks, j)
    m = classify(text, toks, j, end)
    if m is None:
        return cue
    if end + 1 < n and toks[end].text == "," and m.kind.value in ("role", "anonymous"):
        end2 = chunk_forward(toks, end + 1)
        app = classify(text, toks, end + 1, end2)
        if app is not None and app.kind.value == "name" and (
            end2 >= n or toks[end2].text in {".", ",", ";"}
        ):
            m = attrs.evolve(app, roles=app.roles + m.roles,
                             nationality=app.nationality or m.nationality)
    return attrs.evolve(cue, subject=m, subject_side="right",
                        last=max(cue.last, cue.verb), end=max(cue.end, toks[cue.verb].end))
