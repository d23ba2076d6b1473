"""Paragraphs that name their speaker by their shape: transcript labels (``Ilunga: …``),
dash signatures (``“…” —Lara Voss``), statements reproduced after a lead-in (``Read the full
memo:``) and reading lead-ins (``Ruiz read aloud from a letter.``).

These are the tests the direct-quote sieve (:mod:`quoteattr.direct_quotes`) runs on whole
paragraphs; each returns an :class:`~quoteattr.attribution.Attribution` or None and notes
what the entity index learns (a signed name, a speaker).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import rules
from .attribution import STATEMENT_NOUNS, Attribution, Resolved
from .coreference import EntityIndex, organization_speaker
from .lexicon import pronouns, statements, titles
from .mentions import MentionKind, chunk_backward, chunk_forward, classify
from .paragraphs import Paragraph
from .phrases import DASHES
from .segmentation import SegmentKind
from .speaker_sieve import CONFIDENCE
from .tokens import Tok, TokKind

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_QUOTE, _WORD = TokKind.QUOTE, TokKind.WORD
_NAME, _ORGANIZATION = MentionKind.NAME, MentionKind.ORGANIZATION
_BODY = SegmentKind.BODY

__all__ = ["dash_signature", "read_aloud_lead", "statement_author", "statement_goes_on",
           "transcript_line"]

_TRANSCRIPT_LINE = regex.compile(
    r"(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.-]*){0,2}):[ \t]+(?=\S)")

#: What follows a label that is a tally or a score, not an answer (``Ruiz: 1,204.``).
_TALLY = regex.compile(r"[.,%\s]*+\d[\d.,%\s]*+")  # possessive: linear


def transcript_line(text: str, paras: Sequence[Paragraph], n: int, index: EntityIndex
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
    if m is None or p.quotations and p.quotations[0].open < m.end() or _TALLY.fullmatch(
            text, m.end(), p.end) and rules.is_enabled("tally-label"):
        return None  # (rule ``tally-label``: ``Ruiz: 1,204.`` is a count, not an answer)
    label, rule = m.group(1), "transcript"
    entity = index.entity_named(label)
    if entity is None and (bare := _untitled(label)) != label and rules.is_enabled(
            "titled-label"):
        entity, rule = index.entity_named(bare), "titled-label"
    if entity is None or entity.organization or not entity.person_evidence or all(
            x == m.start(1) for x in entity.positions) and not statement_goes_on(p) and (
            rules.is_enabled("lone-label")):
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


#: Most tokens a dash signature may take (``— Lara Voss, Commissioner of the Port``).
MAX_SIGNATURE = 14


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


def dash_signature(text: str, paras: Sequence[Paragraph], n: int, index: EntityIndex
                   ) -> Attribution | None:
    """Rule ``dash-signature``: a paragraph that is one quotation, signed by a dash and a
    name, in the paragraph or on the next line (``“We act today.” —Commissioner Lara Voss``,
    ``“…” ¶ — Lara Voss, Commissioner``), is that person's (press releases, quote boxes)."""
    p = paras[n]
    if len(p.quotations) != 1 or not p.toks or p.toks[0].kind is not _QUOTE:
        return None
    toks, i = p.toks, 1
    if len(p.toks) <= 2 and n + 1 < len(paras) and paras[n + 1].toks:
        toks, i = paras[n + 1].toks, 0  # the signature on the next line
    span = _signature(toks, i)
    m = classify(text, toks, *span) if span is not None else None
    if m is None or m.kind is not _NAME:
        return None
    entity = index.lookup(m) or index.add(m, m.start)
    if entity is None:
        return None
    index.learn_roles(entity, m.roles, m.role_phrases)
    q = p.quotations[0]
    index.note_speaker(entity, q.start)
    return Attribution(q.start, q.end, "dash-signature", "dash-signature", entity.speaker(),
                       (m.start, m.end), None, CONFIDENCE["dash-signature"])


def statement_goes_on(p: Paragraph) -> bool:
    """A paragraph after the first of a reproduced statement is still the statement: it
    speaks in the first or second person and reports nobody (``I know many of you are
    angry.``, not ``The union said it would fight the cuts.``)."""
    if p.kind is not _BODY or any(c.subject is not None and c.subject.kind in (
        _NAME, _ORGANIZATION) for c in p.cues):
        return False  # (``my first manager told me`` is the statement's own story)
    return any(t.kind is _WORD and t.lower in pronouns.FIRST_AND_SECOND_PERSON
               and t.text != "US" for t in p.toks)  # (``US`` is the country)


#: How many earlier cues a statement lead-in looks back over for its author.
MAX_AUTHOR_CUES = 100


def statement_author(text: str, p: Paragraph, resolved: Sequence[Resolved],
                     previous: Paragraph | None, index: EntityIndex) -> Attribution | None:
    """Rule ``statement-lead-in``: ``Read the full memo:`` (a lead-in with no possessor)
    introduces the statement of the last speaker whose cue names that document (``Ruiz told
    staff in a memo that …``), else of the person or organisation opening the paragraph
    before (``The ministry later published its own account. ¶ Read the full readout:``)."""
    toks = p.toks
    if not toks or toks[-1].text != ":" or len(toks) > 8 or p.cues:
        return None
    nouns = {t.lower for t in toks if t.lower in STATEMENT_NOUNS}
    if not nouns or not any(t.lower in statements.STATEMENT_LEAD_WORDS for t in toks):
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
    if previous is None or not previous.toks or previous.kind is not _BODY:
        return None
    ptoks = previous.toks
    m = classify(text, ptoks, 0, chunk_forward(ptoks, 0))
    if m is None or m.kind not in (_NAME, _ORGANIZATION):
        return None
    entity = index.lookup(m)
    speaker = entity.speaker() if entity is not None else organization_speaker(m, None)
    return Attribution(0, 0, "lead-in", "statement-lead-in", speaker, (m.start, m.end), None,
                       CONFIDENCE["lead-in"])


#: Most tokens between ``from`` and the document noun (``from a long letter``).
MAX_READ_DOCUMENT = 4


def read_aloud_lead(text: str, p: Paragraph, index: EntityIndex) -> Attribution | None:
    """Rule ``read-aloud-lead-in``: ``Ruiz read aloud from a letter she wrote.`` (a named
    reader, ``read`` (``aloud``/``out``) ``from`` a document) leads in to the quoted
    paragraphs after it: they are the reader's."""
    toks = p.toks
    if p.kind is not _BODY or not rules.is_enabled("read-aloud-lead-in"):
        return None
    for i in range(1, len(toks) - 2):
        if toks[i].lower not in statements.READ_VERBS or not toks[i - 1].is_cap:
            continue
        k = i + 1 + (toks[i + 1].lower in statements.READ_PARTICLES)
        if k >= len(toks) or toks[k].lower != "from" or not any(
                t.lower in STATEMENT_NOUNS for t in toks[k + 1:k + 1 + MAX_READ_DOCUMENT]):
            continue
        m = classify(text, toks, chunk_backward(toks, i - 1), i)
        if m is None or m.kind is not _NAME:
            continue
        entity = index.lookup(m)
        if entity is not None and not entity.organization:
            return Attribution(0, 0, "lead-in", "lead-in", entity.speaker(), (m.start, m.end),
                               None, CONFIDENCE["lead-in"], decided_by="read-aloud-lead-in")
    return None
