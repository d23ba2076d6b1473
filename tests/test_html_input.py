"""HTML input: a page's main text, its quotes, and where each quote is in the HTML.

The pages of tests/fixtures/html/ are invented; their ``.gold.json`` (sentences the main
text must keep, furniture it must drop, the quotes and speakers) was written before any
extractor ran on them. tram_delay.html has no ``<article>`` or ``<main>``: its main text
is found by scoring.
"""

from __future__ import annotations

import html as stdlib_html
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import best_cpu_time
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import HtmlInputWarning, extract, extract_html, read_html
from quoteattr.cli import main
from quoteattr.io import DecodeError
from quoteattr.webpage import WebPage, page_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(p.name for p in FIXTURES.glob("*.html"))


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).with_suffix(".gold.json").read_text())
    return data


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_there_are_four_fixture_pages() -> None:
    assert len(PAGES) == 4


@pytest.mark.parametrize("name", PAGES)
def test_page_text_keeps_the_article_body(name: str) -> None:
    text = _flat(read_html(FIXTURES / name).text)
    for sentence in _gold(name)["body_includes"]:
        assert _flat(sentence) in text


@pytest.mark.parametrize("name", PAGES)
def test_page_text_drops_scripts_banners_navigation_and_comments(name: str) -> None:
    text = read_html(FIXTURES / name).text
    for furniture in _gold(name)["body_excludes"]:
        assert furniture not in text


@pytest.mark.parametrize("name", PAGES)
def test_page_title_is_the_title_element(name: str) -> None:
    assert read_html(FIXTURES / name).title == _gold(name)["title"]


@pytest.mark.parametrize("name", PAGES)
def test_extract_html_finds_the_gold_quotes_with_their_speakers(name: str) -> None:
    result = extract_html((FIXTURES / name).read_text(encoding="utf-8"))
    for g in _gold(name)["quotes"]:
        assert any(g["text"] in q.text and q.speaker_name == g["speaker"]
                   for q in result.quotes), g


@pytest.mark.parametrize("name", PAGES)
def test_quote_offsets_index_the_extracted_text(name: str) -> None:
    result = extract_html(read_html(FIXTURES / name))
    assert result.quotes
    for q in result.quotes:
        assert result.text[q.start:q.end] == q.text


@pytest.mark.parametrize("name", PAGES)
def test_source_range_of_a_quote_without_markup_unescapes_to_its_text(name: str) -> None:
    result = extract_html(read_html(FIXTURES / name))
    plain = 0
    for q in result.quotes:
        start, end = result.source_span(q)
        source = result.html[start:end]
        if "<" not in source:
            plain += 1
            assert _flat(stdlib_html.unescape(source)) == q.text
    assert plain >= 4


def test_source_range_of_a_quote_with_markup_covers_the_tags_inside() -> None:
    result = extract_html(read_html(FIXTURES / "observatory_grant.html"))
    [q] = [q for q in result.quotes if q.text.endswith("before the end of 2027")]
    start, end = result.source_span(q)
    assert result.html[start:end] == "the team hoped to take its first images <em>before " \
                                      "the end of 2027"


def test_every_character_of_the_text_comes_from_its_source_range() -> None:
    page = read_html(FIXTURES / "ferry_strike.html")
    for i, ch in enumerate(page.text):
        source = page.html[page.starts[i]:page.ends[i]]
        if ch == "\n":
            assert source == ""  # the blank line between blocks
        elif ch == " ":
            assert source.isspace() or stdlib_html.unescape(source).isspace()
        else:
            assert stdlib_html.unescape(source) == ch


def test_records_carry_the_source_range_after_the_offsets() -> None:
    result = extract_html(read_html(FIXTURES / "council_budget.html"))
    rec = result.records("council_budget.html")[0]
    keys = list(rec)
    assert keys[keys.index("end") + 1:keys.index("end") + 3] == ["source_start", "source_end"]
    q = result.quotes[0]
    assert (rec["source_start"], rec["source_end"]) == result.source_span(q)
    assert rec["doc"] == "council_budget.html"


@pytest.mark.parametrize(("markup", "text"), [
    ("<p>&ldquo;Yes,&rdquo; she said.</p>", "“Yes,” she said."),
    ("<p>&#8220;Yes,&#x201D; she&nbsp;said.</p>", "“Yes,” she said."),
    ("<p>Fish &amp chips &pound;5 &bogus; here</p>", "Fish & chips £5 &bogus; here"),
    ("<p>Jane<br>Doe</p>", "Jane\n\nDoe"),
    ("<p>one<p>two", "one\n\ntwo"),
    ("<div>Ja<b>ne</b>   Doe\n said</div>", "Jane Doe said"),
])
def test_entities_are_decoded_and_blocks_are_paragraphs(markup: str, text: str) -> None:
    assert page_text(markup).text == text


def test_script_style_and_json_ld_never_reach_the_text() -> None:
    page = page_text('<body><script type="application/ld+json">{"a": "“Hi,” he said."}'
                     "</script><style>p{}</style><p>Body.</p><script>var s='</p>';</script>"
                     "</body>")
    assert page.text == "Body."


def test_hidden_and_furniture_elements_are_dropped() -> None:
    page = page_text('<body><div class="cookie-banner">We use cookies.</div>'
                     '<div hidden>Gone.</div><div style="display: none">Gone too.</div>'
                     '<div role="navigation">Menu</div><p>Kept.</p>'
                     '<div id="comments"><p>A reader wrote this.</p></div></body>')
    assert page.text == "Kept."


def test_layout_classes_of_the_page_and_the_article_do_not_hide_them() -> None:
    page = page_text('<body class="has-sidebar ads-on"><article class="comment-piece">'
                     "<p>An opinion.</p></article></body>")
    assert page.text == "An opinion."


def test_the_largest_article_element_is_the_main_text() -> None:
    page = page_text("<body><p>Teaser of another story.</p>"
                     "<article><p>Short one.</p></article>"
                     "<article><p>The real story is longer than the others.</p></article>"
                     "</body>")
    assert page.text == "The real story is longer than the others."


def test_without_an_article_element_the_element_with_the_paragraphs_is_the_main_text(
) -> None:
    page = page_text("<body><div class='col'><h1>Title</h1><div class='text'>"
                     "<p>First paragraph of the story, long enough.</p>"
                     "<p>Second paragraph of the story, long enough.</p></div></div>"
                     "<div class='side'><div class='box'><p>Other story</p></div></div>"
                     "</body>")
    assert page.text == ("First paragraph of the story, long enough.\n\n"
                         "Second paragraph of the story, long enough.")


def test_a_block_of_links_is_dropped() -> None:
    page = page_text('<body><p>Body text here.</p><p><a href="/a">Read more</a> | '
                     '<a href="/b">Next story</a></p></body>')
    assert page.text == "Body text here."


def test_extract_html_accepts_a_page_and_passes_options() -> None:
    page = read_html(FIXTURES / "council_budget.html")
    result = extract_html(page, kinds=["direct"], doc="x")
    assert result.page is page
    assert result.article.doc == "x"
    assert {q.kind.value for q in result.quotes} == {"direct"}


def test_html_api_is_exported_from_the_package() -> None:
    assert quoteattr.extract_html is extract_html
    assert quoteattr.read_html is read_html
    assert quoteattr.WebPage is WebPage
    assert issubclass(quoteattr.HtmlInputWarning, UserWarning)


def test_source_span_refuses_an_empty_or_outside_range() -> None:
    page = page_text("<p>Hello</p>")
    with pytest.raises(ValueError):
        page.source_span(2, 2)
    with pytest.raises(ValueError):
        page.source_span(0, 99)


def test_page_text_refuses_bytes_naming_read_html() -> None:
    with pytest.raises(TypeError, match="read_html"):
        page_text(b"<p>Hi</p>")  # type: ignore[arg-type]


# ---------------------------------------------------------------- files and encodings


def test_read_html_uses_the_declared_charset_when_the_bytes_are_not_utf8(tmp_path: Path
                                                                          ) -> None:
    path = tmp_path / "old.html"
    path.write_bytes('<html><head><meta charset="windows-1252"></head><body>'
                     '<p>\u201cCaf\u00e9,\u201d said Zo\u00eb Roe.</p></body></html>'
                     .encode("cp1252"))
    page = read_html(path)
    assert page.text == "\u201cCaf\u00e9,\u201d said Zo\u00eb Roe."


def test_read_html_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(b"<p>caf\xe9</p>")
    with pytest.raises(DecodeError, match="bad.html"):
        read_html(path)


@pytest.mark.parametrize("charset", ["undefined", "rot13", "base64", "zlib", "no-such"])
def test_read_html_with_a_declared_charset_no_text_codec_decodes_is_a_decode_error(
        tmp_path: Path, charset: str) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(f'<meta charset="{charset}"><p>caf'.encode() + b"\xe9</p>")
    with pytest.raises(DecodeError, match="odd.html"):
        read_html(path)


# ---------------------------------------------------------------- the warning


def test_html_passed_to_extract_gets_a_named_warning() -> None:
    page = (FIXTURES / "council_budget.html").read_text(encoding="utf-8")
    with pytest.warns(HtmlInputWarning, match="extract_html"):
        extract(page)


def test_a_fragment_of_html_tags_gets_the_warning_too() -> None:
    with pytest.warns(HtmlInputWarning):
        extract('<div class="story"><p>&ldquo;Yes,&rdquo; said Jane Doe.</p>'
                "<p>More.</p></div>")


def test_the_warning_names_the_document() -> None:
    with pytest.warns(HtmlInputWarning, match="^story.txt: this text looks like HTML"):
        quoteattr.analyze("<html><body><p>Hi</p></body></html>", doc="story.txt")


def test_cli_warns_in_one_line_for_a_text_file_holding_html(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((FIXTURES / "ferry_strike.html").read_bytes())
    code, _, err = _run(["extract", str(path)], capsys)
    assert code == 0
    assert err.startswith("quoteattr: warning: page.txt: this text looks like HTML")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("text", [
    "“We will win,” said Jane Doe.",
    "The sign read <closed> and “Come back later,” said Jane Doe.",
    "Use the <b> tag, she said. “Bold is fine,” said Jane Doe.",
])
def test_article_text_gets_no_warning(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        extract(text)


# ---------------------------------------------------------------- command line


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_extract_of_an_html_file_gives_quotes_with_source_ranges(
        capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "ferry_strike.html"
    code, out, err = _run(["extract", str(path)], capsys)
    assert code == 0, err
    recs = [json.loads(line) for line in out.splitlines()]
    html = path.read_text(encoding="utf-8")
    assert any(r["speaker"] == "Tomasz Wilk" for r in recs)
    for r in recs:
        source = html[r["source_start"]:r["source_end"]]
        if "<" not in source:
            assert _flat(stdlib_html.unescape(source)) == r["text"]


def test_cli_folder_takes_html_and_htm_pages(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_text("<p>&ldquo;We will win,&rdquo; said Jane Doe.</p>")
    (tmp_path / "b.HTM").write_text("<p>&ldquo;We will lose,&rdquo; said Bob Roe.</p>")
    (tmp_path / "c.txt").write_text("“Maybe,” said Ann Poe.")
    code, out, err = _run(["extract", str(tmp_path)], capsys)
    assert code == 0, err
    speakers = [json.loads(line)["speaker"] for line in out.splitlines()]
    assert speakers == ["Jane Doe", "Bob Roe", "Ann Poe"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_page_that_is_not_utf8_is_reported_and_the_others_go_on(
        jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>caf\xe9</p>")
    (tmp_path / "b.html").write_text("<p>&ldquo;We will lose,&rdquo; said Bob Roe.</p>")
    code, out, err = _run(["extract", str(tmp_path), "-j", jobs], capsys)
    assert code == 1
    assert "a.html: not valid UTF-8" in err
    assert [json.loads(line)["speaker"] for line in out.splitlines()] == ["Bob Roe"]


def test_cli_explain_reads_an_html_page_for_its_text(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["explain", str(FIXTURES / "ferry_strike.html"), "-q", "1"], capsys)
    assert code == 0 and err == ""
    assert "Nobody wants to leave passengers on the quay," in out and "Tomasz Wilk" in out


def test_extract_html_does_not_warn_about_a_page_that_shows_html_code() -> None:
    page = "<article><p>" + "Write &lt;p&gt; or &lt;div&gt; here. " * 3 + "</p></article>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = extract_html(page)
    assert result.text.count("<div>") == 3


def test_cli_emit_text_writes_the_text_the_offsets_index(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["extract", str(FIXTURES), "--emit-text", str(tmp_path)], capsys)
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "council_budget.txt", "ferry_strike.txt", "observatory_grant.txt", "tram_delay.txt"]
    for line in out.splitlines():
        rec = json.loads(line)
        text = (tmp_path / rec["doc"]).with_suffix(".txt").read_text(encoding="utf-8")
        assert text[rec["start"]:rec["end"]] == rec["text"]


def test_cli_csv_of_html_has_the_source_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["extract", str(FIXTURES / "council_budget.html"), "-f", "csv"],
                          capsys)
    assert code == 0, err
    header = out.splitlines()[0].split(",")
    assert header[header.index("end") + 1:header.index("end") + 3] == [
        "source_start", "source_end"]


# ---------------------------------------------------------------- any input


_MARKUP = st.text(alphabet='<>/&;#x2p b"=\n\'!-adivscrtmlgA', max_size=80)


@settings(max_examples=300, deadline=None)
@given(_MARKUP)
def test_any_markup_gives_text_whose_characters_map_into_the_source(markup: str) -> None:
    page = page_text(markup)
    assert len(page.starts) == len(page.ends) == len(page.text)
    for i, ch in enumerate(page.text):
        assert 0 <= page.starts[i] <= page.ends[i] <= len(markup)
        if ch not in " \n":
            assert ch in stdlib_html.unescape(markup[page.starts[i]:page.ends[i]])


# ---------------------------------------------------------------- the tokenizer


@pytest.mark.parametrize(("markup", "text"), [
    ('<p title="a > b">Kept</p>', "Kept"),
    ("<P CLASS='x'>Upper</P>", "Upper"),
    ("<p>2 < 3 and 4 <= 5</p>", "2 < 3 and 4 <= 5"),
    ("<p>Shown</p><p>Also <a href='x>Hidden</a></p>", "Shown\n\nAlso"),  # an open quote
    ("<p>Shown</p><!-- never closed <p>Hidden</p>", "Shown"),
    ("<p>One</p><script>if (a</p>b) {}</script><p>Two</p>", "One\n\nTwo"),
    ("<title>A &amp; B</title><p>Body</p>", "Body"),
])
def test_markup_is_read_as_a_browser_reads_it(markup: str, text: str) -> None:
    assert page_text(markup).text == text


def test_title_entities_are_decoded() -> None:
    assert page_text("<title>A &amp; B &ndash; C</title>").title == "A & B – C"


def _cpu(markup: str) -> float:
    return best_cpu_time(page_text, markup)


_UNFINISHED: dict[str, Callable[[int], str]] = {
    "open-tags": lambda n: "<a " * n,
    "open-quotes": lambda n: '<a href="' * n,
    "comments": lambda n: "<!--" * n,
    "declarations": lambda n: "<?" * n + "<!" * n,
    "end-tags": lambda n: "</a " * n,
    "nested": lambda n: "<div><article><p>x" * n + "</span>" * n,
    "entities": lambda n: "&amp" * n + "&#" * n,
    "raw-text": lambda n: "<title>" * n + "<script>" * n,
}


@pytest.mark.parametrize("name", sorted(_UNFINISHED))
def test_unfinished_markup_takes_linear_time(name: str) -> None:
    make = _UNFINISHED[name]
    n = 1000
    while _cpu(make(n)) < 0.012 and n < 1_000_000:  # below that, timings are noise
        n *= 2
    small, large = _cpu(make(n)), _cpu(make(4 * n))
    if small < 0.01:
        return  # a million repeats in under 10 ms: nothing to compare
    if large >= 9 * small:  # a busy machine: measure the pair once more before judging
        small, large = _cpu(make(n)), _cpu(make(4 * n))
    assert large < 9 * small, f"{name}: {small:.4f}s for n={n}, {large:.4f}s for 4n"
