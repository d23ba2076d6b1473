"""The speaker sieve: who a cue's subject is, tried rule by rule in :data:`ORDER`.

Each rule looks at the cue's subject mention and the entity index and either decides (a
speaker, possibly none, and the entity to note as the last speaker) or passes. The first rule
that decides wins; its name goes into the quote's trail, and what it ``reports_as`` into
``speaker_rule``. The order is the list below, as in CoreNLP's quote attribution sieves.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs

from .attribution import Resolved
from .coreference import Entity, EntityIndex, anonymous_speaker, organization_speaker
from .cue_model import Cue
from .lexicon import grammar, pronouns, sources
from .lexicon import mentions as lexm
from .mentions import Mention, MentionKind, age_description, chunk_forward, classify
from .model import Speaker
from .phrases import MAX_SENTENCE
from .rules import Example, Rule, first_decision, register
from .tokens import Tok

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_NAME, _ORGANIZATION, _ANONYMOUS = MentionKind.NAME, MentionKind.ORGANIZATION, MentionKind.ANONYMOUS
_PRONOUN, _ROLE = MentionKind.PRONOUN, MentionKind.ROLE

__all__ = ["CONFIDENCE", "ORDER", "resolve_speaker"]

#: Confidence of a speaker decision, by the name it reports as.
CONFIDENCE: dict[str | None, float] = {
    "named-cue": 0.9, "organization": 0.85, "unnamed-source": 0.85, "role-noun": 0.75,
    "pronoun": 0.7, "age-description": 0.65, "main-speaker-role": 0.6, "same-paragraph": 0.75,
    "continuation": 0.65, "lead-in": 0.8, "source-continuation": 0.7,
    "action-beat": 0.55, "name-colon": 0.6, "issued-statement": 0.65, "narrated-beat": 0.5,
    "manner-verb": 0.8,
    "last-speaker-role": 0.55,
    "partitive-source": 0.7,
    "document-author": 0.7,
    "described-source": 0.6, "role-description": 0.5, "unique-title": 0.6,
    "transcript": 0.85, "dash-signature": 0.8, None: 0.3,
}


@attrs.frozen(slots=True)
class _Ctx:
    cue: Cue
    m: Mention
    index: EntityIndex
    window: int  # where a pronoun may look back to
    paragraph: int  # where the cue's paragraph starts
    age: str | None  # "" or a gender for ``the 54-year-old``; None if no age description
    words: tuple[str, ...]  # the mention's words, lower case
    toks: Sequence[Tok] = ()  # the cue's paragraph
    text: str = ""  # the article (``toks`` index into it)


@attrs.frozen(slots=True)
class _Decision:
    speaker: Speaker | None = None
    entity: Entity | None = None  # the speaker comes from it, and it is noted as speaking
    final: bool = False  # the speaker is used as is, no entity noted


_Fn = Callable[[_Ctx], _Decision | None]
_RULES: list[tuple[Rule, _Fn]] = []


def _sieve_rule(name: str, summary: str, examples: tuple[Example, ...],
                counter: tuple[Example, ...] = (), reports_as: str | None = None
                ) -> Callable[[_Fn], _Fn]:
    def wrap(fn: _Fn) -> _Fn:
        _RULES.append((register(Rule(name, "speaker", summary, examples, counter, reports_as)),
                       fn))
        return fn
    return wrap


def _of_kind(ctx: _Ctx, kind: MentionKind) -> bool:
    return ctx.age is None and ctx.m.kind is kind


@_sieve_rule("age-description", "``the 54-year-old said`` goes back to a person, like ``she``",
             (Example("Mila Arden spoke first. The 54-year-old said, “We start today.”",
                      "We start today.", "Mila Arden"),),
             (Example("The 54-year-old said, “We start today.”", "We start today."),))
def age_description_rule(ctx: _Ctx) -> _Decision | None:
    if ctx.age is None:
        return None
    entity = ctx.index.resolve_pronoun(ctx.age or None, ctx.m.start, ctx.window)
    return _Decision(entity=entity) if entity is not None else None


def _tok_at(toks: Sequence[Tok], start: int) -> int:
    """Index of the token starting at ``start`` (-1 when none does)."""
    k = bisect.bisect_left(toks, start, key=lambda t: t.start)
    return k if k < len(toks) and toks[k].start == start else -1


def _town_before(toks: Sequence[Tok], k: int) -> int:
    """The mention at ``toks[k]`` is the region of ``PREP Town, Region``: the index of the
    preposition, else -1."""
    j = k - 2
    if j < 1 or toks[k - 1].text != "," or not toks[j].is_cap:
        return -1
    while j > 0 and k - j < 6 and (toks[j - 1].is_cap or toks[j - 1].text == "."):
        j -= 1
    return j - 1 if toks[j - 1].lower in grammar.PLACE_PREPOSITIONS else -1


def _sentence_start(toks: Sequence[Tok], k: int) -> int:
    """The first token of the sentence holding ``toks[k]``, looking back at most
    ``MAX_SENTENCE`` tokens (so that a text with no sentence end stays linear)."""
    j = k
    while j > 0 and k - j < MAX_SENTENCE and not toks[j - 1].eos:
        j -= 1
    return j


def _sentence_subject(ctx: _Ctx, prep: int) -> Mention | None:
    """The name that opens the sentence and is followed by an apposition or ``of`` before
    ``toks[prep]`` (``Lind, 30, of``; ``Lind, a baker from``)."""
    toks = ctx.toks
    s = _sentence_start(toks, prep)
    e = chunk_forward(toks, s)
    if not s < e <= prep or not (toks[e].text == "," or (
            e == prep and toks[e].lower in {"of", "from"})):
        return None  # (``Back in Brill, Kessex, Lind said``: an adverbial opens the sentence)
    m = classify(ctx.text, toks, s, e)
    if m is None or m.kind is not _NAME:
        return None
    if e - s == 1:  # one word: only a person already known by it (not ``Later, …``)
        known = ctx.index.lookup(m)
        return m if known is not None and known.person_evidence else None
    return m


@_sieve_rule("town-region", "the subject found is the region of ``Name of Town, Region "
             "said``: the speaker is the name that opens the sentence",
             (Example("Teo Lind of Brill, Kessex said the ferry was late.",
                      "the ferry was late", "Teo Lind"),),
             (Example("At a rally in Brill, Kessex, Teo Lind said the ferry was late.",
                      "the ferry was late", "Teo Lind"),
              Example("Teo Lind grew up on a farm. Back in Brill, Kessex, Mr. Lind said, he "
                      "learned to sail.", "he learned to sail", "Teo Lind")),
             reports_as="named-cue")
def town_region(ctx: _Ctx) -> _Decision | None:
    if not ctx.toks or not _of_kind(ctx, _NAME):
        return None
    k = _tok_at(ctx.toks, ctx.m.start)
    prep = _town_before(ctx.toks, k) if k > 0 else -1
    m = _sentence_subject(ctx, prep) if prep > 0 else None
    if m is None:
        return None
    entity = ctx.index.lookup(m) or ctx.index.add(m, m.start)
    return _Decision(entity=entity) if entity is not None else None


#: Marks that end a sentence opener or a dateline before the sentence's subject.
_OPENER_ENDS = frozenset({",", "-", "–", "—"})


def _after_opener(ctx: _Ctx, k: int) -> Mention | None:
    """The name that follows the opener at ``toks[k]``, cut off at its first comma or dash,
    when a lower-case word (its verb) comes next (``Hours later, Lind wrote back, telling``;
    ``BRILL, Kessex (Wire) – Lind said``)."""
    toks, end = ctx.toks, ctx.cue.first
    ends = [j for j in range(k + 1, min(end, k + 10))
            if toks[j].text in _OPENER_ENDS and toks[j + 1].is_cap]
    dashes = [j for j in ends if toks[j].text != ","]  # a dateline ends at its dash
    j = (dashes or ends or [end])[0]
    e = chunk_forward(toks, j + 1) if j < end else end
    if e >= end or e == j + 1 or not toks[e].text.islower():
        return None
    m = classify(ctx.text, toks, j + 1, e)
    if m is None or m.kind is not _NAME:
        return None
    if e - j == 2:  # one word: only a person already known by it (not ``Rallying``)
        known = ctx.index.lookup(m)
        return m if known is not None and known.person_evidence else None
    return m


@_sieve_rule("subject-after-opener", "the subject found is a sentence opener or a dateline "
             "(``Hours later``, ``BRILL, Kessex –``): the speaker is the name before the cue",
             (Example("Weeks later, Teo Lind toured the pier, saying the ferry was late.",
                      "the ferry was late", "Teo Lind"),),
             (Example("Kessex has accused Brill of hiding the ferry logs.",
                      "Brill of hiding the ferry logs"),),
             reports_as="named-cue")
def subject_after_opener(ctx: _Ctx) -> _Decision | None:
    if not ctx.toks or not _of_kind(ctx, _NAME):
        return None
    k = _tok_at(ctx.toks, ctx.m.start)
    if k < 0 or _sentence_start(ctx.toks, k) != k or ctx.toks[k].end != ctx.m.end and not (
            ctx.m.text.isupper()):
        return None  # one word opening the sentence, or a dateline in capitals
    known = ctx.index.lookup(ctx.m)
    m = _after_opener(ctx, k) if known is None or not known.person_evidence else None
    if m is None:
        return None
    entity = ctx.index.lookup(m) or ctx.index.add(m, m.start)
    return _Decision(entity=entity) if entity is not None else None


@_sieve_rule("named-cue", "the subject is a name; it joins the entity with the same surname",
             (Example("“The pier stays shut,” said Mila Arden.", "The pier stays shut,",
                      "Mila Arden"),),
             (Example("“The pier stays shut,” she said.", "The pier stays shut,"),))
def named_cue(ctx: _Ctx) -> _Decision | None:
    if not _of_kind(ctx, _NAME):
        return None
    entity = ctx.index.lookup(ctx.m) or ctx.index.add(ctx.m, ctx.m.start)
    if entity is not None:
        # ``Lind's barrister, Teodora Vance, said``
        ctx.index.learn_roles(entity, ctx.m.roles, ctx.m.role_phrases)
    return _Decision(entity=entity)


@_sieve_rule("organization", "an organisation speaks (``the ministry said``)",
             (Example("“Fees will rise,” the Kester Port Authority said.", "Fees will rise,",
                      "Kester Port Authority"),),
             (Example("“Fees will rise,” Mila Arden said.", "Fees will rise,"),))
def organization(ctx: _Ctx) -> _Decision | None:
    if not _of_kind(ctx, _ORGANIZATION):
        return None
    entity = ctx.index.lookup(ctx.m)
    if entity is not None and not entity.organization:
        entity = None  # ``the Ruiz campaign`` is not Ana Ruiz
    return _Decision(organization_speaker(ctx.m, entity), final=True)


@_sieve_rule("unique-title", "``a port aide`` when only one person holds that title",
             (Example("Port aide Teo Lind met the crews. Later, a port aide said the cranes "
                      "would be repaired by Friday.", "the cranes would be repaired by Friday",
                      "Teo Lind"),),
             (Example("A port aide said the cranes would be repaired by Friday.",
                      "the cranes would be repaired by Friday"),))
def unique_title(ctx: _Ctx) -> _Decision | None:
    if not _of_kind(ctx, _ANONYMOUS):
        return None
    entity = ctx.index.resolve_title(ctx.m)
    return _Decision(entity=entity) if entity is not None else None


def _the_noun(ctx: _Ctx) -> str | None:
    w = ctx.words
    return w[1] if len(w) == 2 and w[0] == "the" else None


@_sieve_rule("source-continuation", "``the source said`` goes back to the last unnamed source",
             (Example("A senior official said the talks had stalled. “We are far apart,” the "
                      "source said.", "We are far apart,", "A senior official"),),
             (Example("“We are far apart,” the source said.", "We are far apart,"),))
def source_continuation(ctx: _Ctx) -> _Decision | None:
    noun = _the_noun(ctx) if _of_kind(ctx, _ANONYMOUS) else None
    if noun is None or noun not in sources.GENERIC_SOURCES:
        return None
    same = ctx.index.unnamed_by_role(None, ctx.m.start, ctx.window)
    return _Decision(same, final=True) if same is not None else None


@_sieve_rule("document-author", "``the statement said`` goes back to who issued the statement",
             (Example("Mila Arden said in a statement that the pier was safe. “Repairs are "
                      "complete,” the statement said.", "Repairs are complete,", "Mila Arden"),),
             (Example("“Repairs are complete,” the statement said.", "Repairs are complete,"),))
def document_author(ctx: _Ctx) -> _Decision | None:
    noun = _the_noun(ctx) if _of_kind(ctx, _ANONYMOUS) else None
    author = ctx.index.document_speaker(noun) if noun is not None else None
    return _Decision(author, final=True) if author is not None else None


@_sieve_rule("partitive-source", "``one of them said`` names one of the last group of sources",
             (Example("Two dock workers said the shift had been cut. One of them said the "
                      "pay was late.", "the pay was late", "one of two dock workers"),),
             (Example("One of them said the pay was late.", "the pay was late"),))
def partitive_source(ctx: _Ctx) -> _Decision | None:
    w = ctx.words
    if not _of_kind(ctx, _ANONYMOUS) or len(w) < 3 or w[1] != "of" or not (
            w[0] in sources.PARTITIVE_QUANTIFIERS and w[2] in sources.PARTITIVE_POINTERS):
        return None
    group = ctx.index.last_unnamed_group(ctx.cue.start, ctx.window)
    if group is None:
        return None
    text = f"{w[0]} of {group.name[:1].lower()}{group.name[1:]}"
    return _Decision(anonymous_speaker(attrs.evolve(ctx.m, text=text)), final=True)


def _function_word(word: str) -> bool:
    return word in lexm.FUNCTION_CAPS or word in pronouns.INDEFINITE_PRONOUNS


def _adjunct_word(word: str) -> bool:
    """``however``, ``only``, ``herself``, ``at``: a word that cannot continue a name's
    noun phrase as a description would (``Arden aides``)."""
    if not word.islower() or word in sources.NAME_CONTINUATIONS:
        return False
    return _function_word(word) or word in pronouns.REFLEXIVE_PRONOUNS or (
        word.endswith("ly") and len(word) > 4)


def _name_before_adjunct(m: Mention) -> Mention | None:
    """``Arden at the time`` → the mention ``Arden``; None unless capitalised words open
    the mention and an adjunct word follows them."""
    words = m.text.split(" ")
    k = 0
    while k < len(words) and words[k][:1].isupper() and not _function_word(words[k].lower()):
        k += 1
    if k == 0 or k == len(words) or not _adjunct_word(words[k]):
        return None
    name = " ".join(words[:k])
    return attrs.evolve(m, text=name, end=m.start + len(name), kind=_NAME,
                        name=name, roles=(), role_phrases=(), plural=False)


@_sieve_rule("name-before-adjunct", "a known name with an adjunct glued on (``Arden at the "
             "time said``, ``Arden however said``) is that name",
             (Example("Mila Arden toured the pier. Arden at the time said the pier was safe.",
                      "the pier was safe", "Mila Arden"),
              Example("Mila Arden toured the pier. Arden however said the pier was safe.",
                      "the pier was safe", "Mila Arden")),
             (Example("Experts on coastal law said the wall was too low.",
                      "the wall was too low"),
              Example("Mila Arden toured the pier. Arden aides said the pier was safe.",
                      "the pier was safe")),
             reports_as="named-cue")
def name_before_adjunct(ctx: _Ctx) -> _Decision | None:
    if ctx.age is not None or ctx.m.kind is not _ANONYMOUS:
        return None
    name = _name_before_adjunct(ctx.m)
    entity = ctx.index.lookup(name) if name is not None else None
    if entity is None or entity.organization or not entity.person_evidence:
        return None  # ``Partisans on both sides``: no person by that name
    return _Decision(entity=entity)


def _unnamed(ctx: _Ctx) -> _Decision:
    speaker = anonymous_speaker(ctx.m)
    if ctx.m.plural:
        ctx.index.note_unnamed_group(speaker, ctx.cue.start)  # ``Two officials … said``
    elif ctx.m.text.split(" ", 1)[0].lower() in sources.UNNAMED_SINGULAR:
        ctx.index.note_unnamed(speaker, ctx.m.gender, ctx.cue.start)  # ``One operator said``
    return _Decision(speaker, final=True)


@_sieve_rule("described-source", "a described source no lexicon word marks (``Experts on "
             "coastal law said``)",
             (Example("Experts on coastal law said the wall was too low.",
                      "the wall was too low", "Experts on coastal law"),),
             (Example("A senior official said the wall was too low.", "the wall was too low"),))
def described_source(ctx: _Ctx) -> _Decision | None:
    if not _of_kind(ctx, _ANONYMOUS) or ctx.cue.subject_side != "description":
        return None
    return _unnamed(ctx)


@_sieve_rule("unnamed-source", "an unnamed source speaks (``a senior official said``)",
             (Example("A senior official said the wall was too low.", "the wall was too low",
                      "A senior official"),),
             (Example("Mila Arden said the wall was too low.", "the wall was too low"),))
def unnamed_source(ctx: _Ctx) -> _Decision | None:
    return _unnamed(ctx) if _of_kind(ctx, _ANONYMOUS) else None


def _he_or_she(ctx: _Ctx) -> bool:
    return _of_kind(ctx, _PRONOUN) and not ctx.m.plural and ctx.words in (
        ("he",), ("she",))


@_sieve_rule("unnamed-antecedent", "``he said`` after a single unnamed source that spoke last",
             (Example("A crane operator said the shift was cut. “Nobody told us,” he said.",
                      "Nobody told us,", "A crane operator"),),
             (Example("Mila Arden said the shift was cut. “Nobody told us,” she said.",
                      "Nobody told us,"),), reports_as="pronoun")
def unnamed_antecedent(ctx: _Ctx) -> _Decision | None:
    if not _he_or_she(ctx):
        return None
    unnamed = ctx.index.unnamed_antecedent(ctx.m.gender, ctx.m.start, ctx.window)
    return _Decision(unnamed, final=True) if unnamed is not None else None


@_sieve_rule("pronoun", "``he said`` → the salient or most recent person of that gender",
             (Example("Mila Arden said the shift was cut. “Nobody told us,” she said.",
                      "Nobody told us,", "Mila Arden"),),
             (Example("“Nobody told us,” they said.", "Nobody told us,"),))
def pronoun(ctx: _Ctx) -> _Decision | None:
    if not _he_or_she(ctx):
        return None
    entity = ctx.index.resolve_pronoun(ctx.m.gender, ctx.m.start, ctx.window)
    return _Decision(entity=entity) if entity is not None else None


@_sieve_rule("role-noun", "``the minister said`` → the person whose learned roles fit",
             (Example("Harbour minister Mila Arden toured the pier. “It will hold,” the "
                      "minister said.", "It will hold,", "Mila Arden"),),
             (Example("“It will hold,” the minister said.", "It will hold,"),))
def role_noun(ctx: _Ctx) -> _Decision | None:
    if not _of_kind(ctx, _ROLE):
        return None
    entity = ctx.index.resolve_role(ctx.m, ctx.m.start)
    return _Decision(entity=entity) if entity is not None else None


def _single_role(ctx: _Ctx) -> bool:
    return _of_kind(ctx, _ROLE) and not ctx.m.plural


@_sieve_rule("unnamed-role", "``A senior diplomat said … / the diplomat said``: the same "
             "unnamed source", (Example("A senior diplomat said the talks were over. “We "
                                        "leave tonight,” the diplomat said.",
                                        "We leave tonight,", "A senior diplomat"),),
             (Example("“We leave tonight,” the diplomat said.", "We leave tonight,"),),
             reports_as="role-noun")
def unnamed_role(ctx: _Ctx) -> _Decision | None:
    if not _single_role(ctx):
        return None
    same = ctx.index.unnamed_by_role(ctx.m.roles, ctx.m.start, ctx.window)
    return _Decision(same, final=True) if same is not None else None


def _definite_role(ctx: _Ctx) -> bool:
    return _single_role(ctx) and ctx.m.text.split(" ", 1)[0].lower() == "the"


@_sieve_rule("main-speaker-role", "``the president said`` when nobody holds the role → the "
             "article's main subject, if that person spoke last",
             (Example("Mila Arden opened the new pier on Monday. Arden said the town had "
                      "waited long enough. Arden said the pier cost less than planned. "
                      "“We are proud,” the president said.", "We are proud,", "Mila Arden"),),
             (Example("“We are proud,” the president said.", "We are proud,"),))
def main_speaker_role(ctx: _Ctx) -> _Decision | None:
    if not _definite_role(ctx):
        return None
    entity = ctx.index.main_speaker_for_role(ctx.m, ctx.m.start, ctx.window)
    return _Decision(entity=entity) if entity is not None else None


@_sieve_rule("last-speaker-role", "an unheld definite role → the last speaker of the paragraph",
             (Example("Mila Arden opened the pier. Teo Lind said the crews were ready. The "
                      "shifts will start in May, the spokesman added.",
                      "The shifts will start in May", "Teo Lind"),),
             (Example("The shifts will start in May, the spokesman added.",
                      "The shifts will start in May"),))
def last_speaker_role(ctx: _Ctx) -> _Decision | None:
    if not _definite_role(ctx):
        return None
    entity = ctx.index.last_speaker_for_role(ctx.m, ctx.m.start, ctx.window, ctx.paragraph)
    return _Decision(entity=entity) if entity is not None else None


@_sieve_rule("role-description", "a role nobody in the article holds is an unnamed source "
             "(``the harbourmaster said``)",
             (Example("“It will hold,” the spokesman said.", "It will hold,",
                      "the spokesman"),),
             (Example("“It will hold,” Mila Arden said.", "It will hold,"),))
def role_description(ctx: _Ctx) -> _Decision | None:
    if ctx.age is None and ctx.m.kind is not _ROLE:
        return None
    return _Decision(anonymous_speaker(ctx.m), final=True)


#: The speaker sieve, in the order its rules are tried.
ORDER: tuple[str, ...] = tuple(r.name for r, _ in _RULES)


def _context(c: Cue, m: Mention, index: EntityIndex, window: int, paragraph: int,
             toks: Sequence[Tok], text: str) -> _Ctx:
    age = age_description(m.text) if m.kind is not _PRONOUN else None
    return _Ctx(c, m, index, window, paragraph, age, tuple(m.text.lower().split()), toks, text)


def resolve_speaker(c: Cue, index: EntityIndex, window: int, paragraph: int,
                    toks: Sequence[Tok] = (), text: str = "") -> Resolved:
    """The speaker of cue ``c`` by the first rule of :data:`ORDER` that decides; ``toks``
    (the cue's paragraph) and ``text`` let rules look around the subject."""
    if c.subject is None:
        return Resolved(c, None, None, CONFIDENCE[None])
    decided = first_decision(_RULES, _context(c, c.subject, index, window, paragraph, toks,
                                              text))
    if decided is None:
        return Resolved(c, None, None, CONFIDENCE[None])
    r, d = decided
    reported = r.reports_as or r.name
    speaker = d.speaker
    if d.entity is not None:
        speaker = d.entity.speaker()
        if c.subject.kind is not _ORGANIZATION:
            index.note_speaker(d.entity, c.start)
    conf = CONFIDENCE[reported] if speaker else CONFIDENCE[None]
    return Resolved(c, speaker, reported, conf, r.name)
