"""Reporting cues (``said``, ``told reporters``, ``posted on X``, ``according to``) found in a
paragraph's tokens; each gets its subject from the subject sieve (:mod:`quoteattr.subjects`).

Rules, each named as the provenance reports them:

- ``cue-verb``: a reporting verb, with its auxiliaries (``has also said``) and what follows it
  before the content (``told reporters during a briefing``, ``said on X``).
- ``according-to``: ``…, according to a senior official.``
- ``light-verb``: ``The ministry has made clear that …``.
- ``participle``: ``…, saying on X that …`` takes the subject of its sentence.

The phrase grammar these rules use (sentence bounds, adjuncts, noun-or-verb uses) is in
:mod:`quoteattr.phrases`; the names other modules imported from here are re-exported.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cue_model import Cue
from .lexicon import cues as lex
from .lexicon import grammar, pronouns
from .mentions import chunk_forward
from .phrases import (
    BOUNDARY,
    CLOSING_MARKS,
    DASHES,
    MAX_SENTENCE,
    absorb_adjuncts,
    cue_first,
    introduces_quote,
    is_boundary,
    is_infinitive,
    is_noun_use,
    is_passive,
    manner_adverb,
    predicate_noun,
    sentence_end,
    sentence_start,
)
from .rules import Example, Rule, register
from .subjects import SUBJECT_ORDER, subject_phrase_start, with_subject
from .tokens import Tok, TokKind

__all__ = [  # (the phrase-grammar and subject names are re-exported for older imports)
    "BOUNDARY", "CLOSING_MARKS", "DASHES", "MAX_SENTENCE", "SUBJECT_ORDER", "Cue", "find_cues",
    "is_boundary", "is_infinitive", "manner_adverb", "predicate_noun", "sentence_end",
    "sentence_start", "subject_phrase_start",
]


#: How far after a description verb its quotation or ``as`` may stand (``called the
#: council’s use of private ferries “careless”``).
DESCRIPTION_REACH = 12


def _addressee_end(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Last token of the listener after ``told``: ``reporters``, ``a group of journalists``."""
    j = k + 1
    if j < limit and toks[j].kind is TokKind.WORD and (
            toks[j].lower not in grammar.NOT_LISTENER_START):
        end = chunk_forward(toks, j)
        if end > j:
            return end - 1
        if toks[j].lower in lex.CUE_LISTENERS:
            return j
    return k


def _fronted_cue(toks: Sequence[Tok], k: int) -> bool:
    """A capitalised cue opening its sentence before a name, a colon or comma and a
    quotation: ``Said Lind: “…”``, ``Added the mayor, “…”`` (not ``Said Jalili, the envoy``)."""
    if not (toks[k].is_cap and (k == 0 or is_boundary(toks, k - 1))):
        return False
    end = chunk_forward(toks, k + 1)
    return k + 1 < end < len(toks) and toks[end].text in {":", ","} and (
        end + 1 == len(toks) or toks[end + 1].kind is TokKind.QUOTE
    )


def _closes_quote_attribution(toks: Sequence[Tok], k: int, last: int | None = None) -> bool:
    """Rule ``introducing-after-quote``: ``“…,” Lind continued.``: the verb (to ``last``, its
    particle), after a short subject, closes the attribution of the quotation just before it."""
    n = len(toks)
    after = (k if last is None else last) + 1
    if after < n and toks[after].text not in {".", ","}:
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        t = toks[j]
        if t.kind is TokKind.QUOTE:
            return t.text.rstrip(CLOSING_MARKS).endswith((",", "?", "!"))
        if t.kind is not TokKind.WORD or not (
                t.is_cap or t.lower in pronouns.THIRD_PERSON_SUBJECTS):
            return False
    return False


def _introducing_phrasal(toks: Sequence[Tok], k: int) -> str | None:
    """Rule ``introducing-phrasal``: ``went on`` carrying on a quotation as ``continued``
    does (``“…,” she went on. “…”``, ``he went on, “…”``), not ``the talks went on``."""
    if k + 1 >= len(toks) or not toks[k].text[0].islower():
        return None
    lemma = lex.introducing_phrasal(toks[k].lower, toks[k + 1].lower)
    if lemma is None or not (introduces_quote(toks, k + 1)
                             or _closes_quote_attribution(toks, k, k + 1)):
        return None
    return lemma


register(Rule(
    "introducing-phrasal", "cue",
    "``went on`` and ``carried on`` next to a quotation they carry on are cues, as "
    "``continued`` is",
    (Example("Conductor Felix Arnaud was relieved. “We owe the city a great season,” he "
             "went on. “And we will give it one.”", "We owe the city a great season,",
             "Felix Arnaud"),),
    (Example("Conductor Felix Arnaud was relieved. The rehearsal went on. “We owe the city "
             "a great season.”", "We owe the city a great season."),)))


def _verb_cue(toks: Sequence[Tok], k: int, beliefs: bool) -> tuple[str, str, int] | None:
    """``(lemma, rule, last)`` when the word ``toks[k]`` is a reporting verb used as a cue
    (rule ``cue-verb``, or ``participle`` for ``…ing``), else ``None``: not a noun use
    (``the claims``), not a passive, an introducing verb only next to its quotation, a
    phrasal cue with its particle, a description verb with something to describe."""
    tok, n = toks[k], len(toks)
    low = tok.lower
    # ``tok.lower`` is lower case already, so the table of ``lex.lemma_of`` is asked directly
    lemma_of = lex._FORM_TO_LEMMA.get
    if not tok.text[0].islower() and (lemma_of(low) is None or not _fronted_cue(toks, k)):
        return None
    found = lemma_of(low)
    if found is None and beliefs:
        found = lex.belief_lemma_of(low)
    if found is None or is_noun_use(toks, k) or is_passive(toks, k):
        return None
    lemma, rule, last = found, "cue-verb", k
    if lemma in lex.INTRODUCING_VERBS and not (
            introduces_quote(toks, k) or _closes_quote_attribution(toks, k)):
        return None
    if lemma in lex.PHRASAL_CUES:
        particle = toks[k + 1].lower if k + 1 < n else ""
        if particle in lex.PHRASAL_CUES[lemma]:
            lemma, last = f"{lemma} {particle}", k + 1  # ``called for``
        elif lemma not in lex.DESCRIPTION_VERBS and lemma not in lex.REGULAR_VERBS:
            return None  # ``spoke at the rally`` is no cue
    if lemma in lex.DESCRIPTION_VERBS and not any(
        toks[m].kind is TokKind.QUOTE or toks[m].lower == "as"
        for m in range(k + 1, min(n, k + DESCRIPTION_REACH))
    ) and predicate_noun(toks, k, lemma) < 0:
        return None
    if low.endswith("ing"):
        rule = "participle"
    if lemma in lex.ADDRESSEE_VERBS:
        last = _addressee_end(toks, k, n)
    return lemma, rule, last


def find_cues(text: str, toks: Sequence[Tok], beliefs: bool = False) -> list[Cue]:
    """Reporting cues in one paragraph, with their subjects; with ``beliefs``, verbs of
    belief and intention too (``Ruiz thinks the port will reopen``)."""
    out: list[Cue] = []
    n = len(toks)
    word_kind = TokKind.WORD
    light_verbs = lex.LIGHT_VERB_CUES  # looked up once per paragraph
    for k, tok in enumerate(toks):
        if tok.kind is not word_kind:
            continue
        low = tok.lower
        if low == "according" and k + 1 < n and toks[k + 1].lower == "to":
            lemma, rule, last = "according to", "according-to", k + 1
        elif low in light_verbs and k + 1 < n and toks[k + 1].lower in light_verbs[low]:
            lemma, rule, last = lex.light_verb_lemma(low, toks[k + 1].lower), "light-verb", k + 1
        elif (phrasal := _introducing_phrasal(toks, k)) is not None:
            lemma, rule, last = phrasal, "introducing-phrasal", k + 1
        else:
            found = _verb_cue(toks, k, beliefs)
            if found is None:
                continue
            lemma, rule, last = found
        limit = sentence_end(toks, k)
        if rule != "according-to" and not (
            lemma in lex.COMMITMENT_VERBS and last + 1 < n and toks[last + 1].lower == "to"
        ):  # ``pledged to rebuild the pier``: the infinitive is the content
            last = absorb_adjuncts(toks, last, limit)
        first = cue_first(toks, k)
        if rule == "participle" and first < k and any(
            toks[m].lower in grammar.PROGRESSIVE_AUXILIARIES for m in range(first, k)
        ):
            rule = "cue-verb"  # ``Ruiz is stressing that …``: a finite verb
        cue = Cue(k, first, last, lemma, rule, toks[first].start, toks[last].end)
        out.append(with_subject(text, toks, cue, out))
    return out
