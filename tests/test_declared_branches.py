"""Decisions that were unnamed branches are registered rules now (issue #15): each is switched
off by name, and switching it off changes what it decided and nothing else."""

from __future__ import annotations

from quoteattr import Quote, extract, rules

TITLE = "Harbour Works Resume\n\n"
RUIZ = "Harbour chief Ana Ruiz"


def _quotes(text: str, off: frozenset[str] = frozenset()) -> list[Quote]:
    return extract(TITLE + text, disabled_rules=off)


def _texts(text: str, off: frozenset[str] = frozenset()) -> list[str]:
    return [q.text for q in _quotes(text, off)]


def _speaker_of(text: str, word: str, off: frozenset[str] = frozenset()) -> str | None:
    found = [q for q in _quotes(text, off) if word in q.text]
    assert found, f"no quote holds {word!r}"
    return found[0].speaker_name


def test_the_former_unnamed_branches_are_registered_in_their_sieves() -> None:
    sieves = {
        "short-content": "detector-veto", "non-clause-opener": "detector-veto",
        "listener-object": "detector-veto", "directive-only": "detector-veto",
        "quoted-sentence-start": "content-shape", "trailing-punctuation": "content-shape",
        "recent-speaker": "coreference", "recent-person": "coreference",
        "leader-head-of-state": "coreference", "former-role": "coreference",
        "most-mentioned-holder": "coreference",
        "outer-cue-contrast": "attribution-context", "report-not-outer": "attribution-context",
        "nickname-in-sentence": "attribution-context", "possessor-lead-in": "direct-quote",
        "following-lead-in": "direct-quote", "listener-in-cue": "cue-shape",
        "cue-adjuncts": "cue-shape", "affiliated-relative-head": "subject-phrase",
    }
    for name, sieve in sieves.items():
        assert rules.rule(name).sieve == sieve


def test_a_content_shorter_than_three_words_is_reported_only_without_short_content() -> None:
    text = f"{RUIZ} said it again. {RUIZ} cited costs."
    assert _texts(text) == []
    assert _texts(text, frozenset({"short-content"})) == ["it again", "costs"]


def test_a_preposition_after_the_cue_opens_no_content_unless_non_clause_opener_is_off() -> None:
    text = f"{RUIZ} wrote about the new pier in a long column."
    assert _texts(text) == []
    assert _texts(text, frozenset({"non-clause-opener"})) == ["about the new pier"]


def test_the_object_of_urged_is_its_listener_unless_listener_object_is_off() -> None:
    text = f"{RUIZ} urged the dock crews gathered outside."
    assert _texts(text) == []
    assert _texts(text, frozenset({"listener-object"})) == ["the dock crews gathered outside"]


def test_called_on_without_an_infinitive_is_no_report_unless_directive_only_is_off() -> None:
    visit = f"{RUIZ} called on the harbour council in May."
    assert _texts(visit) == []
    assert _texts(visit, frozenset({"directive-only"})) == ["the harbour council"]
    order = f"{RUIZ} called on the harbour council to cut the fares."
    assert _texts(order) == _texts(order, frozenset({"directive-only"}))


def test_a_content_before_its_cue_starts_after_a_quotation_closing_its_sentence() -> None:
    text = f"“The pier is shut.” The levy favours the shippers, {RUIZ.lower()} said."
    on = [q for q in _quotes(text) if "levy" in q.text]
    assert [q.text for q in on] == ["The levy favours the shippers"]
    off = [q.text for q in _quotes(text, frozenset({"quoted-sentence-start"}))
           if "levy" in q.text]
    assert off == ["“The pier is shut.” The levy favours the shippers"]


def test_trailing_punctuation_is_trimmed_from_a_content_but_not_from_a_quotation() -> None:
    text = f"{RUIZ} said the ferry would leave at 9 a.m."
    assert _texts(text) == ["the ferry would leave at 9 a.m"]
    assert _texts(text, frozenset({"trailing-punctuation"})) == [
        "the ferry would leave at 9 a.m."]
    quoted = f"{RUIZ} said the crews wanted “a fair deal.”"
    assert _texts(quoted) == _texts(quoted, frozenset({"trailing-punctuation"}))


def test_a_pronoun_goes_back_to_the_last_speaker_before_the_main_subject() -> None:
    text = ("Ms. Dana Voss runs the port. Voss built the pier. Mila Arden said the pier would "
            "close. “It will stay shut,” she said.")
    assert _speaker_of(text, "stay shut") == "Mila Arden"
    assert _speaker_of(text, "stay shut", frozenset({"recent-speaker"})) == "Dana Voss"


def test_a_pronoun_with_no_speaker_before_it_goes_back_to_the_person_mentioned_last() -> None:
    text = "The board thanked Mila Arden for her work. “It will stay shut,” she said."
    assert _speaker_of(text, "stay shut") == "Mila Arden"
    assert _speaker_of(text, "stay shut", frozenset({"recent-person"})) != "Mila Arden"


def test_the_leader_is_a_president_unless_leader_head_of_state_is_off() -> None:
    text = ("President Mila Arden toured the pier. Arden met the crews. “It will hold,” the "
            "leader said.")
    assert _speaker_of(text, "hold") == "Mila Arden"
    assert _speaker_of(text, "hold", frozenset({"leader-head-of-state"})) == "the leader"


def test_a_former_role_may_be_the_last_speaker_with_other_roles() -> None:
    text = ("Port lawyer Mila Arden said the pier was unsafe. “It will not hold,” the former "
            "ambassador said.")
    assert _speaker_of(text, "not hold") == "Mila Arden"
    assert _speaker_of(text, "not hold", frozenset({"former-role"})) == "the former ambassador"


def test_the_one_holder_of_a_role_speaks_though_someone_else_is_the_main_subject() -> None:
    text = ("Harbour minister Teo Lind opened the pier. Mila Arden toured it. Arden met the "
            "crews. Arden left early. “It will hold,” the minister said.")
    assert _speaker_of(text, "hold") == "Teo Lind"
    assert _speaker_of(text, "hold", frozenset({"most-mentioned-holder"})) == "the minister"


def test_a_contrast_keeps_the_outer_cue_from_taking_the_quotation() -> None:
    text = ("Ana Ruiz said the pier was safe, but Teo Lind told the crews: “The pier will "
            "close in May and the ferries will stop.”")
    assert _speaker_of(text, "ferries will stop") == "Teo Lind"
    assert _speaker_of(text, "ferries will stop", frozenset({"outer-cue-contrast"})) == (
        "Ana Ruiz")


def test_a_publication_that_reported_is_not_the_speaker_of_the_quotation() -> None:
    text = ("The Harbour Gazette reported Teo Lind told the crews: “The pier will close in "
            "May and the ferries will stop.”")
    assert _speaker_of(text, "ferries will stop") == "Teo Lind"
    assert _speaker_of(text, "ferries will stop", frozenset({"report-not-outer"})) == (
        "Harbour Gazette")


def test_a_quoted_nickname_after_a_quotation_leaves_the_cue_in_its_sentence() -> None:
    text = "“The pier will close in May,” harbour master Teo “Bull” Lind said on Monday."
    assert _speaker_of(text, "close in May") == "Teo “Bull” Lind"
    assert _speaker_of(text, "close in May", frozenset({"nickname-in-sentence"})) is None


def test_a_possessor_or_following_lead_in_names_the_statement_author() -> None:
    opening = "Harbour chief Ana Ruiz spoke on Monday. Teo Lind spoke too.\n\n"
    body = "\n\nWe have worked hard this year and the pier will reopen."
    possessor = opening + "Ruiz's full statement:" + body
    trail = [s.rule for q in _quotes(possessor) if "worked hard" in q.text
             for s in q.provenance.trail]
    off = [s.rule for q in _quotes(possessor, frozenset({"possessor-lead-in"}))
           if "worked hard" in q.text for s in q.provenance.trail]
    assert trail == ["lead-in", "lead-in"] and off == ["statement-lead-in", "lead-in"]
    following = opening + "Ruiz made the following comment:" + body
    assert _speaker_of(following, "worked hard") == "Ana Ruiz"
    assert not [q for q in _quotes(following, frozenset({"following-lead-in"}))
                if "worked hard" in q.text]


def test_the_listener_of_told_is_part_of_the_cue_not_of_the_content() -> None:
    text = "Mila Arden told reporters the pier would close in May."
    assert _texts(text) == ["the pier would close in May"]
    assert _texts(text, frozenset({"listener-in-cue"})) == [
        "reporters the pier would close in May"]


def test_adjuncts_after_the_cue_belong_to_it() -> None:
    text = "Mila Arden said on Monday that the pier would close."
    assert _texts(text) == ["the pier would close"]
    assert _texts(text, frozenset({"cue-adjuncts"})) == []


def test_the_name_before_of_its_group_heads_a_relative_clause_subject() -> None:
    text = "Teo Lind of the Harbour Club, who lost the vote, conceded the pier would close."
    subject = [s.rule for q in _quotes(text) for s in q.provenance.trail if s.sieve == "subject"]
    off = [s.rule for q in _quotes(text, frozenset({"affiliated-relative-head"}))
           for s in q.provenance.trail if s.sieve == "subject"]
    assert subject == ["subject-apposition"] and off == ["clause-opening-name"]
    assert _speaker_of(text, "pier") == "Teo Lind"
