"""The noun phrases the subject sieve looks for around a cue: appositions (``Ruiz, the
mayor,``), a name before several appositions, sources linked by ``close to``, the subject of
a with-absolute, the opening noun phrase of the cue's sentence, the phrase after an inverted
cue (``said harbourmaster Agnes Thorvald``), and the heads of relative clauses.

Each function returns a :class:`~.mentions.Mention` (or where it starts or ends) and decides
nothing by itself: the rules of :mod:`quoteattr.subjects` call them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .cue_model import Cue
from .lexicon import cues as lex
from .lexicon import grammar, naming, pronouns, sources
from .lexicon.mentions import CLAUSE_WORDS, LEADING_ADVERBS
from .mentions import (
    Mention,
    MentionKind,
    age_description,
    category,
    chunk_backward,
    chunk_forward,
    classify,
    describe_backward,
    describe_forward,
    descriptor_word,
    is_plural,
    nickname,
    partitive,
    post_nominal,
    subject_end,
)
from .phrases import (
    CLOSING_MARKS,
    DASHES,
    is_boundary,
    is_noun_use,
    sentence_start,
    skip_age,
    time_word,
    tok_at,
)
from .rules import Example, Rule, is_enabled, register
from .tokens import Cat, Tok, TokKind

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_QUOTE, _WORD, _POSS = TokKind.QUOTE, TokKind.WORD, TokKind.POSS
_ROLE, _ANONYMOUS, _NAME = MentionKind.ROLE, MentionKind.ANONYMOUS, MentionKind.NAME
_PRONOUN, _ORGANIZATION = MentionKind.PRONOUN, MentionKind.ORGANIZATION
_CAT_CAP, _CAT_SRC, _CAT_ROLE, _CAT_MOD, _CAT_NAT = Cat.CAP, Cat.SRC, Cat.ROLE, Cat.MOD, Cat.NAT

#: Tokens between ``close to``/``familiar with`` and a cue (``the talks on the pier``).
MAX_LINKED_OBJECT = 8


def sentence_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue],
                      side: str) -> Cue:
    """The subject of the cue's sentence: that of an earlier cue in it, else its first
    noun phrase (``Ruiz toured the port and said …``, ``…, saying …``)."""
    s = sentence_start(toks, cue.verb)
    if is_enabled("fronted-clause"):
        s = past_fronted_clause(text, toks, s, cue.first)
    found = None
    for c in reversed(earlier):
        if c.verb < s:
            break
        if c.subject is not None:
            found = c
            if side != "coordinated":
                break  # ``…, saying``: the latest speaker; ``… and added``: the first
    if found is not None:
        return attrs.evolve(cue, subject=found.subject, subject_side=side)
    while s < cue.first and (toks[s].kind is _QUOTE or toks[s].text == ","):
        s += 1  # ``“…,” Brandt sings before asking her, “…”``: the subject after the quote
    kicker = s
    while kicker < cue.first and toks[kicker].kind is _WORD and toks[kicker].text.isupper():
        kicker += 1
    if kicker > s + 1 and kicker < cue.first and toks[kicker].text in DASHES:
        s = kicker + 1  # ``THE COUNCIL HAS ASKED — Ruiz’s plan …``: a kicker
    if is_enabled("dateline"):
        s = _after_dateline(toks, s, cue.first)
    while s < cue.first and (toks[s].lower in LEADING_ADVERBS or toks[s].text == ","):
        s += 1  # ``Recently, Ruiz was criticized for saying …``
    m = None
    if s < cue.first and (toks[s].lower in grammar.PREPOSITIONS or toks[s].lower.endswith(
        ("ed", "ing")
    ) and len(toks[s].text) > 5) and is_enabled("fronted-phrase"):
        # rule fronted-phrase: ``Chastened by the audit, Ruiz revised her plan, promising …``,
        # ``In a terse, late-night post, Ruiz hit back, claiming …``: the subject follows
        # the comma that closes the opening phrase (which may hold commas of its own)
        region = None
        for k in range(s + 1, min(cue.first, s + MAX_FRONTED)):
            if toks[k].text == "," and k + 1 < cue.first:
                f, end = _fronted_subject_span(toks, k + 1, cue.first)
                m = classify(text, toks, f, end)
                if m is not None and region_after_town(toks, k, end):
                    region, m = m, None  # rule fronted-place: ``In Alder, Ohio, Ruiz …``
                if m is not None:
                    break
        m = m or region
    if m is None:
        end = min(chunk_forward(toks, s), subject_end(toks, s, cue.first))
        m = classify(text, toks, s, end)
        apposed = apposed_mention(text, toks, m, end, cue.first) if m is not None and m.kind in (
            _ROLE, _ANONYMOUS) else None
        if apposed is not None:  # ``Chile's deputy minister, Ana Ruiz, resigned, saying …``
            m = apposed[0]
    if (m is None or m.kind is not _NAME) and is_enabled("subject-opening-apposed"):
        opening = opening_apposed(text, toks, s, cue.first)
        if opening is not None:  # rule subject-opening-apposed (a refinement: it is named)
            return attrs.evolve(cue, subject=opening, subject_side=side,
                                subject_rule="subject-opening-apposed")
    if m is None:
        return _described_opening(text, toks, cue, s, side)
    return attrs.evolve(cue, subject=m, subject_side=side)


def _described_opening(text: str, toks: Sequence[Tok], cue: Cue, s: int, side: str) -> Cue:
    """The description opening the sentence at ``toks[s]`` as the cue's subject: for a
    coordinated cue, and (rule ``participle-description``) for ``Both parents …, saying``."""
    rule = cue.subject_rule
    if side == "sentence" and is_enabled("participle-description"):
        rule = "participle-description"
    elif side != "coordinated":
        return cue
    m = describe_forward(text, toks, s, cue.first)
    return attrs.evolve(cue, subject=m, subject_side=side, subject_rule=rule) if m else cue


#: Words of a description opening its sentence before the name it describes.
MAX_OPENING = 12


def _fronted_subject_span(toks: Sequence[Tok], i: int, limit: int) -> tuple[int, int]:
    """The token span of the subject after a fronted phrase's comma (``toks[i - 1]``)."""
    f = _past_age(toks, i, limit)
    return f, min(chunk_forward(toks, f), subject_end(toks, f, limit))


def _past_age(toks: Sequence[Tok], i: int, limit: int) -> int:
    """Rule ``age-before-name``: past an age opening a subject (``62-year-old Ana Ruiz``)
    when a capitalised name follows it; else ``i``."""
    t = toks[i]
    if i + 1 < limit and t.text.endswith("year-old") and t.text[:1].isdigit() and (
            toks[i + 1].is_cap) and is_enabled("age-before-name"):
        return i + 1
    return i


def opening_apposed(text: str, toks: Sequence[Tok], s: int, limit: int) -> Mention | None:
    """Rule ``subject-opening-apposed``: ``A former pilot, Ruiz closed the pier, saying …``:
    the name (or ``he``/``she``) after a description opening the sentence is its subject,
    with the description's roles."""
    k = s
    while k < limit and k - s < MAX_OPENING and toks[k].kind in (_WORD, _POSS):
        k += 1
    if k == s or k + 1 >= limit or toks[k].text != "," or any(
            lex.lemma_of(toks[j].lower) or time_word(toks[j]) for j in range(s, k)):
        return None  # (``A month later, he …``: a time adjunct, not a description)
    end = min(chunk_forward(toks, k + 1), subject_end(toks, k + 1, limit))
    m = classify(text, toks, k + 1, end)
    if m is None or end >= limit or toks[end].kind is not _WORD or (
            not toks[end].text.islower()):
        return None
    if m.kind is not _NAME and not (
            m.kind is _PRONOUN and m.text.lower() in {"he", "she"}):
        return None
    desc = classify(text, toks, s, k)
    return merge_roles(m, desc) if desc is not None and desc.roles else m


def region_after_town(toks: Sequence[Tok], k: int, end: int) -> bool:
    """Rule ``fronted-place``: the phrase after comma ``toks[k]`` up to ``end`` is the region of
    a town (``in Alder, Ohio,``): a capitalised word after a place preposition before the comma,
    another comma after the region."""
    if not is_enabled("fronted-place") or end >= len(toks) or toks[end].text != "," or k < 2:
        return False
    t = k - 1
    while t > 0 and k - t < 4 and toks[t].is_cap and toks[t].kind is _WORD:
        t -= 1
    return t < k - 1 and toks[t].lower in grammar.PLACE_PREPOSITIONS and (
        all(toks[j].is_cap for j in range(k + 1, end)))


def past_fronted_clause(text: str, toks: Sequence[Tok], s: int, limit: int) -> int:
    """Rule ``fronted-clause``: ``After Lind spoke, Ruiz left the pier, saying …``: a clause
    opened by a subordinator (``grammar.CLAUSE_SUBORDINATORS``) fronting the sentence is
    skipped, with any cue in it; the sentence's subject follows the comma that closes it."""
    k = s
    while k < limit and toks[k].lower in grammar.SUBORDINATOR_LEADS:
        k += 1
    if k + 1 >= limit or toks[k].lower not in grammar.CLAUSE_SUBORDINATORS or (
            toks[k + 1].lower in grammar.PREPOSITIONS):
        return s  # (``Once in my youth, …``: an adverbial, not a clause)
    for j in range(k + 2, min(limit - 1, k + MAX_FRONTED)):
        t = toks[j]
        if t.kind is _QUOTE or t.text in {";", ":"} or is_boundary(toks, j):
            return s
        if t.text == "," and classify(text, toks, j + 1, chunk_forward(toks, j + 1)):
            return j + 1
    return s


def _dateline_tail(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Past a region and a date after a dateline's place (``Md.,``, ``Aug 31``), when an
    agency or a dash follows them; else ``k``."""
    j = k
    while j < limit and j - k < 6 and (toks[j].text in {".", ","} or toks[j].text.isdigit() or (
            toks[j].kind is _WORD and toks[j].is_cap)):
        j += 1
    return j if j < limit and (toks[j].text == "(" or toks[j].text in DASHES) else k


def _after_dateline(toks: Sequence[Tok], s: int, limit: int) -> int:
    """Rule ``dateline``: a wire dateline opening the sentence is no subject: ``KESTERWICK —``,
    ``KESTERWICK (AP) —``, ``SELMA, N.C. —``; the sentence starts after its dash."""
    k = s
    while k < limit and k - s < 8 and (
            toks[k].kind is _WORD and toks[k].text.isupper() and len(toks[k].text) > 1
            or toks[k].text == "," and k > s):
        k += 1
    wire = False
    if k > s and toks[k - 1].text == ",":
        k = _dateline_tail(toks, k, limit)  # ``KESTERWICK, Md., Aug. 31 (Reuters) -``
    if k == s:  # ``Kesterwick (AP) —``: a place in capitalised words needs its agency
        while k < limit and k - s < 4 and toks[k].kind is _WORD and toks[k].is_cap:
            k += 1
        wire = True
        if k == s:
            return s
    if k + 2 < limit and toks[k].text == "(" and toks[k + 2].text == ")" and (
            toks[k + 1].text[:1].isupper() and len(toks[k + 1].text) > 1):
        k += 3  # ``(AP)``, ``(Reuters)``
        wire = False
    return k + 1 if k < limit and toks[k].text in DASHES and not wire else s


def clearly_verbal(toks: Sequence[Tok], cue: Cue) -> bool:
    """The cue word cannot be a noun: ``said``, ``has claimed``, ``warned``; not ``states``
    or ``claims`` (``battleground states``, ``his claims``) without an auxiliary."""
    return cue.first < cue.verb or cue.rule != "cue-verb" or (
        toks[cue.verb].lower not in lex.NOUN_LIKE_FORMS
    )


#: Tokens of an unlisted title after an inverted cue (``said longtime harbour pilot``).
MAX_TITLE_WORDS = 4
#: How many tokens of appositions may separate a fronted subject from its cue.
MAX_APPOSITIONS = 40
#: Tokens of the noun phrase an apposed name follows (``the harbour board's new chair``).
MAX_APPOSED = 10


def document_author(text: str, toks: Sequence[Tok], j: int) -> Mention | None:
    """``a new report by the Harbour Gazette`` (after ``according to``): the author."""
    for k in range(j, min(len(toks) - 2, j + 5)):
        if toks[k].lower in sources.DOCUMENT_NOUNS and toks[k + 1].lower in sources.AUTHOR_LINKS:
            author = classify(text, toks, k + 2, chunk_forward(toks, k + 2))
            if author is not None and author.kind in (_NAME,
                                                      _ORGANIZATION):
                return author
            return None
        if toks[k].kind is not _WORD:
            return None
    return None


#: What may follow an apposition: a stop or comma, or a preposition opening an affiliation.
_APPOSITION_ENDS = {".", ",", ";", "("}


def known_as_mention(text: str, toks: Sequence[Tok], m: Mention, end: int, limit: int
                     ) -> tuple[Mention, int] | None:
    """The name after a role or source mention ``m`` ending at ``toks[end]`` that ``known
    as``/``named`` introduces, with ``m``'s roles, and where it ends; None when there is none."""
    if m.kind not in (MentionKind.ROLE, MentionKind.ANONYMOUS) or end + 1 >= limit or (
        toks[end].lower not in naming.NAME_INTRODUCERS
    ):
        return None
    k = end + 1
    if toks[end].lower == "known":
        if toks[k].lower != "as":
            return None
        k += 1
    if k >= limit or not toks[k].is_cap:
        return None
    end2 = chunk_forward(toks, k)
    name = classify(text, toks, k, end2) if end2 <= limit else None
    if name is None or name.kind is not MentionKind.NAME or not is_enabled("known-as-name"):
        return None
    return attrs.evolve(name, start=m.start, text=text[m.start:name.end],
                        roles=name.roles + m.roles, role_phrases=name.role_phrases
                        + m.role_phrases, nationality=name.nationality or m.nationality), end2


def apposed_mention(text: str, toks: Sequence[Tok], m: Mention, end: int, limit: int
             ) -> tuple[Mention, int] | None:
    """The apposition after the mention ``m`` that ends at ``toks[end]``, merged into one
    speaker mention, and where it ends: a name after a role (``the ambassador, Ana Ruiz``: Ruiz,
    with the role) or a role after a name (``Teo Lind, Ruiz’s agent``, ``Priya Anand, a
    meteorologist at the bureau``: Lind, Anand, with the role); None when there is none
    before ``limit``."""
    if end + 1 >= limit or toks[end].text != ",":
        return None
    end2 = chunk_forward(toks, end + 1)
    app = classify(text, toks, end + 1, end2)
    if app is None or end2 > limit or end2 < len(toks) and not (
        toks[end2].text in _APPOSITION_ENDS or toks[end2].lower in grammar.PREPOSITIONS
    ):
        return None
    if m.kind in (_ROLE, _ANONYMOUS) and app.kind is _NAME:
        return attrs.evolve(app, roles=app.roles + m.roles,
                            role_phrases=app.role_phrases + m.role_phrases,
                            nationality=app.nationality or m.nationality), end2
    if m.kind is _NAME and app.kind is not _NAME and app.roles:
        return attrs.evolve(m, roles=m.roles + app.roles,
                            role_phrases=m.role_phrases + app.role_phrases,
                            nationality=m.nationality or app.nationality), end2
    return None


def described_name(text: str, toks: Sequence[Tok], i: int, end: int) -> Mention | None:
    """``the businessman Viktor Hallgren`` (between commas, before ``end``): a name after a
    determiner and an unlisted lower-case title."""
    d = i + 1 if toks[i].lower in grammar.ARTICLES else i
    k = d
    while k < end and k - d < MAX_TITLE_WORDS and descriptor_word(toks[k]):
        k += 1
    if k == d or k >= end or category(toks[k]) is not _CAT_CAP:
        return None
    stop = chunk_forward(toks, k)
    if stop != end and not (stop < len(toks) and toks[stop].text == "("):
        return None
    m = classify(text, toks, k, stop)
    if m is None or m.kind is not _NAME:
        return None
    word = toks[k - 1].lower
    return attrs.evolve(m, roles=(*m.roles, word), role_phrases=(*m.role_phrases, word))


def fronted_subject(text: str, toks: Sequence[Tok], left: int) -> Mention | None:
    """The name opening the clause before several appositions and the comma at
    ``toks[left]``: ``“…,” Ana Ruiz, 59, of Kesterwick, who runs the ferry, said``."""
    p = left
    while p >= 0 and left - p <= MAX_APPOSITIONS and (
        toks[p].kind is not _QUOTE or nickname(toks, p) or _fragment(toks[p])
    ) and not is_boundary(toks, p) and toks[p].text not in {":", ";"}:
        if toks[p].kind is _WORD and p < left and lex.lemma_of(toks[p].lower) and (
            toks[p].text.islower()
        ) and not is_noun_use(toks, p) and not (
            toks[p].lower.endswith("ing") and p > 0 and toks[p - 1].text == ","
        ) and not (p > 0 and toks[p - 1].lower in grammar.CUE_RELATIVES):
            # (``, speaking on condition of anonymity,`` and ``who spoke on condition …`` are
            # asides)
            return None  # another reporting verb: the clause is not a subject's apposition
        p -= 1
    if left - p > MAX_APPOSITIONS:
        return None
    s = p + 1
    while s < left and toks[s].text == ",":
        s += 1
    part = partitive(text, toks, s, left)
    if part is not None and toks[part[1]].text == ",":
        return part[0]  # ``One of them, a senior official who …, said``
    end = chunk_forward(toks, s)
    name_end = end
    if end + 1 < left and toks[end].lower in grammar.AFFILIATION_LINKS:
        end = max(end, chunk_forward(toks, end + 1))  # ``Viktor Amsel of National Renewal, who``
    if end >= left or toks[end].text not in {",", "("}:
        return None
    m = classify(text, toks, s, name_end)
    return m if m is not None and (m.kind in (_NAME, _ANONYMOUS)
                                   or age_description(m.text) is not None) else None


def _fragment(t: Tok) -> bool:
    """A short quoted phrase inside a clause (``won on a promise to “bring the boys
    home” from …``), not a quotation that ends a sentence."""
    inner = t.text.strip(CLOSING_MARKS + "“‘«„")
    return len(inner.split()) <= 6 and inner[:1].islower() and inner[-1:] not in ".!?,"


def linked_source(text: str, toks: Sequence[Tok], left: int) -> Mention | None:
    """For rule ``subject-linked-source``: an unnamed source tied to someone by ``close to``,
    ``familiar with`` or ``to`` speaks, not that someone: ``Those close to him say``,
    ``A person close to Ruiz said``, ``Aides to the mayor said`` (sources.PROXIMITY_WORDS,
    sources.SOURCE_PRONOUNS)."""
    for k in range(left - 1, max(0, left - MAX_LINKED_OBJECT) - 1, -1):
        t = toks[k]
        if t.kind is not _WORD or lex.lemma_of(t.lower) is not None:
            return None
        if t.lower not in sources.PROXIMITY_LINKS or k == 0 or (
            t.lower in sources.TOPIC_LINKS and toks[k - 1].lower not in sources.PROXIMITY_WORDS
        ):  # ``a diplomat briefed on the talks``, not ``officials on the pier``
            if t.lower in CLAUSE_WORDS and not (k == left and t.lower in pronouns.OBJECT_PRONOUNS):
                return None  # ``colleagues to drop him after the magnate claimed``
            continue
        h = k - 1
        proximity = toks[h].lower in sources.PROXIMITY_WORDS
        if proximity:
            h -= 1
        elif category(toks[h]) is not _CAT_SRC:
            return None  # ``Ruiz went with the mayor and said``
        if h < 0 or toks[h].kind is not _WORD:
            return None
        head = toks[h].lower
        if head in sources.SOURCE_PRONOUNS:
            first = h
        elif category(toks[h]) is _CAT_SRC or proximity and category(toks[h]) is _CAT_ROLE:
            # ``a senior diplomat briefed on the talks``
            first = chunk_backward(toks, h)
            if first > h:
                first = h
        else:
            return None
        plural = is_plural([t.lower for t in toks[first:h + 1]]) and (
            head not in naming.SINGULAR_SOURCE_PRONOUNS)
        roles = tuple(t.lower for t in toks[first:h + 1] if category(t) is _CAT_ROLE)
        return Mention(toks[first].start, toks[left].end, text[toks[first].start:toks[left].end],
                       _ANONYMOUS, plural=plural, roles=roles)
    return None


def noun_phrase_before(text: str, toks: Sequence[Tok], e: int) -> Mention | None:
    """The mention or description ending at ``toks[e]`` (``Ruiz, who said``)."""
    m = classify(text, toks, chunk_backward(toks, e), e + 1)
    return m if m is not None else describe_backward(text, toks, e)


#: How many tokens a phrase opening a sentence before its subject may take.
MAX_FRONTED = 20
#: How far back from a participle cue ``with`` may open its absolute phrase.
MAX_ABSOLUTE = 16


def absolute_subject(text: str, toks: Sequence[Tok], cue: Cue) -> Mention | None:
    """For rule ``subject-absolute``: in ``…, with a port aide, Teo Lind, claiming that …`` the
    noun phrase after ``with`` speaks, not the sentence's subject; ``with`` must open the
    phrase after a comma or at the sentence start (not ``Ruiz met with Lind, saying``)."""
    w = -1
    for k in range(cue.first - 1, max(-1, cue.first - 1 - MAX_ABSOLUTE), -1):
        t = toks[k]
        if t.kind is _QUOTE or is_boundary(toks, k) or t.text in {";", ":"}:
            return None
        if t.lower == "with":
            w = k
            break
        if t.kind is _WORD and t.text.islower() and lex.lemma_of(t.lower) is not None:
            return None  # another cue in between
    if w < 0 or not (w == 0 or toks[w - 1].text == "," or is_boundary(toks, w - 1)):
        return None
    end = chunk_forward(toks, w + 1)
    m = classify(text, toks, w + 1, end)
    if m is not None and end + 1 < cue.first and toks[end].text == ",":
        end2 = chunk_forward(toks, end + 1)  # ``with a port aide, Teo Lind, claiming``
        inner = classify(text, toks, end + 1, end2)
        if inner is not None and inner.kind is _NAME:
            m = attrs.evolve(inner, roles=inner.roles + m.roles,
                             role_phrases=inner.role_phrases + m.role_phrases,
                             nationality=inner.nationality or m.nationality)
            end = end2
    if m is None or m.kind is _PRONOUN and m.text.lower() == "it":
        return None
    if m.kind is _NAME and end + 1 < cue.first and toks[end].lower in (
        grammar.AFFILIATION_LINKS
    ):
        end = max(end, chunk_forward(toks, end + 1))  # ``with Teo Lind of Kessel Bank saying``
    if m.kind is _NAME and end + 1 < cue.first and toks[end].text == "," and (
        toks[cue.first - 1].text == "," and cue.first - end <= MAX_APPOSED + 2
        and all(t.kind in (_WORD, _POSS) for t in toks[end + 1:cue.first - 1])
    ):
        end = cue.first - 1  # ``with Lisbet Varga, a political scientist at Harlow, saying``
    rest = cue.first - end
    return m if rest == 0 or rest == 1 and toks[end].text == "," else None


#: Tokens between ``who`` and a later apposition inside its relative clause.
MAX_RELATIVE_SPAN = 12


def apposed_to_head(text: str, toks: Sequence[Tok], m: Mention) -> Mention:
    """``Tomas Brevik, a senior engineer who said …``: the name the head is apposed to."""
    h = skip_age(toks, tok_at(toks, m.start))  # ``Gene, 71, a retired ferry mechanic …``
    if h >= 2 and toks[h - 1].text == ",":
        named = classify(text, toks, chunk_backward(toks, h - 2), h - 1)
        if named is not None and named.kind is _NAME:
            return attrs.evolve(named, roles=named.roles + m.roles,
                                role_phrases=named.role_phrases + m.role_phrases)
    return m


def person_before_place(text: str, toks: Sequence[Tok], m: Mention) -> Mention | None:
    """Rule ``person-before-place``: ``Nicky Doyle, 24, from Kester, who said …``: the
    person before ``from``/``of``/``in`` and an age speaks, not the place."""
    h = tok_at(toks, m.start)
    if h < 2 or toks[h - 1].lower not in grammar.ORIGIN_LINKS or not is_enabled(
            "person-before-place"):
        return None
    h = skip_age(toks, h - 1)
    if toks[h - 1].text == ",":
        h -= 1
    if h < 1 or toks[h - 1].kind is not _WORD:
        return None
    named = classify(text, toks, chunk_backward(toks, h - 1), h)
    return named if named is not None and named.kind is _NAME else None


def apposition_open(toks: Sequence[Tok], left: int) -> int:
    """The comma opening an apposition or relative clause that ends at comma ``left``."""
    p = left - 1
    while p >= 0 and left - p <= 25 and toks[p].text != "," and (
        toks[p].kind is not _QUOTE or nickname(toks, p)
    ) and not is_boundary(toks, p):
        p -= 1
    return p


def merge_roles(m: Mention, other: Mention) -> Mention:
    return attrs.evolve(m, roles=m.roles + other.roles,
                        role_phrases=m.role_phrases + other.role_phrases,
                        nationality=m.nationality or other.nationality)


def relative_clause_head(text: str, toks: Sequence[Tok], start: int) -> Mention | None:
    """Rule ``relative-clause-head``: the name before ``, who`` when the phrase at ``start``
    stands inside that relative clause (``Ruiz, who helped found EDGE, a harbour group,
    said`` → Ruiz, not EDGE)."""
    for k in range(start - 1, max(1, start - MAX_RELATIVE_SPAN) - 1, -1):
        t = toks[k]
        if is_boundary(toks, k) or t.kind is _QUOTE or t.text in {";", ":"}:
            return None
        if t.lower in grammar.NAME_RELATIVES and toks[k - 1].text == "," and k >= 2:
            m = classify(text, toks, chunk_backward(toks, k - 2), k - 1)
            return m if m is not None and m.kind is _NAME else None
    return None


def past_post_nominal(toks: Sequence[Tok], p: int) -> int:
    """Rule ``post-nominal``: the comma before ``, MD`` when ``toks[p]`` is the comma after it
    (``Maren Holt, MD, director of the clinic, said``: Holt speaks, not MD); else ``p``."""
    if p >= 3 and post_nominal(toks[p - 1]) and toks[p - 2].text == "," and (
            toks[p - 3].is_cap):
        return p - 2
    return p


def inverted_mention(text: str, toks: Sequence[Tok], j: int) -> tuple[Mention | None, int]:
    """The noun phrase after an inverted cue's verb at ``j``, and where it ends; an unlisted
    job title before a name is kept (``said harbourmaster Agnes Thorvald``)."""
    n = len(toks)
    end = chunk_forward(toks, j)
    m = classify(text, toks, j, end)
    d = j
    party = is_enabled("party-descriptor")
    while m is None and d < n and d - j < MAX_TITLE_WORDS and (
        descriptor_word(toks[d]) or toks[d].text == "/"  # ``9/11`` is three tokens
        or party and _party_word(toks, d)
    ):
        d += 1
    if m is None and j < d < n and category(toks[d]) is _CAT_CAP:
        end = chunk_forward(toks, d)
        m = classify(text, toks, d, end)
        if m is not None and m.kind is _NAME:
            word = toks[d - 1].lower
            m = attrs.evolve(m, start=toks[j].start, text=text[toks[j].start:m.end],
                             roles=(*m.roles, word), role_phrases=(*m.role_phrases, word))
        else:
            m = None
    elif m is not None and m.kind in (_NAME, _ORGANIZATION) and (
            is_enabled("modifier-name")):
        m, end = _name_after_modifier(text, toks, j, m, end)
    return m, end


def _party_word(toks: Sequence[Tok], d: int) -> bool:
    """Rule ``party-descriptor``: a capitalised party or nationality word inside an unlisted
    title before a name (``said undecided Labour voter Ana Hale``); the next word is
    lower-case."""
    return toks[d].is_cap and category(toks[d]) in (_CAT_MOD, _CAT_NAT) and d + 1 < len(toks) and (
        descriptor_word(toks[d + 1]))


def _name_after_modifier(text: str, toks: Sequence[Tok], j: int, m: Mention, end: int
                         ) -> tuple[Mention, int]:
    """Rule ``modifier-name``: ``said Beacon co-host Teo Lind``, ``said another Chirrup user,
    Jo Bayer``: a name used as a modifier before an unlisted job title and a person's name
    (or a comma and the name); the person speaks."""
    n, d = len(toks), end
    while d < n and d - end < MAX_TITLE_WORDS and descriptor_word(toks[d]):
        d += 1
    if d == end or d + 1 >= n:
        return m, end
    if toks[d].text == ",":  # ``said another Chirrup user, Johanna Bayer``
        d += 1
    if category(toks[d]) is not _CAT_CAP:
        return m, end
    after = chunk_forward(toks, d)
    person = classify(text, toks, d, after)
    if person is None or person.kind is not _NAME:
        return m, end
    word = toks[d - 1].lower
    return attrs.evolve(person, start=toks[j].start, text=text[toks[j].start:person.end],
                        roles=(*person.roles, word),
                        role_phrases=(*person.role_phrases, word)), after


# ------------------------------------------- the sub-steps' rules (sieve ``subject-phrase``)
# Their names reach no trail (the subject rule that called them is named), so their examples
# are checked by switching them off.

register(Rule(
    "dateline", "subject-phrase", "a wire dateline opening the sentence (``KESTERWICK —``, "
    "``KESTERWICK (AP) —``, ``Kesterwick (AP) —``, ``KESTERWICK, Md., Aug 31 (Reuters) -``) is "
    "no subject; the sentence starts after its dash",
    (Example("KESTERWICK — Mila Arden closed the pier, saying the cranes were unsafe.",
             "the cranes were unsafe", "Mila Arden"),
     Example("KESTERWICK, Aug 31 (Reuters) - Mila Arden closed the pier, saying the cranes "
             "were unsafe.", "the cranes were unsafe", "Mila Arden"),
     Example("KESTERWICK, Md. - Inspecting the docks, Mila Arden closed the pier and said the "
             "cranes were unsafe.", "the cranes were unsafe", "Mila Arden"),
     Example("BRILL, Kessex (Wire) – Teo Lind toured the pier, saying the ferry was late.",
             "the ferry was late", "Teo Lind")),
    (Example("Mila Arden closed the pier, saying the cranes were unsafe.",
             "the cranes were unsafe", "Mila Arden"),), by_effect=True))
register(Rule(
    "age-before-name", "subject-phrase", "after a phrase fronting the sentence, an age before "
    "the name (``In Alder, Ohio, 62-year-old Ana Ruiz …``) is skipped: the name is the subject",
    (Example("At a rally in Alder, Kestershire, 62-year-old Mila Arden railed against the "
             "fees and said they were unfair.", "they were unfair", "Mila Arden"),),
    (Example("At a rally in Alder, Kestershire, Mila Arden railed against the fees and said "
             "they were unfair.", "they were unfair", "Mila Arden"),), by_effect=True))
register(Rule(
    "fronted-phrase", "subject-phrase", "a phrase fronting the sentence (``Chastened by the "
    "audit,``, ``In a late post,``) is skipped: the subject follows the comma that closes it",
    (Example("Chastened by the audit, Mila Arden closed the pier, saying the cranes were "
             "unsafe.", "the cranes were unsafe", "Mila Arden"),),
    (Example("Mila Arden closed the pier on Monday, saying the cranes were unsafe.",
             "the cranes were unsafe", "Mila Arden"),), by_effect=True))
register(Rule(
    "fronted-clause", "subject-phrase", "a clause opened by ``after``, ``when``, ``although`` "
    "… fronting the sentence is skipped, with any cue in it: the subject follows its comma",
    (Example("After Teo Lind said the pier was safe, Mila Arden closed it, warning that the "
             "cranes were rusted.", "the cranes were rusted", "Mila Arden"),),
    (Example("Mila Arden closed the pier on Monday, warning that the cranes were rusted.",
             "the cranes were rusted", "Mila Arden"),), by_effect=True))
register(Rule(
    "subject-opening-apposed", "subject-refinement", "a description opening the sentence, "
    "then a name or ``he``/``she`` (``A former pilot, Ruiz closed the pier, saying …``): the "
    "name is the sentence's subject, not the description",
    (Example("A former harbour pilot, Mila Arden closed the pier, saying the cranes were "
             "unsafe.", "the cranes were unsafe", "Mila Arden"),),
    (Example("Mila Arden, a former harbour pilot, closed the pier, saying the cranes were "
             "unsafe.", "the cranes were unsafe"),)))
register(Rule(
    "fronted-place", "subject-phrase", "in a phrase fronting the sentence, the region after a "
    "town (``At a rally in Alder, Ohio,``) is no subject: the subject follows the next comma",
    (Example("Speaking at a rally in Alder, Kestershire, Mila Arden attacked the plan, saying "
             "it was reckless.", "it was reckless", "Mila Arden"),),
    (Example("Speaking at a rally, Mila Arden attacked the plan, saying it was reckless.",
             "it was reckless", "Mila Arden"),), by_effect=True))
register(Rule(
    "person-before-place", "subject-phrase", "``Nicky Doyle, 24, from Kester, who said …``: "
    "the person before ``from``/``of``/``in`` and an age speaks, not the place",
    (Example("Nicky Doyle, 24, from Kester, who said the pier would close, left early.",
             "the pier would close", "Nicky Doyle"),),
    (Example("Nicky Doyle, who said the pier would close, left early.",
             "the pier would close", "Nicky Doyle"),), by_effect=True))
register(Rule(
    "party-descriptor", "subject-phrase", "after an inverted cue, a party or nationality word "
    "inside an unlisted title before a name (``said undecided Labour voter Ana Hale``) is part of "
    "the title: the person speaks",
    (Example("“The port is finished,” said undecided Labour voter Ana Hale.",
             "The port is finished", "Ana Hale"),),
    (Example("“The port is finished,” said strategist Teo Lind.", "The port is finished",
             "Teo Lind"),), by_effect=True))
register(Rule(
    "modifier-name", "subject-phrase", "after an inverted cue, a name used as a modifier before "
    "an unlisted job title and a person's name (``said Beacon co-host Teo Lind``): the person "
    "speaks",
    (Example("“We are ready,” said Beacon co-host Teo Lind.", "We are ready,", "Teo Lind"),),
    (Example("“We are ready,” said Teo Lind.", "We are ready,", "Teo Lind"),), by_effect=True))


#: Words a figure subject may span before its cue (``more than six in 10 likely voters``).
MAX_FIGURE = 10


def _number(t: Tok) -> bool:
    return t.kind is _WORD and (t.lower in sources.FIGURE_NUMBERS or (
        t.text[:1].isdigit() and t.text.replace(",", "").replace(".", "").isdigit()))


def _figure_at(toks: Sequence[Tok], f: int, limit: int) -> int:
    """Index after the figure opening at ``toks[f]`` (``six in 10``, ``4 out of 5``, ``40
    percent``, ``40 %``), or -1."""
    if not _number(toks[f]) or f + 1 > limit:
        return -1
    nxt = toks[f + 1].lower
    if nxt in sources.FIGURE_UNITS:
        return f + 2
    if nxt == "per" and f + 2 <= limit and toks[f + 2].lower == "cent":
        return f + 3
    j = f + 2 if nxt == "out" and f + 2 <= limit and toks[f + 2].lower == "of" else f + 1
    if toks[j].lower in sources.FIGURE_RATIO_LINKS and j + 1 <= limit and _number(toks[j + 1]):
        return j + 2
    return -1


def figure_subject(text: str, toks: Sequence[Tok], left: int) -> tuple[Mention, int] | None:
    """For rule ``subject-figure``: ``six in 10 voters``, ``more than 40 percent of riders``
    ending at ``toks[left]`` and opening its clause: the share that speaks, and the index of
    the token before it (-1: none)."""
    a = left
    while a > 0 and left - a < MAX_FIGURE and (toks[a - 1].kind is _WORD
                                               or toks[a - 1].text == "%"):
        a -= 1
    for f in range(a, left + 1):
        end = _figure_at(toks, f, left)
        if end < 0:
            continue
        if any(lex.lemma_of(toks[k].lower) or toks[k].lower in CLAUSE_WORDS
               for k in range(end, left + 1)):
            return None  # a verb or a clause between the figure and the cue
        h = f
        while h > a and toks[h - 1].lower in sources.FIGURE_HEDGES:
            h -= 1
        before = toks[h - 1] if h > 0 else None
        if before is not None and not (before.text in {",", ";", ":", "-", "—", "–", "("}
                                       or is_boundary(toks, h - 1)
                                       or before.lower in sources.FIGURE_OPENERS):
            return None
        s, e = toks[h].start, toks[left].end
        return Mention(s, e, text[s:e], _ANONYMOUS), h - 1
    return None
