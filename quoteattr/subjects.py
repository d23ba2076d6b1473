"""The subject sieve: the noun phrase that is a cue's subject, tried rule by rule in
:data:`SUBJECT_ORDER`.

Each rule looks at the cue and the tokens around it and decides (a :class:`~.cue_model.Cue`
with its subject, or :data:`NO_SUBJECT`) or passes; the first rule that decides wins and its
name goes into ``Cue.subject_rule`` and the quote's trail. Where the subject was found is
``Cue.subject_side``: ``left`` (``Ruiz said``), ``apposition`` (``Ruiz, the mayor, said``),
``right`` (``“…,” said Ruiz``), ``sentence`` (``…, saying``), ``coordinated`` (``Ruiz toured
the pier and said``), ``relative`` (``Lind, who said``), ``absolute`` (``…, with Lind
saying``) and ``description`` (``Experts on harbour law said``). The noun phrases the rules
look for (appositions, linked sources, inverted mentions, …) are found by
:mod:`quoteattr.subject_phrases`, on the phrase grammar of :mod:`quoteattr.phrases`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .cue_model import Cue
from .lexicon import cues as lex_cues
from .lexicon import grammar
from .lexicon.mentions import LEADING_ADVERBS
from .mentions import (
    MAX_PARTITIVE,
    Mention,
    MentionKind,
    chunk_backward,
    chunk_forward,
    classify,
    describe_backward,
    partitive,
)
from .phrases import (
    BOUNDARY,
    CLOSING_MARKS,
    DASHES,
    ends_clause,
    introduces_quote,
    is_boundary,
    party_label_end,
    sentence_start,
    skip_aside_adverb,
    time_word,
)
from .rules import Example, Rule, first_decision, is_enabled, register
from .subject_phrases import (
    MAX_APPOSED,
    absolute_subject,
    apposed_mention,
    apposed_to_head,
    apposition_open,
    clearly_verbal,
    described_name,
    document_author,
    figure_subject,
    fronted_subject,
    inverted_mention,
    known_as_mention,
    linked_source,
    merge_roles,
    noun_phrase_before,
    past_post_nominal,
    person_before_place,
    relative_clause_head,
    sentence_subject,
)
from .tokens import Tok, TokKind

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_QUOTE, _WORD, _POSS = TokKind.QUOTE, TokKind.WORD, TokKind.POSS
_PRONOUN, _ORGANIZATION, _ROLE = MentionKind.PRONOUN, MentionKind.ORGANIZATION, MentionKind.ROLE
_ANONYMOUS, _NAME = MentionKind.ANONYMOUS, MentionKind.NAME

#: Tokens between ``close to``/``familiar with`` and a cue (``the talks on the pier``).


def subject_phrase_start(toks: Sequence[Tok], cue: Cue) -> int:
    """Token index where the cue's subject phrase begins: the subject's first token, or the
    noun phrase an apposed name follows (``the ambassador`` in ``the ambassador, Ana Ruiz,
    said``)."""
    assert cue.subject is not None
    s = cue.first
    while s > 0 and toks[s].start > cue.subject.start:
        s -= 1  # back to the subject's first token (a few dozen tokens at most)
    if cue.subject_side == "apposition" and s >= 2 and toks[s - 1].text == ",":
        p = s - 2  # back over the noun phrase before the comma (``Lind's niece``)
        while p >= 0 and s - p <= MAX_APPOSED and toks[p].text not in {",", "(", ":"} and (
            toks[p].kind is not _QUOTE and not is_boundary(toks, p)
        ):
            p -= 1
        if s - p <= MAX_APPOSED:
            s = p + 1
    return s


register(Rule(
    "it-organization", "subject-refinement",
    "``it`` as a cue's subject is the organisation opening its sentence",
    (Example("The Kester Port Authority published its report, which it described as "
             "“a frank account of the storm.”", "a frank account of the storm.",
             "Kester Port Authority"),),
    (Example("Mila Arden read the report, which it described as “a frank account of the "
             "storm.”", "a frank account of the storm."),)))


def with_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue]) -> Cue:
    found = find_subject(text, toks, cue, earlier)
    m = found.subject
    if m is not None and m.kind is _PRONOUN and m.text.lower() == "it":
        # rule it-organization: ``The Granite House published its account, which it
        # described as “frank”``: ``it`` is the organisation the sentence is about
        opening = sentence_subject(text, toks, attrs.evolve(cue, subject=None), [], "sentence")
        s = opening.subject
        if s is not None and s.kind is _ORGANIZATION and s.start < m.start:
            return attrs.evolve(found, subject=s, subject_rule="it-organization")
    return found


# ---------------------------------------------------------------- the subject sieve


@attrs.frozen(slots=True)
class _SubjectCtx:
    text: str
    toks: Sequence[Tok]
    cue: Cue
    earlier: list[Cue]
    left: int  # the token before the cue phrase, past an aside adverb (-1: none)

    def tok_left(self) -> Tok | None:
        return self.toks[self.left] if self.left >= 0 else None

    def weak(self) -> bool:
        """The cue word may not be a verb here (``the plan called for …``)."""
        return not clearly_verbal(self.toks, self.cue)

    def found(self, m: Mention, side: str) -> Cue:
        return self.cue.with_subject(m, side, self.cue.subject_rule)


class _NoSubject:
    """A subject rule's decision that the cue has no subject (the sieve stops)."""


NO_SUBJECT = _NoSubject()
_SubjectFn = Callable[[_SubjectCtx], "Cue | _NoSubject | None"]
_SUBJECT_RULES: list[tuple[Rule, _SubjectFn]] = []


def _subject_rule(name: str, summary: str, example: Example, counter: Example,
                  *known_failures: Example) -> Callable[[_SubjectFn], _SubjectFn]:
    def wrap(fn: _SubjectFn) -> _SubjectFn:
        _SUBJECT_RULES.append((register(Rule(name, "subject", summary,
                                             (example, *known_failures), (counter,))), fn))
        return fn
    return wrap


def _word_before(ctx: _SubjectCtx) -> bool:
    t = ctx.tok_left()
    return t is not None and (t.kind is _WORD or t.text == ")")


@_subject_rule("subject-according-to", "``according to X``: X, a document's author, an "
               "apposed name, or any noun phrase",
               Example("The ferry was full, according to the harbour office.",
                       "The ferry was full", "the harbour office"),
               Example("The ferry was full, Mila Arden said.", "The ferry was full"))
def subject_according_to(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    text, toks, cue = ctx.text, ctx.toks, ctx.cue
    if cue.rule != "according-to":
        return None
    n, j = len(toks), cue.last + 1
    end = chunk_forward(toks, j)
    author = document_author(text, toks, j)
    if author is not None:
        return ctx.found(author, "right")
    m = classify(text, toks, j, end)
    apposed = apposed_mention(text, toks, m, end, n) if m is not None and m.kind in (
        _ROLE, _ANONYMOUS) else None
    if apposed is not None:  # ``according to Velmar’s foreign policy aide, Konstantin Dravek``
        m = apposed[0]
    if m is None:  # ``according to the nonpartisan budget office``: any noun phrase
        end = j
        while end < n and end - j < 10 and toks[end].kind is _WORD:
            end += 1
        if end > j:
            m = Mention(toks[j].start, toks[end - 1].end, text[toks[j].start:toks[end - 1].end],
                        _ANONYMOUS)
    return ctx.found(m, "right") if m else NO_SUBJECT


@_subject_rule("subject-absolute", "``…, with an aide, Teo Lind, claiming …``: the subject of "
               "a with-absolute",
               Example("The pier reopened on Monday, with its manager, Mila Arden, saying the "
                       "repairs were complete.", "the repairs were complete", "Mila Arden"),
               Example("The pier reopened on Monday, Mila Arden said.",
                       "The pier reopened on Monday"))
def subject_absolute(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if ctx.cue.rule != "participle":
        return None
    absolute = absolute_subject(ctx.text, ctx.toks, ctx.cue)
    return ctx.found(absolute, "absolute") if absolute is not None else None


@_subject_rule("subject-figure", "``six in 10 voters said``, ``with 40 percent of riders "
               "saying``: a share of a group opening its clause speaks",
               Example("The fees are unpopular. Six in 10 riders say the ferry costs too much.",
                       "the ferry costs too much", "Six in 10 riders"),
               Example("The fees are unpopular. The riders say the ferry costs too much.",
                       "the ferry costs too much"))
def subject_figure(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    found = figure_subject(ctx.text, ctx.toks, ctx.left)
    if found is None:
        return None
    m, before = found
    after_with = before >= 0 and ctx.toks[before].lower == "with"
    if ctx.cue.rule == "participle":
        return ctx.found(m, "absolute") if after_with else None
    return None if after_with else ctx.found(m, "left")


@_subject_rule("subject-participle", "``…, saying …``: the sentence's subject (or the latest "
               "speaker in it)",
               Example("Mila Arden closed the pier, saying the cranes were unsafe.",
                       "the cranes were unsafe", "Mila Arden"),
               Example("Mila Arden said the cranes were unsafe.", "the cranes were unsafe"))
def subject_participle(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    t = ctx.tok_left()
    if ctx.cue.rule != "participle" or t is None or not (
            t.lower in grammar.PARTICIPLE_LINKS or t.kind is _QUOTE
            and t.text.rstrip(CLOSING_MARKS).endswith(",")):
        return None  # (``said “…,” suggesting``: the comma sits inside the marks)
    return sentence_subject(ctx.text, ctx.toks, ctx.cue, ctx.earlier, "sentence")


#: Tokens back from ``and`` to the participle it coordinates (``, praising the crew and``).
MAX_COORDINATED_PARTICIPLE = 20


def _ing(t: Tok) -> bool:
    return t.kind is _WORD and t.text.islower() and t.lower.endswith("ing")


def _participle_before(toks: Sequence[Tok], k: int) -> bool:
    """A participle phrase opened by a comma ends at ``toks[k]`` (``…, praising the crew``),
    with no other participle in it (``…, showing fans cheering and`` is not one)."""
    for p in range(k, max(0, k - MAX_COORDINATED_PARTICIPLE), -1):
        t = toks[p]
        if t.kind is _QUOTE or is_boundary(toks, p) or t.text in {";", ":"}:
            return False
        if t.text == ",":
            return _ing(toks[p + 1]) and not any(_ing(toks[j]) for j in range(p + 2, k + 1))
    return False


@_subject_rule("subject-coordinated-participle", "``…, praising the crew and saying …``: a "
               "participle coordinated with an earlier one takes the sentence's subject",
               Example("Mila Arden toured the pier, praising the crew and saying the cranes "
                       "were safe.", "the cranes were safe", "Mila Arden"),
               Example("The video shows the crowd cheering and saying, “Open the pier!”",
                       "Open the pier!"))
def subject_coordinated_participle(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    t = ctx.tok_left()
    if ctx.cue.rule != "participle" or t is None or t.lower not in grammar.COORDINATORS or (
            not _participle_before(ctx.toks, ctx.left - 1)):
        return None
    lemma = lex_cues.lemma_of(ctx.toks[ctx.cue.verb].lower)
    if lemma in lex_cues.DIRECTIVE_VERBS or lemma in lex_cues.COMMITMENT_VERBS:
        return None  # ``…, haranguing him and telling him to quit``: an act, not a report
    return sentence_subject(ctx.text, ctx.toks, ctx.cue, ctx.earlier, "sentence")


@_subject_rule("subject-name-before-participle", "``footage of Ana Brandt asking, “…”``: the "
               "name before the participle speaks; other participles have no subject",
               Example("The video shows Mila Arden asking, “Who signed this?”",
                       "Who signed this?", "Mila Arden"),
               Example("The video shows the crowd asking, “Who signed this?”",
                       "Who signed this?"))
def subject_name_before_participle(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if ctx.cue.rule != "participle":
        return None
    t = ctx.tok_left()
    if t is not None and t.kind is _WORD and introduces_quote(ctx.toks, ctx.cue.last):
        m = classify(ctx.text, ctx.toks, chunk_backward(ctx.toks, ctx.left), ctx.left + 1)
        if m is not None and m.kind is _NAME:
            return ctx.found(m, "left")
    return NO_SUBJECT


@_subject_rule("subject-partitive", "``one of them said``: one of a group",
               Example("Two officials at the ministry said the talks had stalled. One of them "
                       "said the radar had failed.", "the radar had failed",
                       "one of two officials at the ministry"),
               Example("The pilots said the radar had failed.", "the radar had failed"))
def subject_partitive(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    left = ctx.left
    for width in range(3, MAX_PARTITIVE + 1):
        part = partitive(ctx.text, ctx.toks, left - width + 1, left + 1) if (
            left >= width - 1) else None
        if part is not None and part[1] == left + 1:
            return ctx.found(part[0], "left")
    return None


@_subject_rule("subject-coordinated", "``Ruiz toured the pier and said …``: the sentence's "
               "subject, or the first cue's speaker",
               Example("Mila Arden toured the pier and said the cranes were unsafe.",
                       "the cranes were unsafe", "Mila Arden"),
               Example("Mila Arden toured the pier. She said the cranes were unsafe.",
                       "the cranes were unsafe"))
def subject_coordinated(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    t = ctx.tok_left()
    if t is None or t.lower not in grammar.COORDINATORS:
        return None
    if ctx.weak():
        return NO_SUBJECT
    return sentence_subject(ctx.text, ctx.toks, ctx.cue, ctx.earlier, "coordinated")


@_subject_rule("subject-relative", "``the fund is run by Teo Lind, who said …``: the noun "
               "phrase before ``who``",
               Example("The fund is run by Mila Arden, who said the pier would reopen.",
                       "the pier would reopen", "Mila Arden"),
               Example("The fund is run by Mila Arden. She said the pier would reopen.",
                       "the pier would reopen"))
def subject_relative(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    toks, left = ctx.toks, ctx.left
    if left < 0 or toks[left].lower not in grammar.CUE_RELATIVES:
        return None
    if ctx.weak():
        return NO_SUBJECT
    e = left - 1 if left >= 1 and toks[left - 1].text != "," else left - 2
    m = noun_phrase_before(ctx.text, toks, e) if e >= 0 else None
    if m is not None and m.kind is not _NAME:
        m = apposed_to_head(ctx.text, toks, m)
    elif m is not None:
        m = person_before_place(ctx.text, toks, m) or m
    return ctx.found(m, "relative") if m else NO_SUBJECT


@_subject_rule("subject-linked-source", "a source linked to the cue by its affiliation",
               Example("A person close to Mila Arden said the fees would rise.",
                       "the fees would rise", "A person close to Mila Arden"),
               Example("Mila Arden said the fees would rise.", "the fees would rise"))
def subject_linked_source(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    linked = linked_source(ctx.text, ctx.toks, ctx.left)
    return ctx.found(linked, "left") if linked is not None else None


@_subject_rule("subject-left", "``Port director Teo Lind said``: the noun phrase before the "
               "cue (``Mr. Morgan of the Harbour Club said`` → Morgan)",
               Example("Port director Mila Arden said the fees would rise.",
                       "the fees would rise", "Mila Arden"),
               Example("The fees would rise, said Mila Arden.", "The fees would rise"))
def subject_left(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    text, toks, left = ctx.text, ctx.toks, ctx.left
    start = chunk_backward(toks, left)
    m = classify(text, toks, start, left + 1)
    if m is not None and start >= 2 and toks[start - 1].lower in grammar.AFFILIATION_LINKS:
        person = classify(text, toks, chunk_backward(toks, start - 2), start - 1)
        if person is not None and person.kind is _NAME:
            m = person  # ``Mr. Morgan of the Harbour Club said``: Morgan speaks
        elif person is not None and person.kind in (_ROLE, _ANONYMOUS):
            # ``The director of the agency said``: the role speaks, not the agency
            m = attrs.evolve(person, end=m.end, text=text[person.start:m.end])
    return ctx.found(m, "left") if m is not None else None


@_subject_rule("subject-before-time", "``Ruiz on Monday said``, ``Ruiz this week said``: the "
               "noun phrase before the time words",
               Example("Mila Arden on Monday said the fees would rise.", "the fees would rise",
                       "Mila Arden"),
               Example("On Monday, the fees rose, the board said.", "the fees rose"))
def subject_before_time(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    toks, left = ctx.toks, ctx.left
    a = left
    while a > 0 and left - a < 4 and (time_word(toks[a]) or toks[a].lower == "on"):
        a -= 1
    if a < left and toks[a].kind is _WORD:
        m = classify(ctx.text, toks, chunk_backward(toks, a), a + 1)
        if m is not None:
            return ctx.found(m, "left")
    return None


def _past_gap_words(toks: Sequence[Tok], left: int) -> int:
    """``left`` moved back over auxiliaries, adverbs and an aside adverb between a subject
    and its cue (``has since``, ``have, however,``); ``left`` itself if none is there."""
    p = left
    while p >= 0 and left - p < 8:
        q = skip_aside_adverb(toks, p)
        if q == p and toks[p].lower not in lex_cues.SUBJECT_GAP_WORDS and (
            toks[p].lower not in lex_cues.CUE_MODIFIERS
        ):
            break
        p = q if q < p else p - 1
    return p


@_subject_rule("subject-past-gap", "``Ruiz has since said``, ``The pilots have, however, "
               "warned``: the noun phrase before the auxiliaries, adverbs and asides",
               Example("Mila Arden has since said the pier would close.",
                       "the pier would close", "Mila Arden"),
               Example("Since then the pier has closed, the board said.",
                       "the pier has closed"))
def subject_past_gap(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    toks = ctx.toks
    if ctx.left < 1 or ctx.weak():
        return None
    p = _past_gap_words(toks, ctx.left)
    if p == ctx.left or p < 0 or toks[p].kind is not _WORD:
        return None
    m = noun_phrase_before(ctx.text, toks, p)
    return ctx.found(m, "left") if m is not None else None


@_subject_rule("subject-description", "``Experts on harbour law said``: a clause-initial noun "
               "phrase no lexicon covers, without the time words before the cue (``Experts "
               "soon said``); else no subject",
               Example("Experts on coastal law said the wall was too low.",
                       "the wall was too low", "Experts on coastal law"),
               Example("Mila Arden said the wall was too low.", "the wall was too low"))
def subject_description(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    toks, e = ctx.toks, ctx.left
    while e > 0 and not toks[e].is_cap and (time_word(toks[e]) or (
        toks[e].lower in lex_cues.TIME_ADJUNCT_WORDS
    )):
        e -= 1  # ``Harbour inspectors soon said``: the time words are no part of the source
    m = None if ctx.weak() else describe_backward(ctx.text, toks, e)
    return ctx.found(m, "description") if m else NO_SUBJECT


@_subject_rule("subject-before-dash-aside", "``The three pilots -- Arden, Holt and Lind -- "
               "agreed``: the opening noun phrase before a dash aside no name ends",
               Example("The three pilots -- Arden, Holt and Lind -- agreed that the channel "
                       "was silting up.", "the channel was silting up", "The three pilots"),
               Example("Mila Arden -- a pilot for twenty years -- said the channel was "
                       "silting up.", "the channel was silting up"))
def subject_before_dash_aside(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if ctx.left < 2 or ctx.toks[ctx.left].text not in DASHES or not isinstance(
        subject_dash_apposition(ctx), _NoSubject
    ):
        return None
    return _before_aside(ctx)


@_subject_rule("subject-dash-apposition", "``Teo Lind -- co-editor of a book -- said``",
               Example("Mila Arden -- a harbour pilot for twenty years -- said the channel "
                       "was silting up.", "the channel was silting up", "Mila Arden"),
               Example("Mila Arden said the channel was silting up.",
                       "the channel was silting up"))
def subject_dash_apposition(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    toks, left = ctx.toks, ctx.left
    if left < 1 or toks[left].text not in DASHES:
        return None
    p = left - 1
    while p >= 0 and toks[p].text in DASHES:
        p -= 1  # ``--`` is two tokens
    while p >= 0 and left - p <= 30 and toks[p].text not in DASHES and (
        toks[p].text not in BOUNDARY
    ):
        p -= 1
    while p >= 1 and toks[p - 1].text in DASHES:
        p -= 1
    if p >= 1 and toks[p].text in DASHES and toks[p - 1].kind is _WORD:
        m = classify(ctx.text, toks, chunk_backward(toks, p - 1), p)
        if m is not None:
            return ctx.found(m, "apposition")
    return NO_SUBJECT


def _relative_head(ctx: _SubjectCtx, p: int, start: int) -> Mention | None:
    """``One crane operator, who asked not to be named, said``: the head before ``who``."""
    text, toks = ctx.text, ctx.toks
    m = noun_phrase_before(text, toks, p - 1)
    if m is not None and start >= 2 and toks[start - 1].lower in grammar.AFFILIATION_LINKS and (
            is_enabled("affiliated-relative-head")):
        # rule affiliated-relative-head: ``Viktor Amsel of National Renewal, who finished
        # third, conceded``
        person = classify(text, toks, chunk_backward(toks, start - 2), start - 1)
        if person is not None and person.kind is _NAME:
            m = person
    return m


def _apposition(ctx: _SubjectCtx, p: int) -> Mention | None:
    text, toks, left = ctx.text, ctx.toks, ctx.left
    start = chunk_backward(toks, p - 1)
    m = classify(text, toks, start, p)
    if m is not None and start > 0 and toks[start - 1].lower in grammar.PREPOSITIONS:
        m = None  # ``His partner at Lenox, Pia Kern, said``: Lenox is no subject
    inner_start = p + 1
    inner_end = chunk_forward(toks, inner_start)
    label_end = party_label_end(toks, inner_end)
    inner = classify(text, toks, inner_start, inner_end) if left in (
        inner_end, label_end) else None
    if m is not None and m.kind.value in ("name", "pronoun"):
        outer = relative_clause_head(text, toks, start) if is_enabled(
            "relative-clause-head") else None
        if outer is not None:
            return outer  # ``Ruiz, who helped found EDGE, a harbour group, said``: Ruiz
        return merge_roles(m, inner) if inner is not None and inner.roles else m
    if inner is None and inner_start < left:
        inner = described_name(text, toks, inner_start, left)
    if inner is not None and inner.kind.value == "name":
        return merge_roles(inner, m) if m is not None else inner
    if m is not None:
        # ``Selma Arkwright, a fund manager at Ostholm, which owns 3 percent, said``:
        # the name opening the clause beats a description between the commas
        return fronted_subject(text, toks, left) or m
    return _relative_head(ctx, p, start) if toks[p + 1].lower in grammar.CUE_RELATIVES else None


@_subject_rule("subject-apposition", "``Teo Lind, the port's director, said``: the name on "
               "either side of an apposition, or the head of a relative clause",
               Example("Mila Arden, the port's director, said the fees would rise.",
                       "the fees would rise", "Mila Arden"),
               Example("The fees, the port's director said, would rise.", "would rise"))
def subject_apposition(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    toks, left = ctx.toks, ctx.left
    if left < 0 or toks[left].text != ",":
        return None
    p = apposition_open(toks, left)
    if p >= 1 and toks[p].text == "," and (toks[p - 1].kind is _WORD
                                           or toks[p - 1].text == ")"):
        q = past_post_nominal(toks, p)
        m = _apposition(ctx, q)
        if m is not None:
            opener = _opening_name(ctx, m)
            if opener is not None:
                return attrs.evolve(ctx.found(opener, "apposition"),
                                    subject_rule="clause-opening-name")
            found = ctx.found(m, "apposition")
            return found if q == p else attrs.evolve(found, subject_rule="post-nominal")
    return None


def _opening_name(ctx: _SubjectCtx, m: Mention) -> Mention | None:
    """Rule ``clause-opening-name``: the name opening a chain of appositions, when the
    apposition rule picked a name inside the chain (``Ned Vale, an aide at the office in
    Kester, which …, said``: Vale, not Kester)."""
    if not is_enabled("clause-opening-name"):
        return None
    opener = fronted_subject(ctx.text, ctx.toks, ctx.left)
    if opener is None or opener.kind is not _NAME or m.start < opener.end:
        return None
    if m.kind is _NAME and not ctx.text[opener.end:m.start].strip(" ,"):
        return None  # a name apposed to the opener (``Similarly, Ned Vale, an aide, said``)
    return opener if m.kind is _NAME else merge_roles(opener, m)


register(Rule(
    "clause-opening-name", "subject-refinement",
    "a place or group named inside a subject's appositions is no subject: the name opening "
    "the clause is",
    (Example("Ned Vale, an aide at the housing office in Kesterwick, which has a long "
             "backlog, said the repairs would wait.", "the repairs would wait", "Ned Vale"),
     Example("Lia Moss, who lives in a village outside the county town, Hollin, said the "
             "bus was late.", "the bus was late", "Lia Moss"),
     Example("Teo Lind, a baker from Brill, Kessex, said the ferry was late.",
             "the ferry was late", "Teo Lind")),
    (Example("The harbour's new chief, Ned Vale, said the repairs would wait.",
             "the repairs would wait"),
     Example("Similarly, Ned Vale, an aide to the mayor, said the repairs would wait.",
             "the repairs would wait"))))


register(Rule(
    "participle-description", "subject-refinement",
    "``Both parents …, saying …``: a participle's subject is the description opening its "
    "sentence when no lexicon covers it",
    (Example("Both parents sharpened their criticism of the ferry board, saying that it had "
             "ignored the storm warnings.", "it had ignored the storm warnings",
             "Both parents"),),
    (Example("Mila Arden sharpened her criticism of the ferry board, saying that it had "
             "ignored the storm warnings.", "it had ignored the storm warnings"),)))


register(Rule(
    "post-nominal", "subject-refinement",
    "a credential after a name (``, MD,``, ``, PhD,``) is no subject: the name before it is",
    (Example("Maren Holt, MD, director of the vaccine clinic, said the dose was safe.",
             "the dose was safe", "Maren Holt"),),
    (Example("Maren Holt, the director of the vaccine clinic, said the dose was safe.",
             "the dose was safe"),)))


@_subject_rule("subject-fronted", "a name opening the clause before several appositions",
               Example("“We are ready,” Mila Arden, 59, of Kesterwick, Md., who runs the "
                       "ferry, said.", "We are ready,", "Mila Arden"),
               Example("“We are ready,” said the ferry's owner.", "We are ready,"),
               # known failures: with no state after the town, or with no quotation before,
               # the appositions hide the name (the second gives the speaker ``Kesterwick``)
               Example("“We are ready,” Mila Arden, 59, of Kesterwick, who runs the ferry, "
                       "said.", "We are ready,", "Mila Arden", known_failure=True),
               Example("Mila Arden, 59, of Kesterwick, who runs the ferry, said the boats were "
                       "ready.", "the boats were ready", "Mila Arden", known_failure=True))
def subject_fronted(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if ctx.left < 0 or ctx.toks[ctx.left].text != ",":
        return None
    m = fronted_subject(ctx.text, ctx.toks, ctx.left)
    return ctx.found(m, "apposition") if m is not None else None


def _main_verb_in(toks: Sequence[Tok], i: int, j: int) -> bool:
    """``toks[i:j]`` (an aside) holds a finite verb or reporting verb of the sentence
    itself, before any word opening a clause of the aside's own (``who``, ``when``)."""
    for t in toks[i:j]:
        if t.kind is _QUOTE or t.text in {";", ":"}:
            return True
        if t.lower in lex_cues.ASIDE_CLAUSE_OPENERS:
            return False
        if t.text.islower() and (t.lower in lex_cues.FINITE_VERBS or (
            lex_cues.lemma_of(t.lower) is not None and not t.lower.endswith("ing")
        )):
            return True
    return False


def _opening_subject(toks: Sequence[Tok], s: int, p: int) -> bool:
    """``toks[s:p]`` may be a sentence's subject: no verb of its own, no time words
    (``Earlier this week``) and no fronted adverb or subordinator (``Shortly``, ``While``)."""
    first = toks[s].lower
    if first in LEADING_ADVERBS or first in lex_cues.ASIDE_CLAUSE_OPENERS or (
        first.endswith("ly") and p > s + 1
    ):
        return False
    return not any(time_word(t) for t in toks[s:p]) and not _main_verb_in(toks, s, p)


@_subject_rule("subject-before-aside", "``The three pilots, all at the helm for years, "
               "warned``: the sentence's opening noun phrase before an aside set off by "
               "commas or dashes",
               Example("Two harbour pilots, both at the helm for a decade, also said the "
                       "channel was silting up.", "the channel was silting up",
                       "Two harbour pilots"),
               Example("The channel is silting up, said the pilot.",
                       "The channel is silting up"))
def subject_before_aside(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    return _before_aside(ctx) if ctx.left >= 2 and ctx.toks[ctx.left].text == "," else None


def _before_aside(ctx: _SubjectCtx) -> Cue | None:
    """Rules ``subject-before-aside`` and ``subject-before-dash-aside``."""
    text, toks, cue, left = ctx.text, ctx.toks, ctx.cue, ctx.left
    if cue.rule != "cue-verb" or ctx.weak():
        return None
    inverted, end = inverted_mention(text, toks, cue.verb + 1)
    if inverted is not None and ends_clause(toks, end):
        return None  # ``The pier is safe, said the mayor``
    s = sentence_start(toks, cue.verb)
    while s < left and toks[s].lower in lex_cues.SENTENCE_OPENERS:
        s += 1
    p = s
    while p < left and p - s <= lex_cues.MAX_ASIDE_SUBJECT and toks[p].kind in (
        _WORD, _POSS
    ):
        p += 1
    if p == s or p >= left or toks[p].text not in {",", *DASHES} or not _opening_subject(
        toks, s, p
    ) or _main_verb_in(toks, p + 1, left):
        return None
    c = chunk_forward(toks, s)
    m = classify(text, toks, s, c) if c < p and toks[c].lower in grammar.AFFILIATION_LINKS else None
    if m is None or m.kind is not _NAME:  # ``Gov. Ana Ruiz of Kester``: Ruiz
        m = classify(text, toks, s, p)
    if m is None or m.end != toks[p - 1].end and m.kind is not _NAME:
        if toks[s].lower in lex_cues.DEFINITE_DETERMINERS and not toks[p - 1].lower.endswith(
            "s"
        ):
            return None  # ``The report, sent to the board, called …``: a thing
        m = Mention(toks[s].start, toks[p - 1].end, text[toks[s].start:toks[p - 1].end],
                    _ANONYMOUS)
    return ctx.found(m, "apposition")


@_subject_rule("subject-inverted", "``“…,” said the mayor``, ``The port will reopen, said Ana "
               "Ruiz.``: the noun phrase after the verb",
               Example("“We are ready,” said Mila Arden.", "We are ready,", "Mila Arden"),
               Example("“We are ready,” Mila Arden said.", "We are ready,"))
def subject_inverted(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    text, toks, cue, left = ctx.text, ctx.toks, ctx.cue, ctx.left
    after_quote = left >= 0 and (toks[left].kind is _QUOTE or left >= 1 and (
        toks[left - 1].kind is _QUOTE))
    if cue.first - 1 >= 0 and toks[cue.first - 1].kind is _WORD:
        return NO_SUBJECT
    m, end = inverted_mention(text, toks, cue.verb + 1)
    if m is None:
        return NO_SUBJECT
    if not after_quote and (m.kind is _PRONOUN or not ends_clause(toks, end)):
        return NO_SUBJECT  # ``…, said the mayor`` must end the clause to be inverted
    apposed = apposed_mention(text, toks, m, end, len(toks)) or known_as_mention(
        text, toks, m, end, len(toks))  # ``said the base chief known as Teo``
    if apposed is not None:  # ``said the ambassador, Ana Ruiz``, ``said Teo Lind, Ruiz’s agent``
        m = apposed[0]
    return attrs.evolve(cue, subject=m, subject_side="right",
                        last=max(cue.last, cue.verb), end=max(cue.end, toks[cue.verb].end))


register(Rule(
    "aside-adverb", "subject-phrase", "a sentence adverb set off by commas before the cue is "
    "skipped (``Ferry operators, meanwhile, warned`` → ``operators``; "
    "``lexicon.cues.ASIDE_ADVERBS``)",
    (Example("Ferry operators, meanwhile, warned that the pier would close.",
             "the pier would close", "Ferry operators"),),
    (Example("Ferry operators warned that the pier would close.", "the pier would close",
             "Ferry operators"),), by_effect=True))


register(Rule(
    "relative-clause-head", "subject-phrase", "the name before ``, who`` when the apposed phrase "
    "stands inside that relative clause (``Ruiz, who helped found EDGE, a harbour group, "
    "said`` → Ruiz, not EDGE)",
    (Example("Mila Arden, who helped found Harbourwatch, a coastal group, said the pier would "
             "close.", "the pier would close", "Mila Arden"),),
    (Example("Mila Arden, the port's director, said the pier would close.",
             "the pier would close", "Mila Arden"),), by_effect=True))
register(Rule(
    "affiliated-relative-head", "subject-phrase", "before ``, who …,`` a name and ``of``/``from`` "
    "its group: the name is the head, not the group (``Teo Lind of the Harbour Club, who lost "
    "the vote, conceded`` → Lind)",
    (Example("Teo Lind of the Harbour Club, who lost the vote, conceded the pier would close.",
             "the pier would close", "Teo Lind"),),
    (Example("Teo Lind, who lost the vote, conceded the pier would close.",
             "the pier would close", "Teo Lind"),), by_effect=True))


register(Rule(
    "known-as-name", "subject-phrase", "a role or source followed by ``known as``/``named`` "
    "and a name is that name (``said the base chief known as Teo`` → Teo; "
    "``lexicon.naming.NAME_INTRODUCERS``)",
    (Example("“The pier is safe,” said the harbour chief known as Teo, speaking for the "
             "first time.", "The pier is safe,", "Teo"),),
    (Example("“The pier is safe,” said the harbour chief, speaking for the first time.",
             "The pier is safe,", "the harbour chief"),), by_effect=True))


#: The subject sieve, in the order its rules are tried.
SUBJECT_ORDER: tuple[str, ...] = tuple(r.name for r, _ in _SUBJECT_RULES)


def find_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue]) -> Cue:
    """``cue`` with the subject the first deciding rule of :data:`SUBJECT_ORDER` found."""
    left = cue.first - 1
    if is_enabled("aside-adverb"):
        left = skip_aside_adverb(toks, left)
    ctx = _SubjectCtx(text, toks, cue, earlier, left)
    decided: tuple[Rule, Cue | _NoSubject] | None = first_decision(_SUBJECT_RULES, ctx)
    if decided is None:
        return cue
    r, found = decided
    if isinstance(found, _NoSubject):
        return cue
    if found.subject is None:
        return found
    # (a refinement's own rule, else the deciding rule's)
    return found.with_subject(found.subject, found.subject_side, found.subject_rule or r.name)
