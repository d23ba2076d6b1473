"""Who is quoted across many documents: one row per speaker, summed over the corpus.

Within a document a speaker is the entity its quotes name (one entity per name). Across
documents, speakers are joined by :func:`canonical_key`: the full name case-folded, with
runs of spaces made one space and typographic apostrophes and hyphens made plain, so
``Ada Quill`` in one article and ``ADA  QUILL`` in another are one row, while ``Ada Quill``
and ``A. Quill`` stay two (quoteattr does not guess that different names are one person).
Unnamed sources are joined by their description too: ``a spokesperson`` in two articles is
one row, though it need not be one person.

A row's ``type`` and ``gender`` are what most of its documents say (ties: the type first
seen; a gender tie, ``f`` against ``m``, gives ``None``). Quotes without a speaker are
counted in one last row whose ``speaker`` is ``None``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from .model import Article, QuoteKind
from .output import CsvWriter, format_rows

if TYPE_CHECKING:
    import pandas

__all__ = [
    "TALLY_FIELDS",
    "SpeakerTally",
    "articles_of",
    "canonical_key",
    "people_by_gender",
    "quotes_by",
    "quotes_by_kind",
    "summary",
    "tally",
    "tally_records",
    "write_tally",
]

#: Keys of a tally record (:meth:`SpeakerTally.to_dict`), in order; the columns of
#: :func:`summary` and of ``quoteattr speakers FOLDER --format csv``.
TALLY_FIELDS: tuple[str, ...] = (
    "speaker", "key", "type", "gender", "quotes", "direct", "mixed", "indirect",
    "reported", "documents", "roles", "docs",
)

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-",
                       "\u2011": "-", "\u2013": "-"})


def canonical_key(name: str) -> str:
    """The key that joins a speaker across documents: ``name`` case-folded, spaces
    collapsed, curly apostrophes and typographic hyphens made plain."""
    return " ".join(name.translate(_FOLD).casefold().split())


@attrs.frozen(slots=True)
class _Entry:
    """One speaker of one document: its quotes by kind."""

    key: str | None
    name: str | None
    type: str | None
    gender: str | None
    roles: tuple[str, ...]
    counts: tuple[int, int, int]  # direct, mixed, indirect


@attrs.frozen(slots=True)
class SpeakerTally:
    """One speaker summed over a corpus (``speaker`` ``None``: quotes with no speaker)."""

    key: str | None
    speaker: str | None
    type: str | None
    gender: str | None
    direct: int
    mixed: int
    indirect: int
    docs: tuple[str, ...]
    roles: tuple[str, ...] = ()

    @property
    def quotes(self) -> int:
        return self.direct + self.mixed + self.indirect

    @property
    def reported(self) -> int:
        """Mixed and indirect quotes."""
        return self.mixed + self.indirect

    def to_dict(self) -> dict[str, Any]:
        """The record of :data:`TALLY_FIELDS`."""
        return {
            "speaker": self.speaker, "key": self.key, "type": self.type,
            "gender": self.gender, "quotes": self.quotes, "direct": self.direct,
            "mixed": self.mixed, "indirect": self.indirect, "reported": self.reported,
            "documents": len(self.docs), "roles": list(self.roles), "docs": list(self.docs),
        }


def articles_of(items: Any) -> Iterator[tuple[str, Article]]:
    """``(doc, article)`` for each article in ``items``: articles, batch results (failed
    ones skipped) or iterables of them; a document without a name is ``#N`` (from 1)."""
    count = 0
    for item in _flatten(items):
        count += 1
        yield (item.doc if item.doc is not None else f"#{count}"), item


def _flatten(items: Any) -> Iterator[Article]:
    if isinstance(items, Article):
        yield items
    elif hasattr(items, "article") and hasattr(items, "index"):  # a batch result
        if items.article is not None:
            yield (items.article if items.article.doc is not None or items.doc is None
                   else attrs.evolve(items.article, doc=items.doc))
    elif isinstance(items, Iterable) and not isinstance(items, str | bytes):
        for item in items:
            yield from _flatten(item)
    else:
        raise TypeError("expected articles, batch results or lists of them, "
                        f"not {type(items).__name__}")


_KIND_INDEX = {QuoteKind.DIRECT: 0, QuoteKind.MIXED: 1, QuoteKind.INDIRECT: 2}


def document_entries(article: Article) -> list[_Entry]:
    """The speakers quoted in one article, one entry per canonical key, in order of
    first quote; quotes with no speaker in one entry with key ``None``."""
    counts: dict[str | None, list[int]] = {}
    first: dict[str | None, Any] = {}
    for q in sorted(article.quotes, key=lambda q: q.start):
        key = canonical_key(q.speaker.name) if q.speaker is not None else None
        counts.setdefault(key, [0, 0, 0])[_KIND_INDEX[q.kind]] += 1
        first.setdefault(key, q.speaker)
    out = []
    for key, (d, m, i) in counts.items():
        spk = first[key]
        out.append(_Entry(key, spk.name if spk else None, spk.type.value if spk else None,
                          spk.gender if spk else None, tuple(spk.roles) if spk else (),
                          (d, m, i)))
    return out


def _most_common(values: Sequence[str | None]) -> str | None:
    """The value most entries give (ties: the first seen)."""
    given = [v for v in values if v is not None]
    return Counter(given).most_common(1)[0][0] if given else None


def _gender(values: Sequence[str | None]) -> str | None:
    """The gender most documents give; ``None`` when none does or ``f`` and ``m`` tie."""
    ranked = Counter(v for v in values if v is not None).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _merge(key: str | None, entries: Sequence[tuple[int, str, _Entry]]) -> SpeakerTally:
    es = [e for _, _, e in entries]
    roles = tuple(dict.fromkeys(r for e in es for r in e.roles))
    return SpeakerTally(
        key=key,
        speaker=_most_common([e.name for e in es]),
        type=_most_common([e.type for e in es]),
        gender=_gender([e.gender for e in es]),
        direct=sum(e.counts[0] for e in es),
        mixed=sum(e.counts[1] for e in es),
        indirect=sum(e.counts[2] for e in es),
        docs=tuple({n: doc for n, doc, _ in entries}.values()),
        roles=roles,
    )


def tally(items: Any) -> list[SpeakerTally]:
    """One :class:`SpeakerTally` per canonical speaker over ``items`` (see
    :func:`articles_of`): most quoted first, then quoted in most documents, then by key;
    the row of quotes with no speaker last."""
    grouped: dict[str | None, list[tuple[int, str, _Entry]]] = {}
    for n, (doc, article) in enumerate(articles_of(items)):
        for entry in document_entries(article):
            grouped.setdefault(entry.key, []).append((n, doc, entry))
    rows = [_merge(key, entries) for key, entries in grouped.items()]
    rows.sort(key=lambda r: (r.key is None, -r.quotes, -len(r.docs), r.key or ""))
    return rows


def quotes_by(rows: Iterable[SpeakerTally], field: str) -> dict[str | None, int]:
    """Quotes summed by a tally field (``"type"`` or ``"gender"``), largest first;
    ``None`` collects the rows without a value."""
    totals: Counter[str | None] = Counter()
    for row in rows:
        totals[getattr(row, field)] += row.quotes
    return dict(totals.most_common())


def people_by_gender(rows: Iterable[SpeakerTally]) -> dict[str | None, int]:
    """Named people (rows of type ``person``) counted by gender: ``f``, ``m``, ``None``."""
    return dict(Counter(r.gender for r in rows if r.type == "person").most_common())


def quotes_by_kind(rows: Iterable[SpeakerTally]) -> dict[str, int]:
    """Quotes by kind: ``direct``, ``mixed``, ``indirect``."""
    rows = list(rows)
    return {"direct": sum(r.direct for r in rows), "mixed": sum(r.mixed for r in rows),
            "indirect": sum(r.indirect for r in rows)}


def tally_records(items: Any) -> list[dict[str, Any]]:
    """:func:`tally` as records (keys :data:`TALLY_FIELDS`)."""
    return [row.to_dict() for row in tally(items)]


def summary(results: Any) -> pandas.DataFrame:
    """The corpus tally as a DataFrame, one row per speaker, columns :data:`TALLY_FIELDS`.

    ``results``: what :func:`quoteattr.extract_many` yields, a list of articles, or both.
    Needs pandas (``pip install 'quoteattr[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(
            "quoteattr.summary() needs pandas, which is not installed; "
            "install it with: pip install 'quoteattr[pandas]'"
        ) from exc
    return pd.DataFrame(tally_records(results), columns=list(TALLY_FIELDS))


#: Columns of the plain-text tally (``quoteattr speakers FOLDER``).
TABLE_FIELDS: tuple[str, ...] = ("speaker", "type", "gender", "quotes", "direct", "mixed",
                                 "indirect", "documents", "roles")


def _table_cell(rec: dict[str, Any], field: str) -> Any:
    value = rec[field]
    if field == "speaker" and value is None:
        return "(no speaker)"
    return ", ".join(value) if isinstance(value, list) else value


def write_tally(rows: Iterable[SpeakerTally], fmt: str, out: TextIO, *,
                csv_escape: bool = True) -> None:
    """``rows`` as ``table``, ``csv`` (lists joined with ``; ``) or ``jsonl``."""
    recs = [row.to_dict() for row in rows]
    if fmt == "jsonl":
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    elif fmt == "csv":
        writer = CsvWriter(out, TALLY_FIELDS, csv_escape=csv_escape)
        writer.write({k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()}
                     for r in recs)
    elif not recs:
        out.write("(no quotes found)\n")
    else:
        out.write(format_rows(TABLE_FIELDS, ([_table_cell(r, f) for f in TABLE_FIELDS]
                                             for r in recs)))
