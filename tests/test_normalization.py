"""The matching view (quoteattr.normalization): invisible differences and hard wraps read as
plain text, and every offset still indexes the caller's string."""

from __future__ import annotations

import random
from pathlib import Path

from fixtures import load_articles

from quoteattr import extract, normalization
from quoteattr.normalization import view

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes" / "docs"
ARTICLE = ("Harbour plan wins final vote\n\n"
           "“We have the money and now we have the vote,” said Mayor Jane Roe on Tuesday.\n\n"
           "Ben Lee, the opposition leader, said the budget did not add up.\n")


def _found(text: str) -> list[tuple[str, str | None]]:
    out = []
    for q in extract(text):
        assert text[q.start:q.end] == q.text
        if q.mention is not None:
            assert text[q.mention.start:q.mention.end] == q.mention.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        out.append((q.text, q.speaker_name))
    return out


def _plain(s: str) -> str:
    for c in "\u200b\u2060\u00ad\ufeff":
        s = s.replace(c, "")
    return " ".join(s.split())


def test_no_break_and_narrow_spaces_give_what_spaces_give() -> None:
    for space in ("\u00a0", "\u202f", "\u3000", "\u2009"):
        assert _found(ARTICLE.replace(" ", space)) == [
            (t.replace(" ", space), sp) for t, sp in _found(ARTICLE)]


def test_zero_width_space_after_closing_mark_keeps_the_speaker() -> None:
    text = ARTICLE.replace("” said", "”\u200b said")
    assert _found(text) == _found(ARTICLE)


def test_soft_hyphen_inside_said_keeps_the_speaker() -> None:
    text = ARTICLE.replace("said Mayor", "sa\u00adid Mayor")
    assert _found(text) == _found(ARTICLE)


def test_invisible_characters_anywhere_change_no_quote_or_speaker() -> None:
    rng = random.Random(17)
    for name, text in sorted(load_articles().items())[:4]:
        chars = list(text)
        for _ in range(40):
            k = rng.randrange(len(chars))
            chars[k] += rng.choice("\u200b\u2060\u00ad\ufeff")
        noisy = "".join(chars)
        assert [(_plain(t), sp) for t, sp in _found(noisy)] == [
            (_plain(t), sp) for t, sp in _found(text)], name


def test_text_wrapped_at_72_columns_gives_what_the_unwrapped_text_gives() -> None:
    import textwrap

    paras = ARTICLE.strip().split("\n\n")
    long = paras + [
        "The harbour authority said in a statement that it welcomed the decision of the "
        "council and would publish a timetable for the works before the end of the month.",
        "“We will believe it when we see the first stone laid on the beach below the old "
        "town,” said Tomas Reyes, who chairs the association of the local fishermen."]
    plain = "\n\n".join(long) + "\n"
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in long) + "\n"
    assert wrapped != plain
    assert [(_plain(t), sp) for t, sp in _found(wrapped)] == [
        (t, sp) for t, sp in _found(plain)]


def test_unwrapped_text_and_plain_characters_need_no_view() -> None:
    assert view(ARTICLE) is None
    assert view("One line.\nAnother line, short.\nA third.\n") is None


def test_view_maps_spans_around_a_cut_to_the_callers_offsets() -> None:
    text = "He sa\u00adid no."
    v = view(text)
    assert v is not None and v.text == "He said no."
    s, e = v.text.index("said"), v.text.index("said") + 4
    assert text[v.start(s):v.end(e)] == "sa\u00adid"
    assert text[v.start(e + 1):v.end(len(v.text))] == "no."


def test_compound_broken_at_its_hyphen_keeps_it_and_a_pdf_syllable_break_rejoins() -> None:
    import textwrap

    para = ("The council of Port Ellin finally approved the long-delayed harbour plan on "
            "Tuesday after a four-hour debate that ran late into the night, ending two years "
            "of wrangling over the cost of the sea wall.")
    wrapped = textwrap.fill(para, 58)
    assert "long-\ndelayed" in wrapped
    v = view(wrapped + "\n\n" + wrapped + "\n")
    assert v is not None and "long-delayed harbour" in v.text
    pdf = ("The board met on Thursday to approve its annual re-\nport, which shows that "
           "leaks from the old northern mains\n" "Water Board Annual Report      Page 2\n"
           "fell by a third last year after the first stage of the\n")
    v = view(pdf * 2)
    assert v is not None and "annual report, which" in v.text and "Page 2" not in v.text
    assert "page-header" in v.rules


def test_read_segments_give_a_wrapped_paragraph_as_one_body_segment_in_callers_offsets() -> None:
    from quoteattr.normalization import read_segments
    from quoteattr.segmentation import SegmentKind

    text = (SHAPES / "s01_hard_wrapped.txt").read_text(encoding="utf-8")
    segs = read_segments(text)
    assert len(segs) == 7 and [s.kind for s in segs[1:]] == [SegmentKind.BODY] * 6
    assert text[segs[2].start:segs[2].end].startswith("“We have the money")
    assert text[segs[2].end - len("the spring.”"):segs[2].end] == "the spring.”"


def _all_caps_by_counting(text: str) -> bool:
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    return upper >= normalization.MIN_ALL_CAPS_LETTERS and (
        upper >= normalization.ALL_CAPS_SHARE * (upper + lower))


def test_capitals_bound_decides_as_counting_every_letter_does_near_the_threshold() -> None:
    rng = random.Random(7)
    for _ in range(400):
        capitals = rng.randrange(150, 260)
        lower = "".join(rng.choice("etaoinshrxyz") for _ in range(rng.randrange(0, 40)))
        letters = list("CITY COUNCIL VOTES " * 20)[:capitals] + list(lower)
        rng.shuffle(letters)
        text = "".join(letters)
        assert normalization._all_caps(text) == _all_caps_by_counting(text), text
