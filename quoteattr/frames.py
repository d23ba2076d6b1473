"""DataFrames of quotes: every CSV column, with pandas types an analyst can group by.

``to_dataframe`` takes what the library returns (a :class:`QuoteList` from ``extract``, an
:class:`Article`, batch results from ``extract_many``/``extract_folder``, or lists of them)
and gives one row per quote. pandas is imported only when a DataFrame is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .model import Article, GenderEvidence, Quote, QuoteKind, SpeakerType
from .output import FIELDS, records, roles_text, trail_text

if TYPE_CHECKING:
    import pandas

__all__ = ["DATAFRAME_COLUMNS", "QuoteList", "to_dataframe"]

#: Columns of :func:`to_dataframe`, in order: the CSV columns (:data:`quoteattr.output.FIELDS`).
DATAFRAME_COLUMNS: tuple[str, ...] = FIELDS

#: Categorical columns and their categories, in order.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": tuple(k.value for k in QuoteKind),
    "speaker_type": tuple(t.value for t in SpeakerType),
    "speaker_gender": ("f", "m"),
    "speaker_gender_evidence": tuple(e.value for e in GenderEvidence),
}

#: Offset columns: nullable integers (pandas ``Int64``), missing as ``<NA>``.
OFFSET_COLUMNS: tuple[str, ...] = (
    "start", "end", "speaker_mention_start", "speaker_mention_end", "cue_start", "cue_end",
)


class QuoteList(list[Quote]):
    """A plain ``list`` of quotes that remembers its article text (for ``_repr_html_``)
    and, optionally, the document's id ``doc``."""

    def __init__(self, quotes: Iterable[Quote] = (), text: str = "",
                 doc: str | None = None) -> None:
        super().__init__(quotes)
        self.text = text
        self.doc = doc

    def _repr_html_(self) -> str:
        from .display import quotes_to_html

        return quotes_to_html(self.text, self)

    def to_dataframe(self, doc: str | None = None) -> pandas.DataFrame:
        """These quotes as a DataFrame (see :func:`to_dataframe`); ``doc`` fills the doc
        column (default: this list's ``doc``, else ``"0"``)."""
        return to_dataframe(Article(self.text, tuple(self), (), doc or self.doc))


# ---------------------------------------------------------------- rows


def _row(quote: Quote, doc: str) -> dict[str, Any]:
    (rec,) = records([quote], doc)
    rec["trail"] = trail_text(rec["trail"])
    if rec["speaker_roles"] is not None:
        rec["speaker_roles"] = roles_text(rec["speaker_roles"])
    return {col: rec.get(col) for col in DATAFRAME_COLUMNS}


class _Rows:
    """Rows of everything ``to_dataframe`` was given; a document without an id gets its
    position among the documents (``"0"``, ``"1"``, …)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.documents = 0

    def _add(self, quotes: Iterable[Quote], doc: str | None) -> None:
        """One document's quotes (its id, else its position)."""
        name = doc if doc is not None else str(self.documents)
        self.documents += 1
        self.rows.extend(_row(q, name) for q in quotes)

    def visit(self, item: Any) -> None:
        if isinstance(item, QuoteList):
            self._add(item, item.doc)
        elif isinstance(item, Quote):
            self._add([item], None)
        elif isinstance(item, Article):
            self._add(item.quotes, item.doc)
        elif hasattr(item, "article") and hasattr(item, "index"):  # a batch result
            self._add_result(item)
        elif isinstance(item, Iterable) and not isinstance(item, str | bytes):
            self._visit_all(item)
        else:
            raise TypeError(
                "to_dataframe() takes quotes, articles, batch results or lists of them, "
                f"not {type(item).__name__}"
            )

    def _add_result(self, item: Any) -> None:
        """A batch result: its article's quotes; a failed document keeps its place."""
        article = item.article
        if article is None:
            self.documents += 1
        else:
            self._add(article.quotes, article.doc if article.doc is not None else item.doc)

    def _visit_all(self, items: Iterable[Any]) -> None:
        """A plain list of quotes is one document; any other list, one per item."""
        items = list(items)
        if items and all(isinstance(i, Quote) for i in items):
            self._add(items, None)
            return
        for sub in items:
            self.visit(sub)


def _rows(items: Any) -> list[dict[str, Any]]:
    rows = _Rows()
    rows.visit(items)
    return rows.rows


def to_dataframe(items: Any) -> pandas.DataFrame:
    """One row per quote, columns :data:`DATAFRAME_COLUMNS` (the CSV columns).

    ``items``: a quote list, an :class:`Article`, batch results, or an iterable of those.
    ``kind``, ``speaker_type``, ``speaker_gender`` and ``speaker_gender_evidence`` are
    categoricals; offsets are nullable integers (``Int64``); ``speaker_roles`` and ``trail``
    are text as in CSV (``chief executive officer; founder``). ``doc`` is the document's id
    (``Article.doc``, the batch result's ``doc``, ``QuoteList.doc``), else its position
    among the documents given, from ``"0"``. Needs pandas (``pip install 'quoteattr[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(
            "quoteattr.to_dataframe() needs pandas, which is not installed; "
            "install it with: pip install 'quoteattr[pandas]'"
        ) from exc
    frame = pd.DataFrame(_rows(items), columns=list(DATAFRAME_COLUMNS))
    for col, cats in CATEGORIES.items():
        frame[col] = pd.Categorical(frame[col], categories=list(cats))
    for col in OFFSET_COLUMNS:
        frame[col] = frame[col].astype("Int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame
