"""The pipeline: text → segments → candidate quotes → speakers → :class:`Quote`."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import partial

import attrs
import regex

from . import normalization, reported, rules
from .attribution import (
    STATEMENT_NOUNS,
    Attribution,
    Resolved,
    attribute_quote,
    cue_before,
    is_sentence_like,
    lead_in_speaker,
    transcript,
)
from .coreference import EntityIndex, organization_speaker
from .cues import DASHES, Cue, find_cues, is_boundary, sentence_start
from .frames import QuoteList
from .lexicon import pronouns, titles
from .markup import warn_if_html
from .mentions import (
    LEADING_ADVERBS,
    Mention,
    MentionKind,
    category,
    chunk_backward,
    chunk_forward,
    classify,
    clear_category_cache,
)
from .model import (
    Article,
    GenderEvidence,
    Provenance,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
)
from .options import (
    check_confidence,
    check_doc,
    check_flag,
    check_kinds,
    check_rule_names,
    check_text,
)
from .quotemarks import Quotation, find_quotations, is_work_title
from .rules import Example, Rule, register
from .segmentation import SegmentKind, is_title_case, segment, sentence_ends_at
from .speaker_sieve import CONFIDENCE, resolve_speaker
from .tokens import Cat, Tok, TokKind, forget_words, tokenize
from .trail import quote_trail

_NAME_START = (Cat.CAP, Cat.HON, Cat.ROLE, Cat.NAT, Cat.MOD)


@attrs.frozen(slots=True)
class _Para:
    start: int
    end: int
    kind: SegmentKind
    quotations: tuple[Quotation, ...]
    toks: tuple[Tok, ...]
    cues: tuple[Cue, ...]


def _paragraphs(text: str, beliefs: bool = False) -> list[_Para]:
    doc = segment(text)
    kept = [s for s in doc.segments if s.kind is not SegmentKind.FURNITURE]
    spans = [(s.start, s.end) for s in kept]
    quotes = find_quotations(text, spans)
    out = []
    for seg, qs in zip(kept, quotes, strict=True):
        ends = partial(sentence_ends_at, text, seg.start, seg.end)  # Punkt, where a stop needs it
        toks = tokenize(text, seg.start, seg.end, qs, ends)
        if any(is_work_title(text, q) for q in qs):
            qs, toks = _fold_titles(text, qs, toks)
        out.append(_Para(seg.start, seg.end, seg.kind, tuple(qs), tuple(toks),
                         tuple(find_cues(text, toks, beliefs))))
    forget_words()  # the tokens keep their (shared) strings
    return out


def _fold_titles(text: str, qs: list[Quotation], toks: list[Tok]
                 ) -> tuple[list[Quotation], list[Tok]]:
    """Work titles (``KPRT’s “Dockside Tonight”``) become one word each and leave the
    paragraph's quotations; the other QUOTE tokens are renumbered."""
    kept: list[Quotation] = []
    out: list[Tok] = []
    for t in toks:
        if t.kind is TokKind.QUOTE:
            q = qs[t.quote]
            if is_work_title(text, q):
                out.append(Tok(t.start, t.end, t.text, TokKind.WORD))
                continue
            t = Tok(t.start, t.end, t.text, TokKind.QUOTE, len(kept))
            kept.append(q)
        out.append(t)
    return kept, out


def _index_entities(text: str, paras: Sequence[_Para]) -> EntityIndex:
    index = EntityIndex()
    for p in paras:
        toks = p.toks
        if p.kind is SegmentKind.HEADING and is_title_case(
            [t.text for t in toks if t.kind is TokKind.WORD]
        ):
            continue  # ``Lawmakers Rip Ana Ruiz As A Fraud``: no name can be told apart
        i = 0
        n = len(toks)
        fronted = {c.verb for c in p.cues if toks[c.verb].is_cap}  # ``Said Lind: “…”``
        while i < n:
            if toks[i].lower == "the" and (i == 0 or is_boundary(toks, i - 1)):
                i = _note_role_subject(text, toks, i, index)
                continue
            if (toks[i].cat or category(toks[i])) not in _NAME_START or i in fronted:
                i += 1
                continue
            end = chunk_forward(toks, i)
            if end <= i:
                i += 1
                continue
            m = classify(text, toks, i, end)
            if m is not None and m.kind in (MentionKind.NAME, MentionKind.ORGANIZATION):
                entity = index.add(m, m.start)
                if entity is not None and _age_apposition(toks, end):
                    entity.person_evidence = True  # ``Marisol, 34, sat …``
                if entity is not None and m.kind is MentionKind.NAME:
                    role = _apposed_role(text, toks, i, end)
                    if role is not None and role.roles:  # ``Rainer Oostveld, the commissioner
                        index.learn_roles(entity, role.roles, role.role_phrases)  # for …,``
                        entity.person_evidence = True
                if entity is not None and m.kind is MentionKind.NAME and (
                    _opens_clause(toks, i, end) or _apposed_subject(toks, i, end)
                ):
                    index.note_subject(entity, m.start)
            i = end
    _learn_gender(paras, index)
    return index


def _note_role_subject(text: str, toks: Sequence[Tok], i: int, index: EntityIndex) -> int:
    """Rule ``role-subject``: a definite role noun opening a sentence (``The Chilean leader
    dismissed the criticism.``) is its subject: the person it resolves to, else an unnamed
    person (``The EU's foreign policy chief welcomed the talks.``); either may be a later
    pronoun's antecedent. Returns the index to go on from."""
    end = chunk_forward(toks, i)
    if end <= i + 1:
        return i + 1
    m = classify(text, toks, i, end)
    if m is None or m.kind is not MentionKind.ROLE or m.plural or not _opens_clause(
        toks, i, end
    ):
        return i + 1
    entity = index.resolve_role(m, m.start)
    if entity is not None:
        index.note_subject(entity, m.start)
    else:
        index.note_unnamed_subject(m)
    return end


#: How many tokens of asides set off by commas may stand between a subject and its verb.
MAX_SUBJECT_ASIDES = 30


#: Tokens of the noun phrase a sentence may open with before an apposed name.
MAX_APPOSED_HEAD = 6


def _apposed_role(text: str, toks: Sequence[Tok], i: int, end: int) -> Mention | None:
    """The role noun apposed to the name at ``toks[i:end]``, after it (``Rainer
    Oostveld, the commissioner for digital affairs, said``) or opening the sentence before it
    (``The rapporteur, Katarina Holm, said``)."""
    n = len(toks)
    if end + 1 < n and toks[end].text == ",":
        e2 = chunk_forward(toks, end + 1)
        m = classify(text, toks, end + 1, e2)
        if m is not None and m.kind in (MentionKind.ROLE, MentionKind.ANONYMOUS) and (
            e2 >= n or toks[e2].text in {",", ".", ";"} or toks[e2].lower in {"at", "of", "for",
                                                                             "from", "in"}
        ):
            return m
    if i >= 2 and toks[i - 1].text == "," and end < n and toks[end].text == ",":
        s = sentence_start(toks, i - 1)
        m = classify(text, toks, s, i - 1) if i - 1 - s <= MAX_APPOSED_HEAD else None
        if m is not None and m.kind in (MentionKind.ROLE, MentionKind.ANONYMOUS):
            return m
    return None


def _age_apposition(toks: Sequence[Tok], end: int) -> bool:
    """An age set off by commas follows the name ending at ``end`` (``Gene, 71,``)."""
    return end + 2 < len(toks) and toks[end].text == "," and toks[end + 2].text == "," and (
        len(toks[end + 1].text) <= 3 and toks[end + 1].text.isdecimal()
        and 0 < int(toks[end + 1].text) < 120)


def _apposed_subject(toks: Sequence[Tok], i: int, end: int) -> bool:
    """The name at ``toks[i:end]`` is apposed to the noun phrase opening its sentence, and
    a verb follows (``Noor’s mother, Samira Haddad, sat in the gallery.``)."""
    if i < 2 or toks[i - 1].text != "," or end + 1 >= len(toks) or toks[end].text != ",":
        return False
    s = i - 2
    while s > 0 and i - s <= MAX_APPOSED_HEAD and not is_boundary(toks, s - 1) and (
        toks[s - 1].kind in (TokKind.WORD, TokKind.POSS)
    ):
        s -= 1
    if not (s == 0 or is_boundary(toks, s - 1)) or i - s > MAX_APPOSED_HEAD:
        return False
    j = _past_relative_clause(toks, end + 1)
    nxt = toks[j] if j < len(toks) else toks[end + 1]
    return nxt.kind is TokKind.WORD and nxt.text[:1].islower() and nxt.lower not in {
        "who", "which", "and", "or", "but"}


def _past_relative_clause(toks: Sequence[Tok], j: int) -> int:
    """Rule ``apposed-subject-relative``: ``A visiting engineer, Ada Roe, who reviewed the
    design, defended it`` — the token after the ``who`` clause's closing comma (``j`` itself
    when no such clause starts at ``j``)."""
    if toks[j].lower != "who":
        return j
    k = j + 1
    while k < len(toks) and k - j < MAX_SUBJECT_ASIDES and toks[k].text != "," and (
            toks[k].kind in (TokKind.WORD, TokKind.POSS)):
        k += 1
    return k + 1 if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) else j


#: Tokens an opening phrase may take before a sentence's subject.
MAX_FRONTED_PHRASE = 12
#: Words that open a phrase before a sentence's subject (``At the shelter, Marisol sat``).
FRONTED_OPENERS = {"at", "in", "on", "after", "before", "during", "outside", "inside",
                   "asked", "speaking", "later", "earlier", "meanwhile", "elsewhere", "back",
                   "from", "with", "by", "for", "under", "near", "across", "since"}


def _after_fronted_phrase(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` follows the comma closing a short phrase that opens its sentence
    (``At the Harbour Road shelter, Marisol, 34, sat …``)."""
    if i < 2 or toks[i - 1].text != ",":
        return False
    s = i - 2
    while s > 0 and i - s <= MAX_FRONTED_PHRASE and toks[s - 1].kind in (TokKind.WORD,
                                                                           TokKind.POSS):
        s -= 1  # back over the phrase's words, a dozen at most
    return (s == 0 or is_boundary(toks, s - 1)) and toks[s].lower in FRONTED_OPENERS


def _opens_clause(toks: Sequence[Tok], i: int, end: int) -> bool:
    """The name at ``toks[i:end]`` is a sentence's subject: it opens the sentence and a
    lower-case word follows (``Okafor dismissed that figure.``), perhaps after asides set off
    by commas (``Okafor, dressed in grey, showed little emotion.``)."""
    if not (i == 0 or is_boundary(toks, i - 1) or _after_fronted_phrase(toks, i)):
        return False
    n = len(toks)
    j = end
    while j < n and toks[j].text == "," and j - end < MAX_SUBJECT_ASIDES:
        j += 1  # over one aside, to the comma that closes it
        while j < n and j - end < MAX_SUBJECT_ASIDES and toks[j].text != "," and (
            toks[j].kind is TokKind.WORD or toks[j].kind is TokKind.POSS
        ):
            j += 1
        if j < n and toks[j].text == "," and j + 1 < n and toks[j + 1].kind is TokKind.WORD and (
            toks[j + 1].text[:1].islower() and toks[j + 1].lower not in {"and", "or", "but"}
        ):
            return True
    return end < n and toks[end].kind is TokKind.WORD and toks[end].text[:1].islower()


def _learn_gender(paras: Sequence[_Para], index: EntityIndex) -> None:
    """``Ruiz said … / “…,” she said``: a pronoun after one named speaker teaches a gender."""
    prev_named: list[str] = []
    for p in paras:
        named: list[str] = []
        for c in p.cues:
            m = c.subject
            if m is None:
                continue
            if m.kind is MentionKind.NAME:
                named.append(m.name or "")
            elif m.kind is MentionKind.PRONOUN and m.gender:
                window = {n for n in prev_named + named}
                if len(window) == 1 and not index.subject_between(
                    next(iter(window)), m.start
                ):  # ``Lind said … / Ruiz dismissed that. “…,” she said``: Lind learns nothing
                    entity = index.lookup(attrs.evolve(m, name=next(iter(window))))
                    if entity is not None:
                        entity.vote(m.gender, 1, GenderEvidence.PRONOUN)
        prev_named = named


def _resolve_cue(c: Cue, toks: Sequence[Tok], index: EntityIndex, window: int,
                 paragraph: int, nested: bool = False, text: str = "") -> Resolved:
    """The speaker of cue ``c`` (in the paragraph ``toks``), and what the index learns from
    it; ``window`` is where a pronoun may look back to (the paragraph before), ``paragraph``
    where the cue's own paragraph starts; a ``nested`` cue (inside another cue's content)
    makes no one the last speaker."""
    history = len(index.history)
    r = resolve_speaker(c, index, window, paragraph, toks, text)
    if nested and len(index.history) > history:
        del index.history[history:]  # ``Lind said the mayor had promised …``: Lind spoke
    if r.speaker is not None:
        for t in toks[c.first:c.last + 1]:
            if t.lower in STATEMENT_NOUNS:  # ``Real Corvana said in its own statement``
                index.documents[t.lower] = r.speaker
    return r


def _nested(toks: Sequence[Tok], cues: Sequence[Cue], k: int) -> bool:
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


def _inside_attribution(toks: Sequence[Tok], previous: Attribution | None, c: Cue) -> bool:
    """Rule ``attribution-sentence``: a cue in the same sentence as the cue that attributed
    the previous quotation sits inside that attribution (``“A,” Ruiz said, hours after
    rivals declared her the winner. “B.”``): it does not take the next quotation."""
    if previous is None or previous.cue is None or previous.cue.last >= c.first or (
            previous.cue.start < previous.end):
        return False
    return not any(is_boundary(toks, j) for j in range(previous.cue.last, c.first))


def _quote(text: str, start: int, end: int, kind: QuoteKind, a: Attribution) -> Quote:
    mention = Span(a.mention[0], a.mention[1], text[a.mention[0]:a.mention[1]]) if (
        a.mention) else None
    cue = Span(a.cue.start, a.cue.end, text[a.cue.start:a.cue.end]) if a.cue else None
    trail = quote_trail(start, end, a.detector, a.cue, a.decided_by, a.attributor, a.mention)
    return Quote(text[start:end], start, end, kind, a.speaker, mention, cue,
                 max(0.0, min(1.0, a.confidence)), Provenance(a.detector, a.attributor, trail))


def _direct_quotes(text: str, paras: Sequence[_Para], index: EntityIndex,
                   include_headlines: bool) -> tuple[list[Quote], list[Resolved]]:
    quotes: list[Quote] = []
    all_resolved: list[Resolved] = []
    prev_last: Attribution | None = None  # last attributed quote of the previous paragraph
    pending_lead: Attribution | None = None
    block_paras = 0  # paragraphs of the statement reproduced after ``pending_lead``
    para_starts = [p.start for p in paras]
    narrated = 0  # the last paragraph with narration, not only quotations
    open_run: list[int] = []  # unattributed quotes of a quotation still open, by index
    for n, p in enumerate(paras):
        # a pronoun looks back to the paragraph before, past paragraphs that only quote
        window = para_starts[narrated if n > 0 and narrated < n else max(0, n - 1)]
        resolved = [_resolve_cue(c, p.toks, index, window, p.start, _nested(p.toks, p.cues, k),
                                 text) for k, c in enumerate(p.cues)]
        all_resolved.extend(resolved)
        heading = p.kind is SegmentKind.HEADING
        words = sum(t.kind is TokKind.WORD for t in p.toks) if pending_lead else 0
        if pending_lead is not None and block_paras == 0 and 0 < words <= 3 and (
            p.toks[-1].text == ","
        ):
            continue  # ``Team,``: the greeting of a reproduced memo
        if pending_lead is not None and not heading and not (
            p.quotations and p.quotations[0].open == p.start
        ) and (block_paras == 0 or _statement_goes_on(p)):
            if block_paras > 0 and words <= 2 and p.toks[-1].text not in ".!?":
                pending_lead = None  # ``Ilse``: its signature ends it
                continue
            block = attrs.evolve(pending_lead, start=p.start, end=p.end)
            quotes.append(_quote(text, p.start, p.end, QuoteKind.DIRECT, block))
            block_paras += 1
            prev_last = block
            if block_paras >= MAX_BLOCK_PARAGRAPHS:
                pending_lead = None
            continue
        pending_lead = None
        block_paras = 0
        line = None if heading else (_transcript_line(text, paras, n, index)
                                     or _dash_signature(text, paras, n, index))
        if line is not None:
            quotes.append(_quote(text, line.start, line.end, QuoteKind.DIRECT, line))
            prev_last = line
            continue
        found: list[Attribution | None] = []
        qtok = {t.quote: k for k, t in enumerate(p.toks) if t.kind is TokKind.QUOTE} if (
            p.quotations) else {}
        firsts = [r.cue.first for r in resolved]
        verbs = [r.cue.verb for r in resolved]
        for qi, q in enumerate(p.quotations):
            tr = transcript(text, q)
            if tr is not None:
                who, content_start = tr
                sp = Speaker(who, SpeakerType.PERSON)
                found.append(Attribution(content_start, q.end, "transcript", "transcript", sp,
                                         (q.start, q.start + len(who)), None, 0.85))
                continue
            found.append(attribute_quote(text, p.toks, qtok[qi], q, resolved, firsts, verbs))
        only_quotes = not any(t.kind is TokKind.WORD for t in p.toks)
        if not only_quotes:
            narrated = n
        next_attributed: list[Attribution | None] = [None] * len(found)
        upcoming: Attribution | None = None
        for qi in range(len(found) - 1, -1, -1):
            next_attributed[qi] = upcoming
            f = found[qi]
            if f is not None and f.speaker is not None:
                upcoming = f
        previous: Attribution | None = None
        for qi, q in enumerate(p.quotations):
            a = found[qi]
            if a is None or a.speaker is None:
                other = previous or next_attributed[qi]
                before = cue_before(p.toks, qtok[qi], resolved, verbs)
                if before is not None and before.cue.subject is not None and (
                    previous is None or before.cue.start > previous.end
                ) and not _inside_attribution(p.toks, previous, before.cue):
                    subj = before.cue.subject
                    other = Attribution(q.start, q.end, "same-paragraph", before.rule,
                                        before.speaker, (subj.start, subj.end), before.cue,
                                        CONFIDENCE["same-paragraph"],
                                        decided_by=before.decided_by)
                if other is not None and is_sentence_like(text, q):
                    a = Attribution(q.start, q.end, "same-paragraph", "same-paragraph",
                                    other.speaker, other.mention, other.cue,
                                    CONFIDENCE["same-paragraph"], decided_by=other.decided_by)
                elif (only_quotes or q.continued) and prev_last is not None and (
                    is_sentence_like(text, q)
                ):
                    a = Attribution(q.start, q.end, "continuation", "continuation",
                                    prev_last.speaker, prev_last.mention, prev_last.cue,
                                    CONFIDENCE["continuation"],
                                    decided_by=prev_last.decided_by)
                    entity = index.entity_of(a.speaker)
                    if entity is not None and not entity.organization:
                        index.note_speaker(entity, q.start)  # the next ``she said`` may be hers
                elif a is None and is_sentence_like(text, q):
                    a = _action_beat(text, p.toks, qtok[qi], q, index, window) or Attribution(
                        q.start, q.end, "unattributed", None, None, None, None, CONFIDENCE[None])
            if a is not None and a.speaker is not None:
                previous = a
            if a is None or (heading and not include_headlines):
                found[qi] = a
                continue
            if a.detector in ("embedded",) and not is_sentence_like(text, q) and (
                a.speaker is None
            ):
                continue
            found[qi] = a
            if qi == 0 and q.continued and a.speaker is not None:
                closing = attrs.evolve(a, detector="continuation", attributor="continuation",
                                       confidence=CONFIDENCE["continuation"])
                for k in open_run:  # rule continuation, backwards: the paragraphs it closes
                    quotes[k] = _quote(text, quotes[k].start, quotes[k].end, QuoteKind.DIRECT,
                                       closing)
                open_run = []
            quotes.append(_quote(text, a.start, a.end, QuoteKind.DIRECT, a))
        open_run = _open_run(p, quotes, open_run)
        last = next((f for f in reversed(found) if f and f.speaker), None)
        prev_last = last if (last or p.quotations) else prev_last
        if not p.quotations:
            prev_last = None
        lead = lead_in_speaker(text, p.toks)
        author = _statement_author(text, p, all_resolved, paras[n - 1] if n else None,
                                   index) if lead is None else None
        if author is not None:  # ``Read the full memo:`` after ``Ruiz told staff in a memo``
            pending_lead = attrs.evolve(author, detector="lead-in", confidence=CONFIDENCE[
                "lead-in"] - 0.1)
        elif lead is not None:
            m = classify(text, p.toks, *lead)
            if m is not None and m.kind is MentionKind.NAME:
                entity = index.lookup(m) or index.add(m, m.start)
                if entity is not None:
                    pending_lead = Attribution(0, 0, "lead-in", "lead-in", entity.speaker(),
                                               (m.start, m.end), None, CONFIDENCE["lead-in"])
                    prev_last = pending_lead  # a quoted paragraph after it continues it
        elif p.toks and p.toks[-1].text == ":" and resolved:
            r = resolved[-1]
            if r.speaker is not None and r.cue.subject is not None:
                pending_lead = Attribution(0, 0, "lead-in", r.rule, r.speaker,
                                           (r.cue.subject.start, r.cue.subject.end), r.cue,
                                           CONFIDENCE["lead-in"], decided_by=r.decided_by)
                prev_last = pending_lead  # ``Ruiz told the council:`` then a quoted paragraph
        if prev_last is None and not p.quotations and not heading:
            prev_last = _read_aloud_lead(text, p, index)
    return quotes, all_resolved


#: Words between ``read`` and ``from`` in a reading lead-in (``read aloud from``).
READ_PARTICLES = {"aloud", "out"}
#: Most tokens between ``from`` and the document noun (``from a long letter``).
MAX_READ_DOCUMENT = 4


def _read_aloud_lead(text: str, p: _Para, index: EntityIndex) -> Attribution | None:
    """Rule ``read-aloud-lead-in``: ``Ruiz read aloud from a letter she wrote.`` (a named
    reader, ``read`` (``aloud``/``out``) ``from`` a document) leads in to the quoted
    paragraphs after it: they are the reader's."""
    toks = p.toks
    if p.kind is not SegmentKind.BODY or not rules.is_enabled("read-aloud-lead-in"):
        return None
    for i in range(1, len(toks) - 2):
        if toks[i].lower not in {"read", "reads"} or not toks[i - 1].is_cap:
            continue
        k = i + 1 + (toks[i + 1].lower in READ_PARTICLES)
        if k >= len(toks) or toks[k].lower != "from" or not any(
                t.lower in STATEMENT_NOUNS for t in toks[k + 1:k + 1 + MAX_READ_DOCUMENT]):
            continue
        m = classify(text, toks, chunk_backward(toks, i - 1), i)
        if m is None or m.kind is not MentionKind.NAME:
            continue
        entity = index.lookup(m)
        if entity is not None and not entity.organization:
            return Attribution(0, 0, "lead-in", "lead-in", entity.speaker(), (m.start, m.end),
                               None, CONFIDENCE["lead-in"], decided_by="read-aloud-lead-in")
    return None


register(Rule(
    "read-aloud-lead-in", "lead-in",
    "a named reader who ``read aloud from`` a letter or statement leads in to the quoted "
    "paragraphs after it (``Ruiz read aloud from a letter. ¶ “We asked …”``)",
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nLater, Ruiz read aloud from a "
             "letter she had sent to the board.\n\n“We asked for a new pier and we were "
             "ignored.”", "We asked for a new pier", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz spoke on Monday.\n\nLater, Ruiz read the minutes of "
             "the last meeting.\n\n“We asked for a new pier and we were ignored.”",
             "We asked for a new pier"),)))


_TRANSCRIPT_LINE = regex.compile(
    r"(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.-]*){0,2}):[ \t]+(?=\S)")


def _transcript_line(text: str, paras: Sequence[_Para], n: int, index: EntityIndex
                     ) -> Attribution | None:
    """Rule ``transcript-line``: an unquoted paragraph ``Ilunga: Because the manager called
    me.`` in an interview transcript is that person's answer, when the label names a person
    of the article (``Q:`` and ``Photograph:`` name nobody); ``MS. ROE:`` and
    ``SECRETARY ROE:`` name Roe (rule ``titled-label``). A label named nowhere else in the
    article leads no answer unless its paragraph speaks in the first or second person (rule
    ``lone-label``: ``Text Size: A A A The council voted …`` is page text). (``A:`` answers
    are not given to the interviewee: polnear-train's gold leaves one interview's answers
    unannotated.)"""
    p = paras[n]
    m = _TRANSCRIPT_LINE.match(text, p.start, p.end)
    if m is None or p.quotations and p.quotations[0].open < m.end():
        return None
    label, rule = m.group(1), "transcript"
    entity = index.entity_named(label)
    if entity is None and (bare := _untitled(label)) != label and rules.is_enabled(
            "titled-label"):
        entity, rule = index.entity_named(bare), "titled-label"
    if entity is None or entity.organization or not entity.person_evidence or all(
            x == m.start(1) for x in entity.positions) and not _statement_goes_on(p):
        return None  # (rule ``lone-label``: ``Text Size: …`` names no one named elsewhere)
    end = p.end
    while end > m.end() and text[end - 1].isspace():
        end -= 1
    return Attribution(m.end(), end, "transcript", rule, entity.speaker(),
                       (m.start(1), m.end(1)), None, CONFIDENCE["transcript"])


def _untitled(label: str) -> str:
    """``MS. ROE`` → ``ROE``, ``SECRETARY ROE`` → ``ROE``: the label without the honorifics
    and role words before the name (the label itself when nothing is left)."""
    words = label.split()
    k = 0
    while k < len(words) - 1 and (
            words[k].rstrip(".").lower() in titles.HONORIFICS
            or words[k].lower() in titles.ROLES):
        k += 1
    return " ".join(words[k:])


register(Rule(
    "titled-label", "transcript",
    "a capitalised transcript label with an honorific or a title (``MS. ROE:``, "
    "``SECRETARY ROE:``) names the person of the article with that surname",
    (Example("Secretary Jane Roe spoke at the hearing.\n\nSECRETARY ROE: The board has "
             "signed every contract.", "The board has signed every contract.", "Jane Roe"),),
    (Example("Secretary Jane Roe spoke at the hearing.\n\nHARBOUR OFFICE: The board has "
             "signed every contract.", "The board has signed every contract."),)))


def _signature(toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """``— Lara Voss, Commissioner`` at ``toks[i:]``: the token range of the name after the
    dash, when nothing but a short description follows it."""
    if i + 1 >= len(toks) or toks[i].text not in DASHES or len(toks) - i > MAX_SIGNATURE:
        return None
    j = i + 1
    while j < len(toks) and toks[j].text in DASHES:
        j += 1  # ``--``
    end = chunk_forward(toks, j)
    return (j, end) if end > j and (end == len(toks) or toks[end].text in {",", "."}) else None


def _dash_signature(text: str, paras: Sequence[_Para], n: int, index: EntityIndex
                    ) -> Attribution | None:
    """Rule ``dash-signature``: a paragraph that is one quotation, signed by a dash and a
    name, in the paragraph or on the next line (``“We act today.” —Commissioner Lara Voss``,
    ``“…” ¶ — Lara Voss, Commissioner``), is that person's (press releases, quote boxes)."""
    p = paras[n]
    if len(p.quotations) != 1 or not p.toks or p.toks[0].kind is not TokKind.QUOTE:
        return None
    toks, i = p.toks, 1
    if len(p.toks) <= 2 and n + 1 < len(paras) and paras[n + 1].toks:
        toks, i = paras[n + 1].toks, 0  # the signature on the next line
    span = _signature(toks, i)
    m = classify(text, toks, *span) if span is not None else None
    if m is None or m.kind is not MentionKind.NAME:
        return None
    entity = index.lookup(m) or index.add(m, m.start)
    if entity is None:
        return None
    index.learn_roles(entity, m.roles, m.role_phrases)
    q = p.quotations[0]
    index.note_speaker(entity, q.start)
    return Attribution(q.start, q.end, "dash-signature", "dash-signature", entity.speaker(),
                       (m.start, m.end), None, CONFIDENCE["dash-signature"])


#: Most tokens a dash signature may take (``— Lara Voss, Commissioner of the Port``).
MAX_SIGNATURE = 14

#: Paragraphs a reproduced statement may run to after its lead-in.
MAX_BLOCK_PARAGRAPHS = 8


def _statement_goes_on(p: _Para) -> bool:
    """A paragraph after the first of a reproduced statement is still the statement: it
    speaks in the first or second person and reports nobody (``I know many of you are
    angry.``, not ``The union said it would fight the cuts.``)."""
    if p.kind is not SegmentKind.BODY or any(c.subject is not None and c.subject.kind in (
        MentionKind.NAME, MentionKind.ORGANIZATION) for c in p.cues):
        return False  # (``my first manager told me`` is the statement's own story)
    return any(t.kind is TokKind.WORD and t.lower in pronouns.FIRST_AND_SECOND_PERSON
               and t.text != "US" for t in p.toks)  # (``US`` is the country)


#: How many earlier cues a statement lead-in looks back over for its author.
MAX_AUTHOR_CUES = 100


def _statement_author(text: str, p: _Para, resolved: Sequence[Resolved],
                      previous: _Para | None, index: EntityIndex) -> Attribution | None:
    """Rule ``statement-lead-in``: ``Read the full memo:`` (a lead-in with no possessor)
    introduces the statement of the last speaker whose cue names that document (``Ruiz told
    staff in a memo that …``), else of the person or organisation opening the paragraph
    before (``The ministry later published its own account. ¶ Read the full readout:``)."""
    toks = p.toks
    if not toks or toks[-1].text != ":" or len(toks) > 8 or p.cues:
        return None
    nouns = {t.lower for t in toks if t.lower in STATEMENT_NOUNS}
    if not nouns or not any(t.lower in {"full", "read", "here", "entire", "text"} for t in toks):
        return None
    for r in resolved[:-MAX_AUTHOR_CUES - 1:-1]:
        c = r.cue
        if r.speaker is None or c.subject is None:
            continue
        near = text[c.start:min(c.end + 40, len(text))].lower()
        if any(noun in near for noun in nouns):
            return Attribution(0, 0, "lead-in", "statement-lead-in", r.speaker,
                               (c.subject.start, c.subject.end), c, CONFIDENCE["lead-in"],
                               decided_by=r.decided_by)
    if previous is None or not previous.toks or previous.kind is not SegmentKind.BODY:
        return None
    ptoks = previous.toks
    m = classify(text, ptoks, 0, chunk_forward(ptoks, 0))
    if m is None or m.kind not in (MentionKind.NAME, MentionKind.ORGANIZATION):
        return None
    entity = index.lookup(m)
    speaker = entity.speaker() if entity is not None else organization_speaker(m, None)
    return Attribution(0, 0, "lead-in", "statement-lead-in", speaker, (m.start, m.end), None,
                       CONFIDENCE["lead-in"])


def _open_run(p: _Para, quotes: Sequence[Quote], run: list[int]) -> list[int]:
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


def _action_beat(text: str, toks: Sequence[Tok], k: int, q: Quotation, index: EntityIndex,
                 window: int) -> Attribution | None:
    """Rule ``action-beat``: a quotation with no cue right after a sentence about a person
    is that person's (``Achterberg, asked about it later, shrugged. “Simon won.”``)."""
    if k < 2 or toks[k - 1].text not in {".", "!", "?", ":"} or not is_boundary(toks, k - 1) and (
        toks[k - 1].text != ":"
    ):
        return None
    s = sentence_start(toks, k - 2)
    if toks[s].lower in LEADING_ADVERBS or category(toks[s]) is Cat.OTHER:
        # ``Outside, she held up a photograph.``: the subject after the opening phrase
        s = next((j + 1 for j in range(s, min(k - 2, s + 8)) if toks[j].text == ","), s)
    m = classify(text, toks, s, chunk_forward(toks, s))
    if m is None:
        return None
    entity = None
    if m.kind is MentionKind.NAME:
        entity = index.lookup(m)
    elif m.kind is MentionKind.PRONOUN and m.text.lower() in {"he", "she"}:
        entity = index.resolve_pronoun(m.gender, m.start, window)
    elif m.kind is MentionKind.ROLE:
        entity = index.resolve_role(m, m.start)  # ``…, the minister shrugged. “…”``
    if entity is None or entity.organization:
        return None
    index.note_speaker(entity, q.start)
    return Attribution(q.start, q.end, "action-beat", "action-beat", entity.speaker(),
                       (m.start, m.end), None, CONFIDENCE["action-beat"])


def analyze(
    text: str,
    *,
    include_headlines: bool = False,
    kinds: Iterable[QuoteKind | str] | None = None,
    min_confidence: float = 0.0,
    include_beliefs: bool = False,
    doc: str | None = None,
    disabled_rules: Iterable[str] = (),
) -> Article:
    """Run the whole pipeline on one article; see :func:`extract` for the options.

    A bad argument raises ``TypeError``/``ValueError`` naming it (see :mod:`quoteattr.options`).
    """
    text = check_text(text)
    chosen = check_kinds(kinds)
    wanted = set(chosen) if chosen is not None else set(QuoteKind)
    options = _Options(wanted, check_confidence(min_confidence),
                       check_flag("include_headlines", include_headlines),
                       check_flag("include_beliefs", include_beliefs))
    doc = check_doc(doc)
    warn_if_html(text, doc)
    off = check_rule_names(disabled_rules)
    with _no_collections(len(text)):
        if not off:
            return _analyze(text, options, doc)
        with rules.disabled(off):
            return _analyze(text, options, doc)


#: Texts at least this long are analysed with the cyclic garbage collector paused.
LONG_TEXT = 100_000
_PAUSES = threading.Lock()
_paused = 0  # analyses in flight that paused the collector


@contextlib.contextmanager
def _no_collections(size: int) -> Iterator[None]:
    """No cyclic garbage collection while a long text (``LONG_TEXT``) is analysed; the
    collector is back on when the last such analysis ends, and stays off if the caller had
    turned it off.

    The pipeline makes no reference cycles, but every collection walks all the tokens still
    alive: 16% of the time of a 4 MB article, so a long article cost more per MB than short
    ones. Short texts (most articles) leave the collector alone, so a threaded service that
    analyses them all day never holds other threads' garbage back."""
    global _paused
    with _PAUSES:
        pause = size >= LONG_TEXT and (_paused > 0 or gc.isenabled())
        if pause:
            _paused += 1
            gc.disable()
    try:
        yield
    finally:
        if pause:
            with _PAUSES:
                _paused -= 1
                if _paused == 0:
                    gc.enable()


@attrs.frozen(slots=True)
class _Options:
    kinds: set[QuoteKind]
    min_confidence: float
    include_headlines: bool
    include_beliefs: bool


def _analyze(text: str, o: _Options, doc: str | None) -> Article:
    if not text.strip():
        return Article(text=text, quotes=(), speakers=(), doc=doc)
    v = normalization.view(text)
    if v is None:
        return _analyze_view(text, o, doc)
    article = _analyze_view(v.text, o, doc)
    return attrs.evolve(article, text=text,
                        quotes=tuple(_in_callers_text(q, v, text) for q in article.quotes))


def _caller_span(s: Span | None, v: normalization.View, text: str) -> Span | None:
    if s is None:
        return None
    start, end = v.start(s.start), v.end(s.end)
    return Span(start, end, text[start:end])


def _in_callers_text(q: Quote, v: normalization.View, text: str) -> Quote:
    """``q`` found in the matching view ``v`` with its offsets (trail included) and texts
    in the caller's ``text``."""
    start, end = v.start(q.start), v.end(q.end)
    t = q.provenance.compact_trail
    if t is not None:
        t = attrs.evolve(t, start=v.start(t.start), end=v.end(t.end),
                         cue_start=v.start(t.cue_start), cue_end=v.end(t.cue_end),
                         subject_start=v.start(t.subject_start),
                         subject_end=v.end(t.subject_end),
                         where_start=v.start(t.where_start), where_end=v.end(t.where_end))
    return attrs.evolve(q, text=text[start:end], start=start, end=end,
                        mention=_caller_span(q.mention, v, text),
                        cue=_caller_span(q.cue, v, text),
                        provenance=attrs.evolve(q.provenance, compact_trail=t))


#: Nouns after a one-word name's possessive that only a company has (``Quillfire's shares``).
COMPANY_POSSESSIONS = frozenset({"shares", "stock", "profit", "profits", "revenue", "revenues",
                                 "sales", "earnings", "shareholders", "stock price"})


def _neuter_names(paras: Sequence[_Para], index: EntityIndex) -> None:
    """Rule ``neuter-name``: a one-word name with no first name, role or gender is an
    organisation when the article writes ``Quillfire, which …`` or ``Quillfire's shares``."""
    for p in paras:
        toks = p.toks
        for i in range(len(toks) - 2):
            t = toks[i]
            if not t.is_cap or not (
                    toks[i + 1].text == "," and toks[i + 2].lower == "which"
                    or toks[i + 1].kind is TokKind.POSS and toks[i + 2].lower in
                    COMPANY_POSSESSIONS) or i > 0 and toks[i - 1].is_cap:
                continue
            e = index.entity_named(t.text)
            if e is not None and not (e.first_names or e.roles or e.gender_votes
                                      or e.person_evidence):
                e.organization = True


def _analyze_view(text: str, o: _Options, doc: str | None) -> Article:
    clear_category_cache()
    paras = _paragraphs(text, o.include_beliefs)
    index = _index_entities(text, paras)
    _neuter_names(paras, index)
    direct, resolved = _direct_quotes(text, paras, index, o.include_headlines)
    heading_spans = [(p.start, p.end) for p in paras if p.kind is SegmentKind.HEADING]
    indirect = reported.find_reported(text, [(p.start, p.end, p.toks, p.quotations)
                                             for p in paras], resolved, heading_spans,
                                      o.include_headlines)
    quotes = reported.merge(direct, indirect)
    quotes = [q for q in quotes if q.kind in o.kinds and q.confidence >= o.min_confidence]
    speakers: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker is not None:
            speakers.setdefault(q.speaker.name, q.speaker)
    return Article(text=text, quotes=tuple(quotes), speakers=tuple(speakers.values()), doc=doc)


def extract(
    text: str,
    *,
    include_headlines: bool = False,
    kinds: Iterable[QuoteKind | str] | None = None,
    min_confidence: float = 0.0,
    include_beliefs: bool = False,
    disabled_rules: Iterable[str] = (),
) -> QuoteList:
    """Quotes in ``text``, in order of position: a :class:`~quoteattr.QuoteList` (a ``list``
    that also renders in a notebook and has ``to_dataframe()``).

    ``include_headlines``: also report speech in headlines and subheads.
    ``kinds``: only these kinds (``"direct"``, ``"mixed"``, ``"indirect"``), or one of them.
    ``min_confidence``: drop quotes below this confidence (a number from 0 to 1).
    ``include_beliefs``: also report beliefs and plans (``Ruiz thinks the port will reopen``)
    as indirect quotes.
    ``disabled_rules``: names of rules to switch off for this call (``{"pronoun"}``; see
    :func:`quoteattr.rules.rules` for the names); a switched-off rule passes and its sieve
    tries the next.
    """
    article = analyze(
        text, include_headlines=include_headlines, kinds=kinds, min_confidence=min_confidence,
        include_beliefs=include_beliefs, disabled_rules=disabled_rules,
    )
    return QuoteList(article.quotes, text)
