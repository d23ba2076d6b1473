"""Extending the lexicon takes effect: added words reach every stage that reads them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers import by_text

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


@pytest.fixture
def restore_title_words() -> Iterator[None]:
    saved = {name: set(getattr(titles, name)) for name in (
        "HEAD_OF_STATE", "TITLE_DETERMINERS", "PAST_ROLE_MODIFIERS")}
    yield
    for name, words in saved.items():
        getattr(titles, name).clear()
        getattr(titles, name).update(words)


def test_an_added_head_of_state_is_found_as_the_leader(restore_title_words: None) -> None:
    text = HEAD + ("Governor Mila Arden opened the pier on Monday.\n\nMayor Teo Lind said the "
                   "crews were ready.\n\n“The cranes are safe,” the leader said.\n")
    assert by_text(text, "cranes").speaker_name == "the leader"
    titles.HEAD_OF_STATE.add("governor")
    q = by_text(text, "cranes")
    assert (q.speaker_name, q.provenance.attributor) == ("Mila Arden", "role-noun")


def test_an_added_title_determiner_lets_an_unnamed_title_find_its_holder(
        restore_title_words: None) -> None:
    text = HEAD + ("The call lasted two hours, according to some Harbour Board aide.\n\n"
                   "The ferry will sail in May, Harbour Board aide Teo Lind said.\n")
    assert by_text(text, "call lasted").speaker_name == "some Harbour Board aide"
    titles.TITLE_DETERMINERS.add("some")
    q = by_text(text, "call lasted")
    assert (q.speaker_name, q.provenance.attributor) == ("Teo Lind", "unique-title")


def test_an_added_past_role_modifier_lets_the_role_follow_the_last_speaker(
        restore_title_words: None) -> None:
    text = HEAD + ("Mila Arden opened the pier. Port director Teo Lind said the crews were "
                   "ready. The shifts will start in May, the onetime ambassador added.\n")
    assert by_text(text, "shifts").speaker_name == "the onetime ambassador"
    titles.PAST_ROLE_MODIFIERS.add("onetime")
    q = by_text(text, "shifts")
    assert (q.speaker_name, q.provenance.attributor) == ("Teo Lind", "last-speaker-role")
