"""Organisations without an organisation word: evidence that a one-word name is a company,
an outlet or a group, not a person (sieve ``entity-type``).

A one-word name with no first name, role, gender or other person evidence (``Quillfire``)
is typed as an organisation when the article writes one of:

- ``Quillfire said it would …`` / ``Quillfire announced its …``: the name is the subject of
  a cue whose content opens with ``it`` or ``its`` (rule ``it-refers-back``);
- ``Quillfire, a drone maker`` / ``Quillfire, the delivery company``: an apposition headed by
  an organisation noun (``lexicon.sources.ORGANIZATION_NOUNS``; rule
  ``organisation-apposition``);
- ``the Quillfire`` before a verb or a stop: a name with the article (rule
  ``definite-name``: ``the Gazette reported``, ``according to the Gazette.``);
- ``Quillfire's board`` / ``Quillfire's chief executive``: a possession only a company has
  (rule ``company-possession``);
- ``Quillfire (NASDAQ: QFR)``: a stock ticker after the name (rule ``stock-ticker``);
- ``Harbourwatch.org``: a web address (rule ``web-address``).

:mod:`quoteattr.pipeline`'s rule ``neuter-name`` (``Quillfire, which …``, ``Quillfire's
shares``) runs first; no rule here turns an organisation back into a person. No list of
names is used.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from itertools import compress

import regex

from .coreference import Entity, EntityIndex
from .lexicon import grammar, naming, sources
from .paragraphs import PackedPara, Paragraph
from .rules import Example, Rule, is_enabled, register
from .tokens import Tok, TokKind

__all__ = ["type_organisations"]


#: Punctuation that may follow a name the sentence ends or breaks on.
_STOPS = {".", ",", ";", ":", ")"}
_WORD, _POSS = TokKind.WORD, TokKind.POSS  # (globals: a read through the enum class is slow)
#: Most words between the cue verb and ``it`` (``said on Monday that it``).
MAX_CONTENT_OPENERS = 5
#: Most words an apposition may take up to its head noun (``a small private drone company``).
MAX_APPOSITION_WORDS = 6
#: A web address written as a name (``Harbourwatch.org``, ``Tidings.com``).
_WEB_ADDRESS = regex.compile(r"[\p{L}\p{N}-]+\.(?:com|org|net|info|io|co|news)",
                             regex.IGNORECASE)

_Evidence = Callable[[Sequence[Tok], int, Collection[int]], bool]


def _it_refers_back(toks: Sequence[Tok], i: int, verbs: Collection[int]) -> bool:
    """``Quillfire said it would …``: the name, then a cue verb, then ``it``/``its``."""
    k = i + 1
    if k >= len(toks) or k not in verbs:
        return False
    k += 1
    openers = naming.IT_CONTENT_OPENERS
    while k < len(toks) and k - i <= MAX_CONTENT_OPENERS and toks[k].lower in openers:
        k += 1
    return k < len(toks) and toks[k].lower in naming.NEUTER_PRONOUNS and (
        toks[k].kind is _WORD)


def _organisation_apposition(toks: Sequence[Tok], i: int, verbs: Collection[int]) -> bool:
    """``Quillfire, a drone maker, …``: after a comma and a determiner, a noun phrase headed
    by an organisation noun (``a small delivery company based in …``; not ``a company
    spokesman``)."""
    if i + 3 >= len(toks) or toks[i + 1].text != "," or toks[i + 2].lower not in (
            grammar.ARTICLES):
        return False
    ends, relatives = naming.APPOSITION_PHRASE_ENDS, naming.APPOSITION_RELATIVES
    for k in range(i + 3, min(len(toks), i + 3 + MAX_APPOSITION_WORDS)):
        t = toks[k]
        if t.kind is not _WORD or t.lower in ends:
            return False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if _organisation_noun(t.lower) and (
                nxt is None or nxt.kind is not _WORD or nxt.lower in relatives
                or nxt.lower.endswith(("ed", "ing"))):
            return True  # (not ``For the Saudis, the government in Riyadh has …``)
    return False


def _organisation_noun(word: str) -> bool:
    """``company``, ``companies``' singular, ``carmaker``: a noun only organisations head."""
    return word in sources.ORGANIZATION_NOUNS or word.endswith("maker") or (
        word.endswith("s") and word[:-1] in sources.ORGANIZATION_NOUNS)


def _definite_name(toks: Sequence[Tok], i: int, verbs: Collection[int]) -> bool:
    """``the HPA said`` / ``the Gazette reported`` / ``according to the Gazette``: a
    lower-case ``the`` before an acronym, or before a name that reports or is reported
    from (``the Texan said`` describes a person; ``the Saudis`` are people)."""
    if i == 0 or toks[i - 1].text != "the":
        return False
    word = toks[i].text
    if len(word) >= 2 and word.replace(".", "").isalpha() and word.isupper():
        return i + 1 == len(toks) or i + 1 in verbs or toks[i + 1].text in _STOPS
    if word.endswith("s"):
        return False
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    return nxt in naming.PUBLISHING_VERBS and i + 1 in verbs or i >= 3 and (
        toks[i - 2].lower == "to" and toks[i - 3].lower == "according")


def _company_possession(toks: Sequence[Tok], i: int, verbs: Collection[int]) -> bool:
    """``Quillfire's board`` / ``Quillfire's chief executive``: a possession only a company
    has (``lexicon.naming.COMPANY_ONLY_POSSESSIONS``; ``Quillfire's shares`` is rule
    ``neuter-name``)."""
    if i + 2 >= len(toks) or toks[i + 1].kind is not _POSS:
        return False
    word = toks[i + 2].lower
    return word in naming.COMPANY_ONLY_POSSESSIONS or word == "chief" and i + 3 < len(toks) and (
        toks[i + 3].lower == "executive")


def _stock_ticker(toks: Sequence[Tok], i: int, verbs: Collection[int]) -> bool:
    """``Quillfire (NASDAQ: QFR)``: brackets with an exchange and a symbol after the name."""
    return i + 5 < len(toks) and toks[i + 1].text == "(" and toks[i + 3].text == ":" and (
        toks[i + 2].text.isupper() and toks[i + 4].text.isupper()
        and toks[i + 5].text == ")") and len(toks[i + 2].text) >= 2


def _web_address(toks: Sequence[Tok], i: int, verbs: Collection[int]) -> bool:
    """``Harbourwatch.org``: the name is a web address."""
    return _WEB_ADDRESS.fullmatch(toks[i].text) is not None


#: The evidence rules, in the order they are tried.
EVIDENCE: tuple[tuple[str, _Evidence], ...] = (
    ("it-refers-back", _it_refers_back),
    ("organisation-apposition", _organisation_apposition),
    ("definite-name", _definite_name),
    ("company-possession", _company_possession),
    ("stock-ticker", _stock_ticker),
    ("web-address", _web_address),
)


def _neuter(e: Entity) -> bool:
    """Nothing says the entity is a person: no first name, role, gender or other evidence."""
    return not (e.organization or e.first_names or e.roles or e.gender_votes
                or e.person_evidence)


def _lone_capitals(toks: Sequence[Tok]) -> list[int]:
    """Where ``toks`` has a one-word capitalised name: no capitalised word just before or
    after (``is_cap`` read once per token)."""
    caps = [t.kind is _WORD and t.text[:1].isupper() for t in toks]  # (``Tok.is_cap``, inline)
    last = len(caps) - 1
    return [i for i in compress(range(len(caps)), caps) if not (i > 0 and caps[i - 1])
            and not (i < last and caps[i + 1])]


def _may_name(index: EntityIndex) -> Callable[[Paragraph], bool]:
    """Whether a paragraph may hold a capitalised word naming an entity with no person
    evidence; a packed paragraph is read from its store, no token made (the entities only
    leave that state while the names are typed, so a paragraph skipped had no candidate)."""
    found: dict[int, frozenset[int]] = {}

    def wanted(word: str) -> bool:
        if not word[:1].isupper():
            return False
        e = index.entity_named(word)
        return e is not None and _neuter(e)

    def may_name(p: Paragraph) -> bool:
        if not isinstance(p, PackedPara):
            return True
        store = p.store
        words = found.get(id(store))
        if words is None:
            words = found[id(store)] = store.word_numbers(wanted)
        return store.uses(p.number, words)

    return may_name


def type_organisations(paras: Sequence[Paragraph], index: EntityIndex) -> None:
    """Type as organisations the one-word names that the article's evidence shows are not
    people (the rules of ``EVIDENCE``, switched on)."""
    evidence = [fn for name, fn in EVIDENCE if is_enabled(name)]
    if not evidence:
        return
    may_name = _may_name(index)
    for p in paras:
        if not may_name(p):
            continue
        toks = p.toks
        verbs = {c.verb for c in p.cues}
        for i in _lone_capitals(toks):
            e = index.entity_named(toks[i].text)
            if e is not None and _neuter(e) and any(fn(toks, i, verbs) for fn in evidence):
                index.note_organization(e)


def _register(name: str, summary: str, example: tuple[str, str, str],
              counter: tuple[str, str]) -> None:
    register(Rule(name, "entity-type", summary, (Example(*example),), (Example(*counter),)))


_register("it-refers-back",
          "a one-word name with no person evidence is an organisation when it is the subject "
          "of a cue whose content opens with ``it``/``its`` (``Quillfire said it would …``)",
          ("Quillfire said on Monday that it would cut 200 jobs.", "it would cut 200 jobs",
           "Quillfire"),
          ("Quillfire said on Monday that the plant would cut 200 jobs.",
           "the plant would cut 200 jobs"))
_register("organisation-apposition",
          "… when an apposition headed by an organisation noun follows it (``Quillfire, a "
          "drone maker,``; ``Teck, the mining company,``)",
          ("Quillfire, a small delivery company, said the plant would close.",
           "the plant would close", "Quillfire"),
          ("Brook, a company spokeswoman, said the plant would close.",
           "the plant would close"))
_register("definite-name",
          "… when it is an acronym after a lower-case ``the`` (``the HPA said``), or a name "
          "after ``the`` that reports (``the Gazette reported``) or is reported from "
          "(``according to the Gazette``)",
          ("The plant will close in May, the HPA said on Monday.", "The plant will close",
           "HPA"),
          ("The plant will close in May, the Texan said on Monday.", "The plant will close"))
_register("company-possession",
          "… when the article writes its board, chief executive, founder, customers or "
          "products (``Quillfire's board``; ``Quillfire's shares`` is rule ``neuter-name``)",
          ("Quillfire's board met on Monday. Quillfire said the plant would close.",
           "the plant would close", "Quillfire"),
          ("Quillfire's staff met on Monday. Quillfire said the plant would close.",
           "the plant would close"))
_register("stock-ticker",
          "… when a stock ticker in brackets follows it (``Quillfire (NASDAQ: QFR)``)",
          ("Quillfire (NASDAQ: QFR) said the plant would close.", "the plant would close",
           "Quillfire"),
          ("Quillfire (pictured) said the plant would close.", "the plant would close"))
_register("web-address",
          "… when the name is a web address (``Harbourwatch.org reported``)",
          ("The plant will close in May, Harbourwatch.org reported.", "The plant will close",
           "Harbourwatch.org"),
          ("The plant will close in May, Harbourwatch reported.", "The plant will close"))
