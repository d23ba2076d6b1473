"""Headline attributions (sieve ``headline``): a headline or subhead that names its source.

Rules, in order (the first that decides on a heading wins; each reports as itself):

- ``headline-colon``: ``Mayor Lind: Harbour levy will pass by spring`` → Lind says the claim
  after the colon;
- ``headline-to``: ``Lind to council: Pass the levy now`` (also ``on``/``at`` the matter) →
  the claim after the colon is Lind's;
- ``headline-says``: ``Mayor Lind says harbour levy will pass`` → the claim after the verb;
- ``headline-says-after``: ``Harbour levy will pass, Mayor Lind says`` → the claim before it.

The source must read as a name or a described source (``Harbour board chief``, ``Poll``),
never a section label (``Review:``, ``Live:``, ``Watch:``; a label opening the heading is
skipped), a verb or a fragment (``Lind Wades In:``). A claim that is one quotation is a direct
quote, one holding a quotation is mixed, else indirect. These quotes are marked
(:attr:`Quote.headline`, the record's ``headline`` field) so they can be dropped; the other
rules read no heading unless ``include_headlines`` is set, and then a heading quote of this
sieve takes the place of theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from . import rules
from .lexicon import content, cues, grammar, headlines, pronouns, sources, titles
from .model import HEADLINE_SIEVE, Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType
from .paragraphs import Paragraph
from .rules import Example, Rule, Trail, register
from .segmentation import SegmentKind

__all__ = ["ORDER", "headline_quotes", "joined"]

SIEVE = HEADLINE_SIEVE
#: Longest heading (characters) the sieve reads; a longer line is no headline.
MAX_HEADLINE = 240
#: Words a source may have, and a claim must have at least.
MAX_SOURCE_WORDS = 6
MIN_CLAIM_WORDS = 3
CONFIDENCE = 0.6
#: How far from its heading (characters) a speaker's name is looked for again.
NAME_WINDOW = 6000

_WORD = regex.compile(r"[^\s]+")
_COLON = regex.compile(r":(?=\s)")
_LABEL = regex.compile(r":\s+|\s[–—-]\s+")
_TRIM = " \t.,;:–—-"
_OPENING = regex.compile(r"(?<!\w)[“‘\"'](?=\w)")
_CLOSING = regex.compile(r"(?<=[\w.,!?…])[”’\"'](?!\w)")
_CLAUSE_STOP = regex.compile(r"[,;]\s|\s[–—-]\s")
_LINKS = {"of", "and"}  # inside a source only (``Friends of the Harbour``)


@attrs.frozen(slots=True)
class _Head:
    """A heading as the rules read it: ``start`` past any opening label."""

    text: str
    start: int
    end: int


@attrs.frozen(slots=True)
class _Found:
    """What a rule decided: the source, the cue (a colon or a verb) and the claim."""

    source: tuple[int, int]
    cue: tuple[int, int]
    claim: tuple[int, int]


_Fn = Callable[[_Head], _Found | None]
_RULES: list[tuple[Rule, _Fn]] = []


def _rule(name: str, summary: str, examples: tuple[Example, ...],
          counter: tuple[Example, ...]) -> Callable[[_Fn], _Fn]:
    """Register the decorated function as rule ``name`` of the headline sieve, in order."""
    def wrap(fn: _Fn) -> _Fn:
        _RULES.append((register(Rule(name, SIEVE, summary, examples, counter)), fn))
        return fn
    return wrap


def headline_quotes(text: str, paras: Sequence[Paragraph]) -> list[Quote]:
    """The quote of each heading that names its source, by the first rule that decides."""
    out: list[Quote] = []
    if not any(rules.is_enabled(r.name) for r, _ in _RULES):
        return out
    for p in paras:
        if p.kind is not SegmentKind.HEADING or p.end - p.start > MAX_HEADLINE:
            continue
        head = _Head(text, _past_label(text, p.start, p.end), p.end)
        hit = rules.first_decision(_RULES, head)
        if hit is not None:
            out.append(_quote(head, hit[0].name, hit[1]))
    return out


def joined(direct: list[Quote], reported: list[Quote], heads: list[Quote]
           ) -> tuple[list[Quote], list[Quote]]:
    """``direct`` and ``reported`` without what overlaps a headline quote (read with
    ``include_headlines``), the headline quotes added to the reported ones."""
    if not heads:
        return direct, reported
    spans = [(q.start, q.end) for q in heads]

    def free(q: Quote) -> bool:
        return not any(s < q.end and q.start < e for s, e in spans)

    return [q for q in direct if free(q)], [q for q in reported if free(q)] + heads


def _past_label(text: str, start: int, end: int) -> int:
    """Where the heading goes on after an opening label (``Exclusive: …``, ``LIVE – …``)."""
    m = _LABEL.search(text, start, end)
    if m is not None and m.start() > start and _normal(text[start:m.start()]) in (
            headlines.HEADLINE_LABELS):
        return int(m.end())
    return start


def _normal(s: str) -> str:
    return " ".join(s.lower().split())


def _words(text: str, start: int, end: int) -> list[str]:
    return [m.group() for m in _WORD.finditer(text, start, end)]


def _is_source(h: _Head, start: int, end: int) -> bool:
    """``text[start:end]`` reads as a name or a described source: a few words, each
    capitalised or a role or source noun, none a function word, verb, label or number; a
    name (no such noun at its end) is named again outside the heading."""
    words = _words(h.text, start, end)
    if not 0 < len(words) <= MAX_SOURCE_WORDS or _normal(h.text[start:end]) in (
            headlines.HEADLINE_LABELS):
        return False
    if {words[0].lower(), words[-1].lower()} & _LINKS or any(w[-1] in ",;" for w in words):
        return False
    if not all(_source_word(w) for w in words):
        return False
    last = _base(words[-1])
    return _is_noun(last) or _named_elsewhere(h, words[-1].removesuffix("’s").removesuffix(
        "'s").rstrip("’"))


def _base(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s").removesuffix("’").strip(".")


def _is_noun(base: str) -> bool:
    """A role, source or organisation noun, or its plural (``candidates``, ``rabbis``)."""
    lists = (sources.SOURCE_NOUNS, sources.DOCUMENT_NOUNS, sources.ORGANIZATION_NOUNS,
             sources.ORGANIZATION_HEADS, sources.GENERIC_SOURCES, titles.ROLES,
             titles.ROLE_MODIFIERS, headlines.HEADLINE_SOURCE_WORDS)
    singular = base[:-1] if base.endswith("s") and len(base) > 3 else base
    return any(base in n or singular in n for n in lists)


def _named_elsewhere(h: _Head, name: str) -> bool:
    """``name`` is in the text near the heading, outside it (a headline's speaker is in its
    story): within ``NAME_WINDOW`` characters after it or before it."""
    return h.text.find(name, h.end, h.end + NAME_WINDOW) >= 0 or h.text.find(
        name, max(0, h.start - NAME_WINDOW), h.start) >= 0


def _source_word(word: str) -> bool:
    low = word.lower()
    base = _base(word)
    if any(c.isdigit() for c in word) or not base:
        return False
    if base in grammar.CALENDAR_WORDS and base != low or base in grammar.ARTICLES:
        return False  # ``Monday’s Briefing:``, ``The Latest:``
    if low in pronouns.SUBJECT_PRONOUNS or low in pronouns.OBJECT_PRONOUNS or (
            low in pronouns.INDEFINITE_PRONOUNS or low in content.WH_WORDS):
        return False
    if _is_noun(base):
        return True
    if base in grammar.PREPOSITIONS or base in headlines.HEADLINE_NOT_SOURCE or (
            cues.lemma_of(base) is not None):
        return False  # ``Big Win For Lind:``, ``Lind Urges Council:``
    return word[0].isupper()


def _found(h: _Head, source: tuple[int, int], cue: tuple[int, int],
           claim: tuple[int, int], least: int = MIN_CLAIM_WORDS) -> _Found | None:
    """The decision, when the source reads as one and the claim is a statement."""
    s, e = claim
    while e > s and h.text[e - 1] in _TRIM:
        e -= 1
    while s < e and h.text[s] in _TRIM:
        s += 1
    words = _words(h.text, s, e)
    explainer = h.text[cue[0]] == ":" and words[0].lower() in content.WH_WORDS if words else False
    if len(words) < least or h.text[e - 1] == "?" or "|" in h.text[s:e] or explainer or (
            not _is_source(h, *source)):
        return None  # (``Lind’s plan: what it costs``, ``Share: Email | Print``)
    return _Found(source, cue, (s, e))


def _colon(h: _Head) -> int | None:
    m = _COLON.search(h.text, h.start, h.end)
    return None if m is None else m.start()


@_rule("headline-colon",
       "a headline ``Source: claim`` is the claim of the name or described source before "
       "its colon (not of a section label)",
       (Example("Mayor Lind: Harbour levy will pass by spring\n\nLind spoke to the council.",
                "Harbour levy will pass", "Mayor Lind"),
        Example("Ferry union chief: Levy is ‘a tax on every crossing’ for families\n\n"
                "Talks failed.", "a tax on every crossing", "Ferry union chief")),
       (Example("Review: A harbour opera that sinks without trace\n\nThe show opened.",
                "A harbour opera"),
        Example("Live: Storm reaches the northern coast tonight\n\nRoads are closed.",
                "Storm reaches"),
        Example("Watch: Ferry crews rescue a stranded whale\n\nThe whale swam off.",
                "Ferry crews rescue"),
        Example("Mayor Lind Wades In: Harbour levy goes to a vote\n\nThe vote is on Monday.",
                "Harbour levy goes")))
def _colon_rule(h: _Head) -> _Found | None:
    c = _colon(h)
    return None if c is None else _found(h, (h.start, c), (c, c + 1), (c + 1, h.end))


@_rule("headline-to",
       "a headline ``Source to listener: demand`` (or ``on``/``at`` a matter) is the "
       "source's demand or claim, after the colon",
       (Example("Lind to harbour board: Cut the ferry fares this year\n\nLind wrote on Monday.",
                "Cut the ferry fares", "Lind"),
        Example("Ferry union on levy: Workers will strike in June\n\nThe union met.",
                "Workers will strike", "Ferry union")),
       (Example("Road to the harbour: Ten weeks of closures for drivers\n\nWork starts soon.",
                "Ten weeks"),
        Example("Guide to the festival: What to see and where to eat\n\nTickets are out.",
                "What to see")))
def _to_rule(h: _Head) -> _Found | None:
    c = _colon(h)
    if c is None:
        return None
    for m in _WORD.finditer(h.text, h.start, c):
        if m.group().lower() in headlines.HEADLINE_LINKS and m.start() > h.start:
            if m.end() >= c:
                return None
            return _found(h, (h.start, m.start() - 1), (c, c + 1), (c + 1, h.end))
    return None


def _say_verb(h: _Head) -> regex.Match[str] | None:
    return next((m for m in _WORD.finditer(h.text, h.start, h.end)
                 if m.group().lower().rstrip(".") in headlines.HEADLINE_SAY_VERBS), None)


@_rule("headline-says",
       "a headline ``Source says claim`` is the claim after the verb, of the name or "
       "described source before it",
       (Example("Harbour Chief Ana Ruiz Says Ferry Fares Will Fall\n\nRuiz spoke on Monday.",
                "Ferry Fares Will Fall", "Harbour Chief Ana Ruiz"),
        Example("Port union says dockers will strike in June\n\nTalks broke down.",
                "dockers will strike", "Port union")),
       (Example("What Nobody Says About The Harbour Levy\n\nThe levy starts in May.",
                "About The Harbour Levy"),
        Example("Lind Finally Says Sorry To Ferry Crews\n\nLind wrote to them.",
                "Sorry To Ferry Crews")))
def _says_rule(h: _Head) -> _Found | None:
    m = _say_verb(h)
    if m is None or m.start() == h.start:
        return None
    return _found(h, (h.start, m.start() - 1), (m.start(), m.end()), (m.end(), h.end))


@_rule("headline-says-after",
       "a headline ``claim, Source says`` is the claim before the comma, of the source "
       "named before the closing verb",
       (Example("Ferry fares will fall in May, Harbour Chief Ruiz says\n\nRuiz spoke today.",
                "Ferry fares will fall", "Harbour Chief Ruiz"),),
       (Example("Ferry fares will fall in May, sooner than anyone says\n\nFares rose in 2020.",
                "Ferry fares will fall"),))
def _says_after_rule(h: _Head) -> _Found | None:
    comma = h.text.rfind(",", h.start, h.end)
    m = _say_verb(h)
    if comma < 0 or m is None or m.start() < comma or h.text[m.end():h.end].strip(_TRIM):
        return None
    return _found(h, (comma + 1 + _lead_space(h.text, comma + 1), m.start() - 1),
                  (m.start(), m.end()), (h.start, comma))


def _lead_space(text: str, at: int) -> int:
    return len(text[at:at + 4]) - len(text[at:at + 4].lstrip())


@_rule("headline-verb",
       "a headline ``Source verbs object`` with a reporting verb (``praises``, ``slams``, "
       "``calls for``, ``urges``) reports the object, up to a comma, of the source before it",
       (Example("Harbour Chief Ana Ruiz Slams Ferry Levy As A Tax On Families\n\n"
                "Ruiz spoke on Monday.", "Ferry Levy", "Harbour Chief Ana Ruiz"),
        Example("Dockers urge council to delay harbour levy\n\nDockers met on Monday.",
                "council to delay", "Dockers"),
        Example("Harbour union to endorse Mayor Lind for a second term\n\nIt meets today.",
                "Mayor Lind for a second term", "Harbour union")),
       (Example("Ferry Fares Rise Again As Fuel Costs Climb\n\nFares rose in May.",
                "Fuel Costs Climb"),
        Example("Why Lind Slams The Ferry Levy\n\nLind spoke on Monday.", "The Ferry Levy"),
        Example("Ferry talks resume\n\nThe Ferry board met on Monday.", "resume")))
def _verb_rule(h: _Head) -> _Found | None:
    words = list(_WORD.finditer(h.text, h.start, h.end))[:MAX_SOURCE_WORDS + 2]
    for k in range(1, len(words)):
        w = words[k].group()
        if not _headline_verb(w, words[k - 1].group()):
            continue
        if k + 1 < len(words) and _noun_before_verb(w, words[k + 1].group()):
            return None  # ``Harbour Talks Resume``: ``Talks`` is the subject
        prev = words[k - 1].group().lower()
        first = k - 1 if prev == "to" or prev in headlines.HEADLINE_ADVERBS else k
        cue_end = words[k].end()
        if k + 1 < len(words) and words[k + 1].group().lower() in headlines.HEADLINE_PARTICLES:
            cue_end = words[k + 1].end()
        end = _object_end(h, cue_end)
        obj = _words(h.text, cue_end, end)
        if len(obj) == 1 and not _OPENING.match(obj[0]) and not (
                obj[0][0].isupper() and _named_elsewhere(h, obj[0].strip(_TRIM))):
            return None  # one word: a name the story gives again (``Lind Endorses Ruiz``)
        return _found(h, (h.start, words[first].start() - 1) if first else (h.start, h.start),
                      (words[first].start(), cue_end), (cue_end, end), 1)
    return None


def _noun_before_verb(word: str, after: str) -> bool:
    """``Talks`` in ``Talks Resume``/``Talks Will Resume``: a form that may be a noun,
    followed by a verb or an auxiliary."""
    nxt = after.lower().strip(_TRIM)
    return word.lower() in cues.NOUN_LIKE_FORMS and (
        cues.lemma_of(nxt) is not None or nxt in headlines.HEADLINE_AUXILIARIES)


def _object_end(h: _Head, start: int) -> int:
    """Where a headline verb's object ends: at a comma, a semicolon or a dash, or after the
    quotation it opens with (``Lind Speaks ‘Straight To Crews’ After …``)."""
    at = start + _lead_space(h.text, start)
    if _OPENING.match(h.text, at) and (c := _CLOSING.search(h.text, at + 1, h.end)):
        return int(c.end())
    stop = _CLAUSE_STOP.search(h.text, start, h.end)
    return stop.start() if stop else h.end


def _headline_verb(word: str, before: str) -> bool:
    """``Slams``, ``urges``; ``blast`` after a plural source or ``to``; ``Announced`` after
    ``Just``."""
    low = word.lower().rstrip(",;:.")
    lemma = cues.lemma_of(low)
    if lemma is None or low in headlines.HEADLINE_SAY_VERBS:
        return False
    if low.endswith("s") and low != lemma:
        return True
    if low == lemma:  # ``Dockers urge …``, ``Lind to urge …``
        return before.lower() == "to" or before.lower().endswith("s") and (
            before.lower() not in grammar.PREPOSITIONS)
    return low.endswith("ed") and before.lower() in headlines.HEADLINE_ADVERBS


ORDER = tuple(r.name for r, _ in _RULES)


def _claim(h: _Head, s: int, e: int) -> tuple[int, int, QuoteKind]:
    """The claim's span and kind: one quotation is direct (its words), one holding a
    quotation is mixed."""
    o = _OPENING.search(h.text, s, e)
    c = None if o is None else _CLOSING.search(h.text, o.end(), h.end)
    if o is None or c is None:
        return s, e, QuoteKind.INDIRECT
    if o.start() == s and c.end() == e:
        return s + 1, e - 1, QuoteKind.DIRECT
    return s, max(e, c.end()), QuoteKind.MIXED


def _speaker_type(name: str) -> SpeakerType:
    last = name.split()[-1].lower().strip(".’'")
    if last in sources.SOURCE_NOUNS:
        return SpeakerType.ANONYMOUS
    if last in sources.ORGANIZATION_NOUNS or last in sources.ORGANIZATION_HEADS or (
            last in sources.DOCUMENT_NOUNS) or name.isupper():
        return SpeakerType.ORGANIZATION
    return SpeakerType.PERSON


def _quote(h: _Head, name: str, f: _Found) -> Quote:
    text = h.text
    start, end, kind = _claim(h, *f.claim)
    who = text[f.source[0]:f.source[1]].strip(_TRIM)
    s0 = f.source[0] + text[f.source[0]:f.source[1]].find(who)
    mention = Span(s0, s0 + len(who), who)
    cue = Span(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]])
    trail = Trail(name, start, end, speaker_rule=name, where_start=mention.start,
                  where_end=mention.end)
    speaker = Speaker(who, _speaker_type(who))
    return Quote(text[start:end], start, end, kind, speaker, mention, cue, CONFIDENCE,
                 Provenance(name, name, trail))
