"""Speaker mentions: noun phrases that can say something, found around a cue.

A mention is chunked from word categories (``category``) without a tagger:
``US President Ana Ruiz`` → role ``president``, nationality ``us``, name ``Ana Ruiz``;
``a senior Chilean official`` → anonymous; ``the ministry`` → organisation; ``she`` → pronoun.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs
import regex

from .lexicon import cues as lex_cues
from .lexicon import pronouns, sources, titles
from .model import GenderEvidence
from .tokens import Cat, Tok, TokKind


class MentionKind(enum.StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    ROLE = "role"
    ANONYMOUS = "anonymous"
    ORGANIZATION = "organization"


DETERMINERS = {"the", "a", "an", "another", "one", "some", "multiple", "several", "many",
               "two", "three", "four", "five", "other", "its", "his", "her", "their", "our",
               "both", "most", "few", "numerous", "various"}
INDEFINITE = {"a", "an", "another", "one", "some", "multiple", "several", "many", "two",
              "three", "four", "five", "other", "numerous", "various", "few", "most", "both"}
CONNECTORS = {"of", "to", "for", "at", "in"}
#: Quotation marks (and spaces) stripped from a quoted nickname (``“Cia”``).
QUOTE_MARKS = "\"“”‘’'«» "
#: Connectors inside an organisation's name after its head (``Bureau of``, ``Center for``).
ORGANIZATION_LINKS = {"of", "for"}
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "today", "yesterday", "tonight", "tomorrow",
}
TIME_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                 "today", "yesterday", "tonight", "tomorrow"}
#: Capitalised words that open sentences but never names (``But``, ``Meanwhile``).
FUNCTION_CAPS = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "if", "in", "on", "at", "for", "with",
    "from", "by", "to", "of", "as", "after", "before", "during", "while", "when", "since",
    "although", "though", "because", "this", "that", "these", "those", "it", "he", "she",
    "they", "we", "i", "his", "her", "their", "its", "our", "my", "your", "meanwhile",
    "however", "still", "also", "then", "now", "earlier", "later", "last", "next", "there",
    "here", "what", "who", "why", "how", "where", "which", "asked", "pressed", "speaking",
    "according", "instead", "indeed", "nevertheless", "moreover", "yes", "no", "not", "mr",
    "even", "just", "only", "ahead", "despite", "under", "over", "about", "amid",
    "without", "within", "through", "until", "unless", "whether", "both", "all", "some",
    "many", "most", "several", "each", "every", "any", "other", "such", "one", "two",
    "unlike", "like", "among", "against", "across", "toward", "towards", "upon", "via",
    "outside", "inside", "elsewhere", "afterwards", "afterward", "overall", "beyond",
    "having", "being",  # a sentence-opening gerund (``Having lost the vote, …``)
} | pronouns.INDEFINITE_PRONOUNS  # (rule ``indefinite-pronoun``: ``Nobody answered.``)
_MAX_NP = 14


_WORD, _POSS = TokKind.WORD, TokKind.POSS
#: Categories of WORD tokens by text; other kinds need no lexicon.
_CATEGORY_CACHE: dict[str, Cat] = {}


def clear_category_cache() -> None:
    """Forget cached categories (done at the start of every article, so lexicon edits count)."""
    _CATEGORY_CACHE.clear()


def category(tok: Tok) -> Cat:
    """The word category of one token (kept on the token, and cached per article by text)."""
    cat = tok.cat
    if cat is None:
        kind = tok.kind
        if kind is _WORD:
            cat = _CATEGORY_CACHE.get(tok.text)
            if cat is None:
                cat = _CATEGORY_CACHE[tok.text] = _category(tok)
        else:
            cat = Cat.POSS if kind is _POSS else Cat.OTHER
        tok.cat = cat
    return cat


def _category(tok: Tok) -> Cat:
    if tok.kind is TokKind.POSS:
        return Cat.POSS
    if tok.kind is not TokKind.WORD:
        return Cat.OTHER
    low = tok.lower.rstrip(".")
    if low in pronouns.SUBJECT_PRONOUNS and (low != "i" or tok.text == "I"):
        return Cat.PRON
    if low in titles.HONORIFICS and tok.is_cap:
        return Cat.HON
    if low in TIME_WORDS:
        return Cat.TIME
    if low in titles.ROLES or (low in titles.ABBREVIATED_ROLES and tok.is_cap
                               and tok.text.endswith(".")):
        return Cat.ROLE
    if low in sources.SOURCE_NOUNS:
        return Cat.SRC
    if low in sources.ORGANIZATION_NOUNS and not tok.is_cap:
        return Cat.ORG
    if low in titles.NATIONALITIES and (tok.is_cap or low in {"us", "uk", "eu"}):
        return Cat.NAT
    if low in DETERMINERS and not tok.is_cap or low in {"the", "a", "an", "another"}:
        return Cat.DET
    if low in titles.ROLE_MODIFIERS:
        return Cat.MOD
    if low in CONNECTORS:
        return Cat.CONNECT
    if tok.is_cap and low not in FUNCTION_CAPS:
        return Cat.CAP
    return Cat.OTHER


#: A tuple, not a set: membership by identity, without hashing an enum.
_NP_CATS = (Cat.ROLE, Cat.MOD, Cat.NAT, Cat.SRC, Cat.CAP, Cat.HON, Cat.ORG)


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
    if toks[k].lower in ORGANIZATION_LINKS and toks[k - 1].is_cap and after is Cat.CAP and (
        toks[k - 1].lower in sources.ORGANIZATION_HEADS
    ):
        return True  # ``Chamber of Commerce``, ``Center for Harbour Studies``
    return before in (Cat.ROLE, Cat.SRC) and (
        after in (Cat.CAP, Cat.ROLE, Cat.MOD, Cat.NAT) or toks[k + 1].lower == "the"
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
    return a > 0 and b + 1 < len(toks) and category(toks[a - 1]) is Cat.CAP and (
        category(toks[b + 1]) is Cat.CAP
    )


def nickname(toks: Sequence[Tok], j: int) -> bool:
    """``“Cia”`` in ``Marcia “Cia” Price``: a quotation of one or two capitalised words
    between two capitalised words."""
    t = toks[j]
    if t.kind is not TokKind.QUOTE or not 0 < j < len(toks) - 1:
        return False
    words = t.text.strip(QUOTE_MARKS).split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words) and (
        category(toks[j - 1]) is Cat.CAP and category(toks[j + 1]) is Cat.CAP
    )


def chunk_forward(toks: Sequence[Tok], i: int) -> int:
    """End index (exclusive) of the noun phrase starting at ``toks[i]``, or ``i``."""
    n = len(toks)
    if i >= n:
        return i
    c = category(toks[i])
    if c is Cat.PRON:
        return i + 1
    j = i
    if c is Cat.DET:
        j += 1
        if j < n and _AGE.fullmatch(toks[j].text):
            j += 1  # ``the 61-year-old (Dutchman)``: an age description
            if j >= n or category(toks[j]) not in _NP_CATS:
                return j
    start_body = j
    while j < n and j - i < _MAX_NP:
        c = category(toks[j])
        if c in _NP_CATS or _surname_like(toks, j, j - 1):
            j += 1
        elif j > start_body and (_particle(toks, j) or nickname(toks, j)):
            j += 1
        elif c is Cat.OTHER and _modifier_word(toks[j]) and (
            _is_head_noun(toks, j + 1) or _is_head_noun(toks, j + 2)
            and category(toks[j + 1]) is not Cat.DET
        ) and not (j > start_body and category(toks[j - 1]) is Cat.CAP):
            # ``a senior port official`` (not ``The prosecutor shook her head``, nor ``Gareth
            # Sillitoe unveiled striker Ilunga``: a name ends the phrase)
            j += 1
        elif c is Cat.POSS and j > start_body:
            j += 1
        elif c is Cat.CONNECT and _good_connector(toks, j):
            j += 1
            if j < n and toks[j].lower == "the":
                j += 1
        elif j > start_body and toks[j].lower in {"and", "&"} and toks[j - 1].is_cap and (
            _organization_after_and(toks, j, i + _MAX_NP)
        ):
            j += 1  # ``the Software and Allied Workers Union``
        else:
            break
    while j > start_body and (category(toks[j - 1]) in (Cat.CONNECT, Cat.DET, Cat.POSS) or (
        toks[j - 1].text in titles.ADVERB_MODIFIERS
    )):
        j -= 1  # rule trailing-modifier: ``Ruiz first revealed`` ends at ``Ruiz``
    if j == start_body:
        return i
    # post-modifiers of unnamed sources: ``sources familiar with the matter``
    if category(toks[j - 1]) is Cat.SRC and j < n and (
        toks[j].lower in sources.PROXIMITY_WORDS or toks[j].lower == "with"
    ):
        k = j
        while k < n and k - j < 8 and toks[k].kind is TokKind.WORD:
            k += 1
        j = k
    return j


def _organization_after_and(toks: Sequence[Tok], j: int, limit: int) -> bool:
    """The capitalised words after ``and`` at ``toks[j]`` end in an organisation head
    (``Software and Allied Workers Union``), so ``and`` is inside one name."""
    k = j + 1
    while k < min(len(toks), limit) and toks[k].is_cap and category(toks[k]) in (
        Cat.CAP, Cat.MOD, Cat.NAT
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
        while j < limit and j - i < MAX_PARTITIVE and toks[j].kind is TokKind.WORD and (
            toks[j].lower not in CLAUSE_WORDS and not lex_cues.lemma_of(toks[j].lower)
        ):
            j += 1
        if j == i + 3:
            return None
    if j > limit:
        return None
    start, end = toks[i].start, toks[j - 1].end
    return Mention(start, end, text[start:end], MentionKind.ANONYMOUS), j


def chunk_backward(toks: Sequence[Tok], e: int) -> int:
    """Start index of the noun phrase ending at ``toks[e]`` (inclusive), or ``e + 1``."""
    if e < 0:
        return e + 1
    if category(toks[e]) is Cat.PRON:
        return e
    if toks[e].text == ")":  # ``Jane Roe (D-Calif.) said``: skip the party label
        o = e - 1
        while o >= 0 and e - o < 10 and toks[o].text != "(":
            o -= 1
        if o > 0 and toks[o].text == "(":
            e = o - 1
    j = e
    while j >= 0 and e - j < _MAX_NP:
        c = category(toks[j])
        if c in _NP_CATS or (c is Cat.POSS and j < e) or _surname_like(toks, j, j - 1) or (
            j < e and (_particle(toks, j) or nickname(toks, j))
        ):
            j -= 1
        elif j < e and _noun_modifier(toks, j, j + 1):
            j -= 1  # ``port director Teo Lind``
        elif j < e and toks[j].lower in {"and", "&"} and j > 0 and toks[j - 1].is_cap and (
            category(toks[j - 1]) is Cat.CAP and toks[e].lower in sources.ORGANIZATION_HEADS
        ):
            j -= 1  # ``the Software and Allied Workers Union``: one organisation
        elif c is Cat.CONNECT and _good_connector(toks, j):
            j -= 1
        else:
            break
    start = j + 1
    if start > e:
        return e + 1
    if j >= 1 and _AGE.fullmatch(toks[j].text) and toks[j - 1].lower in {"the", "a"}:
        return j - 1  # ``the 49-year-old Dutchman``: an age description
    if j >= 0 and category(toks[j]) is Cat.DET:
        start = j
    while start <= e and category(toks[start]) in (Cat.CONNECT, Cat.POSS):
        start += 1
    return start


_AGE = regex.compile(r"\d{1,3}-year-old")
_AGE_DESCRIPTION = regex.compile(r"the\s+\d{1,3}-year-old(?:\s+[\p{L}-]+){0,2}?(?:\s+([\p{L}-]+))?",
                                  regex.I)
#: Endings of an age description's head noun that tell a gender (``the 61-year-old
#: Frenchwoman``).
GENDERED_ENDINGS: tuple[tuple[str, str], ...] = (("woman", "f"), ("girl", "f"), ("man", "m"),
                                                  ("boy", "m"))


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
    return next((g for end, g in GENDERED_ENDINGS if head.endswith(end)), "")


def _surname_like(toks: Sequence[Tok], j: int, first: int) -> bool:
    """A capitalised month after a first name is a surname: ``Theresa May``."""
    return (category(toks[j]) is Cat.TIME and toks[j].is_cap and first >= 0
            and category(toks[first]) is Cat.CAP and toks[first].end + 1 == toks[j].start)


def _modifier_word(t: Tok) -> bool:
    """A plain lower-case word that is not a function word or a reporting verb."""
    if not (t.kind is TokKind.WORD and t.text.replace("-", "").isalpha() and t.text.islower()):
        return False
    return not (t.text in FUNCTION_CAPS or t.text in CONNECTORS or lex_cues.lemma_of(t.text))


def descriptor_word(t: Tok) -> bool:
    """A lower-case word of an unlisted title before a name: ``harbour``, ``pilot`` in
    ``longtime harbour pilot Ana Brandt``, ``9/11`` in ``9/11 widow Ana Brandt``."""
    if t.kind is not TokKind.WORD or t.is_cap:
        return False
    if any(ch.isdigit() for ch in t.text):
        return True
    return _modifier_word(t) and t.text not in CLAUSE_WORDS and t.text not in DETERMINERS


def _is_head_noun(toks: Sequence[Tok], head: int) -> bool:
    return head < len(toks) and category(toks[head]) in (Cat.ROLE, Cat.SRC, Cat.ORG)


def _noun_modifier(toks: Sequence[Tok], j: int, head: int) -> bool:
    """A lower-case noun before a role or source noun: ``port`` in ``port director``."""
    if head >= len(toks) or category(toks[j]) is not Cat.OTHER:
        return False
    return _modifier_word(toks[j]) and _is_head_noun(toks, head)


def _is_name_word(tok: Tok) -> bool:
    return category(tok) is Cat.CAP or (category(tok) is Cat.TIME and tok.is_cap
                                        and tok.lower not in TIME_WEEKDAYS)


def post_nominal(t: Tok) -> bool:
    """``MD``, ``PhD``, ``Ph.D.``: a credential written after a name (rule
    ``post-nominal``), upper case in part, never a word of the name."""
    return t.kind is TokKind.WORD and t.text != t.lower and (
        t.lower.replace(".", "") in titles.POST_NOMINALS)


def classify(text: str, toks: Sequence[Tok], i: int, j: int) -> Mention | None:
    """Turn ``toks[i:j]`` into a mention, or None when it cannot speak (a credential such as
    ``MD`` alone cannot)."""
    if j <= i or all(post_nominal(toks[k]) for k in range(i, j)):
        return None
    if toks[j - 1].text == ")":
        j -= 1
    start, end = toks[i].start, toks[j - 1].end
    surface = text[start:end]
    for k in range(i, j):
        if toks[k].text == "(":
            j = k  # ``Jane Roe (D-Calif.)``: the party label is not part of the name
            break
    while j - 1 > i and category(toks[j - 1]) not in _NP_CATS and not _surname_like(
        toks, j - 1, j - 2
    ):
        j -= 1  # classify ``sources familiar with the matter`` by ``sources``
    if j <= i:
        return None
    if age_description(surface) is not None:  # ``the 61-year-old``: resolved like a pronoun
        return Mention(start, end, surface, MentionKind.ANONYMOUS)
    span = toks[i:j]
    cats = [category(t) for t in span]
    if cats[0] is Cat.PRON and len(span) == 1:
        low = span[0].lower
        gender = pronouns.SUBJECT_PRONOUNS.get(low)
        return Mention(start, end, surface, MentionKind.PRONOUN, gender=gender,
                       plural=low in {"they", "we"},
                       gender_evidence=GenderEvidence.PRONOUN if gender else None)
    low_words = [t.lower for t in span]
    for p in range(len(span) - 1):
        if cats[p] is Cat.SRC and low_words[p + 1] in sources.PROXIMITY_WORDS:
            # ``a person close to Ruiz``: the source speaks, not the name after it
            return Mention(start, end, surface, MentionKind.ANONYMOUS,
                           plural=is_plural(low_words[:p + 1]))
    # the proper name: the last run of capitalised non-title words
    k = j
    while k > i and (_is_name_word(toks[k - 1]) or k < j and (
        _particle(toks, k - 1) or nickname(toks, k - 1)
    )):
        k -= 1
    name_toks = span[k - i:]
    owner: str | None = None
    if name_toks and k - 1 > i and toks[k - 1].lower in ORGANIZATION_LINKS and (
        toks[k - 2].is_cap
    ) and (
        toks[k - 2].lower in sources.ORGANIZATION_HEADS
    ):
        m = k - 2  # ``the Kesterwick Chamber of Commerce``: an organisation
        while m > i and category(toks[m - 1]) in (Cat.CAP, Cat.MOD, Cat.NAT) and toks[m - 1].is_cap:
            m -= 1
        return Mention(start, end, surface, MentionKind.ORGANIZATION,
                       name=text[toks[m].start:toks[j - 1].end])
    if name_toks and k > i and (category(toks[k - 1]) is Cat.CONNECT or (
        category(toks[k - 1]) is Cat.POSS and len(name_toks) < 2
        and not (k - 2 >= i and toks[k - 2].lower in titles.NATIONALITIES)
    )):
        # ``ambassador to Chile``, ``Ruiz's KPRT appearance``: no name (but ``KPRT's Dana
        # Brook`` is Brook, and ``Chile's Lagos`` is Lagos of Chile)
        if toks[k - 1].lower in {"for", "to"} and not titles.NATIONALITIES.get(
            name_toks[-1].lower
        ):
            owner = name_toks[-1].text  # ``the spokeswoman for Ana Ruiz``: Ruiz's, not Ruiz
        name_toks = []
    roles: list[str] = []
    nationality = None
    gender = None
    evidence = None
    possessor = owner
    prefix = span[: k - i] if name_toks else span
    for n, t in enumerate(prefix):
        low = t.lower.rstrip(".")
        c = cats[n]
        if c is Cat.ROLE:
            low = titles.ABBREVIATED_ROLES.get(low, low)
            roles.append(titles.ROLE_SYNONYMS.get(low, low))
            if gender is None and (gender := titles.GENDERED_ROLES.get(low)):
                evidence = GenderEvidence.ROLE
        elif c is Cat.SRC and low in titles.ROLES:
            roles.append(titles.ROLE_SYNONYMS.get(low, low))
        elif c is Cat.NAT:
            nationality = titles.NATIONALITIES[low]
        elif c is Cat.HON:
            if gender is None and (gender := titles.HONORIFICS.get(low)):
                evidence = GenderEvidence.HONORIFIC
        elif c is Cat.POSS and n > 0:
            possessor = prefix[n - 1].text
            if prefix[n - 1].lower in titles.NATIONALITIES:
                nationality = titles.NATIONALITIES[prefix[n - 1].lower]
    phrases = role_phrases(prefix, cats) if roles else ()
    if len(span) == 1 and cats[0] is Cat.NAT and span[0].is_cap and (
        titles.NATIONALITIES[low_words[0]] == low_words[0]
    ):  # ``Canada said``: a country speaks through its government
        return Mention(start, end, surface, MentionKind.ORGANIZATION, name=span[0].text)
    joined = " ".join(w for w in low_words if w not in DETERMINERS)
    head = low_words[-1]
    caps = [t.text for t in span if category(t) in (Cat.CAP, Cat.MOD, Cat.NAT) and t.is_cap]
    link = next((p for p in range(1, len(span) - 1) if cats[p] is Cat.CONNECT), None)
    if link is not None and cats[link - 1] is Cat.SRC and not name_toks:
        # ``Two officials at the health ministry``: the source noun heads the phrase
        return Mention(start, end, surface, MentionKind.ANONYMOUS, roles=tuple(roles),
                       role_phrases=phrases, nationality=nationality,
                       plural=is_plural(low_words[:link]))
    if head in sources.DOCUMENT_NOUNS and len(span) > 1 and cats[-2] is Cat.CAP and (
        not roles
    ):
        # rule document-owner: ``the Harbour Board report stated`` → the Harbour Board
        first = len(span) - 2
        while first > 0 and cats[first - 1] in (Cat.CAP, Cat.NAT, Cat.MOD) and span[
            first - 1
        ].is_cap:
            first -= 1
        author = text[span[first].start:span[-2].end]
        return Mention(start, end, surface, MentionKind.ORGANIZATION, name=author)
    if cats[-1] is Cat.ORG:
        name = surface
        if cats[0] is Cat.DET and caps:
            name = text[span[1].start:end]  # ``the Ruiz campaign`` → ``Ruiz campaign``
        return Mention(start, end, surface, MentionKind.ORGANIZATION, name=name,
                       roles=tuple(roles), role_phrases=phrases, nationality=nationality)
    if head in sources.ORGANIZATION_HEADS or joined in sources.ORGANIZATION_HEADS or (
        name_toks and len(name_toks) == 1 and name_toks[0].lower in sources.ORGANIZATION_HEADS
    ):
        name = " ".join(caps) if caps else surface
        if caps and any(t.lower in {"and", "&"} for t in span):  # ``Software and Allied …``
            first_cap = next(t for t in span if t.is_cap and category(t) is not Cat.DET)
            name = text[first_cap.start:end]
        if span[0].lower in {"the"} and not caps:
            name = surface[len(span[0].text):].strip()
        return Mention(start, end, surface, MentionKind.ORGANIZATION, name=name,
                       roles=tuple(roles), role_phrases=phrases, nationality=nationality)
    if name_toks:
        name = text[name_toks[0].start:name_toks[-1].end]
        if name.lower() in titles.NATIONALITIES and not roles or (
            name.lower() in lex_cues.MEDIA
        ):  # ``Canada``, and a platform (``Truth Social``): organisations, never a person
            return Mention(start, end, surface, MentionKind.ORGANIZATION, name=name)
        return Mention(start, end, surface, MentionKind.NAME, name=name, roles=tuple(roles),
                       role_phrases=phrases, nationality=nationality, gender=gender,
                       gender_evidence=evidence)
    if cats[-1] is Cat.SRC or (cats[0] is Cat.DET and low_words[0] in INDEFINITE) or (
        head.endswith("s") and head not in titles.ROLES and cats[-1] is not Cat.ROLE
    ):
        if cats[-1] in (Cat.SRC, Cat.ROLE) or head in sources.SOURCE_NOUNS:
            definite = low_words[0] in {"the", "his", "her", "its", "their"}
            if not (definite and cats[-1] is Cat.ROLE):
                return Mention(start, end, surface, MentionKind.ANONYMOUS, roles=tuple(roles),
                               role_phrases=phrases, nationality=nationality,
                               plural=head.endswith("s"))
    if roles and cats[0] is Cat.DET and low_words[0] in INDEFINITE:
        # ``A spokeswoman for Ana Ruiz said``: an unnamed source, not a role to resolve
        return Mention(start, end, surface, MentionKind.ANONYMOUS, roles=tuple(roles),
                       role_phrases=phrases, nationality=nationality, gender=gender,
                       gender_evidence=evidence, possessor=possessor)
    if roles:
        return Mention(start, end, surface, MentionKind.ROLE, roles=tuple(roles),
                       role_phrases=phrases, nationality=nationality, gender=gender,
                       gender_evidence=evidence, possessor=possessor)
    return None


def _role_word(word: str, cat: Cat) -> str:
    """A role word as ``roles`` holds it (``spokeswoman`` → ``spokesperson``)."""
    if cat is Cat.ROLE:
        word = titles.ABBREVIATED_ROLES.get(word, word)
    return titles.ROLE_SYNONYMS.get(word, word) if cat in (Cat.ROLE, Cat.SRC) else word


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
    is_role = [c is Cat.ROLE or c is Cat.SRC and w in titles.ROLES
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
            words[n - 1] in titles.ROLE_MODIFIERS or words[n] in POSTPOSITIVE_ROLES
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


#: Role words that follow the role they qualify (``inspector general``).
POSTPOSITIVE_ROLES = {"general"}


#: Nouns that are plural without an ``-s`` (``three people familiar with …``).
PLURAL_NOUNS = {"people", "police", "staff", "personnel", "clergy", "crew", "media"}
#: Determiners of a plural noun phrase.
PLURAL_DETERMINERS = {"two", "three", "four", "five", "several", "some", "many", "multiple",
                      "numerous", "various", "both", "few"}


def is_plural(words: Sequence[str]) -> bool:
    """A noun phrase (lower-case words, head last) names more than one."""
    head = words[-1]
    return head in PLURAL_NOUNS or head.endswith("s") and not head.endswith("ss") or (
        words[0] in PLURAL_DETERMINERS)


#: Sentence adverbs and conjunctions that open a clause before its subject (``But``,
#: ``Perhaps``); a description starts after them.
LEADING_ADVERBS = {
    "but", "and", "so", "yet", "or", "perhaps", "then", "now", "however", "meanwhile", "still",
    "also", "instead", "indeed", "even", "only", "just", "because", "although", "though",
    "while", "when", "if", "as", "since", "moreover", "thus", "already", "once", "later",
    "earlier", "separately", "finally", "yesterday", "today", "recently", "previously",
}
#: Words that show a clause, not a noun phrase: a description may not contain them.
CLAUSE_WORDS = {
    "that", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if",
    "whether", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "not",
    "it", "there", "this", "these", "those", "than", "because", "i", "you", "we", "he", "she",
    "they", "him", "them", "me", "us", "to", "or", "yet", "after", "before", "until",
    "while", "nobody", "no", "since", "month", "week", "year", "day",
}
MAX_DESCRIPTION = 8
#: Words a description cannot open with: a preposition makes it an adjunct (``“a genius”
#: for his recently revealed …``).
DESCRIPTION_NOT_FIRST = {"for", "of", "to", "at", "in", "on", "with", "by", "from", "into",
                         "about", "over", "under", "after", "before", "during"}


def _description(text: str, toks: Sequence[Tok], i: int, j: int) -> Mention | None:
    while i < j and toks[i].lower in LEADING_ADVERBS:
        i += 1
    if i >= j or j - i > MAX_DESCRIPTION:
        return None
    span = toks[i:j]
    if span[0].kind is not TokKind.WORD or span[0].lower in DESCRIPTION_NOT_FIRST or any(
        t.kind not in (TokKind.WORD, TokKind.POSS) or t.lower in CLAUSE_WORDS
        or lex_cues.lemma_of(t.lower) is not None for t in span
    ):
        return None
    head = span[-1].lower
    if not head.isalpha() and "-" not in head:
        return None
    if span[0].lower.endswith("ing") and not span[0].is_cap:
        return None  # ``paying an architect``: a clause, not a speaker
    start, end = span[0].start, span[-1].end
    return Mention(start, end, text[start:end], MentionKind.ANONYMOUS,
                   plural=head.endswith("s"))


def _verb_like(toks: Sequence[Tok], j: int, endings: tuple[str, ...]) -> bool:
    """``toured`` in ``The panel's chair toured the port``: a lower-case word with a verb
    ending right after a noun looks like the predicate, not part of the subject."""
    t = toks[j]
    return j > 0 and t.kind is TokKind.WORD and not t.is_cap and t.lower.endswith(endings) and (
        toks[j - 1].kind is TokKind.WORD and category(toks[j - 1]) in (
            Cat.CAP, Cat.OTHER, Cat.SRC, Cat.ROLE, Cat.ORG) and toks[j - 1].lower not in DETERMINERS
        and toks[j - 1].lower not in CONNECTORS
    )


def describe_backward(text: str, toks: Sequence[Tok], e: int,
                      relative: bool = True) -> Mention | None:
    """A noun phrase no category covers, from its clause start to ``toks[e]``:
    ``Experts on the port budget`` (before ``said``), ``elected officials from both
    parties``, ``a man`` (before ``who said``). The phrase names an unnamed source; with
    ``relative``, a subject relative clause gives its head (``One of the pilots who …``)."""
    j = e
    while j >= 0 and e - j <= MAX_DESCRIPTION and toks[j].kind in (
        TokKind.WORD, TokKind.POSS
    ) and toks[j].lower not in CLAUSE_WORDS:
        j -= 1
    if e - j > MAX_DESCRIPTION:
        return None
    w = next((k for k in range(e - 1, max(0, e - 2 * MAX_DESCRIPTION), -1)
              if toks[k].kind not in (TokKind.WORD, TokKind.POSS) or toks[k].lower == "who"),
             None)
    if relative and w is not None and toks[w].lower == "who" and toks[w - 1].kind is (
        TokKind.WORD
    ):
        # ``One of the doctors who signed the letter said``, ``A man who asked not to be
        # named said``: the head before the relative clause (one clause, no deeper)
        return describe_backward(text, toks, w - 1, relative=False)
    verb = next((k for k in range(e, j + 1, -1) if _verb_like(toks, k, ("ed",))), None)
    if verb is not None:
        # ``… the board mishandled the audit and owners accused …``: after the clause's ``and``
        conj = next((k for k in range(e - 1, verb, -1) if toks[k].lower in {"and", "but"}),
                    None)
        return None if conj is None else _description(text, toks, conj + 1, e + 1)
    return _description(text, toks, j + 1, e + 1)


def subject_end(toks: Sequence[Tok], i: int, limit: int) -> int:
    """Where the subject that opens a sentence at ``toks[i]`` ends: before the first
    verb-looking word (``Ruiz`` in ``Ruiz toured the port and said``)."""
    j = i
    while j < limit and j - i <= MAX_DESCRIPTION and toks[j].kind in (TokKind.WORD,
                                                                       TokKind.POSS):
        if j > i and _verb_like(toks, j, ("ed", "s")):
            break
        j += 1
    return j


def describe_forward(text: str, toks: Sequence[Tok], i: int, limit: int) -> Mention | None:
    """The description that opens a sentence at ``toks[i]``, up to :func:`subject_end`."""
    j = subject_end(toks, i, limit)
    return _description(text, toks, i, j) if j > i else None
