"""Speaker mentions: noun phrases that can say something, found around a cue.

A mention is chunked from word categories (``category``) without a tagger:
``US President Ana Ruiz`` → role ``president``, nationality ``us``, name ``Ana Ruiz``;
``a senior Chilean official`` → anonymous; ``the ministry`` → organisation; ``she`` → pronoun.

What a chunked phrase is, :func:`classify` decides by the **mention sieve**: the rules of
:data:`ORDER` are tried in turn, each registered in :mod:`quoteattr.rules` with an example and
a counter-example, and the first that decides gives the mention (or decides that the phrase
cannot speak). No quote's trail names them; :func:`recording` lists their decisions. The
function words read here are ``lexicon.mentions``, read at call time.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
from collections.abc import Callable, Iterator, Sequence

import attrs
import regex

from . import lexicon
from .lexicon import cues as lex_cues
from .lexicon import mentions as lexm
from .lexicon import pronouns, sources, titles
from .model import GenderEvidence
from .rules import Example, Rule, first_decision, is_enabled, register
from .tokens import Cat, Tok, TokKind


class MentionKind(enum.StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    ROLE = "role"
    ANONYMOUS = "anonymous"
    ORGANIZATION = "organization"


#: Quotation marks (and spaces) stripped from a quoted nickname (``“Cia”``).
QUOTE_MARKS = "\"“”‘’'«» "
_MAX_NP = 14


_WORD, _POSS, _QUOTE = TokKind.WORD, TokKind.POSS, TokKind.QUOTE
# The categories as module globals too: ``Cat.CAP`` is read through the enum's class, about
# ten times the cost of a global on Python 3.11, and these are read on every word.
_PRON, _DET, _ROLE, _MOD, _NAT, _SRC = Cat.PRON, Cat.DET, Cat.ROLE, Cat.MOD, Cat.NAT, Cat.SRC
_ORG, _HON, _CAP, _CONNECT, _TIME = Cat.ORG, Cat.HON, Cat.CAP, Cat.CONNECT, Cat.TIME
_OTHER, _POSS_CAT = Cat.OTHER, Cat.POSS
_NAME, _PRONOUN, _ROLE_KIND = MentionKind.NAME, MentionKind.PRONOUN, MentionKind.ROLE
_ANONYMOUS, _ORGANIZATION = MentionKind.ANONYMOUS, MentionKind.ORGANIZATION
#: Categories of WORD tokens by text, kept from article to article while the lists
#: :func:`_category` reads stay as they were (:func:`clear_category_cache`).
_CATEGORY_CACHE: dict[str, Cat] = {}
#: The cache's size past which it is emptied at the next article (hostile input).
MAX_CACHED_CATEGORIES = 50_000
_CACHED_FOR: list[tuple[int, ...]] = [()]  # the lexicon state the cache was made in


def _lexicon_state() -> tuple[int, ...]:
    """What the cached categories depend on: :func:`lexicon.version` (every ``extend`` and
    ``extended``), and the identity and size of each list :func:`_category` reads (a word
    added to or taken from a set directly)."""
    lists = (pronouns.SUBJECT_PRONOUNS, titles.HONORIFICS, lexm.TIME_WORDS, titles.ROLES,
             titles.ABBREVIATED_ROLES, sources.SOURCE_NOUNS, sources.ORGANIZATION_NOUNS,
             titles.NATIONALITIES, lexm.LOWER_CASE_NATIONALITIES, lexm.DETERMINERS,
             lexm.ARTICLES, titles.ROLE_MODIFIERS, lexm.CONNECTORS, lexm.FUNCTION_CAPS,
             pronouns.INDEFINITE_PRONOUNS)
    return (lexicon.version(), *map(id, lists), *map(len, lists))


def clear_category_cache(force: bool = False) -> None:
    """Forget the cached categories when the lexicon changed since they were made, when
    the cache grew past :data:`MAX_CACHED_CATEGORIES`, or with ``force`` (done at the start
    of every article, so lexicon edits count; an edit that swaps one word for another in a
    set directly, keeping its size, needs ``force``)."""
    state = _lexicon_state()
    if force or state != _CACHED_FOR[0] or len(_CATEGORY_CACHE) > MAX_CACHED_CATEGORIES:
        _CATEGORY_CACHE.clear()
        _CACHED_FOR[0] = state


def category(tok: Tok) -> Cat:
    """The word category of one token (kept on the token, and cached by text)."""
    cat = tok.cat
    if cat is None:
        kind = tok.kind
        if kind is _WORD:
            cat = _CATEGORY_CACHE.get(tok.text)
            if cat is None:
                cat = _CATEGORY_CACHE[tok.text] = _category(tok)
        else:
            cat = _POSS_CAT if kind is _POSS else _OTHER
        tok.cat = cat
    return cat


def categorize(toks: Sequence[Tok]) -> None:
    """Give every token of ``toks`` its category (:func:`category`, in one loop)."""
    for tok in toks:
        if tok.cat is None:
            category(tok)


def _category(tok: Tok) -> Cat:
    if tok.kind is _POSS:
        return _POSS_CAT
    if tok.kind is not _WORD:
        return _OTHER
    low = tok.lower.rstrip(".")
    if low in pronouns.SUBJECT_PRONOUNS and (low != "i" or tok.text == "I"):
        return _PRON
    if low in titles.HONORIFICS and tok.is_cap:
        return _HON
    if low in lexm.TIME_WORDS:
        return _TIME
    if low in titles.ROLES or (low in titles.ABBREVIATED_ROLES and tok.is_cap
                               and tok.text.endswith(".")):
        return _ROLE
    if low in sources.SOURCE_NOUNS:
        return _SRC
    if low in sources.ORGANIZATION_NOUNS and not tok.is_cap:
        return _ORG
    if low in titles.NATIONALITIES and (tok.is_cap or low in lexm.LOWER_CASE_NATIONALITIES):
        return _NAT
    if low in lexm.DETERMINERS and not tok.is_cap or low in lexm.ARTICLES:
        return _DET
    if low in titles.ROLE_MODIFIERS:
        return _MOD
    if low in lexm.CONNECTORS:
        return _CONNECT
    if tok.is_cap and low not in lexm.FUNCTION_CAPS and low not in pronouns.INDEFINITE_PRONOUNS:
        return _CAP  # (the indefinite pronouns are function words too: ``Nobody``)
    return _OTHER


#: A tuple, not a set: membership by identity, without hashing an enum.
_NP_CATS = (_ROLE, _MOD, _NAT, _SRC, _CAP, _HON, _ORG)
_TRAILING = (_CONNECT, _DET, _POSS_CAT)  # left off a phrase's end
_HEAD_CATS = (_ROLE, _SRC, _ORG)  # nouns a modifier word may stand before


@attrs.frozen(slots=True)
class Mention:
    """A speaker noun phrase: tokens ``toks[i:j]`` of a paragraph."""

    start: int
    end: int
    text: str
    kind: MentionKind
    name: str | None = None  # the proper name inside (``Ana Ruiz``), if any
    roles: tuple[str, ...] = ()
    nationality: str | None = None
    gender: str | None = None
    possessor: str | None = None  # ``Ruiz`` in ``Ruiz's spokesperson``
    plural: bool = False
    gender_evidence: GenderEvidence | None = None  # what gave ``gender``
    role_phrases: tuple[str, ...] = ()  # ``roles`` as the text groups them, for output


def _good_connector(toks: Sequence[Tok], k: int) -> bool:
    """``of``/``to`` inside a role phrase: ``secretary of state``, ``ambassador to Chile``."""
    if k == 0 or k + 1 >= len(toks):
        return False
    before, after = category(toks[k - 1]), category(toks[k + 1])
    if toks[k].lower in lexm.ORGANIZATION_LINKS and toks[k - 1].is_cap and after is _CAP and (
        toks[k - 1].lower in sources.ORGANIZATION_HEADS
    ):
        return True  # ``Chamber of Commerce``, ``Center for Harbour Studies``
    return before in (_ROLE, _SRC) and (
        after in (_CAP, _ROLE, _MOD, _NAT) or toks[k + 1].lower == "the"
    )


def _particle(toks: Sequence[Tok], j: int) -> bool:
    """``del`` in ``Guillermo del Toro``: a name particle between capitalised name words."""
    particles = titles.NAME_PARTICLES
    if toks[j].text not in particles:
        return False
    n = len(toks)
    a, b = j, j  # the run of particles: ``de la`` in ``Ana de la Vega``
    while a - j > -2 and a > 0 and toks[a - 1].text in particles:
        a -= 1
    while b - a < 1 and b + 1 < n and toks[b + 1].text in particles:
        b += 1
    return a > 0 and b + 1 < len(toks) and category(toks[a - 1]) is _CAP and (
        category(toks[b + 1]) is _CAP
    )


def nickname(toks: Sequence[Tok], j: int) -> bool:
    """``“Cia”`` in ``Marcia “Cia” Price``: a quotation of one or two capitalised words
    between two capitalised words."""
    t = toks[j]
    if t.kind is not _QUOTE or not 0 < j < len(toks) - 1:
        return False
    words = t.text.strip(QUOTE_MARKS).split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words) and (
        category(toks[j - 1]) is _CAP and category(toks[j + 1]) is _CAP
    )


#: A noun phrase's edge (sieve ``mention-shape``, by its effect: no trail names a chunk).
TRAILING_MODIFIER = register(Rule(
    "trailing-modifier", "mention-shape", "a noun phrase chunked forward does not end in a "
    "connector, determiner, possessive or adverb (``Ruiz first revealed`` ends at ``Ruiz``)",
    (Example("Weeks later, Teo Lind first toured the pier, saying the ferry was late.",
             "the ferry was late", "Teo Lind"),),
    (Example("Weeks later, Teo Lind toured the pier, saying the ferry was late.",
             "the ferry was late", "Teo Lind"),), by_effect=True)).name


#: A name's last word (sieve ``mention-shape``, by its effect: the speaker rule is named).
NATIONALITY_SURNAME = register(Rule(
    "nationality-surname", "mention-shape", "a nationality or country word right after a "
    "capitalised first name is the name's surname (``Ana French``, ``Rep. Teo Israel``)",
    (Example("Columnist Teo French said the ferry was late.", "the ferry was late",
             "Teo French"),),
    (Example("French officials said the ferry was late.", "the ferry was late",
             "French officials"),), by_effect=True)).name


def chunk_forward(toks: Sequence[Tok], i: int) -> int:
    """End index (exclusive) of the noun phrase starting at ``toks[i]``, or ``i``."""
    n = len(toks)
    if i >= n:
        return i
    c = toks[i].cat or category(toks[i])
    if c is _PRON:
        return i + 1
    j = i
    if c is _DET:
        j += 1
        if j < n and _AGE.fullmatch(toks[j].text):
            j += 1  # ``the 61-year-old (Dutchman)``: an age description
            if j >= n or category(toks[j]) not in _NP_CATS:
                return j
    start_body = j
    while j < n and j - i < _MAX_NP:
        c = toks[j].cat or category(toks[j])  # (the category kept on the token, if any)
        if c in _NP_CATS or c is _TIME and _surname_like(toks, j, j - 1):
            j += 1
        elif j > start_body and (_particle(toks, j) or nickname(toks, j)):
            j += 1
        elif c is _OTHER and _modifier_word(toks[j]) and (
            _is_head_noun(toks, j + 1) or _is_head_noun(toks, j + 2)
            and category(toks[j + 1]) is not _DET
        ) and not (j > start_body and category(toks[j - 1]) is _CAP):
            # ``a senior port official`` (not ``The prosecutor shook her head``, nor ``Gareth
            # Sillitoe unveiled striker Ilunga``: a name ends the phrase)
            j += 1
        elif c is _POSS_CAT and j > start_body:
            j += 1
        elif c is _CONNECT and _good_connector(toks, j):
            j += 1
            if j < n and toks[j].lower == "the":
                j += 1
        elif j > start_body and toks[j].lower in lexm.NAME_CONJUNCTIONS and toks[j - 1].is_cap and (
            _organization_after_and(toks, j, i + _MAX_NP)
        ):
            j += 1  # ``the Software and Allied Workers Union``
        else:
            break
    kept = j
    while j > start_body and ((toks[j - 1].cat or category(toks[j - 1])) in _TRAILING or (
        toks[j - 1].text in titles.ADVERB_MODIFIERS
    )):
        j -= 1  # rule trailing-modifier: ``Ruiz first revealed`` ends at ``Ruiz``
    if j < kept and not is_enabled(TRAILING_MODIFIER):  # (the switch read only when it trims)
        j = kept
    if j == start_body:
        return i
    # post-modifiers of unnamed sources: ``sources familiar with the matter``
    if toks[j - 1].cat is _SRC and j < n and (  # (the loop above gave it its category)
        toks[j].lower in sources.PROXIMITY_WORDS or toks[j].lower == "with"
    ):
        return _words_end(toks, j, 8)
    return j


def _words_end(toks: Sequence[Tok], j: int, most: int) -> int:
    """Index after the run of at most ``most`` WORD tokens from ``toks[j]``."""
    k, n = j, len(toks)
    while k < n and k - j < most and toks[k].kind is _WORD:
        k += 1
    return k


def _organization_after_and(toks: Sequence[Tok], j: int, limit: int) -> bool:
    """The capitalised words after ``and`` at ``toks[j]`` end in an organisation head
    (``Software and Allied Workers Union``), so ``and`` is inside one name."""
    k = j + 1
    while k < min(len(toks), limit) and toks[k].is_cap and category(toks[k]) in (
        _CAP, _MOD, _NAT
    ):
        k += 1
    return k > j + 1 and toks[k - 1].lower in sources.ORGANIZATION_HEADS


#: Tokens a partitive's group noun phrase may take (``two of the people familiar with it``).
MAX_PARTITIVE = 8


def partitive(text: str, toks: Sequence[Tok], i: int, limit: int
              ) -> tuple[Mention, int] | None:
    """Rule ``partitive-source``: ``one of them``, ``Two of the people`` opening at
    ``toks[i]`` and ending before ``limit``: an unnamed source picked from a group, and the
    index after it."""
    if i < 0 or i + 2 >= limit or toks[i].lower not in sources.PARTITIVE_QUANTIFIERS or (
        toks[i + 1].lower != "of" or toks[i + 2].lower not in sources.PARTITIVE_POINTERS
    ):
        return None
    j = i + 3
    if toks[i + 2].lower == "the":
        while j < limit and j - i < MAX_PARTITIVE and toks[j].kind is _WORD and (
            toks[j].lower not in lexm.CLAUSE_WORDS and not lex_cues.lemma_of(toks[j].lower)
        ):
            j += 1
        if j == i + 3:
            return None
    if j > limit:
        return None
    start, end = toks[i].start, toks[j - 1].end
    return Mention(start, end, text[start:end], _ANONYMOUS), j


def _before_parenthesis(toks: Sequence[Tok], e: int) -> int:
    """The index before the ``(`` opening the short parenthesis that ``toks[e]`` closes,
    else ``e``."""
    o = e - 1
    while o >= 0 and e - o < 10 and toks[o].text != "(":
        o -= 1
    return o - 1 if o > 0 and toks[o].text == "(" else e


def chunk_backward(toks: Sequence[Tok], e: int) -> int:
    """Start index of the noun phrase ending at ``toks[e]`` (inclusive), or ``e + 1``."""
    if e < 0:
        return e + 1
    if category(toks[e]) is _PRON:
        return e
    if toks[e].text == ")":  # ``Jane Roe (D-Calif.) said``: skip the party label
        e = _before_parenthesis(toks, e)
    j = e
    while j >= 0 and e - j < _MAX_NP:
        c = toks[j].cat or category(toks[j])  # (the category kept on the token, if any)
        if c in _NP_CATS or (c is _POSS_CAT and j < e) or (
            c is _TIME and _surname_like(toks, j, j - 1)
        ) or (
            j < e and (_particle(toks, j) or nickname(toks, j))
        ):
            j -= 1
        elif j < e and _noun_modifier(toks, j, j + 1):
            j -= 1  # ``port director Teo Lind``
        elif j < e and toks[j].lower in lexm.NAME_CONJUNCTIONS and j > 0 and (
            toks[j - 1].is_cap and category(toks[j - 1]) is _CAP
            and toks[e].lower in sources.ORGANIZATION_HEADS
        ):
            j -= 1  # ``the Software and Allied Workers Union``: one organisation
        elif c is _CONNECT and _good_connector(toks, j):
            j -= 1
        else:
            break
    start = j + 1
    if start > e:
        return e + 1
    if j >= 1 and _AGE.fullmatch(toks[j].text) and toks[j - 1].lower in lexm.AGE_DETERMINERS:
        return j - 1  # ``the 49-year-old Dutchman``: an age description
    if j >= 0 and category(toks[j]) is _DET:
        start = j
    while start <= e and category(toks[start]) in (_CONNECT, _POSS_CAT):
        start += 1
    return start


_AGE = regex.compile(r"\d{1,3}-year-old")
_AGE_DESCRIPTION = regex.compile(r"the\s+\d{1,3}-year-old(?:\s+[\p{L}-]+){0,2}?(?:\s+([\p{L}-]+))?",
                                  regex.I)


def age_description(surface: str) -> str | None:
    """Rule ``age-description``: ``the 54-year-old`` or ``the 49-year-old Dutchman`` refers
    back to a person like a pronoun. Returns the gender its noun tells (``"m"``, ``"f"``, or
    ``""`` when it tells none), or None when ``surface`` is no age description."""
    if "year-old" not in surface:
        return None  # (the common case, without a regex)
    m = _AGE_DESCRIPTION.fullmatch(surface.strip())
    if m is None:
        return None
    head = (m.group(1) or "").lower()
    return next((g for end, g in lexm.GENDERED_ENDINGS.items() if head.endswith(end)), "")


def _surname_like(toks: Sequence[Tok], j: int, first: int) -> bool:
    """A capitalised month after a first name is a surname: ``Theresa May``. (Callers that
    know ``toks[j]`` is no TIME word skip the call.)"""
    return (category(toks[j]) is _TIME and toks[j].is_cap and first >= 0
            and category(toks[first]) is _CAP and toks[first].end + 1 == toks[j].start)


def _modifier_word(t: Tok) -> bool:
    """A plain lower-case word that is not a function word or a reporting verb."""
    if not (t.kind is _WORD and t.text.islower() and t.text.replace("-", "").isalpha()):
        return False
    low = t.text
    return not (low in lexm.FUNCTION_CAPS or low in pronouns.INDEFINITE_PRONOUNS
                or low in lexm.CONNECTORS or lex_cues.lemma_of(low))


def descriptor_word(t: Tok) -> bool:
    """A lower-case word of an unlisted title before a name: ``harbour``, ``pilot`` in
    ``longtime harbour pilot Ana Brandt``, ``9/11`` in ``9/11 widow Ana Brandt``."""
    if t.kind is not _WORD or t.is_cap:
        return False
    if any(ch.isdigit() for ch in t.text):
        return True
    return _modifier_word(t) and t.text not in lexm.CLAUSE_WORDS and t.text not in lexm.DETERMINERS


def _is_head_noun(toks: Sequence[Tok], head: int) -> bool:
    return head < len(toks) and (toks[head].cat or category(toks[head])) in _HEAD_CATS


def _noun_modifier(toks: Sequence[Tok], j: int, head: int) -> bool:
    """A lower-case noun before a role or source noun: ``port`` in ``port director``."""
    if head >= len(toks) or category(toks[j]) is not _OTHER:
        return False
    return _modifier_word(toks[j]) and _is_head_noun(toks, head)


def _is_name_word(tok: Tok) -> bool:
    c = tok.cat or category(tok)
    return c is _CAP or (c is _TIME and tok.is_cap and tok.lower not in lexm.TIME_WEEKDAYS)


def post_nominal(t: Tok) -> bool:
    """``MD``, ``PhD``, ``Ph.D.``: a credential written after a name (rule
    ``post-nominal``), upper case in part, never a word of the name."""
    return t.kind is _WORD and t.text != t.lower and (
        t.lower.replace(".", "") in titles.POST_NOMINALS)


# ---------------------------------------------------------------- the mention sieve


@attrs.frozen(slots=True)
class _Title:
    """What the words before a phrase's name (or all its words) say: ``US President``."""

    roles: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()  # ``roles`` as the text groups them
    nationality: str | None = None
    gender: str | None = None
    evidence: GenderEvidence | None = None
    possessor: str | None = None  # ``Ruiz`` in ``Ruiz's spokesperson``


_NO_TITLE = _Title()


@attrs.define(slots=True)  # (not frozen: built once per call, read by the rules, and
class _Phrase:  # a frozen class takes twice as long to build on this hot path)
    """The noun phrase ``toks[i:j]`` the mention sieve reads (one per :func:`classify` call)."""

    text: str
    toks: Sequence[Tok]
    i: int
    whole: int  # the end :func:`classify` was given
    j: int  # the end before a party label and trailing words (``sources familiar with …``)
    start: int
    end: int
    surface: str  # text[start:end], the mention's text
    span: Sequence[Tok]  # toks[i:j]
    cats: list[Cat]
    low_words: list[str]
    k: int  # where the proper name at the end of the phrase starts (``j``: none)
    name_toks: Sequence[Tok]  # that name, empty when it is an affiliation (``ambassador to Chile``)
    name: str  # the text of ``name_toks``
    title: _Title

    def plain(self, kind: MentionKind, name: str | None = None, plural: bool = False
              ) -> Mention:
        """A mention of ``kind`` with no title."""
        return Mention(self.start, self.end, self.surface, kind, name=name, plural=plural)

    def titled(self, kind: MentionKind, name: str | None = None, plural: bool = False
               ) -> Mention:
        """A mention of ``kind`` with the roles and nationality of its title."""
        t = self.title
        return Mention(self.start, self.end, self.surface, kind, name=name, roles=t.roles,
                       role_phrases=t.phrases, nationality=t.nationality, plural=plural)

    def person(self, kind: MentionKind, name: str | None = None) -> Mention:
        """A mention of ``kind`` with its whole title: roles, nationality, gender and (for a
        mention with no name) the owner of its role."""
        t = self.title
        return Mention(self.start, self.end, self.surface, kind, name=name, roles=t.roles,
                       role_phrases=t.phrases, nationality=t.nationality, gender=t.gender,
                       gender_evidence=t.evidence, possessor=None if name else t.possessor)


class _NoMention:
    """A mention rule's decision that the phrase cannot speak (the sieve stops)."""


NO_MENTION = _NoMention()
_MentionFn = Callable[[_Phrase], "Mention | _NoMention | None"]
_RULES: list[tuple[Rule, _MentionFn]] = []


def _mention_rule(name: str, summary: str, example: Example, counter: Example
                  ) -> Callable[[_MentionFn], _MentionFn]:
    """Register a rule of the mention sieve; ``example.quote`` is the phrase it classifies
    and ``example.speaker`` the name its mention holds (see :func:`recording`)."""
    def wrap(fn: _MentionFn) -> _MentionFn:
        _RULES.append((register(Rule(name, "mention", summary, (example,), (counter,))), fn))
        return fn
    return wrap


@_mention_rule("mention-credential", "a credential alone (``MD``, ``PhD``) cannot speak",
               Example("Maren Holt, MD, said the dose was safe.", "MD"),
               Example("Dr. Maren Holt said the dose was safe.", "Dr. Maren Holt",
                       "Maren Holt"))
def mention_credential(p: _Phrase) -> _NoMention | None:
    toks = p.toks
    first = toks[p.i]
    if first.kind is not _WORD or first.text == first.lower:
        return None  # (the usual case: the first word is no credential, ``post_nominal``)
    for k in range(p.i, p.whole):
        if not post_nominal(toks[k]):
            return None
    return NO_MENTION


@_mention_rule("mention-age-description", "``the 61-year-old``: an unnamed person, resolved "
               "like a pronoun",
               Example("Mila Arden toured the pier. The 54-year-old said it was safe.",
                       "The 54-year-old"),
               Example("Mila Arden toured the pier. The minister said it was safe.",
                       "The minister"))
def mention_age_description(p: _Phrase) -> Mention | None:
    if "year-old" not in p.surface or age_description(p.surface) is None:
        return None
    return p.plain(_ANONYMOUS)


@_mention_rule("mention-pronoun", "``she``, ``they``: a pronoun with its gender and number",
               Example("“We start today,” she said.", "she"),
               Example("“We start today,” Mila Arden said.", "Mila Arden", "Mila Arden"))
def mention_pronoun(p: _Phrase) -> Mention | None:
    if p.cats[0] is not _PRON or len(p.span) != 1:
        return None
    low = p.low_words[0]
    gender = pronouns.SUBJECT_PRONOUNS.get(low)
    return Mention(p.start, p.end, p.surface, _PRONOUN, gender=gender,
                   plural=low in lexm.PLURAL_PRONOUNS,
                   gender_evidence=GenderEvidence.PRONOUN if gender else None)


@_mention_rule("mention-linked-source", "``a person close to Ruiz``: the source speaks, not "
               "the name after it",
               Example("“The fees will rise,” said a person close to Mila Arden.",
                       "a person close to Mila Arden"),
               Example("“The fees will rise,” said a senior official.", "a senior official"))
def mention_linked_source(p: _Phrase) -> Mention | None:
    cats, low_words = p.cats, p.low_words
    if _SRC not in cats:
        return None  # (the common case, without a loop)
    for n in range(len(cats) - 1):
        if cats[n] is _SRC and low_words[n + 1] in sources.PROXIMITY_WORDS:
            return p.plain(_ANONYMOUS, plural=is_plural(low_words[:n + 1]))
    return None


@_mention_rule("mention-organization-of", "``the Kesterwick Chamber of Commerce``: an "
               "organisation head with ``of``/``for`` and a name",
               Example("The Kesterwick Chamber of Commerce said the fees would rise.",
                       "The Kesterwick Chamber of Commerce", "Kesterwick Chamber of Commerce"),
               Example("The Kesterwick Chamber said the fees would rise.",
                       "The Kesterwick Chamber", "Kesterwick Chamber"))
def mention_organization_of(p: _Phrase) -> Mention | None:
    toks, i, k = p.toks, p.i, p.k
    if not (k < p.j and k - 1 > i and toks[k - 1].lower in lexm.ORGANIZATION_LINKS
            and toks[k - 2].is_cap and toks[k - 2].lower in sources.ORGANIZATION_HEADS):
        return None
    m = k - 2
    while m > i and category(toks[m - 1]) in (_CAP, _MOD, _NAT) and toks[m - 1].is_cap:
        m -= 1
    return p.plain(_ORGANIZATION, name=p.text[toks[m].start:toks[p.j - 1].end])


@_mention_rule("mention-country", "``Canada said``: a country speaks through its government",
               Example("Canada said the fees would rise.", "Canada", "Canada"),
               Example("Canadian officials said the fees would rise.", "Canadian officials"))
def mention_country(p: _Phrase) -> Mention | None:
    span = p.span
    if len(span) == 1 and p.cats[0] is _NAT and span[0].is_cap and (
        titles.NATIONALITIES[p.low_words[0]] == p.low_words[0]
    ):
        return p.plain(_ORGANIZATION, name=span[0].text)
    return None


@_mention_rule("mention-source-at", "``Two officials at the health ministry``: the source noun "
               "before a connector heads the phrase",
               Example("Two officials at the harbour ministry said the fees would rise.",
                       "Two officials at the harbour ministry"),
               Example("Two officials said the fees would rise.", "Two officials"))
def mention_source_at(p: _Phrase) -> Mention | None:
    if p.name_toks:
        return None
    cats = p.cats
    link = next((n for n in range(1, len(cats) - 1) if cats[n] is _CONNECT), None)
    if link is None or cats[link - 1] is not _SRC:
        return None
    return p.titled(_ANONYMOUS, plural=is_plural(p.low_words[:link]))


def _document_owner_start(p: _Phrase) -> int | None:
    """Where the capitalised name before the phrase's last (document) word starts, or None
    when the phrase is no ``<Name> <document word>`` (``the Harbour Board report``)."""
    span, cats = p.span, p.cats
    if p.low_words[-1] not in sources.DOCUMENT_NOUNS or len(span) < 2 or (
        cats[-2] is not _CAP or p.title.roles
    ):
        return None
    first = len(span) - 2
    while first > 0 and cats[first - 1] in (_CAP, _NAT, _MOD) and span[first - 1].is_cap:
        first -= 1
    return first


@_mention_rule("mention-document-name", "``the Kester Geological Survey``: a capitalised "
               "document word after a name ends the organisation's name",
               Example("The Kester Geological Survey said the fees would rise.",
                       "The Kester Geological Survey", "Kester Geological Survey"),
               Example("The Kester Board report said the fees would rise.",
                       "The Kester Board report", "Kester Board"))
def mention_document_name(p: _Phrase) -> Mention | None:
    first = _document_owner_start(p) if p.span[-1].is_cap else None
    if first is None:
        return None
    return p.plain(_ORGANIZATION, name=p.text[p.span[first].start:p.span[-1].end])


@_mention_rule("mention-document-owner", "``the Harbour Board report stated``: the "
               "organisation named before a document",
               Example("The Harbour Board report said the fees would rise.",
                       "The Harbour Board report", "Harbour Board"),
               Example("The annual report said the fees would rise.", "The annual report"))
def mention_document_owner(p: _Phrase) -> Mention | None:
    first = _document_owner_start(p)
    if first is None:
        return None
    return p.plain(_ORGANIZATION, name=p.text[p.span[first].start:p.span[-2].end])


def _capitals(p: _Phrase) -> list[str]:
    """The capitalised name words of the phrase (``Ruiz`` in ``the Ruiz campaign``)."""
    return [t.text for t in p.span if category(t) in (_CAP, _MOD, _NAT) and t.is_cap]


@_mention_rule("mention-organization-noun", "``the ministry``, ``the Ruiz campaign``: a "
               "lower-case organisation noun ends the phrase",
               Example("The harbour ministry said the fees would rise.", "The harbour ministry",
                       "The harbour ministry"),
               Example("The harbour minister said the fees would rise.",
                       "The harbour minister"))
def mention_organization_noun(p: _Phrase) -> Mention | None:
    if p.cats[-1] is not _ORG:
        return None
    name = p.surface
    if p.cats[0] is _DET and _capitals(p):
        name = p.text[p.span[1].start:p.end]  # ``the Ruiz campaign`` → ``Ruiz campaign``
    return p.titled(_ORGANIZATION, name=name)


@_mention_rule("mention-organization-head", "``the Kester Port Authority``, ``the Kremlin``: "
               "an organisation head ends the phrase (or is its one-word name)",
               Example("The Kester Port Authority said the fees would rise.",
                       "The Kester Port Authority", "Kester Port Authority"),
               Example("Kester Port director Mila Arden said the fees would rise.",
                       "Kester Port director Mila Arden", "Mila Arden"))
def mention_organization_head(p: _Phrase) -> Mention | None:
    heads, low_words, name_toks = sources.ORGANIZATION_HEADS, p.low_words, p.name_toks
    if not (low_words[-1] in heads or (len(name_toks) == 1 and name_toks[0].lower in heads)
            or " ".join([w for w in low_words if w not in lexm.DETERMINERS]) in heads):
        return None
    caps = _capitals(p)
    span = p.span
    name = " ".join(caps) if caps else p.surface
    if caps and any(t.lower in lexm.NAME_CONJUNCTIONS for t in span):  # ``Software and …``
        first_cap = next(t for t in span if t.is_cap and category(t) is not _DET)
        name = p.text[first_cap.start:p.end]
    if span[0].lower == "the" and not caps:
        name = p.surface[len(span[0].text):].strip()
    return p.titled(_ORGANIZATION, name=name)


@_mention_rule("mention-named-organization", "a name that is a country (with no role) or a "
               "platform in ``lexicon.cues.MEDIA`` (``Truth Social``) is an organisation",
               Example("Telegram said the post was removed.", "Telegram", "Telegram"),
               Example("Mila Arden said the post was removed.", "Mila Arden", "Mila Arden"))
def mention_named_organization(p: _Phrase) -> Mention | None:
    if not p.name_toks:
        return None
    low = p.name.lower()
    if low in titles.NATIONALITIES and not p.title.roles or low in lex_cues.MEDIA:
        return p.plain(_ORGANIZATION, name=p.name)
    return None


@_mention_rule("mention-name", "a proper name, with the title before it (``US President Ana "
               "Ruiz``)",
               Example("Port director Mila Arden said the fees would rise.",
                       "Port director Mila Arden", "Mila Arden"),
               Example("The port director said the fees would rise.", "The port director"))
def mention_name(p: _Phrase) -> Mention | None:
    return p.person(_NAME, name=p.name) if p.name_toks else None


@_mention_rule("mention-unnamed-source", "``senior officials``, ``a source``: a source noun, "
               "an indefinite or a plural phrase with no name",
               Example("Senior officials said the fees would rise.", "Senior officials"),
               Example("The spokesman said the fees would rise.", "The spokesman"))
def mention_unnamed_source(p: _Phrase) -> Mention | None:
    cats, low_words = p.cats, p.low_words
    head, last = low_words[-1], cats[-1]
    if not (last is _SRC or (cats[0] is _DET and low_words[0] in lexm.INDEFINITE) or (
        head.endswith("s") and head not in titles.ROLES and last is not _ROLE
    )) or not (last in (_SRC, _ROLE) or head in sources.SOURCE_NOUNS):
        return None
    if low_words[0] in lexm.DEFINITE and last is _ROLE:
        return None
    return p.titled(_ANONYMOUS, plural=head.endswith("s"))


@_mention_rule("mention-indefinite-role", "``A spokeswoman for Ana Ruiz said``: an indefinite "
               "role is an unnamed source, not a role to resolve",
               Example("A spokeswoman for Mila Arden said the fees would rise.",
                       "A spokeswoman for Mila Arden"),
               Example("The spokeswoman for Mila Arden said the fees would rise.",
                       "The spokeswoman for Mila Arden"))
def mention_indefinite_role(p: _Phrase) -> Mention | None:
    if p.title.roles and p.cats[0] is _DET and p.low_words[0] in lexm.INDEFINITE:
        return p.person(_ANONYMOUS)
    return None


@_mention_rule("mention-role", "``the minister``: a role, resolved to whoever holds it",
               Example("The harbour minister said the fees would rise.", "The harbour minister"),
               Example("A minister said the fees would rise.", "A minister"))
def mention_role(p: _Phrase) -> Mention | None:
    return p.person(_ROLE_KIND) if p.title.roles else None


#: The mention sieve, in the order its rules are tried.
ORDER: tuple[str, ...] = tuple(r.name for r, _ in _RULES)


def _core_end(toks: Sequence[Tok], i: int, j: int) -> int:
    """The end of the phrase ``toks[i:j]`` before a party label (``Jane Roe (D-Calif.)``) and
    the trailing words no category covers (``sources familiar with the matter``)."""
    for k in range(i, j):
        if toks[k].text == "(":
            j = k
            break
    while j - 1 > i and (c := toks[j - 1].cat or category(toks[j - 1])) not in _NP_CATS and not (
        c is _TIME and _surname_like(toks, j - 1, j - 2)
    ):
        j -= 1
    return j


def _name_start(toks: Sequence[Tok], i: int, j: int) -> int:
    """Where the proper name ending ``toks[i:j]`` starts: the last run of capitalised
    non-title words, particles and nicknames (``j`` when there is none); a nationality
    word right after a first name ends it as a surname (rule ``nationality-surname``)."""
    k = j - 1 if j - 2 >= i and _nationality_surname(toks, j - 1) and is_enabled(
        NATIONALITY_SURNAME) else j
    while k > i and (_is_name_word(toks[k - 1]) or k < j and (
        _particle(toks, k - 1) or nickname(toks, k - 1)
    )):
        k -= 1
    return k


def _nationality_surname(toks: Sequence[Tok], j: int) -> bool:
    """``toks[j]`` is a capitalised nationality or country word right after a capitalised
    name word: a surname (``Ana French``), not the country (``Kester Today``'s ``Today``)."""
    t, first = toks[j], toks[j - 1]
    return (t.is_cap and (t.cat or category(t)) is _NAT and not t.text.isupper()
            and (first.cat or category(first)) is _CAP and first.is_cap
            and not first.text.isupper() and first.end + 1 == t.start)


def _affiliation(toks: Sequence[Tok], i: int, k: int, name_toks: Sequence[Tok]) -> str | None:
    """``""`` or the owner when the name at ``toks[k:]`` is an affiliation, no speaker's name
    (``ambassador to Chile``; ``Ruiz's KPRT appearance``; ``the spokeswoman for Ana Ruiz``:
    Ruiz's); None when it is the speaker's (``KPRT's Dana Brook``, ``Chile's Lagos``)."""
    if not name_toks or k <= i:
        return None
    before = category(toks[k - 1])
    if before is not _CONNECT and (before is not _POSS_CAT or len(name_toks) >= 2 or (
        k - 2 >= i and toks[k - 2].lower in titles.NATIONALITIES
    )):
        return None
    if toks[k - 1].lower in lexm.OWNER_LINKS and not titles.NATIONALITIES.get(
        name_toks[-1].lower
    ):
        return name_toks[-1].text
    return ""


def _read_title(prefix: Sequence[Tok], cats: Sequence[Cat], owner: str | None) -> _Title:
    """Roles, nationality, gender and possessor told by the words ``prefix``."""
    roles: list[str] = []
    nationality: str | None = None
    gender: str | None = None
    evidence: GenderEvidence | None = None
    possessor = owner
    for n, t in enumerate(prefix):
        low = t.lower.rstrip(".")
        c = cats[n]
        if c is _ROLE:
            low = titles.ABBREVIATED_ROLES.get(low, low)
            roles.append(titles.ROLE_SYNONYMS.get(low, low))
            if gender is None and (gender := titles.GENDERED_ROLES.get(low)):
                evidence = GenderEvidence.ROLE
        elif c is _SRC and low in titles.ROLES:
            roles.append(titles.ROLE_SYNONYMS.get(low, low))
        elif c is _NAT:
            nationality = titles.NATIONALITIES[low]
        elif c is _HON and gender is None and (gender := titles.HONORIFICS.get(low)):
            evidence = GenderEvidence.HONORIFIC
        elif c is _POSS_CAT and n > 0:
            possessor = prefix[n - 1].text
            if prefix[n - 1].lower in titles.NATIONALITIES:
                nationality = titles.NATIONALITIES[prefix[n - 1].lower]
    phrases = role_phrases(prefix, cats) if roles else ()
    return _Title(tuple(roles), phrases, nationality, gender, evidence, possessor)


def _phrase(text: str, toks: Sequence[Tok], i: int, j: int) -> _Phrase | None:
    """The phrase ``toks[i:j]`` read for the sieve, or None when nothing of it is left."""
    whole = j
    if toks[j - 1].text == ")":
        j -= 1
    start, end = toks[i].start, toks[j - 1].end
    j = _core_end(toks, i, j)
    if j <= i:
        return None
    span = toks[i:j]
    cats = [t.cat or category(t) for t in span]  # (the category kept on the token, if any)
    k = _name_start(toks, i, j)
    name_toks = span[k - i:]
    owner = _affiliation(toks, i, k, name_toks)
    if owner is not None:
        name_toks = ()
    prefix = span[: k - i] if name_toks else span
    title = _read_title(prefix, cats, owner or None) if prefix else _NO_TITLE
    name = text[name_toks[0].start:name_toks[-1].end] if name_toks else ""
    return _Phrase(text, toks, i, whole, j, start, end, text[start:end], span, cats,
                   [t.lower for t in span], k, name_toks, name, title)


@attrs.frozen(slots=True)
class Decided:
    """A decision of the mention sieve: ``rule`` classified ``text[start:end]`` (the phrase
    :func:`classify` was given) as ``mention`` (None: it cannot speak)."""

    rule: str
    start: int
    end: int
    mention: Mention | None


_SEEN: contextvars.ContextVar[list[Decided] | None] = contextvars.ContextVar(
    "quoteattr_mention_decisions", default=None)


@contextlib.contextmanager
def recording() -> Iterator[list[Decided]]:
    """The mention sieve's decisions made inside the ``with`` block, in order. No trail holds
    them (a quote's trail starts at its cue), so this is how their examples are checked."""
    seen: list[Decided] = []
    token = _SEEN.set(seen)
    try:
        yield seen
    finally:
        _SEEN.reset(token)


def classify(text: str, toks: Sequence[Tok], i: int, j: int) -> Mention | None:
    """Turn ``toks[i:j]`` into a mention by the first rule of :data:`ORDER` that decides, or
    None when none does or one decides it cannot speak (a credential such as ``MD``)."""
    if j <= i:
        return None
    p = _phrase(text, toks, i, j)
    if p is None:
        return None
    decided = first_decision(_RULES, p)
    if decided is None:
        return None
    m = decided[1]
    mention = m if isinstance(m, Mention) else None
    seen = _SEEN.get()
    if seen is not None:
        seen.append(Decided(decided[0].name, toks[i].start, toks[j - 1].end, mention))
    return mention


def _role_word(word: str, cat: Cat) -> str:
    """A role word as ``roles`` holds it (``spokeswoman`` → ``spokesperson``)."""
    if cat is _ROLE:
        word = titles.ABBREVIATED_ROLES.get(word, word)
    return titles.ROLE_SYNONYMS.get(word, word) if cat in (_ROLE, _SRC) else word


_COMPOUNDS: dict[str, list[tuple[str, ...]]] = {}
_COMPOUNDS_OF: list[int] = [-1]  # the size of ``titles.ROLES`` they were made from


def _compounds() -> dict[str, list[tuple[str, ...]]]:
    """The listed roles of several words (``prime minister``), by first word."""
    if _COMPOUNDS_OF[0] != len(titles.ROLES):
        _COMPOUNDS.clear()
        for role in titles.ROLES:
            words = tuple(role.split())
            if len(words) > 1:
                _COMPOUNDS.setdefault(words[0], []).append(words)
        _COMPOUNDS_OF[0] = len(titles.ROLES)
    return _COMPOUNDS


def _widen(words: Sequence[str], a: int, b: int) -> tuple[int, int]:
    """The run ``words[a:b]`` widened to a listed compound role it is part of."""
    table = _compounds()
    for s in range(max(0, a - 3), b):
        for compound in table.get(words[s], ()):
            e = s + len(compound)
            if e > a and tuple(words[s:e]) == compound:
                a, b = min(a, s), max(b, e)
    return a, b


def role_phrases(prefix: Sequence[Tok], cats: Sequence[Cat]) -> tuple[str, ...]:
    """The roles of a title as the text groups them: a role word after a modifying one
    joins it (``chief executive officer``, ``secretary general``) and a run is widened to a
    listed compound (``prime minister``, ``secretary of state``); two titles side by side
    stay two (``candidate Sen.`` → ``candidate``, ``senator``)."""
    words = [t.lower.rstrip(".") for t in prefix]
    is_role = [c is _ROLE or c is _SRC and w in titles.ROLES
               for c, w in zip(cats, words, strict=False)]
    spans: list[tuple[int, int]] = []
    n = 0
    while n < len(words):
        if not is_role[n]:
            n += 1
            continue
        a = n
        n += 1
        while n < len(words) and is_role[n] and (
            words[n - 1] in titles.ROLE_MODIFIERS or words[n] in lexm.POSTPOSITIVE_ROLES
        ):
            n += 1
        a, b = _widen(words, a, n)
        if spans and spans[-1][1] == a and spans[-1][1] - spans[-1][0] == 1 and (
            words[a - 1] in titles.ROLE_MODIFIERS
        ):  # ``deputy`` before ``prime minister``
            a = spans.pop()[0]
        spans.append((a, b))
        n = max(n, b)
    return tuple(" ".join(_role_word(w, c) for w, c in zip(words[a:b], cats[a:b], strict=True))
                 for a, b in spans)


def is_plural(words: Sequence[str]) -> bool:
    """A noun phrase (lower-case words, head last) names more than one."""
    head = words[-1]
    return head in lexm.PLURAL_NOUNS or head.endswith("s") and not head.endswith("ss") or (
        words[0] in lexm.PLURAL_DETERMINERS)


MAX_DESCRIPTION = 8


def _description(text: str, toks: Sequence[Tok], i: int, j: int) -> Mention | None:
    while i < j and toks[i].lower in lexm.LEADING_ADVERBS:
        i += 1
    if i >= j or j - i > MAX_DESCRIPTION:
        return None
    span = toks[i:j]
    if span[0].kind is not _WORD or span[0].lower in lexm.DESCRIPTION_NOT_FIRST or any(
        t.kind not in (_WORD, _POSS) or t.lower in lexm.CLAUSE_WORDS
        or lex_cues.lemma_of(t.lower) is not None for t in span
    ):
        return None
    head = span[-1].lower
    if not head.isalpha() and "-" not in head:
        return None
    if span[0].lower.endswith("ing") and not span[0].is_cap:
        return None  # ``paying an architect``: a clause, not a speaker
    start, end = span[0].start, span[-1].end
    return Mention(start, end, text[start:end], _ANONYMOUS,
                   plural=head.endswith("s"))


def _verb_like(toks: Sequence[Tok], j: int, endings: tuple[str, ...]) -> bool:
    """``toured`` in ``The panel's chair toured the port``: a lower-case word with a verb
    ending right after a noun looks like the predicate, not part of the subject."""
    t = toks[j]
    return j > 0 and t.kind is _WORD and not t.is_cap and t.lower.endswith(endings) and (
        toks[j - 1].kind is _WORD and category(toks[j - 1]) in (
            _CAP, _OTHER, _SRC, _ROLE, _ORG)
        and toks[j - 1].lower not in lexm.DETERMINERS and toks[j - 1].lower not in lexm.CONNECTORS
    )


def describe_backward(text: str, toks: Sequence[Tok], e: int,
                      relative: bool = True) -> Mention | None:
    """A noun phrase no category covers, from its clause start to ``toks[e]``:
    ``Experts on the port budget`` (before ``said``), ``elected officials from both
    parties``, ``a man`` (before ``who said``). The phrase names an unnamed source; with
    ``relative``, a subject relative clause gives its head (``One of the pilots who …``)."""
    j = e
    while j >= 0 and e - j <= MAX_DESCRIPTION and toks[j].kind in (
        _WORD, _POSS
    ) and toks[j].lower not in lexm.CLAUSE_WORDS:
        j -= 1
    if e - j > MAX_DESCRIPTION:
        return None
    w = next((k for k in range(e - 1, max(0, e - 2 * MAX_DESCRIPTION), -1)
              if toks[k].kind not in (_WORD, _POSS) or toks[k].lower == "who"),
             None)
    if relative and w is not None and toks[w].lower == "who" and toks[w - 1].kind is (
        _WORD
    ):
        # ``One of the doctors who signed the letter said``, ``A man who asked not to be
        # named said``: the head before the relative clause (one clause, no deeper)
        return describe_backward(text, toks, w - 1, relative=False)
    verb = next((k for k in range(e, j + 1, -1) if _verb_like(toks, k, ("ed",))), None)
    if verb is not None:
        # ``… the board mishandled the audit and owners accused …``: after the clause's ``and``
        conj = next((k for k in range(e - 1, verb, -1)
                     if toks[k].lower in lexm.CLAUSE_CONJUNCTIONS), None)
        return None if conj is None else _description(text, toks, conj + 1, e + 1)
    return _description(text, toks, j + 1, e + 1)


def subject_end(toks: Sequence[Tok], i: int, limit: int) -> int:
    """Where the subject that opens a sentence at ``toks[i]`` ends: before the first
    verb-looking word (``Ruiz`` in ``Ruiz toured the port and said``)."""
    j = i
    while j < limit and j - i <= MAX_DESCRIPTION and toks[j].kind in (_WORD,
                                                                       _POSS):
        if j > i and _verb_like(toks, j, ("ed", "s")):
            break
        j += 1
    return j


def describe_forward(text: str, toks: Sequence[Tok], i: int, limit: int) -> Mention | None:
    """The description that opens a sentence at ``toks[i]``, up to :func:`subject_end`."""
    j = subject_end(toks, i, limit)
    return _description(text, toks, i, j) if j > i else None
