"""Reporting cues (``said``, ``told reporters``, ``posted on X``, ``according to``) and their
subjects, found in a paragraph's tokens.

Rules, each named as the provenance reports them:

- ``cue-verb``: a reporting verb, with its auxiliaries (``has also said``) and what follows it
  before the content (``told reporters during a briefing``, ``said on X``).
- ``according-to``: ``…, according to a senior official.``
- ``light-verb``: ``The ministry has made clear that …``.
- ``participle``: ``…, saying on X that …`` takes the subject of its sentence.

Subjects (``Cue.subject_side``): ``left`` (``Ruiz said``), ``apposition`` (``Ruiz, the
mayor, said``), ``right`` (``“…,” said Ruiz``), ``sentence`` (``…, saying``),
``coordinated`` (``Ruiz toured the pier and said``), ``relative`` (``Lind, who said``) and
``description`` (``Experts on harbour law said``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs

from .lexicon import abbreviations, sources
from .lexicon import cues as lex
from .lexicon.mentions import CLAUSE_WORDS, LEADING_ADVERBS
from .lexicon.pronouns import OBJECT_PRONOUNS
from .mentions import (
    MAX_PARTITIVE,
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
from .rules import Example, Rule, first_decision, register
from .tokens import Cat, Tok, TokKind

_NOUN_BEFORE = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this",
                "that", "whose", "social", "media", "in", "new", "latest", "first", "last",
                "earlier", "recent", "of", "to"}
_PASSIVE_BEFORE = {"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"}
#: Prepositions that open an adjunct or a phrase after a cue or a subject.
#: How far after a description verb its quotation or ``as`` may stand (``called the
#: council’s use of private ferries “careless”``).
DESCRIPTION_REACH = 12
PREPOSITIONS = {"on", "in", "at", "during", "via", "to", "from", "through", "over", "before",
                 "with", "after", "while", "outside", "inside", "by", "of"}
#: Words before a verb's base form (``they call it a tax``, ``would label it a tax``).
BASE_FORM_BEFORE = {"i", "we", "you", "they", "to", "will", "would", "should", "could", "might",
                    "may", "must", "can", "did", "do", "does", "often", "also", "now"}
#: Tokens of an object before its predicate noun (``called [the new levy] a tax``).
MAX_PREDICATE_OBJECT = 10
#: Nouns after ``a`` that make a time, not a predicate (``called him a week ago``).
TIME_NOUNS = {"week", "day", "month", "year", "decade", "few", "second", "third", "couple",
              "time", "minute", "hour", "lot", "number", "while", "bit", "little"}
#: Words after ``to`` that make it a preposition (``to the press``, ``to them``).
NOT_INFINITIVE = {"the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this",
                  "that", "these", "those", "him", "them", "me", "us", "whom", "which", "what",
                  "all", "each", "every", "some", "any", "no", "both", "one", "date", "power",
                  "office", "court"}
_STOP_CONTENT = {",", ":", "that", "—", "–", ";", "."}
BOUNDARY = {".", "!", "?", ";"}
#: Words ending in -ly that are not adverbs.
LY_NOUNS = {"family", "assembly", "supply", "monopoly", "anomaly", "rally", "ally", "belly",
            "homily", "jelly"}
PROGRESSIVE_AUXILIARIES = {"is", "are", "was", "were", "been"}
DASHES = {"—", "–", "--", "-"}  # ``--`` arrives as two ``-`` tokens
#: Words before a participle cue that give it the sentence's subject (``…, saying``,
#: ``responded by saying``).
PARTICIPLE_LINKS = {",", "by", "for", "before", "after", "while", "when", "upon"}
#: Closing quotation marks (and space) after a comma inside them: ``“a fair deal,”``.
CLOSING_MARKS = "”\"’'» "
#: ``Ana Ruiz of the harbour board said``: the name before these speaks, not the board.
AFFILIATION_LINKS = {"of", "from", "at", "for"}
#: ``Ruiz toured the port and said …``: the cue shares the sentence's subject.
COORDINATORS = {"and", "but"}
#: Tokens between ``close to``/``familiar with`` and a cue (``the talks on the pier``).
MAX_LINKED_OBJECT = 8
#: ``the mayor, who said …``: the subject is the noun phrase before the pronoun.
RELATIVE_PRONOUNS = {"who", "which"}


@attrs.frozen(slots=True)
class Cue:
    """A reporting cue in a paragraph's token list."""

    verb: int  # token index of the verb (or of ``according``)
    first: int  # first token of the cue phrase (auxiliaries included)
    last: int  # last token of the cue phrase (adjuncts included)
    lemma: str
    rule: str
    start: int
    end: int
    subject: Mention | None = None
    # where the subject was found: "left", "right", "apposition", "sentence", "coordinated",
    # "relative" or "description" (docs/heuristics.md lists them with examples)
    subject_side: str | None = None
    subject_rule: str | None = None  # the subject-sieve rule that found ``subject``


def manner_adverb(t: Tok) -> bool:
    """``boldly`` in ``Ruiz boldly said``: a lower-case -ly word that is not a noun."""
    return t.kind is TokKind.WORD and t.text.islower() and t.text.endswith("ly") and (
        len(t.text) > 5 and t.text not in LY_NOUNS
    )


def _is_noun_use(toks: Sequence[Tok], k: int) -> bool:
    """The cue word is a noun or an adjective here: ``in a post``, ``the state attorney
    general``, ``from publicly disclosed records``."""
    if k > 0 and toks[k - 1].lower in _NOUN_BEFORE and not _adverb_before_verb(toks, k) and not (
        toks[k - 1].lower == "to" and _cue_first(toks, k) < k - 1
    ):  # (``continues to insist`` is a verb)
        return True
    low = toks[k].lower
    if low in lex.NOUN_LIKE_FORMS and lex.lemma_of(low) == low and k + 1 < len(toks) and (
        category(toks[k + 1]) is Cat.ROLE and not (k > 0 and category(toks[k - 1]) is Cat.PRON)
    ):
        return True  # ``the Kesterwick state attorney general`` (not ``Ruiz claims aides …``)
    if low in lex.NOUN_LIKE_FORMS and _after_determined_name(toks, k):
        return True  # ``a Teo Lind post attacking the board``
    if low.endswith("ed"):
        j = k - 1
        while j >= 0 and manner_adverb(toks[j]):
            j -= 1
        if j < k - 1 and j >= 0 and toks[j].lower in PREPOSITIONS:
            return True  # ``from newly disclosed records``: an adjective
    return False


def _after_determined_name(toks: Sequence[Tok], k: int) -> bool:
    """Rule ``name-as-modifier``: a cue word after ``a``/``the`` and a name is a noun the
    name modifies (``a Teo Lind post``, ``the Ruiz report``), not a verb; ``the Democrats
    claim`` (a plural name) stays a verb."""
    j = k - 1
    while j >= 0 and k - j <= 4 and toks[j].kind is TokKind.WORD and category(toks[j]) is Cat.CAP:
        j -= 1
    if j == k - 1 or j < 0:
        return False
    det = toks[j].lower
    if det in {"a", "an"}:
        return True
    return det == "the" and toks[k].lower == lex.lemma_of(toks[k].lower) and not (
        toks[k - 1].lower.endswith("s")
    )


#: Words of ``_NOUN_BEFORE`` that are also adverbs before a past form (``Ruiz first said``).
_ADVERBS_BEFORE_VERB = {"first", "earlier", "last"}


def _adverb_before_verb(toks: Sequence[Tok], k: int) -> bool:
    """Rule ``adverb-before-cue``: ``first``/``earlier`` between a subject and a past form is
    an adverb (``Ruiz first revealed …``, ``she earlier said …``), not an adjective before a
    noun (``the first reported case``, ``her earlier post``)."""
    low = toks[k].lower
    if k < 2 or toks[k - 1].lower not in _ADVERBS_BEFORE_VERB or lex.lemma_of(low) == low or (
        low.endswith(("ing", "s"))
    ):
        return False
    before = toks[k - 2]
    return before.kind is TokKind.WORD and category(before) in (Cat.CAP, Cat.PRON) and (
        before.lower not in _NOUN_BEFORE
    )


def _is_passive(toks: Sequence[Tok], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].lower in {"also", "later", "reportedly", "then", "not"}:
        j -= 1
    return j >= 0 and toks[j].lower in _PASSIVE_BEFORE and not toks[k].lower.endswith("ing")


#: Conjunctions that open a subordinate clause (``… as he welcomed …``).
SUBORDINATORS = {"as", "when", "while", "because", "if", "since", "after", "before", "until",
                 "though", "although", "where", "that", "once", "whether", "unless"}
#: How far (in tokens) a sentence boundary is looked for; keeps run-on input linear.
MAX_SENTENCE = 250


_PUNCT = TokKind.PUNCT


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
        if is_boundary(toks, j):
            break
        j -= 1
    return j + 1


def sentence_end(toks: Sequence[Tok], k: int) -> int:
    """Index after the last token of the sentence holding ``toks[k]``."""
    j = k
    limit = min(len(toks), k + MAX_SENTENCE)
    while j < limit:
        if is_boundary(toks, j):
            return j + 1
        j += 1
    return j


def _abbrev_before(toks: Sequence[Tok], j: int) -> bool:
    if toks[j].text != "." or j == 0:
        return False
    prev = toks[j - 1]
    return prev.kind is TokKind.WORD and (
        prev.lower in abbreviations.ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper())
    ) and toks[j - 1].end == toks[j].start


def _time_word(t: Tok) -> bool:
    """``Monday``, ``earlier``, ``this``/``week``: a word of a time adjunct."""
    return t.kind is TokKind.WORD and (t.lower in lex.CUE_ADJUNCTS or category(t) is Cat.TIME)


def _time_adjunct(toks: Sequence[Tok], j: int, m: int, limit: int) -> bool:
    """Rule ``time-subject``: the time words ``toks[j:m]`` after a cue modify it (``said last
    week that``) unless they open the content: as its subject (``said last year was the
    worst``, ``said this plan would …``), as a degree word (``says too much is made of it``)
    or as a conjunction (``said once the pier reopens …``)."""
    nxt = toks[m] if m < limit else None
    if toks[m - 1].lower in lex.TIME_DETERMINERS:
        return False  # ``this`` without its noun: ``said this plan …``
    if nxt is None or nxt.kind is not TokKind.WORD:
        return True
    if nxt.lower in lex.FINITE_VERBS:
        return False
    if toks[m - 1].lower == "too" and nxt.lower in lex.DEGREE_AFTER_TOO:
        return False
    return not (toks[m - 1].lower == "once" and nxt.lower not in {"that", "again", "more"})


def _absorb_adjuncts(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Index of the last token of time/place/medium adjuncts after ``toks[k]``."""
    last = k
    j = k + 1
    while j < limit:
        t = toks[j]
        low = t.lower
        if _time_word(t):
            m = j
            while m < limit and _time_word(toks[m]) and not (
                m + 1 < limit and toks[m + 1].kind is TokKind.POSS
            ):  # ``said Monday``, not ``condemned Friday's closure`` (the object's determiner)
                m += 1
            if m == j or not _time_adjunct(toks, j, m, limit):
                break
            last = m - 1
            j = m
            continue
        pp = j
        if (manner_adverb(t) or low in {"late", "early", "soon", "just", "right"}) and (
            j + 1 < limit and toks[j + 1].lower in PREPOSITIONS
        ):
            pp = j + 1  # ``conceded shortly before midnight``: an adverb on the phrase
            low = toks[pp].lower
        if low in PREPOSITIONS and not is_infinitive(toks, pp):
            # a prepositional phrase that ends at a content boundary
            j = pp
            m = j + 1
            while m < limit and m - j <= 9 and toks[m].kind is not TokKind.QUOTE and (
                toks[m].text not in _STOP_CONTENT
            ):
                if toks[m].lower in PREPOSITIONS and m > j + 1 or (
                    lex.lemma_of(toks[m].lower) and toks[m].lower not in lex.NOUN_LIKE_FORMS
                    and not toks[m].lower.endswith("ing")
                ):
                    break  # ``urged them to act after the mayor claimed``: no adjunct
                if category(toks[m]) is Cat.PRON and m > j + 1:
                    if toks[m - 1].lower in SUBORDINATORS:
                        m = j  # ``said of the war as he welcomed …``: a clause, no adjunct
                    break  # ``said on Monday it would …``: the content's subject
                m += 1
            end_tok = toks[m] if m < limit else None
            if m > j + 1 and (end_tok is None or end_tok.text in _STOP_CONTENT
                              or end_tok.kind is TokKind.QUOTE
                              or end_tok.lower in PREPOSITIONS
                              or category(end_tok) is Cat.PRON):
                last = m - 1
                j = m
                continue
        break
    return last


def predicate_noun(toks: Sequence[Tok], k: int, lemma: str) -> int:
    """For rule ``description-object``: the index of ``a``/``an`` opening the predicate noun
    in ``called the levy a tax on shippers`` (after ``called``, ``labelled``, ``dubbed`` at
    ``toks[k]``), or -1; not a time (``called him a week ago``), an adjunct (``called after
    a meeting``, ``called in a favour``) or an object's own article (``called a meeting``)."""
    if lemma not in lex.PREDICATE_VERBS or toks[k].lower == lemma and not (
        k > 0 and toks[k - 1].lower in BASE_FORM_BEFORE
    ):
        return -1  # ``the harbour call comes ahead of a vote``: a noun
    for j in range(k + 1, min(len(toks), k + 2 + MAX_PREDICATE_OBJECT)):
        t = toks[j]
        if t.lower in {"a", "an"} and j > k + 1:
            nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
            return j if nxt and nxt not in TIME_NOUNS else -1
        if t.kind not in (TokKind.WORD, TokKind.POSS) or t.lower in {"that", "and", "for"} or (
            t.lower in PREPOSITIONS and (j == k + 1 or t.lower not in {"of", "in"})
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
    if nxt.kind is TokKind.QUOTE:  # ``urged the board to “stop dithering”``
        inner = nxt.text.lstrip("“\"‘'«„ ")
        return inner[:1].islower() and inner.split(" ", 1)[0] not in NOT_INFINITIVE
    low = nxt.lower
    return nxt.kind is TokKind.WORD and not nxt.is_cap and not low[:1].isdigit() and (
        low not in NOT_INFINITIVE
    ) and (not low.endswith("s") or low.endswith("ss"))


def _addressee_end(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Last token of the listener after ``told``: ``reporters``, ``a group of journalists``."""
    j = k + 1
    if j < limit and toks[j].kind is TokKind.WORD and toks[j].lower not in {"that", "of"}:
        end = chunk_forward(toks, j)
        if end > j:
            return end - 1
        if toks[j].lower in {"reporters", "journalists", "me", "us", "him", "her", "them",
                             "lawmakers", "supporters", "viewers", "listeners", "police"}:
            return j
    return k


def _fronted_cue(toks: Sequence[Tok], k: int) -> bool:
    """A capitalised cue opening its sentence before a name, a colon or comma and a
    quotation: ``Said Lind: “…”``, ``Added the mayor, “…”`` (not ``Said Jalili, the envoy``)."""
    if not (toks[k].is_cap and (k == 0 or is_boundary(toks, k - 1))):
        return False
    end = chunk_forward(toks, k + 1)
    return k + 1 < end < len(toks) and toks[end].text in {":", ","} and (
        end + 1 == len(toks) or toks[end + 1].kind is TokKind.QUOTE
    )


def _introduces_quote(toks: Sequence[Tok], k: int) -> bool:
    """``continued: “…”`` or ``continued,`` closing the paragraph before a quoted one."""
    n = len(toks)
    return k + 1 < n and toks[k + 1].text in {":", ","} and (
        k + 2 == n or toks[k + 2].kind is TokKind.QUOTE
    )


def _closes_quote_attribution(toks: Sequence[Tok], k: int, last: int | None = None) -> bool:
    """Rule ``introducing-after-quote``: ``“…,” Lind continued.``: the verb (to ``last``, its
    particle), after a short subject, closes the attribution of the quotation just before it."""
    n = len(toks)
    after = (k if last is None else last) + 1
    if after < n and toks[after].text not in {".", ","}:
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        t = toks[j]
        if t.kind is TokKind.QUOTE:
            return t.text.rstrip(CLOSING_MARKS).endswith((",", "?", "!"))
        if t.kind is not TokKind.WORD or not (t.is_cap or t.lower in {"he", "she", "they"}):
            return False
    return False


def _introducing_phrasal(toks: Sequence[Tok], k: int) -> str | None:
    """Rule ``introducing-phrasal``: ``went on`` carrying on a quotation as ``continued``
    does (``“…,” she went on. “…”``, ``he went on, “…”``), not ``the talks went on``."""
    if k + 1 >= len(toks) or not toks[k].text[0].islower():
        return None
    lemma = lex.introducing_phrasal(toks[k].lower, toks[k + 1].lower)
    if lemma is None or not (_introduces_quote(toks, k + 1)
                             or _closes_quote_attribution(toks, k, k + 1)):
        return None
    return lemma


register(Rule(
    "introducing-phrasal", "cue",
    "``went on`` and ``carried on`` next to a quotation they carry on are cues, as "
    "``continued`` is",
    (Example("Conductor Felix Arnaud was relieved. “We owe the city a great season,” he "
             "went on. “And we will give it one.”", "We owe the city a great season,",
             "Felix Arnaud"),),
    (Example("Conductor Felix Arnaud was relieved. The rehearsal went on. “We owe the city "
             "a great season.”", "We owe the city a great season."),)))


def _cue_first(toks: Sequence[Tok], k: int) -> int:
    """First token of the cue phrase whose verb is ``toks[k]``: auxiliaries and adverbs
    (``has also said``), and a catenative verb before ``to`` (rule ``catenative-cue``:
    ``continues to insist``, ``appeared to suggest``, ``went on to say``)."""
    first = k
    for _ in range(2):
        while first > 0 and k - first < 6 and (toks[first - 1].text in lex.CUE_MODIFIERS
                                              or manner_adverb(toks[first - 1])):
            first -= 1
        if first < 2 or toks[first - 1].lower != "to":
            break
        c = first - 2
        if toks[c].lower == "on" and c > 0 and toks[c - 1].lower in lex.CATENATIVE_VERBS:
            c -= 1  # ``went on to say``
        elif toks[c].lower not in lex.CATENATIVE_VERBS:
            break
        first = c
    return first


def _verb_cue(toks: Sequence[Tok], k: int, beliefs: bool) -> tuple[str, str, int] | None:
    """``(lemma, rule, last)`` when the word ``toks[k]`` is a reporting verb used as a cue
    (rule ``cue-verb``, or ``participle`` for ``…ing``), else ``None``: not a noun use
    (``the claims``), not a passive, an introducing verb only next to its quotation, a
    phrasal cue with its particle, a description verb with something to describe."""
    tok, n = toks[k], len(toks)
    low = tok.lower
    # ``tok.lower`` is lower case already, so the table of ``lex.lemma_of`` is asked directly
    lemma_of = lex._FORM_TO_LEMMA.get
    if not tok.text[0].islower() and (lemma_of(low) is None or not _fronted_cue(toks, k)):
        return None
    found = lemma_of(low)
    if found is None and beliefs:
        found = lex.belief_lemma_of(low)
    if found is None or _is_noun_use(toks, k) or _is_passive(toks, k):
        return None
    lemma, rule, last = found, "cue-verb", k
    if lemma in lex.INTRODUCING_VERBS and not (
            _introduces_quote(toks, k) or _closes_quote_attribution(toks, k)):
        return None
    if lemma in lex.PHRASAL_CUES:
        particle = toks[k + 1].lower if k + 1 < n else ""
        if particle in lex.PHRASAL_CUES[lemma]:
            lemma, last = f"{lemma} {particle}", k + 1  # ``called for``
        elif lemma not in lex.DESCRIPTION_VERBS and lemma not in lex.REGULAR_VERBS:
            return None  # ``spoke at the rally`` is no cue
    if lemma in lex.DESCRIPTION_VERBS and not any(
        toks[m].kind is TokKind.QUOTE or toks[m].lower == "as"
        for m in range(k + 1, min(n, k + DESCRIPTION_REACH))
    ) and predicate_noun(toks, k, lemma) < 0:
        return None
    if low.endswith("ing"):
        rule = "participle"
    if lemma in lex.ADDRESSEE_VERBS:
        last = _addressee_end(toks, k, n)
    return lemma, rule, last


def find_cues(text: str, toks: Sequence[Tok], beliefs: bool = False) -> list[Cue]:
    """Reporting cues in one paragraph, with their subjects; with ``beliefs``, verbs of
    belief and intention too (``Ruiz thinks the port will reopen``)."""
    out: list[Cue] = []
    n = len(toks)
    word_kind = TokKind.WORD
    light_verbs = lex.LIGHT_VERB_CUES  # looked up once per paragraph
    for k, tok in enumerate(toks):
        if tok.kind is not word_kind:
            continue
        low = tok.lower
        if low == "according" and k + 1 < n and toks[k + 1].lower == "to":
            lemma, rule, last = "according to", "according-to", k + 1
        elif low in light_verbs and k + 1 < n and toks[k + 1].lower in light_verbs[low]:
            lemma, rule, last = lex.light_verb_lemma(low, toks[k + 1].lower), "light-verb", k + 1
        elif (phrasal := _introducing_phrasal(toks, k)) is not None:
            lemma, rule, last = phrasal, "introducing-phrasal", k + 1
        else:
            found = _verb_cue(toks, k, beliefs)
            if found is None:
                continue
            lemma, rule, last = found
        limit = sentence_end(toks, k)
        if rule != "according-to" and not (
            lemma in lex.COMMITMENT_VERBS and last + 1 < n and toks[last + 1].lower == "to"
        ):  # ``pledged to rebuild the pier``: the infinitive is the content
            last = _absorb_adjuncts(toks, last, limit)
        first = _cue_first(toks, k)
        if rule == "participle" and first < k and any(
            toks[m].lower in PROGRESSIVE_AUXILIARIES for m in range(first, k)
        ):
            rule = "cue-verb"  # ``Ruiz is stressing that …``: a finite verb
        cue = Cue(k, first, last, lemma, rule, toks[first].start, toks[last].end)
        out.append(_with_subject(text, toks, cue, out))
    return out


def _sentence_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue],
                      side: str) -> Cue:
    """The subject of the cue's sentence: that of an earlier cue in it, else its first
    noun phrase (``Ruiz toured the port and said …``, ``…, saying …``)."""
    s = sentence_start(toks, cue.verb)
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
    while s < cue.first and (toks[s].kind is TokKind.QUOTE or toks[s].text == ","):
        s += 1  # ``“…,” Brandt sings before asking her, “…”``: the subject after the quote
    kicker = s
    while kicker < cue.first and toks[kicker].kind is TokKind.WORD and toks[kicker].text.isupper():
        kicker += 1
    if kicker > s + 1 and kicker < cue.first and toks[kicker].text in DASHES:
        s = kicker + 1  # ``THE COUNCIL HAS ASKED — Ruiz’s plan …``: a kicker
    s = _after_dateline(toks, s, cue.first)
    while s < cue.first and (toks[s].lower in LEADING_ADVERBS or toks[s].text == ","):
        s += 1  # ``Recently, Ruiz was criticized for saying …``
    m = None
    if s < cue.first and (toks[s].lower in PREPOSITIONS or toks[s].lower.endswith(
        ("ed", "ing")
    ) and len(toks[s].text) > 5):
        # rule fronted-phrase: ``Chastened by the audit, Ruiz revised her plan, promising …``,
        # ``In a terse, late-night post, Ruiz hit back, claiming …``: the subject follows
        # the comma that closes the opening phrase (which may hold commas of its own)
        for k in range(s + 1, min(cue.first, s + MAX_FRONTED)):
            if toks[k].text == "," and k + 1 < cue.first:
                end = min(chunk_forward(toks, k + 1), subject_end(toks, k + 1, cue.first))
                m = classify(text, toks, k + 1, end)
                if m is not None:
                    break
    if m is None:
        end = min(chunk_forward(toks, s), subject_end(toks, s, cue.first))
        m = classify(text, toks, s, end)
        apposed = _apposed(text, toks, m, end, cue.first) if m is not None and m.kind in (
            MentionKind.ROLE, MentionKind.ANONYMOUS) else None
        if apposed is not None:  # ``Chile's deputy minister, Ana Ruiz, resigned, saying …``
            m = apposed[0]
    if m is None and side == "coordinated":
        m = describe_forward(text, toks, s, cue.first)
    return attrs.evolve(cue, subject=m, subject_side=side) if m else cue


def _after_dateline(toks: Sequence[Tok], s: int, limit: int) -> int:
    """Rule ``dateline``: a wire dateline opening the sentence is no subject: ``KESTERWICK —``,
    ``KESTERWICK (AP) —``, ``SELMA, N.C. —``; the sentence starts after its dash."""
    k = s
    while k < limit and k - s < 8 and (
            toks[k].kind is TokKind.WORD and toks[k].text.isupper() and len(toks[k].text) > 1
            or toks[k].text == "," and k > s):
        k += 1
    if k == s:
        return s
    if k + 2 < limit and toks[k].text == "(" and toks[k + 2].text == ")" and (
            toks[k + 1].text[:1].isupper()):
        k += 3  # ``(AP)``, ``(Reuters)``
    return k + 1 if k < limit and toks[k].text in DASHES else s


def _clearly_verbal(toks: Sequence[Tok], cue: Cue) -> bool:
    """The cue word cannot be a noun: ``said``, ``has claimed``, ``warned``; not ``states``
    or ``claims`` (``battleground states``, ``his claims``) without an auxiliary."""
    return cue.first < cue.verb or cue.rule != "cue-verb" or (
        toks[cue.verb].lower not in lex.NOUN_LIKE_FORMS
    )


def _ends_clause(toks: Sequence[Tok], end: int) -> bool:
    """The subject ending at ``toks[end]`` closes its clause, perhaps after a short
    prepositional phrase: ``…, said one port official in the room.``"""
    if end >= len(toks) or toks[end].text in BOUNDARY or toks[end].text in {",", "(", ":"}:
        return True
    if toks[end].lower not in PREPOSITIONS:
        return False
    for k in range(end + 1, min(len(toks), end + 7)):
        t = toks[k]
        if t.text in BOUNDARY or t.text == ",":
            return True
        if t.kind is not TokKind.WORD or lex.lemma_of(t.lower) is not None:
            return False
    return False


#: Tokens of an unlisted title after an inverted cue (``said longtime harbour pilot``).
MAX_TITLE_WORDS = 4
#: How many tokens of appositions may separate a fronted subject from its cue.
MAX_APPOSITIONS = 40
#: Tokens of the noun phrase an apposed name follows (``the harbour board's new chair``).
MAX_APPOSED = 10


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
            toks[p].kind is not TokKind.QUOTE and not is_boundary(toks, p)
        ):
            p -= 1
        if s - p <= MAX_APPOSED:
            s = p + 1
    return s


def _document_author(text: str, toks: Sequence[Tok], j: int) -> Mention | None:
    """``a new report by the Harbour Gazette`` (after ``according to``): the author."""
    for k in range(j, min(len(toks) - 2, j + 5)):
        if toks[k].lower in sources.DOCUMENT_NOUNS and toks[k + 1].lower in {"by", "from"}:
            author = classify(text, toks, k + 2, chunk_forward(toks, k + 2))
            if author is not None and author.kind in (MentionKind.NAME,
                                                      MentionKind.ORGANIZATION):
                return author
            return None
        if toks[k].kind is not TokKind.WORD:
            return None
    return None


def _party_label_end(toks: Sequence[Tok], i: int) -> int:
    """Index after ``(D-Calif.)`` when one opens at ``toks[i]``, else ``i``."""
    if i < len(toks) and toks[i].text == "(":
        for k in range(i + 1, min(len(toks), i + 10)):
            if toks[k].text == ")":
                return k + 1
    return i


#: What may follow an apposition: a stop or comma, or a preposition opening an affiliation.
_APPOSITION_ENDS = {".", ",", ";", "("}


def _apposed(text: str, toks: Sequence[Tok], m: Mention, end: int, limit: int
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
        toks[end2].text in _APPOSITION_ENDS or toks[end2].lower in PREPOSITIONS
    ):
        return None
    if m.kind in (MentionKind.ROLE, MentionKind.ANONYMOUS) and app.kind is MentionKind.NAME:
        return attrs.evolve(app, roles=app.roles + m.roles,
                            role_phrases=app.role_phrases + m.role_phrases,
                            nationality=app.nationality or m.nationality), end2
    if m.kind is MentionKind.NAME and app.kind is not MentionKind.NAME and app.roles:
        return attrs.evolve(m, roles=m.roles + app.roles,
                            role_phrases=m.role_phrases + app.role_phrases,
                            nationality=m.nationality or app.nationality), end2
    return None


def _described_name(text: str, toks: Sequence[Tok], i: int, end: int) -> Mention | None:
    """``the businessman Viktor Hallgren`` (between commas, before ``end``): a name after a
    determiner and an unlisted lower-case title."""
    d = i + 1 if toks[i].lower in {"the", "a", "an"} else i
    k = d
    while k < end and k - d < MAX_TITLE_WORDS and descriptor_word(toks[k]):
        k += 1
    if k == d or k >= end or category(toks[k]) is not Cat.CAP:
        return None
    stop = chunk_forward(toks, k)
    if stop != end and not (stop < len(toks) and toks[stop].text == "("):
        return None
    m = classify(text, toks, k, stop)
    if m is None or m.kind is not MentionKind.NAME:
        return None
    word = toks[k - 1].lower
    return attrs.evolve(m, roles=(*m.roles, word), role_phrases=(*m.role_phrases, word))


def _fronted_subject(text: str, toks: Sequence[Tok], left: int) -> Mention | None:
    """The name opening the clause before several appositions and the comma at
    ``toks[left]``: ``“…,” Ana Ruiz, 59, of Kesterwick, who runs the ferry, said``."""
    p = left
    while p >= 0 and left - p <= MAX_APPOSITIONS and (
        toks[p].kind is not TokKind.QUOTE or nickname(toks, p) or _fragment(toks[p])
    ) and not is_boundary(toks, p) and toks[p].text not in {":", ";"}:
        if toks[p].kind is TokKind.WORD and p < left and lex.lemma_of(toks[p].lower) and (
            toks[p].text.islower()
        ) and not _is_noun_use(toks, p) and not (
            toks[p].lower.endswith("ing") and p > 0 and toks[p - 1].text == ","
        ) and not (p > 0 and toks[p - 1].lower in RELATIVE_PRONOUNS):
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
    if end + 1 < left and toks[end].lower in AFFILIATION_LINKS:
        end = max(end, chunk_forward(toks, end + 1))  # ``Viktor Amsel of National Renewal, who``
    if end >= left or toks[end].text not in {",", "("}:
        return None
    m = classify(text, toks, s, name_end)
    return m if m is not None and (m.kind in (MentionKind.NAME, MentionKind.ANONYMOUS)
                                   or age_description(m.text) is not None) else None


def _fragment(t: Tok) -> bool:
    """A short quoted phrase inside a clause (``won on a promise to “bring the boys
    home” from …``), not a quotation that ends a sentence."""
    inner = t.text.strip(CLOSING_MARKS + "“‘«„")
    return len(inner.split()) <= 6 and inner[:1].islower() and inner[-1:] not in ".!?,"


def _linked_source(text: str, toks: Sequence[Tok], left: int) -> Mention | None:
    """Rule ``linked-source``: an unnamed source tied to someone by ``close to``,
    ``familiar with`` or ``to`` speaks, not that someone: ``Those close to him say``,
    ``A person close to Ruiz said``, ``Aides to the mayor said`` (sources.PROXIMITY_WORDS,
    sources.SOURCE_PRONOUNS)."""
    for k in range(left - 1, max(0, left - MAX_LINKED_OBJECT) - 1, -1):
        t = toks[k]
        if t.kind is not TokKind.WORD or lex.lemma_of(t.lower) is not None:
            return None
        if t.lower not in {"to", "with", "on", "about"} or k == 0 or (
            t.lower in {"on", "about"} and toks[k - 1].lower not in sources.PROXIMITY_WORDS
        ):  # ``a diplomat briefed on the talks``, not ``officials on the pier``
            if t.lower in CLAUSE_WORDS and not (k == left and t.lower in OBJECT_PRONOUNS):
                return None  # ``colleagues to drop him after the magnate claimed``
            continue
        h = k - 1
        proximity = toks[h].lower in sources.PROXIMITY_WORDS
        if proximity:
            h -= 1
        elif category(toks[h]) is not Cat.SRC:
            return None  # ``Ruiz went with the mayor and said``
        if h < 0 or toks[h].kind is not TokKind.WORD:
            return None
        head = toks[h].lower
        if head in sources.SOURCE_PRONOUNS:
            first = h
        elif category(toks[h]) is Cat.SRC or proximity and category(toks[h]) is Cat.ROLE:
            # ``a senior diplomat briefed on the talks``
            first = chunk_backward(toks, h)
            if first > h:
                first = h
        else:
            return None
        plural = is_plural([t.lower for t in toks[first:h + 1]]) and head not in {
            "someone", "anyone"}
        roles = tuple(t.lower for t in toks[first:h + 1] if category(t) is Cat.ROLE)
        return Mention(toks[first].start, toks[left].end, text[toks[first].start:toks[left].end],
                       MentionKind.ANONYMOUS, plural=plural, roles=roles)
    return None


def _tok_at(toks: Sequence[Tok], offset: int) -> int:
    """Index of the token that starts at ``offset`` (a mention's first token)."""
    lo = bisect.bisect_left(toks, offset, key=lambda t: t.start)
    return lo if lo < len(toks) and toks[lo].start == offset else -1


def _noun_phrase_before(text: str, toks: Sequence[Tok], e: int) -> Mention | None:
    """The mention or description ending at ``toks[e]`` (``Ruiz, who said``)."""
    m = classify(text, toks, chunk_backward(toks, e), e + 1)
    return m if m is not None else describe_backward(text, toks, e)


def _skip_aside_adverb(toks: Sequence[Tok], left: int) -> int:
    """Rule ``aside-adverb``: the word before the cue once a sentence adverb set off by
    commas is skipped (``Ferry operators, meanwhile, warned`` → ``operators``)."""
    if left < 3 or toks[left].text != ",":
        return left
    q = left - 1
    while q >= 0 and left - q <= 4 and toks[q].kind is TokKind.WORD:
        q -= 1
    aside = " ".join(t.lower for t in toks[q + 1:left])
    if q >= 1 and toks[q].text == "," and aside in lex.ASIDE_ADVERBS and (
        toks[q - 1].kind is TokKind.WORD
    ):
        return q - 1
    return left


#: How many tokens a phrase opening a sentence before its subject may take.
MAX_FRONTED = 20
#: How far back from a participle cue ``with`` may open its absolute phrase.
MAX_ABSOLUTE = 16


def _absolute_subject(text: str, toks: Sequence[Tok], cue: Cue) -> Mention | None:
    """Rule ``with-absolute``: in ``…, with a port aide, Teo Lind, claiming that …`` the
    noun phrase after ``with`` speaks, not the sentence's subject; ``with`` must open the
    phrase after a comma or at the sentence start (not ``Ruiz met with Lind, saying``)."""
    w = -1
    for k in range(cue.first - 1, max(-1, cue.first - 1 - MAX_ABSOLUTE), -1):
        t = toks[k]
        if t.kind is TokKind.QUOTE or is_boundary(toks, k) or t.text in {";", ":"}:
            return None
        if t.lower == "with":
            w = k
            break
        if t.kind is TokKind.WORD and t.text.islower() and lex.lemma_of(t.lower) is not None:
            return None  # another cue in between
    if w < 0 or not (w == 0 or toks[w - 1].text == "," or is_boundary(toks, w - 1)):
        return None
    end = chunk_forward(toks, w + 1)
    m = classify(text, toks, w + 1, end)
    if m is not None and end + 1 < cue.first and toks[end].text == ",":
        end2 = chunk_forward(toks, end + 1)  # ``with a port aide, Teo Lind, claiming``
        inner = classify(text, toks, end + 1, end2)
        if inner is not None and inner.kind is MentionKind.NAME:
            m = attrs.evolve(inner, roles=inner.roles + m.roles,
                             role_phrases=inner.role_phrases + m.role_phrases,
                             nationality=inner.nationality or m.nationality)
            end = end2
    if m is None or m.kind is MentionKind.PRONOUN and m.text.lower() == "it":
        return None
    if m.kind is MentionKind.NAME and end + 1 < cue.first and toks[end].lower in (
        AFFILIATION_LINKS
    ):
        end = max(end, chunk_forward(toks, end + 1))  # ``with Teo Lind of Kessel Bank saying``
    if m.kind is MentionKind.NAME and end + 1 < cue.first and toks[end].text == "," and (
        toks[cue.first - 1].text == "," and cue.first - end <= MAX_APPOSED + 2
        and all(t.kind in (TokKind.WORD, TokKind.POSS) for t in toks[end + 1:cue.first - 1])
    ):
        end = cue.first - 1  # ``with Lisbet Varga, a political scientist at Harlow, saying``
    rest = cue.first - end
    return m if rest == 0 or rest == 1 and toks[end].text == "," else None


register(Rule(
    "it-organization", "subject-refinement",
    "``it`` as a cue's subject is the organisation opening its sentence",
    (Example("The Kester Port Authority published its report, which it described as "
             "“a frank account of the storm.”", "a frank account of the storm.",
             "Kester Port Authority"),),
    (Example("Mila Arden read the report, which it described as “a frank account of the "
             "storm.”", "a frank account of the storm."),)))


def _with_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue]) -> Cue:
    found = _find_subject(text, toks, cue, earlier)
    m = found.subject
    if m is not None and m.kind is MentionKind.PRONOUN and m.text.lower() == "it":
        # rule it-organization: ``The Granite House published its account, which it
        # described as “frank”``: ``it`` is the organisation the sentence is about
        opening = _sentence_subject(text, toks, attrs.evolve(cue, subject=None), [], "sentence")
        s = opening.subject
        if s is not None and s.kind is MentionKind.ORGANIZATION and s.start < m.start:
            return attrs.evolve(found, subject=s, subject_rule="it-organization")
    return found


# ---------------------------------------------------------------- the subject sieve

#: Tokens between ``who`` and a later apposition inside its relative clause.
MAX_RELATIVE_SPAN = 12


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
        return not _clearly_verbal(self.toks, self.cue)

    def found(self, m: Mention, side: str) -> Cue:
        return attrs.evolve(self.cue, subject=m, subject_side=side)


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
    author = _document_author(text, toks, j)
    if author is not None:
        return ctx.found(author, "right")
    m = classify(text, toks, j, end)
    apposed = _apposed(text, toks, m, end, n) if m is not None and m.kind in (
        MentionKind.ROLE, MentionKind.ANONYMOUS) else None
    if apposed is not None:  # ``according to Velmar’s foreign policy aide, Konstantin Dravek``
        m = apposed[0]
    if m is None:  # ``according to the nonpartisan budget office``: any noun phrase
        end = j
        while end < n and end - j < 10 and toks[end].kind is TokKind.WORD:
            end += 1
        if end > j:
            m = Mention(toks[j].start, toks[end - 1].end, text[toks[j].start:toks[end - 1].end],
                        MentionKind.ANONYMOUS)
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
    absolute = _absolute_subject(ctx.text, ctx.toks, ctx.cue)
    return ctx.found(absolute, "absolute") if absolute is not None else None


@_subject_rule("subject-participle", "``…, saying …``: the sentence's subject (or the latest "
               "speaker in it)",
               Example("Mila Arden closed the pier, saying the cranes were unsafe.",
                       "the cranes were unsafe", "Mila Arden"),
               Example("Mila Arden said the cranes were unsafe.", "the cranes were unsafe"))
def subject_participle(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    t = ctx.tok_left()
    if ctx.cue.rule != "participle" or t is None or not (
            t.lower in PARTICIPLE_LINKS or t.kind is TokKind.QUOTE
            and t.text.rstrip(CLOSING_MARKS).endswith(",")):
        return None  # (``said “…,” suggesting``: the comma sits inside the marks)
    return _sentence_subject(ctx.text, ctx.toks, ctx.cue, ctx.earlier, "sentence")


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
    if t is not None and t.kind is TokKind.WORD and _introduces_quote(ctx.toks, ctx.cue.last):
        m = classify(ctx.text, ctx.toks, chunk_backward(ctx.toks, ctx.left), ctx.left + 1)
        if m is not None and m.kind is MentionKind.NAME:
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
    if t is None or t.lower not in COORDINATORS:
        return None
    if ctx.weak():
        return NO_SUBJECT
    return _sentence_subject(ctx.text, ctx.toks, ctx.cue, ctx.earlier, "coordinated")


def _skip_age(toks: Sequence[Tok], h: int) -> int:
    """``h`` moved back over an age set off by commas just before it (``Gene, 71,`` ``h``)."""
    if h >= 4 and toks[h - 1].text == "," and toks[h - 3].text == "," and (
            toks[h - 2].text.isdecimal()):
        return h - 2
    return h


def _apposed_to_head(text: str, toks: Sequence[Tok], m: Mention) -> Mention:
    """``Tomas Brevik, a senior engineer who said …``: the name the head is apposed to."""
    h = _skip_age(toks, _tok_at(toks, m.start))  # ``Gene, 71, a retired ferry mechanic …``
    if h >= 2 and toks[h - 1].text == ",":
        named = classify(text, toks, chunk_backward(toks, h - 2), h - 1)
        if named is not None and named.kind is MentionKind.NAME:
            return attrs.evolve(named, roles=named.roles + m.roles,
                                role_phrases=named.role_phrases + m.role_phrases)
    return m


def _person_before_place(text: str, toks: Sequence[Tok], m: Mention) -> Mention | None:
    """Rule ``person-before-place``: ``Nicky Doyle, 24, from Kester, who said …``: the
    person before ``from``/``of``/``in`` and an age speaks, not the place."""
    h = _tok_at(toks, m.start)
    if h < 2 or toks[h - 1].lower not in {"from", "of", "in"}:
        return None
    h = _skip_age(toks, h - 1)
    if toks[h - 1].text == ",":
        h -= 1
    if h < 1 or toks[h - 1].kind is not TokKind.WORD:
        return None
    named = classify(text, toks, chunk_backward(toks, h - 1), h)
    return named if named is not None and named.kind is MentionKind.NAME else None


@_subject_rule("subject-relative", "``the fund is run by Teo Lind, who said …``: the noun "
               "phrase before ``who``",
               Example("The fund is run by Mila Arden, who said the pier would reopen.",
                       "the pier would reopen", "Mila Arden"),
               Example("The fund is run by Mila Arden. She said the pier would reopen.",
                       "the pier would reopen"))
def subject_relative(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    toks, left = ctx.toks, ctx.left
    if left < 0 or toks[left].lower not in RELATIVE_PRONOUNS:
        return None
    if ctx.weak():
        return NO_SUBJECT
    e = left - 1 if left >= 1 and toks[left - 1].text != "," else left - 2
    m = _noun_phrase_before(ctx.text, toks, e) if e >= 0 else None
    if m is not None and m.kind is not MentionKind.NAME:
        m = _apposed_to_head(ctx.text, toks, m)
    elif m is not None:
        m = _person_before_place(ctx.text, toks, m) or m
    return ctx.found(m, "relative") if m else NO_SUBJECT


def _word_before(ctx: _SubjectCtx) -> bool:
    t = ctx.tok_left()
    return t is not None and (t.kind is TokKind.WORD or t.text == ")")


@_subject_rule("subject-linked-source", "a source linked to the cue by its affiliation",
               Example("A person close to Mila Arden said the fees would rise.",
                       "the fees would rise", "A person close to Mila Arden"),
               Example("Mila Arden said the fees would rise.", "the fees would rise"))
def subject_linked_source(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    linked = _linked_source(ctx.text, ctx.toks, ctx.left)
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
    if m is not None and start >= 2 and toks[start - 1].lower in AFFILIATION_LINKS:
        person = classify(text, toks, chunk_backward(toks, start - 2), start - 1)
        if person is not None and person.kind is MentionKind.NAME:
            m = person  # ``Mr. Morgan of the Harbour Club said``: Morgan speaks
        elif person is not None and person.kind in (MentionKind.ROLE, MentionKind.ANONYMOUS):
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
    while a > 0 and left - a < 4 and (_time_word(toks[a]) or toks[a].lower == "on"):
        a -= 1
    if a < left and toks[a].kind is TokKind.WORD:
        m = classify(ctx.text, toks, chunk_backward(toks, a), a + 1)
        if m is not None:
            return ctx.found(m, "left")
    return None


@_subject_rule("subject-description", "``Experts on harbour law said``: a clause-initial noun "
               "phrase no lexicon covers; else no subject",
               Example("Experts on coastal law said the wall was too low.",
                       "the wall was too low", "Experts on coastal law"),
               Example("Mila Arden said the wall was too low.", "the wall was too low"))
def subject_description(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    if not _word_before(ctx):
        return None
    m = None if ctx.weak() else describe_backward(ctx.text, ctx.toks, ctx.left)
    return ctx.found(m, "description") if m else NO_SUBJECT


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
    if p >= 1 and toks[p].text in DASHES and toks[p - 1].kind is TokKind.WORD:
        m = classify(ctx.text, toks, chunk_backward(toks, p - 1), p)
        if m is not None:
            return ctx.found(m, "apposition")
    return NO_SUBJECT


def _apposition_open(toks: Sequence[Tok], left: int) -> int:
    """The comma opening an apposition or relative clause that ends at comma ``left``."""
    p = left - 1
    while p >= 0 and left - p <= 25 and toks[p].text != "," and (
        toks[p].kind is not TokKind.QUOTE or nickname(toks, p)
    ) and not is_boundary(toks, p):
        p -= 1
    return p


def _merge_roles(m: Mention, other: Mention) -> Mention:
    return attrs.evolve(m, roles=m.roles + other.roles,
                        role_phrases=m.role_phrases + other.role_phrases,
                        nationality=m.nationality or other.nationality)


def _relative_head(ctx: _SubjectCtx, p: int, start: int) -> Mention | None:
    """``One crane operator, who asked not to be named, said``: the head before ``who``."""
    text, toks = ctx.text, ctx.toks
    m = _noun_phrase_before(text, toks, p - 1)
    if m is not None and start >= 2 and toks[start - 1].lower in AFFILIATION_LINKS:
        # ``Viktor Amsel of National Renewal, who finished third, conceded``
        person = classify(text, toks, chunk_backward(toks, start - 2), start - 1)
        if person is not None and person.kind is MentionKind.NAME:
            m = person
    return m


def _relative_clause_head(text: str, toks: Sequence[Tok], start: int) -> Mention | None:
    """Rule ``relative-clause-head``: the name before ``, who`` when the phrase at ``start``
    stands inside that relative clause (``Ruiz, who helped found EDGE, a harbour group,
    said`` → Ruiz, not EDGE)."""
    for k in range(start - 1, max(1, start - MAX_RELATIVE_SPAN) - 1, -1):
        t = toks[k]
        if is_boundary(toks, k) or t.kind is TokKind.QUOTE or t.text in {";", ":"}:
            return None
        if t.lower in {"who", "whose"} and toks[k - 1].text == "," and k >= 2:
            m = classify(text, toks, chunk_backward(toks, k - 2), k - 1)
            return m if m is not None and m.kind is MentionKind.NAME else None
    return None


def _past_post_nominal(toks: Sequence[Tok], p: int) -> int:
    """Rule ``post-nominal``: the comma before ``, MD`` when ``toks[p]`` is the comma after it
    (``Maren Holt, MD, director of the clinic, said``: Holt speaks, not MD); else ``p``."""
    if p >= 3 and post_nominal(toks[p - 1]) and toks[p - 2].text == "," and (
            toks[p - 3].is_cap):
        return p - 2
    return p


def _apposition(ctx: _SubjectCtx, p: int) -> Mention | None:
    text, toks, left = ctx.text, ctx.toks, ctx.left
    start = chunk_backward(toks, p - 1)
    m = classify(text, toks, start, p)
    if m is not None and start > 0 and toks[start - 1].lower in PREPOSITIONS:
        m = None  # ``His partner at Lenox, Pia Kern, said``: Lenox is no subject
    inner_start = p + 1
    inner_end = chunk_forward(toks, inner_start)
    label_end = _party_label_end(toks, inner_end)
    inner = classify(text, toks, inner_start, inner_end) if left in (
        inner_end, label_end) else None
    if m is not None and m.kind.value in ("name", "pronoun"):
        outer = _relative_clause_head(text, toks, start)
        if outer is not None:
            return outer  # ``Ruiz, who helped found EDGE, a harbour group, said``: Ruiz
        return _merge_roles(m, inner) if inner is not None and inner.roles else m
    if inner is None and inner_start < left:
        inner = _described_name(text, toks, inner_start, left)
    if inner is not None and inner.kind.value == "name":
        return _merge_roles(inner, m) if m is not None else inner
    if m is not None:
        # ``Selma Arkwright, a fund manager at Ostholm, which owns 3 percent, said``:
        # the name opening the clause beats a description between the commas
        return _fronted_subject(text, toks, left) or m
    return _relative_head(ctx, p, start) if toks[p + 1].lower in RELATIVE_PRONOUNS else None


@_subject_rule("subject-apposition", "``Teo Lind, the port's director, said``: the name on "
               "either side of an apposition, or the head of a relative clause",
               Example("Mila Arden, the port's director, said the fees would rise.",
                       "the fees would rise", "Mila Arden"),
               Example("The fees, the port's director said, would rise.", "would rise"))
def subject_apposition(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    toks, left = ctx.toks, ctx.left
    if left < 0 or toks[left].text != ",":
        return None
    p = _apposition_open(toks, left)
    if p >= 1 and toks[p].text == "," and (toks[p - 1].kind is TokKind.WORD
                                           or toks[p - 1].text == ")"):
        q = _past_post_nominal(toks, p)
        m = _apposition(ctx, q)
        if m is not None:
            found = ctx.found(m, "apposition")
            return found if q == p else attrs.evolve(found, subject_rule="post-nominal")
    return None


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
    m = _fronted_subject(ctx.text, ctx.toks, ctx.left)
    return ctx.found(m, "apposition") if m is not None else None


def _inverted_mention(text: str, toks: Sequence[Tok], j: int) -> tuple[Mention | None, int]:
    """The noun phrase after an inverted cue's verb at ``j``, and where it ends; an unlisted
    job title before a name is kept (``said harbourmaster Agnes Thorvald``)."""
    n = len(toks)
    end = chunk_forward(toks, j)
    m = classify(text, toks, j, end)
    d = j
    while m is None and d < n and d - j < MAX_TITLE_WORDS and (
        descriptor_word(toks[d]) or toks[d].text == "/"  # ``9/11`` is three tokens
    ):
        d += 1
    if m is None and j < d < n and category(toks[d]) is Cat.CAP:
        end = chunk_forward(toks, d)
        m = classify(text, toks, d, end)
        if m is not None and m.kind is MentionKind.NAME:
            word = toks[d - 1].lower
            m = attrs.evolve(m, start=toks[j].start, text=text[toks[j].start:m.end],
                             roles=(*m.roles, word), role_phrases=(*m.role_phrases, word))
        else:
            m = None
    elif m is not None and m.kind in (MentionKind.NAME, MentionKind.ORGANIZATION):
        m, end = _name_after_modifier(text, toks, j, m, end)
    return m, end


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
    if category(toks[d]) is not Cat.CAP:
        return m, end
    after = chunk_forward(toks, d)
    person = classify(text, toks, d, after)
    if person is None or person.kind is not MentionKind.NAME:
        return m, end
    word = toks[d - 1].lower
    return attrs.evolve(person, start=toks[j].start, text=text[toks[j].start:person.end],
                        roles=(*person.roles, word),
                        role_phrases=(*person.role_phrases, word)), after


@_subject_rule("subject-inverted", "``“…,” said the mayor``, ``The port will reopen, said Ana "
               "Ruiz.``: the noun phrase after the verb",
               Example("“We are ready,” said Mila Arden.", "We are ready,", "Mila Arden"),
               Example("“We are ready,” Mila Arden said.", "We are ready,"))
def subject_inverted(ctx: _SubjectCtx) -> Cue | _NoSubject | None:
    text, toks, cue, left = ctx.text, ctx.toks, ctx.cue, ctx.left
    after_quote = left >= 0 and (toks[left].kind is TokKind.QUOTE or left >= 1 and (
        toks[left - 1].kind is TokKind.QUOTE))
    if cue.first - 1 >= 0 and toks[cue.first - 1].kind is TokKind.WORD:
        return NO_SUBJECT
    m, end = _inverted_mention(text, toks, cue.verb + 1)
    if m is None:
        return NO_SUBJECT
    if not after_quote and (m.kind is MentionKind.PRONOUN or not _ends_clause(toks, end)):
        return NO_SUBJECT  # ``…, said the mayor`` must end the clause to be inverted
    apposed = _apposed(text, toks, m, end, len(toks))
    if apposed is not None:  # ``said the ambassador, Ana Ruiz``, ``said Teo Lind, Ruiz’s agent``
        m = apposed[0]
    return attrs.evolve(cue, subject=m, subject_side="right",
                        last=max(cue.last, cue.verb), end=max(cue.end, toks[cue.verb].end))


#: The subject sieve, in the order its rules are tried.
SUBJECT_ORDER: tuple[str, ...] = tuple(r.name for r, _ in _SUBJECT_RULES)


def _find_subject(text: str, toks: Sequence[Tok], cue: Cue, earlier: list[Cue]) -> Cue:
    """``cue`` with the subject the first deciding rule of :data:`SUBJECT_ORDER` found."""
    ctx = _SubjectCtx(text, toks, cue, earlier, _skip_aside_adverb(toks, cue.first - 1))
    decided: tuple[Rule, Cue | _NoSubject] | None = first_decision(_SUBJECT_RULES, ctx)
    if decided is None:
        return cue
    r, found = decided
    if isinstance(found, _NoSubject):
        return cue
    if found.subject is None:
        return found
    return attrs.evolve(found, subject_rule=found.subject_rule or r.name)  # (a refinement's)
