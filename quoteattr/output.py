"""Writing quote records: JSONL, CSV and a plain-text table.

Every format carries the record of :meth:`quoteattr.Quote.to_dict` with the key order of
:data:`FIELDS` (see docs/output-format.md). JSONL is the exchange format scored by
``quoteattr eval``; CSV has the same columns, with ``null`` written as an empty cell and
each list in one cell (``speaker_roles`` joined by ``; ``, the ``trail`` by `` > ``).

CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) get a leading ``'`` unless ``csv_escape`` is off:
such a cell is then one character longer than ``text[start:end]``. The table formats
replace control characters, escape sequences and bidirectional overrides, so an
article cannot drive the terminal it is shown on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from .model import Article, Quote, QuoteKind

__all__ = [
    "FIELDS",
    "FORMATS",
    "CsvWriter",
    "JsonlWriter",
    "RecordWriter",
    "TEXT_FORMATS",
    "TableWriter",
    "format_rows",
    "make_writer",
    "neutralise_formula",
    "records",
    "shorten",
    "speaker_records",
    "terminal_safe",
    "to_csv",
    "to_jsonl",
    "to_table",
]

#: Keys of a quote record, in the order they are written (``doc`` first, when present).
FIELDS: tuple[str, ...] = (
    "doc",
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_type",
    "speaker_gender",
    "speaker_gender_evidence",
    "speaker_roles",
    "speaker_mention",
    "speaker_mention_start",
    "speaker_mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "rule",
    "speaker_rule",
    "trail",
    "headline",
)

#: Output formats written as text (to a terminal, a pipe or a file).
TEXT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "table")
#: Output formats understood by :func:`make_writer` and the CLI (XLSX and Parquet: binary
#: files through the optional extras, see :mod:`quoteattr.spreadsheets`).
FORMATS: tuple[str, ...] = (*TEXT_FORMATS, "xlsx", "parquet")

Record = dict[str, Any]

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# An escape sequence (CSI, OSC up to its terminator, or ESC and one character), then any
# other C0/C1 control, DEL, or bidirectional embedding/override/isolate character.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
_UNSAFE_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def records(quotes: Iterable[Quote], doc: str | None = None) -> Iterator[Record]:
    """One record per quote, keys in :data:`FIELDS` order (``doc`` only when given)."""
    for quote in quotes:
        raw = quote.to_dict(doc)
        ordered = {key: raw[key] for key in FIELDS if key in raw}
        ordered.update((k, v) for k, v in raw.items() if k not in ordered)
        yield ordered


def _as_records(items: Iterable[Quote] | Iterable[Mapping[str, Any]],
                doc: str | None) -> list[Record]:
    out: list[Record] = []
    for item in items:
        if isinstance(item, Quote):
            out.extend(records([item], doc))
        else:
            out.append(dict(item))
    return out


class RecordWriter:
    """Streams records to a text file; call :meth:`write` per document, then :meth:`close`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, recs: Iterable[Mapping[str, Any]]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (the stream itself is left open)."""
        self.stream.flush()


class JsonlWriter(RecordWriter):
    """One compact JSON object per line, non-ASCII characters kept as they are."""

    def write(self, recs: Iterable[Mapping[str, Any]]) -> None:
        for rec in recs:
            self.stream.write(json.dumps(rec, ensure_ascii=False) + "\n")


def neutralise_formula(cell: str) -> str:
    """``cell`` with a leading ``'`` when it starts like a spreadsheet formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences; other control characters (newline and tab
    included), DEL and bidirectional overrides each become U+FFFD."""
    return _UNSAFE_CHAR.sub("\ufffd", _ESCAPE_SEQUENCE.sub("\ufffd", text))


class CsvWriter(RecordWriter):
    """CSV with a header row of :data:`FIELDS`; ``None`` becomes an empty cell, the roles
    list one ``; ``-joined cell and the trail one cell (see :func:`trail_text`).

    With ``csv_escape`` (the default) text cells starting like a formula get a leading
    ``'`` (see :func:`neutralise_formula`); turn it off for programs reading the CSV.
    """

    def __init__(self, stream: TextIO, fields: Sequence[str] = FIELDS, *,
                 csv_escape: bool = True) -> None:
        super().__init__(stream)
        self.fields = tuple(fields)
        self.csv_escape = csv_escape
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(self.fields)

    def _cell(self, field: str, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"  # (as in JSONL)
        if isinstance(value, list):
            value = trail_text(value) if field == "trail" else roles_text(value)
        if self.csv_escape and isinstance(value, str):
            return neutralise_formula(value)
        return value

    def write(self, recs: Iterable[Mapping[str, Any]]) -> None:
        for rec in recs:
            row = [self._cell(f, rec.get(f)) for f in self.fields]
            if any(isinstance(c, str) and "\r" in c for c in row):
                self.stream.write(_quoted_row(row))  # csv leaves a lone \r unquoted
            else:
                self._writer.writerow(row)


def roles_text(roles: Iterable[Any]) -> str:
    """Role phrases in one cell: ``chief executive officer; founder``."""
    return "; ".join(str(r) for r in roles)


def trail_text(trail: Iterable[Mapping[str, Any]]) -> str:
    """A trail in one cell: ``cue:said@10-14 > speaker:named-cue@0-9 > …``."""
    return " > ".join(f"{s['sieve']}:{s['rule']}@{s['start']}-{s['end']}" for s in trail)


def _quoted_row(row: Sequence[Any]) -> str:
    """A CSV line as :mod:`csv` writes it, except that a cell holding a carriage return
    is quoted too (readers would otherwise take it for the end of the row)."""
    cells = []
    for value in row:
        cell = str(value)
        if any(ch in cell for ch in ',"\r\n'):
            cell = '"' + cell.replace('"', '""') + '"'
        cells.append(cell)
    return ",".join(cells) + "\n"


class TableWriter(RecordWriter):
    """A fixed-width, human-readable table: doc, kind, speaker, cue, confidence, text."""

    def __init__(self, stream: TextIO, *, width: int = 120, show_doc: bool = True) -> None:
        super().__init__(stream)
        self.show_doc = show_doc
        self.widths: dict[str, int] = {"kind": 8, "speaker": 20, "cue": 18, "conf": 4}
        if show_doc:
            self.widths = {"doc": 20, **self.widths}
        fixed = sum(self.widths.values()) + 2 * len(self.widths)
        self.text_width = max(20, width - fixed)
        self.stream.write(self._line({k: k.upper() for k in (*self.widths, "text")}))
        self.stream.write(self._line({k: "-" * w for k, w in self.widths.items()}
                                     | {"text": "-" * self.text_width}))

    def _line(self, cells: Mapping[str, str]) -> str:
        parts = [terminal_safe(cells.get(k, "")).ljust(w) for k, w in self.widths.items()]
        parts.append(terminal_safe(cells.get("text", "")))
        return "  ".join(parts).rstrip() + "\n"

    def write(self, recs: Iterable[Mapping[str, Any]]) -> None:
        for rec in recs:
            conf = rec.get("confidence")
            cells = {
                "doc": shorten(str(rec.get("doc") or ""), self.widths.get("doc", 0)),
                "kind": str(rec.get("kind") or ""),
                "speaker": shorten(str(rec.get("speaker") or "—"), self.widths["speaker"]),
                "cue": shorten(str(rec.get("cue") or ""), self.widths["cue"]),
                "conf": f"{conf:.2f}" if isinstance(conf, int | float) else "",
                "text": shorten(str(rec.get("text") or ""), self.text_width),
            }
            self.stream.write(self._line(cells))


def make_writer(fmt: str, stream: TextIO, *, show_doc: bool = True,
                width: int = 120, csv_escape: bool = True,
                fields: Sequence[str] = FIELDS) -> RecordWriter:
    """The writer for ``fmt`` (one of :data:`FORMATS`); ``width`` is the table's line length,
    ``csv_escape`` whether CSV cells that look like formulas get a leading ``'``,
    ``fields`` the columns of CSV, XLSX and Parquet."""
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, fields, csv_escape=csv_escape)
    if fmt in ("xlsx", "parquet"):
        from .spreadsheets import binary_writer

        return binary_writer(fmt, stream, fields, csv_escape=csv_escape)
    if fmt == "table":
        return TableWriter(stream, show_doc=show_doc, width=width)
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _render(fmt: str, items: Iterable[Quote] | Iterable[Mapping[str, Any]], doc: str | None,
            **kw: Any) -> str:
    buf = io.StringIO()
    writer = make_writer(fmt, buf, **kw)
    writer.write(_as_records(items, doc))
    writer.close()
    return buf.getvalue()


def to_jsonl(items: Iterable[Quote] | Iterable[Mapping[str, Any]], doc: str | None = None) -> str:
    """Quotes (or records) as JSONL text."""
    return _render("jsonl", items, doc)


def to_csv(items: Iterable[Quote] | Iterable[Mapping[str, Any]], doc: str | None = None, *,
           csv_escape: bool = True) -> str:
    """Quotes (or records) as CSV text with a header row (``csv_escape``: see
    :class:`CsvWriter`)."""
    return _render("csv", items, doc, csv_escape=csv_escape)


def to_table(items: Iterable[Quote] | Iterable[Mapping[str, Any]], doc: str | None = None) -> str:
    """Quotes (or records) as a plain-text table (the doc column only when ``doc`` is given)."""
    return _render("table", items, doc, show_doc=doc is not None)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if width <= 0:
        return ""
    return flat if len(flat) <= width else flat[: max(0, width - 1)].rstrip() + "…"


def format_rows(headers: Sequence[str], rows: Iterable[Sequence[Any]],
                max_width: int = 40) -> str:
    """A left-aligned text table sized to its content (cells cut at ``max_width``)."""
    cells = [[terminal_safe(shorten("" if v is None else str(v), max_width)) for v in row]
             for row in rows]
    headers = [terminal_safe(h) for h in headers]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def speaker_records(article: Article) -> list[Record]:
    """One row per speaker of ``article``: name, type, gender (and its evidence), roles,
    aliases and quote counts (``reported`` = mixed + indirect), most quoted first;
    unattributed quotes last under ``speaker: None``."""
    known = {s.name: s for s in article.speakers}
    counts: dict[str | None, dict[str, int]] = {}
    for q in article.quotes:
        name = q.speaker.name if q.speaker is not None else None
        if q.speaker is not None:
            known.setdefault(q.speaker.name, q.speaker)
        row = counts.setdefault(name, {k.value: 0 for k in QuoteKind})
        row[q.kind.value] += 1
    out: list[Record] = []
    for name, spk in known.items():
        c = counts.get(name, {k.value: 0 for k in QuoteKind})
        out.append({
            "speaker": name,
            "type": spk.type.value,
            "gender": spk.gender,
            "gender_evidence": spk.gender_evidence.value if spk.gender and spk.gender_evidence
            else None,
            "roles": list(spk.roles),
            "aliases": list(spk.aliases),
            "quotes": sum(c.values()),
            "direct": c["direct"],
            "mixed": c["mixed"],
            "indirect": c["indirect"],
            "reported": c["mixed"] + c["indirect"],
        })
    out.sort(key=lambda r: -int(r["quotes"]))  # stable: ties keep the article's order
    if None in counts:
        c = counts[None]
        out.append({"speaker": None, "type": None, "gender": None, "gender_evidence": None,
                    "roles": [], "aliases": [],
                    "quotes": sum(c.values()), "direct": c["direct"], "mixed": c["mixed"],
                    "indirect": c["indirect"], "reported": c["mixed"] + c["indirect"]})
    return out
