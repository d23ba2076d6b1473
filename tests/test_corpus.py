"""The corpus view: speakers tallied across documents (quoteattr.corpus, summary(),
``quoteattr speakers FOLDER``)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ADA, LIBRARY_TEXT, TRUST, library_quotes, make_quote

import quoteattr
from quoteattr import Article, BatchResult, Speaker, SpeakerType
from quoteattr.cli import main
from quoteattr.corpus import (
    TALLY_FIELDS,
    canonical_key,
    document_entries,
    people_by_gender,
    quotes_by,
    quotes_by_kind,
    tally,
    tally_records,
)

PIKE_F = Speaker("Nora Pike", SpeakerType.PERSON, gender="f")
PIKE_UPPER = Speaker("NORA  PIKE", SpeakerType.PERSON)
HALE_M = Speaker("Owen Hale", SpeakerType.PERSON, gender="m")


def _article(doc: str, *speakers: tuple[Speaker | None, str]) -> Article:
    """An article with one quote per (speaker, kind), in order."""
    text = " ".join(f"“Point {i}.”" for i in range(len(speakers)))
    quotes = tuple(make_quote(text, f"Point {i}.", speaker=s, kind=k, cue=None)
                   for i, (s, k) in enumerate(speakers))
    return Article(text, quotes, tuple({s.name: s for s, _ in speakers if s}.values()), doc)


def test_canonical_key_folds_case_spaces_apostrophes_and_hyphens() -> None:
    assert canonical_key("  Niall  O’Dowd ") == canonical_key("NIALL O'DOWD") == "niall o'dowd"
    assert canonical_key("Anne Smith\u2010Jones") == "anne smith-jones"
    assert canonical_key("A. Quill") != canonical_key("Ada Quill")


def test_one_entry_per_name_per_document() -> None:
    a = _article("a", (PIKE_F, "direct"), (PIKE_UPPER, "indirect"), (HALE_M, "mixed"))
    entries = document_entries(a)
    assert [(e.key, e.counts) for e in entries] == [("nora pike", (1, 0, 1)),
                                                     ("owen hale", (0, 1, 0))]


def test_tally_joins_a_speaker_across_documents_and_counts_documents() -> None:
    rows = tally([_article("a", (PIKE_F, "direct"), (HALE_M, "direct")),
                  _article("b", (PIKE_UPPER, "indirect"), (PIKE_UPPER, "mixed")),
                  _article("c", (HALE_M, "indirect"))])
    pike, hale = rows
    assert (pike.speaker, pike.quotes, pike.direct, pike.mixed, pike.indirect) == (
        "Nora Pike", 3, 1, 1, 1)
    assert pike.docs == ("a", "b") and pike.reported == 2
    assert pike.gender == "f"  # from the one document that says
    assert (hale.docs, hale.gender, hale.type) == (("a", "c"), "m", "person")


def test_gender_tie_between_documents_is_unknown_and_type_is_the_majority() -> None:
    org = Speaker("Pike", SpeakerType.ORGANIZATION)
    pike_m = Speaker("Nora Pike", SpeakerType.PERSON, gender="m")
    rows = tally([_article("a", (PIKE_F, "direct")), _article("b", (pike_m, "direct")),
                  _article("c", (Speaker("pike", SpeakerType.PERSON), "direct")),
                  _article("d", (org, "direct")), _article("e", (org, "direct"))])
    by_key = {r.key: r for r in rows}
    assert by_key["nora pike"].gender is None
    assert by_key["pike"].type == "organization"


def test_documents_with_the_same_name_count_twice() -> None:
    rows = tally([_article("story.txt", (ADA, "direct")), _article("story.txt", (ADA, "direct"))])
    assert rows[0].quotes == 2 and len(rows[0].docs) == 2


def test_unattributed_quotes_come_last_in_a_row_without_speaker() -> None:
    rows = tally([_article("a", (None, "direct"), (None, "direct"), (ADA, "indirect"))])
    assert [(r.speaker, r.quotes) for r in rows] == [("Ada Quill", 1), (None, 2)]
    assert rows[-1].to_dict()["type"] is None


def test_tally_orders_by_quotes_then_documents_then_name() -> None:
    b = Speaker("Bea Cole", SpeakerType.PERSON)
    c = Speaker("Cy Dunn", SpeakerType.PERSON)
    rows = tally([_article("1", (c, "direct"), (b, "direct")), _article("2", (c, "direct")),
                  _article("3", (ADA, "direct"), (ADA, "direct"), (b, "direct"))])
    assert [r.speaker for r in rows] == ["Bea Cole", "Cy Dunn", "Ada Quill"]


def test_shares_by_gender_type_and_kind() -> None:
    rows = tally([_article("a", (PIKE_F, "direct"), (PIKE_F, "indirect"), (HALE_M, "mixed"),
                           (ADA, "direct"), (Speaker("Trust", SpeakerType.ORGANIZATION),
                                             "indirect"), (None, "direct"))])
    assert quotes_by(rows, "type") == {"person": 4, "organization": 1, None: 1}
    people = [r for r in rows if r.type == "person"]
    assert quotes_by(people, "gender") == {"f": 2, "m": 1, None: 1}
    assert people_by_gender(rows) == {"f": 1, "m": 1, None: 1}
    assert quotes_by_kind(rows) == {"direct": 3, "mixed": 1, "indirect": 2}


def test_summary_is_the_tally_as_a_dataframe() -> None:
    pytest.importorskip("pandas")
    arts = [_article("a", (PIKE_F, "direct")), _article("b", (PIKE_UPPER, "mixed"))]
    df = quoteattr.summary(arts)
    assert list(df.columns) == list(TALLY_FIELDS)
    assert df.to_dict("records") == tally_records(arts)


def test_summary_of_batch_results_names_documents_and_skips_failures() -> None:
    pytest.importorskip("pandas")
    art = Article(LIBRARY_TEXT, tuple(library_quotes()), (ADA, TRUST))
    results = [BatchResult(0, "lib.txt", art), BatchResult(1, "bad.txt", None, "bad.txt: broken")]
    df = quoteattr.summary(results)
    assert list(df["speaker"]) == ["Ada Quill", "Riverside Trust"]
    assert list(df["docs"]) == [["lib.txt"], ["lib.txt"]]


def test_summary_of_extract_many_on_a_folder(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    _write_folder(tmp_path)
    df = quoteattr.summary(quoteattr.extract_many(sorted(tmp_path.rglob("*.txt")), jobs=1))
    pike = df[df["key"] == "nora pike"].iloc[0]
    assert (pike["quotes"], pike["documents"], pike["gender"]) == (3, 2, "f")


def test_summary_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="articles"):
        tally([42])


# ------------------------------------------------------------- command line


def _write_folder(root: Path) -> Path:
    (root / "one.txt").write_text(
        "Ferry fares rise\n\n“We had no choice,” said Nora Pike, the operator. "
        "She said fuel costs had doubled.\n", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "two.txt").write_text(
        "Vote tonight\n\n“Fine,” said NORA  PIKE. “We will see,” said Mr Owen Hale.\n",
        encoding="utf-8")
    return root


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_speakers_of_a_folder_is_one_table_across_documents(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "speakers", str(_write_folder(tmp_path)))
    lines = out.splitlines()
    assert code == 0 and not [line for line in lines if line.startswith("==")]
    assert lines[0].split() == ["speaker", "type", "gender", "quotes", "direct", "mixed",
                                "indirect", "documents", "roles"]
    assert lines[2].split()[:9] == ["Nora", "Pike", "person", "f", "3", "2", "0", "1", "2"]
    assert lines[3].split()[:8] == ["Owen", "Hale", "person", "m", "1", "1", "0", "0"]


def test_speakers_of_a_folder_as_csv_and_jsonl(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(_write_folder(tmp_path))
    _, out, _ = _run(capsys, "speakers", folder, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(TALLY_FIELDS)
    assert rows[0]["speaker"] == "Nora Pike" and rows[0]["documents"] == "2"
    assert rows[0]["docs"] == "one.txt; sub/two.txt" and rows[0]["gender"] == "f"
    _, out, _ = _run(capsys, "speakers", folder, "--format", "jsonl")
    recs = [json.loads(line) for line in out.splitlines()]
    assert recs[0]["docs"] == ["one.txt", "sub/two.txt"] and recs[0]["quotes"] == 3


def test_speakers_of_one_file_is_the_per_document_table_as_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_folder(tmp_path)
    _, out, _ = _run(capsys, "speakers", str(tmp_path / "one.txt"))
    assert out.splitlines()[0].split() == ["speaker", "type", "gender", "roles", "aliases",
                                           "quotes", "direct", "reported"]


def test_speakers_of_several_files_tallies_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_folder(tmp_path)
    _, out, _ = _run(capsys, "speakers", "-f", "jsonl", str(tmp_path / "one.txt"),
                     str(tmp_path / "sub" / "two.txt"))
    assert json.loads(out.splitlines()[0])["documents"] == 2


def test_speakers_tally_reports_a_bad_file_and_counts_the_others(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_folder(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    code, out, err = _run(capsys, "speakers", "-f", "jsonl", str(tmp_path))
    assert code == 1 and "bad.txt" in err
    assert json.loads(out.splitlines()[0])["quotes"] == 3


def test_speakers_csv_neutralises_formulas(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _write_folder(tmp_path)
    (tmp_path / "f.txt").write_text("Poll\n\n“Sure,” said =Cmd Tool.\n", encoding="utf-8")
    _, out, _ = _run(capsys, "speakers", "-f", "csv", str(tmp_path))
    assert "\n=" not in out and not any(c.startswith("=") for row in csv.reader(io.StringIO(out))
                                        for c in row)


def test_speakers_tally_is_written_atomically_with_o(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    _write_folder(tmp_path / "in")
    target = tmp_path / "speakers.csv"
    code, out, _ = _run(capsys, "speakers", str(tmp_path / "in"), "-f", "csv", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("speaker,key,")
    assert not list(tmp_path.glob(".speakers.csv.*"))
