"""Interview transcripts: ``Q:`` and ``A:`` paragraphs (rules ``interview-answer`` and
``interview-question``).

An article is read as a transcript only on strict evidence: its labelled paragraphs alternate
``Q:``, ``A:``, ``Q:``, ``A:`` … from a question on, with at least two of each, and the
introduction before the first ``Q:`` names the interviewee — the person after ``an interview
with`` (``Q&A with``, ``a conversation with``), else the one person it names more often than
anyone else. ``A:`` paragraphs are then the interviewee's answers; ``Q:`` paragraphs are the
interviewer's questions only when the introduction names one interviewer (``interviewed by
reporter Tom Hale``); otherwise questions give no quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from .attribution import Attribution
from .coreference import Entity, EntityIndex
from .rules import is_enabled
from .speaker_sieve import CONFIDENCE

__all__ = ["Interview", "find_interview", "interview_line"]

#: A question or answer label opening a paragraph (``Q: When …``, ``A. The first …``).
_LABEL = regex.compile(r"([QA])[:.][ \t]+(?=\S)")
# The two lead-in patterns below are phrase syntax (word order, optional words: ``questions
# were asked by``), compiled once at import, so no ``lexicon`` list feeds them.
#: Words before the interviewee's name in an introduction (``an interview with``).
_INTERVIEWEE_LEAD = regex.compile(
    r"\b(?:interview|Q&A|conversation)[ \t]+with[ \t]+", regex.IGNORECASE)
#: Words before the interviewer's name (``interviewed by``, ``spoke with``).
_INTERVIEWER_LEAD = regex.compile(
    r"\b(?:interviewed[ \t]+by|questions[ \t]+(?:were[ \t]+)?(?:asked[ \t]+)?by"
    r"|spoke[ \t]+(?:with|to)|talked[ \t]+(?:with|to)|sat[ \t]+down[ \t]+with)[ \t]+",
    regex.IGNORECASE)
#: Fewest questions and answers a transcript has.
MIN_EXCHANGES = 2
#: Most characters between a lead-in phrase and the name it introduces
#: (``an interview with Harbour Master Ana Ruiz``).
MAX_LEAD_GAP = 60
#: How many lead-in phrases of an introduction are looked at.
MAX_LEADS = 20


@attrs.frozen(slots=True)
class Interview:
    """An article read as a transcript: the label of each labelled paragraph (by its start),
    the interviewee and, when the introduction names one, the interviewer."""

    labels: dict[int, str]
    interviewee: Entity
    interviewer: Entity | None


def _labels(text: str, paras: Sequence[tuple[int, int, bool]]) -> dict[int, str]:
    """``Q``/``A`` of every body paragraph that opens with a label, by paragraph start."""
    out = {}
    for start, end, body in paras:
        m = _LABEL.match(text, start, end) if body else None
        if m is not None:
            out[start] = m.group(1)
    return out


def _alternates(labels: Sequence[str]) -> bool:
    """``Q, A, Q, A …`` from a question on, with at least ``MIN_EXCHANGES`` of each."""
    return labels.count("A") >= MIN_EXCHANGES and labels.count("Q") >= MIN_EXCHANGES and all(
        label == ("Q" if k % 2 == 0 else "A") for k, label in enumerate(labels))


def _people_before(index: EntityIndex, end: int) -> list[Entity]:
    return [e for e in index.entities if not e.organization and e.person_evidence
            and e.positions and e.positions[0] < end]


def _named_after(text: str, lead: regex.Pattern[str], people: Sequence[Entity], end: int,
                 reach: int) -> list[tuple[Entity, int]]:
    """People named within ``reach`` characters after a ``lead`` phrase before ``end``, in
    the phrase's sentence, in the order they come, each with where its phrase ends (the
    first ``MAX_LEADS`` phrases only)."""
    found: dict[int, tuple[int, Entity, int]] = {}
    for n, m in enumerate(lead.finditer(text, 0, end)):
        if n == MAX_LEADS:
            break
        stop = _sentence_end(text, m.end(), min(end, m.end() + reach))
        for e in people:
            k = bisect.bisect_left(e.positions, m.end())
            if k < len(e.positions) and e.positions[k] < stop and id(e) not in found:
                found[id(e)] = (e.positions[k], e, m.end())
    return [(e, lead_end) for _, e, lead_end in sorted(found.values(), key=lambda f: f[0])]


def _sentence_end(text: str, start: int, end: int) -> int:
    """Where the sentence going on at ``start`` ends (a stop or a line break), ``end`` at
    the latest."""
    stops = [k for k in (text.find(".", start, end), text.find("\n", start, end)) if k >= 0]
    return min(stops, default=end)


def _interviewee(text: str, people: Sequence[Entity], first_q: int) -> Entity | None:
    """The person right after ``an interview with``, else the person the introduction names
    most often (by surname: ``Mara Quillon`` and ``Actress Mara Quillon`` are one),
    strictly more often than anyone else."""
    led = _named_after(text, _INTERVIEWEE_LEAD, people, first_q, MAX_LEAD_GAP)
    if led:
        return led[0][0]
    counts: dict[str, int] = {}
    for e in people:
        counts[e.key] = counts.get(e.key, 0) + sum(p < first_q for p in e.positions)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return next(e for e in people if counts[e.key] == ranked[0])


def _interviewer(text: str, people: Sequence[Entity], interviewee: Entity, first_q: int
                 ) -> Entity | None:
    """The one person after ``interviewed by`` (``spoke with``, …) in the introduction; none
    when the phrase's sentence names two (``spoke with reporters Tom Hale and Ada Roe``)."""
    asking = [(e, lead_end) for e, lead_end in _named_after(
        text, _INTERVIEWER_LEAD, people, first_q, len(text)) if e.key != interviewee.key]
    if len(asking) != 1:
        return None
    who, lead_end = asking[0]
    return None if " and " in text[lead_end:_sentence_end(text, lead_end, first_q)] else who


def find_interview(text: str, paras: Sequence[tuple[int, int, bool]], index: EntityIndex
                   ) -> Interview | None:
    """The article as a transcript, when the evidence is there (see the module's docstring):
    ``paras`` are the paragraphs' ``(start, end, is_body)``."""
    labels = _labels(text, paras)
    if not _alternates(list(labels.values())):
        return None
    first_q = next(iter(labels))
    people = _people_before(index, first_q)
    interviewee = _interviewee(text, people, first_q)
    if interviewee is None:
        return None
    return Interview(labels, interviewee, _interviewer(text, people, interviewee, first_q))


def interview_line(text: str, start: int, end: int, interview: Interview | None
                   ) -> Attribution | None:
    """Rules ``interview-answer`` and ``interview-question``: the paragraph at ``start`` is
    an answer of the interviewee (``A:``) or a question of the named interviewer (``Q:``)."""
    label = interview.labels.get(start) if interview is not None else None
    if interview is None or label is None:
        return None
    name = "interview-answer" if label == "A" else "interview-question"
    who = interview.interviewee if label == "A" else interview.interviewer
    m = _LABEL.match(text, start, end)
    if who is None or m is None or not is_enabled(name):
        return None
    while end > m.end() and text[end - 1].isspace():
        end -= 1
    return Attribution(m.end(), end, "transcript", name, who.speaker(), (m.start(1), m.end(1)),
                       None, CONFIDENCE["transcript"])
