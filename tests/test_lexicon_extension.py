"""Extending the lexicon takes effect: added words reach every stage that reads them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers import by_text

from quoteattr import extract, lexicon
from quoteattr.lexicon import cues as lex
from quoteattr.lexicon import titles
from quoteattr.pipeline import _paragraphs

HEAD = "Harbour Works Resume\n\n"


@pytest.fixture
def restore_lexicon() -> Iterator[None]:
    saved = {name: set(getattr(lex, name)) for name in (
        "DESCRIPTION_VERBS", "REGULAR_VERBS")}
    honorifics = dict(titles.HONORIFICS)
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
    titles.HONORIFICS.clear()
    titles.HONORIFICS.update(honorifics)
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


# ---- lexicon.extend (per process) and lexicon.extended (per call) --------------------------

def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_name) for q in extract(HEAD + text)]


def test_a_cue_verb_added_for_one_call_finds_reported_speech_only_inside_the_block() -> None:
    text = "Mila Arden grumbled that the pier would stay closed until May.\n"
    assert _speakers(text) == []
    with lexicon.extended({"cues.REGULAR_VERBS": {"  Grumble "}}):  # normalised on insertion
        assert _speakers(text) == [("the pier would stay closed until May", "Mila Arden")]
    assert _speakers(text) == []
    assert "grumble" not in lex.REGULAR_VERBS and lex.lemma_of("grumbled") is None


def test_an_added_title_is_no_part_of_the_speakers_name() -> None:
    text = "“The cranes are safe,” said Bosun Mila Arden.\n"
    assert _speakers(text) == [("The cranes are safe,", "Bosun Mila Arden")]
    with lexicon.extended({"titles.HONORIFICS": {"Bosun": None}}):
        assert _speakers(text) == [("The cranes are safe,", "Mila Arden")]
    assert "bosun" not in titles.HONORIFICS


def test_a_role_added_for_one_call_lets_a_role_noun_find_its_holder() -> None:
    text = ("Wharfinger Mila Arden met the crews on Monday. “The cranes are safe,” "
            "the wharfinger said.\n")
    before = extract(HEAD + text)[0].speaker_name
    with lexicon.extended({"titles.ROLES": {"WHARFINGER"}}):
        inside = extract(HEAD + text)[0].speaker_name
    assert before != "Mila Arden" and inside == "Mila Arden"
    assert extract(HEAD + text)[0].speaker_name == before


def test_a_description_verb_added_for_one_call_reaches_reported_speech() -> None:
    text = "Haddad branded the plan as “a waste of harbour money.”\n"
    assert extract(HEAD + text) == []
    with lexicon.extended({"cues.DESCRIPTION_VERBS": {"brand"}}):
        (q,) = extract(HEAD + text)
    assert (q.provenance.detector, q.speaker_name) == ("description-object", "Haddad")


def test_an_added_affiliation_word_gives_the_name_before_it_the_cue() -> None:
    text = "Ana Ruiz with the harbour board said the pier would reopen in May.\n"
    assert _speakers(text) == [("the pier would reopen in May", "the harbour board")]
    with lexicon.extended({"grammar.AFFILIATION_LINKS": {"with"}}):
        assert _speakers(text) == [("the pier would reopen in May", "Ana Ruiz")]


def test_an_added_time_noun_keeps_a_call_from_being_a_description() -> None:
    text = "Ruiz called him a fortnight ago about the pier.\n"
    assert _speakers(text) == [("him a fortnight ago about the pier", "Ruiz")]
    with lexicon.extended({"grammar.TIME_NOUNS": {"fortnight"}}):
        assert _speakers(text) == []


def test_a_light_verb_cue_added_for_one_call_gets_its_own_lemma() -> None:
    def lemmas(text: str) -> list[str]:
        return [c.lemma for p in _paragraphs(HEAD + text) for c in p.cues]

    text = "Lind made known that the pier would close.\n"
    with lexicon.extended({"cues.LIGHT_VERB_CUES": {"made": {"Known"}, "makes": {"known"}}}):
        assert lemmas(text) == ["make known"]
    assert "known" not in lex.LIGHT_VERB_CUES["made"]


def test_nested_blocks_keep_a_word_until_the_last_one_that_added_it_ends() -> None:
    with lexicon.extended({"titles.ROLES": {"wharfinger"}}):
        with lexicon.extended({"titles.ROLES": {"wharfinger", "bosun"}}):
            assert {"wharfinger", "bosun"} <= titles.ROLES
        assert "wharfinger" in titles.ROLES and "bosun" not in titles.ROLES
    assert "wharfinger" not in titles.ROLES


def test_extend_adds_for_the_process_normalised(restore_lexicon: None) -> None:
    text = ("Wharfinger Mila Arden met the crews on Monday. “The cranes are safe,” "
            "the wharfinger said.\n")
    lexicon.extend({"titles.ROLES": {"  Wharfinger  "}})
    assert "wharfinger" in titles.ROLES and "  Wharfinger  " not in titles.ROLES
    assert extract(HEAD + text)[0].speaker_name == "Mila Arden"


def test_extend_inside_a_block_outlasts_the_block(restore_lexicon: None) -> None:
    with lexicon.extended({"titles.ROLES": {"wharfinger"}}):
        lexicon.extend({"titles.ROLES": {"wharfinger"}})
    assert "wharfinger" in titles.ROLES


WHARFINGER = ("Wharfinger Mila Arden met the crews on Monday. “The cranes are safe,” "
              "the wharfinger said.\n")


def test_a_role_extended_after_a_call_takes_effect_though_the_word_was_seen(
        restore_lexicon: None) -> None:
    before = extract(HEAD + WHARFINGER)[0].speaker_name  # ``Wharfinger`` read as a name word
    lexicon.extend({"titles.ROLES": {"wharfinger"}})
    assert before != "Mila Arden"
    assert extract(HEAD + WHARFINGER)[0].speaker_name == "Mila Arden"


def test_a_role_added_for_one_call_does_not_leak_into_the_next_of_the_same_lexicon_size(
        restore_lexicon: None) -> None:
    before = extract(HEAD + WHARFINGER)[0].speaker_name
    with lexicon.extended({"titles.ROLES": {"wharfinger"}}):
        assert extract(HEAD + WHARFINGER)[0].speaker_name == "Mila Arden"
    lexicon.extend({"titles.ROLES": {"bosun"}})  # the list has the size it had in the block
    assert extract(HEAD + WHARFINGER)[0].speaker_name == before


def test_the_lexicon_version_changes_with_every_extension() -> None:
    start = lexicon.version()
    with lexicon.extended({"titles.ROLES": {"wharfinger"}}):
        inside = lexicon.version()
    assert len({start, inside, lexicon.version()}) == 3


def test_a_bad_addition_names_the_problem_and_adds_nothing() -> None:
    with pytest.raises(KeyError, match="titles.ROLES"):
        lexicon.extend({"titles.ROLE": {"bosun"}})
    with pytest.raises(TypeError, match="collection"):
        lexicon.extend({"titles.ROLES": "bosun"})
    with pytest.raises(TypeError, match="table"):
        lexicon.extend({"titles.HONORIFICS": {"bosun"}})
    with pytest.raises(KeyError):
        lexicon.extend({"cues.REGULAR_VERBS": {"grumble"}, "grammar.NOPE": {"x"}})
    assert "grumble" not in lex.REGULAR_VERBS


def test_every_list_a_stage_reads_is_one_extend_takes() -> None:
    listed = set(lexicon.names())
    assert {"grammar.PREPOSITIONS", "content.NARRATION_BREAKERS", "quoting.WORK_NOUNS",
            "pages.FURNITURE_CLASS_WORDS", "titles.ROLES", "cues.LIGHT_VERB_CUES"} <= listed
    assert lexicon.normal("  Harbour   Master ") == "harbour master"


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


def _speaker_names(text: str) -> list[str | None]:
    return [q.speaker_name for q in extract(HEAD + text)]


def test_an_added_function_word_no_longer_opens_a_name(restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "Howbeit Mila Arden said the fees would rise.\n"
    assert _speaker_names(text) == ["Howbeit Mila Arden"]
    words.FUNCTION_CAPS.add("howbeit")
    assert _speaker_names(text) == ["Mila Arden"]


def test_an_added_determiner_opens_a_speaker_phrase(restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "“The fees will rise,” said any spokeswoman.\n"
    assert _speaker_names(text) == [None]
    words.DETERMINERS.add("any")
    assert _speaker_names(text) == ["any spokeswoman"]


def test_an_added_organization_link_joins_an_organisation_name(
        restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "The Kesterwick Council on Harbours said the fees would rise.\n"
    assert _speaker_names(text) == ["Harbours"]
    words.CONNECTORS.add("on")
    words.ORGANIZATION_LINKS.add("on")
    (q,) = extract(HEAD + text)
    assert (q.speaker_name, q.speaker and q.speaker.type.value) == (
        "Kesterwick Council on Harbours", "organization")


def test_an_added_weekday_is_no_surname(restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "Mila Hogmanay said the fees would rise.\n"
    words.TIME_WORDS.add("hogmanay")
    assert _speaker_names(text) == ["Mila Hogmanay"]  # a month-like time word may be a surname
    words.TIME_WEEKDAYS.add("hogmanay")
    assert _speaker_names(text) == ["Mila"]


def test_an_added_leading_adverb_is_left_out_of_a_description(
        restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = "Lately experts on coastal law said the fees would rise.\n"
    assert _speaker_names(text) == ["Lately experts on coastal law"]
    words.LEADING_ADVERBS.add("lately")
    assert _speaker_names(text) == ["experts on coastal law"]


def test_an_added_gendered_ending_gives_an_age_description_its_gender(
        restore_mention_words: None) -> None:
    from quoteattr.lexicon import mentions as words

    text = ("Ms. Mila Arden toured the pier. Mr. Teo Lind spoke next. “It is safe,” the "
            "54-year-old landlady said.\n")
    assert _speaker_names(text) == ["Teo Lind"]
    words.GENDERED_ENDINGS["lady"] = "f"
    assert _speaker_names(text) == ["Mila Arden"]


def _typed(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker_name, q.speaker.type.value if q.speaker else None)
            for q in extract(HEAD + text)]


def test_an_added_maker_noun_makes_the_quotation_after_it_a_works_name() -> None:
    text = ("“It was a hard year,” said Ada Roe, the biographer of “Tides of Brass,” a history "
            "of the port.\n")
    assert "Tides of Brass," in [q.text for q in extract(HEAD + text)]
    with lexicon.extended({"naming.MAKER_NOUNS": {"biographer"}}):
        assert [q.text for q in extract(HEAD + text)] == ["It was a hard year,"]
    assert "biographer" not in lexicon.naming.MAKER_NOUNS


def test_an_added_company_only_possession_types_the_name_an_organisation() -> None:
    text = "Quillfire's auditors met on Monday. Quillfire said the plant would close.\n"
    assert _typed(text) == [("the plant would close", "Quillfire", "person")]
    with lexicon.extended({"naming.COMPANY_ONLY_POSSESSIONS": {"auditors"}}):
        assert _typed(text) == [("the plant would close", "Quillfire", "organization")]


def test_an_added_company_possession_makes_a_neuter_name_an_organisation() -> None:
    text = "Quillfire's dividend fell on Monday. Quillfire said the plant would close.\n"
    assert _typed(text) == [("the plant would close", "Quillfire", "person")]
    with lexicon.extended({"naming.COMPANY_POSSESSIONS": {"dividend"}}):
        assert _typed(text) == [("the plant would close", "Quillfire", "organization")]


def test_an_added_publishing_verb_makes_the_definite_name_an_outlet() -> None:
    text = "the Quillfire disclosed the plant would close.\n"
    assert _typed(text) == [("the plant would close", "Quillfire", "person")]
    with lexicon.extended({"naming.PUBLISHING_VERBS": {"disclosed"}}):
        assert _typed(text) == [("the plant would close", "Quillfire", "organization")]


def test_an_added_read_particle_lets_the_reading_lead_in_give_its_paragraphs_a_reader() -> None:
    text = ("Ruiz read slowly from a letter she wrote.\n\n“We will rebuild the pier.”\n\n"
            "“It will take a year.”\n")
    assert {q.speaker_name for q in extract(HEAD + text)} == {None}
    with lexicon.extended({"statements.READ_PARTICLES": {"slowly"}}):
        assert {q.speaker_name for q in extract(HEAD + text)} == {"Ruiz"}


def test_the_naming_and_statement_lists_are_ones_extend_takes() -> None:
    assert {"naming.MAKER_NOUNS", "naming.COMPANY_ONLY_POSSESSIONS", "naming.FRONTED_OPENERS",
            "statements.READ_PARTICLES", "statements.BEAT_PRONOUNS"} <= set(lexicon.names())


def test_an_introducing_phrasal_verb_added_for_one_call_is_a_cue_only_inside_the_block() -> None:
    text = HEAD + ("Mila Arden toured the pier on Monday. “The cranes are safe,” she said. "
                   "“The crews will return in May,” Arden pressed on.\n")

    def cue_rule() -> str:
        return by_text(text, "crews will").provenance.trail[1].rule

    before = cue_rule()
    with lexicon.extended({"cues.INTRODUCING_PHRASAL": {
            "press on": ("on", ("press", "presses", "pressed"))}}):
        inside = cue_rule()
    assert (before, inside, cue_rule()) == ("cue-verb", "introducing-phrasal", "cue-verb")
