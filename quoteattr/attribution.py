"""Attach each direct quotation to its cue and speaker.

Rules (the name is what :attr:`Provenance.detector` / ``attributor`` report):

- ``quote-then-cue``: ``“We will rebuild,” Ruiz said.`` / ``“…,” said the mayor.``
- ``cue-then-quote``: ``Ruiz said: “We will rebuild.”`` / ``Ruiz told reporters “…”``.
- ``description``: ``a plan Ruiz described as “reckless.”`` (a fragment, still direct).
- ``embedded``: ``Ruiz said the plan was “reckless” and …`` (the speaker of the clause).
- ``transcript``: ``"MORALES: We have the votes."``.
- ``same-paragraph``: ``“A,” Ruiz said. “B.”`` → B is Ruiz's too.
- ``continuation``: a paragraph that is only a quotation continues the previous speaker.
- ``lead-in``: ``Ruiz's full statement:`` followed by an unquoted paragraph.
- ``unattributed``: a sentence-like quotation with no speaker found (speaker None).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from .cues import MAX_SENTENCE, PREPOSITIONS, Cue, is_boundary, subject_phrase_start
from .lexicon import cues as cue_lexicon
from .mentions import chunk_backward, chunk_forward, descriptor_word, nickname
from .model import Speaker
from .quotemarks import Quotation
from .tokens import Tok, TokKind

_TRANSCRIPT = regex.compile(r"""(\p{Lu}[\p{Lu}.'’-]+(?:\s\p{Lu}[\p{Lu}.'’-]+){0,3})\s?:\s+""")
_WORD = regex.compile(r"""[\p{L}\p{N}]+""")
#: Nouns that, with a possessive speaker, introduce a reproduced statement.
STATEMENT_NOUNS = {"statement", "report", "post", "remarks", "letter", "message", "text",
                   "transcript", "speech", "tweet", "note", "response", "reply", "comments",
                   "announcement", "declaration", "comment", "remark", "statements",
                   "memo", "email", "address", "testimony", "essay", "op-ed", "readout"}


#: Tokens from a lead-in's possessive to its colon (``Ruiz's full Truth Social post on the
#: talks:``).
MAX_LEAD_IN = 16
#: Relative pronouns: a quotation after one and an inverted cue sits in the relative clause.
RELATIVE_WORDS = {"who", "which", "whose", "whom"}
#: Words that open an adjunct, not reported content, after a cue (``said Ruiz on Monday``).
ADJUNCT_WORDS = PREPOSITIONS | {"as", "when"}


@attrs.frozen(slots=True)
class Attribution:
    """A speaker decision for one quotation (or unquoted block)."""

    start: int
    end: int
    detector: str
    attributor: str | None
    speaker: Speaker | None
    mention: tuple[int, int] | None
    cue: Cue | None
    confidence: float
    embedded: bool = False  # the quotation sits inside reported content (mixed candidate)
    decided_by: str | None = None  # the speaker-sieve rule behind ``attributor``, if any


@attrs.frozen(slots=True)
class Resolved:
    """A cue whose subject has been resolved to a speaker."""

    cue: Cue
    speaker: Speaker | None
    rule: str | None
    confidence: float
    decided_by: str | None = None  # the speaker sieve's rule (``rule`` is what it reports as)


def words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def is_sentence_like(text: str, q: Quotation) -> bool:
    """Whole-sentence quotations (not scare quotes or titles)."""
    n = words(text, q.start, q.end)
    if n >= 6:
        return True
    content = text[q.start:q.end].rstrip()
    return n >= 3 and content[:1].isupper() and content[-1:] in ".!?,…"


def _sentence_bounds(toks: Sequence[Tok], k: int) -> tuple[int, int]:
    """Token range around QUOTE ``k`` inside which its cue may stand."""
    lo = k - 1
    while lo >= 0 and k - lo < MAX_SENTENCE:
        t = toks[lo]
        if t.kind is TokKind.QUOTE and toks[lo].text.rstrip()[-2:-1] in ".!?":
            break
        if is_boundary(toks, lo):
            break
        lo -= 1
    hi = k + 1
    while hi < len(toks) and hi - k < MAX_SENTENCE:
        t = toks[hi]
        if t.kind is TokKind.QUOTE and not nickname(toks, hi) or is_boundary(toks, hi):
            break
        hi += 1
    return lo + 1, hi


def _has_content(toks: Sequence[Tok], cue: Cue) -> bool:
    """Words follow the cue in its sentence (``said it would comply``), so it reports them."""
    j = max(cue.last, cue.verb) + 1
    if cue.subject is not None and cue.subject_side == "right":
        while j < len(toks) and toks[j].start < cue.subject.end:
            j += 1
    return j < len(toks) and toks[j].kind is TokKind.WORD and not (
        toks[j].lower in ADJUNCT_WORDS or toks[j].lower in cue_lexicon.CUE_ADJUNCTS
    )


def _after_comma(toks: Sequence[Tok], cue: Cue) -> bool:
    """The cue's clause follows a comma (``…that it would sell, Barrett said, “…”``), so it
    is no part of an earlier cue's content."""
    if cue.subject is None or cue.subject_side not in ("left", "apposition"):
        return False
    i = subject_phrase_start(toks, cue)
    return i > 0 and toks[i - 1].text == ","


def attribute_quote(text: str, toks: Sequence[Tok], k: int, q: Quotation,
                    resolved: Sequence[Resolved], firsts: Sequence[int],
                    verbs: Sequence[int]) -> Attribution | None:
    """Cue-based rules for the quotation at token ``k``; None when no cue fits.

    ``firsts`` and ``verbs`` are the cues' first and verb token indices (sorted)."""
    if nickname(toks, k):
        return None
    lo, hi = _sentence_bounds(toks, k)
    # quote-then-cue: the cue clause starts right after the quotation (a comma may stand between)
    after = k + 1
    if after < hi and toks[after].text == ",":
        after += 1
    while after < hi and after - k <= 4 and descriptor_word(toks[after]):
        after += 1  # ``“…,” harbour master Teo Lind said``
    closed = text[q.start:q.end].rstrip()[-1:] in ".!?"
    for r in resolved[bisect.bisect_left(firsts, after):bisect.bisect_left(firsts, hi)]:
        c = r.cue
        if c.subject is None:
            continue
        if closed and (k > lo or _has_content(toks, c)):
            # ``“We will stop.” The board said it would comply``: the board's own words;
            # ``Ruiz insisted the board “stop.” Lind agreed.``: the quotation is Ruiz's
            break
        if c.subject_side == "right" and c.first in (after, after - 1) or (
            c.subject_side in ("left", "apposition", "description")
            and k < subject_phrase_start(toks, c) <= after
        ):
            return Attribution(q.start, q.end, "quote-then-cue", r.rule, r.speaker,
                               (c.subject.start, c.subject.end), c, r.confidence,
                               decided_by=r.decided_by)
        break
    # cue-then-quote: the last cue before the quotation in its sentence
    before = [r for r in resolved[bisect.bisect_left(verbs, lo):bisect.bisect_left(verbs, k)]
              if r.cue.last < k]
    if before:
        nearest = before[-1]
        chosen = nearest
        # an outer cue reports the inner one (``X said Y told …``)
        outer = before[:-1] if nearest.cue.lemma not in cue_lexicon.DESCRIPTION_VERBS and not (
            _after_comma(toks, nearest.cue)
        ) else []
        for r in outer:
            between = toks[r.cue.last + 1:nearest.cue.first]
            if r.cue.subject_side == "relative":
                continue  # ``Brevik, who said he had left, wrote: “…”``: no outer cue
            if r.cue.lemma != "report" and r.speaker is not None and not any(
                t.lower in {"but", "while", "whereas"} or t.text == ";" for t in between
            ):
                chosen = r
                break
        c = chosen.cue
        gap = toks[c.last + 1:k]
        gap_words = [t for t in gap if t.kind is TokKind.WORD]
        embedded = bool(gap_words) and not (gap and gap[-1].text == ":")
        if embedded and c.subject_side == "right" and gap[-1].text != "," and any(
            t.lower in RELATIVE_WORDS for t in gap_words
        ):
            return None  # ``said Renner, who rates the shares a “buy”``: the clause's word
            # (``said Gene, who asked not to be named, “came up …”`` goes on the quotation)
        detector = "cue-then-quote"
        if c.lemma in cue_lexicon.DESCRIPTION_VERBS:
            detector, embedded = "description", False
        elif embedded:
            detector = "embedded"
        conf = chosen.confidence - (0.1 if embedded else 0.0)
        if chosen.speaker is None and c.subject is None:
            return None
        mention = (c.subject.start, c.subject.end) if c.subject else None
        return Attribution(q.start, q.end, detector, chosen.rule, chosen.speaker, mention, c,
                           conf, embedded, chosen.decided_by)
    return None


def cue_before(toks: Sequence[Tok], qk: int, resolved: Sequence[Resolved],
               verbs: Sequence[int]) -> Resolved | None:
    """The last cue with a speaker ending before the quotation at ``toks[qk]``, in the same
    sentence or the one before: ``The board may wait, Ostler said. “The money is gone.”``

    ``verbs`` are the cues' verb token indices (sorted)."""
    i = bisect.bisect_left(verbs, qk) - 1
    while i >= 0 and (resolved[i].cue.last >= qk or resolved[i].speaker is None
                      or resolved[i].cue.subject is None):
        if qk - resolved[i].cue.verb > 2 * MAX_SENTENCE:
            return None
        i -= 1
    if i < 0 or qk - resolved[i].cue.last > 2 * MAX_SENTENCE:
        return None
    r = resolved[i]
    stops = sum(1 for j in range(r.cue.last + 1, qk) if is_boundary(toks, j))
    return r if stops <= 1 else None


def transcript(text: str, q: Quotation) -> tuple[str, int] | None:
    """``"MORALES: We have the votes."`` → (``MORALES``, content start)."""
    m = _TRANSCRIPT.match(text, q.start, q.end)
    if m is None or m.end() >= q.end:
        return None
    return m.group(1), m.end()


def _finite_cue(t: Tok) -> bool:
    """A reporting verb in an inflected form (``said``, ``writes``), not a base form that may
    be a noun (``his call with Lind``, ``post``)."""
    lemma = cue_lexicon.lemma_of(t.lower)
    return lemma is not None and lemma != t.lower and t.lower not in STATEMENT_NOUNS


def lead_in_speaker(text: str, toks: Sequence[Tok]) -> tuple[int, int] | None:
    """Token range of the speaker in a paragraph that ends with ':' and announces a
    statement: the possessor in ``Ruiz's full statement:``, the subject opening
    ``Ruiz made the following comment:``."""
    if not toks or toks[-1].text != ":":
        return None
    start = 1 if toks[0].lower in {"and", "also"} and len(toks) > 2 else 0
    if toks[start].lower == "from" and 1 < len(toks) - start <= MAX_LEAD_IN and toks[
            start + 1].is_cap:
        # rule from-lead-in: ``And from Chairwoman Nadia Pell:`` before the quoted statement
        end = chunk_forward(toks, start + 1)
        if end == len(toks) - 1:
            return start + 1, end
    for i in range(len(toks) - 2, 0, -1):
        t = toks[i]
        if t.kind is TokKind.POSS and toks[i - 1].is_cap and len(toks) - i <= MAX_LEAD_IN and any(
            x.lower in STATEMENT_NOUNS for x in toks[i + 1:]
        ) and not any(is_boundary(toks, j) or _finite_cue(toks[j])
                      for j in range(i + 1, len(toks) - 1)):
            # (not ``Ilunga’s arrival was “a statement”. X said in a statement:``)
            return chunk_backward(toks, i - 1), i
        if t.lower in STATEMENT_NOUNS and i >= 4 and toks[i - 1].lower == "following" and (
            toks[i - 2].lower == "the" and toks[i - 3].text.islower()
        ):
            e = i - 4  # the subject before ``made``/``has issued`` …
            while e > 0 and toks[e].lower in cue_lexicon.CUE_MODIFIERS:
                e -= 1
            if toks[e].is_cap and toks[e].kind is TokKind.WORD:
                return chunk_backward(toks, e), e + 1
    return None
