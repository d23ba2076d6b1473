"""quoteattr as a spaCy pipeline component: ``nlp.add_pipe("quoteattr")``.

Needs the ``spacy`` extra (``pip install 'quoteattr[spacy]'``). The factory is registered
through the ``spacy_factories`` entry point, so ``add_pipe("quoteattr")`` works without
importing this module first, on any pipeline, including ``spacy.blank("en")``.

The component runs :func:`quoteattr.analyze` on ``doc.text`` and stores one thing, the
records of :func:`quoteattr.output.records` (the JSONL records without ``doc``), read as
``doc._.quote_records`` (``None`` before the component ran). Everything else is computed
from them on access:

- ``doc._.quotes``: one :class:`~spacy.tokens.Span` per record over the quote text, labelled
  with its kind; character offsets are widened to whole tokens (``alignment_mode="expand"``).
- On those spans: ``._.speaker`` (canonical name), ``._.speaker_span`` (the mention, or
  ``None``), ``._.cue_span``, ``._.kind``, ``._.confidence`` and ``._.rule``.

Since only plain values are stored, a ``DocBin(store_user_data=True)`` round trip restores
all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .output import records
from .pipeline import analyze

__all__ = ["QuoteComponent", "make_component", "register_extensions"]

Record = dict[str, Any]

#: Span extensions, each read from the quote's record.
SPAN_FIELDS: dict[str, str] = {
    "speaker": "speaker",
    "kind": "kind",
    "confidence": "confidence",
    "rule": "rule",
}


def _get_records(doc: Doc) -> list[Record] | None:
    stored = doc._.quoteattr_records  # tuples, not lists, after a DocBin round trip
    return None if stored is None else [_plain(r) for r in stored]


def _plain(rec: Record) -> Record:
    """A copy of a stored record with its ``trail`` a list of dicts and its
    ``speaker_roles`` a list again."""
    out = dict(rec)
    if "trail" in out:
        out["trail"] = [dict(step) for step in out["trail"]]
    if isinstance(out.get("speaker_roles"), tuple):
        out["speaker_roles"] = list(out["speaker_roles"])
    return out


def _set_records(doc: Doc, value: list[Record] | None) -> None:
    doc._.quoteattr_records = value


def _record_of(span: Span) -> Record | None:
    """The record a span of ``doc._.quotes`` was made from (``None`` for other spans)."""
    recs: list[Record] | None = span.doc._.quoteattr_records
    key = span.id_
    if not recs or not key.isdigit() or int(key) >= len(recs):
        return None
    rec = recs[int(key)]
    return rec if _span_of(span.doc, rec["start"], rec["end"]) == (span.start, span.end) else None


def _span_of(doc: Doc, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Token bounds of the characters ``start:end``, widened to whole tokens."""
    if start is None or end is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # only whitespace: an empty span at the next token
        i = next((t.i for t in doc if t.idx >= start), len(doc))
        return i, i
    return span.start, span.end


def _make_span(doc: Doc, start: int | None, end: int | None, label: str = "",
               span_id: str = "") -> Span | None:
    bounds = _span_of(doc, start, end)
    if bounds is None:
        return None
    return Span(doc, bounds[0], bounds[1], label=label, span_id=span_id)


def _quotes(doc: Doc) -> list[Span]:
    recs: list[Record] | None = doc._.quoteattr_records
    out: list[Span] = []
    for i, rec in enumerate(recs or ()):
        span = _make_span(doc, rec["start"], rec["end"], label=str(rec["kind"]), span_id=str(i))
        assert span is not None  # a record always has offsets
        out.append(span)
    return out


def _field_getter(field: str) -> Any:
    def get(span: Span) -> Any:
        rec = _record_of(span)
        return None if rec is None else rec[field]

    return get


def _speaker_span(span: Span) -> Span | None:
    rec = _record_of(span)
    if rec is None:
        return None
    return _make_span(span.doc, rec["speaker_mention_start"], rec["speaker_mention_end"],
                      label="SPEAKER")


def _cue_span(span: Span) -> Span | None:
    rec = _record_of(span)
    if rec is None:
        return None
    return _make_span(span.doc, rec["cue_start"], rec["cue_end"], label="CUE")


def register_extensions() -> None:
    """Declare ``Doc._.quotes``, ``Doc._.quote_records`` and the span extensions (idempotent)."""
    if not Doc.has_extension("quoteattr_records"):
        Doc.set_extension("quoteattr_records", default=None)
    if not Doc.has_extension("quote_records"):
        Doc.set_extension("quote_records", getter=_get_records, setter=_set_records)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_quotes)
    for name, field in SPAN_FIELDS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_field_getter(field))
    if not Span.has_extension("speaker_span"):
        Span.set_extension("speaker_span", getter=_speaker_span)
    if not Span.has_extension("cue_span"):
        Span.set_extension("cue_span", getter=_cue_span)


class QuoteComponent:
    """Finds quotes and speakers in ``doc.text``; the options are those of ``extract``."""

    def __init__(self, include_headlines: bool = False, kinds: Iterable[str] | None = None,
                 min_confidence: float = 0.0, include_beliefs: bool = False) -> None:
        register_extensions()
        self.options: dict[str, Any] = {
            "include_headlines": include_headlines,
            "kinds": list(kinds) if kinds is not None else None,
            "min_confidence": min_confidence,
            "include_beliefs": include_beliefs,
        }

    def __call__(self, doc: Doc) -> Doc:
        article = analyze(doc.text, **self.options)
        doc._.quote_records = list(records(article.quotes))
        return doc


@Language.factory(
    "quoteattr",
    default_config={"include_headlines": False, "kinds": None, "min_confidence": 0.0,
                    "include_beliefs": False},
)
def make_component(nlp: Language, name: str, include_headlines: bool, kinds: list[str] | None,
                   min_confidence: float, include_beliefs: bool) -> QuoteComponent:
    """The ``quoteattr`` factory; the config keys are :func:`quoteattr.extract`'s options."""
    return QuoteComponent(include_headlines, kinds, min_confidence, include_beliefs)
