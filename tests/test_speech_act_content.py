"""Speech acts whose content is no ``that``-clause (issue #16): detector ``asked-question``
(a question put to the speaker by an asker the article does not name, ``Asked whether …,``,
``when asked about …``: reported speech with no speaker) and boundary rule
``participle-predicate`` (``…, calling Anand a liar``)."""

from __future__ import annotations

from quoteattr import extract
from quoteattr.model import QuoteKind


def _texts(text: str, **kw: object) -> dict[str, str]:
    return {q.text: q.provenance.detector for q in extract(text, **kw)}  # type: ignore[arg-type]


def test_fronted_asked_whether_reports_the_question_up_to_its_comma() -> None:
    text = ("Asked whether the ferry levy would pass this spring, Mayor Dana Whitfield "
            "said she was hopeful.")
    found = _texts(text)
    assert found["whether the ferry levy would pass this spring"] == "asked-question"
    assert found["she was hopeful"] == "cue-then-content"


def test_when_asked_about_reports_the_topic_without_about() -> None:
    text = "“We will see,” Whitfield said when asked about the new harbour budget."
    quotes = [q for q in extract(text) if q.provenance.detector == "asked-question"]
    assert [q.text for q in quotes] == ["the new harbour budget"]
    assert quotes[0].speaker is None and quotes[0].kind is QuoteKind.INDIRECT
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text


def test_time_adjunct_between_asked_and_the_question_is_skipped() -> None:
    text = "When asked on Monday if the toll would rise, Sen. Ruth Okafor shrugged."
    assert _texts(text)["if the toll would rise"] == "asked-question"


def test_asked_to_and_mid_sentence_asked_are_not_questions() -> None:
    for text in ("Asked to resign over the closure, Whitfield said she would stay.",
                 "Okafor asked whether the pier would reopen by May.",
                 "The board asked about the levy twice."):
        assert "asked-question" not in _texts(text).values(), text


def test_detector_switched_off_reports_nothing() -> None:
    text = "Asked whether the ferry levy would pass, Whitfield smiled."
    assert "asked-question" not in _texts(text, disabled_rules={"asked-question"}).values()


def test_passive_asked_whether_reports_the_question_without_a_speaker() -> None:
    text = "Harbour chief Ana Ruiz was asked whether the cranes were safe. She said they were."
    quotes = [q for q in extract(text) if q.provenance.detector == "asked-question"]
    assert [(q.text, q.speaker) for q in quotes] == [("whether the cranes were safe", None)]


def test_calling_with_object_and_predicate_noun_reports_both() -> None:
    # rule participle-predicate
    text = "Sen. Ruth Okafor attacked the toll plan, calling council leader Rob Anand a liar."
    found = {q.text: q for q in extract(text)}
    q = found["council leader Rob Anand a liar"]
    assert q.provenance.detector == "description-object"
    assert q.speaker is not None and q.speaker.name == "Ruth Okafor"
    off = extract(text, disabled_rules={"participle-predicate"})
    assert "council leader Rob Anand a liar" not in {x.text for x in off}


def test_topic_asked_about_ends_at_an_adjunct() -> None:
    text = "Whitfield was asked about the ferry levy during a debate on Thursday."
    assert _texts(text)["the ferry levy"] == "asked-question"


def test_an_added_asking_form_is_read_by_asked_question() -> None:
    from quoteattr.lexicon import content

    text = "Queried whether the pier would reopen, harbour chief Ana Ruiz said it would."
    assert not any(q.provenance.detector == "asked-question" for q in extract(text))
    content.ASKED_FORMS.add("queried")
    try:
        got = [q.text for q in extract(text) if q.provenance.detector == "asked-question"]
    finally:
        content.ASKED_FORMS.discard("queried")
    assert got == ["whether the pier would reopen"]
