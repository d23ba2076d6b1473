"""A participle's subject is the description opening its sentence (rule participle-description)."""

from quoteattr import extract


def _quote(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(q for q in extract(text) if word in q.text)


def test_described_opening_speaks_for_a_participle() -> None:
    q = _quote("The harbour pilots declined to give figures, saying they could not discuss "
               "the audit.", "could not discuss")
    assert q.speaker is not None
    assert "pilots" in q.speaker.name or "harbour" in q.speaker.name
    assert "participle-description" in [s.rule for s in q.provenance.trail]


def test_switched_off_the_participle_has_no_described_subject() -> None:
    text = ("Both parents sharpened their criticism of the ferry board, saying that it had "
            "ignored the storm warnings.")
    on = _quote(text, "storm warnings")
    assert on.speaker is not None and on.speaker.name == "Both parents"
    off = [q for q in extract(text, disabled_rules={"participle-description"})
           if "storm warnings" in q.text]
    assert not off or off[0].speaker is None or off[0].speaker.name != "Both parents"
