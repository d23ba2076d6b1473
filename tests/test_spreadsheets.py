"""Spreadsheets: articles from a CSV or XLSX column; quotes to XLSX, Parquet and Excel CSV."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import extract_many, read_table
from quoteattr.cli import main
from quoteattr.output import FIELDS, make_writer, records
from quoteattr.spreadsheets import (
    CUT_MARKER,
    EXCEL_CELL_LIMIT,
    MissingExtra,
    ParquetWriter,
    XlsxWriter,
    write_records,
)

openpyxl = pytest.importorskip("openpyxl")
pq = pytest.importorskip("pyarrow.parquet")

ARTICLES = [
    ("https://news.example/1", "“We will win,” said Jane Doe."),
    ("https://news.example/2", "The budget is wrong, said Bob Roe.\n\n“Never,” he said."),
]


def _csv(tmp_path: Path, content: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


def _xlsx(tmp_path: Path, rows: list[list[Any]], sheet: str = "Articles") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    path = tmp_path / "data.xlsx"
    book.save(path)
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- reading


def test_read_table_gives_id_and_text_pairs_from_a_csv(tmp_path: Path) -> None:
    path = _csv(tmp_path, 'url,text\nhttps://news.example/1,"“We will win,” said Jane Doe."\n'
                          'https://news.example/2,"The budget is wrong, said Bob Roe.\n\n'
                          '“Never,” he said."\n')
    assert read_table(path, "text", "url") == ARTICLES


def test_read_table_without_id_column_names_rows_as_a_spreadsheet_does(tmp_path: Path
                                                                        ) -> None:
    path = _csv(tmp_path, "text\nfirst\n\nsecond\n")
    assert read_table(path, "text") == [("data.csv#2", "first"), ("data.csv#4", "second")]


def test_read_table_reads_semicolons_a_bom_and_any_case_of_the_column(tmp_path: Path
                                                                       ) -> None:
    path = _csv(tmp_path, "\ufeffID;Body Text\nx1;Hello, world\nx2;\n")
    assert read_table(path, "body text", "id") == [("x1", "Hello, world"), ("x2", "")]


def test_read_table_names_the_columns_when_one_is_missing(tmp_path: Path) -> None:
    path = _csv(tmp_path, "url,body\na,b\n")
    with pytest.raises(ValueError, match="no column 'text'; the columns are 'url', 'body'"):
        read_table(path, "text")


def test_read_table_reads_a_csv_cell_longer_than_the_csv_modules_field_limit(
        tmp_path: Path) -> None:
    import csv
    long = "The pier reopened. " * 10_000  # 190,000 characters, over csv's 131,072
    path = _csv(tmp_path, f'url,text\na,"{long}"\n')
    limit = csv.field_size_limit()
    assert read_table(path, "text", "url") == [("a", long)]
    assert csv.field_size_limit() == limit  # the process's limit is left as it was


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04garbage", b""],
                         ids=["text", "zip-head", "empty"])
def test_read_table_names_the_file_of_a_broken_xlsx(tmp_path: Path, data: bytes) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=r"broken\.xlsx: not an XLSX workbook"):
        read_table(path, "text")


def test_read_table_names_the_file_of_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ValueError, match=r"other\.xlsx: not an XLSX workbook"):
        read_table(path, "text")


def test_read_table_names_the_file_of_an_xlsx_with_a_cut_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    whole, cut = tmp_path / "whole.xlsx", tmp_path / "cut.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["text"])
    book.active.append(["“Yes,” he said."])
    book.save(whole)
    with zipfile.ZipFile(whole) as zin, zipfile.ZipFile(cut, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data[: len(data) // 2] if "worksheets/" in item.filename
                          else data)
    with pytest.raises(ValueError, match=r"cut\.xlsx: not an XLSX workbook"):
        read_table(cut, "text")


def test_cli_reports_a_broken_xlsx_in_one_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    code, _, err = _run(["extract", str(path), "--input-column", "text"], capsys)
    assert code == 1 and "not an XLSX workbook" in err and "Traceback" not in err


def test_read_table_reads_an_xlsx_sheet(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, [["url", "text", "n"], [ARTICLES[0][0], ARTICLES[0][1], 1],
                            [None, None, None], [ARTICLES[1][0], ARTICLES[1][1], 2]])
    assert read_table(path, "text", "url") == ARTICLES
    assert read_table(path, "text", sheet="Articles")[1][0] == "data.xlsx#4"
    with pytest.raises(ValueError, match="no sheet 'Other'; the sheets are Articles"):
        read_table(path, "text", sheet="Other")


def test_read_table_pairs_feed_extract_many(tmp_path: Path) -> None:
    rows = read_table(_xlsx(tmp_path, [["url", "text"], *map(list, ARTICLES)]), "text", "url")
    results = list(extract_many([t for _, t in rows], jobs=1, docs=[i for i, _ in rows]))
    assert [r.doc for r in results] == [a[0] for a in ARTICLES]
    assert results[0].quotes[0].speaker_name == "Jane Doe"


def test_read_table_is_exported_from_the_package() -> None:
    assert quoteattr.read_table is read_table


def test_xlsx_without_openpyxl_names_the_extra(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = _xlsx(tmp_path, [["text"], ["x"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtra, match=r"pip install 'quoteattr\[xlsx\]'"):
        read_table(path, "text")
    with pytest.raises(ImportError, match=r"quoteattr\[xlsx\]"):
        XlsxWriter(io.BytesIO())


def test_parquet_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtra, match=r"pip install 'quoteattr\[parquet\]'"):
        ParquetWriter(io.BytesIO())


# ---------------------------------------------------------------- writing


def _records() -> list[dict[str, Any]]:
    qs = quoteattr.extract(ARTICLES[1][1])
    return list(records(qs, "b.txt"))


def _sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(r) for r in book["quotes"].iter_rows(values_only=True)]


def test_xlsx_has_the_csv_columns_and_the_records(tmp_path: Path) -> None:
    recs = _records()
    write_records("xlsx", recs, tmp_path / "q.xlsx")
    rows = _sheet_rows(tmp_path / "q.xlsx")
    assert rows[0] == FIELDS
    assert len(rows) == len(recs) + 1
    first = dict(zip(FIELDS, rows[1], strict=True))
    assert first["text"] == recs[0]["text"] and first["start"] == recs[0]["start"]
    assert first["confidence"] == recs[0]["confidence"]
    assert first["trail"].startswith("quotation-marks:paired-marks@")


def _one_cell(text: str, **kw: Any) -> tuple[Any, str, bytes]:
    buf = io.BytesIO()
    writer = XlsxWriter(buf, ("text",), **kw)
    writer.write([{"text": text}])
    writer.close()
    sheet_xml = zipfile.ZipFile(buf).read("xl/worksheets/sheet1.xml")
    cell = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active["A2"]
    return cell.value, cell.data_type, sheet_xml


def test_xlsx_cell_starting_like_a_formula_gets_a_quote_and_is_never_a_formula() -> None:
    value, kind, xml = _one_cell('=HYPERLINK("http://evil.example","Click")')
    assert value == "'=HYPERLINK(\"http://evil.example\",\"Click\")" and kind == "s"
    assert b"<f>" not in xml


def test_xlsx_raw_cells_keep_the_text_but_stay_strings() -> None:
    value, kind, xml = _one_cell("=1+2", csv_escape=False)
    assert value == "=1+2" and kind == "s"
    assert b"<f>" not in xml


def test_xlsx_cell_longer_than_excel_holds_is_cut_with_a_marker() -> None:
    value, _, _ = _one_cell("x" * (EXCEL_CELL_LIMIT + 10))
    assert len(value) == EXCEL_CELL_LIMIT and value.endswith(CUT_MARKER)


def test_xlsx_list_cells_are_joined() -> None:
    buf = io.BytesIO()
    writer = XlsxWriter(buf, ("roles", "trail"))
    writer.write([{"roles": ["chief executive", "founder"], "trail": []}])
    writer.close()
    row = [c.value for c in openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active[2]]
    assert row == ["chief executive; founder", None]  # an empty cell reads as None


def test_xlsx_control_characters_become_replacement_characters() -> None:
    value, _, _ = _one_cell("a\x00b\x1bc\td")
    assert value == "a\ufffdb\ufffdc\td"


def test_parquet_has_typed_columns_and_the_records(tmp_path: Path) -> None:
    recs = _records()
    write_records("parquet", recs, tmp_path / "q.parquet")
    table = pq.read_table(tmp_path / "q.parquet")
    assert tuple(table.column_names) == FIELDS
    assert str(table.schema.field("start").type) == "int64"
    assert str(table.schema.field("confidence").type) == "double"
    assert table.to_pylist() == recs  # every text, offset and trail step exactly


def test_parquet_keeps_null_offsets_as_nulls(tmp_path: Path) -> None:
    rec = {**_records()[0], "cue": None, "cue_start": None, "cue_end": None}
    write_records("parquet", [rec], tmp_path / "q.parquet")
    row = pq.read_table(tmp_path / "q.parquet").to_pylist()[0]
    assert row["cue_start"] is None and row["cue"] is None


def test_binary_writer_refuses_a_text_stream_without_bytes_underneath() -> None:
    with pytest.raises(ValueError, match="binary"):
        make_writer("xlsx", io.StringIO())


# ---------------------------------------------------------------- command line


def test_cli_reads_articles_from_a_csv_column(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = _csv(tmp_path, "url,text\nu1,\"“We will win,” said Jane Doe.\"\n")
    code, out, err = _run(["extract", str(path), "--input-column", "text",
                           "--id-column", "url"], capsys)
    assert code == 0, err
    rec = json.loads(out.splitlines()[0])
    assert rec["doc"] == "u1" and rec["speaker"] == "Jane Doe"


def test_cli_reads_articles_from_an_xlsx_column(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _xlsx(tmp_path, [["url", "text"], *map(list, ARTICLES)])
    code, out, err = _run(["speakers", str(path), "--input-column", "text",
                           "--id-column", "url", "-f", "jsonl"], capsys)
    assert code == 0, err
    docs = {doc for line in out.splitlines() for doc in json.loads(line)["docs"]}
    assert docs == {a[0] for a in ARTICLES}


def test_cli_xlsx_input_without_a_column_says_to_name_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _xlsx(tmp_path, [["text"], ["x"]])
    code, _, err = _run(["extract", str(path)], capsys)
    assert code == 1 and "--input-column" in err


def test_cli_missing_column_is_reported(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = _csv(tmp_path, "url,body\na,b\n")
    code, _, err = _run(["extract", str(path), "--input-column", "text"], capsys)
    assert code == 1 and "no column 'text'" in err


def test_cli_id_column_alone_is_a_usage_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["extract", str(tmp_path), "--id-column", "url"], capsys)
    assert code == 2 and "--input-column" in err


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_cli_binary_format_needs_an_output_file(fmt: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for extra in ([], ["-o", "-"]):
        code, out, err = _run(["extract", "-", "-f", fmt, *extra], capsys)
        assert code == 2 and out == "" and "-o FILE" in err


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_cli_writes_xlsx_and_parquet_files(fmt: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLES[1][1], encoding="utf-8")
    target = tmp_path / f"q.{fmt}"
    code, out, err = _run(["extract", str(src), "-f", fmt, "-o", str(target)], capsys)
    assert code == 0 and out == "", err
    if fmt == "xlsx":
        assert _sheet_rows(target)[1][0] == "a.txt"
    else:
        assert pq.read_table(target).column("doc").to_pylist()[0] == "a.txt"


def test_cli_missing_extra_is_a_usage_error_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    target = tmp_path / "q.parquet"
    code, _, err = _run(["extract", "-", "-f", "parquet", "-o", str(target)], capsys)
    assert code == 2 and "pip install 'quoteattr[parquet]'" in err
    assert not target.exists()


def test_cli_csv_bom_starts_the_file_with_a_byte_order_mark(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLES[0][1], encoding="utf-8")
    target = tmp_path / "q.csv"
    code, _, err = _run(["extract", str(src), "-f", "csv", "--csv-bom", "-o", str(target)],
                        capsys)
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdoc,kind,text,")
    assert data.count(b"\xef\xbb\xbf") == 1


def test_cli_csv_bom_with_another_format_is_a_usage_error(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["extract", "-", "--csv-bom"], capsys)
    assert code == 2 and "--format csv" in err
