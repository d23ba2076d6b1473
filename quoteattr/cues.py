"""The cue sieve: reporting cues (``said``, ``told reporters``, ``posted on X``, ``according
to``) found in a paragraph's tokens, each word tried rule by rule in :data:`CUE_ORDER`.

The first rule that decides makes the word a cue; its name is ``Cue.rule`` and the quote
trail's cue step: ``according-to``, ``light-verb`` (``has made clear that``),
``introducing-phrasal`` (``“…,” she went on.``), ``cue-verb`` (a reporting verb with its
auxiliaries, ``has also said``, and what follows it before the content, ``told reporters
during a briefing``, ``said on X``) and ``participle`` (``…, saying on X that …``). The
reporting-verb rules are stopped by the vetoes of sieve ``cue-veto`` (a noun use, a passive, a
capitalised word that does not front its sentence, …). Each cue then gets its subject from
the subject sieve (:mod:`quoteattr.subjects`).

The phrase grammar these rules use (sentence bounds, adjuncts, noun-or-verb uses, verb groups)
is :mod:`quoteattr.phrases`; the names other modules imported from here before it existed
are re-exported (see ``__all__``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .cue_model import Cue
from .lexicon import cues as lex
from .lexicon import grammar, pronouns
from .mentions import chunk_forward
from .phrases import (
    BOUNDARY,
    CLOSING_MARKS,
    DASHES,
    MAX_SENTENCE,
    absorb_adjuncts,
    cue_first,
    introduces_quote,
    is_boundary,
    is_infinitive,
    is_noun_use,
    is_passive,
    manner_adverb,
    predicate_noun,
    sentence_end,
    sentence_start,
)
from .rules import Example, Rule, first_decision, is_enabled, register
from .subjects import SUBJECT_ORDER, subject_phrase_start, with_subject
from .tokens import Tok, TokKind

__all__ = [  # (the phrase-grammar and subject names are re-exported for older imports)
    "BOUNDARY", "CLOSING_MARKS", "CUE_ORDER", "DASHES", "MAX_SENTENCE", "SUBJECT_ORDER", "Cue",
    "find_cues",
    "is_boundary", "is_infinitive", "manner_adverb", "predicate_noun", "sentence_end",
    "sentence_start", "subject_phrase_start",
]


#: How far after a description verb its quotation or ``as`` may stand (``called the
#: council’s use of private ferries “careless”``).
DESCRIPTION_REACH = 12
# Module globals for the token kinds (a read through the enum class is ten times slower).
_WORD, _QUOTE = TokKind.WORD, TokKind.QUOTE


def _addressee_end(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Last token of the listener after ``told``: ``reporters``, ``a group of journalists``."""
    j = k + 1
    if j < limit and toks[j].kind is _WORD and (
            toks[j].lower not in grammar.NOT_LISTENER_START):
        end = chunk_forward(toks, j)
        if end > j:
            return end - 1
        if toks[j].lower in lex.CUE_LISTENERS:
            return j
    return k


def _fronted_cue(toks: Sequence[Tok], k: int) -> bool:
    """A capitalised cue opening its sentence before a name, a colon or comma and a
    quotation: ``Said Lind: “…”``, ``Added the mayor, “…”`` (not ``Said Jalili, the envoy``)."""
    if not (toks[k].is_cap and (k == 0 or is_boundary(toks, k - 1))):
        return False
    end = chunk_forward(toks, k + 1)
    return k + 1 < end < len(toks) and toks[end].text in {":", ","} and (
        end + 1 == len(toks) or toks[end + 1].kind is _QUOTE
    )


def _closes_quote_attribution(toks: Sequence[Tok], k: int, last: int | None = None) -> bool:
    """Rule ``introducing-after-quote``: ``“…,” Lind continued.``: the verb (to ``last``, its
    particle), after a short subject, closes the attribution of the quotation just before it."""
    n = len(toks)
    after = (k if last is None else last) + 1
    if after < n and toks[after].text not in {".", ","} or not is_enabled(
            "introducing-after-quote"):
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        t = toks[j]
        if t.kind is _QUOTE:
            return t.text.rstrip(CLOSING_MARKS).endswith((",", "?", "!"))
        if t.kind is not _WORD or not (
                t.is_cap or t.lower in pronouns.THIRD_PERSON_SUBJECTS):
            return False
    return False


# ---------------------------------------------------------------- the cue sieve


@attrs.frozen(slots=True)
class _CueCtx:
    toks: Sequence[Tok]
    k: int  # the word that may be a cue
    beliefs: bool  # verbs of belief count (``Ruiz thinks …``)
    light_verbs: dict[str, set[str]]  # lexicon.cues.LIGHT_VERB_CUES, read once per paragraph
    noun_rules: tuple[bool, bool] = (True, True)  # ``adverb-before-cue``, ``name-as-modifier``


#: A cue rule's decision: the cue's lemma and the index of its last token.
_Found = tuple[str, int]
_CueFn = Callable[[_CueCtx], "_Found | None"]
_CUE_RULES: list[tuple[Rule, _CueFn]] = []


def _cue_rule(name: str, summary: str, example: Example, counter: Example
              ) -> Callable[[_CueFn], _CueFn]:
    def wrap(fn: _CueFn) -> _CueFn:
        _CUE_RULES.append((register(Rule(name, "cue", summary, (example,), (counter,))), fn))
        return fn
    return wrap


@_cue_rule("according-to", "``…, according to a senior official``: ``according to`` is a cue",
           Example("The ferry was full, according to the harbour office.",
                   "The ferry was full", "the harbour office"),
           Example("The ferry ran according to plan, Mila Arden said.",
                   "The ferry ran according to plan"))
def according_to(ctx: _CueCtx) -> _Found | None:
    toks, k = ctx.toks, ctx.k
    if toks[k].lower == "according" and k + 1 < len(toks) and toks[k + 1].lower == "to":
        return "according to", k + 1
    return None


@_cue_rule("light-verb", "``has made clear that …``: a light verb and its word "
           "(``lexicon.cues.LIGHT_VERB_CUES``) are a cue",
           Example("The ministry has made clear that the pier will stay shut.",
                   "the pier will stay shut", "The ministry"),
           Example("The ministry said that the pier will stay shut.",
                   "the pier will stay shut"))
def light_verb(ctx: _CueCtx) -> _Found | None:
    toks, k = ctx.toks, ctx.k
    low = toks[k].lower
    if low in ctx.light_verbs and k + 1 < len(toks) and toks[k + 1].lower in ctx.light_verbs[low]:
        return lex.light_verb_lemma(low, toks[k + 1].lower), k + 1
    return None


@_cue_rule("introducing-phrasal", "``went on`` and ``carried on`` next to a quotation they "
           "carry on are cues, as ``continued`` is",
           Example("Conductor Felix Arnaud was relieved. “We owe the city a great season,” he "
                   "went on. “And we will give it one.”", "We owe the city a great season,",
                   "Felix Arnaud"),
           Example("Conductor Felix Arnaud was relieved. The rehearsal went on. “We owe the "
                   "city a great season.”", "We owe the city a great season."))
def introducing_phrasal(ctx: _CueCtx) -> _Found | None:
    """``“…,” she went on. “…”``, ``he went on, “…”``; not ``the talks went on``."""
    toks, k = ctx.toks, ctx.k
    if k + 1 >= len(toks) or not toks[k].text[0].islower():
        return None
    lemma = lex.introducing_phrasal(toks[k].lower, toks[k + 1].lower)
    if lemma is None or not (introduces_quote(toks, k + 1)
                             or _closes_quote_attribution(toks, k, k + 1)):
        return None
    return lemma, k + 1


@_cue_rule("cue-verb", "a reporting verb (``said``, ``has warned``, ``told reporters``) that "
           "no veto below stops",
           Example("Mila Arden said the pier would reopen in May.",
                   "the pier would reopen in May", "Mila Arden"),
           Example("Mila Arden closed the pier, saying the cranes were unsafe.",
                   "the cranes were unsafe"))
def cue_verb(ctx: _CueCtx) -> _Found | None:
    return None if ctx.toks[ctx.k].lower.endswith("ing") else _verb_cue(ctx)


@_cue_rule("participle", "``…, saying …``: a reporting verb's -ing form (a finite verb after "
           "``is``/``was``: ``is stressing that`` reports as ``cue-verb``)",
           Example("Mila Arden closed the pier, saying the cranes were unsafe.",
                   "the cranes were unsafe", "Mila Arden"),
           Example("Mila Arden said the cranes were unsafe.", "the cranes were unsafe"))
def participle(ctx: _CueCtx) -> _Found | None:
    return _verb_cue(ctx) if ctx.toks[ctx.k].lower.endswith("ing") else None


#: The cue sieve, in the order its rules are tried on each word.
CUE_ORDER: tuple[str, ...] = tuple(r.name for r, _ in _CUE_RULES)


def _veto(name: str, summary: str, example: Example, counter: Example) -> None:
    register(Rule(name, "cue-veto", summary, (example,), (counter,), vetoes=True))


_veto("capitalised-cue", "a capitalised cue word is no cue unless it fronts its sentence "
      "before a name and a colon or comma and a quotation (``Said Lind: “…”``)",
      Example("Harbour Chiefs Say the pier will close.", "the pier will close"),
      Example("Said Mila Arden: “The pier will close.”", "The pier will close."))
_veto("cue-noun-use", "the cue word is a noun or an adjective here: ``in a post``, ``the "
      "state attorney general``, ``from newly disclosed records``, ``a Teo Lind post``",
      Example("Mila Arden read a Teo Lind post saying the pier would close.",
              "the pier would close"),
      Example("In a post, Mila Arden said the pier would close.", "the pier would close"))
_veto("passive-cue", "a passive (``was told``, ``has been warned``) is no cue",
      Example("Mila Arden was told the pier would close.", "the pier would close"),
      Example("Mila Arden told reporters the pier would close.", "the pier would close"))
_veto("introducing-needs-quote", "an introducing verb (``continued``) is a cue only right "
      "before the quotation it introduces or right after one, behind a short subject",
      Example("Mila Arden continued the tour, the pier would close.", "the pier would close"),
      Example("“The pier will close,” Mila Arden continued.", "The pier will close,"))
_veto("phrasal-particle", "a phrasal cue without its particle is no cue: ``spoke at the "
      "rally``, ``pointed the way`` (``spoke of``, ``pointed out`` are cues)",
      Example("Mila Arden pointed the way the pier would go.", "the pier would go"),
      Example("Mila Arden pointed out that the pier would close.", "the pier would close",
              "Mila Arden"))
_veto("description-needs-object", "a description verb (``called``, ``described``) is a cue "
      "only with a quotation, ``as`` or a predicate noun to describe",
      Example("Mila Arden called the harbour office on Monday morning to ask whether the "
              "island ferry would run, and heard a “maybe.”", "maybe."),
      Example("Mila Arden called the plan “a disgrace.”", "a disgrace."))


def _vetoed(toks: Sequence[Tok], k: int, noun_rules: tuple[bool, bool] = (True, True)
            ) -> bool:
    """Rules ``capitalised-cue``, ``cue-noun-use`` and ``passive-cue`` stop the word at ``k``
    (``noun_rules`` switches the noun-use sub-steps, see :data:`_CueCtx`)."""
    if not toks[k].text[0].islower() and (
            lex._FORM_TO_LEMMA.get(toks[k].lower) is None or not _fronted_cue(toks, k)) and (
            is_enabled("capitalised-cue")):
        return True
    return is_noun_use(toks, k, *noun_rules) and is_enabled("cue-noun-use") or is_passive(
        toks, k) and is_enabled("passive-cue")


def _phrasal(toks: Sequence[Tok], k: int, lemma: str) -> _Found | None:
    """``called for`` with its particle, a phrasal verb that is a cue alone too (``called``),
    or None (rule ``phrasal-particle``: ``spoke at the rally``)."""
    particle = toks[k + 1].lower if k + 1 < len(toks) else ""
    if particle in lex.PHRASAL_CUES[lemma]:
        return f"{lemma} {particle}", k + 1
    if lemma not in lex.DESCRIPTION_VERBS and lemma not in lex.REGULAR_VERBS and (
            is_enabled("phrasal-particle")):
        return None
    return lemma, k


def _nothing_to_describe(toks: Sequence[Tok], k: int, lemma: str) -> bool:
    """Rule ``description-needs-object``: no quotation, ``as`` or predicate noun follows."""
    return not any(
        toks[m].kind is _QUOTE or toks[m].lower == "as"
        for m in range(k + 1, min(len(toks), k + DESCRIPTION_REACH))
    ) and predicate_noun(toks, k, lemma) < 0 and is_enabled("description-needs-object")


def _verb_cue(ctx: _CueCtx) -> _Found | None:
    """``(lemma, last)`` when the word ``toks[k]`` is a reporting verb used as a cue (rules
    ``cue-verb`` and ``participle``) and no veto of ``cue-veto`` stops it."""
    toks, k = ctx.toks, ctx.k
    low = toks[k].lower
    found = lex._FORM_TO_LEMMA.get(low)  # (``tok.lower`` is lower case already)
    if found is None and ctx.beliefs:
        found = lex.belief_lemma_of(low)
    if found is None or _vetoed(toks, k, ctx.noun_rules):
        return None
    lemma, last = found, k
    if lemma in lex.INTRODUCING_VERBS and not (
            introduces_quote(toks, k) or _closes_quote_attribution(toks, k)) and (
            is_enabled("introducing-needs-quote")):
        return None
    if lemma in lex.PHRASAL_CUES:
        phrasal = _phrasal(toks, k, lemma)
        if phrasal is None:
            return None
        lemma, last = phrasal
    if lemma in lex.DESCRIPTION_VERBS and _nothing_to_describe(toks, k, lemma):
        return None
    if lemma in lex.ADDRESSEE_VERBS and is_enabled("listener-in-cue"):
        last = _addressee_end(toks, k, len(toks))  # rule listener-in-cue: ``told reporters``
    return lemma, last


# ------------------------------------------- shaping a decided cue (sieve ``cue-shape``)

register(Rule(
    "introducing-after-quote", "cue-shape", "an introducing verb (``continued``, ``went on``) "
    "after a short subject closes the attribution of the quotation just before it "
    "(``“…,” Lind continued.``)",
    (Example("“The pier will close,” Mila Arden continued.", "The pier will close,",
             "Mila Arden"),),
    (Example("Mila Arden continued: “The pier will close.”", "The pier will close.",
             "Mila Arden"),), by_effect=True))

register(Rule(
    "time-subject", "cue-shape", "time words after a cue modify it (``said last week that``) "
    "unless they open the content as its subject (``said last year was the worst``), a degree "
    "word or a conjunction",
    (Example("Mila Arden said last year was the worst for the pier.", "was the worst",
             "Mila Arden"),),
    (Example("Mila Arden said last week that the pier would close.", "the pier would close",
             "Mila Arden"),), by_effect=True))
register(Rule(
    "catenative-cue", "cue-shape", "a catenative verb before ``to`` belongs to the cue "
    "(``continues to insist``, ``went on to say``), so the subject is found before it",
    (Example("Mila Arden went on to say the pier would close.", "the pier would close",
             "Mila Arden"),),
    (Example("Mila Arden went on to the pier and said it would close.", "it would close",
             "Mila Arden"),), by_effect=True))
register(Rule(
    "adverb-before-cue", "cue-shape", "``first``/``earlier`` between a subject and a past form "
    "is an adverb (``Ruiz first revealed …``), not an adjective before a noun (``the first "
    "reported case``): the cue word stays a verb",
    (Example("Mila Arden first revealed that the pier would close.", "the pier would close",
             "Mila Arden"),),
    (Example("Mila Arden revealed that the pier would close.", "the pier would close",
             "Mila Arden"),), by_effect=True))
register(Rule(
    "name-as-modifier", "cue-shape", "a cue word after ``a``/``the`` and a name is a noun the "
    "name modifies (``a Teo Lind post``), not a verb; ``the Democrats claim`` stays a verb",
    (Example("Mila Arden read a Teo Lind post saying the pier would close.",
             "the pier would close"),),
    (Example("In a post, Mila Arden said the pier would close.", "the pier would close",
             "Mila Arden"),), vetoes=True))

register(Rule(
    "commitment-infinitive", "cue-shape", "after a commitment verb (``pledged``, ``vowed``) the "
    "infinitive is the content, so no adjunct is absorbed into the cue (``pledged to rebuild "
    "the pier``)",
    (Example("Mila Arden promised to Ruiz to rebuild the pier.", "rebuild the pier",
             "Mila Arden"),),
    (Example("Mila Arden vowed to rebuild the pier before winter.", "rebuild the pier",
             "Mila Arden"),), by_effect=True))
register(Rule(
    "listener-in-cue", "cue-shape", "the listener after ``told``/``warned`` is part of the "
    "cue (``told reporters the pier …``), so the content starts after it",
    (Example("Mila Arden told reporters the pier would close in May.",
             "the pier would close", "Mila Arden"),),
    (Example("Mila Arden said the pier would close in May.", "the pier would close",
             "Mila Arden"),), by_effect=True))
register(Rule(
    "cue-adjuncts", "cue-shape", "time, place and medium adjuncts after a cue belong to it "
    "(``said on Monday in a post that …``), so the content starts after them",
    (Example("Mila Arden said on Monday that the pier would close.", "the pier would close",
             "Mila Arden"),),
    (Example("Mila Arden said that the pier would close.", "the pier would close",
             "Mila Arden"),), by_effect=True))
register(Rule(
    "progressive-cue-verb", "cue-shape", "a reporting verb's -ing form after ``is``/``was`` is "
    "a finite verb: it reports as ``cue-verb``, not ``participle`` (``is stressing that``)",
    (Example("Mila Arden is stressing that the pier will close.", "the pier will close",
             "Mila Arden"),),
    (Example("Mila Arden closed the pier, saying the cranes were unsafe.",
             "the cranes were unsafe", "Mila Arden"),), by_effect=True))


def _cue(text: str, toks: Sequence[Tok], k: int, rule: str, found: _Found,
         earlier: list[Cue]) -> Cue:
    """The cue ``rule`` found at ``toks[k]``: its phrase with auxiliaries and adjuncts, and
    its subject."""
    lemma, last = found
    n = len(toks)
    if rule != "according-to" and not (
        lemma in lex.COMMITMENT_VERBS and last + 1 < n and toks[last + 1].lower == "to"
        and is_enabled("commitment-infinitive")
    ) and is_enabled("cue-adjuncts"):  # ``pledged to rebuild the pier``: the infinitive is
        # the content; rule cue-adjuncts: ``said on Monday that``
        last = absorb_adjuncts(toks, last, sentence_end(toks, k), is_enabled("time-subject"))
    first = cue_first(toks, k, is_enabled("catenative-cue"))
    if rule == "participle" and first < k and any(
        toks[m].lower in grammar.PROGRESSIVE_AUXILIARIES for m in range(first, k)
    ) and is_enabled("progressive-cue-verb"):
        rule = "cue-verb"  # ``Ruiz is stressing that …``: a finite verb
    cue = Cue(k, first, last, lemma, rule, toks[first].start, toks[last].end)
    return with_subject(text, toks, cue, earlier)


_Phrasal = tuple[dict[str, tuple[str, tuple[str, ...]]], set[str]]
#: The table ``_phrasal_words`` was last made from (a copy) and the words it gave.
_PHRASAL: list[_Phrasal] = [({}, set())]


def _phrasal_words() -> set[str]:
    """The words an introducing phrasal verb may start with (``went`` of ``went on``), made
    again only when ``lexicon.cues.INTRODUCING_PHRASAL`` no longer equals its copy."""
    table, words = _PHRASAL[0]
    if table != lex.INTRODUCING_PHRASAL:
        table = dict(lex.INTRODUCING_PHRASAL)
        words = {w for _, forms in table.values() for w in forms}
        _PHRASAL[0] = (table, words)
    return words


def find_cues(text: str, toks: Sequence[Tok], beliefs: bool = False) -> list[Cue]:
    """Reporting cues in one paragraph, each decided by the first rule of :data:`CUE_ORDER`,
    with their subjects; with ``beliefs``, verbs of belief and intention too (``Ruiz thinks
    the port will reopen``)."""
    out: list[Cue] = []
    word_kind = _WORD
    light_verbs = lex.LIGHT_VERB_CUES  # the lexicon, looked up once per paragraph
    forms, phrasal = lex._FORM_TO_LEMMA, _phrasal_words()
    belief_forms = lex._BELIEF_FORMS if beliefs else {}
    noun_rules = (is_enabled("adverb-before-cue"), is_enabled("name-as-modifier"))
    for k, tok in enumerate(toks):
        if tok.kind is not word_kind:
            continue
        low = tok.lower
        if low not in forms and low not in light_verbs and low != "according" and (
                low not in phrasal and low not in belief_forms):
            continue  # no rule of the sieve could decide on this word
        decided = first_decision(_CUE_RULES, _CueCtx(toks, k, beliefs, light_verbs, noun_rules))
        if decided is not None:
            out.append(_cue(text, toks, k, decided[0].name, decided[1], out))
    return out
