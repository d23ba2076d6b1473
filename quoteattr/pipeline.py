"""The pipeline: text → paragraphs (segments, quotation marks, tokens, cues) → entity
learning → direct quotes → reported speech → :class:`Quote`; each stage is its own module."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Iterator, Sequence

import attrs

from . import headlines, normalization, organisations, reported, rules
from .attribution import Resolved
from .coreference import EntityIndex
from .direct_quotes import direct_quotes
from .entity_learning import learn_entities
from .frames import QuoteList
from .markup import warn_if_html
from .mentions import clear_category_cache
from .model import Article, Quote, QuoteKind, Speaker
from .options import (
    check_confidence,
    check_doc,
    check_flag,
    check_kinds,
    check_rule_names,
    check_text,
)
from .paragraphs import PackedPara, Para, build
from .segmentation import SegmentKind
from .trail import with_marks

_paragraphs = build  # (the name tests and benchmarks use)


def analyze(
    text: str,
    *,
    include_headlines: bool = False,
    kinds: Iterable[QuoteKind | str] | None = None,
    min_confidence: float = 0.0,
    include_beliefs: bool = False,
    doc: str | None = None,
    disabled_rules: Iterable[str] = (),
) -> Article:
    """Run the whole pipeline on one article; see :func:`extract` for the options.

    A bad argument raises ``TypeError``/``ValueError`` naming it (see :mod:`quoteattr.options`).
    """
    text = check_text(text)
    chosen = check_kinds(kinds)
    wanted = set(chosen) if chosen is not None else set(QuoteKind)
    options = _Options(wanted, check_confidence(min_confidence),
                       check_flag("include_headlines", include_headlines),
                       check_flag("include_beliefs", include_beliefs))
    doc = check_doc(doc)
    warn_if_html(text, doc)
    off = check_rule_names(disabled_rules)
    with _no_collections(len(text)):
        if not off:
            return _analyze(text, options, doc)
        with rules.disabled(off):
            return _analyze(text, options, doc)


#: Texts at least this long are analysed with the cyclic garbage collector paused.
LONG_TEXT = 100_000
_PAUSES = threading.Lock()
_paused = 0  # analyses in flight that paused the collector


@contextlib.contextmanager
def _no_collections(size: int) -> Iterator[None]:
    """No cyclic garbage collection while a long text (``LONG_TEXT``) is analysed; the
    collector is back on when the last such analysis ends, and stays off if the caller had
    turned it off.

    The pipeline makes no reference cycles, but every collection walks all the tokens still
    alive: 16% of the time of a 4 MB article, so a long article cost more per MB than short
    ones. Short texts (most articles) leave the collector alone, so a threaded service that
    analyses them all day never holds other threads' garbage back."""
    global _paused
    with _PAUSES:
        pause = size >= LONG_TEXT and (_paused > 0 or gc.isenabled())
        if pause:
            _paused += 1
            gc.disable()
    try:
        yield
    finally:
        if pause:
            with _PAUSES:
                _paused -= 1
                if _paused == 0:
                    gc.enable()


@attrs.frozen(slots=True)
class _Options:
    kinds: set[QuoteKind]
    min_confidence: float
    include_headlines: bool
    include_beliefs: bool


def _analyze(text: str, o: _Options, doc: str | None) -> Article:
    if not text.strip():
        return Article(text=text, quotes=(), speakers=(), doc=doc)
    v = normalization.view(text)
    if v is None:
        return _analyze_view(text, o, doc)
    article = _analyze_view(v.text, o, doc)
    return attrs.evolve(article, text=text,
                        quotes=tuple(normalization.in_callers_text(q, v, text)
                                     for q in article.quotes))


def _analyze_view(text: str, o: _Options, doc: str | None) -> Article:
    quotes = reported.merge(*_found(text, o))
    quotes = [q for q in quotes if q.kind in o.kinds and q.confidence >= o.min_confidence]
    speakers: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker is not None:
            speakers.setdefault(q.speaker.name, q.speaker)
    return Article(text=text, quotes=tuple(quotes), speakers=tuple(speakers.values()), doc=doc)


def _found(text: str, o: _Options) -> tuple[list[Quote], list[Quote]]:
    """The direct and the reported quotes of ``text``. The entity index is dropped once the
    direct quotes are found, and the paragraphs when this returns, before the result is
    built: they are most of the working memory."""
    clear_category_cache()
    paras = build(text, o.include_beliefs)
    direct, resolved = direct_quotes(text, paras, _entity_index(text, paras),
                                     o.include_headlines)
    heading_spans = [(p.start, p.end) for p in paras if p.kind is SegmentKind.HEADING]
    found = _reported(text, paras, resolved, heading_spans, o.include_headlines)
    direct, found = headlines.joined(direct, found, headlines.headline_quotes(text, paras))
    quotations = [m for p in paras for m in p.quotations]  # (the marks rule of each trail)
    return with_marks(direct, quotations), with_marks(found, quotations)


def _entity_index(text: str, paras: Sequence[Para]) -> EntityIndex:
    index = learn_entities(text, paras)
    organisations.type_organisations(paras, index)
    return index


#: Characters of paragraphs whose tokens :func:`_reported` makes at once in a long text.
REPORTED_BATCH = 20_000


def _reported(text: str, paras: Sequence[Para], resolved: Sequence[Resolved],
              headings: Sequence[tuple[int, int]], include_headlines: bool) -> list[Quote]:
    """:func:`reported.find_reported` over ``paras``. In a long text it is given the
    paragraphs with cues in batches of about ``REPORTED_BATCH`` characters, each with the
    resolved cues of its paragraphs, so that only one batch's tokens are made at a time: it
    reads each paragraph with its own cues alone, so the quotes are the same."""
    if not paras or not isinstance(paras[0], PackedPara):
        return reported.find_reported(text, [(p.start, p.end, p.toks, p.quotations)
                                             for p in paras], resolved, headings,
                                      include_headlines)
    with_cues = [p for p in paras if p.cues]
    out: list[Quote] = []
    first = k = 0
    size = 0
    for n, p in enumerate(with_cues):
        size += p.end - p.start
        if size < REPORTED_BATCH and n + 1 < len(with_cues):
            continue
        end = with_cues[n + 1].start if n + 1 < len(with_cues) else len(text) + 1
        lo = k
        while k < len(resolved) and resolved[k].cue.start < end:
            k += 1
        batch = [(q.start, q.end, q.toks, q.quotations) for q in with_cues[first:n + 1]]
        out += reported.find_reported(text, batch, resolved[lo:k], headings,
                                      include_headlines)
        first, size = n + 1, 0
    return out


def extract(
    text: str,
    *,
    include_headlines: bool = False,
    kinds: Iterable[QuoteKind | str] | None = None,
    min_confidence: float = 0.0,
    include_beliefs: bool = False,
    disabled_rules: Iterable[str] = (),
) -> QuoteList:
    """Quotes in ``text``, in order of position: a :class:`~quoteattr.QuoteList` (a ``list``
    that also renders in a notebook and has ``to_dataframe()``).

    ``include_headlines``: also report speech in headlines and subheads.
    ``kinds``: only these kinds (``"direct"``, ``"mixed"``, ``"indirect"``), or one of them.
    ``min_confidence``: drop quotes below this confidence (a number from 0 to 1).
    ``include_beliefs``: also report beliefs and plans (``Ruiz thinks the port will reopen``)
    as indirect quotes.
    ``disabled_rules``: names of rules to switch off for this call (``{"pronoun"}``; see
    :func:`quoteattr.rules.rules` for the names); a switched-off rule passes and its sieve
    tries the next.
    """
    article = analyze(
        text, include_headlines=include_headlines, kinds=kinds, min_confidence=min_confidence,
        include_beliefs=include_beliefs, disabled_rules=disabled_rules,
    )
    return QuoteList(article.quotes, text)
