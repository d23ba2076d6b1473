"""Extending the lexicon takes effect: added words reach every stage that reads them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quoteattr import extract
from quoteattr.lexicon import cues as lex
from quoteattr.lexicon import titles
from quoteattr.pipeline import _paragraphs

HEAD = "Harbour Works Resume\n\n"


@pytest.fixture
def restore_lexicon() -> Iterator[None]:
    saved = {name: set(getattr(lex, name)) for name in (
        "DESCRIPTION_VERBS", "REGULAR_VERBS")}
    light = {k: set(v) for k, v in lex.LIGHT_VERB_CUES.items()}
    roles = set(titles.ROLES)
    yield
    for name, words in saved.items():
        getattr(lex, name).clear()
        getattr(lex, name).update(words)
    lex.LIGHT_VERB_CUES.clear()
    lex.LIGHT_VERB_CUES.update(light)
    titles.ROLES.clear()
    titles.ROLES.update(roles)
    lex.refresh()


def test_an_added_description_verb_reaches_direct_quote_attribution(
        restore_lexicon: None) -> None:
    text = HEAD + "It was a plan Haddad branded as “reckless and rushed.”\n"
    assert extract(text) == []
    lex.DESCRIPTION_VERBS.add("brand")
    lex.refresh()
    (q,) = extract(text)
    assert (q.provenance.detector, q.speaker_name) == ("description", "Haddad")


def test_an_added_cue_verb_finds_reported_speech(restore_lexicon: None) -> None:
    text = HEAD + "Mila Arden grumbled that the pier would stay closed until May.\n"
    assert extract(text) == []
    lex.REGULAR_VERBS.add("grumble")
    lex.refresh()
    (q,) = extract(text)
    assert (q.text, q.speaker_name) == ("the pier would stay closed until May", "Mila Arden")


def test_a_light_verb_cue_gets_its_own_lemma(restore_lexicon: None) -> None:
    def lemmas(text: str) -> list[str]:
        return [c.lemma for p in _paragraphs(HEAD + text) for c in p.cues]

    assert lemmas("Lind made plain that the pier would close.\n") == ["make plain"]
    lex.LIGHT_VERB_CUES["made"].add("known")
    assert lemmas("Lind made known that the pier would close.\n") == ["make known"]


def test_an_added_role_lets_a_role_noun_find_its_holder(restore_lexicon: None) -> None:
    text = HEAD + ("Wharfinger Mila Arden met the crews on Monday. “The cranes are safe,” "
                   "the wharfinger said.\n")
    before = extract(text)[0].speaker_name
    titles.ROLES.add("wharfinger")
    after = extract(text)[0].speaker_name
    assert before != "Mila Arden" and after == "Mila Arden"


# ---------------------------------------------------------------- lexicon.mentions

@pytest.fixture
def restore_mention_words() -> Iterator[None]:
    from quoteattr.lexicon import mentions as words

    saved = {name: type(value)(value) for name, value in vars(words).items()
             if name.isupper() and isinstance(value, (set, dict))}
    yield
    for name, value in saved.items():
        table = getattr(words, name)
        table.clear()
        table.update(value)


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_name for q in extract(HEAD + text)]


def test_an_added_function_word_no_longer_opens_a_name(restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "Howbeit Mila Arden said the fees would rise.\n"
    assert _speakers(text) == ["Howbeit Mila Arden"]
    words.FUNCTION_CAPS.add("howbeit")
    assert _speakers(text) == ["Mila Arden"]


def test_an_added_determiner_opens_a_speaker_phrase(restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "“The fees will rise,” said any spokeswoman.\n"
    assert _speakers(text) == [None]
    words.DETERMINERS.add("any")
    assert _speakers(text) == ["any spokeswoman"]


def test_an_added_organization_link_joins_an_organisation_name(
        restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "The Kesterwick Council on Harbours said the fees would rise.\n"
    assert _speakers(text) == ["Harbours"]
    words.CONNECTORS.add("on")
    words.ORGANIZATION_LINKS.add("on")
    (q,) = extract(HEAD + text)
    assert (q.speaker_name, q.speaker and q.speaker.type.value) == (
        "Kesterwick Council on Harbours", "organization")


def test_an_added_weekday_is_no_surname(restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "Mila Hogmanay said the fees would rise.\n"
    words.TIME_WORDS.add("hogmanay")
    assert _speakers(text) == ["Mila Hogmanay"]  # a month-like time word may be a surname
    words.TIME_WEEKDAYS.add("hogmanay")
    assert _speakers(text) == ["Mila"]


def test_an_added_leading_adverb_is_left_out_of_a_description(
        restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "Lately experts on coastal law said the fees would rise.\n"
    assert _speakers(text) == ["Lately experts on coastal law"]
    words.LEADING_ADVERBS.add("lately")
    assert _speakers(text) == ["experts on coastal law"]


def test_an_added_gendered_ending_gives_an_age_description_its_gender(
        restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = ("Ms. Mila Arden toured the pier. Mr. Teo Lind spoke next. “It is safe,” the "
            "54-year-old landlady said.\n")
    assert _speakers(text) == ["Teo Lind"]
    words.GENDERED_ENDINGS["lady"] = "f"
    assert _speakers(text) == ["Mila Arden"]
