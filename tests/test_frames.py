"""quoteattr.frames and quoteattr.folders: DataFrames with every CSV column, one call for a
folder, and the types that make ``extract(...).to_dataframe()`` check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ADA, LIBRARY_TEXT, REPO, TRUST, library_quotes, make_quote

import quoteattr
from quoteattr import Article, BatchResult, extract, extract_folder, extract_many
from quoteattr.frames import DATAFRAME_COLUMNS, QuoteList, to_dataframe
from quoteattr.output import FIELDS

pd = pytest.importorskip("pandas")

STORY = "“The pier stays shut,” said Ms Mila Arden, the harbour chief executive officer."


def test_dataframe_has_every_csv_column_in_order() -> None:
    df = to_dataframe(QuoteList(library_quotes(), LIBRARY_TEXT))
    assert list(df.columns) == list(FIELDS) == list(DATAFRAME_COLUMNS)


def test_kind_and_speaker_columns_are_categoricals_with_fixed_categories() -> None:
    df = to_dataframe([])
    assert list(df["kind"].cat.categories) == ["direct", "mixed", "indirect"]
    assert list(df["speaker_type"].cat.categories) == ["person", "organization", "anonymous"]
    assert list(df["speaker_gender"].cat.categories) == ["f", "m"]
    assert list(df["speaker_gender_evidence"].cat.categories) == ["honorific", "role",
                                                                   "pronoun"]


def test_offsets_are_nullable_integers() -> None:
    q = make_quote(LIBRARY_TEXT, "Bring your own cushions", speaker=None, cue=None)
    df = to_dataframe([q, *library_quotes()])
    for col in ("start", "end", "speaker_mention_start", "speaker_mention_end", "cue_start",
                "cue_end"):
        assert str(df[col].dtype) == "Int64", col
    assert df["cue_start"].isna().tolist()[0] and not df["cue_start"].isna().tolist()[1]
    assert df["start"].tolist()[0] == LIBRARY_TEXT.index("Bring your own cushions")


def test_dataframe_carries_gender_roles_and_mention_offsets() -> None:
    df = extract(STORY).to_dataframe()
    row = df.iloc[0]
    assert (row["speaker_gender"], row["speaker_gender_evidence"]) == ("f", "honorific")
    assert row["speaker_roles"] == "chief executive officer"
    assert STORY[row["speaker_mention_start"]:row["speaker_mention_end"]] == row[
        "speaker_mention"]
    assert STORY[row["cue_start"]:row["cue_end"]] == row["cue"] == "said"


def test_a_single_article_without_an_id_is_doc_0_and_a_given_doc_wins() -> None:
    qs = extract(STORY)
    assert qs.to_dataframe()["doc"].tolist() == ["0"]
    assert to_dataframe(qs)["doc"].tolist() == ["0"]
    assert qs.to_dataframe(doc="pier.txt")["doc"].tolist() == ["pier.txt"]
    assert QuoteList(qs, STORY, doc="p.txt").to_dataframe()["doc"].tolist() == ["p.txt"]


def test_documents_without_ids_are_numbered_by_position() -> None:
    a, b = extract(STORY), extract(STORY + " “Yes,” she said.")
    assert to_dataframe([a, b])["doc"].tolist() == ["0", "1", "1"]


def test_article_doc_fills_the_doc_column() -> None:
    a = Article(LIBRARY_TEXT, tuple(library_quotes()[:1]), (ADA,), "a.txt")
    b = Article(LIBRARY_TEXT, tuple(library_quotes()[1:]), (ADA, TRUST), "b.txt")
    assert to_dataframe([a, b])["doc"].tolist() == ["a.txt", "b.txt", "b.txt"]


def test_batch_results_keep_their_doc_and_failed_ones_their_place() -> None:
    ok = BatchResult(1, None, Article(LIBRARY_TEXT, tuple(library_quotes()), ()))
    bad = BatchResult(0, None, None, "broken")
    assert set(to_dataframe([bad, ok])["doc"]) == {"1"}


def test_the_dataframe_code_lives_in_frames_and_display_only_imports_it() -> None:
    import quoteattr.display as display
    import quoteattr.frames as frames

    assert quoteattr.to_dataframe is frames.to_dataframe is display.to_dataframe
    assert quoteattr.QuoteList is frames.QuoteList is display.QuoteList
    assert not hasattr(display, "_rows")


# ------------------------------------------------------------------ a folder in one call


def _corpus(root: Path) -> Path:
    for sub in ("b", "a"):
        (root / sub).mkdir()
        (root / sub / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "top.txt").write_text("“Fine,” said Teo Lind.", encoding="utf-8")
    (root / "notes.md").write_text("“Not read,” said Nobody.", encoding="utf-8")
    return root


def test_extract_folder_names_docs_by_relative_path_in_order(tmp_path: Path) -> None:
    results = extract_folder(_corpus(tmp_path), jobs=1)
    assert [r.doc for r in results] == ["a/story.txt", "b/story.txt", "top.txt"]
    assert [r.index for r in results] == [0, 1, 2]
    assert all(r.ok and r.article is not None and r.article.doc == r.doc for r in results)


def test_extract_folder_gives_the_same_results_as_extract_many(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    paths = [root / "a" / "story.txt", root / "b" / "story.txt", root / "top.txt"]
    many = list(extract_many(paths, jobs=1, docs=["a/story.txt", "b/story.txt", "top.txt"]))
    assert extract_folder(root, jobs=1) == many


def test_to_dataframe_of_a_folder_is_one_frame_of_every_quote(tmp_path: Path) -> None:
    df = quoteattr.to_dataframe(quoteattr.extract_folder(_corpus(tmp_path), jobs=1))
    assert df["doc"].tolist() == ["a/story.txt", "b/story.txt", "top.txt"]
    assert df["speaker"].tolist() == ["Mila Arden", "Mila Arden", "Teo Lind"]


def test_extract_folder_passes_options_on(tmp_path: Path) -> None:
    results = extract_folder(_corpus(tmp_path), jobs=1, kinds=["indirect"])
    assert all(r.quotes == () for r in results)


def test_extract_folder_refuses_a_file_or_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        extract_folder(tmp_path / "x.txt")
    with pytest.raises(FileNotFoundError):
        extract_folder(tmp_path / "missing")


# ------------------------------------------------------------------ types and repr


def test_extract_is_annotated_as_returning_the_quote_list_it_returns() -> None:
    import typing

    assert typing.get_type_hints(quoteattr.extract)["return"] is QuoteList
    assert type(extract(STORY)) is QuoteList


def test_a_type_checker_accepts_to_dataframe_on_extract(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    snippet = ("import quoteattr\n"
               "qs = quoteattr.extract('“Yes,” said Ana Ruiz.')\n"
               "df = qs.to_dataframe()\n"
               "first: quoteattr.Quote = qs[0]\n")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
         "--cache-dir", str(tmp_path / "cache"), "-c", snippet],
        cwd=REPO, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def test_article_repr_is_a_short_summary() -> None:
    text = "“Yes,” said Ana Ruiz. " + "More words follow here. " * 500
    article = quoteattr.analyze(text, doc="long.txt")
    shown = repr(article)
    assert len(shown) < 200
    assert "doc='long.txt'" in shown and f"chars={len(text)}" in shown
    assert "quotes=1" in shown and "Ana Ruiz" in shown
