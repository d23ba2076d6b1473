"""Input that is not a clean, plain-text, LF-separated article: wrong types, bytes, empty text,
HTML or Markdown pasted by mistake, Windows line endings, invisible and non-breaking characters,
and unusual quotation marks. Nothing may crash, offsets must index the caller's own string, and
the quotes of the article must still be found.
"""

from __future__ import annotations

from typing import Any

import pytest
from fixtures import assert_well_formed, load_article, load_articles, quote_signature

import quoteattr
from quoteattr import HtmlInputWarning, Quote, extract

ARTICLE_NAMES = sorted(load_articles())


def _decode(data: bytes) -> str:
    decode = getattr(quoteattr, "decode", None)
    if decode is None:
        pytest.fail("quoteattr.decode(bytes) -> str is not exported yet")
    result: str = decode(data)
    return result


def _find(quotes: list[Quote], words: str) -> Quote:
    """The quote whose text contains ``words`` (with any run of white space between words)."""
    wanted = " ".join(words.split())
    for q in quotes:
        if wanted in " ".join(q.text.replace("\u200b", "").split()):
            return q
    found = [q.text for q in quotes]
    raise AssertionError(f"no quote contains {words!r}; found {found!r}")


# --- wrong types -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [b"\xe2\x80\x9cHello,\xe2\x80\x9d she said.", bytearray(b"text"), None, 42, 3.5,
     ["a", "list"], ("a",), {"text": "x"}, memoryview(b"abc")],
    ids=lambda v: type(v).__name__,
)
def test_extract_rejects_non_string_with_type_error_naming_the_type(value: Any) -> None:
    with pytest.raises(TypeError) as excinfo:
        extract(value)
    assert type(value).__name__ in str(excinfo.value)


def test_type_error_for_bytes_points_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        extract(b"Nobody said anything.")  # type: ignore[arg-type]


def test_str_subclass_is_accepted_and_offsets_index_it() -> None:
    class ArticleText(str):
        pass

    text = ArticleText(load_article("cup_final.txt"))
    quotes = extract(text)
    assert_well_formed(str(text), quotes)
    assert quote_signature(quotes) == quote_signature(extract(str(text)))


# --- decode() ----------------------------------------------------------------------------


def test_decode_plain_utf8() -> None:
    assert _decode("“Ça va,” said Zoë.".encode()) == "“Ça va,” said Zoë."


def test_decode_strips_utf8_byte_order_mark() -> None:
    assert _decode(b"\xef\xbb\xbf\xe2\x80\x9cYes,\xe2\x80\x9d he said.") == "“Yes,” he said."


def test_decode_then_extract_finds_same_quotes_as_the_str() -> None:
    article = load_article("harbour_bridge.txt")
    decoded = _decode(b"\xef\xbb\xbf" + article.encode("utf-8"))
    assert decoded == article
    assert quote_signature(extract(decoded)) == quote_signature(extract(article))


def test_decode_empty_bytes_is_empty_text() -> None:
    assert _decode(b"") == ""


@pytest.mark.parametrize(
    "data",
    [
        b"caf\xe9 au lait",  # Latin-1 byte, not UTF-8
        b"\xff\xfeH\x00i\x00",  # UTF-16 LE with its BOM
        b"truncated \xe2\x80",  # a multi-byte sequence cut short
        b"\xc0\xaf",  # overlong encoding
    ],
    ids=["latin1", "utf16", "truncated", "overlong"],
)
def test_decode_invalid_utf8_raises_error_naming_the_problem(data: bytes) -> None:
    with pytest.raises(ValueError) as excinfo:  # UnicodeDecodeError is a ValueError
        _decode(data)
    message = str(excinfo.value).lower()
    assert "utf-8" in message or "utf8" in message


# --- empty and blank ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n", "\n\n\n", "\r\n\r\n", "\t \t", "\u00a0", "\u2003\u2009", "\u200b",
     "\ufeff", "\u2028\u2029", "\x0c\x0b"],
    ids=repr,
)
def test_empty_or_blank_text_gives_no_quotes(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize("text", ['"', "“", "”", "'", "«", "“”", '""', "‘’", "said", "“ ”"],
                         ids=repr)
def test_lone_quotation_marks_give_no_empty_quotes(text: str) -> None:
    quotes = extract(text)
    assert_well_formed(text, quotes)


@pytest.mark.parametrize(
    "text",
    ["““() said the mayor.", "Ferry news\n\n“Yes,” “(Maybe) said", "“”()said"],
    ids=["empty-parens", "parenthesised-word", "closed-then-parens"],
)
def test_parenthesis_after_quotation_mark_before_cue_does_not_crash(text: str) -> None:
    assert_well_formed(text, extract(text))


# --- markup pasted by mistake ------------------------------------------------------------


def _as_html(article: str) -> str:
    paragraphs = [p for p in article.split("\n\n") if p.strip()]
    body = "\n".join(f"  <p class=\"body\">{p}</p>" for p in paragraphs[1:])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{paragraphs[0]}</title>\n"
        "<script>window.cfg = {\"said\": \"yes\", 'x': \"“no”\"};</script>\n"
        "<style>p::before { content: \"“\"; }</style>\n</head>\n<body>\n"
        f"<h1>{paragraphs[0]}</h1>\n{body}\n"
        "<a href=\"/share?u=%22x%22\" title=\"Share &quot;this&quot;\">Share</a>\n"
        "</body>\n</html>\n"
    )


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_html_page_does_not_crash_keeps_offsets_and_warns(name: str) -> None:
    html = _as_html(load_article(name))
    with pytest.warns(HtmlInputWarning):
        quotes = extract(html)
    assert_well_formed(html, quotes)


def test_html_entities_do_not_break_offsets() -> None:
    text = (
        "<p>&ldquo;We will not sell the farm,&rdquo; said Imogen Starling.</p>\n"
        "<p>&#8220;Never,&#8221; she added &amp; left.</p>\n"
    )
    with pytest.warns(HtmlInputWarning):
        quotes = extract(text)
    assert_well_formed(text, quotes)


def test_markdown_does_not_crash_and_keeps_offsets() -> None:
    text = (
        "# Ferry service to resume\n\n"
        "*By* **Marta Quillfeather** | [share](https://example.org/?q=\"x\")\n\n"
        "> “The ferry will run again on Monday,” said harbourmaster Agnes Thorvald.\n\n"
        "- item with \"quotes\" in a list\n- another 'item'\n\n"
        "```python\nprint(\"said\")  # 'code'\n```\n\n"
        "“We are _very_ pleased,” Thorvald said. “Truly.”\n"
    )
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "We are _very_ pleased")


# --- line endings ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_windows_line_endings_give_the_same_quotes(name: str) -> None:
    article = load_article(name)
    crlf = article.replace("\n", "\r\n")
    unix_quotes = extract(article)
    crlf_quotes = extract(crlf)
    assert_well_formed(crlf, crlf_quotes)
    assert unix_quotes, f"{name}: no quotes found in the LF version"
    normalised = [(k, t.replace("\r\n", "\n"), s) for k, t, s in quote_signature(crlf_quotes)]
    assert normalised == quote_signature(unix_quotes)


def test_windows_line_endings_offsets_point_into_crlf_text() -> None:
    article = load_article("clinic_report.txt")
    crlf = article.replace("\n", "\r\n")
    quotes = extract(crlf)
    q = _find(quotes, "We are asking nurses to drive ninety minutes")
    # Offsets are in the CRLF string: every earlier line break shifts them by one.
    assert q.start == crlf.index("We are asking nurses")


@pytest.mark.parametrize("separator", ["\r", "\u2028", "\u2029", "\x0c"],
                         ids=["cr", "line-sep", "para-sep", "form-feed"])
def test_unusual_line_separators_keep_offsets_and_find_quotes(separator: str) -> None:
    article = load_article("orchard_strike.txt")
    text = article.replace("\n", separator)
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "Let them count however they like")


@pytest.mark.parametrize(
    "separator", ["\r", "\u2028", "\u2029", "\x0c", "\x85"],
    ids=["cr", "line-sep", "para-sep", "form-feed", "next-line"],
)
def test_short_article_with_unusual_line_separators_finds_its_quotes(separator: str) -> None:
    lines = ["Pickers strike", '"We will stay out," said Jorge Amaral.',
             "The growers said the offer was fair.", '"Let them count," Amaral said.']
    text = separator.join(lines)
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "We will stay out")
    _find(quotes, "Let them count")


# --- invisible and non-breaking characters -----------------------------------------------

#: A headline first: the first line of an article is a heading, and headings are not searched.
HEAD = "Ferry service to resume\n\n"
FERRY = "“The ferry will run again on Monday,” said Agnes Thorvald, the harbourmaster."


def test_non_breaking_spaces_inside_quote_keep_offsets_and_find_it() -> None:
    text = HEAD + FERRY.replace(" ", "\u00a0") + "\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "The ferry will run again on Monday")


def test_non_breaking_space_in_speaker_name_still_attributes() -> None:
    text = HEAD + "“The ferry will run again on Monday,” said Agnes\u00a0Thorvald.\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    q = _find(quotes, "The ferry will run again on Monday")
    assert q.speaker_name is not None
    assert " ".join(q.speaker_name.replace("\u00a0", " ").split()) == "Agnes Thorvald"


def test_narrow_and_thin_spaces_keep_offsets() -> None:
    text = HEAD + FERRY.replace(" said", "\u202fsaid").replace("again ", "again\u2009") + "\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "The ferry will run again on Monday")


def test_zero_width_characters_keep_offsets_and_find_quote() -> None:
    text = (
        "\ufeffStorm\u200b damage closed the port.\u200d\n\n"
        "“The fer\u200bry will run again\u200c on Monday,” said\u2060 Agnes\u200b "
        "Thorvald, the harbourmaster.\n"
    )
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "will run again\u200c on Monday")


def test_leading_byte_order_mark_in_str_keeps_offsets() -> None:
    article = load_article("cup_final.txt")
    text = "\ufeff" + article
    quotes = extract(text)
    assert_well_formed(text, quotes)
    assert quote_signature(quotes) == quote_signature(extract(article))
    assert all(q.start >= 1 for q in quotes)


def test_soft_hyphens_and_combining_accents_keep_offsets() -> None:
    text = HEAD + "“We re\u00adopen the ferry on Mon\u00adday,” said Rene\u0301e Thorvald.\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "We re\u00adopen the ferry")


def test_astral_characters_before_quote_use_python_string_offsets() -> None:
    # Emoji and other non-BMP characters are one index in a Python str but two UTF-16 units
    # and four UTF-8 bytes: offsets computed on an encoded form would drift.
    prefix = "🚢🌊 Port news 𝔽𝕖𝕣𝕣𝕪 🚢\n\nStorms closed the port 🌊 last week.\n\n"
    text = prefix + FERRY + "\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    q = _find(quotes, "The ferry will run again on Monday")
    assert q.start == text.index("The ferry")


def test_lone_surrogate_does_not_crash() -> None:
    text = HEAD + "“The ferry will run\ud800 again,” said Agnes Thorvald.\n\n\udfff"
    assert_well_formed(text, extract(text))


def test_control_characters_and_nul_do_not_crash() -> None:
    text = HEAD + "\x00“The ferry\x07 will run again,”\x1b said Agnes Thorvald.\x7f\n\x00"
    assert_well_formed(text, extract(text))


# --- quotation mark styles ---------------------------------------------------------------

STYLES = {
    "curly-double": ("“", "”"),
    "straight-double": ('"', '"'),
    "curly-single": ("‘", "’"),
    "straight-single": ("'", "'"),
    "guillemets": ("«", "»"),
    "german-low": ("„", "“"),
}


@pytest.mark.parametrize("style", list(STYLES))
def test_each_quotation_mark_style_is_found(style: str) -> None:
    opening, closing = STYLES[style]
    text = (
        "The port reopened on Friday after a week of storms.\n\n"
        f"{opening}The ferry will run again on Monday,{closing} said Agnes Thorvald.\n"
    )
    quotes = extract(text)
    assert_well_formed(text, quotes)
    q = _find(quotes, "The ferry will run again on Monday")
    assert q.speaker_name is not None and q.speaker_name.endswith("Thorvald")


def test_article_mixing_quote_styles_finds_every_quote() -> None:
    text = (
        "Ferry service to resume after storms\n\n"
        "“The ferry will run again on Monday,” said Agnes Thorvald.\n\n"
        "\"We have checked every mooring,\" said engineer Bastian Crowle.\n\n"
        "‘I won't believe it until I'm on board,’ said commuter Lila Marchetti.\n\n"
        "«Tickets bought last week stay valid,» said ferry operator Jonah Ekdahl.\n"
    )
    quotes = extract(text)
    assert_well_formed(text, quotes)
    for words in ("The ferry will run again on Monday", "We have checked every mooring",
                  "I won't believe it until I'm on board", "Tickets bought last week stay valid"):
        _find(quotes, words)


def test_mismatched_curly_open_and_straight_close_is_found() -> None:
    text = HEAD + "“The ferry will run again on Monday,\" said Agnes Thorvald.\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "The ferry will run again on Monday")


def test_apostrophes_inside_single_quoted_quote_do_not_end_it() -> None:
    text = HEAD + "'We can't promise it'll be on time,' said Agnes Thorvald.\n"
    quotes = extract(text)
    assert_well_formed(text, quotes)
    _find(quotes, "We can't promise it'll be on time")


def test_nested_quote_belongs_to_outer_quote() -> None:
    text = load_article("museum_theft.txt")
    quotes = extract(text)
    assert_well_formed(text, quotes)
    outer = _find(quotes, "I think these might be the ones from the telly")
    assert "A builder working on the roof" in outer.text


def test_a_long_run_of_relative_pronouns_before_a_cue_does_not_recurse() -> None:
    text = "A pilot " + "who " * 5000 + "said the quay was unsafe."
    found = extract(text)
    assert all(text[q.start:q.end] == q.text for q in found)
