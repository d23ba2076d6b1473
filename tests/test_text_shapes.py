"""Text shapes newsrooms handle (issue 17): one invented article per shape in
tests/fixtures/shapes/docs, with gold written before the library was run on it.

Each article must give every required gold quote with its speaker (end-to-end recall 1) and
nothing that is not in the gold (optional items are free), with offsets in the caller's text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quoteattr import extract
from quoteattr.evaluation import Scores, load_records, score

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"


def _text(doc: str) -> str:
    return (SHAPES / "docs" / doc).read_text(encoding="utf-8")


@cache
def _scores(doc: str) -> Scores:
    gold = [r for r in load_records(SHAPES / "gold.jsonl") if r["doc"] == doc]
    text = _text(doc)
    pred = [q.to_dict(doc) for q in extract(text)]
    for p in pred:
        assert text[int(p["start"]):int(p["end"])] == p["text"]
    return score(gold, pred)


def _every_gold_quote_with_its_speaker(doc: str) -> None:
    s = _scores(doc)
    assert s.e2e_r == 1.0, s.to_dict()
    assert s.detect_p == 1.0, s.to_dict()


def test_shape_gold_offsets_index_the_articles() -> None:
    for r in load_records(SHAPES / "gold.jsonl"):
        assert _text(str(r["doc"]))[int(str(r["start"])):int(str(r["end"]))] == r["text"]


def test_hard_wrapped_paragraph_reads_as_one_paragraph() -> None:
    _every_gold_quote_with_its_speaker("s01_hard_wrapped.txt")


def test_pdf_text_rejoins_hyphenated_line_ends_across_page_headers() -> None:
    _every_gold_quote_with_its_speaker("s02_pdf_extract.txt")


def test_invisible_characters_and_space_variants_read_as_plain_text() -> None:
    _every_gold_quote_with_its_speaker("s03_invisible_characters.txt")


def test_transcript_labels_with_titles_name_the_person() -> None:
    text = _text("s04_interview_transcript.txt")
    found = {q.text: q.speaker_name for q in extract(text)}
    assert found["The board has signed every contract, and the builders have been paid their "
                 "deposit."] == "Jane Roe"  # ``SECRETARY ROE:``
    assert found["Paying a deposit is not the same as finishing a wall."] == "Ben Lee"
    assert found["Nobody on the board has ever claimed that it is."] == "Jane Roe"  # ``MS. ROE:``


def test_interview_answers_after_questions_are_the_interviewees() -> None:
    _every_gold_quote_with_its_speaker("s04_interview_transcript.txt")


def test_interrupted_quotation_goes_on_after_continued_and_went_on() -> None:
    _every_gold_quote_with_its_speaker("s05_interrupted_quotes.txt")


def test_credentials_and_indefinite_pronouns_are_not_speakers() -> None:
    _every_gold_quote_with_its_speaker("s06_not_people.txt")
    names = {q.speaker.name for q in extract(_text("s06_not_people.txt")) if q.speaker}
    assert not names & {"MD", "PhD", "Nobody"}


def test_press_release_signatures_and_lead_ins() -> None:
    _every_gold_quote_with_its_speaker("s07_press_release.txt")


def test_quote_collection_gives_each_quote_its_own_signature() -> None:
    _every_gold_quote_with_its_speaker("s08_quote_collection.txt")


def test_identical_consecutive_quoted_paragraphs_are_all_kept() -> None:
    again = [q for q in extract(_text("s09_repeated_paragraphs.txt")) if q.text == "Again,"]
    assert [q.speaker_name for q in again] == ["Edith Brandt"] * 3


def test_repeated_paragraphs_article_with_a_lower_case_role_before_the_name() -> None:
    _every_gold_quote_with_its_speaker("s09_repeated_paragraphs.txt")  # ``conductor Edith …``


def test_all_caps_copy_reads_as_mixed_case() -> None:
    _every_gold_quote_with_its_speaker("s10_all_caps.txt")


def test_page_labels_before_a_colon_are_no_transcript_speakers() -> None:
    _every_gold_quote_with_its_speaker("s11_ui_labels.txt")


def test_sentence_opening_gerund_is_no_name() -> None:
    text = ("Harbour Works Resume\n\nThe council met on Tuesday.\n\n"
            "Having lost the vote twice, the mayor was calm. “We will try again,” said Having.")
    assert all(q.speaker_name != "Having" for q in extract(text))


def test_one_word_company_called_which_is_an_organisation() -> None:
    _every_gold_quote_with_its_speaker("s12_company_names.txt")
    types = {q.speaker_name: q.speaker.type.value for q in extract(_text("s12_company_names.txt"))
             if q.speaker}
    assert types == {"Quillfire": "organization", "Dana Brook": "person"}


def test_one_word_companies_typed_on_evidence_in_the_article() -> None:
    _every_gold_quote_with_its_speaker("s13_company_evidence.txt")
    gold = {str(r["speaker"]): r["speaker_type"] for r in load_records(SHAPES / "gold.jsonl")
            if r["doc"] == "s13_company_evidence.txt"}
    found = {q.speaker.name: q.speaker.type.value
             for q in extract(_text("s13_company_evidence.txt")) if q.speaker}
    assert found == gold
