"""Spreadsheets: articles read from a column of a CSV or XLSX file, quote records written
as XLSX or Parquet.

XLSX needs openpyxl (``pip install 'quoteattr[xlsx]'``), Parquet needs pyarrow
(``pip install 'quoteattr[parquet]'``); without them :class:`MissingExtra` (an
``ImportError``) names the extra to install. CSV input needs nothing more.

XLSX cells are never formulas: every text cell is written as a string cell, and (unless
``csv_escape`` is off, as with ``--csv-raw``) a text starting like a formula gets a
leading ``'`` as in CSV (:func:`quoteattr.output.neutralise_formula`). A text longer than
Excel's limit of 32,767 characters per cell is cut to it, ending with
:data:`CUT_MARKER`; characters that XLSX cannot hold (control characters other than tab,
newline and carriage return) become U+FFFD. Parquet keeps every text exactly.
"""

from __future__ import annotations

import csv
import importlib
import io
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .io import _read_bounded, decode
from .output import FIELDS, RecordWriter, neutralise_formula, trail_text

__all__ = [
    "BINARY_FORMATS",
    "CUT_MARKER",
    "EXCEL_CELL_LIMIT",
    "TABLE_SUFFIXES",
    "MissingExtra",
    "ParquetWriter",
    "XlsxWriter",
    "binary_writer",
    "check_writer",
    "read_table",
    "write_records",
]

#: Output formats written as binary files (they need ``-o FILE``).
BINARY_FORMATS: tuple[str, ...] = ("xlsx", "parquet")
#: File name endings :func:`read_table` reads.
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".tsv", ".xlsx", ".xlsm")
#: The most characters Excel keeps in one cell.
EXCEL_CELL_LIMIT = 32_767
#: How a cut XLSX cell ends.
CUT_MARKER = " […cut: longer than an Excel cell holds]"

_EXTRAS = {"xlsx": ("openpyxl", "XLSX"), "parquet": ("pyarrow", "Parquet")}
_INT_FIELDS = frozenset({
    "start", "end", "speaker_mention_start", "speaker_mention_end", "cue_start", "cue_end",
    "source_start", "source_end",
})
#: Rows of a Parquet row group.
_ROW_GROUP = 50_000


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says which extra brings it."""


def _require(extra: str, module: str | None = None) -> Any:
    name, what = _EXTRAS[extra]
    try:
        return importlib.import_module(module or name)
    except ImportError:
        raise MissingExtra(f"{what} files need {name}, which is not installed: "
                           f"pip install 'quoteattr[{extra}]'") from None


def check_writer(fmt: str) -> None:
    """Raise :class:`MissingExtra` when the library that writes ``fmt`` is missing."""
    if fmt in _EXTRAS:
        _require(fmt)


# ---------------------------------------------------------------- reading


def read_table(path: str | os.PathLike[str], text_column: str, id_column: str | None = None,
               *, sheet: str | None = None,
               max_bytes: int | None = None) -> list[tuple[str, str]]:
    """``(id, text)`` for each row of a CSV or XLSX file, in order.

    The first row names the columns (matched exactly, else ignoring case and surrounding
    spaces). ``id`` is the row's ``id_column`` cell, or ``NAME#ROW`` (``data.csv#2`` for
    the first row under the header, as a spreadsheet numbers rows) when there is no id
    column or the cell is empty. Empty rows are skipped; an empty text cell gives ``""``.
    CSV is strict UTF-8 (see :func:`quoteattr.decode`; a byte order mark is dropped), its
    delimiter ``,``, ``;`` or tab, whichever the header uses. ``sheet``: the XLSX sheet
    (default: the first). Feed the pairs to :func:`quoteattr.extract_many` as
    ``extract_many([t for _, t in rows], docs=[i for i, _ in rows])``. A CSV cell may be
    any length. Bad tables raise ValueError naming the file (no header row, no such column
    or sheet, not UTF-8, not an XLSX workbook); a file that cannot be read, OSError.
    """
    p = Path(path)
    rows = _xlsx_rows(p, sheet) if p.suffix.lower() in (".xlsx", ".xlsm") else \
        _csv_rows(p, max_bytes)
    header = next(rows, None)
    if header is None:
        raise ValueError(f"{path}: the table is empty (no header row)")
    names = ["" if h is None else str(h) for h in header]
    text_at = _column(names, text_column, path)
    id_at = _column(names, id_column, path) if id_column is not None else None
    out: list[tuple[str, str]] = []
    for number, row in enumerate(rows, start=2):
        if all(c is None or c == "" for c in row):
            continue
        text = _cell(row, text_at)
        ident = _cell(row, id_at) if id_at is not None else ""
        out.append((ident or f"{p.name}#{number}", text))
    return out


def _cell(row: Sequence[Any], at: int) -> str:
    value = row[at] if at < len(row) else None
    return "" if value is None else str(value)


def _column(names: Sequence[str], wanted: str, path: str | os.PathLike[str]) -> int:
    if wanted in names:
        return names.index(wanted)
    folded = [n.strip().casefold() for n in names]
    if wanted.strip().casefold() in folded:
        return folded.index(wanted.strip().casefold())
    shown = ", ".join(repr(n) for n in names) or "none"
    raise ValueError(f"{os.fspath(path)}: no column {wanted!r}; the columns are {shown}")


def _csv_rows(path: Path, max_bytes: int | None) -> Iterator[Sequence[Any]]:
    data = path.read_bytes() if max_bytes is None else _read_bounded(path, max_bytes)
    try:
        text = decode(data)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # an article may fill a cell
    try:
        return iter(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    except csv.Error as exc:
        raise ValueError(f"{path}: not a readable CSV file ({exc})") from None
    finally:
        csv.field_size_limit(limit)


#: What openpyxl raises for a file that is no workbook (a zip's or a sheet's XML broken).
_BROKEN_XLSX = (zipfile.BadZipFile, KeyError, ValueError, SyntaxError, EOFError, zlib.error)


def _workbook(openpyxl: Any, path: Path) -> Any:
    """The workbook at ``path``; ValueError naming the file when it is none."""
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except (*_BROKEN_XLSX, openpyxl.utils.exceptions.InvalidFileException) as exc:
        raise ValueError(f"{path}: not an XLSX workbook ({exc})") from None


def _sheet_rows(ws: Any, path: Path) -> list[tuple[Any, ...]]:
    """The values of a sheet's rows (read only now: a broken sheet fails here)."""
    try:
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    except _BROKEN_XLSX as exc:
        raise ValueError(f"{path}: not an XLSX workbook ({exc})") from None


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[Sequence[Any]]:
    openpyxl = _require("xlsx")
    book = _workbook(openpyxl, path)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ValueError(f"{path}: no sheet {sheet!r}; the sheets are "
                             f"{', '.join(book.sheetnames)}")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows = _sheet_rows(ws, path)
    finally:
        book.close()
    return iter(rows)


# ---------------------------------------------------------------- writing


def _binary(stream: TextIO | BinaryIO) -> BinaryIO:
    """The byte stream under ``stream`` (a text file's ``buffer``)."""
    if not isinstance(stream, io.TextIOBase):
        return stream  # type: ignore[return-value]
    stream.flush()
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is None:
        raise ValueError("XLSX and Parquet are binary: write them to a file opened "
                         "in binary mode")
    return buffer


def _xlsx_text(value: str, escape: bool, illegal: Any) -> str:
    if escape:
        value = neutralise_formula(value)
    value = illegal.sub("\ufffd", value)
    if len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - len(CUT_MARKER)] + CUT_MARKER
    return value


class XlsxWriter(RecordWriter):
    """One ``quotes`` sheet: a header row of ``fields``, then one row per record; saved
    to the stream's bytes by :meth:`close` (see the module's description for the cells)."""

    def __init__(self, stream: TextIO | BinaryIO, fields: Sequence[str] = FIELDS, *,
                 csv_escape: bool = True) -> None:
        openpyxl = _require("xlsx")
        self._cells = importlib.import_module("openpyxl.cell.cell")
        self.binary = _binary(stream)
        self.stream = stream  # type: ignore[assignment]
        self.fields = tuple(fields)
        self.csv_escape = csv_escape
        self.book = openpyxl.Workbook(write_only=True)
        self.sheet = self.book.create_sheet("quotes")
        self.sheet.freeze_panes = "A2"
        self.sheet.append(list(self.fields))

    def _cell(self, value: Any) -> Any:
        if isinstance(value, list | tuple):  # the trail, or a list of names
            value = trail_text(value) if value and isinstance(value[0], Mapping) else \
                "; ".join(str(v) for v in value)
        if not isinstance(value, str):
            return value
        cell = self._cells.WriteOnlyCell(self.sheet)
        cell.value = _xlsx_text(value, self.csv_escape, self._cells.ILLEGAL_CHARACTERS_RE)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell

    def write(self, recs: Iterable[Mapping[str, Any]]) -> None:
        for rec in recs:
            self.sheet.append([self._cell(rec.get(f)) for f in self.fields])

    def close(self) -> None:
        self.book.save(self.binary)
        self.binary.flush()


class ParquetWriter(RecordWriter):
    """Records as a Parquet table with one column per field: offsets as nullable int64,
    ``confidence`` as double, ``trail`` as a list of ``{sieve, rule, start, end}``, other
    fields as strings (lists of strings when the records hold lists)."""

    def __init__(self, stream: TextIO | BinaryIO, fields: Sequence[str] = FIELDS) -> None:
        self.pa = _require("parquet")
        self.pq = _require("parquet", "pyarrow.parquet")
        self.binary = _binary(stream)
        self.stream = stream  # type: ignore[assignment]
        self.fields = tuple(fields)
        self.rows: list[Mapping[str, Any]] = []
        self.writer: Any = None

    def _type(self, field: str) -> Any:
        pa = self.pa
        if field in _INT_FIELDS:
            return pa.int64()
        if field == "headline":
            return pa.bool_()
        if field == "confidence":
            return pa.float64()
        if field == "trail":
            return pa.list_(pa.struct([("sieve", pa.string()), ("rule", pa.string()),
                                       ("start", pa.int64()), ("end", pa.int64())]))
        if any(isinstance(r.get(field), list) for r in self.rows):
            return pa.list_(pa.string())
        return pa.string()

    def write(self, recs: Iterable[Mapping[str, Any]]) -> None:
        self.rows.extend(recs)
        if len(self.rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.writer is None:
            schema = self.pa.schema([(f, self._type(f)) for f in self.fields])
            self.writer = self.pq.ParquetWriter(self.binary, schema)
        schema = self.writer.schema
        columns = {f: [_parquet_value(r.get(f), schema.field(f).type, self.pa)
                       for r in self.rows] for f in self.fields}
        self.writer.write_table(self.pa.table(columns, schema=schema))
        self.rows = []

    def close(self) -> None:
        if self.rows or self.writer is None:
            self._flush()
        self.writer.close()
        self.binary.flush()


def _parquet_value(value: Any, kind: Any, pa: Any) -> Any:
    if value is None or kind in (pa.int64(), pa.float64(), pa.bool_()):
        return value
    if pa.types.is_list(kind):
        return list(value) if isinstance(value, list | tuple) else [str(value)]
    return value if isinstance(value, str) else str(value)


def binary_writer(fmt: str, stream: TextIO | BinaryIO, fields: Sequence[str] = FIELDS, *,
                  csv_escape: bool = True) -> RecordWriter:
    """The :class:`XlsxWriter` or :class:`ParquetWriter` for ``fmt``, writing the bytes of
    ``stream`` (a binary file, or a text file's ``buffer``)."""
    if fmt == "xlsx":
        return XlsxWriter(stream, fields, csv_escape=csv_escape)
    if fmt == "parquet":
        return ParquetWriter(stream, fields)
    raise ValueError(f"not a binary format: {fmt!r}; expected one of {', '.join(BINARY_FORMATS)}")


def write_records(fmt: str, recs: Iterable[Mapping[str, Any]],
                  path: str | os.PathLike[str], fields: Sequence[str] = FIELDS) -> None:
    """Write quote records (``quoteattr.output.records(quotes, doc)``) to an XLSX or
    Parquet file at ``path``."""
    with open(path, "wb") as f:
        writer = binary_writer(fmt, f, fields)
        writer.write(recs)
        writer.close()
