"""Phrase grammar over a paragraph's tokens: sentence bounds, boundaries, verb groups and
their adjuncts, noun-or-verb uses, and the edges of noun phrases.

Shared by the cue finder (:mod:`quoteattr.cues`), the subject sieve
(:mod:`quoteattr.subjects`), direct-quote attribution and reported speech. It decides no
quote by itself and imports none of them: it reads tokens, their categories and the lexicon.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .lexicon import abbreviations, grammar
from .lexicon import cues as lex
from .mentions import category
from .tokens import Cat, Tok, TokKind

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_WORD, _PUNCT, _QUOTE, _POSS = TokKind.WORD, TokKind.PUNCT, TokKind.QUOTE, TokKind.POSS
_CAT_ROLE, _CAT_PRON, _CAT_CAP, _CAT_TIME = Cat.ROLE, Cat.PRON, Cat.CAP, Cat.TIME

#: Tokens of an object before its predicate noun (``called [the new levy] a tax``).
MAX_PREDICATE_OBJECT = 10
BOUNDARY = {".", "!", "?", ";"}
DASHES = {"—", "–", "--", "-"}  # ``--`` arrives as two ``-`` tokens
#: Closing quotation marks (and space) after a comma inside them: ``“a fair deal,”``.
CLOSING_MARKS = "”\"’'» "


def manner_adverb(t: Tok) -> bool:
    """``boldly`` in ``Ruiz boldly said``: a lower-case -ly word that is not a noun."""
    return t.kind is _WORD and t.text.islower() and t.text.endswith("ly") and (
        len(t.text) > 5 and t.text not in grammar.LY_NOUNS
    )


def is_noun_use(toks: Sequence[Tok], k: int, adverb_before_cue: bool = True,
                name_as_modifier: bool = True) -> bool:
    """The cue word is a noun or an adjective here: ``in a post``, ``the state attorney
    general``, ``from publicly disclosed records``; the flags switch rules
    ``adverb-before-cue`` and ``name-as-modifier`` (the cue sieve passes them)."""
    if k > 0 and toks[k - 1].lower in grammar.NOUN_BEFORE and not (
        adverb_before_cue and _adverb_before_verb(toks, k)
    ) and not (toks[k - 1].lower == "to" and cue_first(toks, k) < k - 1
    ):  # (``continues to insist`` is a verb)
        return True
    low = toks[k].lower
    if low in lex.NOUN_LIKE_FORMS and lex.lemma_of(low) == low and k + 1 < len(toks) and (
        category(toks[k + 1]) is _CAT_ROLE and not (k > 0 and category(toks[k - 1]) is _CAT_PRON)
    ):
        return True  # ``the Kesterwick state attorney general`` (not ``Ruiz claims aides …``)
    if name_as_modifier and low in lex.NOUN_LIKE_FORMS and _after_determined_name(toks, k):
        return True  # ``a Teo Lind post attacking the board``
    if low.endswith("ed"):
        j = k - 1
        while j >= 0 and manner_adverb(toks[j]):
            j -= 1
        if j < k - 1 and j >= 0 and toks[j].lower in grammar.PREPOSITIONS:
            return True  # ``from newly disclosed records``: an adjective
    return False


def _after_determined_name(toks: Sequence[Tok], k: int) -> bool:
    """Rule ``name-as-modifier``: a cue word after ``a``/``the`` and a name is a noun the
    name modifies (``a Teo Lind post``, ``the Ruiz report``), not a verb; ``the Democrats
    claim`` (a plural name) stays a verb."""
    j = k - 1
    while j >= 0 and k - j <= 4 and toks[j].kind is _WORD and category(toks[j]) is _CAT_CAP:
        j -= 1
    if j == k - 1 or j < 0:
        return False
    det = toks[j].lower
    if det in grammar.INDEFINITE_ARTICLES:
        return True
    return det == "the" and toks[k].lower == lex.lemma_of(toks[k].lower) and not (
        toks[k - 1].lower.endswith("s")
    )


def _adverb_before_verb(toks: Sequence[Tok], k: int) -> bool:
    """Rule ``adverb-before-cue``: ``first``/``earlier`` between a subject and a past form is
    an adverb (``Ruiz first revealed …``, ``she earlier said …``), not an adjective before a
    noun (``the first reported case``, ``her earlier post``)."""
    low = toks[k].lower
    if k < 2 or toks[k - 1].lower not in grammar.ADVERBS_BEFORE_VERB or (
        lex.lemma_of(low) == low or low.endswith(("ing", "s"))
    ):
        return False
    before = toks[k - 2]
    return before.kind is _WORD and category(before) in (_CAT_CAP, _CAT_PRON) and (
        before.lower not in grammar.NOUN_BEFORE
    )


def is_passive(toks: Sequence[Tok], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].lower in grammar.PASSIVE_GAP_ADVERBS:
        j -= 1
    return j >= 0 and toks[j].lower in grammar.PASSIVE_AUXILIARIES and not (
        toks[k].lower.endswith("ing"))


#: How far (in tokens) a sentence boundary is looked for; keeps run-on input linear.
MAX_SENTENCE = 250


def is_boundary(toks: Sequence[Tok], j: int) -> bool:
    """``toks[j]`` ends a sentence (a stop that is not an abbreviation's dot)."""
    t = toks[j]
    if t.kind is not _PUNCT or t.text not in BOUNDARY:
        return False
    eos = t._mark  # (``t.eos`` of a PUNCT token, without the property)
    if eos is not None:
        return bool(eos)  # Punkt decided
    if j + 1 < len(toks) and toks[j + 1].text == ")":
        return False  # ``(D-Calif.)``
    return not _abbrev_before(toks, j)


def sentence_start(toks: Sequence[Tok], k: int) -> int:
    """Index of the first token of the sentence holding ``toks[k]``."""
    j = k - 1
    while j >= 0 and k - j < MAX_SENTENCE:
        if toks[j].kind is _PUNCT and is_boundary(toks, j):  # (words: no call)
            break
        j -= 1
    return j + 1


def sentence_end(toks: Sequence[Tok], k: int) -> int:
    """Index after the last token of the sentence holding ``toks[k]``."""
    j = k
    limit = min(len(toks), k + MAX_SENTENCE)
    while j < limit:
        if toks[j].kind is _PUNCT and is_boundary(toks, j):  # (words: no call)
            return j + 1
        j += 1
    return j


def _abbrev_before(toks: Sequence[Tok], j: int) -> bool:
    if toks[j].text != "." or j == 0:
        return False
    prev = toks[j - 1]
    return prev.kind is _WORD and (
        prev.lower in abbreviations.ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper())
    ) and toks[j - 1].end == toks[j].start


def time_word(t: Tok) -> bool:
    """``Monday``, ``earlier``, ``this``/``week``: a word of a time adjunct."""
    return t.kind is _WORD and (t.lower in lex.CUE_ADJUNCTS or category(t) is _CAT_TIME)


def _time_adjunct(toks: Sequence[Tok], j: int, m: int, limit: int) -> bool:
    """Rule ``time-subject``: the time words ``toks[j:m]`` after a cue modify it (``said last
    week that``) unless they open the content: as its subject (``said last year was the
    worst``, ``said this plan would …``), as a degree word (``says too much is made of it``)
    or as a conjunction (``said once the pier reopens …``)."""
    nxt = toks[m] if m < limit else None
    if toks[m - 1].lower in lex.TIME_DETERMINERS:
        return False  # ``this`` without its noun: ``said this plan …``
    if nxt is None or nxt.kind is not _WORD:
        return True
    if nxt.lower in lex.FINITE_VERBS:
        return False
    if toks[m - 1].lower == "too" and nxt.lower in lex.DEGREE_AFTER_TOO:
        return False
    return not (toks[m - 1].lower == "once" and nxt.lower not in grammar.ONCE_ADVERB_NEXT)


def _phrase_stop(toks: Sequence[Tok], j: int, limit: int, preps: set[str], stops: set[str]
                 ) -> int:
    """Where the scan of the prepositional phrase opened at ``toks[j]`` stops: at a quotation,
    a phrase stop, another preposition, a verb or a pronoun (``j`` when a clause follows)."""
    m = j + 1
    while m < limit and m - j <= 9 and toks[m].kind is not _QUOTE and (
        toks[m].text not in stops
    ):
        if toks[m].lower in preps and m > j + 1 or (
            lex.lemma_of(toks[m].lower) and toks[m].lower not in lex.NOUN_LIKE_FORMS
            and not toks[m].lower.endswith("ing")
        ):
            break  # ``urged them to act after the mayor claimed``: no adjunct
        if category(toks[m]) is _CAT_PRON and m > j + 1:
            if toks[m - 1].lower in grammar.ADJUNCT_SUBORDINATORS:
                m = j  # ``said of the war as he welcomed …``: a clause, no adjunct
            break  # ``said on Monday it would …``: the content's subject
        m += 1
    return m


def absorb_adjuncts(toks: Sequence[Tok], k: int, limit: int, time_subject: bool = True
                    ) -> int:
    """Index of the last token of time/place/medium adjuncts after ``toks[k]``
    (``time_subject`` switches rule ``time-subject``)."""
    last = k
    j = k + 1
    preps, stops = grammar.PREPOSITIONS, grammar.PHRASE_STOPS  # read once per call
    while j < limit:
        t = toks[j]
        low = t.lower
        if time_word(t):
            m = j
            while m < limit and time_word(toks[m]) and not (
                m + 1 < limit and toks[m + 1].kind is _POSS
            ):  # ``said Monday``, not ``condemned Friday's closure`` (the object's determiner)
                m += 1
            if m == j or time_subject and not _time_adjunct(toks, j, m, limit):
                break
            last = m - 1
            j = m
            continue
        pp = j
        if (manner_adverb(t) or low in grammar.PHRASE_ADVERBS) and (
            j + 1 < limit and toks[j + 1].lower in preps
        ):
            pp = j + 1  # ``conceded shortly before midnight``: an adverb on the phrase
            low = toks[pp].lower
        if low in preps and not is_infinitive(toks, pp):
            # a prepositional phrase that ends at a content boundary
            j = pp
            m = _phrase_stop(toks, j, limit, preps, stops)
            end_tok = toks[m] if m < limit else None
            if m > j + 1 and (end_tok is None or end_tok.text in stops
                              or end_tok.kind is _QUOTE
                              or end_tok.lower in preps
                              or category(end_tok) is _CAT_PRON):
                last = m - 1
                j = m
                continue
        break
    return last


def predicate_noun(toks: Sequence[Tok], k: int, lemma: str) -> int:
    """For rule ``description-needs-object``: the index of ``a``/``an`` opening the predicate noun
    in ``called the levy a tax on shippers`` (after ``called``, ``labelled``, ``dubbed`` at
    ``toks[k]``), or -1; not a time (``called him a week ago``), an adjunct (``called after
    a meeting``, ``called in a favour``) or an object's own article (``called a meeting``)."""
    if lemma not in lex.PREDICATE_VERBS or toks[k].lower == lemma and not (
        k > 0 and toks[k - 1].lower in grammar.BASE_FORM_BEFORE
    ):
        return -1  # ``the harbour call comes ahead of a vote``: a noun
    for j in range(k + 1, min(len(toks), k + 2 + MAX_PREDICATE_OBJECT)):
        t = toks[j]
        if t.lower in grammar.INDEFINITE_ARTICLES and j > k + 1:
            nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
            return j if nxt and nxt not in grammar.TIME_NOUNS else -1
        low = t.lower
        if t.kind not in (_WORD, _POSS) or low in grammar.PREDICATE_OBJECT_STOPS or (
            low in grammar.PREPOSITIONS and (j == k + 1 or low not in grammar.OBJECT_PREPOSITIONS)
        ) or (lex.lemma_of(t.lower) is not None and t.lower not in lex.NOUN_LIKE_FORMS):
            return -1
    return -1


def is_infinitive(toks: Sequence[Tok], j: int) -> bool:
    """``to`` opening an infinitive (``to reopen``, ``to discuss``, ``to “stop dithering”``),
    not a prepositional phrase (``to reporters``, ``to the press``, ``to them``, ``to
    Congress``)."""
    if toks[j].lower != "to" or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    if nxt.kind is _QUOTE:  # ``urged the board to “stop dithering”``
        inner = nxt.text.lstrip("“\"‘'«„ ")
        return inner[:1].islower() and inner.split(" ", 1)[0] not in grammar.NOT_INFINITIVE
    low = nxt.lower
    return nxt.kind is _WORD and not nxt.is_cap and not low[:1].isdigit() and (
        low not in grammar.NOT_INFINITIVE
    ) and (not low.endswith("s") or low.endswith("ss"))


def introduces_quote(toks: Sequence[Tok], k: int) -> bool:
    """``continued: “…”`` or ``continued,`` closing the paragraph before a quoted one."""
    n = len(toks)
    return k + 1 < n and toks[k + 1].text in {":", ","} and (
        k + 2 == n or toks[k + 2].kind is _QUOTE
    )


def cue_first(toks: Sequence[Tok], k: int, catenative: bool = True) -> int:
    """First token of the cue phrase whose verb is ``toks[k]``: auxiliaries and adverbs
    (``has also said``), and a catenative verb before ``to`` (rule ``catenative-cue``:
    ``continues to insist``, ``appeared to suggest``, ``went on to say``; ``catenative``
    switches it)."""
    first = k
    for _ in range(2):
        while first > 0 and k - first < 6 and (toks[first - 1].text in lex.CUE_MODIFIERS
                                              or manner_adverb(toks[first - 1])):
            first -= 1
        if not catenative or first < 2 or toks[first - 1].lower != "to":
            break
        c = first - 2
        if toks[c].lower == "on" and c > 0 and toks[c - 1].lower in lex.CATENATIVE_VERBS:
            c -= 1  # ``went on to say``
        elif toks[c].lower not in lex.CATENATIVE_VERBS:
            break
        first = c
    return first


def ends_clause(toks: Sequence[Tok], end: int) -> bool:
    """The subject ending at ``toks[end]`` closes its clause, perhaps after a short
    prepositional phrase: ``…, said one port official in the room.``"""
    if end >= len(toks) or toks[end].text in BOUNDARY or toks[end].text in {",", "(", ":"}:
        return True
    if toks[end].lower not in grammar.PREPOSITIONS:
        return False
    for k in range(end + 1, min(len(toks), end + 7)):
        t = toks[k]
        if t.text in BOUNDARY or t.text == ",":
            return True
        if t.kind is not _WORD or lex.lemma_of(t.lower) is not None:
            return False
    return False


def party_label_end(toks: Sequence[Tok], i: int) -> int:
    """Index after ``(D-Calif.)`` when one opens at ``toks[i]``, else ``i``."""
    if i < len(toks) and toks[i].text == "(":
        for k in range(i + 1, min(len(toks), i + 10)):
            if toks[k].text == ")":
                return k + 1
    return i


def tok_at(toks: Sequence[Tok], offset: int) -> int:
    """Index of the token that starts at ``offset`` (a mention's first token)."""
    lo = bisect.bisect_left(toks, offset, key=lambda t: t.start)
    return lo if lo < len(toks) and toks[lo].start == offset else -1


def skip_aside_adverb(toks: Sequence[Tok], left: int) -> int:
    """Rule ``aside-adverb``: the word before the cue once a sentence adverb set off by
    commas is skipped (``Ferry operators, meanwhile, warned`` → ``operators``)."""
    if left < 3 or toks[left].text != ",":
        return left
    q = left - 1
    while q >= 0 and left - q <= 4 and toks[q].kind is _WORD:
        q -= 1
    aside = " ".join(t.lower for t in toks[q + 1:left])
    if q >= 1 and toks[q].text == "," and aside in lex.ASIDE_ADVERBS and (
        toks[q - 1].kind is _WORD
    ):
        return q - 1
    return left


def skip_age(toks: Sequence[Tok], h: int) -> int:
    """``h`` moved back over an age set off by commas just before it (``Gene, 71,`` ``h``)."""
    if h >= 4 and toks[h - 1].text == "," and toks[h - 3].text == "," and (
            toks[h - 2].text.isdecimal()):
        return h - 2
    return h
