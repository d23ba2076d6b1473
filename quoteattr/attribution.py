"""Attach each direct quotation to its cue and speaker.

The cue-based decisions form the attribution sieve, tried rule by rule in :data:`ORDER` (as the
speaker sieve is): the first rule that decides gives the quotation's ``detector``, which is its
step in the quote's trail; ``disabled_rules={"embedded"}`` switches one off.

- ``quote-then-cue``: ``“We will rebuild,” Ruiz said.`` / ``“…,” said the mayor.``
- ``quote-then-listener``: ``“Who knows?” Ruiz told KTV radio in an interview.`` (a listener only).
- ``description``: ``a plan Ruiz described as “reckless.”`` (a fragment, still direct).
- ``embedded``: ``Ruiz said the plan was “reckless” and …`` (the speaker of the clause).
- ``cue-then-quote``: ``Ruiz said: “We will rebuild.”`` / ``Ruiz told reporters “…”``.

Other detectors, set by the pipeline (:attr:`Provenance.detector` / ``attributor``):

- ``transcript``: ``"MORALES: We have the votes."``.
- ``same-paragraph``: ``“A,” Ruiz said. “B.”`` → B is Ruiz's too.
- ``continuation``: a paragraph that is only a quotation continues the previous speaker.
- ``lead-in``: ``Ruiz's full statement:`` followed by an unquoted paragraph.
- ``unattributed``: a sentence-like quotation with no speaker found (speaker None).

Word lists live in :mod:`quoteattr.lexicon.quoting`, read at call time.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs
import regex

from .cue_model import Cue
from .lexicon import cues as cue_lexicon
from .lexicon import grammar, quoting
from .mentions import chunk_backward, chunk_forward, descriptor_word, nickname
from .model import Speaker
from .phrases import MAX_SENTENCE, is_boundary, sentence_start
from .quotemarks import Quotation
from .rules import Example, Rule, first_decision, is_enabled, register
from .subjects import subject_phrase_start
from .tokens import Tok, TokKind

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_QUOTE, _TOK_WORD, _POSS, _PUNCT = TokKind.QUOTE, TokKind.WORD, TokKind.POSS, TokKind.PUNCT

_TRANSCRIPT = regex.compile(r"""(\p{Lu}[\p{Lu}.'’-]+(?:\s\p{Lu}[\p{Lu}.'’-]+){0,3})\s?:\s+""")
_WORD = regex.compile(r"""[\p{L}\p{N}]+""")
#: Nouns that, with a possessive speaker, introduce a reproduced statement (live: the set in
#: :mod:`quoteattr.lexicon.quoting`, extend it there).
STATEMENT_NOUNS = quoting.STATEMENT_NOUNS
#: Tokens from a lead-in's possessive to its colon (``Ruiz's full Truth Social post on the
#: talks:``).
MAX_LEAD_IN = 16


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
        if t.kind is _QUOTE and toks[lo].text.rstrip()[-2:-1] in ".!?":
            break
        if t.kind is _PUNCT and is_boundary(toks, lo):
            break
        lo -= 1
    hi = k + 1
    while hi < len(toks) and hi - k < MAX_SENTENCE:
        t = toks[hi]
        if t.kind is _QUOTE and not (nickname(toks, hi) and is_enabled(NICKNAME_IN_SENTENCE)
                                     ) or t.kind is _PUNCT and is_boundary(toks, hi):
            break  # rule nickname-in-sentence: ``“…,” Teo “Bull” Lind said`` goes on
        hi += 1
    return lo + 1, hi


def _has_content(toks: Sequence[Tok], cue: Cue) -> bool:
    """Words follow the cue in its sentence (``said it would comply``), so it reports them."""
    j = max(cue.last, cue.verb) + 1
    if cue.subject is not None and cue.subject_side == "right":
        while j < len(toks) and toks[j].start < cue.subject.end:
            j += 1
    return j < len(toks) and toks[j].kind is _TOK_WORD and not (
        toks[j].lower in grammar.PREPOSITIONS or toks[j].lower in quoting.ADJUNCT_OPENERS
        or toks[j].lower in cue_lexicon.CUE_ADJUNCTS
    )


def _after_comma(toks: Sequence[Tok], cue: Cue) -> bool:
    """The cue's clause follows a comma (``…that it might sell the pier, Okafor said, “…”``), so it
    is no part of an earlier cue's content."""
    if cue.subject is None or cue.subject_side not in ("left", "apposition"):
        return False
    i = subject_phrase_start(toks, cue)
    return i > 0 and toks[i - 1].text == ","


# ---------------------------------------------------------------- the attribution sieve


@attrs.frozen(slots=True)
class _Ctx:
    """What the attribution rules look at for one quotation."""

    text: str
    toks: Sequence[Tok]
    k: int  # the quotation's QUOTE token
    q: Quotation
    lo: int  # the sentence around the quotation, as a token range
    after: int  # where a cue after the quotation must start (past a comma and descriptors)
    following: Resolved | None  # the first cue with a subject after the quotation
    reporting: Resolved | None  # the cue before the quotation that reports it
    gap: Sequence[Tok]  # the tokens between ``reporting`` and the quotation

    def gap_words(self) -> list[Tok]:
        return [t for t in self.gap if t.kind is _TOK_WORD]

    def embedded(self) -> bool:
        """Words, not a colon, stand between the cue and the quotation (``said the plan
        was “…”``): the quotation sits inside the cue's reported content."""
        return bool(self.gap_words()) and not (self.gap and self.gap[-1].text == ":")

    def attribution(self, detector: str, r: Resolved, penalty: float = 0.0,
                    embedded: bool = False) -> Attribution:
        c = r.cue
        mention = (c.subject.start, c.subject.end) if c.subject else None
        return Attribution(self.q.start, self.q.end, detector, r.rule, r.speaker, mention, c,
                           r.confidence - penalty, embedded, r.decided_by)


_Fn = Callable[[_Ctx], Attribution | None]
_RULES: list[tuple[Rule, _Fn]] = []


def _sieve_rule(name: str, summary: str, examples: tuple[Example, ...],
                counter: tuple[Example, ...] = ()) -> Callable[[_Fn], _Fn]:
    def wrap(fn: _Fn) -> _Fn:
        _RULES.append((register(Rule(name, "attribution", summary, examples, counter)), fn))
        return fn
    return wrap


def _closed_before(ctx: _Ctx, c: Cue) -> bool:
    """A closed quotation (``.``, ``!``, ``?``) is not the following cue's: the cue opens a
    sentence of its own (``“We will stop.” The board said it would comply``) or reports words
    after it (``Ruiz insisted the board “stop.” Lind agreed.``)."""
    closed = ctx.text[ctx.q.start:ctx.q.end].rstrip()[-1:] in ".!?"
    return closed and (ctx.k > ctx.lo or _has_content(ctx.toks, c)) and is_enabled(
        "closed-quotation")


@_sieve_rule("quote-then-cue", "the cue clause starts right after the quotation (``“…,” Ruiz "
             "said``, ``“…,” said the mayor``)",
             (Example("“We will rebuild the pier,” Mila Arden said.", "We will rebuild the pier,",
                      "Mila Arden"),),
             (Example("Mila Arden said: “We will rebuild the pier.”", "We will rebuild the pier."),
              Example("“We will rebuild the pier.” Mila Arden said the work would start soon.",
                      "We will rebuild the pier.")))
def quote_then_cue(ctx: _Ctx) -> Attribution | None:
    r = ctx.following
    if r is None or r.cue.subject is None or _closed_before(ctx, r.cue):
        return None
    return ctx.attribution("quote-then-cue", r) if _right_after(ctx, r.cue) else None


def _right_after(ctx: _Ctx, c: Cue) -> bool:
    """The clause of cue ``c`` starts right after the quotation."""
    return c.subject_side == "right" and c.first in (ctx.after, ctx.after - 1) or (
        c.subject_side in ("left", "apposition", "description")
        and ctx.k < subject_phrase_start(ctx.toks, c) <= ctx.after
    )


#: Lower-case words a listener after a verb of telling may have (``the harbour board``).
MAX_LISTENER_WORDS = 4


def _listener_only(toks: Sequence[Tok], c: Cue) -> bool:
    """Only a listener follows the verb of telling ``c`` in its sentence (``asked Labour
    officials.``, ``told Kester Radio in an interview``): it reports no words of its own."""
    if c.lemma not in cue_lexicon.ADDRESSEE_VERBS:
        return False
    j = max(c.last, c.verb) + 1
    e = chunk_forward(toks, j)
    while e == j or e < len(toks) and e - j < MAX_LISTENER_WORDS and _listener_word(toks[e]):
        if e >= len(toks) or not _listener_word(toks[e]):
            return False
        e += 1
    return e >= len(toks) or is_boundary(toks, e) or toks[e].text == "," or (
        toks[e].lower in grammar.PREPOSITIONS or toks[e].lower in quoting.ADJUNCT_OPENERS)


def _listener_word(t: Tok) -> bool:
    """A word of a listener's noun phrase: no pronoun, auxiliary, ``that`` or ``to``."""
    return t.kind is _TOK_WORD and t.lower not in grammar.PASSIVE_AUXILIARIES and (
        t.lower not in grammar.PREPOSITIONS and t.lower not in quoting.ADJUNCT_OPENERS
        and t.lower not in _NOT_LISTENER)


_NOT_LISTENER = frozenset({"that", "to", "he", "she", "it", "they", "we", "i", "you", "would",
                           "will", "could", "should", "had", "has", "have", "if", "whether"})


@_sieve_rule("quote-then-listener", "a closed quotation opening its sentence is the speaker's "
             "of a verb of telling after it that has only its listener (``“Who knows?” Ruiz "
             "told Kester’s KTV radio in an interview.``)",
             (Example("The board met on Monday.\n“We are not going to get along, who knows?” "
                      "Teo Lind told Kester’s KTV radio station in an interview.",
                      "We are not going to get along", "Teo Lind"),),
             (Example("The board met on Monday.\n“We are not going to get along.” Teo Lind "
                      "told Kester Radio the port would close.",
                      "We are not going to get along"),))
def quote_then_listener(ctx: _Ctx) -> Attribution | None:
    r = ctx.following
    if r is None or r.cue.subject is None or ctx.k > ctx.lo or not _listener_only(
            ctx.toks, r.cue):
        return None
    return ctx.attribution("quote-then-listener", r) if _right_after(ctx, r.cue) else None


def _in_relative_clause(ctx: _Ctx) -> bool:
    """The quotation is a word of the relative clause after an inverted cue (``said Renner,
    who rates the shares a “buy”``); after a comma it is the cue's again (``said Gene, who
    asked not to be named, “came up …”``)."""
    c = ctx.reporting.cue if ctx.reporting is not None else None
    return c is not None and ctx.embedded() and c.subject_side == "right" and (
        ctx.gap[-1].text != ",") and any(t.lower in quoting.RELATIVE_WORDS
                                         for t in ctx.gap_words()) and is_enabled(
        "relative-clause-quotation")


def _cue_before(ctx: _Ctx) -> Resolved | None:
    """The cue before the quotation that reports it, unless it cannot: the quotation sits in
    a relative clause, or the cue has neither a subject nor a speaker."""
    r = ctx.reporting
    if r is None or _in_relative_clause(ctx) or r.speaker is None and r.cue.subject is None:
        return None
    return r


@_sieve_rule("description", "a description verb before the quotation takes it as a fragment, "
             "still direct (``a plan Ruiz described as “reckless”``)",
             (Example("It was a plan Teo Lind described as “reckless and rushed.”",
                      "reckless and rushed.", "Teo Lind"),),
             (Example("Teo Lind said the plan was “reckless and rushed” and walked out.",
                      "reckless and rushed"),))
def description(ctx: _Ctx) -> Attribution | None:
    r = _cue_before(ctx)
    if r is None or r.cue.lemma not in cue_lexicon.DESCRIPTION_VERBS:
        return None
    return ctx.attribution("description", r)


@_sieve_rule("embedded", "the quotation sits inside the reported content of the cue before "
             "it (``Ruiz said … and urged residents not to “sightsee”``)",
             (Example("The port director, Ada Varga, said a second ferry would run by noon and "
                      "urged residents not to “sightsee” on the quay.", "sightsee", "Ada Varga"),),
             (Example("Teo Lind told the council: “The plan is reckless and rushed.”",
                      "The plan is reckless and rushed."),
              Example("The shares fell, said Ivo Renner, who rates them a “strong buy”.",
                      "strong buy")))
def embedded(ctx: _Ctx) -> Attribution | None:
    r = _cue_before(ctx)
    if r is None or not ctx.embedded():
        return None
    return ctx.attribution("embedded", r, 0.1, embedded=True)


@_sieve_rule("cue-then-quote", "the cue before the quotation in its sentence (``Ruiz said: "
             "“…”``, ``Ruiz told reporters “…”``)",
             (Example("Teo Lind told the council: “The plan is reckless and rushed.”",
                      "The plan is reckless and rushed.", "Teo Lind"),),
             (Example("“The plan is reckless and rushed,” Teo Lind told the council.",
                      "The plan is reckless and rushed,"),))
def cue_then_quote(ctx: _Ctx) -> Attribution | None:
    r = _cue_before(ctx)
    return ctx.attribution("cue-then-quote", r) if r is not None else None


#: The attribution sieve, in the order its rules are tried.
ORDER: tuple[str, ...] = tuple(r.name for r, _ in _RULES)

# -- what the attribution rules see (sieve ``attribution-context``): decided before or inside
# the sieve's rules, so no trail names them; their examples are checked by switching them off.

NICKNAME_QUOTATION = register(Rule(
    "nickname-quotation", "attribution-context", "a quoted nickname inside a name (``Teo "
    "“Bull” Lind``) is part of the name: no cue takes it as a quotation",
    (Example("Ana Ruiz said Teo “Bull” Lind would lead the crews.", "would lead the crews",
             "Ana Ruiz"),),
    (Example("Ana Ruiz said the crews would be “ready by dawn” on Monday.", "ready by dawn",
             "Ana Ruiz"),), by_effect=True)).name
OUTER_CUE = register(Rule(
    "outer-cue", "attribution-context", "the cue before a quotation is the outer one when the "
    "nearest sits in its content (``Ruiz said Lind told her, “…”`` → Ruiz), not across "
    "``but``, ``;``, a relative or comma-set clause",
    (Example("Ana Ruiz said Teo Lind told her: “The pier will close in May and the ferries "
             "will stop.”", "The pier will close in May", "Ana Ruiz"),),
    (Example("Ana Ruiz left early, but Teo Lind told the crews: “The pier will close in May "
             "and the ferries will stop.”", "The pier will close in May", "Teo Lind"),),
    by_effect=True)).name
OUTER_CONTRAST = register(Rule(
    "outer-cue-contrast", "attribution-context", "no outer cue across ``but``/``yet`` or a "
    "``;``: the nearest cue before the quotation reports it (``Ruiz said …, but Lind told "
    "the crews: “…”`` → Lind)",
    (Example("Ana Ruiz said the pier was safe, but Teo Lind told the crews: “The pier will "
             "close in May and the ferries will stop.”", "The pier will close in May",
             "Teo Lind"),),
    (Example("Ana Ruiz said Teo Lind told her: “The pier will close in May and the ferries "
             "will stop.”", "The pier will close in May", "Ana Ruiz"),), by_effect=True)).name
REPORT_NOT_OUTER = register(Rule(
    "report-not-outer", "attribution-context", "``reported`` is never the outer cue: a "
    "publication reports who said the quotation (``The Gazette reported Lind told the crews: "
    "“…”`` → Lind)",
    (Example("The Harbour Gazette reported Teo Lind told the crews: “The pier will close in "
             "May and the ferries will stop.”", "The pier will close in May", "Teo Lind"),),
    (Example("The Harbour Gazette said Teo Lind told the crews: “The pier will close in May "
             "and the ferries will stop.”", "The pier will close in May",
             "Harbour Gazette"),), by_effect=True)).name
NICKNAME_IN_SENTENCE = register(Rule(
    "nickname-in-sentence", "attribution-context", "a quoted nickname after a quotation does "
    "not end the sentence in which its cue may stand (``“…,” Teo “Bull” Lind said``)",
    (Example("“The pier will close in May,” harbour master Teo “Bull” Lind said on Monday.",
             "The pier will close in May", "Teo “Bull” Lind"),),
    (Example("“The pier will close in May,” harbour master Teo Lind said on Monday.",
             "The pier will close in May", "Teo Lind"),), by_effect=True)).name
register(Rule(
    "closed-quotation", "attribution-context", "a quotation closing its own sentence (``.``, "
    "``!``, ``?``) is not the next sentence's cue's when that cue reports words of its own "
    "(``“We will stop.” The board said it would comply.``) or the quotation stood inside a "
    "sentence (``Ruiz insisted the board “stop.” Lind agreed.``)",
    (Example("Ana Ruiz spoke to the crews. “We will not stop the work.” The board said it "
             "would comply with the order.", "We will not stop the work.", "Ana Ruiz"),),
    (Example("“We will not stop the work,” the board said.", "We will not stop the work,",
             "the board"),), by_effect=True))
register(Rule(
    "relative-clause-quotation", "attribution-context", "a quotation in the relative clause "
    "after an inverted cue (``said Renner, who rates the shares a “buy”``) is no quotation of "
    "that cue; after a comma it is again (``said Gene, who asked not to be named, “…”``)",
    (Example("The shares fell, said Ivo Renner, who rates them a “strong buy”.",
             "strong buy"),),
    (Example("The port will close, said Ivo Renner, who asked not to be named, “and nobody "
             "will say why.”", "and nobody will say why", "Ivo Renner"),), vetoes=True))


def _cue_after_start(toks: Sequence[Tok], k: int, hi: int) -> int:
    """Where a cue after the quotation at ``k`` must start: past a comma and a few descriptor
    words (``“…,” harbour master Teo Lind said``)."""
    after = k + 1
    if after < hi and toks[after].text == ",":
        after += 1
    while after < hi and after - k <= 4 and descriptor_word(toks[after]):
        after += 1
    return after


#: Punctuation that may close an opening subordinate clause (``When …, Lind said``).
CLAUSE_CLOSERS = {",", "—", "–", "―"}


def opens_subordinate(toks: Sequence[Tok], subject_first: int) -> bool:
    """The subject at ``subject_first`` is the first word of a subordinate clause that opens
    its sentence (``As Ruiz said …``, ``But even as Ruiz said …``)."""
    start = sentence_start(toks, subject_first) if subject_first > 0 else 0
    k = start
    leads, subordinators = grammar.SUBORDINATOR_LEADS, grammar.CLAUSE_SUBORDINATORS
    while k < subject_first and (toks[k].lower in leads or toks[k].lower in subordinators):
        k += 1
    return start < k == subject_first and toks[k - 1].lower in subordinators


def _closed_subordinate(toks: Sequence[Tok], r: Resolved, nearest: Resolved) -> bool:
    """``When Ruiz noted that …, Lind boasted, “…”``: the outer cue's subordinate clause
    closes at a comma or dash before the nearest cue, so it reports nothing after it."""
    return is_enabled("subordinate-cue") and r.cue.subject is not None and opens_subordinate(
        toks, subject_phrase_start(toks, r.cue)) and any(
        t.text in CLAUSE_CLOSERS for t in toks[r.cue.last + 1:nearest.cue.first])


def _reporting_cue(toks: Sequence[Tok], before: Sequence[Resolved]) -> Resolved | None:
    """The nearest cue before the quotation, or an outer cue that reports it (``X said Y
    told …``), not across a contrast (``but``, ``;``), a relative clause or a comma-set
    clause, and not ``report`` or a speakerless cue."""
    if not before:
        return None
    nearest = before[-1]
    if nearest.cue.lemma in cue_lexicon.DESCRIPTION_VERBS or _after_comma(toks, nearest.cue):
        return nearest
    for r in before[:-1]:
        if r.cue.subject_side == "relative":
            continue  # ``Brevik, who said he had left, wrote: “…”``: no outer cue
        if (r.cue.lemma != "report" or not is_enabled(REPORT_NOT_OUTER)) and (
            r.speaker is not None) and not (any(
                t.lower in quoting.CONTRAST_WORDS or t.text == ";"
                for t in toks[r.cue.last + 1:nearest.cue.first]) and is_enabled(OUTER_CONTRAST)
        ) and not _closed_subordinate(toks, r, nearest):
            return r if is_enabled(OUTER_CUE) else nearest
    return nearest


def _context(text: str, toks: Sequence[Tok], k: int, q: Quotation,
             resolved: Sequence[Resolved], firsts: Sequence[int],
             verbs: Sequence[int]) -> _Ctx:
    lo, hi = _sentence_bounds(toks, k)
    after = _cue_after_start(toks, k, hi)
    following = next((r for r in resolved[bisect.bisect_left(firsts, after):
                                          bisect.bisect_left(firsts, hi)]
                      if r.cue.subject is not None), None)
    before = [r for r in resolved[bisect.bisect_left(verbs, lo):bisect.bisect_left(verbs, k)]
              if r.cue.last < k]
    reporting = _reporting_cue(toks, before)
    gap = toks[reporting.cue.last + 1:k] if reporting is not None else ()
    return _Ctx(text, toks, k, q, lo, after, following, reporting, gap)


def attribute_quote(text: str, toks: Sequence[Tok], k: int, q: Quotation,
                    resolved: Sequence[Resolved], firsts: Sequence[int],
                    verbs: Sequence[int]) -> Attribution | None:
    """The attribution of the quotation at token ``k`` by the first rule of :data:`ORDER`
    that decides; None when no cue fits (or the quotation is a nickname, ``Teo “Bull”
    Lind``, which is never attributed).

    ``firsts`` and ``verbs`` are the cues' first and verb token indices (sorted)."""
    if nickname(toks, k) and is_enabled(NICKNAME_QUOTATION):
        return None
    decided = first_decision(_RULES, _context(text, toks, k, q, resolved, firsts, verbs))
    return decided[1] if decided is not None else None


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
    # rule previous-sentence-cue: not from further back than the sentence before
    return r if stops <= 1 or not is_enabled("previous-sentence-cue") else None


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
    return lemma is not None and lemma != t.lower and t.lower not in quoting.STATEMENT_NOUNS


def lead_in_speaker(text: str, toks: Sequence[Tok]) -> tuple[int, int] | None:
    """Token range of the speaker in a paragraph that ends with ':' and announces a
    statement: the possessor in ``Ruiz's full statement:``, the subject opening
    ``Ruiz made the following comment:``."""
    if not toks or toks[-1].text != ":":
        return None
    start = 1 if toks[0].lower in quoting.LEAD_IN_OPENERS and len(toks) > 2 else 0
    if toks[start].lower == "from" and 1 < len(toks) - start <= MAX_LEAD_IN and toks[
            start + 1].is_cap:
        # rule from-lead-in: ``And from Chairwoman Nadia Pell:`` before the quoted statement
        end = chunk_forward(toks, start + 1)
        if end == len(toks) - 1 and is_enabled("from-lead-in"):
            return start + 1, end
    possessor, following = is_enabled("possessor-lead-in"), is_enabled("following-lead-in")
    for i in range(len(toks) - 2, 0, -1):
        t = toks[i]
        if possessor and t.kind is _POSS and toks[i - 1].is_cap and (
                len(toks) - i <= MAX_LEAD_IN) and any(
            x.lower in quoting.STATEMENT_NOUNS for x in toks[i + 1:]
        ) and not any(is_boundary(toks, j) or _finite_cue(toks[j])
                      for j in range(i + 1, len(toks) - 1)):
            # rule possessor-lead-in (not ``Ilunga’s arrival was “a statement”. X said in a
            # statement:``)
            return chunk_backward(toks, i - 1), i
        if following and t.lower in quoting.STATEMENT_NOUNS and i >= 4 and (
                toks[i - 1].lower == "following") and (
            toks[i - 2].lower == "the" and toks[i - 3].text.islower()
        ):
            e = i - 4  # rule following-lead-in: the subject before ``made``/``has issued`` …
            while e > 0 and toks[e].lower in cue_lexicon.CUE_MODIFIERS:
                e -= 1
            if toks[e].is_cap and toks[e].kind is _TOK_WORD:
                return chunk_backward(toks, e), e + 1
    return None
