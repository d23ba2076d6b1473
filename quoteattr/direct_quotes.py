"""The direct-quote sieve: the speaker of every quotation, and of every paragraph that a
lead-in, a transcript label or a signature makes a quotation, paragraph by paragraph.

Each paragraph meets the rules of :data:`ORDER` in three steps:

1. **whole paragraphs** (first that decides wins): while a lead-in is open
   (``_STATEMENT_RULES``), the greeting and the sign-off of the statement it announces and
   the statement's own paragraphs (``lead-in``); then (``_PARAGRAPH_RULES``) an interview
   answer (``transcript-line``), a ``Q:``/``A:`` transcript's answer or question
   (``interview-answer``, ``interview-question``), a signed quotation (``dash-signature``);
2. otherwise **each quotation**: a quoted transcript label (``transcript``) or the cue-based
   attribution sieve (:data:`quoteattr.attribution.ORDER`); a sentence-like quotation left
   without a speaker then goes to ``_QUOTATION_RULES``: ``manner-verb``, ``same-paragraph``
   (refined by ``attribution-sentence``), ``continuation``, ``action-beat``,
   ``narrated-beat``, ``unattributed``;
3. then **lead-ins** (``_LEAD_IN_RULES``, for a paragraph ending in a colon): whether the
   paragraph announces a statement in the paragraphs after it (``named-lead-in``,
   ``statement-lead-in``, ``colon-lead-in``), and whether a reading
   (``read-aloud-lead-in``) hands its reader to the quotations after it.

State: :class:`_Reading`, this stage's own, lives for one article: the quotes so far, the
resolved cues, the last attribution (what a continuation takes), the open lead-in. The entity
index is the speaker sieve's (it notes who spoke); rules here note speakers in it too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from . import rules
from .attribution import (
    Attribution,
    Resolved,
    attribute_quote,
    cue_before,
    is_sentence_like,
    lead_in_speaker,
    transcript,
)
from .coreference import EntityIndex
from .cue_model import Cue
from .entities import Entity
from .interviews import Interview, find_interview, interview_line
from .lexicon import grammar, quoting, statements
from .lexicon.mentions import LEADING_ADVERBS
from .mentions import (
    Mention,
    MentionKind,
    category,
    chunk_backward,
    chunk_forward,
    classify,
)
from .model import Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType
from .paragraphs import Paragraph
from .phrases import is_boundary, sentence_start
from .quotemarks import Quotation
from .rules import Example, Rule, register
from .segmentation import SegmentKind
from .speaker_sieve import CONFIDENCE, resolve_speaker
from .tokens import Cat, Tok, TokKind
from .trail import quote_trail
from .transcripts import (
    dash_signature,
    read_aloud_lead,
    statement_author,
    statement_goes_on,
    transcript_line,
)

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_DIRECT = QuoteKind.DIRECT
_BODY, _HEADING = SegmentKind.BODY, SegmentKind.HEADING
_WORD, _QUOTE = TokKind.WORD, TokKind.QUOTE
_NAME, _PRONOUN, _ORGANIZATION = MentionKind.NAME, MentionKind.PRONOUN, MentionKind.ORGANIZATION
_ROLE = MentionKind.ROLE
_CAT_OTHER = Cat.OTHER

__all__ = ["ORDER", "direct_quotes"]

SIEVE = "direct-quote"
#: Paragraphs a reproduced statement may run to after its lead-in.
MAX_BLOCK_PARAGRAPHS = 8


@attrs.define(slots=True)
class _Reading:
    """What the direct-quote stage carries from paragraph to paragraph of one article."""

    text: str
    paras: Sequence[Paragraph]
    index: EntityIndex
    include_headlines: bool
    starts: list[int]  # where each paragraph starts
    quotes: list[Quote] = attrs.field(factory=list)
    resolved: list[Resolved] = attrs.field(factory=list)  # every cue so far, resolved
    last: Attribution | None = None  # what a quotation continuing the paragraph before takes
    lead: Attribution | None = None  # the lead-in whose statement the next paragraphs are
    blocks: int = 0  # paragraphs of the statement after ``lead`` so far
    narrated: int = 0  # the last paragraph with narration, not only quotations
    open_run: list[int] = attrs.field(factory=list)  # quotes of a quotation still open
    # each step's switched-on rules, in order (the switches are read once per article)
    statement_rules: list[_ParaFn] = attrs.field(factory=lambda: _switched_on(_STATEMENT_RULES))
    paragraph_rules: list[_ParaFn] = attrs.field(factory=lambda: _switched_on(_PARAGRAPH_RULES))
    quotation_rules: list[_QuoteFn] = attrs.field(
        factory=lambda: _switched_on(_QUOTATION_RULES))
    lead_in_rules: list[_LeadFn] = attrs.field(factory=lambda: _switched_on(_LEAD_IN_RULES))
    labels: bool = attrs.field(factory=lambda: rules.is_enabled("transcript"))
    interview: Interview | None = None  # the article read as a ``Q:``/``A:`` transcript

    def add(self, a: Attribution) -> None:
        self.quotes.append(_quote(self.text, a.start, a.end, _DIRECT, a))


_C = TypeVar("_C")
_D = TypeVar("_D")


def _switched_on(sieve: list[tuple[Rule, Callable[[_C], _D | None]]]
                 ) -> list[Callable[[_C], _D | None]]:
    return [fn for r, fn in sieve if rules.is_enabled(r.name)]


def _first(sieve: Sequence[Callable[[_C], _D | None]], ctx: _C) -> _D | None:
    """The decision of the first rule of ``sieve`` that decides on ``ctx`` (None: all pass)."""
    for fn in sieve:
        decision = fn(ctx)
        if decision is not None:
            return decision
    return None


def _sieve(rules_list: list[tuple[Rule, Callable[[_C], _D | None]]], name: str, summary: str,
           examples: tuple[Example, ...], counter: tuple[Example, ...], *, vetoes: bool = False,
           by_effect: bool = False, reports_as: str | None = None
           ) -> Callable[[Callable[[_C], _D | None]], Callable[[_C], _D | None]]:
    """Register the decorated function as rule ``name`` of the direct-quote sieve, tried in
    ``rules_list``."""
    def wrap(fn: Callable[[_C], _D | None]) -> Callable[[_C], _D | None]:
        r = register(Rule(name, SIEVE, summary, examples, counter, reports_as, vetoes=vetoes,
                          by_effect=by_effect))
        rules_list.append((r, fn))
        return fn
    return wrap


def direct_quotes(text: str, paras: Sequence[Paragraph], index: EntityIndex,
                  include_headlines: bool) -> tuple[list[Quote], list[Resolved]]:
    """The direct quotes of the article, and every cue resolved to its speaker (for reported
    speech)."""
    s = _Reading(text, paras, index, include_headlines, [p.start for p in paras])
    s.interview = find_interview(text, [(p.start, p.end, p.kind is _BODY)
                                        for p in paras], index)
    for n, p in enumerate(paras):
        # a pronoun looks back to the paragraph before, past paragraphs that only quote
        window = s.starts[s.narrated if n > 0 and s.narrated < n else max(0, n - 1)]
        resolved = [resolve_cue(c, p.toks, index, window, p.start, nested(p.toks, p.cues, k),
                                text) for k, c in enumerate(p.cues)]
        s.resolved.extend(resolved)
        words = sum(t.kind is _WORD for t in p.toks) if s.lead else 0
        ctx = _ParaCtx(s, n, p, p.kind is _HEADING, words, resolved)
        if _take_paragraph(ctx):
            continue
        _quotations(s, n, p, resolved, window)
        _lead_ins(ctx)
    return s.quotes, s.resolved


def resolve_cue(c: Cue, toks: Sequence[Tok], index: EntityIndex, window: int,
                paragraph: int, nested: bool = False, text: str = "") -> Resolved:
    """The speaker of cue ``c`` (in the paragraph ``toks`` of ``text``), and what the index
    learns from it; ``window`` is where a pronoun may look back to (the paragraph before),
    ``paragraph`` where the cue's own paragraph starts; a ``nested`` cue (inside another
    cue's content) makes no one the last speaker."""
    mark = index.speakers_noted()
    r = resolve_speaker(c, index, window, paragraph, toks, text)
    if nested:
        index.forget_speakers(mark)  # ``Lind said the mayor had promised …``: Lind spoke
    if r.speaker is not None:
        for t in toks[c.first:c.last + 1]:
            if t.lower in quoting.STATEMENT_NOUNS:  # ``Real Corvana said in its own statement``
                index.note_document(t.lower, r.speaker)
    return r


def nested(toks: Sequence[Tok], cues: Sequence[Cue], k: int) -> bool:
    """Cue ``cues[k]`` reports inside an earlier cue's content: its subject comes after the
    verb of an earlier cue of the same sentence (``Marisol said the mayor had promised her
    …``), not before it as a shared subject does (``Ruiz said …, adding …``)."""
    c = cues[k]
    if c.subject is None or k == 0:
        return False
    prev = cues[k - 1]
    if prev.subject is None or prev.last >= c.first or c.subject.start < toks[prev.last].end:
        return False
    return not any(is_boundary(toks, j) or toks[j].text in {";", ","} or toks[j].lower == "but"
                   for j in range(prev.last + 1, c.first)
                   if toks[j].start < c.subject.start)  # (``Back when he wrote it, Lind said``)


def _quote(text: str, start: int, end: int, kind: QuoteKind, a: Attribution) -> Quote:
    mention = Span(a.mention[0], a.mention[1], text[a.mention[0]:a.mention[1]]) if (
        a.mention) else None
    cue = Span(a.cue.start, a.cue.end, text[a.cue.start:a.cue.end]) if a.cue else None
    trail = quote_trail(start, end, a.detector, a.cue, a.decided_by, a.attributor, a.mention)
    return Quote(text[start:end], start, end, kind, a.speaker, mention, cue,
                 max(0.0, min(1.0, a.confidence)), Provenance(a.detector, a.attributor, trail))


# ---------------------------------------------------------------- 1. whole paragraphs


@attrs.define(slots=True)  # (read only; not frozen, as a frozen init costs twice as much)
class _ParaCtx:
    """What the whole-paragraph and the lead-in rules look at: paragraph ``n``."""

    s: _Reading
    n: int
    p: Paragraph
    heading: bool
    words: int  # the paragraph's words while a lead-in is open (0 otherwise)
    resolved: Sequence[Resolved]  # the paragraph's cues

    def continues_statement(self) -> bool:
        """The paragraph may be the open lead-in's statement: not a heading, not opening
        with a quotation, and the first after the lead-in or still speaking as the
        statement does."""
        p, s = self.p, self.s
        return s.lead is not None and not self.heading and not (
            p.quotations and p.quotations[0].open == p.start
        ) and (s.blocks == 0 or statement_goes_on(p))


@attrs.frozen(slots=True)
class _Taken:
    """A paragraph rule's decision: the paragraph is taken whole."""

    quote: Attribution | None  # the direct quote it makes of the paragraph, if any
    lead: Attribution | None  # the lead-in still open after it
    blocks: int  # the statement's paragraphs after that lead-in so far


_ParaFn = Callable[[_ParaCtx], _Taken | None]
_STATEMENT_RULES: list[tuple[Rule, _ParaFn]] = []  # (each needs an open lead-in)
_PARAGRAPH_RULES: list[tuple[Rule, _ParaFn]] = []
_MEMO = ("Harbour chief Ana Ruiz told staff in a memo that the pier would close.\n\n"
         "Read the full memo:\n\n")


def _take_paragraph(ctx: _ParaCtx) -> bool:
    """Whether a paragraph rule took the paragraph whole (its quote, if any, is added)."""
    s = ctx.s
    taken = _first(s.statement_rules, ctx) if s.lead is not None else None
    taken = taken or _first(s.paragraph_rules, ctx)
    if taken is None:
        s.lead, s.blocks = None, 0
        return False
    if taken.quote is not None:
        s.add(taken.quote)
        s.last = taken.quote
    s.lead, s.blocks = taken.lead, taken.blocks
    return True


@_sieve(_STATEMENT_RULES, "statement-greeting",
        "the short greeting opening a reproduced statement (``Team,``) is no part of it",
        (Example(_MEMO + "Team,\n\nWe have worked hard this year and I am proud of you all.",
                 "We have worked hard", "Ana Ruiz"),),
        (Example(_MEMO + "Team, we have worked hard this year and I am proud of you all.",
                 "Team, we have worked hard", "Ana Ruiz"),), by_effect=True)
def statement_greeting(ctx: _ParaCtx) -> _Taken | None:
    s = ctx.s
    if s.lead is None or s.blocks != 0 or not 0 < ctx.words <= 3 or (
            ctx.p.toks[-1].text != ","):
        return None
    return _Taken(None, s.lead, s.blocks)


@_sieve(_STATEMENT_RULES, "statement-signature",
        "a reproduced statement ends at a short sign-off line with no closing stop "
        "(``Ilse (yours)``)",
        (Example(_MEMO + "We have worked hard this year and I am proud of you all.\n\n"
                 "Ilse (yours)\n\nThe pier opens in May.", "Ilse (yours)"),),
        (Example(_MEMO + "We have worked hard this year and I am proud of you all.\n\n"
                 "I will see you on Monday.", "I will see you on Monday.", "Ana Ruiz"),),
        vetoes=True)
def statement_signature(ctx: _ParaCtx) -> _Taken | None:
    if ctx.s.blocks == 0 or ctx.words > 2 or not ctx.continues_statement() or (
            ctx.p.toks[-1].text in ".!?"):
        return None
    return _Taken(None, None, ctx.s.blocks)


@_sieve(_STATEMENT_RULES, "lead-in",
        "the unquoted paragraphs after a lead-in (``Ruiz's full statement:``) are the "
        "statement it announces, up to eight of them",
        (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nRuiz's full statement:\n\nWe "
                 "have worked hard this year and the pier will reopen.",
                 "We have worked hard", "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nThe pier has been shut since "
                 "March.\n\nWe have worked hard this year and the pier will reopen.",
                 "We have worked hard"),))
def lead_in(ctx: _ParaCtx) -> _Taken | None:
    s = ctx.s
    if s.lead is None or not ctx.continues_statement():
        return None
    blocks = s.blocks + 1
    return _Taken(attrs.evolve(s.lead, start=ctx.p.start, end=ctx.p.end),
                  s.lead if blocks < MAX_BLOCK_PARAGRAPHS else None, blocks)


@_sieve(_PARAGRAPH_RULES, "transcript-line",
        "an unquoted paragraph ``Ruiz: …`` whose label names a person of the article is "
        "that person's answer (an interview transcript)",
        (Example("Harbour chief Ana Ruiz met the crews on Monday.\n\nRuiz: We will reopen the "
                 "pier in May, whatever the board says.", "We will reopen the pier",
                 "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz met the crews on Monday.\n\nQ: Will the pier "
                 "reopen? “We will reopen the pier in May,” Ruiz said.",
                 "We will reopen the pier", "Ana Ruiz"),), by_effect=True,
        reports_as="transcript")
def transcript_label(ctx: _ParaCtx) -> _Taken | None:
    if ctx.heading:
        return None
    line = transcript_line(ctx.s.text, ctx.s.paras, ctx.n, ctx.s.index)
    return _Taken(line, None, 0) if line is not None else None


register(Rule(
    "titled-label", SIEVE,
    "a capitalised transcript label with an honorific or a title (``MS. ROE:``, "
    "``SECRETARY ROE:``) names the person of the article with that surname",
    (Example("Secretary Jane Roe spoke at the hearing.\n\nSECRETARY ROE: The board has "
             "signed every contract.", "The board has signed every contract.", "Jane Roe"),),
    (Example("Secretary Jane Roe spoke at the hearing.\n\nHARBOUR OFFICE: The board has "
             "signed every contract.", "The board has signed every contract."),)))


register(Rule(
    "tally-label", SIEVE,
    "a label followed by nothing but a number is a tally or a score, not a transcript "
    "answer (``Dana Brook: 1,204.``)",
    (Example("Harbour chief Dana Brook met the crews.\n\nDana Brook: 1,204.", "1,204"),),
    (Example("Harbour chief Dana Brook met the crews.\n\nDana Brook: We counted 1,204 "
             "boats this year.", "We counted 1,204 boats", "Dana Brook"),), vetoes=True))


register(Rule(
    "lone-label", SIEVE,
    "a transcript label naming someone the article names nowhere else leads no answer, "
    "unless its paragraph speaks in the first or second person (``Text Size: A A A …``)",
    (Example("The harbour board met on Monday.\n\nDana Brook: The council voted to close "
             "the pier on Monday.", "The council voted to close the pier"),),
    (Example("Harbour chief Dana Brook met the crews.\n\nDana Brook: The council voted to "
             "close the pier on Monday.", "The council voted to close the pier",
             "Dana Brook"),), vetoes=True))


@_sieve(_PARAGRAPH_RULES, "interview-answer",
        "in a transcript whose paragraphs alternate ``Q:`` and ``A:`` (two of each at least), an "
        "``A:`` paragraph is the answer of the interviewee the introduction names (``an interview "
        "with …``, or the person it names most often)",
        (Example("An edited transcript of an interview with Councillor Ana Ruiz.\n\n"
                 "Q: When does the work begin?\n\nA: The first crews arrive in March.\n\n"
                 "Q: And the stone?\n\nA: It comes by barge in April.",
                 "The first crews arrive in March.", "Ana Ruiz"),
         Example("Councillor Ana Ruiz has led the harbour board for a decade. Ruiz took questions "
                 "from residents about the sea wall on Friday.\n\n"
                 "Q: When does the work begin?\n\nA: The first crews arrive in March.\n\n"
                 "Q: And the stone?\n\nA: It comes by barge in April.",
                 "It comes by barge in April.", "Ana Ruiz")),
        (Example("An interview with Councillor Ana Ruiz.\n\nQ: When does the work begin?\n\n"
                 "A: The first crews arrive in March.", "The first crews arrive in March."),
         Example("Councillor Ana Ruiz and Mayor Ben Lee spoke on Friday.\n\n"
                 "Q: When does the work begin?\n\nA: The first crews arrive in March.\n\n"
                 "Q: And the stone?\n\nA: It comes by barge in April.",
                 "The first crews arrive in March."),
         Example("An interview with Councillor Ana Ruiz.\n\nQ: When does the work begin?\n\n"
                 "A: The first crews arrive in March.\n\nA: The stone comes later.\n\n"
                 "Q: And the money?\n\nA: It is in the bank.", "It is in the bank.")))
def interview_paragraph(ctx: _ParaCtx) -> _Taken | None:
    """``A:`` answers and named ``Q:`` questions of a ``Q:``/``A:`` transcript
    (:mod:`quoteattr.interviews`; ``interview-question`` is switched off on its own)."""
    if ctx.heading:
        return None
    line = interview_line(ctx.s.text, ctx.p.start, ctx.p.end, ctx.s.interview)
    return _Taken(line, None, 0) if line is not None else None


register(Rule(
    "interview-question", SIEVE,
    "in such a transcript, a ``Q:`` paragraph is the question of the interviewer the "
    "introduction names, when it names one (``interviewed by reporter Tom Hale``)",
    (Example("Councillor Ana Ruiz was interviewed by reporter Tom Hale on Friday. Ruiz has "
             "led the harbour board since 2019.\n\n"
             "Q: When does the work begin?\n\nA: The first crews arrive in March.\n\n"
             "Q: And the stone?\n\nA: It comes by barge in April.",
             "When does the work begin?", "Tom Hale"),),
    (Example("An interview with Councillor Ana Ruiz.\n\nQ: When does the work begin?\n\n"
             "A: The first crews arrive in March.\n\nQ: And the stone?\n\n"
             "A: It comes by barge in April.", "When does the work begin?"),)))


@_sieve(_PARAGRAPH_RULES, "dash-signature",
        "a paragraph that is one quotation signed with a dash and a name, on its line or "
        "the next, is that person's (press releases, quote boxes)",
        (Example("“We act today and we act for the whole port.” —Commissioner Lara Voss",
                 "We act today", "Lara Voss"),),
        (Example("“We act today and we act for the whole port,” Commissioner Lara Voss said.",
                 "We act today", "Lara Voss"),))
def signed_quotation(ctx: _ParaCtx) -> _Taken | None:
    if ctx.heading:
        return None
    line = dash_signature(ctx.s.text, ctx.s.paras, ctx.n, ctx.s.index)
    return _Taken(line, None, 0) if line is not None else None


# ---------------------------------------------------------------- 2. each quotation


@attrs.define(slots=True)  # (read only)
class _QuoteCtx:
    """A sentence-like quotation the cue rules left without a speaker."""

    s: _Reading
    p: Paragraph
    k: int  # the quotation's QUOTE token
    q: Quotation
    found: Attribution | None  # what the cue rules gave it (no speaker), if anything
    previous: Attribution | None  # the paragraph's last quotation before it with a speaker
    upcoming: Attribution | None  # the paragraph's next quotation with a speaker
    resolved: Sequence[Resolved]  # the paragraph's cues
    verbs: Sequence[int]  # their verbs' token indices
    only_quotes: bool  # the paragraph has no word outside its quotations
    window: int  # where a pronoun may look back to
    n: int = 0  # the paragraph's index


_QuoteFn = Callable[[_QuoteCtx], Attribution | None]
_QUOTATION_RULES: list[tuple[Rule, _QuoteFn]] = []


def _cue_attributions(text: str, p: Paragraph, qtok: dict[int, int],
                      resolved: Sequence[Resolved], verbs: list[int], labels: bool
                      ) -> list[Attribution | None]:
    """Each quotation of ``p`` by its quoted transcript label (rule ``transcript``, when
    ``labels``) or else by the attribution sieve."""
    firsts = [r.cue.first for r in resolved]
    found: list[Attribution | None] = []
    for qi, q in enumerate(p.quotations):
        tr = transcript(text, q) if labels else None
        if tr is not None:
            who, content_start = tr
            sp = Speaker(who, SpeakerType.PERSON)
            found.append(Attribution(content_start, q.end, "transcript", "transcript", sp,
                                     (q.start, q.start + len(who)), None, 0.85))
            continue
        found.append(attribute_quote(text, p.toks, qtok[qi], q, resolved, firsts, verbs))
    return found


register(Rule(
    "transcript", SIEVE,
    "a quotation opening with a capitalised label (``“MORALES: We have the votes.”``) is "
    "the labelled person's, without the label",
    (Example("“MORALES: We have the votes and we will pass the harbour levy.”",
             "We have the votes", "MORALES"),),
    (Example("“We have the votes and we will pass the harbour levy,” Ana Morales said.",
             "We have the votes", "Ana Morales"),)))


def _upcoming(found: Sequence[Attribution | None]) -> list[Attribution | None]:
    """For each quotation, the next one of the paragraph that has a speaker."""
    out: list[Attribution | None] = [None] * len(found)
    upcoming: Attribution | None = None
    for qi in range(len(found) - 1, -1, -1):
        out[qi] = upcoming
        f = found[qi]
        if f is not None and f.speaker is not None:
            upcoming = f
    return out


def _quotations(s: _Reading, n: int, p: Paragraph, resolved: Sequence[Resolved],
                window: int) -> None:
    """The quotes of the paragraph's quotations, each by the first rule that decides."""
    text = s.text
    qtok = {t.quote: k for k, t in enumerate(p.toks) if t.kind is _QUOTE} if (
        p.quotations) else {}
    verbs = [r.cue.verb for r in resolved]
    found = _cue_attributions(text, p, qtok, resolved, verbs, s.labels)
    only_quotes = not any(t.kind is _WORD for t in p.toks)
    if not only_quotes:
        s.narrated = n
    upcoming = _upcoming(found)
    dropped = p.kind is _HEADING and not s.include_headlines
    previous: Attribution | None = None
    for qi, q in enumerate(p.quotations):
        a = found[qi]
        if (a is None or a.speaker is None) and is_sentence_like(text, q):
            ctx = _QuoteCtx(s, p, qtok[qi], q, a, previous, upcoming[qi], resolved, verbs,
                            only_quotes, window, n)
            a = _first(s.quotation_rules, ctx) or a
        if a is not None and a.speaker is not None:
            previous = a
        found[qi] = a
        if a is None or dropped or a.detector == "embedded" and a.speaker is None and (
                not is_sentence_like(text, q)):
            continue
        if qi == 0 and q.continued and a.speaker is not None:
            _close_open_run(s, a)
        s.add(a)
    s.open_run = _open_run(p, s.quotes, s.open_run)
    s.last = next((f for f in reversed(found) if f and f.speaker), None)


def _close_open_run(s: _Reading, a: Attribution) -> None:
    """Rule ``continuation``, backwards: the paragraphs of a quotation left open before the
    paragraph that closes it with a speaker are that speaker's too."""
    closing = attrs.evolve(a, detector="continuation", attributor="continuation",
                           confidence=CONFIDENCE["continuation"])
    for k in s.open_run:
        s.quotes[k] = _quote(s.text, s.quotes[k].start, s.quotes[k].end, _DIRECT,
                             closing)
    s.open_run = []


def _open_run(p: Paragraph, quotes: Sequence[Quote], run: list[int]) -> list[int]:
    """Indices of the unattributed quotes of a quotation that is still open after ``p``
    (``“The people trusted you. [¶] “This court …,” she said``: the first paragraph waits
    for the speaker the closing one names)."""
    if not p.quotations or not p.quotations[-1].continues or not quotes or (
        quotes[-1].speaker is not None or quotes[-1].start < p.start
    ):
        return []
    if len(p.quotations) == 1 and p.quotations[0].continued:
        return [*run, len(quotes) - 1]  # a middle paragraph of the quotation
    return [len(quotes) - 1]


def inside_attribution(toks: Sequence[Tok], previous: Attribution | None, c: Cue) -> bool:
    """Rule ``attribution-sentence``: a cue in the same sentence as the cue that attributed
    the previous quotation sits inside that attribution (``“A,” Ruiz said, hours after
    rivals declared her the winner. “B.”``): it does not take the next quotation."""
    if previous is None or previous.cue is None or previous.cue.last >= c.first or (
            previous.cue.start < previous.end) or not rules.is_enabled("attribution-sentence"):
        return False
    return not any(is_boundary(toks, j) for j in range(previous.cue.last, c.first))


def _manner_subject(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The token range of the subject of a manner verb right after the quotation at
    ``toks[k]``: ``“…,” Ruiz sighed`` or ``“…,” sighed Ruiz``."""
    j = k + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j + 1 >= len(toks):
        return None
    if toks[j].lower in quoting.MANNER_VERBS:
        e = chunk_forward(toks, j + 1)
        return (j + 1, e) if e > j + 1 else None
    e = chunk_forward(toks, j)
    if j < e < len(toks) and toks[e].lower in quoting.MANNER_VERBS:
        return j, e
    return None


@_sieve(_QUOTATION_RULES, "manner-verb",
        "a manner-of-speaking verb right after a quotation (``“…,” Ruiz sighed``, ``“…,” "
        "scoffed Ruiz``) is its cue: its subject speaks",
        (Example("“The pier will reopen in May, whatever the board says,” Ana Ruiz sighed.",
                 "The pier will reopen", "Ana Ruiz"),),
        (Example("“The pier will reopen in May, whatever the board says.” The crowd sighed.",
                 "The pier will reopen"),))
def manner_verb(ctx: _QuoteCtx) -> Attribution | None:
    span = _manner_subject(ctx.p.toks, ctx.k)
    m = classify(ctx.s.text, ctx.p.toks, *span) if span is not None else None
    if m is None:
        return None
    index = ctx.s.index
    if m.kind is _NAME:
        entity = index.lookup(m) or index.add(m, m.start)
    elif m.kind is _PRONOUN and m.text.lower() in statements.BEAT_PRONOUNS:
        entity = index.resolve_pronoun(m.gender, m.start, ctx.window)
    else:
        return None
    return _spoken_by(ctx, m, entity, "manner-verb")


@_sieve(_QUOTATION_RULES, "same-paragraph",
        "a quotation with no cue of its own is the speaker's of the cue before it in its "
        "sentence or the one before, else of the paragraph's quotation next to it",
        (Example("“The pier will reopen in May,” Ana Ruiz said. “We have waited long enough "
                 "for it.”", "We have waited long enough", "Ana Ruiz"),),
        (Example("“The pier will reopen in May,” Ana Ruiz said.\n\n“We have waited long "
                 "enough for it.”", "We have waited long enough", "Ana Ruiz"),))
def same_paragraph(ctx: _QuoteCtx) -> Attribution | None:
    q, previous = ctx.q, ctx.previous
    other = previous or ctx.upcoming
    before = cue_before(ctx.p.toks, ctx.k, ctx.resolved, ctx.verbs)
    if before is not None and before.cue.subject is not None and (
        previous is None or before.cue.start > previous.end
    ) and not inside_attribution(ctx.p.toks, previous, before.cue):
        subj = before.cue.subject
        other = Attribution(q.start, q.end, "same-paragraph", before.rule, before.speaker,
                            (subj.start, subj.end), before.cue, CONFIDENCE["same-paragraph"],
                            decided_by=before.decided_by)
    if other is None:
        return None
    return Attribution(q.start, q.end, "same-paragraph", "same-paragraph", other.speaker,
                       other.mention, other.cue, CONFIDENCE["same-paragraph"],
                       decided_by=other.decided_by)


register(Rule(
    "attribution-sentence", SIEVE,
    "a cue inside the sentence that attributed the paragraph's previous quotation does not "
    "take the next one (``“A,” Ruiz said, hours after rivals declared Lind the winner. “B.”``)",
    (Example("“We won the vote,” Ana Ruiz said, hours after rivals declared Teo Lind the "
             "winner. “The count was wrong and we will prove it.”", "The count was wrong",
             "Ana Ruiz"),),
    (Example("“We won the vote,” Ana Ruiz said. Hours later, rivals declared Teo Lind the "
             "winner. “The count was wrong and we will prove it.”", "The count was wrong"),),
    by_effect=True))
register(Rule(
    "previous-sentence-cue", SIEVE,
    "a cue gives ``same-paragraph`` a quotation with no cue of its own only from the "
    "quotation's sentence or the one before (``attribution.cue_before``)",
    (Example("Ana Ruiz said the pier would close. The crews left early. Nobody came back. "
             "“We have waited long enough for it.”", "We have waited long enough"),),
    (Example("Ana Ruiz said the pier would close. “We have waited long enough for it.”",
             "We have waited long enough", "Ana Ruiz"),), by_effect=True))


@_sieve(_QUOTATION_RULES, "continuation",
        "a paragraph that is only a quotation, or a quotation continued from the paragraph "
        "before, goes on with the previous paragraph's speaker",
        (Example("“The pier will reopen in May,” Ana Ruiz said.\n\n“We have waited long "
                 "enough for it.”", "We have waited long enough", "Ana Ruiz"),),
        (Example("“The pier will reopen in May,” Ana Ruiz said.\n\nThe crews cheered. “We "
                 "have waited long enough for it,” one docker said.",
                 "We have waited long enough"),))
def continuation(ctx: _QuoteCtx) -> Attribution | None:
    last, q = ctx.s.last, ctx.q
    if not (ctx.only_quotes or q.continued) or last is None:
        return None
    a = Attribution(q.start, q.end, "continuation", "continuation", last.speaker, last.mention,
                    last.cue, CONFIDENCE["continuation"], decided_by=last.decided_by)
    entity = ctx.s.index.entity_of(a.speaker)
    if entity is not None and not entity.organization:
        ctx.s.index.note_speaker(entity, q.start)  # the next ``she said`` may be hers
    return a


@_sieve(_QUOTATION_RULES, "name-colon",
        "a quotation right after a name and a colon, with no cue, is that name's "
        "(``Tide tables shift - Ana Ruiz: “…”``, ``It does not surprise pollster Teo Lind: "
        "“…”``)",
        (Example("HARBOUR FEES CLIMB AGAIN - Ana Ruiz: “The pier will reopen in May, "
                 "whatever the board says.”", "The pier will reopen", "Ana Ruiz"),
         Example("The delay does not surprise harbour pilot Teo Lind: “The pier will reopen "
                 "in May, whatever the board says.”", "The pier will reopen", "Teo Lind")),
        (Example("The crews sailed back to Kesterwick: “The pier will reopen in May, "
                 "whatever the board says.”", "The pier will reopen"),
         Example("The notice was short: “The pier will reopen in May, whatever the board "
                 "says.”", "The pier will reopen")))
def name_colon(ctx: _QuoteCtx) -> Attribution | None:
    toks, k = ctx.p.toks, ctx.k
    if ctx.found is not None or k < 2 or toks[k - 1].text != ":" or (
            ctx.p.kind is not _BODY):
        return None
    s = chunk_backward(toks, k - 2)
    if s > k - 2 or s > 0 and toks[s - 1].lower in grammar.PREPOSITIONS:
        return None  # (``sailed back to Kesterwick:`` names a place)
    m = classify(ctx.s.text, toks, s, k - 1)
    if m is None or m.kind not in (_NAME, _ORGANIZATION):
        return None
    index = ctx.s.index
    entity = index.lookup(m) or index.add(m, m.start)
    if entity is None:
        return None
    if not entity.organization:
        index.note_speaker(entity, ctx.q.start)
    return Attribution(ctx.q.start, ctx.q.end, "name-colon", "name-colon", entity.speaker(),
                       (m.start, m.end), None, CONFIDENCE["name-colon"])


#: Tokens between the verb of ``issued a statement`` and its noun (``put out a brief``).
_ISSUE_GAP = 4


@_sieve(_QUOTATION_RULES, "issued-statement",
        "a quotation with no cue in a sentence whose subject issued a statement, memo or "
        "letter before it is that subject's (``Ruiz issued a statement saying the pier was "
        "“…”``)",
        (Example("The board met on Monday.\nOn Saturday, Ana Ruiz issued a statement saying "
                 "the pier was “a disgrace to the whole town and its people.”",
                 "a disgrace to the whole town", "Ana Ruiz"),),
        (Example("The board met on Monday.\nOn Saturday, Ana Ruiz read a statement from the "
                 "union saying the pier was “a disgrace to the whole town and its people.”",
                 "a disgrace to the whole town"),))
def issued_statement(ctx: _QuoteCtx) -> Attribution | None:
    toks, k = ctx.p.toks, ctx.k
    if ctx.found is not None or k < 3:
        return None
    s = sentence_start(toks, k - 1)
    issued = next((j for j in range(s, k - 1) if toks[j].lower in statements.ISSUE_VERBS), -1)
    if issued < 0 or not any(toks[j].lower in quoting.STATEMENT_NOUNS
                             for j in range(issued + 1, min(k, issued + _ISSUE_GAP + 1))):
        return None
    if chunk_forward(toks, s) != issued:  # ``On Saturday, Ruiz issued``: past the opener
        s = next((j + 1 for j in range(s, issued) if toks[j].text == ","), s)
    m = classify(ctx.s.text, toks, s, issued) if chunk_forward(toks, s) == issued else None
    index = ctx.s.index
    if m is not None and m.kind in (_NAME, _ORGANIZATION):
        entity = index.lookup(m) or index.add(m, m.start)
    elif m is not None and m.kind is _ROLE:
        entity = index.resolve_role(m, m.start)  # ``the mayor released a statement``
    else:
        return None
    if entity is None:
        return None
    if not entity.organization:
        index.note_speaker(entity, ctx.q.start)
    return Attribution(ctx.q.start, ctx.q.end, "issued-statement", "issued-statement",
                       entity.speaker(), (m.start, m.end), None, CONFIDENCE["issued-statement"])


@_sieve(_QUOTATION_RULES, "action-beat",
        "a quotation with no cue right after a sentence about a person is that person's "
        "(``Achterberg, asked about it later, shrugged. “Simon won.”``)",
        (Example("Harbour chief Ana Ruiz met the crews. Ruiz shrugged at the question. “The "
                 "pier will reopen in May, whatever the board says.”", "The pier will reopen",
                 "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz met the crews. The rain kept falling all day. “The "
                 "pier will reopen in May, whatever the board says.”",
                 "The pier will reopen"),))
def action_beat(ctx: _QuoteCtx) -> Attribution | None:
    if ctx.found is not None:
        return None
    toks, k = ctx.p.toks, ctx.k
    if k < 2 or toks[k - 1].text not in _BEAT_ENDS or not is_boundary(toks, k - 1) and (
        toks[k - 1].text != ":"
    ):
        return None
    return _beat(ctx, toks, k, "action-beat")


#: Marks that end the sentence of an action beat before its quotation.
_BEAT_ENDS = frozenset({".", "!", "?", ":"})


def _spoken_by(ctx: _QuoteCtx, m: Mention, entity: Entity | None, rule: str
               ) -> Attribution | None:
    """The quotation as ``entity``'s (named by mention ``m``), noted as the last speaker;
    None for no entity or an organisation."""
    if entity is None or entity.organization:
        return None
    ctx.s.index.note_speaker(entity, ctx.q.start)
    return Attribution(ctx.q.start, ctx.q.end, rule, rule, entity.speaker(), (m.start, m.end),
                       None, CONFIDENCE[rule])


def _beat(ctx: _QuoteCtx, toks: Sequence[Tok], k: int, rule: str, person_only: bool = False
          ) -> Attribution | None:
    """The person opening the sentence that ends at ``toks[k - 1]``, as the speaker of
    the quotation (rules ``action-beat`` and ``narrated-beat``); ``person_only``: only an
    entity with person evidence."""
    index = ctx.s.index
    s = sentence_start(toks, k - 2)
    if toks[s].lower in LEADING_ADVERBS or category(toks[s]) is _CAT_OTHER:
        # ``Outside, she held up a photograph.``: the subject after the opening phrase
        s = next((j + 1 for j in range(s, min(k - 2, s + 8)) if toks[j].text == ","), s)
    m = classify(ctx.s.text, toks, s, chunk_forward(toks, s))
    if m is None:
        return None
    entity = None
    if m.kind is _NAME:
        entity = index.lookup(m)
    elif m.kind is _PRONOUN and m.text.lower() in statements.BEAT_PRONOUNS:
        entity = index.resolve_pronoun(m.gender, m.start, ctx.window)
    elif m.kind is _ROLE:
        entity = index.resolve_role(m, m.start)  # ``…, the minister shrugged. “…”``
    if person_only and entity is not None and not entity.person_evidence:
        return None  # (a paragraph away, ``Wait, it gets better:`` names no one)
    return _spoken_by(ctx, m, entity, rule)


@_sieve(_QUOTATION_RULES, "narrated-beat",
        "a paragraph that is only a quotation, after a paragraph whose last sentence is "
        "about a person, is that person's (``Ruiz shook her head. ¶ “…”``)",
        (Example("Harbour chief Ana Ruiz met the crews.\n\nRuiz was upbeat about the "
                 "repairs.\n\n“The pier will reopen in May, whatever the board says.”",
                 "The pier will reopen", "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz met the crews.\n\nThe rain kept falling all day."
                 "\n\n“The pier will reopen in May, whatever the board says.”",
                 "The pier will reopen"),))
def narrated_beat(ctx: _QuoteCtx) -> Attribution | None:
    if ctx.found is not None or ctx.k != 0 or not ctx.only_quotes or ctx.n == 0 or (
            ctx.q.continues):
        return None  # (a quotation left open waits for the paragraph that closes it)
    before = ctx.s.paras[ctx.n - 1]
    toks = before.toks
    if before.kind is not _BODY or len(toks) < 3 or toks[-1].text not in (
            _BEAT_ENDS):
        return None
    return _beat(ctx, toks, len(toks), "narrated-beat", person_only=True)


@_sieve(_QUOTATION_RULES, "unattributed",
        "a sentence-like quotation no rule gives a speaker is still a quote, with none",
        (Example("The sign on the fence was new. “The pier will reopen in May, whatever "
                 "the board says.”", "The pier will reopen"),),
        (Example("The sign on the fence was new. “The pier will reopen in May,” Ana Ruiz "
                 "said.", "The pier will reopen", "Ana Ruiz"),))
def unattributed(ctx: _QuoteCtx) -> Attribution | None:
    if ctx.found is not None:
        return None
    q = ctx.q
    return Attribution(q.start, q.end, "unattributed", None, None, None, None, CONFIDENCE[None])


# ---------------------------------------------------------------- 3. lead-ins


@attrs.frozen(slots=True)
class _Lead:
    """A lead-in rule's decision: the statement after the paragraph is ``attribution``'s
    speaker's (None: the paragraph announces no one's)."""

    attribution: Attribution | None
    continued: bool = False  # a quoted paragraph after it continues it too


_LeadFn = Callable[[_ParaCtx], _Lead | None]
_LEAD_IN_RULES: list[tuple[Rule, _LeadFn]] = []


def _lead_ins(ctx: _ParaCtx) -> None:
    """Whether the paragraph leads in to a statement (the next paragraphs) or a reading."""
    s, p = ctx.s, ctx.p
    ends_in_colon = bool(p.toks) and p.toks[-1].text == ":"  # (every lead-in rule needs it)
    decided = _first(s.lead_in_rules, ctx) if ends_in_colon else None
    if decided is not None and decided.attribution is not None:
        s.lead = decided.attribution
        if decided.continued:
            s.last = decided.attribution
    if s.last is None and not p.quotations and p.kind is not _HEADING:
        s.last = read_aloud_lead(s.text, p, s.index)


@_sieve(_LEAD_IN_RULES, "named-lead-in",
        "a paragraph ending in a colon that names the statement's author leads in to it: "
        "``Ruiz's full statement:``, ``Ruiz made the following comment:``, ``And from "
        "Chairwoman Nadia Pell:``",
        (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nRuiz's full statement:\n\nWe "
                 "have worked hard this year and the pier will reopen.",
                 "We have worked hard", "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz told the council:\n\nWe have worked hard this year "
                 "and the pier will reopen.", "We have worked hard", "Ana Ruiz"),),
        by_effect=True, reports_as="lead-in")
def named_lead_in(ctx: _ParaCtx) -> _Lead | None:
    text, toks, index = ctx.s.text, ctx.p.toks, ctx.s.index
    lead = lead_in_speaker(text, toks)
    if lead is None:
        return None
    m = classify(text, toks, *lead)
    if m is None or m.kind is not _NAME:
        return _Lead(None)
    entity = index.lookup(m) or index.add(m, m.start)
    if entity is None:
        return _Lead(None)
    return _Lead(Attribution(0, 0, "lead-in", "lead-in", entity.speaker(), (m.start, m.end),
                             None, CONFIDENCE["lead-in"]), continued=True)


register(Rule(
    "from-lead-in", SIEVE, "``And from Chairwoman Nadia Pell:``: a paragraph of ``from`` and a "
    "name before a colon names the author ``named-lead-in`` leads in to",
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nAnd from Ana Ruiz:\n\nWe have "
             "worked hard this year and the pier will reopen.", "We have worked hard",
             "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nRuiz's full statement:\n\nWe "
             "have worked hard this year and the pier will reopen.",
             "We have worked hard", "Ana Ruiz"),), by_effect=True))
register(Rule(
    "possessor-lead-in", SIEVE, "``Ruiz's full statement:``: the possessor of a statement "
    "noun in a paragraph ending with a colon is the author ``named-lead-in`` leads in to",
    (Example("Harbour chief Ana Ruiz spoke on Monday. Teo Lind spoke too.\n\nRuiz's full "
             "statement:\n\nWe have worked hard this year and the pier will reopen.",
             "We have worked hard", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nAnd from Ana Ruiz:\n\nWe have "
             "worked hard this year and the pier will reopen.", "We have worked hard",
             "Ana Ruiz"),), by_effect=True))
register(Rule(
    "following-lead-in", SIEVE, "``Ruiz made the following comment:``: the name before the "
    "verb of ``the following`` and a statement noun is the author ``named-lead-in`` leads "
    "in to",
    (Example("Harbour chief Ana Ruiz spoke on Monday. Teo Lind spoke too.\n\nRuiz made the "
             "following comment:\n\nWe have worked hard this year and the pier will "
             "reopen.", "We have worked hard", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz spoke on Monday. Teo Lind spoke too.\n\nRuiz's full "
             "statement:\n\nWe have worked hard this year and the pier will reopen.",
             "We have worked hard", "Ana Ruiz"),), by_effect=True))


@_sieve(_LEAD_IN_RULES, "statement-lead-in",
        "``Read the full memo:`` leads in to the statement of the last speaker whose cue "
        "names that document, else of the person opening the paragraph before",
        (Example(_MEMO + "We have worked hard this year and the pier will reopen.",
                 "We have worked hard", "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz told staff in a memo that the pier would close.\n\n"
                 "Ruiz's full memo:\n\nWe have worked hard this year and the pier will "
                 "reopen.", "We have worked hard", "Ana Ruiz"),))
def statement_lead_in(ctx: _ParaCtx) -> _Lead | None:
    s, n = ctx.s, ctx.n
    author = statement_author(s.text, ctx.p, s.resolved, s.paras[n - 1] if n else None,
                              s.index)
    if author is None:
        return None
    return _Lead(attrs.evolve(author, detector="lead-in",
                              confidence=CONFIDENCE["lead-in"] - 0.1))


@_sieve(_LEAD_IN_RULES, "colon-lead-in",
        "a paragraph ending in its cue and a colon (``Ruiz told the council:``) leads in to "
        "the statement after it",
        (Example("Harbour chief Ana Ruiz told the council:\n\nWe have worked hard this year "
                 "and the pier will reopen.", "We have worked hard", "Ana Ruiz"),),
        (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nRuiz's full statement:\n\nWe "
                 "have worked hard this year and the pier will reopen.",
                 "We have worked hard", "Ana Ruiz"),), by_effect=True, reports_as="lead-in")
def colon_lead_in(ctx: _ParaCtx) -> _Lead | None:
    toks = ctx.p.toks
    if not toks or toks[-1].text != ":" or not ctx.resolved:
        return None
    r = ctx.resolved[-1]
    if r.speaker is None or r.cue.subject is None:
        return None
    subj = r.cue.subject
    return _Lead(Attribution(0, 0, "lead-in", r.rule, r.speaker, (subj.start, subj.end), r.cue,
                             CONFIDENCE["lead-in"], decided_by=r.decided_by), continued=True)


register(Rule(
    "read-aloud-lead-in", SIEVE,
    "a named reader who ``read aloud from`` a letter or statement leads in to the quoted "
    "paragraphs after it (``Ruiz read aloud from a letter. ¶ “We asked …”``)",
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nLater, Ruiz read aloud from a "
             "letter she had sent to the board.\n\n“We asked for a new pier and we were "
             "ignored.”", "We asked for a new pier", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nLater, Ruiz read the minutes of "
             "the last meeting.\n\n“We asked for a new pier and we were ignored.”",
             "We asked for a new pier"),)))


#: The direct-quote sieve: its rules in the order a paragraph meets them.
ORDER: tuple[str, ...] = rules.sieve_order(SIEVE)
