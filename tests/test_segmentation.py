"""Page furniture and sentences (quoteattr/segmentation.py): one case per rule."""

import pytest

from quoteattr.segmentation import SegmentKind, classify, segment, sentence_ends_at, sentences
from quoteattr.tokens import tokenize

FURNITURE = {
    "json-blob": '{"@context":"https://schema.org","@type":"VideoObject","name":"Clip"}',
    "script-code": "window.addEventListener('load', function(data) {",
    "caption-credit": "The mayor at the harbour on Monday. Photograph: Ana Ruiz/AP",
    "copyright": "© 2025 Example Media Ltd. All rights reserved.",
    "call-to-action": "Sign up for our morning briefing",
    "byline": "By Jane Doe and Omar Haddad",
    "timestamp": "—Updated at 4:49 p.m. EDT",
    "html-markup": '<div class="share-bar">',
}


@pytest.mark.parametrize(("rule", "line"), sorted(FURNITURE.items()))
def test_each_furniture_rule_names_itself(rule: str, line: str) -> None:
    assert classify(line) == rule


def test_follow_a_reporter_on_social_media_is_furniture() -> None:
    assert classify("Follow Dana Brook on Twitter @danabrook.") == "call-to-action"


@pytest.mark.parametrize(
    "line",
    [
        "The council voted 7-2 on Tuesday to approve the budget.",
        "“We are not done yet,” the mayor said.",
        "Prices rose, copyright lawyers said, after the ruling.",
        "Follow the money on this one, the auditor said.",
    ],
)
def test_body_sentences_are_not_furniture(line: str) -> None:
    assert classify(line) is None


def test_picture_caption_in_brackets_is_furniture() -> None:
    doc = segment("Harbour talks\n\nBody text here, long enough to be a sentence.\n\n"
                  "The minister arrives (Picture: Getty Images)\n")
    assert [s.rule for s in doc.segments] == [None, None, "caption-credit"]


def test_caption_first_line_joins_its_credit_line() -> None:
    text = ("Harbour talks resume\n\nBody paragraph one is here and it is long enough.\n\n"
            "The minister greets delegates in Lima\n"
            "Delegates arrive for the summit (Picture: Reuters)\n\n"
            "Body paragraph two follows the caption block here.")
    kinds = [s.kind for s in segment(text).segments]
    assert kinds == [SegmentKind.HEADING, SegmentKind.BODY, SegmentKind.FURNITURE,
                     SegmentKind.FURNITURE, SegmentKind.BODY]


def test_repeated_caption_line_is_furniture() -> None:
    line = "The port of Valmera at dawn. Photograph: Teo Lind/Reuters"
    doc = segment(f"{line}\n{line}\n\nThe port reopened on Monday after the storm passed.")
    assert [s.kind for s in doc.segments][:2] == [SegmentKind.FURNITURE] * 2


def test_enable_javascript_notice_and_its_wrapped_lines_are_furniture() -> None:
    text = ("To view this video please enable JavaScript, and consider upgrading to a web\n"
            "browser that\nsupports HTML5\nvideo\n\nThe port reopened on Monday morning.")
    kinds = [s.kind for s in segment(text).segments]
    assert kinds == [SegmentKind.FURNITURE] * 4 + [SegmentKind.BODY]


def test_multi_line_script_block_is_furniture() -> None:
    text = ("The port reopened on Monday morning after repairs.\n\n"
            "window.addEventListener('x', function(d) {\nvar a = d.detail;\nreturn;\n});")
    doc = segment(text)
    assert [s.kind for s in doc.segments][1:] == [SegmentKind.FURNITURE] * 4


def test_copyright_tail_is_cut_from_a_body_paragraph() -> None:
    text = "Talks\n\nThe talks resume next week, the envoy said. – Copyright Example Times 2025"
    doc = segment(text)
    seg = doc.segments[1]
    assert seg.kind is SegmentKind.BODY
    assert text[seg.start:seg.end] == "The talks resume next week, the envoy said."


def test_short_line_without_stop_is_a_heading() -> None:
    doc = segment("Harbour talks collapse\n\nThe talks collapsed on Monday, officials said.")
    assert [s.kind for s in doc.segments] == [SegmentKind.HEADING, SegmentKind.BODY]


def test_quoted_title_case_line_is_a_subheading() -> None:
    doc = segment("Harbour talks resume\n\nThe pier reopened.\n\n“A Pier Worth Saving.”\n\nIt did.")
    assert [s.kind for s in doc.segments][2] is SegmentKind.HEADING


def test_quoted_sentence_line_is_body() -> None:
    doc = segment("Harbour talks resume\n\nThe pier reopened.\n\n“We will save the pier.”\n")
    assert [s.kind for s in doc.segments][2] is SegmentKind.BODY


def test_quoted_short_title_case_line_with_a_comma_is_body() -> None:
    doc = segment("Harbour talks resume\n\nThe pier reopened.\n\n“Thank You, Lind.”\n")
    assert [s.kind for s in doc.segments][2] is SegmentKind.BODY


def test_segments_keep_offsets_with_windows_newlines_and_nbsp() -> None:
    text = "\ufeffFirst line of the story, with a stop.\r\n\r\n\u00a0Second paragraph here.\r\n"
    for s in segment(text).segments:
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        assert "\r" not in text[s.start:s.end]


def test_sentences_keep_titles_and_abbreviations_together() -> None:
    text = "Sen. Ana Ruiz met Mr. Lund in the U.S. on Jan. 5 at noon. They talked."
    spans = sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == [
        "Sen. Ana Ruiz met Mr. Lund in the U.S. on Jan. 5 at noon.", "They talked."]


STOP_CASES = [
    "Sen. Ana Ruiz met Mr. Lund in the U.S. on Jan. 5 at noon. They talked.",
    "He left. (She stayed.) Then what? Nobody knew! The end.",
    "“We are done.” The mayor said so. ‘Fine.’ Next… and more...",
    "Talks at 3 p.m. Tuesday. J. R. Lund spoke. It ended.) ”Why?!” No.",
    "A 2.5% rise. The No. 2 official said it. E.g. this. Done.» Then.",
]


@pytest.mark.parametrize("text", STOP_CASES)
def test_sentence_ends_at_agrees_with_sentences(text: str) -> None:
    stops = [i for i, c in enumerate(text) if c in ".!?"]
    full = {e for _s, e in sentences(text, 0, len(text))}
    partial = sentence_ends_at(text, 0, len(text), stops)
    assert partial <= full <= partial | {len(text.rstrip())}


@pytest.mark.parametrize("text", STOP_CASES)
def test_tokens_end_sentences_alike_with_ends_asked_lazily(text: str) -> None:
    """Punkt asked only about the stops that need it: the same ``eos`` on every token."""
    para = "Intro words here. " + text
    full = frozenset(e for _s, e in sentences(para, 0, len(para)))
    eager = tokenize(para, 0, len(para), (), full)
    asked: list[list[int]] = []

    def lazy_ends(stops: list[int]) -> set[int]:
        asked.append(stops)
        return sentence_ends_at(para, 0, len(para), stops)

    lazy = tokenize(para, 0, len(para), (), lazy_ends)
    assert [(t.text, t.eos) for t in lazy] == [(t.text, t.eos) for t in eager]
    assert len(asked) == 1


def test_no_punkt_call_when_the_only_stop_is_the_last() -> None:
    def never(stops: list[int]) -> set[int]:
        raise AssertionError("Punkt asked")

    toks = tokenize("The mayor said so.", 0, 18, (), never)
    assert toks[-1].eos is True


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        ("call-to-action", "To view this video PLEASE ENABLE JAVASCRİPT, and upgrade"),
        ("call-to-action", "To view this video pleaſe enable javaſcript"),
        ("call-to-action", "Article continues. Opens in new window"),
        ("copyright", "COPYRİGHT 2025 Example Media"),
        ("copyright", "(C) 2024 Example Media"),
        ("script-code", "  ()"),
        ("script-code", "x = a || b"),
    ],
)
def test_rules_match_past_their_quick_pretests(rule: str, line: str) -> None:
    """Each rule first checks for a substring its pattern needs; case folding included."""
    assert classify(line) == rule


def test_a_number_with_thousands_separators_is_one_token() -> None:
    text = "They cut 1,800 jobs, and 12,345,678 euros, but not 2019,2020."
    words = [t.text for t in tokenize(text, 0, len(text))]
    assert "1,800" in words and "12,345,678" in words
    assert words[words.index("not") + 1:words.index("not") + 4] == ["2019", ",", "2020"]


def test_a_short_first_line_of_an_article_is_its_headline() -> None:
    doc = segment("Ferry fares rise again, says the port board.\n\nThe board met on Monday.\n")
    assert [s.kind for s in doc.segments] == [SegmentKind.HEADING, SegmentKind.BODY]


def test_a_lone_sentence_is_body_text_not_a_headline() -> None:
    (only,) = segment("“We will win the harbour vote,” said Jane Doe.").segments
    assert only.kind is SegmentKind.BODY


def test_a_lone_quote_gives_its_quote_and_speaker() -> None:
    from quoteattr import extract

    (q,) = extract("“We will win the harbour vote,” said Jane Doe.")
    assert (q.text, q.speaker_name) == ("We will win the harbour vote,", "Jane Doe")


def test_a_repeated_caption_is_furniture_but_a_repeated_quotation_is_kept() -> None:
    from quoteattr import extract

    caption = "Head\n\nThe mayor at the pier on Monday.\n\nThe mayor at the pier on Monday.\n"
    assert [s.rule for s in segment(caption).segments][-1] == "repeated-line"
    quoted = "Head\n\n" + "“Yes, we will sail tonight,” he said.\n\n" * 3
    assert len(extract(quoted)) == 3


def test_a_quoted_sentence_signed_after_a_dash_is_body_not_a_heading() -> None:
    doc = segment("Head\n\n“We act today.” —Commissioner Lara Voss\n\nThe plan passed.\n")
    assert doc.segments[1].kind is SegmentKind.BODY
    assert segment("Head\n\n“Act Now” — Town Hall\n\nThe plan passed.\n").segments[1].kind is (
        SegmentKind.HEADING)


CAPTIONED = ("Quay Repairs Begin\n\n"
             "Work began on the east quay on Monday, the harbour board said.\n\n"
             "“We are not leaving,” said Ana Ruiz at the quay. Photograph: Lena Holt/Reuters.\n")


def test_furniture_order_is_the_registered_sieve_order() -> None:
    from quoteattr import rules, segmentation

    assert segmentation.FURNITURE_ORDER == rules.sieve_order("furniture")
    assert segmentation.FURNITURE_ORDER[-1] == "repeated-line"


def test_a_switched_off_furniture_rule_keeps_its_line_as_body() -> None:
    from quoteattr import extract

    assert not [q for q in extract(CAPTIONED) if "not leaving" in q.text]
    kept = [q for q in extract(CAPTIONED, disabled_rules={"caption-credit"})
            if "not leaving" in q.text]
    assert [q.speaker_name for q in kept] == ["Ana Ruiz"]


def test_a_furniture_rule_switched_off_per_process_keeps_its_line() -> None:
    from quoteattr import rules

    text = "Quay Repairs Begin\n\nBy Lena Holt and Tomas Brevik\n\nWork began on Monday.\n"
    rules.disable("byline")
    try:
        kinds = [s.kind for s in segment(text).segments]
    finally:
        rules.enable("byline")
    assert kinds[1] is not SegmentKind.FURNITURE
    assert segment(text).segments[1].rule == "byline"


def test_quoted_subhead_switched_off_leaves_the_quoted_line_as_body() -> None:
    from quoteattr import rules

    text = "Quay Repairs Begin\n\n“A Pier Worth Saving.”\n\nWork began on Monday.\n"
    assert segment(text).segments[1].rule == "quoted-subhead"
    with rules.disabled({"quoted-subhead"}):
        assert segment(text).segments[1].kind is SegmentKind.BODY
