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
