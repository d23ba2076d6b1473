"""quoteattr.display: QuoteList, highlighted HTML and DataFrames for notebooks."""

from __future__ import annotations

import html
import pickle
import re
import sys

import pytest
from conftest import ADA, LIBRARY_TEXT, TRUST, library_quotes, make_quote
from htmltree import parse

import quoteattr
from quoteattr import Article, BatchResult
from quoteattr.display import (
    DATAFRAME_COLUMNS,
    QuoteList,
    article_to_html,
    quotes_to_html,
    to_dataframe,
)


def _text_of(page: str) -> str:
    """The article text shown in the highlighted block (tags removed, entities decoded,
    the labels of folded furniture left out)."""
    return parse(page).find("div", "qa-text").text(skip=lambda n: n.tag == "summary")


def _marks(page: str) -> list[tuple[str, str]]:
    """(attributes, inner text) of each <mark>."""
    return [(" ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in m.attrs.items()),
             m.text()) for m in parse(page).find_all("mark")]


def test_quote_list_is_a_list_with_text() -> None:
    ql = QuoteList(library_quotes(), LIBRARY_TEXT)
    assert isinstance(ql, list)
    assert ql == library_quotes()
    assert ql.text == LIBRARY_TEXT


def test_quote_list_pickles_with_its_text() -> None:
    ql = QuoteList(library_quotes(), LIBRARY_TEXT)
    back = pickle.loads(pickle.dumps(ql))
    assert isinstance(back, QuoteList)
    assert back == ql and back.text == LIBRARY_TEXT


def test_quote_list_repr_html_highlights_each_quote() -> None:
    page = QuoteList(library_quotes(), LIBRARY_TEXT)._repr_html_()
    assert [t for _, t in _marks(page)] == [q.text for q in library_quotes()]


def test_html_shows_the_whole_text_exactly_once() -> None:
    page = quotes_to_html(LIBRARY_TEXT, library_quotes())
    assert _text_of(page) == LIBRARY_TEXT


def test_html_escapes_markup_in_the_article() -> None:
    text = "<script>alert(1)</script> “<b>bold</b> & co,” she said."
    q = make_quote(text, "<b>bold</b> & co,")
    page = quotes_to_html(text, [q])
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co," in page
    assert _text_of(page) == text


def test_html_escapes_quotes_in_the_title_attribute() -> None:
    spk = ADA.__class__('Ada "The Pen" Quill')
    page = quotes_to_html(LIBRARY_TEXT, [make_quote(LIBRARY_TEXT, "Bring your own", speaker=spk)])
    (attrs, _), = _marks(page)
    assert 'title="Ada &quot;The Pen&quot; Quill' in attrs


def test_html_title_names_speaker_kind_and_cue() -> None:
    page = quotes_to_html(LIBRARY_TEXT, library_quotes()[2:])
    (attrs, _), = _marks(page)
    title = html.unescape(re.search(r'title="([^"]*)"', attrs).group(1))  # type: ignore[union-attr]
    assert "Riverside Trust" in title and "indirect" in title and "cue: said" in title


def test_same_speaker_same_colour_other_speaker_other_colour() -> None:
    page = quotes_to_html(LIBRARY_TEXT, library_quotes())
    colours = [re.search(r"border-bottom:\S+ \S+ (#[0-9a-f]+)", a).group(1)  # type: ignore[union-attr]
               for a, _ in _marks(page)]
    assert colours[0] == colours[1]
    assert colours[0] != colours[2]


def test_overlapping_quotes_do_not_repeat_text() -> None:
    text = "She said he believed “the plan works” in the end."
    outer = make_quote(text, "he believed “the plan works” in the end", kind="mixed")
    inner = make_quote(text, "the plan works")
    page = quotes_to_html(text, [inner, outer])
    assert _text_of(page) == text
    assert len(_marks(page)) == 1


def test_quote_without_speaker_is_grey_and_titled_no_speaker() -> None:
    q = make_quote(LIBRARY_TEXT, "Bring your own", speaker=None, cue=None)
    (attrs, _), = _marks(quotes_to_html(LIBRARY_TEXT, [q]))
    assert "#dddddd" in attrs and "no speaker" in attrs


def test_html_of_no_quotes_is_just_the_text() -> None:
    page = quotes_to_html(LIBRARY_TEXT, [])
    assert _marks(page) == []
    assert _text_of(page) == LIBRARY_TEXT


def test_article_html_ends_with_a_speaker_table_with_counts() -> None:
    article = Article(LIBRARY_TEXT, tuple(library_quotes()), (ADA, TRUST), "lib.txt")
    page = article_to_html(article)
    table = page[page.index('<table class="qa-speakers"'):]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    cells = [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
              for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r)] for r in rows]
    assert cells[0] == ["speaker", "type", "gender", "roles", "quotes", "direct", "mixed",
                        "indirect"]
    assert cells[1] == ["Ada Quill", "person", "", "head librarian", "2", "2", "0", "0"]
    assert cells[2] == ["Riverside Trust", "organization", "", "", "1", "0", "0", "1"]
    assert "lib.txt" in page


def test_article_to_html_is_exported() -> None:
    assert quoteattr.article_to_html is article_to_html


# ------------------------------------------------------------- DataFrame


def test_to_dataframe_has_one_row_per_quote_and_the_documented_columns() -> None:
    pytest.importorskip("pandas")
    df = to_dataframe(QuoteList(library_quotes(), LIBRARY_TEXT))
    assert list(df.columns) == list(DATAFRAME_COLUMNS)
    assert len(df) == 3
    assert list(df["speaker"]) == ["Ada Quill", "Ada Quill", "Riverside Trust"]
    assert list(df["kind"]) == ["direct", "direct", "indirect"]


def test_to_dataframe_of_articles_fills_doc() -> None:
    pytest.importorskip("pandas")
    a = Article(LIBRARY_TEXT, tuple(library_quotes()[:1]), (ADA,), "a.txt")
    b = Article(LIBRARY_TEXT, tuple(library_quotes()[1:]), (ADA, TRUST), "b.txt")
    df = to_dataframe([a, b])
    assert list(df["doc"]) == ["a.txt", "b.txt", "b.txt"]


def test_to_dataframe_of_batch_results_skips_failed_documents() -> None:
    pytest.importorskip("pandas")
    ok = BatchResult(0, "a.txt", Article(LIBRARY_TEXT, tuple(library_quotes()), (), "a.txt"))
    bad = BatchResult(1, "b.txt", None, "b.txt: broken")
    assert len(to_dataframe([ok, bad])) == 3


def test_to_dataframe_of_nothing_is_empty_with_columns() -> None:
    pytest.importorskip("pandas")
    df = to_dataframe([])
    assert len(df) == 0 and list(df.columns) == list(DATAFRAME_COLUMNS)


def test_quote_list_to_dataframe_takes_a_doc() -> None:
    pytest.importorskip("pandas")
    df = QuoteList(library_quotes(), LIBRARY_TEXT).to_dataframe(doc="lib.txt")
    assert set(df["doc"]) == {"lib.txt"}


def test_to_dataframe_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="to_dataframe"):
        to_dataframe(42)


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"quoteattr\[pandas\]"):
        to_dataframe(library_quotes())


def test_import_quoteattr_does_not_import_pandas() -> None:
    import subprocess

    code = "import sys, quoteattr; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
