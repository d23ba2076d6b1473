"""quoteattr.output: JSONL, CSV and table writers with a fixed, documented record format."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import ADA, LIBRARY_TEXT, REPO, TRUST, library_quotes, make_quote

from quoteattr import SCHEMA_VERSION, Article, QuoteKind
from quoteattr.output import (
    FIELDS,
    FORMATS,
    CsvWriter,
    JsonlWriter,
    format_rows,
    make_writer,
    records,
    shorten,
    speaker_records,
    to_csv,
    to_jsonl,
    to_table,
)


def test_fields_are_the_keys_of_quote_to_dict_in_order() -> None:
    q = library_quotes()[0]
    assert tuple(q.to_dict("x.txt")) == FIELDS


def test_records_leave_out_doc_when_not_given() -> None:
    rec = next(records(library_quotes()))
    assert "doc" not in rec
    assert tuple(rec) == FIELDS[1:]


def test_jsonl_line_is_exactly_quote_to_dict() -> None:
    quotes = library_quotes()
    lines = to_jsonl(quotes, doc="lib.txt").splitlines()
    assert [json.loads(line) for line in lines] == [q.to_dict("lib.txt") for q in quotes]


def test_jsonl_keeps_key_order() -> None:
    line = to_jsonl(library_quotes()[:1], doc="lib.txt").splitlines()[0]
    assert list(json.loads(line)) == list(FIELDS)


def test_jsonl_writes_non_ascii_characters_as_they_are() -> None:
    out = to_jsonl(library_quotes(), doc="lib.txt")
    assert "£40,000" in out
    assert "\\u" not in out


def test_jsonl_keeps_a_multiline_quote_on_one_line() -> None:
    text = "“First line.\n\nSecond line,” she said."
    q = make_quote(text, "First line.\n\nSecond line,", speaker=ADA)
    out = to_jsonl([q])
    assert out.count("\n") == 1
    assert json.loads(out)["text"] == "First line.\n\nSecond line,"


def test_jsonl_null_speaker_is_json_null() -> None:
    q = make_quote(LIBRARY_TEXT, "Bring your own cushions", speaker=None, cue=None)
    rec = json.loads(to_jsonl([q]))
    assert rec["speaker"] is None and rec["speaker_type"] is None and rec["cue"] is None
    assert rec["speaker_rule"] is None


def test_jsonl_records_satisfy_the_offset_invariant() -> None:
    for line in to_jsonl(library_quotes()).splitlines():
        rec = json.loads(line)
        assert LIBRARY_TEXT[rec["start"]:rec["end"]] == rec["text"]
        if rec["cue"] is not None:
            assert LIBRARY_TEXT[rec["cue_start"]:rec["cue_end"]] == rec["cue"]
        if rec["speaker_mention"] is not None:
            assert (LIBRARY_TEXT[rec["speaker_mention_start"]:rec["speaker_mention_end"]]
                    == rec["speaker_mention"])


def test_csv_header_is_fields_in_order() -> None:
    header = to_csv(library_quotes(), doc="lib.txt").splitlines()[0]
    assert header.split(",") == list(FIELDS)


def test_csv_writes_header_even_without_quotes() -> None:
    assert to_csv([]).splitlines() == [",".join(FIELDS)]


def test_csv_round_trips_commas_quotes_and_newlines() -> None:
    text = 'He said: “Yes, \"no\",\nmaybe.”'
    q = make_quote(text, 'Yes, "no",\nmaybe.')
    rows = list(csv.DictReader(io.StringIO(to_csv([q], doc="d.txt"))))
    assert len(rows) == 1
    assert rows[0]["text"] == 'Yes, "no",\nmaybe.'
    assert rows[0]["doc"] == "d.txt"


def test_csv_writes_null_as_empty_cell() -> None:
    q = make_quote(LIBRARY_TEXT, "Bring your own cushions", speaker=None, cue=None)
    row = next(csv.DictReader(io.StringIO(to_csv([q]))))
    assert row["speaker"] == "" and row["cue_start"] == ""
    assert row["doc"] == ""


def test_csv_writer_writes_header_once_across_documents() -> None:
    buf = io.StringIO()
    w = CsvWriter(buf)
    w.write(records(library_quotes()[:1], "a.txt"))
    w.write(records(library_quotes()[1:], "b.txt"))
    w.close()
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("doc,kind,text")
    assert sum(line.startswith("doc,") for line in lines) == 1
    assert len(list(csv.DictReader(io.StringIO(buf.getvalue())))) == 3


def test_table_has_one_line_per_quote_plus_two_header_lines() -> None:
    out = to_table(library_quotes())
    assert len(out.splitlines()) == 2 + 3


def test_table_shows_kind_speaker_cue_and_confidence() -> None:
    out = to_table(library_quotes())
    first = out.splitlines()[2]
    assert first.startswith("direct")
    assert "Ada Quill" in first and "said" in first and "0.90" in first


def test_table_truncates_long_text_with_an_ellipsis() -> None:
    text = "“" + "word " * 100 + "end,” she said."
    q = make_quote(text, ("word " * 100 + "end,").strip())
    line = to_table([q]).splitlines()[2]
    assert line.endswith("…")
    assert len(line) <= 120


def test_table_flattens_newlines_inside_quotes() -> None:
    text = "“One.\n\nTwo,” she said."
    out = to_table([make_quote(text, "One.\n\nTwo,")])
    assert len(out.splitlines()) == 3
    assert "One. Two," in out


def test_table_marks_a_missing_speaker_with_a_dash() -> None:
    q = make_quote(LIBRARY_TEXT, "Bring your own cushions", speaker=None, cue=None)
    assert "—" in to_table([q]).splitlines()[2]


def test_table_has_doc_column_only_when_doc_given() -> None:
    assert to_table(library_quotes()).startswith("KIND")
    assert to_table(library_quotes(), doc="lib.txt").startswith("DOC")


def test_make_writer_rejects_unknown_format() -> None:
    import pytest

    with pytest.raises(ValueError, match="jsonl"):
        make_writer("xml", io.StringIO())


def test_jsonl_writer_streams_each_write() -> None:
    buf = io.StringIO()
    w = JsonlWriter(buf)
    w.write(records(library_quotes()[:1]))
    assert buf.getvalue().count("\n") == 1


def test_shorten_cuts_and_flattens() -> None:
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("abcdefghij", 5) == "abcd…"
    assert len(shorten("x" * 50, 7)) == 7


def test_format_rows_aligns_columns() -> None:
    out = format_rows(("name", "n"), [("Ada Quill", 2), ("Bo", 10)])
    lines = out.splitlines()
    assert lines[0] == "name       n"
    assert lines[2] == "Ada Quill  2"
    assert lines[3] == "Bo         10"


def test_speaker_records_count_direct_and_reported_quotes() -> None:
    article = Article(LIBRARY_TEXT, tuple(library_quotes()), (ADA, TRUST), "lib.txt")
    rows = {r["speaker"]: r for r in speaker_records(article)}
    assert rows["Ada Quill"]["quotes"] == 2 and rows["Ada Quill"]["direct"] == 2
    assert rows["Ada Quill"]["reported"] == 0
    assert rows["Riverside Trust"]["indirect"] == 1 and rows["Riverside Trust"]["reported"] == 1
    assert rows["Riverside Trust"]["type"] == "organization"
    assert rows["Ada Quill"]["roles"] == ["head librarian"]


def test_speaker_records_put_most_quoted_first_and_unattributed_last() -> None:
    quotes = [*library_quotes(),
              make_quote(LIBRARY_TEXT, "Library to reopen", speaker=None, cue=None,
                         kind=QuoteKind.INDIRECT)]
    article = Article(LIBRARY_TEXT, tuple(quotes), (TRUST, ADA))
    names = [r["speaker"] for r in speaker_records(article)]
    assert names == ["Ada Quill", "Riverside Trust", None]


def test_speaker_records_list_speakers_without_quotes() -> None:
    other = ADA.__class__("Ben Ode")
    article = Article(LIBRARY_TEXT, (), (other,))
    assert speaker_records(article)[0]["quotes"] == 0


# ------------------------------------------------------------- the documented format


def _doc_fields(markdown: str) -> list[str]:
    """Field names of the first column of a markdown table: | `name` | ..."""
    names: list[str] = []
    for line in markdown.splitlines():
        m = re.match(r"\|\s*((?:`[a-z_]+`(?:,\s*)?)+)\s*\|", line)
        if m:
            names += re.findall(r"`([a-z_]+)`", m.group(1))
    return names


def test_output_format_doc_lists_every_field_and_the_schema_version() -> None:
    doc = (REPO / "docs" / "output-format.md").read_text(encoding="utf-8")
    assert set(FIELDS) <= set(_doc_fields(doc))
    assert f"`{SCHEMA_VERSION}`" in doc


def test_output_format_doc_lists_fields_in_written_order() -> None:
    doc = (REPO / "docs" / "output-format.md").read_text(encoding="utf-8")
    listed = [f for f in _doc_fields(doc) if f in FIELDS]
    assert listed[: len(FIELDS)] == list(FIELDS)


def test_output_format_doc_lists_every_format_the_csv_bom_and_the_html_fields() -> None:
    doc = (REPO / "docs" / "output-format.md").read_text(encoding="utf-8")
    formats = doc.split("## Formats", 1)[1].split("\n## ", 1)[0]
    for fmt in FORMATS:
        assert f"`--format {fmt}" in formats, fmt
    assert "`--csv-bom`" in formats
    html = doc.split("## HTML inputs", 1)[1].split("\n## ", 1)[0]
    assert _doc_fields(html) == ["source_start", "source_end"]
    assert "--emit-text" in html and "decoded HTML" in html


def test_records_carry_every_output_field_of_the_shared_schema(shared: Path) -> None:
    schema = (shared / "gold" / "SCHEMA.md").read_text(encoding="utf-8")
    gold_only = {"optional", "speaker_check"}
    wanted = [f for f in _doc_fields(schema) if f not in gold_only]
    assert wanted, "SCHEMA.md lists its fields in a table"
    assert set(wanted) <= set(FIELDS)


def test_output_format_doc_example_record_has_the_fields_in_order() -> None:
    doc = (REPO / "docs" / "output-format.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", doc, re.S)
    assert block
    (record,) = [json.loads(line) for line in block.group(1).splitlines() if line.strip()]
    assert list(record) == list(FIELDS)
    assert record["end"] - record["start"] == len(record["text"])


# --- spreadsheet formulas and terminal control characters ----------------------------------


def test_csv_prefixes_cells_that_a_spreadsheet_would_run_as_formulas() -> None:
    recs = [{"doc": "=cmd|' /C calc'!A0", "text": "+1 -2", "speaker": "@SUM(A1)",
             "cue": "\tsaid", "rule": "\rx", "kind": "-direct", "start": 3, "end": 8}]
    (row,) = csv.DictReader(io.StringIO(to_csv(recs)))
    assert row["doc"] == "'=cmd|' /C calc'!A0"
    assert (row["text"], row["speaker"], row["kind"]) == ("'+1 -2", "'@SUM(A1)", "'-direct")
    assert (row["cue"], row["rule"]) == ("'\tsaid", "'\rx")
    assert (row["start"], row["end"]) == ("3", "8")


def test_csv_leaves_ordinary_cells_and_inner_signs_alone() -> None:
    recs = [{"doc": "a.txt", "text": "a = b + c - d @ e", "speaker": "Ada Quill"}]
    (row,) = csv.DictReader(io.StringIO(to_csv(recs)))
    assert (row["doc"], row["text"], row["speaker"]) == ("a.txt", "a = b + c - d @ e",
                                                        "Ada Quill")


def test_csv_escape_can_be_turned_off_for_programs() -> None:
    recs = [{"doc": "=a.txt", "text": "-1", "speaker": "@x"}]
    (row,) = csv.DictReader(io.StringIO(to_csv(recs, csv_escape=False)))
    assert (row["doc"], row["text"], row["speaker"]) == ("=a.txt", "-1", "@x")
    buf = io.StringIO()
    writer = make_writer("csv", buf, csv_escape=False)
    writer.write(recs)
    assert "\n=a.txt,," in buf.getvalue()


def test_terminal_safe_removes_escape_sequences_and_bidi_overrides() -> None:
    from quoteattr.output import terminal_safe

    hostile = ("a\x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x1b\\ "
               "\u202eevil\u2066 \x9b2J\x00")
    safe = terminal_safe(hostile)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", safe)
    assert "red" in safe and "link" in safe and "evil" in safe


def test_table_and_format_rows_carry_no_control_characters() -> None:
    recs = [{"doc": "d\x1b[2J.txt", "kind": "direct", "text": "x\x1b]0;title\x07y \u202ez",
             "speaker": "Ada\x07", "cue": "said\x9b", "confidence": 0.5}]
    table = to_table(recs, doc="d")
    rows = format_rows(("speaker\x1b[5m", "n"), [("Ada\x1b[31m Quill", 1)])
    for out in (table, rows):
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert "Ada" in table and "Quill" in rows


def test_csv_quotes_a_cell_with_a_lone_carriage_return_so_readers_keep_the_row() -> None:
    recs = [{"doc": "mac.txt", "text": "one line\rand the next", "start": 1}]
    (row,) = csv.DictReader(io.StringIO(to_csv(recs), newline=""))
    assert row["text"] == "one line\rand the next"
    assert (row["doc"], row["start"], row["end"]) == ("mac.txt", "1", "")
