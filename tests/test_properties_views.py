"""Properties of the code that reads text in other shapes: the matching view of wrapped,
capitalised or invisibly marked text (quoteattr.normalization), HTML pages
(quoteattr.webpage) and the HTML views of articles (quoteattr.display, quoteattr.report).

* Whatever mix of no-break and zero-width spaces, soft hyphens, hard wraps, hyphenated line
  ends, page headers, capitals and quotation marks a text holds, every quote ``extract``
  gives indexes the caller's text (``text[q.start:q.end] == q.text``), and so do its speaker
  mention and cue; the view's offsets map back in order and inside the text.
* ``extract_html`` on random or mutated HTML (unclosed tags and comments, entities,
  scripts, huge attributes) raises nothing, and every character of the page text has a
  source range inside the HTML, in document order.
* The HTML of a random article (``article_to_html``, ``report_html``) is well formed and
  shows the article's text escaped: the text of its ``qa-text`` element is the article's.

The examples per test follow the profile, as in tests/test_properties.py
(``QUOTEATTR_FUZZ=1`` for the fuzz run).
"""

from __future__ import annotations

import textwrap

import pytest
from fixtures import assert_well_formed, load_articles
from htmltree import parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import analyze, extract, extract_html
from quoteattr.display import article_to_html
from quoteattr.normalization import view
from quoteattr.report import report_html

ARTICLES = list(load_articles().values())
HTML_PAGES = [
    f"<html><head><title>{a.split(chr(10))[0]}</title><script>var x = '<p>';</script></head>"
    "<body><nav><a href='/'>Home</a></nav><article>"
    + "".join(f"<p>{p}</p>" for p in a.split("\n\n")) + "</article><footer>© x</footer></body>"
    "</html>"
    for a in ARTICLES[:4]
]

#: Examples per test in the default profile (each example runs the whole pipeline).
CI_EXAMPLES = 60
EXAMPLES = max(CI_EXAMPLES, settings.default.max_examples)
VIEW_SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SPECIALS = ["\u00a0", "\u200b", "\u00ad", "\u2009", "\u202f", "\ufeff", "\u2060", "\u3000"]
MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»"]
#: Letters whose case mapping changes their length or is a title case, and a combining mark.
ODD_LETTERS = ["İ", "ǅ", "ß", "ŉ", "\u0301", "Σ"]
HEADERS = ["Page 3", "PAGE 12 of 40", "- 4 -", "7", "Harbour News    Page 2", "p. 9"]


@st.composite
def shaped_text(draw: st.DrawFn) -> str:
    """A slice of an invented article, hard wrapped, with line-end hyphens, page headers,
    invisible and space characters and quotation marks put in, perhaps all in capitals."""
    article = draw(st.sampled_from(ARTICLES))
    a = draw(st.integers(min_value=0, max_value=len(article)))
    text = article[a: a + draw(st.integers(min_value=0, max_value=3000))]
    width = draw(st.integers(min_value=30, max_value=110))
    lines = "\n".join(textwrap.fill(p, width) for p in text.split("\n\n")).split("\n")
    out: list[str] = []
    for line in lines:
        if line and draw(st.integers(0, 6)) == 0:  # a word broken across the line end
            cut = draw(st.integers(1, len(line)))
            line = line[:cut] + draw(st.sampled_from(["-", "\u00ad"])) + "\n" + line[cut:]
        out.append(line)
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(HEADERS)))
    text = draw(st.sampled_from(["\n", "\n", "\r\n"])).join(out)
    for _ in range(draw(st.integers(0, 12))):
        pos = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(SPECIALS + MARKS + ODD_LETTERS + ["\n", "\n\n"]))
        text = text[:pos] + piece + text[pos:]
    return text.upper() if draw(st.booleans()) else text


@VIEW_SETTINGS
@given(shaped_text())
def test_quotes_of_wrapped_capital_and_marked_text_index_the_callers_text(text: str) -> None:
    assert_well_formed(text, extract(text))


@VIEW_SETTINGS
@given(shaped_text())
def test_the_matching_view_maps_its_offsets_back_in_order_inside_the_text(text: str) -> None:
    v = view(text)
    if v is None:
        return
    starts = [v.start(i) for i in range(len(v.text) + 1)]
    ends = [v.end(i) for i in range(len(v.text) + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    assert all(0 <= e <= s <= len(text) for s, e in zip(starts, ends, strict=True))


HTML_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<span class='nav'>", "</span>", "<b>", "<br>",
    "<a href='x'>",
    "</a>", "<!--", "-->", "<script>", "</script>", "<style>", "<![CDATA[", "<?xml ?>", "&amp;",
    "&", "&#x41;", "&#99999999;", "&lt", "&nbsp;", "&ampx", "<", ">", "</", "<p class=\"", '"',
    "'", "=", "<article>", "</article>", "<nav>", "<header>", "<title>", "<td>", "<li>",
    "<img alt='“x”'>", "“We will win,” said Mara Lind.", " said ", "\n", " ", "\u00a0",
]


@st.composite
def mutated_html(draw: st.DrawFn) -> str:
    """A small invented page with pieces of markup put in and stretches cut out, or a soup
    of markup pieces; sometimes one huge attribute."""
    if draw(st.booleans()):
        page = draw(st.sampled_from(HTML_PAGES))
        for _ in range(draw(st.integers(1, 10))):
            pos = draw(st.integers(0, len(page)))
            if draw(st.booleans()):
                page = page[:pos] + draw(st.sampled_from(HTML_PIECES)) + page[pos:]
            else:
                page = page[:pos] + page[pos + draw(st.integers(0, 80)):]
    else:
        page = "".join(draw(st.lists(st.sampled_from(HTML_PIECES), max_size=200)))
    if draw(st.integers(0, 9)) == 0:
        page = f'<p title="{"x " * 20_000}">“Yes,” he said.</p>' + page
    return page


@VIEW_SETTINGS
@given(st.one_of(mutated_html(), st.text(max_size=500)))
def test_extract_html_on_any_markup_gives_source_ranges_inside_the_html_in_order(
        html: str) -> None:
    result = extract_html(html)
    page = result.page
    assert_well_formed(result.text, list(result.quotes))
    assert len(page.starts) == len(page.ends) == len(page.text)
    assert all(0 <= s <= e <= len(html) for s, e in zip(page.starts, page.ends, strict=True))
    assert list(page.starts) == sorted(page.starts)
    for q in result.quotes:
        s, e = result.source_span(q)
        assert 0 <= s < e <= len(html)


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """A slice of an invented article with markup-like characters put in."""
    article = draw(st.sampled_from(ARTICLES))
    a = draw(st.integers(min_value=0, max_value=len(article)))
    text = article[a: a + draw(st.integers(min_value=0, max_value=2500))]
    for _ in range(draw(st.integers(0, 10))):
        pos = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(["<", ">", "&", "&amp;", '"', "'", "<script>", "</div>",
                                      "]]>", "\x00", "\u2028", "<!--", "“", "”"]))
        text = text[:pos] + piece + text[pos:]
    return text


@pytest.mark.filterwarnings("ignore::quoteattr.markup.HtmlInputWarning")
@VIEW_SETTINGS
@given(article_texts(), st.sampled_from([None, "a<b>&amp;'\"doc"]))
def test_the_html_of_an_article_is_well_formed_and_shows_its_text_escaped(
        text: str, doc: str | None) -> None:
    article = analyze(text, doc=doc)
    for page in (article_to_html(article), report_html([article], title=doc or "t")):
        tree = parse(page)
        shown = tree.find("div", "qa-text").text(skip=lambda n: n.tag == "summary")
        assert shown == article.text
