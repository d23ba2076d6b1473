"""The positional copies that stand in for ``attrs.evolve`` on hot paths copy every field."""

from __future__ import annotations

import attrs

from quoteattr.cue_model import Cue
from quoteattr.mentions import Mention, MentionKind
from quoteattr.model import Provenance, Quote, QuoteKind
from quoteattr.rules import Trail
from quoteattr.trail import merged, with_trail


def _filled(cls: type, **known: object) -> object:
    """An instance of ``cls`` with a distinct non-default value in every field."""
    values: dict[str, object] = {}
    for n, a in enumerate(attrs.fields(cls)):
        if a.name in known:
            values[a.name] = known[a.name]
        elif a.type in ("int", int):
            values[a.name] = 100 + n
        else:
            values[a.name] = f"{a.name}-{n}"
    return cls(**values)


def test_a_cue_given_a_subject_keeps_every_other_field() -> None:
    mention = Mention(0, 8, "Ana Ruiz", MentionKind.NAME)
    cue = _filled(Cue, subject=None)
    assert isinstance(cue, Cue)
    assert cue.with_subject(mention, "left", "subject-left") == attrs.evolve(
        cue, subject=mention, subject_side="left", subject_rule="subject-left")


def test_a_merged_trail_and_a_quote_given_it_keep_every_other_field() -> None:
    trail = _filled(Trail)
    assert isinstance(trail, Trail)
    assert merged(trail, "fragment-in-mixed", 3, 9) == attrs.evolve(
        trail, merge_rule="fragment-in-mixed", merge_start=3, merge_end=9)
    quote = Quote("a tax", 4, 9, QuoteKind.MIXED, None, None, None, 0.8,
                  Provenance("reported-speech", "nearest", None))
    assert with_trail(quote, trail) == attrs.evolve(
        quote, provenance=attrs.evolve(quote.provenance, compact_trail=trail))
