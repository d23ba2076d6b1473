"""Reported speech: indirect and mixed quotes.

Rules (the name is what :attr:`Provenance.detector` reports):

- ``cue-then-content``: ``Ruiz said on Monday that the port would reopen.`` → content
  ``the port would reopen``; it stops where the reporter's narration resumes
  (``, but …``, ``, after …``, ``, describing …``) or at the end of the sentence.
- ``content-then-cue``: ``The port will reopen in May, Ruiz said.`` and
  ``…, according to two officials.``
- ``according-to-first``: ``According to the ministry, the port will reopen.``
- ``description-object``: ``Ruiz called the plan “a disgrace”`` → mixed ``the plan “a disgrace”``;
  ``Ruiz called the levy a tax`` → indirect ``the levy a tax``.
- ``label-object``: ``…, calling him “a stiff”`` → mixed ``him “a stiff”`` (past and -ing
  labelling verbs with a pronoun object).
- ``after-aside``: ``The offer, Ruiz said, is final.`` → ``is final`` (and ``The offer``).
- ``cue-then-object``: ``Ruiz announced the new route on Monday.`` → ``the new route``;
  ``Lind called for a recount.`` (noun-phrase content, lower confidence).
- ``directive``: ``Ruiz urged the council to act.`` → ``the council to act``; ``told
  reporters to wait`` → ``to wait`` (the listener is in the cue).
- ``asked-question``: ``Asked whether the pier would reopen, Ruiz said …`` → ``whether the
  pier would reopen`` (the asker unnamed, so no speaker); ``when asked about the levy`` →
  ``the levy``.
- A content holding a quoted fragment is ``mixed`` (``Ruiz said the plan was “dead on
  arrival” in its current form``); the fragment is not reported again as a direct quote.

Not speech: a listener alone (``warned the operators on Monday``), a cue with no
content (``told the panel about …``), description verbs (``described it as “…”`` is a
direct quote), beliefs unless ``include_beliefs`` is set, and cues in headlines unless
``include_headlines`` is set.

Every rule named here is registered at the end of this module or next to its function
(sieves ``detector``, ``detector-veto``, ``content-end``, ``boundary``, ``content-shape``
and ``merge``), with invented examples, and ``disabled_rules=`` switches any of them off."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs

from . import rules
from .attribution import Resolved, opens_subordinate, words
from .cue_model import Cue
from .lexicon import content, grammar, pronouns
from .lexicon import cues as lex
from .mentions import category
from .model import Provenance, Quote, QuoteKind, Span
from .paragraphs import PackedPara, Paragraph
from .phrases import (
    CLOSING_MARKS,
    DASHES,
    MAX_SENTENCE,
    is_boundary,
    is_infinitive,
    manner_adverb,
    predicate_noun,
    sentence_end,
    sentence_start,
)
from .quotemarks import Quotation
from .rules import Example, Rule, register
from .segmentation import SegmentKind
from .subjects import subject_phrase_start
from .tokens import Cat, Tok, TokKind
from .trail import merged, quote_trail, with_trail

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_PUNCT, _QUOTE, _WORD, _POSS = TokKind.PUNCT, TokKind.QUOTE, TokKind.WORD, TokKind.POSS
_CAT_TIME = Cat.TIME
_MIXED, _INDIRECT = QuoteKind.MIXED, QuoteKind.INDIRECT
_HEADING = SegmentKind.HEADING

#: Tokens a relative clause inside the content may span (rule ``relative-aside``).
MAX_RELATIVE_ASIDE = 24
#: Report a listener and an infinitive after a verb of asking (``urged the council to act``)
#: as indirect quotes (rule ``directive``). PolNeAR annotates them; set False to leave them out.
DIRECTIVE_CONTENT = True
#: Report noun-phrase objects of speech acts (``announced the new route``) as indirect
#: quotes (rule ``cue-then-object``). PolNeAR annotates them; set False to leave them out.
NOUN_PHRASE_CONTENT = True
CONFIDENCE_SCALE = 0.8  # reported speech is less certain than a direct quote
OBJECT_SCALE = 0.8  # a noun-phrase object is less certain than a clause
MIN_WORDS = 3
MIN_ASIDE_LEAD_WORDS = 1  # ``The pier, Ruiz said, is safe``: the content's first part
MAX_SOURCE = 20  # tokens of an ``According to …,`` source phrase
MIN_OBJECT_WORDS = 2  # ``cited the audit``
LISTENER_WINDOW = 14
#: Rules switched by name in this module's rarer branches (read only when they would decide).
_SHORT, _TRAILING, _QUOTED_START = "short-content", "trailing-punctuation", "quoted-sentence-start"
Para = tuple[int, int, Sequence[Tok], Sequence[Quotation]]
#: The detectors (each a rule a quote's trail names) in the order their candidates win when
#: two overlap: content before its cue first, then content after it, noun phrases last.
#: Within a tier the leftmost candidate wins; ties keep the order the candidates were found.
DETECTOR_ORDER: tuple[tuple[str, ...], ...] = (
    ("content-then-cue", "according-to-first", "after-aside"),
    ("cue-then-content", "directive", "description-object", "label-object"),
    ("cue-then-object",),
    ("asked-question",),
)
DETECTORS = tuple(name for tier in DETECTOR_ORDER for name in tier)
#: A detector's tier in :data:`DETECTOR_ORDER` (the lower wins an overlap).
PRIORITY = {name: n for n, tier in enumerate(DETECTOR_ORDER) for name in tier}
#: The places where :func:`_clause_end` cuts reported content short (or, for
#: ``relative-aside``, lets it run on), each a rule switched by name and read once per call.
CLAUSE_STOPS = ("relative-aside", "as-clause", "coordinated-cue", "colon-stop",
                "narration-breaker", "time-span-comment", "adverb-participle-comment",
                "coordinated-clause", "quoted-comma-breaker", "dash-breaker", "object-adjunct",
                "object-relative", "coordinated-predicate")
(_ASIDE, _AS, _CUED, _COLON, _BREAKER, _SPAN, _COMMENT, _CLAUSE, _QUOTED, _DASH, _ADJUNCT,
 _OBJECT_RELATIVE, _PREDICATE) = CLAUSE_STOPS
_ALL_STOPS_ON = (True,) * len(CLAUSE_STOPS)  # the usual switches: no rule switched off
#: The rule of :data:`CLAUSE_STOPS` that decided where a content ends and the token range
#: it looked at (for ``relative-aside``, the clause it let the content run over).
Stop = tuple[str, int, int]
#: A content's token range and its :data:`Stop` (``None``: the sentence or no rule ended it).
Clause = tuple[int, int, Stop | None]


def _comma_inside_marks(t: Tok) -> bool:
    """A quotation whose comma sits inside its closing marks (``“a fair deal,”``)."""
    return t.text.rstrip(CLOSING_MARKS).endswith(",")


def _is_sentence_end(toks: Sequence[Tok], i: int) -> bool:
    t = toks[i]
    if t.kind is _PUNCT:
        return is_boundary(toks, i)
    if t.kind is _QUOTE and i + 1 < len(toks):
        inner = t.text.rstrip("”\"’'» ")
        nxt = toks[i + 1]
        return inner[-1:] in ".!?" and nxt.kind is _WORD and nxt.text[:1].isupper()
    return False


def _content_after(toks: Sequence[Tok], first: int, lemma: str = "say",
                   noun_phrase: bool = False, question: bool = False
                   ) -> Clause | None:
    """Token range of the content that starts at ``first``; ``noun_phrase`` is
    :func:`_noun_phrase_content` of the same place, worked out once by the caller;
    ``question``: the cue may report a question (:func:`_asks`)."""
    n = len(toks)
    i = first
    if lemma in lex.ADDRESSEE_VERBS and i < n and toks[i].lower != "that" and not (
        question and toks[i].lower in content.QUESTION_OPENERS
    ) and rules.is_enabled("addressee-listener"):
        i = _after_listener(toks, i)
        if i < 0:
            return None  # ``warned the operators to cut fares``: an order, not content
    i, has_that = _after_that(toks, i)
    if i >= n:
        return None
    if toks[i].kind is _QUOTE and not (
        i + 2 < n and toks[i + 1].kind is _WORD and not toks[i + 1].is_cap
        and not (toks[i + 1].lower in content.QUOTE_THEN_VERB_LINKS
                 and _verb_form(toks[i + 2]))
    ):
        return None  # a direct quote; ``said “budget reforms” would pay for it`` is mixed
    if lemma in lex.COMMITMENT_VERBS and toks[i].lower == "to" and not has_that and (
            rules.is_enabled("promise-infinitive-content")):
        pass  # rule promise-infinitive-content: ``pledged to rebuild the pier``
    elif question and not has_that and toks[i].lower in content.QUESTION_OPENERS and i + 1 < n and (
        toks[i + 1].kind is _WORD
    ) and rules.is_enabled("question-content"):
        pass  # rule question-content: ``asked whether the port would reopen``
    elif toks[i].kind not in (_WORD, _QUOTE) or (
        toks[i].lower in content.NOT_CLAUSE_START and not has_that and not _approximation(toks, i)
        and not (not question and _conditional_content(toks, i))
        and rules.is_enabled("non-clause-opener")
    ):
        return None  # rule non-clause-opener: ``spoke about the pier``, ``said so``
    if not has_that and toks[i].lower in content.PRO_FORM_OBJECTS and not (
        i + 1 < n and (toks[i + 1].lower in lex.FINITE_VERBS or toks[i + 1].lower == "that"
                       or _verb_form(toks[i + 1]))
    ) and rules.is_enabled("pro-form-object"):
        return None  # rule pro-form-object: ``said little in public``
    if lemma in lex.CLAUSE_ONLY_VERBS and not has_that and (
        toks[i].lower in grammar.INDEFINITE_ARTICLES) and rules.is_enabled("clause-only-object"):
        return None  # rule clause-only-object: ``agreed a five-year contract``: an object
    if noun_phrase and any(t.lower in lex.NON_SPEECH_OBJECTS for t in toks[i:i + 4]) and (
            rules.is_enabled("non-speech-object")):
        return None  # rule non-speech-object: ``posted a picture of the pier``
    if noun_phrase and (not NOUN_PHRASE_CONTENT or lemma in lex.ADDRESSEE_VERBS and (
            rules.is_enabled("listener-object"))):
        return None  # rule listener-object: ``warned the unions``: the object is the listener
    rng = _clause_end(toks, i, noun_phrase)
    if rng is not None and lemma in lex.ADDRESSEE_VERBS and not has_that and not _has_verb(
        toks, rng[0], rng[1]
    ) and rules.is_enabled("listener-only"):
        return None  # rule listener-only: ``warned the ferry operators on Monday``
    return rng


def _conditional_content(toks: Sequence[Tok], i: int) -> bool:
    """Rule ``conditional-content``: after a cue that does not ask, ``if``/``unless`` opens a
    condition of the content (``Ruiz said if the levy passed, the pier would reopen``),
    not a question; it needs a verb before the sentence ends."""
    if not rules.is_enabled("conditional-content") or toks[i].lower not in content.CONDITIONALS:
        return False
    end = sentence_end(toks, i)
    return i + 2 < end and _has_verb(toks, i + 1, end)


def _after_that(toks: Sequence[Tok], i: int) -> tuple[int, bool]:
    """Where a content opening at ``toks[i]`` starts past its complementizer ``that`` (and a
    comma after it: ``said that, in May, the port …``), and whether it had one."""
    n = len(toks)
    has_that = i < n and toks[i].lower == "that" and not _demonstrative_that(toks, i)
    if not has_that and i < n and toks[i].kind is _WORD and (k := _pre_that_end(toks, i)) > i:
        i, has_that = k, True  # rule adverb-before-that: ``said only that …``
    if has_that:
        i += 1
        if i < n and toks[i].text == ",":
            i += 1
    return i, has_that


def _pre_that_end(toks: Sequence[Tok], i: int) -> int:
    """Rule ``adverb-before-that``: the index of the ``that`` after one to
    :data:`~quoteattr.lexicon.content.MAX_PRE_THAT` adverbs or time words that open no content
    (``said only that …``, ``said late Wednesday that …``), else ``i``."""
    words = content.PRE_THAT_WORDS
    for k in range(i, min(len(toks) - 1, i + content.MAX_PRE_THAT + 1)):
        t = toks[k]
        if t.lower == "that" and k > i:
            nxt = toks[k + 1]
            if nxt.kind is _WORD and nxt.lower not in content.NOT_CLAUSE_START and (
                    nxt.lower not in content.ADJUNCT_PREPOSITIONS) and not (
                    _demonstrative_that(toks, k)) and rules.is_enabled(
                    "adverb-before-that"):
                return k
            return i
        if t.kind is not _WORD or not (t.lower in words or (
                t.lower.endswith("ly") and not t.is_cap)):
            return i
    return i


def _demonstrative_that(toks: Sequence[Tok], i: int) -> bool:
    """Rule ``demonstrative-that``: ``that’s`` after a cue is the content's subject, not a
    complementizer (``Shaw said that’s what he expected`` → ``that’s what he expected``)."""
    return i + 1 < len(toks) and toks[i + 1].kind is _POSS and (
        toks[i + 1].text in {"’s", "'s"}) and rules.is_enabled("demonstrative-that")


def _clause_end(toks: Sequence[Tok], i: int, noun_phrase: bool) -> Clause | None:
    """Token range of the content that opens at ``toks[i]``: up to where the reporter's
    narration resumes or the sentence ends, with the rule of :data:`CLAUSE_STOPS` that
    ended it (or, when none did, the last ``relative-aside`` that carried it on)."""
    n = len(toks)
    j = i
    limit = min(n, i + MAX_SENTENCE)
    coordinators = grammar.COORDINATORS  # read once per call, as the switches are
    off = rules.switched_off()
    on = _ALL_STOPS_ON if not off else tuple(name not in off for name in CLAUSE_STOPS)
    asides, narrating, cued, colons = on[:4]
    quoted, dashes, predicates = on[8], on[9], on[12]
    stop: Stop | None = None  # a stop after a relative-aside leaves the aside in the trail
    while j < limit:
        t = toks[j]
        if noun_phrase and j > i and (limit_stop := _object_limit(toks, i, j, on)):
            stop = stop if stop and limit_stop[0] != _PREDICATE else limit_stop
            break
        if t.text == ",":
            if asides and (resume := _relative_aside_end(toks, j, limit)):
                stop = (_ASIDE, j, resume)  # ``said the 2019 plan, which the board approved,
                j = resume  # had failed``
                continue
            if (comma := _comma_stop(toks, j, on, coordinators)) is not None:
                stop = comma
                break
            j += 1
            continue
        if colons and t.kind is _PUNCT and t.text in {";", ":"}:
            stop = (_COLON, j, j + 1)
            break
        if t.kind is _PUNCT and is_boundary(toks, j):
            break
        if quoted and t.kind is _QUOTE and j + 1 < n and (
            toks[j + 1].lower in content.NARRATION_BREAKERS
        ) and _comma_inside_marks(t):
            j += 1  # ``they want “a fair deal,” but pledged …``: the comma sits in the marks
            stop = stop or (_QUOTED, j, j + 1)
            break
        if t.lower == "as" and narrating and j > i and _narrating_as(toks, j):
            stop = (_AS, j, j + 3)  # ``… weighing new cranes as she tries to push the council``
            break
        if t.lower in coordinators and cued and j > i and (verb := _coordinated_cue_at(toks, j)):
            stop = (_CUED, j, verb + 1)  # ``said the talks went well and (then) noted …``
            break
        if predicates and noun_phrase and t.lower in coordinators and j > i and (
                _second_predicate(toks, i, j)):
            stop = (_PREDICATE, j, j + 2)  # ``praised the plan and defended the levy``
            break
        if dashes and t.text in {"—", "–"} and j + 1 < n and (
                toks[j + 1].lower in content.NARRATION_BREAKERS):
            stop = stop or (_DASH, j, j + 2)  # ``said the pier was safe — but …``
            break
        if _is_sentence_end(toks, j):
            j += 1
            break
        j += 1
    return (i, j, stop) if j > i else None


def _object_limit(toks: Sequence[Tok], i: int, j: int, on: tuple[bool, ...]) -> Stop | None:
    """Where a noun-phrase content opening at ``toks[i]`` ends at ``toks[j]``: an adjunct
    (``object-adjunct``), ``, who …`` (``object-relative``) or a comma and the subject's
    next verb (``coordinated-predicate``: ``cited the pier, offered …``)."""
    if on[10] and _adjunct_start(toks, j):
        return (_ADJUNCT, j, j + 1)  # ``announced the new ferry route in a post``
    if toks[j].text != ",":
        return None
    if on[11] and j + 1 < len(toks) and toks[j + 1].lower in content.PERSON_RELATIVES:
        return (_OBJECT_RELATIVE, j, j + 2)  # ``cited Lind, who …``
    if on[12] and _second_predicate(toks, i, j, comma=True):
        return (_PREDICATE, j, j + 2)  # ``cited the pier, offered …``
    return None


def _comma_stop(toks: Sequence[Tok], j: int, on: tuple[bool, ...], coordinators: set[str]
                ) -> Stop | None:
    """The rule of :data:`CLAUSE_STOPS` that ends a content at the comma ``toks[j]``
    (``on``: which are switched on, in that order), with the tokens it looked at."""
    n = len(toks)
    cued, breakers, spans, comments, clauses = on[2], *on[4:8]
    nxt = toks[j + 1].lower if j + 1 < n else ""
    if breakers and nxt in content.NARRATION_BREAKERS:
        return _BREAKER, j, j + 2
    if spans and j + 2 < n and nxt in content.TIME_SPAN_NOUNS and (
            toks[j + 2].lower in content.TIME_SPAN_LINKS):
        return _SPAN, j, j + 3  # ``was “within reach”, hours after his first call``
    if cued and j + 1 < n and _coordinated_cue(toks[j + 1]):
        return _CUED, j, j + 2  # ``Lind, who said he had left, wrote …``: the relative ends
    if comments and j + 2 < n and manner_adverb(toks[j + 1]) and (
            toks[j + 2].lower.endswith("ing")):
        return _COMMENT, j, j + 3  # ``…, implicitly staking his name on it``
    if clauses and j + 2 < n and nxt in coordinators and (
        toks[j + 2].lower in content.NEW_CLAUSE_OPENERS or _verb_form(toks[j + 2])
    ):
        return _CLAUSE, j, j + 3  # ``…, and the downgrade is …``, ``…, and praised …``
    return None


def _second_predicate(toks: Sequence[Tok], i: int, j: int, comma: bool = False) -> bool:
    """Rule ``coordinated-predicate``: a verbless noun-phrase content ``toks[i:j]`` ends at
    ``and``/``but`` + a verb (``praised the plan and defended the levy``, ``cited reform but
    would not say more``): the subject's next predicate, not more content; an ``-ing`` verb
    only after an object with none (``refinancing loans and forcing …`` is one object).
    After a ``comma``: a past or finite verb, or ``then`` (``cited the pier, offered …``)."""
    if j + 1 >= len(toks):
        return False
    t = toks[j + 1]
    if t.kind is not _WORD or t.is_cap:
        return False
    low = t.lower
    if comma and low == "then":
        return not _has_verb(toks, i, j)
    if low.endswith("ing") and not comma:  # ``reform and passing``, not ``refinancing … and
        # forcing``
        return not any(k.lower.endswith("ing") for k in toks[i:j])
    return (low in lex.FINITE_VERBS or low.endswith("ed")) and not _has_verb(toks, i, j)


def _coordinated_cue_at(toks: Sequence[Tok], j: int) -> int:
    """After the coordinator ``toks[j]``, the index of a coordinated cue (``and noted``,
    ``but then insisted``), else 0."""
    n = len(toks)
    if j + 1 < n and _coordinated_cue(toks[j + 1]):
        return j + 1
    if j + 2 < n and manner_adverb(toks[j + 1]) and _coordinated_cue(toks[j + 2]):
        return j + 2
    return 0


def _relative_aside_end(toks: Sequence[Tok], j: int, limit: int) -> int | None:
    """Rule ``relative-aside``: a relative clause set off by commas inside the content, with
    the content's finite verb after it (``the plan, which the board approved in May, had
    failed``): where the content resumes; ``None`` when the comma at ``j`` opens no such
    clause."""
    if j + 2 >= limit or toks[j + 1].lower not in content.ASIDE_RELATIVES:
        return None
    for k in range(j + 2, min(limit, j + MAX_RELATIVE_ASIDE)):
        t = toks[k]
        if t.text in {";", ":"} or t.kind is _QUOTE or t.kind is _PUNCT and (
                is_boundary(toks, k)):
            return None
        if t.text == ",":
            return k + 1 if k + 1 < limit and toks[k + 1].lower in lex.FINITE_VERBS else None
    return None


def _narrating_as(toks: Sequence[Tok], j: int) -> bool:
    """Rule ``as-clause``: ``as`` + pronoun + a lexical verb (``as she tries to push the
    council``) is the reporter's framing; ``as he did``, ``as she had`` stay."""
    return j + 2 < len(toks) and toks[j + 1].lower in pronouns.THIRD_PERSON_SUBJECTS and (
        toks[j + 2].kind is _WORD and toks[j + 2].lower not in lex.FINITE_VERBS
    )


def _coordinated_cue(t: Tok) -> bool:
    """Rule ``coordinated-cue``: a finite reporting verb after ``and``/``but`` (``and noted``,
    ``but insisted``) starts the subject's next report, not more content."""
    lemma = lex.lemma_of(t.lower)
    return lemma is not None and t.lower != lemma and not t.lower.endswith("ing") and (
        t.lower not in lex.NOUN_LIKE_FORMS
    )


def _approximation(toks: Sequence[Tok], i: int) -> bool:
    """``about 20 people have …``: ``about`` before a number opens a clause, not a topic."""
    return toks[i].lower in content.APPROXIMATORS and i + 1 < len(toks) and (
        toks[i + 1].text[:1].isdigit()
    )


def _verb_form(t: Tok) -> bool:
    """A past-tense-looking or reporting word: ``praised``, ``said``, ``warned``."""
    return t.kind is _WORD and not t.is_cap and (
        t.lower.endswith("ed") or lex.lemma_of(t.lower) is not None
    )


def _after_listener(toks: Sequence[Tok], i: int) -> int:
    """Skip the listener after ``told``/``warned``: the index of ``that`` in ``told reporters
    travelling with her on Sunday that …``, ``i`` when no listener shows, -1 for ``warned
    the operators to cut fares`` (an order, not content)."""
    to_at = -1
    for k in range(i, min(len(toks), i + LISTENER_WINDOW)):
        t = toks[k]
        if t.lower == "that":
            return k
        if t.lower in content.PRONOUN_SUBJECTS and k > i:
            return k  # ``told dockworkers this weekend he would …``: the content's subject
        if t.lower == "this" and k + 1 < len(toks) and toks[k + 1].lower in lex.CUE_ADJUNCTS:
            continue  # ``this weekend``
        if t.kind not in (_WORD, _POSS) or t.lower in content.SUBJECT_OPENERS or (
            lex.lemma_of(t.lower) is not None
        ):
            break
        if t.lower == "to" and k > i and to_at < 0:
            to_at = k
    return -1 if to_at >= 0 else i


def _takes_object(lemma: str) -> bool:
    return lemma in lex.NOUN_OR_CLAUSE_VERBS or lemma in lex.OBJECT_CUE_VERBS or " " in lemma


def _noun_phrase_content(toks: Sequence[Tok], first: int, lemma: str) -> bool:
    """The content at ``toks[first]`` is the noun-phrase object of a verb that takes one
    (``announced the new route``, ``called for a recount``), not a clause (``announced
    that …``, ``announced it would …``)."""
    return _takes_object(lemma) and first < len(toks) and toks[first].lower != "that" and (
        toks[first].lower not in content.SUBJECT_OPENERS
    ) and not (lemma in lex.COMMITMENT_VERBS and toks[first].lower == "to") and (
        not _zero_that_clause(toks, first) or not rules.is_enabled("zero-that-clause")
    )


def _has_verb(toks: Sequence[Tok], i: int, j: int) -> bool:
    """``toks[i:j]`` holds a finite-looking verb (``is``, ``mishandled``, ``they're``)."""
    return any(t.lower in lex.FINITE_VERBS or _verb_form(t) or "'" in t.text or "’" in t.text
               for t in toks[i:j] if t.kind is _WORD)


def _verbless_object(toks: Sequence[Tok], i: int, j: int, lemma: str) -> bool:
    """Rule ``verbless-object``: after a verb that takes a clause, an indefinite noun phrase
    with no verb in sight is its object (``noted a handful of points``), not content."""
    return not _takes_object(lemma) and toks[i].lower in grammar.INDEFINITE_ARTICLES and (
        rules.is_enabled("verbless-object")) and not any(
        t.kind is _QUOTE or t.lower in lex.FINITE_VERBS or t.lower.endswith(("ed", "n't"))
        for t in toks[i:j]
    )


def _zero_that_clause(toks: Sequence[Tok], i: int) -> bool:
    """Rule ``zero-that-clause``: ``made clear her main goal is reopening the pier since
    …`` — a finite verb before any comma or adjunct makes the object a clause, which does
    not stop at ``since``."""
    for k in range(i + 1, min(len(toks), i + MAX_SENTENCE)):
        t = toks[k]
        if t.kind is not _WORD or _adjunct_start(toks, k) or (
            t.lower in content.RELATIVE_OPENERS or t.lower in content.OBJECT_CONJUNCTIONS
        ):
            return False  # ``announced the arrest … and said a curfew would …``
        if t.lower in lex.FINITE_VERBS:
            return True
    return False


def _adjunct_start(toks: Sequence[Tok], j: int) -> bool:
    """``toks[j]`` opens an adjunct that ends a noun-phrase content: ``after …``,
    ``in a statement``, ``on Monday``."""
    low = toks[j].lower
    if low in content.NOUN_PHRASE_ENDERS:
        return True
    if low in content.ADJUNCT_PREPOSITIONS and j + 1 < len(toks):
        nxt = toks[j + 1]
        return nxt.lower in content.ADJUNCT_DETERMINERS or (
            category(nxt) is _CAT_TIME
        )
    return False


def _content_before(toks: Sequence[Tok], cue_first: int) -> tuple[int, int] | None:
    """``CONTENT, Ruiz said``: from the sentence start to the comma before the cue clause
    (the comma may sit inside a closing quotation: ``… the “last offer,” Ruiz said``)."""
    if cue_first == 0:
        return None
    prev = toks[cue_first - 1]
    if prev.kind is _QUOTE and _comma_inside_marks(prev):
        cue_first += 1  # keep the quotation in the content
    elif prev.text != "," and prev.text not in DASHES:
        return None
    start = sentence_start(toks, cue_first)
    # rule quoted-sentence-start: a quotation ending with a stop closes the previous sentence
    for k in range(cue_first - 2, start - 1, -1) if rules.is_enabled(_QUOTED_START) else ():
        if _is_sentence_end(toks, k) and k + 1 < cue_first - 1:
            start = k + 1
            break
    end = cue_first - 1
    conjunctions = rules.is_enabled("leading-conjunction")
    while conjunctions and start + 1 < end and toks[start].lower in content.LEADING_CONJUNCTIONS:
        start += 1  # ``But in recent days, aides say, …``: the conjunction is the reporter's
    if start + 2 < end and toks[start].lower in content.LEADING_ADVERBS and (
            toks[start + 1].text == ",") and rules.is_enabled("sentence-adverb"):
        start += 2  # rule sentence-adverb: ``However, the talks …``
    if end <= start:
        return None
    return start, end


def _words(toks: Sequence[Tok], i: int, j: int) -> int:
    """Words in ``toks[i:j]``, those inside a quoted fragment included (``Lind “has a
    plan”`` has four)."""
    return sum(1 if t.kind is _WORD else max(1, words(t.text, 0, len(t.text)))
               for t in toks[i:j] if t.kind is _WORD or t.kind is _QUOTE)


def _span(text: str, toks: Sequence[Tok], i: int, j: int) -> tuple[int, int]:
    """The characters of ``toks[i:j]``, less trailing spaces, commas, stops and dashes
    (rule ``trailing-punctuation``) unless the content ends with a quotation."""
    start, end = toks[i].start, toks[j - 1].end
    while end > start and text[end - 1] in " ,;:.\u00a0—–" and toks[j - 1].kind is not (
        _QUOTE
    ) and rules.is_enabled(_TRAILING):
        end -= 1
    return start, end


def find_reported(text: str, paras: Sequence[Para], resolved: Sequence[Resolved],
                  headings: Sequence[tuple[int, int]], include_headlines: bool) -> list[Quote]:
    """Indirect and mixed quotes, one per cue with clausal content."""
    by_para: dict[int, list[Resolved]] = {}
    starts = [p[0] for p in paras]
    k = 0
    for r in resolved:
        while k + 1 < len(starts) and starts[k + 1] <= r.cue.start:
            k += 1
        by_para.setdefault(k, []).append(r)
    heading_starts = {s for s, _ in headings}
    live = {name for name in DETECTORS if rules.is_enabled(name)}  # read once per call
    out: list[Quote] = []
    for n, (p_start, _p_end, toks, _quotations) in enumerate(paras):
        if p_start in heading_starts and not include_headlines:
            continue
        cues = by_para.get(n, [])
        verbs = [r.cue.verb for r in cues]
        candidates: list[tuple[int, int, int, str, str | None, Resolved, Stop | None]] = []
        for r in cues:
            aside = _after_aside(toks, r)
            found_aside = None if aside is None else (
                aside[0], aside[1], "after-aside", _resumption_rule(toks, r, aside[0], aside[1]),
                aside[2])
            for found in (_candidate(toks, r, cues, verbs, aside is not None), found_aside):
                if found is not None:
                    i, j, detector, boundary, stop = found
                    priority = PRIORITY[detector]
                    candidates.append((priority, i, j, detector, boundary, r, stop))
        taken = bytearray(len(toks))
        for _prio, i, j, detector, boundary, r, stop in sorted(candidates,
                                                               key=lambda c: (c[0], c[1])):
            if detector not in live or any(taken[i:j]):
                continue
            quote = _make_quote(text, toks, i, j, detector, r, boundary, stop)
            if quote is not None:
                taken[i:j] = b"\x01" * (j - i)
                out.append(quote)
        if "asked-question" in live and any(  # a form's tail matches ``Asked`` and ``asked``
                text.find(form[1:], p_start, _p_end) >= 0 for form in content.ASKED_FORMS):
            out += _asked_quotes(text, toks, taken)
    return sorted(out, key=lambda q: q.start)


def _asked_quotes(text: str, toks: Sequence[Tok], taken: bytearray) -> list[Quote]:
    """The questions put to a speaker by an unnamed asker in one paragraph (detector
    ``asked-question``), where no other content took their words."""
    out: list[Quote] = []
    forms = content.ASKED_FORMS
    for k, t in enumerate(toks):
        if t.kind is not _WORD or t.lower not in forms:
            continue
        found = _asked_question(toks, k)
        if found is None or any(taken[found[0]:found[1]]):
            continue
        i, j = found
        start, end = _span(text, toks, i, j)
        if end <= start:
            continue
        taken[i:j] = b"\x01" * (j - i)
        kind = _MIXED if any(x.kind is _QUOTE for x in toks[i:j]) else _INDIRECT
        trail = quote_trail(start, end, "asked-question", None, None, None, None)
        out.append(Quote(text[start:end], start, end, kind, None, None,
                         Span(t.start, toks[i - 1].end, text[t.start:toks[i - 1].end]),
                         round(CONFIDENCE_SCALE * OBJECT_SCALE, 3),
                         Provenance("asked-question", None, trail)))
    return out


def _asked_question(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """Detector ``asked-question``: ``Asked whether the pier would reopen, Ruiz said …`` and
    ``… when asked about the levy``: a question put to the speaker by an asker the article
    does not name. The content runs from the question word (after ``about``) to the first
    comma, colon or dash, or the sentence end (a topic after ``about`` to an adjunct too:
    ``about the levy during a debate``); it needs two words."""
    if toks[k].is_cap:
        if k != sentence_start(toks, k):
            return None
    elif k == 0 or toks[k - 1].lower not in content.ASKED_FRAMES:
        return None
    n = len(toks)
    i = k + 1
    while i < min(n, k + 4) and toks[i].lower in content.ASKED_ADVERBS:
        i += 1  # ``Asked on Monday whether …``
    if i >= n:
        return None
    topic = toks[i].lower in content.ASKED_TOPIC_WORDS
    if topic:
        i += 1  # ``asked about the levy`` → ``the levy``
    elif toks[i].lower not in content.ASKED_QUESTION_OPENERS:
        return None  # ``when asked to resign``, ``Asked for comment``
    j = i
    limit = min(n, i + MAX_SENTENCE)
    while j < limit and toks[j].text not in _ASKED_STOPS and not (
            toks[j].kind is _PUNCT and is_boundary(toks, j)) and not (
            topic and j > i and _adjunct_start(toks, j)):  # ``about the levy during …``
        j += 1
        if toks[j - 1].kind is _QUOTE and _is_sentence_end(toks, j - 1):
            break
    return (i, j) if _words(toks, i, j) >= 2 else None


_ASKED_STOPS = frozenset({",", ";", ":", "—", "–"})


def _after_aside(toks: Sequence[Tok], r: Resolved) -> Clause | None:
    """``The plan, Ruiz said, is dead.``: the content resumes after the aside (detector
    ``after-aside``)."""
    c = r.cue
    if c.subject is None or c.subject_side not in _aside_sides() or (
        c.lemma in lex.DESCRIPTION_VERBS
    ):
        return None
    subject_first = min(c.first, subject_phrase_start(toks, c))
    after = c.last + 1
    if subject_first == 0 or toks[subject_first - 1].text != "," or after + 1 >= len(toks):
        return None
    if toks[after].text != ",":
        return None
    nxt = toks[after + 1]
    if nxt.kind is not _WORD or nxt.lower in content.NARRATION_BREAKERS or (
        nxt.is_cap and not rules.is_enabled("capitalised-resumption")
    ) or (
        lex.lemma_of(nxt.lower) is not None and (
            nxt.lower.endswith("ing") or not rules.is_enabled("verb-resumption"))
    ):
        return None
    if _place_apposition(toks, c, after + 1) or c.subject_side == "description" and (
        nxt.lower.endswith("ing")
    ):
        return None  # ``The deal, the firms said, creating …``: the reporter's gloss
    rng = _content_after(toks, after + 1)
    if rng is None or _words(toks, rng[0], rng[1]) < MIN_WORDS and not _short_predicate(
            toks, rng[0], rng[1]) and rules.is_enabled(_SHORT):
        return None
    return rng


def _short_predicate(toks: Sequence[Tok], i: int, j: int) -> bool:
    """Rule ``short-predicate``: content resumed after an aside cue that is a finite verb and
    one word (``This levy, Ruiz says, is different.`` → ``is different``) is the report's
    predicate, taken though shorter than ``MIN_WORDS``."""
    return j - i == 2 and toks[i].lower in lex.FINITE_VERBS and toks[i + 1].kind is _WORD and (
        rules.is_enabled("short-predicate"))


register(Rule(
    "short-predicate", "boundary",
    "a finite verb and one word resumed after an aside cue are the report's predicate "
    "(``This levy, Ruiz says, is different.`` → ``is different``)",
    (Example("This new levy, harbour chief Ana Ruiz says, is different.", "is different",
             "Ana Ruiz"),),
    (Example("This new levy, harbour chief Ana Ruiz says, seems different.",
             "seems different"),)))


def _resumption_rule(toks: Sequence[Tok], r: Resolved, i: int, j: int) -> str | None:
    """The rule that let content resume at ``toks[i]`` after an aside cue, if one did:
    ``capitalised-resumption`` (a name opens it: ``After all, Ruiz argued, Lind had signed
    the bill.`` → ``Lind had signed the bill``), ``verb-resumption`` (a reporting verb
    opens it: ``The board, Ruiz said, called the levy unfair.`` → ``called the levy
    unfair``; a participle, ``adding …``, stays the reporter's), ``short-predicate`` (the
    content ``toks[i:j]`` is a finite verb and one word) or ``aside-described-subject``."""
    if _short_predicate(toks, i, j):
        return "short-predicate"
    if toks[i].is_cap:
        return "capitalised-resumption"
    if lex.lemma_of(toks[i].lower) is not None:
        return "verb-resumption"
    return "aside-described-subject" if r.cue.subject_side == "description" else None


def _aside_sides() -> tuple[str, ...]:
    """Rule ``aside-described-subject``: an aside cue whose subject is a description no
    lexicon covers (``That plan, many traders argue, could fail.``) resumes its content as
    one with a named subject does, unless a participle follows (``The deal, the firms said,
    creating …`` is the reporter's gloss); off, only a subject found to its left does."""
    if rules.is_enabled("aside-described-subject"):
        return ("left", "description")
    return ("left",)


register(Rule(
    "capitalised-resumption", "boundary",
    "content resumed after an aside cue may open with a name (``After all, Ruiz argued, Lind "
    "had signed the bill.`` → ``Lind had signed the bill``)",
    (Example("After all, harbour chief Ana Ruiz argued, Lind had signed the ferry bill "
             "himself.", "Lind had signed the ferry bill himself", "Ana Ruiz"),),
    (Example("The pier, harbour chief Ana Ruiz said, would reopen in May.",
             "would reopen in May", "Ana Ruiz"),)))


register(Rule(
    "verb-resumption", "boundary",
    "content resumed after an aside cue may open with a finite reporting verb (``The board, "
    "Ruiz said, called the levy unfair.`` → ``called the levy unfair``)",
    (Example("The harbour board, Mayor Tomas Lind said, called the levy unfair in May.",
             "called the levy unfair in May", "Tomas Lind"),),
    (Example("The harbour board, Mayor Tomas Lind said, adding that the levy was unfair.",
             "adding that the levy was unfair"),)))


register(Rule(
    "aside-described-subject", "boundary",
    "an aside cue whose subject is a description (``That plan, many traders argue, could "
    "fail.``) resumes its content as one with a named subject does",
    (Example("That plan, many ferry traders argue, could fail within a year.",
             "could fail within a year"),),
    (Example("That plan, harbour chief Ana Ruiz argued, could fail within a year.",
             "could fail within a year", "Ana Ruiz"),
     Example("The two ferry firms will merge, the harbour companies said on Monday, creating "
             "the largest operator on the coast.", "creating the largest operator"))))

#: Most tokens of an apposition between a cue phrase and its colon.
MAX_APPOSITION = 16


def _place_apposition(toks: Sequence[Tok], c: Cue, first: int) -> bool:
    """Rule ``place-apposition``: after a cue phrase that ends in its own object or place
    (``posted on Chirrup``, ``wrote to the board``), ``, the …`` up to a colon before a
    quotation describes that noun and is no content resumed after an aside (``Ruiz posted on
    Chirrup, the site she uses most: “…”``); ``Ruiz argued in an email, the vote was void.``
    and ``The pier, Ruiz said, the board would sell.`` report content."""
    last = toks[c.last]
    if not rules.is_enabled("place-apposition") or c.last <= c.verb or (
        last.kind is not _WORD or lex.lemma_of(last.lower) is not None
        or last.lower in content.LEAD_PREPOSITIONS
        or toks[first].lower not in content.APPOSITION_DETERMINERS
    ):
        return False
    for k in range(first + 1, min(len(toks) - 1, first + MAX_APPOSITION)):
        if toks[k].text == ":" and toks[k + 1].kind is _QUOTE:
            return True  # the colon hands over to the quotation the cue introduces
        if toks[k].kind is not _WORD and toks[k].text != ",":
            return False
    return False


register(Rule(
    "place-apposition", "detector-veto",
    "after a cue phrase ending in its object or place (``posted on Chirrup``), ``, the …`` "
    "is an apposition describing that noun, not content resumed after an aside",
    (Example("Later, harbour chief Ana Ruiz posted on Chirrup, the site she uses for most "
             "news: “The pier will reopen in May.”", "the site she uses for most news"),),
    (Example("If anything, harbour chief Ana Ruiz argued in her email, the vote was void and "
             "the pier must stay open.", "the vote was void", "Ana Ruiz"),),
    vetoes=True))


#: Most words of a bare time adverbial before the subject.
MAX_TIME_LEAD = 4


def _time_lead(toks: Sequence[Tok], before: tuple[int, int]) -> bool:
    """Rule ``time-lead``: a bare time adverbial, a stretch of time and ``later``/``earlier``/
    ``ago``, before the subject (``Hours later, Ruiz posted …``, ``Two days ago, …``) dates
    the cue and is no content (``Sooner or later, Ruiz said, “…”`` names no stretch of time:
    the quotation may go on with it)."""
    i, j = before
    return rules.is_enabled("time-lead") and 1 < j - i <= MAX_TIME_LEAD and all(
        t.kind is _WORD for t in toks[i:j]) and (
        toks[j - 1].lower in content.TIME_LEAD_ENDINGS
        and any(t.lower in content.TIME_SPAN_NOUNS for t in toks[i:j - 1]))


register(Rule(
    "time-lead", "detector-veto",
    "a bare time adverbial before the subject and cue (``Hours later, Ruiz posted …``) "
    "dates the cue and is no content",
    (Example("Two hours later, harbour chief Ana Ruiz posted on her blog, the site she uses "
             "for most news: “The pier will reopen in May.”", "Two hours later"),),
    (Example("Sooner or later, harbour chief Ana Ruiz told reporters, “the pier will have "
             "to close.”", "Sooner or later", "Ana Ruiz"),),
    vetoes=True))


def _label_object(toks: Sequence[Tok], verb: int) -> int | None:
    """Rule ``label-object``: ``calling him “a stiff”`` — a past or -ing labelling verb, a
    one-word object and a quotation: the index of the quotation token, else None."""
    v, obj, q = toks[verb].lower, verb + 1, verb + 2
    if not rules.is_enabled("label-object") or q >= len(toks) or v not in content.LABEL_FORMS:
        return None
    if toks[obj].lower not in content.LABEL_OBJECTS or toks[q].kind is not _QUOTE:
        return None
    return q


#: A description-object content: its token range, its detector, the boundary rule that
#: shaped it (``None``: none did) and the stop that ended it.
_Described = tuple[int, int, str, str | None, Stop | None]


def _description(toks: Sequence[Tok], r: Resolved) -> _Described | None:
    """``Ruiz described the plan as a “disgrace”``: object and fragment are mixed content,
    carried past the fragment by ``label-tail`` when it applies;
    ``described the plan as a failure`` is indirect (rule ``as-predicate-object``).
    (``described as “…”`` with no object is a direct fragment, found by attribution.)"""
    c = r.cue
    i = c.verb + 1
    if i >= len(toks) or toks[i].kind is not _WORD:
        return None
    first = toks[i]
    label = _label_object(toks, c.verb)
    if label is not None:
        return _tailed(toks, i, label, "label-object")
    labels = c.lemma in lex.PREDICATE_VERBS
    predicate = predicate_noun(toks, c.verb, c.lemma) >= 0 and (
        first.lower not in content.NOT_CLAUSE_START)
    shaped = c.rule == "participle"  # rule participle-predicate: ``calling Lind a liar``
    if shaped and not (labels and rules.is_enabled("participle-predicate")):
        return None  # ``…, describing the talks as “frank”`` stays a direct fragment
    if predicate:
        # ``Ruiz called the levy a tax on shippers`` → ``the levy a tax on shippers``
        rng = _clause_end(toks, i, False)
        shape = "participle-predicate" if shaped else None
        return None if rng is None else (i, rng[1], "description-object", shape, rng[2])
    if first.lower not in content.OBJECT_OPENERS and not (first.is_cap and first.lower not in
                                                  content.NOT_CLAUSE_START) and (
            first.lower not in pronouns.REFLEXIVE_PRONOUNS):
        return None
    for j in range(i + 1, min(len(toks), i + 14)):
        t = toks[j]
        if t.kind is _WORD and lex.lemma_of(t.lower) is not None:
            return None
        if t.kind is _QUOTE:
            # ``described it “a breach”``: a one-word object leaves the fragment direct,
            # but not after a labelling verb (``called it “a breach”``)
            return _tailed(toks, i, j, "description-object") if j - i >= 2 or labels else None
        if t.lower == "as" and (rng := _as_predicate(toks, j)) is not None:
            return (i, rng[1], "description-object", "as-predicate-object", rng[2])
        if is_boundary(toks, j) or t.text in {",", ";", ":"}:
            return None
    return None


def _as_predicate(toks: Sequence[Tok], j: int) -> Clause | None:
    """Rule ``as-predicate-object``: after a description verb and its object, ``as`` and a
    predicate with no quotation in it (``described the levy as a tax on shippers``) end
    the content where its clause ends; a quotation there leaves the fragment to the
    mixed or direct readings."""
    if j + 1 >= len(toks) or toks[j + 1].kind is not _WORD or not rules.is_enabled(
            "as-predicate-object"):
        return None
    rng = _clause_end(toks, j + 1, False)
    if rng is None or any(t.kind is _QUOTE for t in toks[j + 1:rng[1]]):
        return None
    return rng


register(Rule(
    "as-predicate-object", "boundary",
    "after a description verb, an object and ``as`` with a predicate and no quotation are "
    "indirect content (``Ruiz described the levy as a tax on shippers``)",
    (Example("Harbour chief Ana Ruiz described the new levy as a tax on every ferry.",
             "the new levy as a tax on every ferry", "Ana Ruiz"),
     Example("Mayor Tomas Lind has described himself as a friend of the ferry crews.",
             "himself as a friend of the ferry crews", "Tomas Lind")),
    (Example("Harbour chief Ana Ruiz described the new levy as “a tax on every ferry.”",
             "the new levy as “a tax on every ferry.”", "Ana Ruiz"),)))


def _tailed(toks: Sequence[Tok], i: int, q: int, detector: str) -> _Described:
    """The object and quoted label ``toks[i:q + 1]`` of a description, carried on by
    ``label-tail`` when it applies."""
    tail = _label_tail(toks, q)
    if tail is None:
        return (i, q + 1, detector, None, None)
    return (i, tail[1], detector, "label-tail", tail[2])


def _label_tail(toks: Sequence[Tok], q: int) -> Clause | None:
    """Rule ``label-tail``: a quoted label that does not end its sentence goes on with what
    qualifies it (``called the plan “reckless” for its cost``, ``… “reckless” and “rushed”``):
    the clause from the word after the quotation, or ``None``."""
    k = q + 1
    if k + 1 >= len(toks) or not rules.is_enabled("label-tail"):
        return None
    if toks[q].text.rstrip(CLOSING_MARKS)[-1:] in {".", "!", "?"}:
        return None
    low, nxt = toks[k].lower, toks[k + 1]
    if low in content.LABEL_TAIL_LINKS and nxt.kind in (_WORD, _QUOTE) and not (
            low in content.ADJUNCT_PREPOSITIONS and _adjunct_start(toks, k)):
        # (``… “a disgrace” on Monday``: the reporter's)
        return _clause_end(toks, k, False)
    if low in content.LABEL_COORDINATORS and (nxt.kind is _QUOTE or (
            nxt.lower in grammar.INDEFINITE_ARTICLES or nxt.lower == "the") and (
            k + 2 < len(toks) and toks[k + 2].kind is _QUOTE)):
        return _clause_end(toks, k, False)
    return None


_Range = tuple[Clause, str] | None


def _first_range(toks: Sequence[Tok], c: Cue, subject_first: int) -> _Range:
    """The content range a cue's shape gives before any boundary rule, and its detector
    (``according-to-first``, ``content-then-cue``, ``directive``, ``cue-then-object``,
    ``cue-then-content``); ``None`` when the cue reports nothing here."""
    assert c.subject is not None  # _candidate asks only for cues with a subject
    if c.rule == "according-to":
        return _according_to_range(toks, c)
    if c.subject_side == "right":
        return _found(_before(_content_before(toks, c.first)), "content-then-cue")
    return _left_subject_range(toks, c, subject_first)


def _found(rng: Clause | None, detector: str) -> _Range:
    return None if rng is None else (rng, detector)


def _before(rng: tuple[int, int] | None) -> Clause | None:
    """A content before its cue (:func:`_content_before`): no rule of ``CLAUSE_STOPS``
    ends it."""
    return None if rng is None else (rng[0], rng[1], None)


def _according_to_range(toks: Sequence[Tok], c: Cue) -> _Range:
    """``According to a report by the board, …`` opening its sentence reports what follows
    the source phrase's comma; elsewhere, what comes before the cue."""
    assert c.subject is not None
    if c.first != sentence_start(toks, c.verb):
        return _found(_before(_content_before(toks, c.first)), "content-then-cue")
    end = _tok_index(toks, c.subject.end - 1) + 1
    while end < len(toks) and end - c.last <= MAX_SOURCE and toks[end].text not in {
        ",", ".", ";", ":"
    } and toks[end].kind is not _QUOTE:
        end += 1  # ``According to a new report by the port authority, …``
    if end < len(toks) and toks[end].text == ",":
        return _found(_content_after(toks, end + 1), "according-to-first")
    return None


def _left_subject_range(toks: Sequence[Tok], c: Cue, subject_first: int) -> _Range:
    """A cue after its subject: content before the subject when the cue ends its clause,
    else a directive's listener and infinitive, else what follows the cue."""
    before = _content_before(toks, subject_first)
    after_cue = c.last + 1
    if before is not None and (after_cue >= len(toks) or _is_sentence_end(toks, after_cue)
                               or toks[after_cue].text == ","):
        if _framing_lead_in(toks, before, after_cue) or _prepositional_lead(
                toks, before) or _time_lead(toks, before):
            return None
        return (*before, None), "content-then-cue"
    if _directive(toks, c, after_cue):
        rng = _clause_end(toks, after_cue, False)
        return None if rng is None else (
            (_listener_start(toks, c, after_cue), rng[1], rng[2]), "directive")
    if c.lemma in lex.DIRECTIVE_ONLY and rules.is_enabled("directive-only") or (
            after_cue >= len(toks) or toks[after_cue].text in {",", ":"}):
        return None  # rule directive-only: ``called on the council``: no content
    return _after_cue_range(toks, c, after_cue)


def _after_cue_range(toks: Sequence[Tok], c: Cue, after_cue: int) -> _Range:
    """What follows the cue: a clause (``cue-then-content``) or a noun-phrase object
    (``cue-then-object``); ``None`` for a verbless object of a clause verb."""
    topic = _topic_start(toks, c, after_cue)
    after_cue += topic  # rule topic-object: ``joked about the levy`` → ``the levy``
    question = _asks(c) or _wh_clause(toks, c, after_cue)
    noun_phrase = not topic and not (
        question and toks[after_cue].lower in content.QUESTION_OPENERS) and (
        _noun_phrase_content(toks, after_cue, c.lemma))
    rng = _content_after(toks, after_cue, c.lemma, noun_phrase, question)
    if rng is None:
        return None
    if noun_phrase:
        return rng, "cue-then-object"
    if _verbless_object(toks, rng[0], rng[1], c.lemma):
        return None  # ``noted a handful of points``: an object, not a report
    return rng, "cue-then-content"


def _topic_start(toks: Sequence[Tok], c: Cue, after_cue: int) -> bool:
    """Rule ``topic-object``: after a verb of :data:`lexicon.cues.TOPIC_PREPOSITIONS`, its
    preposition opens the topic that is the content (``joked about the new levy`` → ``the
    new levy``); the preposition is the cue's."""
    return after_cue + 1 < len(toks) and toks[after_cue].lower in lex.TOPIC_PREPOSITIONS.get(
        c.lemma, ()) and toks[after_cue + 1].kind is _WORD and rules.is_enabled("topic-object")


def _wh_clause(toks: Sequence[Tok], c: Cue, first: int) -> bool:
    """Rule ``wh-clause-content``: after a verb of :data:`lexicon.cues.WH_CLAUSE_VERBS`, a
    wh-word opens an embedded question or a free relative that is the content (``recalled
    how the pier flooded``, ``talked about what the levy would cost``)."""
    return first < len(toks) and toks[first].lower in content.WH_CLAUSE_OPENERS and (
        c.lemma in lex.WH_CLAUSE_VERBS) and rules.is_enabled("wh-clause-content")


def _link_rule(toks: Sequence[Tok], c: Cue, i: int) -> str | None:
    """The rule that linked a content opening at ``toks[i]`` to its cue, for the trail:
    ``topic-object`` or ``wh-clause-content`` (``None``: neither did)."""
    after_cue = c.last + 1
    if i == after_cue + 1 and _topic_start(toks, c, after_cue):
        return "topic-object"
    if i == after_cue and not _asks(c) and _wh_clause(toks, c, i):
        return "wh-clause-content"
    return None


register(Rule(
    "topic-object", "boundary",
    "after ``joked``/``boasted``/``mused``, the topic after ``about``/``of`` is the content "
    "(``Ruiz joked about the new levy`` → ``the new levy``)",
    (Example("Harbour chief Ana Ruiz joked about the new ferry timetable at the dinner.",
             "the new ferry timetable", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz joked that the new ferry timetable was a novel.",
             "the new ferry timetable was a novel", "Ana Ruiz"),)))


register(Rule(
    "wh-clause-content", "boundary",
    "after ``recalled``/``noted``/``talked about``, a wh-word opens the content (``Ruiz "
    "recalled how the pier flooded`` → ``how the pier flooded``)",
    (Example("Harbour chief Ana Ruiz recalled how the old pier flooded every spring.",
             "how the old pier flooded every spring", "Ana Ruiz"),
     Example("Mayor Tomas Lind talked about what the new levy would cost the crews.",
             "what the new levy would cost the crews", "Tomas Lind")),
    (Example("Harbour chief Ana Ruiz asked how the old pier flooded every spring.",
             "how the old pier flooded every spring", "Ana Ruiz"),)))


def _boundary_rules(toks: Sequence[Tok], c: Cue, rng: Clause, detector: str,
                    subject_first: int) -> tuple[int, str | None, Stop | None]:
    """The end of the content ``rng`` after the boundary rules (``conditional-content``,
    ``subordinate-cue``, a relative clause about the speaker, the continuations), the rule
    that moved it and the stop of the clause it now ends with."""
    i, j, stop = rng
    boundary = "conditional-content" if detector == "cue-then-content" and (
        toks[i].lower in content.CONDITIONALS and toks[i - 1].lower != "that" and not _asks(c)
    ) else None
    if detector != "content-then-cue" and _subordinate_cue(toks, subject_first):
        cut = next((k for k in range(i + 1, j) if toks[k].text == ","), j)
        boundary, j = ("subordinate-cue", cut) if cut < j else (boundary, j)
    if c.subject_side == "relative" and rules.is_enabled("speaker-relative-clause"):
        # rule speaker-relative-clause: ``“The water,” said Gene, who asked not to be named,
        # “came up …”``: the quotation goes on after the relative clause
        j = next((k for k in range(i, j - 1)
                  if toks[k].text == "," and toks[k + 1].kind is _QUOTE), j)
    if boundary is None and detector in ("cue-then-content", "according-to-first") and (
            more := _content_goes_on(toks, j)) is not None:
        j, boundary, stop = more
    if boundary is None and detector in ("cue-then-content", "cue-then-object"):
        boundary = _link_rule(toks, c, i)
    return j, boundary, stop


register(Rule(
    "label-tail", "boundary",
    "a quoted label after a labelling verb's object goes on with what qualifies it (``called "
    "the levy “a grab” for its cost``) or a second label (``“reckless” and “rushed”``)",
    (Example("Harbour chief Ana Ruiz called the new levy “a reckless grab” for its cost to "
             "shippers.", "for its cost to shippers", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz called the new levy “a reckless grab.” The board "
             "disagreed.", "the new levy"),)))


register(Rule(
    "even-if-condition", "boundary",
    "``, even if …`` after a cue's content is a condition of what was said (``said the pier "
    "would close, even if the levy passed``)",
    (Example("Harbour chief Ana Ruiz said the pier would close, even if the levy passed in "
             "May.", "even if the levy passed in May", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz said the pier would close, even as the ferries kept "
             "sailing.", "the pier would close"),)))


register(Rule(
    "as-well-as", "boundary",
    "``, as well as …`` after a cue's content adds to what was said (``said the levy would "
    "fund the pier, as well as two new ferries``)",
    (Example("Harbour chief Ana Ruiz said the levy would fund the pier, as well as two new "
             "ferries.", "as well as two new ferries", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz said the levy would fund the pier, as she had promised "
             "in May.", "the levy would fund the pier"),)))


def _phrase_continuation(name: str) -> Callable[[Sequence[Tok], int], Clause | None]:
    """Rule ``name`` of ``content.CONTINUATION_PHRASES``: a content stopped at the comma
    ``toks[j]`` goes on when the comma opens that phrase and a word follows it (``said the
    pier would close, even if the levy passed``). The clause it goes on with, or ``None``."""
    def goes_on(toks: Sequence[Tok], j: int) -> Clause | None:
        if not rules.is_enabled(name) or j >= len(toks) or toks[j].text != ",":
            return None
        k = j + 1
        for allowed in content.CONTINUATION_PHRASES[name]:
            if k >= len(toks) or toks[k].lower not in allowed:
                return None
            k += 1
        if k >= len(toks) or toks[k].kind is not _WORD:
            return None
        return _clause_end(toks, k, False)
    return goes_on


register(Rule(
    "but-not-ellipsis", "boundary",
    "``, but not …`` / ``, but only …`` after a cue's content is the same report cut short "
    "(``said the levy would rise, but not before May``)",
    (Example("Harbour chief Ana Ruiz said the levy would rise, but not before the vote in "
             "May.", "but not before the vote in May", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz said the levy would rise, but the council voted "
             "against it.", "the levy would rise"),)))


def _content_goes_on(toks: Sequence[Tok], j: int) -> tuple[int, str, Stop | None] | None:
    """The content's end after the first continuation rule that carries it past the comma
    at ``toks[j]`` (``second-complement``, ``but-not-ellipsis``, ``as-well-as``,
    ``even-if-condition``), that rule's name and the stop of the clause it goes on with;
    ``None`` when none does."""
    for name, goes_on in _CONTINUATIONS:
        more = goes_on(toks, j)
        if more is not None:
            return more[1], name, more[2]
    return None


#: Most ``, and that …`` clauses one content may chain (rule ``second-complement``).
MAX_COMPLEMENTS = 4


def _second_complement_end(toks: Sequence[Tok], j: int) -> Clause | None:
    """Rule ``second-complement``: content that stops at ``, and that …`` / ``, but that …``
    goes on, for ``that`` opens a second clause of the same report (``said the pier was
    safe, and that the ferries would sail``); ``, and that is …`` (a demonstrative) stays
    the reporter's. The last clause it adds, or ``None`` when no such clause follows
    ``toks[j]``."""
    if not rules.is_enabled("second-complement"):
        return None
    last = None
    for _ in range(MAX_COMPLEMENTS):
        if not (j + 3 < len(toks) and toks[j].text == "," and toks[j + 1].lower in (
            grammar.COORDINATORS
        ) and toks[j + 2].lower == "that" and toks[j + 3].kind is _WORD and (
            toks[j + 3].lower not in lex.FINITE_VERBS and not _verb_form(toks[j + 3])
        )):
            break
        rng = _clause_end(toks, j + 3, False)
        if rng is None:
            break
        last, j = rng, rng[1]
    return last


register(Rule(
    "second-complement", "boundary",
    "``, and that …`` after a cue's content is a second clause of the same report (``said "
    "the pier was safe, and that the ferries would sail``), not the reporter's",
    (Example("Harbour chief Ana Ruiz said the pier was safe, and that the ferries would sail "
             "again in May.", "the ferries would sail again in May", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz said the pier was safe, and that was enough for the "
             "crews.", "the pier was safe"),
     Example("Harbour chief Ana Ruiz said the pier was safe, and the ferries sailed again "
             "in May.", "the pier was safe"))))

#: Rules that carry a content on past a comma, in the order they are tried.
_CONTINUATIONS: tuple[tuple[str, Callable[[Sequence[Tok], int], Clause | None]], ...] = (
    ("second-complement", _second_complement_end),
    ("but-not-ellipsis", _phrase_continuation("but-not-ellipsis")),
    ("as-well-as", _phrase_continuation("as-well-as")),
    ("even-if-condition", _phrase_continuation("even-if-condition")),
)


@attrs.frozen(slots=True)
class _Nested:
    """What a nested-cue rule reads: the content ``toks[i:j]`` found for ``r``'s cue by
    ``detector``, and ``other``, a cue inside it whose subject starts at ``toks[s]``."""

    toks: Sequence[Tok]
    r: Resolved
    other: Resolved
    s: int
    i: int
    j: int
    detector: str


_NestedRule = Callable[[_Nested], tuple[int, int] | None]
#: The nested-cue rules in order (sieve ``boundary``): for each cue inside a content, the
#: first that decides gives the content's new range; a veto's range is :data:`_VETO`.
NESTED_CUE_RULES: list[tuple[Rule, _NestedRule]] = []
_VETO = (-1, -1)


def _nested_rule(name: str, summary: str, example: Example, counter: Example,
                 vetoes: bool = False, by_effect: bool = False
                 ) -> Callable[[_NestedRule], _NestedRule]:
    """Register ``name`` in the ``boundary`` sieve as the next rule of
    :data:`NESTED_CUE_RULES`; it names the trail of a quote whose edge it moved."""
    def add(fn: _NestedRule) -> _NestedRule:
        r = register(Rule(name, "boundary", summary, (example,), (counter,), vetoes=vetoes,
                          by_effect=by_effect))
        NESTED_CUE_RULES.append((r, fn))
        return fn
    return add


def _nested_cues(toks: Sequence[Tok], r: Resolved, cues: Sequence[Resolved],
                 verbs: Sequence[int], i: int, j: int, detector: str
                 ) -> tuple[int, int, str | None] | None:
    """The content range ``toks[i:j]`` trimmed around the other cues inside it (their own
    reports, attributions and descriptions: :data:`NESTED_CUE_RULES`), with the last rule
    that moved an edge; ``None`` when the content is another's words."""
    c = r.cue
    moved = None
    for other in cues[bisect.bisect_left(verbs, i):bisect.bisect_left(verbs, j)]:
        o = other.cue  # nested cues inside this content
        if o is c or o.subject is None:
            continue
        ctx = _Nested(toks, r, other, _tok_index(toks, o.subject.start), i, j, detector)
        decided = rules.first_decision(NESTED_CUE_RULES, ctx)
        if decided is None:
            continue
        rule, rng = decided
        if rng == _VETO:
            return None
        if rng != (i, j):
            i, j, moved = *rng, rule.name
    return i, j, moved


@_nested_rule(
    "repeated-cue", "a content before its cue that opens with the same speaker's own cue is "
    "one report said twice (``Ruiz said she felt the pier was unsafe, she said``)",
    Example("Ana Ruiz said she felt the pier was unsafe, she said on Monday.",
            "she felt the pier was unsafe", "Ana Ruiz"),
    Example("Ana Ruiz had told the police the pier was unsafe, a harbour source said.",
            "Ana Ruiz had told the police"))
def _repeated_cue(n: _Nested) -> tuple[int, int] | None:
    """``Lind said she felt the pier was unsafe, she said``: the content starts after the
    inner cue (``Lind had told police that …, the source said`` stays the source's)."""
    o = n.other.cue
    if n.detector == "content-then-cue" and o.subject_side == "left" and n.s == n.i and (
        o.last + 1 < n.j and n.other.speaker is not None and n.other.speaker == n.r.speaker
    ):
        return (o.last + 2 if n.toks[o.last + 1].lower == "that" else o.last + 1), n.j
    return None


@_nested_rule(
    "attribution-before-cue", "before ``, according to …`` a quotation's own attribution "
    "(``“…,” Ruiz said in Spanish, according to the interpreters``) is not content; what is "
    "left is mostly too short to report, so the rule shows by its effect",
    Example("“The pier is unsafe,” Ana Ruiz said in Spanish, according to the interpreters.",
            "The pier is unsafe"),
    Example("The pier is unsafe, according to the harbour interpreters.", "The pier is unsafe"),
    by_effect=True)
def _attribution_before_cue(n: _Nested) -> tuple[int, int] | None:
    """``“…,” Marcu said in Corsevian, according to the interpreters``: the content before
    the outer cue is another cue's attribution; it starts after that cue."""
    o, toks = n.other.cue, n.toks
    if n.detector == "content-then-cue" and n.i < n.s and o.subject_side == "left" and (
        o.last < n.j and toks[n.s - 1].kind is _QUOTE
    ):
        i = o.last + 1
        while i < n.j and toks[i].text == ",":
            i += 1
        return i, n.j
    return None


@_nested_rule(
    "other-subject-report", "a cue with its own subject after a comma or ``and`` inside the "
    "content starts that subject's report (``agreed the pier was safe, Lind noted that …``)",
    Example("Ana Ruiz agreed the pier was safe, Mayor Tomas Lind noted that the ferries were "
            "late.", "the pier was safe", "Ana Ruiz"),
    Example("Ana Ruiz said both Mayor Tomas Lind and the harbour board were wrong about the "
            "pier.", "both Mayor Tomas Lind and the harbour board were wrong", "Ana Ruiz"))
def _other_subject_report(n: _Nested) -> tuple[int, int] | None:
    """``agreed the pier was safe, Ana Brandt noted that …``; ``said they were convinced and
    Democrats accused …``: the content ends before the other subject's report (not ``said
    both Roe and Lind were …``)."""
    o, toks, s, i = n.other.cue, n.toks, n.s, n.i
    if n.r.cue.verb < i < s - 1 and o.subject_side in ("left", "apposition", "description") and (
        toks[s - 1].text == "," or toks[s - 1].lower in grammar.COORDINATORS
        and (toks[s - 2].text == "," or _has_verb(toks, i, s - 1))
    ):
        return i, min(n.j, s - 1)
    return None


@_nested_rule(
    "nested-description", "a description verb inside the content ends it before its subject "
    "(``said the levy was a move Lind described as …``)",
    Example("Ana Ruiz said the levy was a move that Mayor Tomas Lind described as “a tax on "
            "every ferry.”", "the levy was a move", "Ana Ruiz"),
    Example("Ana Ruiz said the levy was a move that would fund the pier.",
            "the levy was a move that would fund the pier", "Ana Ruiz"))
def _nested_description(n: _Nested) -> tuple[int, int] | None:
    """``a call Ruiz described as``: the content ends before the describer (``said that Ruiz
    described …`` stays), and so do the links left before it."""
    if n.other.cue.lemma not in lex.DESCRIPTION_VERBS or n.s <= n.i:
        return None
    j = min(n.j, n.s)
    while j > n.i and n.toks[j - 1].lower in content.TRAILING_LINKS:
        j -= 1
    return n.i, j


@_nested_rule(
    "report-of-report", "``the paper reported that Ruiz told …``: a report whose content holds "
    "another speaker's cue is that speaker's words, not the reporter's",
    Example("The Harbour Gazette reported that Ana Ruiz told the board the pier was unsafe.",
            "Ana Ruiz told the board"),
    Example("The Harbour Gazette reported that the pier was unsafe for the ferries.",
            "the pier was unsafe"), vetoes=True)
def _report_of_report(n: _Nested) -> tuple[int, int] | None:
    """A ``report`` cue whose content after it holds another cue reports nothing."""
    if n.r.cue.lemma == "report" and n.detector == "cue-then-content":
        return _VETO
    return None


def _candidate(toks: Sequence[Tok], r: Resolved, cues: Sequence[Resolved],
               verbs: Sequence[int], aside: bool = False
               ) -> tuple[int, int, str, str | None, Stop | None] | None:
    """The content token range of one cue, the rule that found it, the boundary rule
    that moved its edge (``None``: none did) and the stop that ended it. ``aside``: the
    content resumes after the cue (``The pier, Ruiz said, is safe``)."""
    c = r.cue
    if c.subject is not None and c.lemma in lex.DESCRIPTION_VERBS:
        described = _description(toks, r)
        return described
    if c.subject is None:
        return None
    subject_first = min(c.first, subject_phrase_start(toks, c))
    first = _first_range(toks, c, subject_first)
    if first is not None:
        rng, detector = first
        i = rng[0]
        j, boundary, stop = _boundary_rules(toks, c, rng, detector, subject_first)
    elif (as_source := _as_source_content(toks, c, subject_first)) is not None:
        (i, j, stop), detector, boundary = as_source, "cue-then-content", "as-source"
    else:
        return None
    trimmed = _nested_cues(toks, r, cues, verbs, i, j, detector)
    if trimmed is None:
        return None
    i, j, nested = trimmed
    boundary = boundary or nested  # one boundary step: the first rule that moved an edge
    if detector in ("cue-then-object", "directive"):
        min_words = MIN_OBJECT_WORDS  # ``cited the audit``, ``told them to resign``
    elif aside and detector == "content-then-cue":
        min_words = MIN_ASIDE_LEAD_WORDS  # ``The pier, Ruiz said, is safe``: ``The pier``
    else:
        min_words = MIN_WORDS
    if _words(toks, i, j) < min_words and rules.is_enabled(_SHORT):  # rule short-content
        if not _pronoun_verb_content(toks, i, j, detector):
            return None
        boundary = "pronoun-verb-content"
    return i, j, detector, boundary, _ended_by(stop, i, j)


def _ended_by(stop: Stop | None, i: int, j: int) -> Stop | None:
    """``stop`` if the content ``toks[i:j]`` still ends where it stopped (a ``relative-aside``
    still inside it); ``None`` once another cue or a boundary rule moved an edge past it."""
    if stop is None:
        return None
    if stop[0] == _ASIDE:
        return stop if i <= stop[1] and stop[2] <= j else None
    return stop if stop[1] == j else None


register(Rule(
    "participle-predicate", "boundary",
    "the -ing form of a labelling verb (``call``, ``label``, ``dub``) with an object and a "
    "predicate noun or quoted label reports both, as its finite form does (``…, calling the "
    "levy a tax on shippers`` → ``the levy a tax on shippers``)",
    (Example("Sen. Ruth Okafor attacked the plan, calling council leader Rob Anand a liar.",
             "council leader Rob Anand a liar", "Ruth Okafor"),),
    (Example("Sen. Ruth Okafor attacked the plan, describing it as “a disgrace.”",
             "a disgrace."),)))


def _pronoun_verb_content(toks: Sequence[Tok], i: int, j: int, detector: str) -> bool:
    """Rule ``pronoun-verb-content``: a two-word content after its cue that is a subject
    pronoun and an auxiliary (``Lind said she would.``, ``They said he could not``) is a
    clause, reported though shorter than ``MIN_WORDS``."""
    return rules.is_enabled("pronoun-verb-content") and detector == "cue-then-content" and (
        j - i == 2 and (toks[i].lower in content.PRONOUN_SUBJECTS or toks[i].lower == "it")
        and (toks[i + 1].lower in lex.FINITE_VERBS or toks[i + 1].lower.endswith(("n't", "n’t"))))


register(Rule(
    "pronoun-verb-content", "boundary",
    "a subject pronoun and an auxiliary after a cue are a clause (``Lind said she would.``), "
    "reported though shorter than three words",
    (Example("Harbour chief Ana Ruiz was asked if the pier would reopen. She said it would.",
             "it would", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz was asked about the pier. She said nothing.",
             "nothing"),)))


def _as_source_content(toks: Sequence[Tok], c: Cue, subject_first: int
                       ) -> Clause | None:
    """Rule ``as-source``: a cue in a sentence-opening ``As …,`` clause with nothing after
    it (``As the Harbour Gazette noted, the pier has been shut for years.``) reports the
    main clause after its comma; ``As Ruiz said the pier was safe, …`` is
    ``subordinate-cue``'s and ``As Ruiz said, “…”`` a direct quote's."""
    after = c.last + 1
    if not rules.is_enabled("as-source") or c.subject_side != "left" or subject_first == 0 or (
        toks[subject_first - 1].lower != "as" or after + 1 >= len(toks)
        or toks[after].text != ","
    ):
        return None
    k = subject_first - 1  # the ``As``
    start = sentence_start(toks, k)
    if any(t.lower not in content.AS_SOURCE_OPENERS and t.text != "," for t in toks[start:k]):
        return None  # ``The pier, as Ruiz noted, is safe``: an aside
    return _content_after(toks, after + 1)


register(Rule(
    "as-source", "boundary",
    "a cue in a sentence-opening ``As …,`` clause with nothing after it reports the main "
    "clause (``As the Harbour Gazette noted, the pier has been shut for years.``)",
    (Example("As the Harbour Gazette noted on Monday, the pier has been shut for three "
             "years.", "the pier has been shut for three years", "Harbour Gazette"),),
    (Example("As harbour chief Ana Ruiz noted, “The pier has been shut for three years.”",
             "The pier has been shut"),
     Example("As harbour chief Ana Ruiz noted the pier was shut, the ferry crews went home.",
             "the pier was shut"))))


def _asks(c: Cue) -> bool:
    """The cue may report a question: a verb of asking (``asked``, ``questioned``,
    ``explained``: lexicon.cues.QUESTION_VERBS). A negated cue reports nothing said
    (``declined to say whether …``)."""
    return c.lemma in lex.QUESTION_VERBS


def _directive(toks: Sequence[Tok], c: Cue, first: int) -> bool:
    """Rule ``directive``: a listener and an infinitive after a verb of asking are what was
    said (``urged the council to act`` → ``the council to act``; ``told reporters to wait``,
    the listener in the cue → ``to wait``). The passive (``was told to wait``) is no cue."""
    if not DIRECTIVE_CONTENT or c.lemma not in lex.DIRECTIVE_VERBS or first >= len(toks):
        return False
    if toks[first].lower == "to":
        return c.last > c.verb and is_infinitive(toks, first)
    if toks[first].lower in content.WH_WORDS or toks[first].lower in grammar.NEGATIONS:
        return False  # ``told them how to vote``, ``asked not to be named``: no listener
    return _after_listener(toks, first) < 0


def _subordinate_cue(toks: Sequence[Tok], subject_first: int) -> bool:
    """Rule ``subordinate-cue``: a cue in a clause that opens with a subordinator (``As Ruiz
    said the pier was safe, the ferries …``) or a relative pronoun (``the levy, which Ruiz
    said would pass, was …``) reports up to the comma that closes that clause; the main
    clause after it is the reporter's."""
    if not rules.is_enabled("subordinate-cue") or subject_first == 0:
        return False
    return toks[subject_first - 1].lower in content.OBJECT_RELATIVES or opens_subordinate(
        toks, subject_first)


register(Rule(
    "conditional-content", "boundary",
    "after a cue that does not ask, ``if``/``unless`` opens a condition of the content "
    "(``Ruiz said if the levy passed, the pier would reopen``)",
    (Example("Harbour chief Ana Ruiz said if the levy passed, the pier would reopen in May.",
             "if the levy passed, the pier would reopen in May", "Ana Ruiz"),),
    (Example("Harbour chief Ana Ruiz asked if the levy had passed.", "if the levy had passed"),
     Example("Harbour chief Ana Ruiz said that if the levy passed, the pier would reopen.",
             "the pier would reopen"))))


register(Rule(
    "subordinate-cue", "boundary",
    "a cue in a subordinate or relative clause reports up to the comma that closes the "
    "clause (``As Ruiz said the pier was safe, the ferries sailed`` → ``the pier was safe``)",
    (Example("As harbour chief Ana Ruiz announced the pier would reopen, the ferry crews "
             "went back to work.", "the pier would reopen", "Ana Ruiz"),
     Example("The new levy, which Mayor Tomas Lind said would pass easily, was rejected "
             "on Monday.", "would pass easily")),
    (Example("Harbour chief Ana Ruiz said the pier would reopen, the ferries would sail "
             "and the crews would go back to work.", "the pier would reopen"),)))


def _listener_start(toks: Sequence[Tok], c: Cue, first: int) -> int:
    """Rule ``directive-listener``: the listener of a directive the cue phrase took in is
    the first part of what was asked (``urged the council to act`` → ``the council to act``);
    a listener followed by an adjunct, or the press as the audience, stays in the cue
    (``told her aides at a rally to wait``, ``told reporters to wait`` → ``to wait``).
    ``first``: the ``to`` after the cue phrase."""
    start = c.verb + len(c.lemma.split())  # past ``called on``'s particle
    if not rules.is_enabled("directive-listener") or start >= first or not (
        toks[first].lower == "to"
    ) or any(t.kind not in (_WORD, _POSS) or t.lower in content.LISTENER_ADJUNCTS
             or t.lower in content.PRESS_LISTENERS for t in toks[start:first]):
        return first
    return start


register(Rule(
    "directive-listener", "boundary",
    "the listener of ``urged``/``asked``/``told`` before an infinitive is part of the "
    "content (``urged the council to act`` → ``the council to act``)",
    (Example("Harbour chief Ana Ruiz urged the council to cut the ferry fares.",
             "the council to cut the ferry fares", "Ana Ruiz"),
     Example("The union has asked Mayor Tomas Lind to reopen the pier.",
             "Mayor Tomas Lind to reopen the pier")),
    (Example("Harbour chief Ana Ruiz told her aides at a briefing to cancel the trip.",
             "to cancel the trip"),
     Example("Harbour chief Ana Ruiz told reporters to expect a vote in May.",
             "to expect a vote in May"),
     Example("Harbour chief Ana Ruiz called on the council to reopen the pier.",
             "the council to reopen the pier"))))


def _prepositional_lead(toks: Sequence[Tok], before: tuple[int, int]) -> bool:
    """Rule ``prepositional-lead``: a verbless phrase opening with a preposition before
    ``, Ruiz said`` is an adjunct of the cue, not content (``Through a spokesman, he
    declined to comment.``, ``In a statement, the board said …``)."""
    i, j = before
    return toks[i].lower in content.LEAD_PREPOSITIONS and rules.is_enabled(
        "prepositional-lead") and not any(
        t.kind is _QUOTE for t in toks[i:j]) and not _has_verb(toks, i, j)


def _framing_lead_in(toks: Sequence[Tok], before: tuple[int, int], after_cue: int) -> bool:
    """Rule ``framing-lead-in``: a verbless phrase before ``, Ruiz said, “…”`` sets the scene
    for the quotation (``As for the budget, Ruiz said, “…”``); a clause there is reported
    (``The crowd was small, she said, and “…”``)."""
    return (
        after_cue + 1 < len(toks)
        and toks[after_cue].text == ","
        and toks[after_cue + 1].kind is _QUOTE
        and not _has_verb(toks, *before)
        and not _quoted_predicate_subject(toks, before, after_cue + 1)
        and rules.is_enabled("framing-lead-in")
    )


def _quoted_predicate_subject(toks: Sequence[Tok], before: tuple[int, int], q: int) -> bool:
    """Rule ``split-subject``: a noun phrase before ``, Ruiz said, “…”`` whose quotation goes
    on as its predicate (``An early vote, she said, “could settle it.”``) is content; a
    quotation that opens with a capital starts a sentence of its own."""
    first = toks[before[0]]
    quote_text = toks[q].text.lstrip("\"'“‘«„ ")
    return first.lower not in content.LEAD_PREPOSITIONS and (
        first.lower not in content.FRAMING_LEADS and quote_text[:1].islower()) and (
        rules.is_enabled("split-subject"))


def _make_quote(text: str, toks: Sequence[Tok], i: int, j: int, detector: str,
                r: Resolved, boundary: str | None = None, stop: Stop | None = None
                ) -> Quote | None:
    c = r.cue
    assert c.subject is not None
    inner = [t for t in toks[i:j] if t.kind is _QUOTE]
    if len(inner) == 1 and not any(t.kind is _WORD and t.lower != "that"
                                   for t in toks[i:j]):
        return None  # the content is just a direct quote (``said that “…”``)
    start, end = _span(text, toks, i, j)
    if end <= start:
        return None
    kind = _MIXED if inner else _INDIRECT
    mention = Span(c.subject.start, c.subject.end, text[c.subject.start:c.subject.end])
    if detector == "directive" and c.verb < i <= c.last:  # rule directive-listener
        boundary = "directive-listener"
        c = attrs.evolve(c, last=i - 1, end=toks[i - 1].end)  # the listener left the cue
    trail = quote_trail(start, end, detector, c, r.decided_by, r.rule,
                        (mention.start, mention.end))
    if stop is not None:  # its span: the tokens the rule looked at
        trail = attrs.evolve(trail, boundary_rule=boundary, end_rule=stop[0],
                             end_start=toks[stop[1]].start, end_end=toks[stop[2] - 1].end)
    elif boundary is not None:
        trail = attrs.evolve(trail, boundary_rule=boundary)
    return Quote(text[start:end], start, end, kind, r.speaker, mention,
                 Span(c.start, c.end, text[c.start:c.end]),
                 round(r.confidence * CONFIDENCE_SCALE * (OBJECT_SCALE if detector == (
                     "cue-then-object") else 1.0), 3),
                 Provenance(detector, r.rule, trail))


def _tok_index(toks: Sequence[Tok], offset: int) -> int:
    """Index of the token that starts at or contains ``offset``."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(toks) - 1)


#: Characters of paragraphs whose tokens :func:`reported_quotes` makes at once in a long text.
REPORTED_BATCH = 20_000


def reported_quotes(text: str, paras: Sequence[Paragraph], resolved: Sequence[Resolved],
                    include_headlines: bool) -> list[Quote]:
    """:func:`find_reported` over ``paras`` (headings skipped unless ``include_headlines``).
    In a long text it is given the paragraphs with cues in batches of about
    ``REPORTED_BATCH`` characters, each with the resolved cues of its paragraphs, so that
    only one batch's tokens are made at a time: it reads each paragraph with its own cues
    alone, so the quotes are the same."""
    headings = [(p.start, p.end) for p in paras if p.kind is _HEADING]
    if not paras or not isinstance(paras[0], PackedPara):
        return find_reported(text, [(p.start, p.end, p.toks, p.quotations) for p in paras],
                             resolved, headings, include_headlines)
    with_cues = [p for p in paras if p.cues]
    out: list[Quote] = []
    first = k = 0
    size = 0
    for n, p in enumerate(with_cues):
        size += p.end - p.start
        if size < REPORTED_BATCH and n + 1 < len(with_cues):
            continue
        end = with_cues[n + 1].start if n + 1 < len(with_cues) else len(text) + 1
        lo = k
        while k < len(resolved) and resolved[k].cue.start < end:
            k += 1
        batch = [(q.start, q.end, q.toks, q.quotations) for q in with_cues[first:n + 1]]
        out += find_reported(text, batch, resolved[lo:k], headings, include_headlines)
        first, size = n + 1, 0
    return out


def merge(direct: list[Quote], reported: list[Quote]) -> list[Quote]:
    """All quotes in text order; a quoted fragment inside mixed content is dropped (rule
    ``fragment-in-mixed``, which then goes into the mixed quote's trail with the span of the
    fragments it took), and so is reported content that overlaps a direct quote (rule
    ``direct-over-reported``, a veto). Both lists hold disjoint spans."""
    mixed = sorted((q for q in reported if q.kind is _MIXED), key=lambda q: q.start
                   ) if rules.is_enabled(_FRAGMENT) else []
    mixed_starts = [q.start for q in mixed]
    kept_direct = []
    taken: dict[int, tuple[int, int]] = {}  # mixed quote → first and last fragment it took
    for d in sorted(direct, key=lambda q: q.start):
        k = bisect.bisect_right(mixed_starts, d.start) - 1
        if k >= 0 and mixed[k].end >= d.end:
            taken[k] = (taken[k][0] if k in taken else d.start, d.end)
            continue  # the fragment is part of mixed content
        kept_direct.append(d)
    if taken:
        took = {id(mixed[k]): _took_fragments(mixed[k], *span) for k, span in taken.items()}
        reported = [took.get(id(q), q) for q in reported]
    if not rules.is_enabled(_DIRECT_FIRST):
        return sorted(kept_direct + reported, key=lambda q: (q.start, q.end))
    direct_starts = [d.start for d in kept_direct]
    kept_reported = []
    for r in reported:
        k = bisect.bisect_left(direct_starts, r.end) - 1
        if k >= 0 and kept_direct[k].end > r.start:
            continue
        kept_reported.append(r)
    return sorted(kept_direct + kept_reported, key=lambda q: (q.start, q.end))


def _took_fragments(q: Quote, start: int, end: int) -> Quote:
    """``q`` with ``fragment-in-mixed`` in its trail, its span the fragments it took."""
    t = q.provenance.compact_trail
    if t is None:
        return q
    return with_trail(q, merged(t, _FRAGMENT, start, end))


#: The rules :func:`merge` applies, in order (sieve ``merge``).
MERGE_RULES = ("fragment-in-mixed", "direct-over-reported")
_FRAGMENT, _DIRECT_FIRST = MERGE_RULES
register(Rule(
    "fragment-in-mixed", "merge",
    "a quoted fragment inside mixed content is part of that quote, not a direct quote of its "
    "own (``Ruiz said the levy was “a tax on ferries” in May``)",
    (Example("Harbour chief Ana Ruiz said the new levy was “a tax on every ferry” in May.",
             "a tax on every ferry", "Ana Ruiz"),),
    (Example("“The levy is a tax on every ferry,” harbour chief Ana Ruiz said in May.",
             "a tax on every ferry", "Ana Ruiz"),)))
register(Rule(
    "direct-over-reported", "merge",
    "reported content that overlaps a direct quote is dropped: the direct quote holds those "
    "words (a cue inside a transcript answer: ``RUIZ: The board said it would …``)",
    (Example("Harbour talks\n\nTEO LIND: Why not reopen it?\n\nANA RUIZ: The harbour board "
             "said it would never close the pier, ever. It broke its word.\n\nTEO LIND: And "
             "now?\n\nANA RUIZ: Now we wait.", "it would never close the pier, ever"),),
    (Example("“The pier matters,” harbour chief Ana Ruiz said. The board said it would never "
             "close the pier.", "it would never close the pier"),),
    vetoes=True))


def _detector(name: str, summary: str, example: Example, counter: Example) -> None:
    """Register detector ``name`` (sieve ``detector``): its step ends each trail it finds."""
    register(Rule(name, "detector", summary, (example,), (counter,)))


_RUIZ = "Harbour chief Ana Ruiz"
_RUIZ_LC = "harbour chief Ana Ruiz"
_detector(
    "content-then-cue", "the content before its cue, from the sentence start to the comma "
    "(``The port will reopen in May, Ruiz said.``, ``…, according to two officials.``)",
    Example(f"The pier will reopen in May, {_RUIZ_LC} said.", "The pier will reopen",
            "Ana Ruiz"),
    Example(f"{_RUIZ} said on Monday that the pier would reopen in May.",
            "the pier would reopen in May"))
_detector(
    "according-to-first", "the content after a sentence-opening ``According to …,`` "
    "(``According to the ministry, the port will reopen.``)",
    Example("According to the harbour board, the pier will reopen in May.",
            "the pier will reopen in May"),
    Example("The pier will reopen in May, according to the harbour board.",
            "The pier will reopen in May"))
_detector(
    "after-aside", "the content resumed after an aside cue (``The offer, Ruiz said, is "
    "final.`` → ``is final``)",
    Example(f"The new offer, {_RUIZ_LC} said, is the best one yet.",
            "is the best one yet", "Ana Ruiz"),
    Example(f"The new offer is the best one yet, {_RUIZ_LC} said.",
            "The new offer is the best one yet"))
_detector(
    "cue-then-content", "the content after its cue, up to where the reporter's narration "
    "resumes or the sentence ends (``Ruiz said on Monday that the port would reopen.``)",
    Example(f"{_RUIZ} said on Monday that the pier would reopen in May.",
            "the pier would reopen in May", "Ana Ruiz"),
    Example(f"The pier will reopen in May, {_RUIZ_LC} said.", "The pier will reopen"))
_detector(
    "directive", "a listener and an infinitive after a verb of asking (``Ruiz urged the "
    "council to act.`` → ``the council to act``)",
    Example(f"{_RUIZ} urged the council to cut the ferry fares.",
            "to cut the ferry fares", "Ana Ruiz"),
    Example(f"{_RUIZ} said the council would cut the ferry fares.",
            "the council would cut the ferry fares"))
_detector(
    "description-object", "the object and predicate after a description verb "
    "(``Ruiz called the levy a tax`` → ``the levy a tax``)",
    Example(f"{_RUIZ} called the new levy a tax on shippers.",
            "the new levy a tax on shippers", "Ana Ruiz"),
    Example(f"{_RUIZ} said the new levy was a tax on shippers.", "the new levy was a tax"))
_detector(
    "label-object",
    "``calling him “a stiff”``: a past or -ing labelling verb with a pronoun object starts a "
    "mixed quote at the object",
    Example("Teo Lind went after his rival, calling him “a total stiff.”",
            "him “a total stiff.”", "Teo Lind"),
    Example("“Call him ‘a total stiff,’” Teo Lind told the crowd.",
            "Call him ‘a total stiff,’", "Teo Lind"))
_detector(
    "cue-then-object", "the noun-phrase object of a speech act (``Ruiz announced the new "
    "route on Monday.`` → ``the new route``), with lower confidence",
    Example(f"{_RUIZ} announced the new ferry route in a post on Monday.",
            "the new ferry route", "Ana Ruiz"),
    Example(f"{_RUIZ} announced that the new ferry route would open in May.",
            "the new ferry route would open"))


_detector(
    "asked-question", "a question put to the speaker by an asker the article does not name, "
    "after a sentence-opening ``Asked`` or ``when asked`` (``Asked whether the pier would "
    "reopen, Ruiz said …`` → ``whether the pier would reopen``; ``asked about the levy`` → "
    "``the levy``), up to the comma or the sentence end",
    Example(f"Asked whether the pier would reopen by May, {_RUIZ_LC} said she was hopeful.",
            "whether the pier would reopen by May"),
    Example(f"Asked to resign over the pier closure, {_RUIZ_LC} said she would stay.",
            "she would stay"))


def _veto(name: str, summary: str, example: Example, counter: Example) -> None:
    """Register veto ``name`` (sieve ``detector-veto``): it stops a content candidate."""
    register(Rule(name, "detector-veto", summary, (example,), (counter,), vetoes=True))


_veto(
    "verbless-object", "after a verb that takes a clause, an indefinite noun phrase with no "
    "verb in sight is its object (``noted a handful of points``), not content",
    Example(f"{_RUIZ} noted a handful of points about the new pier.", "a handful of points"),
    Example(f"{_RUIZ} noted a handful of ferries had been delayed.",
            "a handful of ferries had been delayed", "Ana Ruiz"))
_veto(
    "prepositional-lead", "a verbless phrase opening with a preposition before ``, Ruiz "
    "said`` is an adjunct of the cue (``In a statement, the board said …``), not content",
    Example(f"Through a spokesman, {_RUIZ_LC} declined to comment.",
            "Through a spokesman"),
    Example(f"The pier is safe for now, {_RUIZ_LC} said.", "The pier is safe for now",
            "Ana Ruiz"))
_veto(
    "framing-lead-in", "a verbless phrase before ``, Ruiz said, “…”`` sets the scene for the "
    "quotation (``As for the budget, Ruiz said, “…”``), not content",
    Example(f"As for the budget, {_RUIZ_LC} said, “Nobody reads it.”",
            "As for the budget"),
    Example(f"The crowd was small, {_RUIZ_LC} said, and “nobody cheered.”",
            "The crowd was small", "Ana Ruiz"))
_veto(
    "pro-form-object", "a pro-form after a cue with no verb after it is the cue's object "
    "(``has said little in public``), not content; ``said nothing would change`` is a clause",
    Example(f"{_RUIZ} has said little in public about the new pier.", "little in public"),
    Example(f"{_RUIZ} said nothing would change at the new pier.", "nothing would change",
            "Ana Ruiz"))
_veto(
    "clause-only-object", "after a verb that reports only clauses (``agreed``), an indefinite "
    "noun phrase with no ``that`` is its object (``agreed a five-year contract``)",
    Example(f"{_RUIZ} agreed a contract that would fund the new pier.", "a contract"),
    Example(f"{_RUIZ} agreed the contract would fund the new pier.",
            "the contract would fund the new pier", "Ana Ruiz"))
_veto(
    "non-speech-object", "a noun-phrase object that names no speech (``posted a picture of "
    "the pier``) is not content",
    Example(f"{_RUIZ} posted a picture of the new pier on Monday.", "a picture of the new pier"),
    Example(f"{_RUIZ} announced a new route for the ferry on Monday.", "a new route",
            "Ana Ruiz"))
_veto(
    "listener-only", "after ``warned``/``told``, a verbless object is only the listener "
    "(``warned the ferry operators on Monday``), not content",
    Example(f"{_RUIZ} warned the ferry operators on Monday.", "the ferry operators"),
    Example(f"{_RUIZ} warned the ferry operators would strike on Monday.",
            "the ferry operators would strike", "Ana Ruiz"))

_veto(
    "listener-object", "after ``urged``/``asked``, a noun-phrase object is the listener "
    "(``urged the crews gathered outside``), not content",
    Example(f"{_RUIZ} urged the dock crews gathered outside.", "the dock crews"),
    Example(f"{_RUIZ} announced a new route for the ferry on Monday.", "a new route",
            "Ana Ruiz"))
_veto(
    "non-clause-opener", "a content cannot open with a preposition, a wh-word or ``so`` "
    "(``said so``, ``spoke about the pier``) without ``that``",
    Example(f"{_RUIZ} wrote about the new pier in a long column.", "about the new pier"),
    Example(f"{_RUIZ} said about 20 ferries had been delayed by the storm.",
            "about 20 ferries had been delayed", "Ana Ruiz"))
_veto(
    "directive-only", "``called on``: a cue that reports only a directive's listener and "
    "infinitive, never an object (``called on the council on Monday``)",
    Example(f"{_RUIZ} called on the harbour council in May.", "the harbour council"),
    Example(f"{_RUIZ} called on the harbour council to cut the fares.",
            "the harbour council to cut the fares", "Ana Ruiz"))
_veto(
    "short-content", "a content shorter than three words (two for an object or a "
    "directive, one for the part before an aside cue) is no report",
    Example(f"{_RUIZ} said it again.", "it again"),
    Example(f"{_RUIZ} said the pier was safe.", "the pier was safe", "Ana Ruiz"))


def _by_effect(name: str, summary: str, example: Example, counter: Example) -> None:
    """Register ``name``, a rule that moves a content's edge under its detector's name."""
    register(Rule(name, "content-shape", summary, (example,), (counter,), by_effect=True))


_by_effect(
    "split-subject", "a noun phrase before ``, Ruiz said, “…”`` whose quotation goes on as "
    "its predicate (``An early vote, she said, “could settle it.”``) is content",
    Example(f"An early vote, {_RUIZ_LC} said, “could settle the pier for good.”",
            "An early vote", "Ana Ruiz"),
    Example(f"The crowd was small, {_RUIZ_LC} said, and “nobody cheered.”",
            "The crowd was small", "Ana Ruiz"))
_by_effect(
    _QUOTED_START, "a content before its cue opens after a quotation that ends with a stop "
    "(``“It is shut.” The levy favours shippers, Ruiz said``)",
    Example(f"“The pier is shut.” The levy favours the shippers, {_RUIZ_LC} said.",
            "The levy favours the shippers", "Ana Ruiz"),
    Example(f"The levy favours the shippers, {_RUIZ_LC} said.", "The levy favours",
            "Ana Ruiz"))
_by_effect(
    _TRAILING, "a content's trailing stop, comma or dash is the sentence's, not the "
    "speaker's (``said the ferry would leave at 9 a.m.`` → ``… at 9 a.m``)",
    Example(f"{_RUIZ} said the ferry would leave at 9 a.m.", "the ferry would leave",
            "Ana Ruiz"),
    Example(f"{_RUIZ} said the crews wanted “a fair deal.”", "the crews wanted",
            "Ana Ruiz"))
_by_effect(
    "demonstrative-that", "``that’s`` after a cue is the content's subject, not a "
    "complementizer (``Shaw said that’s what he expected``)",
    Example(f"{_RUIZ} said that’s what she had expected from the board.",
            "what she had expected", "Ana Ruiz"),
    Example(f"{_RUIZ} said that the pier was what she had expected.",
            "the pier was what she had expected", "Ana Ruiz"))


def _content_end(name: str, summary: str, example: Example, counter: Example) -> None:
    """Register ``name`` of sieve ``content-end``, in :data:`CLAUSE_STOPS`' order: a place
    :func:`_clause_end` stops (or, ``relative-aside``, goes on), named in the trail of the
    quote it ends."""
    register(Rule(name, "content-end", summary, (example,), (counter,)))


_content_end(
    "relative-aside", "a relative clause set off by commas inside the content, with the "
    "content's verb after it, stays in the content (``said the plan, which the board "
    "approved, had failed``)",
    Example(f"{_RUIZ} said the 2019 plan, which the board approved in May, had failed.",
            "the 2019 plan", "Ana Ruiz"),
    Example(f"{_RUIZ} said the 2019 plan had failed.", "the 2019 plan had failed",
            "Ana Ruiz"))
_content_end(
    "as-clause", "``as`` + pronoun + a lexical verb ends the content (``… as she tries to "
    "push the council``); ``as she had``, ``as he did`` stay",
    Example(f"{_RUIZ} said she was weighing new cranes as she tries to push the council.",
            "she was weighing new cranes", "Ana Ruiz"),
    Example(f"{_RUIZ} said the cranes would be repaired as she had promised.",
            "the cranes would be repaired", "Ana Ruiz"))
_content_end(
    "coordinated-cue", "a finite reporting verb after ``and``/``but`` starts the subject's "
    "next report (``said the talks went well and noted …``), not more content",
    Example(f"{_RUIZ} said the talks went well and noted that the pier would reopen.",
            "the talks went well", "Ana Ruiz"),
    Example(f"{_RUIZ} said the talks went well and the pier would reopen.",
            "the talks went well", "Ana Ruiz"))
_content_end(
    "colon-stop", "a colon (or a semicolon) ends the content (``said there was one problem: "
    "the ferries were late``)",
    Example(f"{_RUIZ} said there was one problem with the pier: the ferries were late.",
            "there was one problem with the pier", "Ana Ruiz"),
    Example(f"{_RUIZ} said the pier was safe for the ferries on Monday.",
            "the pier was safe for the ferries", "Ana Ruiz"))
_content_end(
    "narration-breaker", "a comma and ``but``/``after``/``adding``/… hand back to the "
    "reporter (``said the pier was safe, adding …``)",
    Example(f"{_RUIZ} said the pier was safe, adding that the board would meet in May.",
            "the pier was safe", "Ana Ruiz"),
    Example(f"{_RUIZ} said the pier was safe and the board would meet in May.",
            "the pier was safe and the board would meet", "Ana Ruiz"))
_content_end(
    "time-span-comment", "``, hours after …`` / ``, days before …`` dates the report: the "
    "reporter's words, not content",
    Example(f"{_RUIZ} said a deal was within reach, hours after the first vote failed.",
            "a deal was within reach", "Ana Ruiz"),
    Example(f"{_RUIZ} said a deal was within reach after hours of talks with the board.",
            "a deal was within reach after hours", "Ana Ruiz"))
_content_end(
    "adverb-participle-comment", "``, quietly ending …``: a manner adverb and a participle "
    "after a comma are the reporter's comment",
    Example(f"{_RUIZ} said the pier would reopen, quietly ending a long dispute with the board.",
            "the pier would reopen", "Ana Ruiz"),
    Example(f"{_RUIZ} said the pier would reopen quietly in May after the storm.",
            "the pier would reopen quietly", "Ana Ruiz"))
_content_end(
    "coordinated-clause", "``, and the …`` / ``, and praised …`` after the content is the "
    "reporter's next clause",
    Example(f"{_RUIZ} said the levy was fair, and the board approved it on Monday.",
            "the levy was fair", "Ana Ruiz"),
    Example(f"{_RUIZ} said the levy was fair and the board had approved it.",
            "the levy was fair and the board", "Ana Ruiz"))
_content_end(
    "quoted-comma-breaker", "a quotation whose comma sits inside its marks, then ``but``/"
    "``after``/…, ends the content with the quotation (``wanted “a fair deal,” but pledged …``)",
    Example(f"{_RUIZ} said the crews wanted “a fair deal,” but pledged to keep the pier open.",
            "the crews wanted “a fair deal,”", "Ana Ruiz"),
    Example(f"{_RUIZ} said the crews wanted a fair deal, but pledged to keep the pier open.",
            "the crews wanted a fair deal", "Ana Ruiz"))
_content_end(
    "dash-breaker", "a dash and ``but``/``after``/… hand back to the reporter (``said the "
    "pier was safe — but the ferries stayed in port``)",
    Example(f"{_RUIZ} said the pier was safe — but the ferries stayed in port.",
            "the pier was safe", "Ana Ruiz"),
    Example(f"{_RUIZ} said the pier was safe, but the ferries stayed in port.",
            "the pier was safe", "Ana Ruiz"))
_content_end(
    "object-adjunct", "an adjunct (``after …``, ``in a post``, ``on Monday``) ends a "
    "noun-phrase content (``announced the new route in a post``)",
    Example(f"{_RUIZ} announced the new ferry route in a post on Monday.",
            "the new ferry route", "Ana Ruiz"),
    Example(f"{_RUIZ} announced the new ferry route.", "the new ferry route", "Ana Ruiz"))
_content_end(
    "object-relative", "``, who …`` after a noun-phrase content is about the person it names "
    "(``cited the pilots, who had warned …``), not more content",
    Example(f"{_RUIZ} cited the harbour pilots, who had warned of the storm.",
            "the harbour pilots", "Ana Ruiz"),
    Example(f"{_RUIZ} cited the harbour pilots and their long warnings.",
            "the harbour pilots and their long warnings", "Ana Ruiz"))
_content_end(
    "coordinated-predicate", "a verbless noun-phrase object ends at ``and``/``but`` and a "
    "verb, or a comma and a past verb: the subject's next predicate (``praised the plan and "
    "defended the levy``, ``Ruiz, who praised the plan, offered …``)",
    Example(f"{_RUIZ} praised the new ferry plan and defended the levy on Monday.",
            "the new ferry plan", "Ana Ruiz"),
    Example(f"{_RUIZ} said the pier was safe and would reopen in May.",
            "the pier was safe and would reopen", "Ana Ruiz"))
_by_effect(
    "zero-that-clause", "a finite verb before any comma or adjunct makes a cue's object a "
    "clause (``made clear her main goal is reopening the pier since …``)",
    Example(f"{_RUIZ} made clear her main goal is reopening the pier since the storm.",
            "her main goal is reopening the pier", "Ana Ruiz"),
    Example(f"{_RUIZ} announced the new ferry route in a post on Monday.",
            "the new ferry route", "Ana Ruiz"))
_by_effect(
    "question-content", "after a verb of asking, ``whether``/``if``/a wh-word opens the "
    "question asked (``asked whether the port would reopen``)",
    Example(f"{_RUIZ} asked whether the pier would reopen in May.",
            "whether the pier would reopen", "Ana Ruiz"),
    Example(f"{_RUIZ} asked that the pier reopen in May.", "the pier reopen", "Ana Ruiz"))
_by_effect(
    "adverb-before-that", "adverbs and time words between a cue and its ``that`` are not "
    "content (``said only that the pier would reopen`` → ``the pier would reopen``)",
    Example(f"{_RUIZ} said only that the pier would reopen in May.",
            "the pier would reopen", "Ana Ruiz"),
    Example(f"{_RUIZ} said the report that the board wrote was wrong.",
            "the report that the board wrote was wrong", "Ana Ruiz"))
_by_effect(
    "addressee-listener", "the listener after ``told``/``warned`` is skipped: the content "
    "starts at its ``that`` (``told reporters on Sunday that …``)",
    Example(f"{_RUIZ} told the crews at the quay on Sunday that the pier would close.",
            "the pier would close", "Ana Ruiz"),
    Example(f"{_RUIZ} told reporters that the pier would reopen.", "the pier would reopen",
            "Ana Ruiz"))
_by_effect(
    "leading-conjunction", "a leading ``But``/``And``/``So`` of a content before its cue is "
    "the reporter's (``But the levy favours shippers, the union said``)",
    Example(f"But the levy favours the shippers, {_RUIZ_LC} said.", "the levy favours",
            "Ana Ruiz"),
    Example(f"The levy favours the shippers, {_RUIZ_LC} said.", "The levy favours",
            "Ana Ruiz"))
_by_effect(
    "sentence-adverb", "a sentence adverb and its comma before a content before its cue are "
    "the reporter's (``However, the talks stalled, Ruiz said``)",
    Example(f"However, the ferry talks have stalled, {_RUIZ_LC} said.", "the ferry talks",
            "Ana Ruiz"),
    Example(f"The ferry talks have stalled, {_RUIZ_LC} said.", "The ferry talks", "Ana Ruiz"))
_by_effect(
    "promise-infinitive-content", "a promise's content is its infinitive (``pledged to rebuild "
    "the pier`` → ``to rebuild the pier``)",
    Example(f"{_RUIZ} pledged to rebuild the ferry pier by May.", "to rebuild the ferry pier",
            "Ana Ruiz"),
    Example(f"{_RUIZ} pledged that the ferry pier would be rebuilt by May.",
            "the ferry pier would be rebuilt", "Ana Ruiz"))
_by_effect(
    "speaker-relative-clause", "content after a cue in a relative clause about the speaker "
    "stops before a quotation that goes on after it (``run by Arden, who said the pier was "
    "unsafe, “and …”`` → ``the pier was unsafe``)",
    Example("The fund is run by Mila Arden, who said the pier was unsafe, “and the water came "
            "up fast.”", "the pier was unsafe", "Mila Arden"),
    Example("The fund is run by Mila Arden, who said the pier was unsafe and the water came "
            "up fast.", "the pier was unsafe and the water", "Mila Arden"))
