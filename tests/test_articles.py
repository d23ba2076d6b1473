"""Whole invented articles: who says what, end to end (tests/fixtures/*.txt)."""

from fixtures import load_articles

from quoteattr import QuoteKind, extract


def _speakers(name: str) -> dict[str, str | None]:
    text = load_articles()[name]
    return {q.text: q.speaker.name if q.speaker else None for q in extract(text)}


def test_harbour_strike_pronoun_after_a_sentence_subject() -> None:
    found = _speakers("harbour_strike.txt")
    assert found["He knows the numbers are not true,"] == "Ines Okafor"


def test_harbour_strike_anonymous_worker_keeps_his_quotes() -> None:
    found = _speakers("harbour_strike.txt")
    assert found["many of his colleagues had taken second jobs to pay their rent"] == (
        "One crane operator")
    assert found["I’ve got two kids and a mortgage,"] == "One crane operator"


def test_harbour_strike_aside_adverb_subject() -> None:
    found = _speakers("harbour_strike.txt")
    assert found["the stoppage was already costing them tens of thousands of euros a day"] == (
        "Ferry operators")


def test_harbour_strike_furniture_gives_no_quote() -> None:
    text = load_articles()["harbour_strike.txt"]
    for q in extract(text):
        assert "Photo" not in q.text and "Coastal Press" not in q.text


def test_ceasefire_unnamed_diplomat_is_one_speaker() -> None:
    found = _speakers("ceasefire_talks.txt")
    diplomat = "A senior Western diplomat briefed on the talks"
    assert found["the mood was better than expected"] == diplomat
    assert found["Nobody walked out, which is a first,"] == diplomat


def test_ceasefire_named_and_role_speakers() -> None:
    text = load_articles()["ceasefire_talks.txt"]
    quotes = extract(text)
    by_text = {q.text: q for q in quotes}
    assert by_text["We will not negotiate with a gun to our heads,"].speaker_name == (
        "Elias Brandvold")
    assert by_text["the war was \"draining the nation's future.\""].speaker_name == (
        "Elias Brandvold")
    assert by_text["the war was \"draining the nation's future.\""].kind is QuoteKind.MIXED
    assert by_text["I would not bet against it. But I would not bet on it either."].speaker_name \
        == "Lidia Marsh"


def test_ceasefire_pronoun_after_a_role_description_subject() -> None:
    # rule role-subject: `The European Union's foreign policy chief welcomed …` is the
    # antecedent of the later `she`, not the last named woman
    found = _speakers("ceasefire_talks.txt")
    assert found["Dialogue is always better than artillery,"] == (
        "The European Union's foreign policy chief")


def _demo_quotes() -> dict[str, str | None]:
    from pathlib import Path

    import quoteattr

    path = Path(quoteattr.__file__).parent / "data" / "demo_article.txt"
    return {q.text: q.speaker.name if q.speaker else None
            for q in extract(path.read_text(encoding="utf-8"))}


def test_demo_article_time_adverbial_and_apposition_are_no_reported_content() -> None:
    found = _demo_quotes()
    assert "Hours later" not in found
    assert not any(t.startswith("the social network he uses") for t in found)
    assert any(t.startswith("I will not sign a blank cheque") and s == "Tobias Ferrand"
               for t, s in found.items())


def test_demo_article_letter_read_aloud_is_the_readers() -> None:
    found = _demo_quotes()
    letter = [s for t, s in found.items()
              if t.startswith(("For eight years this town", "What we cannot do"))]
    assert letter == ["Elena Ramos", "Elena Ramos"]


def test_demo_article_pronoun_after_an_apposed_subject_with_a_who_clause() -> None:
    from importlib.resources import files

    text = files("quoteattr").joinpath("data/demo_article.txt").read_text(encoding="utf-8")
    q = next(q for q in extract(text) if q.text.startswith("The geology is good"))
    assert q.speaker_name == "Amélie Durand"
