"""The pipeline: text → paragraphs (segments, quotation marks, tokens, cues) → entity
learning → direct quotes → reported speech → :class:`Quote`; each stage is its own module,
and this one only calls them in order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from . import headlines, normalization, organisations, reported, rules
from .collector import LONG_TEXT, no_collections
from .coreference import EntityIndex
from .direct_quotes import direct_quotes
from .entity_learning import learn_entities
from .frames import QuoteList
from .markup import warn_if_html
from .mentions import clear_category_cache
from .model import Article, Quote, QuoteKind, Speaker
from .options import Options, check_analysis, check_doc, check_rule_names, check_text
from .paragraphs import Para, build
from .trail import with_marks

__all__ = ["LONG_TEXT", "analyze", "extract"]
_paragraphs = build  # (the name tests and benchmarks use)
_no_collections = no_collections  # (the name tests use)


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
    options = check_analysis(kinds, min_confidence, include_headlines, include_beliefs)
    doc = check_doc(doc)
    warn_if_html(text, doc)
    off = check_rule_names(disabled_rules)
    with no_collections(len(text)):
        if not off:
            return _analyze(text, options, doc)
        with rules.disabled(off):
            return _analyze(text, options, doc)


def _analyze(text: str, o: Options, doc: str | None) -> Article:
    if not text.strip():
        return Article(text=text, quotes=(), speakers=(), doc=doc)
    v = normalization.view(text)
    if v is None:
        return _analyze_view(text, o, doc)
    article = _analyze_view(v.text, o, doc)
    return attrs.evolve(article, text=text,
                        quotes=tuple(normalization.in_callers_text(q, v, text)
                                     for q in article.quotes))


def _analyze_view(text: str, o: Options, doc: str | None) -> Article:
    quotes = reported.merge(*_found(text, o))
    quotes = [q for q in quotes if q.kind in o.kinds and q.confidence >= o.min_confidence]
    speakers: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker is not None:
            speakers.setdefault(q.speaker.name, q.speaker)
    return Article(text=text, quotes=tuple(quotes), speakers=tuple(speakers.values()), doc=doc)


def _found(text: str, o: Options) -> tuple[list[Quote], list[Quote]]:
    """The direct and the reported quotes of ``text``. The entity index is dropped once the
    direct quotes are found, and the paragraphs when this returns, before the result is
    built: they are most of the working memory."""
    clear_category_cache()
    paras = build(text, o.include_beliefs)
    direct, resolved = direct_quotes(text, paras, _entity_index(text, paras),
                                     o.include_headlines)
    found = reported.reported_quotes(text, paras, resolved, o.include_headlines)
    direct, found = headlines.joined(direct, found, headlines.headline_quotes(text, paras))
    quotations = [m for p in paras for m in p.quotations]  # (the marks rule of each trail)
    return with_marks(direct, quotations), with_marks(found, quotations)


def _entity_index(text: str, paras: Sequence[Para]) -> EntityIndex:
    index = learn_entities(text, paras)
    organisations.type_organisations(paras, index)
    return index


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
