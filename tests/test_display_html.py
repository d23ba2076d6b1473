"""The article display: furniture set aside, kinds distinct, cue and mention marked, a
legend, 24 distinct speaker colours, nothing clipped (parsed with html.parser)."""

from __future__ import annotations

import re

from conftest import ADA, LIBRARY_TEXT, TRUST, library_quotes, make_quote
from htmltree import Node, parse

from quoteattr import Article, Quote, Span, Speaker, SpeakerType, analyze
from quoteattr.corpus import canonical_key
from quoteattr.display import FOLD_FURNITURE, article_to_html, quotes_to_html
from quoteattr.palette import PALETTE

BLOB = '{"@context": "https://schema.org", "headline": "' + "x" * 300 + '"}'
SCRAPED = (
    f"{BLOB}\n\n"
    "Harbour wall to be raised\n\n"
    "“The sea came over twice this winter,” said Ada Quill, the harbour master.\n\n"
    "Share this article\n\n"
    "The work starts in May and will take a year.\n"
)


def _style(node: Node) -> dict[str, str]:
    return dict(tuple(p.split(":", 1)) for p in node.attrs.get("style", "").split(";") if ":" in p)


def _text(page: str) -> str:
    return parse(page).find("div", "qa-text").text(skip=lambda n: n.tag == "summary")


def _colour_of(mark: Node) -> str:
    return _style(mark)["border-bottom"].split()[-1]


def test_long_furniture_is_folded_and_short_furniture_greyed() -> None:
    page = quotes_to_html(SCRAPED, [make_quote(SCRAPED, "The sea came over twice this winter,")])
    text = parse(page).find("div", "qa-text")
    (folded,) = text.find_all("details", "qa-folded")
    assert folded.find("span", "qa-furniture").text() == BLOB
    assert "json-blob" in folded.find("summary").text() and len(BLOB) > FOLD_FURNITURE
    greyed = [n for n in text.find_all("span", "qa-furniture") if n.text() == "Share this article"]
    assert greyed and "color" in _style(greyed[0])
    assert not [d for d in text.find_all("details") if "Share this" in d.text()]
    assert _text(page) == SCRAPED  # every character still shown, once, in order


def test_body_text_is_not_marked_as_furniture() -> None:
    page = quotes_to_html(SCRAPED, [])
    furniture = "".join(n.text() for n in parse(page).find_all("span", "qa-furniture"))
    assert "Harbour wall" not in furniture and "harbour master" not in furniture


def test_quote_inside_a_furniture_line_is_not_folded_away() -> None:
    text = f"{BLOB}\n\nBody line.\n"
    q = make_quote(text, "schema.org", speaker=None, cue=None)
    page = quotes_to_html(text, [q])
    assert not parse(page).find_all("details")
    assert [m.text() for m in parse(page).find_all("mark")] == ["schema.org"]


def test_the_three_kinds_look_different() -> None:
    text = "“Yes,” said Ada Quill. She said the plan “works well” today. She said it was cheap."
    quotes = [make_quote(text, "Yes,"),
              make_quote(text, "the plan “works well” today", kind="mixed"),
              make_quote(text, "it was cheap", kind="indirect")]
    marks = parse(quotes_to_html(text, quotes)).find_all("mark")
    styles = [_style(m) for m in marks]
    assert [m.classes[1] for m in marks] == ["qa-direct", "qa-mixed", "qa-indirect"]
    assert styles[0]["background"] != "transparent"
    assert styles[1]["background"] == styles[2]["background"] == "transparent"
    assert "solid" in styles[1]["border-bottom"] and "dotted" in styles[2]["border-bottom"]
    assert len({m.attrs["style"] for m in marks}) == 3
    assert len({_colour_of(m) for m in marks}) == 1  # one speaker, one colour


def test_cue_and_speaker_mention_are_marked() -> None:
    page = quotes_to_html(LIBRARY_TEXT, library_quotes()[:1])
    tree = parse(page).find("div", "qa-text")
    assert [n.text() for n in tree.find_all("span", "qa-cue")] == ["said"]
    (mention,) = tree.find_all("span", "qa-mention")
    assert mention.text() == "Quill"
    assert PALETTE[0][0] in mention.attrs["style"]  # outlined in the speaker's colour


def test_cue_inside_a_quote_nests_in_its_mark() -> None:
    text = "He said “we said no, and meant it” firmly."
    q = make_quote(text, "we said no, and meant it", cue="said", speaker=None)
    q = Quote(q.text, q.start, q.end, q.kind, None, None, Span(12, 16, "said"), 0.9,
              q.provenance)
    page = quotes_to_html(text, [q])
    (mark,) = parse(page).find_all("mark")
    assert mark.find("span", "qa-cue").text() == "said" and mark.text() == q.text
    assert _text(page) == text


def test_mention_spanning_a_quote_edge_is_split_and_the_page_stays_well_formed() -> None:
    text = "Ada Quill said “Quill here” again."
    q = make_quote(text, "Quill here")
    q = Quote(q.text, q.start, q.end, q.kind, ADA, Span(10, 21, text[10:21]), q.cue, 0.9,
              q.provenance)
    page = quotes_to_html(text, [q])  # parse() fails on badly nested tags
    assert "".join(n.text() for n in parse(page).find_all("span", "qa-mention")) == text[10:21]
    assert _text(page) == text


def test_legend_shows_the_kinds_the_marks_and_each_speaker_in_its_colour() -> None:
    article = Article(LIBRARY_TEXT, tuple(library_quotes()), (ADA, TRUST), "lib.txt")
    legend = parse(article_to_html(article)).find("div", "qa-legend")
    keys = {c for n in legend.find_all("span", "qa-key") for c in n.classes}
    assert {"qa-key-direct", "qa-key-mixed", "qa-key-indirect", "qa-key-cue",
            "qa-key-mention", "qa-key-furniture"} <= keys
    chips = legend.find_all("span", "qa-chip")
    assert [c.text() for c in chips] == ["Ada Quill", "Riverside Trust"]
    assert PALETTE[0][1] in chips[0].attrs["style"] and PALETTE[1][1] in chips[1].attrs["style"]


def test_legend_has_a_no_speaker_chip_only_when_a_quote_has_none() -> None:
    with_none = [make_quote(LIBRARY_TEXT, "Bring your own", speaker=None, cue=None)]
    chips = parse(quotes_to_html(LIBRARY_TEXT, with_none)).find_all("span", "qa-chip")
    assert [c.text() for c in chips] == ["no speaker"]
    chips = parse(quotes_to_html(LIBRARY_TEXT, library_quotes())).find_all("span", "qa-chip")
    assert "no speaker" not in [c.text() for c in chips]


def _many_speakers(n: int) -> tuple[str, list[Quote]]:
    lines = [f"“Point number {i},” said Person{i} Example." for i in range(n)]
    text = "\n\n".join(lines) + "\n"
    quotes = [make_quote(text, f"Point number {i},",
                         speaker=Speaker(f"Person{i} Example", SpeakerType.PERSON))
              for i in range(n)]
    return text, quotes


def test_24_speakers_get_24_different_colours() -> None:
    text, quotes = _many_speakers(24)
    marks = parse(quotes_to_html(text, quotes)).find_all("mark")
    assert len({_colour_of(m) for m in marks}) == 24


def test_given_colours_are_used_so_a_speaker_keeps_its_colour_across_articles() -> None:
    article = Article(LIBRARY_TEXT, tuple(library_quotes()), (ADA, TRUST), "lib.txt")
    colours = {canonical_key("Riverside Trust"): 5, canonical_key("Ada Quill"): 9}
    marks = parse(article_to_html(article, colours)).find_all("mark")
    assert [_colour_of(m) for m in marks] == [PALETTE[9][0], PALETTE[9][0], PALETTE[5][0]]


def test_no_scroll_box_clips_the_text() -> None:
    page = article_to_html(analyze(SCRAPED * 20))
    for node in parse(page).iter():
        style = _style(node)
        assert "max-height" not in style and "height" not in style
        assert style.get("overflow", "visible") == "visible"


def test_names_and_text_from_the_article_are_escaped_everywhere() -> None:
    evil = Speaker('<img src=x onerror="alert(1)">', SpeakerType.PERSON)
    text = "<script>x()</script> “Hi,” she said."
    q = make_quote(text, "Hi,", speaker=evil)
    page = article_to_html(Article(text, (q,), (evil,), "<b>doc</b>.txt"))
    tree = parse(page)
    assert not tree.find_all("script") and not tree.find_all("img") and not tree.find_all("b")[1:]
    assert [c.text() for c in tree.find_all("span", "qa-chip")] == [evil.name]
    assert tree.find("h4").text() == "<b>doc</b>.txt"


def test_a_real_analysis_of_a_scraped_page_renders_every_character_once() -> None:
    article = analyze(SCRAPED)
    page = article_to_html(article)
    assert _text(page) == SCRAPED
    assert re.search(r"qa-direct", page)


def _alternating(n: int) -> tuple[str, list[Quote]]:
    """``n`` quoted lines, each followed by a line of furniture."""
    text = "".join(f"“Line {i} here,” said Ada Quill.\n\nShare this article\n\n" for i in range(n))
    quotes, pos = [], 0
    for i in range(n):
        needle = f"Line {i} here,"
        start = text.index(needle, pos)
        pos = start + len(needle)
        q = make_quote(text[start - 1:], needle)
        quotes.append(Quote(needle, start, pos, q.kind, ADA, None, None, 0.9, q.provenance))
    return text, quotes


def _cpu(text: str, quotes: list[Quote]) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        quotes_to_html(text, quotes)
        best = min(best, time.process_time() - started)
    return best


def test_display_time_grows_about_linearly_with_quotes_and_furniture() -> None:
    small, big = _alternating(400), _alternating(3200)
    ratio = _cpu(*big) / max(_cpu(*small), 1e-9)
    assert ratio < 20, f"8x the input took {ratio:.1f}x the CPU time (quadratic: ~64x)"
