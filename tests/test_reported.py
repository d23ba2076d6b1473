"""Reported speech (quoteattr/reported.py): indirect and mixed quotes, and what is not speech."""

import pytest
from helpers import by_text, quotes, texts

from quoteattr import QuoteKind, SpeakerType, extract, reported

TITLE = "Harbour talks resume\n\n"


def test_said_that_content() -> None:
    q = by_text(TITLE + "Ana Ruiz said on Monday that the port would reopen in May.", "port")
    assert q.kind is QuoteKind.INDIRECT
    assert q.text == "the port would reopen in May"
    assert q.speaker_name == "Ana Ruiz"


@pytest.mark.parametrize("mark", ["’", "'"])
def test_demonstrative_that_opens_the_content(mark: str) -> None:
    q = by_text(TITLE + f"Shaw said that{mark}s what the board had promised in May.", "board")
    assert q.text == f"that{mark}s what the board had promised in May"
    assert q.speaker_name == "Shaw"


def test_complementizer_that_is_not_content_before_a_possessive_name() -> None:
    q = by_text(TITLE + "Shaw said that Ruiz’s plan would fail.", "plan")
    assert q.text == "Ruiz’s plan would fail"


@pytest.mark.parametrize(("sentence", "content"), [
    ("Arden said the 2019 plan, which the board approved in May, had failed.",
     "the 2019 plan, which the board approved in May, had failed"),
    ("Arden said the captain, who has sailed for twenty years, was tired of the levy.",
     "the captain, who has sailed for twenty years, was tired of the levy"),
])
def test_relative_aside_inside_the_content_keeps_the_content_going(sentence: str,
                                                                   content: str) -> None:
    assert by_text(TITLE + sentence, content.split()[1]).text == content


def test_relative_clause_without_a_verb_after_it_ends_no_content_early() -> None:
    q = by_text(TITLE + "Arden said the levy would fall on Lind, who runs the ferry.", "levy")
    assert q.text == "the levy would fall on Lind, who runs the ferry"


def test_said_without_that() -> None:
    q = by_text(TITLE + "Ruiz said the port would reopen in May.", "port")
    assert q.text == "the port would reopen in May"


def test_told_reporters_with_adjunct() -> None:
    text = TITLE + "Ruiz told reporters during a visit to the quay that the cranes were fixed."
    assert by_text(text, "cranes").text == "the cranes were fixed"


def test_content_then_cue() -> None:
    q = by_text(TITLE + "The cranes were repaired last week, Ruiz said.", "cranes")
    assert q.text == "The cranes were repaired last week"
    assert q.provenance.detector == "content-then-cue"


def test_according_to_after_content() -> None:
    q = by_text(TITLE + "The ferry was full, according to two port officials.", "ferry")
    assert q.speaker_name == "two port officials"


def test_according_to_first() -> None:
    q = by_text(TITLE + "According to the harbour authority, the ferry was full.", "ferry")
    assert q.text == "the ferry was full"


def test_has_made_clear() -> None:
    q = by_text(TITLE + "Ruiz has made clear that the port will stay public.", "public")
    assert q.text == "the port will stay public"


def test_content_stops_where_narration_resumes() -> None:
    q = by_text(TITLE + "Ruiz said the port would reopen, but no date has been set.", "port")
    assert q.text == "the port would reopen"


def test_mixed_quote_keeps_fragment_inside() -> None:
    text = TITLE + "Ruiz said she believed “great progress was made” with the unions."
    found = quotes(text)
    assert len(found) == 1
    assert found[0].kind is QuoteKind.MIXED
    assert found[0].text == "she believed “great progress was made” with the unions"


def test_subject_and_quoted_predicate_after_cue_are_mixed() -> None:
    text = TITLE + "The advert says Lind “has a passion for defending the indefensible.”"
    found = quotes(text)
    assert [(q.kind, q.text) for q in found] == [
        (QuoteKind.MIXED, "Lind “has a passion for defending the indefensible.”")]


def test_subject_and_quoted_predicate_before_cue_are_mixed() -> None:
    text = TITLE + "Okafor “got a sweetheart deal on the pier,” Ruiz said."
    q = by_text(text, "Okafor")
    assert q.kind is QuoteKind.MIXED
    assert q.text == "Okafor “got a sweetheart deal on the pier,”"
    assert q.speaker_name == "Ruiz"


def test_that_before_a_quotation_leaves_it_direct() -> None:
    found = quotes(TITLE + "Ruiz said that “we will rebuild the pier by spring.”")
    assert [(q.kind, q.text) for q in found] == [
        (QuoteKind.DIRECT, "we will rebuild the pier by spring.")]


def test_one_word_object_of_a_labelling_verb_is_mixed_content() -> None:
    found = quotes(TITLE + "Ruiz called it “a brazen breach of the harbour rules.”")
    assert [(q.kind, q.text) for q in found] == [
        (QuoteKind.MIXED, "it “a brazen breach of the harbour rules.”")]


def test_describing_participle_leaves_the_fragment_direct() -> None:
    found = quotes(TITLE + "Ruiz spoke on Monday, describing the talks as “frank and long.”")
    assert [(q.kind, q.text) for q in found] == [(QuoteKind.DIRECT, "frank and long.")]


def test_mixed_confidence_lower_than_direct() -> None:
    text = (TITLE + "“We are close,” Ruiz said.\n\n"
            "Ruiz said she believed “great progress was made” with the unions.")
    assert by_text(text, "progress").confidence < by_text(text, "close").confidence


def test_experts_say() -> None:
    q = by_text(TITLE + "Experts say the new cranes are unlikely to speed up loading.", "cranes")
    assert q.speaker_name == "Experts"


def test_listener_and_infinitive_after_urged_is_a_directive() -> None:
    [q] = quotes(TITLE + "Ruiz urged the unions to return to the table.")
    assert q.text == "the unions to return to the table"
    assert q.provenance.detector == "directive"
    assert q.speaker_name == "Ruiz"


def test_directive_after_a_listener_in_the_cue_is_the_infinitive() -> None:
    [q] = quotes(TITLE + "Ruiz told reporters to expect a vote before the holidays.")
    assert q.cue is not None and q.cue.text == "told reporters"
    assert q.text == "to expect a vote before the holidays"


def test_called_on_with_infinitive_is_a_directive() -> None:
    [q] = quotes(TITLE + "Lind called on the harbour board to resign.")
    assert q.text == "the harbour board to resign"


def test_called_on_without_infinitive_is_a_visit() -> None:
    assert quotes(TITLE + "Lind called on the harbour board members at their homes.") == []


def test_passive_directive_is_not_speech() -> None:
    assert quotes(TITLE + "Ruiz was told to leave the harbour office.") == []


def test_question_word_after_listener_is_no_directive() -> None:
    assert quotes(TITLE + "The pamphlets tell voters how to fill in the ballot.") == []


def test_directives_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reported, "DIRECTIVE_CONTENT", False)
    assert quotes(TITLE + "Ruiz urged the unions to return to the table.") == []


def test_infinitive_is_not_absorbed_into_the_cue_as_a_place() -> None:
    [q] = quotes(TITLE + "Ruiz urged the council to reopen the pier before winter.")
    # rule directive-listener: the listener leaves the cue for the content
    assert q.cue is not None and q.cue.text == "urged"
    assert q.text == "the council to reopen the pier before winter"


def test_coordinated_cue_after_an_adverb_ends_the_content() -> None:
    text = TITLE + "Ruiz urged the crews to slow down and repeatedly warned that the quay was icy."
    assert [q.text for q in quotes(text)] == ["the crews to slow down", "the quay was icy"]


def test_announced_noun_object_is_a_low_confidence_indirect_quote() -> None:
    [q] = quotes(TITLE + "Ruiz announced the new schedule in a post on Monday.")
    assert (q.text, q.kind, q.provenance.detector) == (
        "the new schedule", QuoteKind.INDIRECT, "cue-then-object")
    [clause] = quotes(TITLE + "Ruiz announced that the new schedule starts on Monday.")
    assert q.confidence < clause.confidence


def test_noun_object_stops_before_time_adjunct() -> None:
    [q] = quotes(TITLE + "The council confirmed the closure of the pier on Friday after a vote.")
    assert q.text == "the closure of the pier"


def test_noun_object_content_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reported, "NOUN_PHRASE_CONTENT", False)
    assert quotes(TITLE + "Ruiz announced the new schedule in a post on Monday.") == []


def test_listener_object_is_not_content() -> None:
    assert quotes(TITLE + "Ruiz warned the ferry operators on Monday.") == []


def test_pledge_with_infinitive_is_indirect() -> None:
    [q] = quotes(TITLE + "The governor pledged to rebuild the harbour wall before winter.")
    assert q.text == "to rebuild the harbour wall before winter"


def test_beliefs_are_not_speech() -> None:
    assert quotes(TITLE + "Ruiz thinks the port will reopen in May.") == []


def test_headline_speech_only_on_request() -> None:
    text = "Ruiz says the port will reopen in May\n\nThe port has been shut since March."
    assert quotes(text) == []
    assert [q.text for q in quotes(text, include_headlines=True)] == [
        "the port will reopen in May"]


def test_kinds_filter() -> None:
    text = TITLE + "“We are close,” Ruiz said. Ruiz said the port would reopen in May."
    assert {q.kind for q in quotes(text, kinds=["direct"])} == {QuoteKind.DIRECT}


def test_content_resumes_after_an_aside() -> None:
    text = TITLE + "The new offer, Ruiz said on Monday, is the best the unions will get."
    found = quotes(text)
    assert [q.text for q in found] == ["The new offer", "is the best the unions will get"]
    assert found[1].provenance.detector == "after-aside"
    assert {q.speaker_name for q in found} == {"Ruiz"}


def test_one_word_lead_before_an_aside_is_content() -> None:
    text = TITLE + "Ferries, Ruiz said, would run again by the end of May."
    assert [q.text for q in quotes(text)] == ["Ferries", "would run again by the end of May"]


def test_adverbial_lead_before_an_aside_is_content() -> None:
    text = TITLE + "Too often, Ruiz said, the harbour debate turns into a shouting match."
    assert [q.text for q in quotes(text)][0] == "Too often"


def test_short_lead_without_an_aside_is_not_content() -> None:
    assert quotes(TITLE + "Not yet, Ruiz said.") == []


def test_verbless_lead_before_aside_and_quotation_is_framing() -> None:
    text = TITLE + "As for the ferry timetable, Ruiz said, “Nobody reads it.”"
    assert [q.text for q in quotes(text)] == ["Nobody reads it."]


def test_clause_before_aside_and_quotation_is_content() -> None:
    text = TITLE + "The crowd was small, Ruiz said, and “nobody cheered.”"
    assert [q.text for q in quotes(text)][0] == "The crowd was small"


def test_participle_after_cue_is_not_a_second_fragment() -> None:
    text = TITLE + "The port reopened on time, Ruiz said, describing the mood as calm."
    assert [q.text for q in quotes(text)] == ["The port reopened on time"]


def test_description_with_object_is_mixed() -> None:
    found = quotes(TITLE + "Ruiz described the plan as a “disgrace” on Monday.")
    assert [(q.kind, q.text) for q in found] == [(QuoteKind.MIXED, "the plan as a “disgrace”")]


def test_description_without_object_stays_a_direct_fragment() -> None:
    found = quotes(TITLE + "It was a call Ruiz described as “very productive.”")
    assert [(q.kind, q.text) for q in found] == [(QuoteKind.DIRECT, "very productive.")]


# -- subjects the chunker cannot name ------------------------------------------------------


def test_subject_with_lower_case_post_modifier_is_a_description() -> None:
    q = by_text(TITLE + "Experts on harbour engineering and coastal law said the new wall "
                "could fail within a decade.", "wall")
    assert q.speaker_name == "Experts on harbour engineering and coastal law"
    assert q.speaker is not None and q.speaker.type.value == "anonymous"
    assert q.provenance.attributor == "described-source"


def test_leading_adverb_is_not_part_of_a_description() -> None:
    q = by_text(TITLE + "Perhaps the ferry passengers will demand that the fares be cut.",
                "fares")
    assert q.speaker_name == "the ferry passengers"


def test_coordinated_cue_shares_the_sentence_subject() -> None:
    q = by_text(TITLE + "Ruiz toured the flooded pier on Monday and said the repairs would "
                "take a year.", "repairs")
    assert q.speaker_name == "Ruiz"


def test_relative_clause_cue_takes_the_antecedent() -> None:
    q = by_text(TITLE + "The fund is run by Teo Lind, who said the harbour would need new "
                "cranes.", "cranes")
    assert q.speaker_name == "Teo Lind"


def test_participle_after_by_takes_the_sentence_subject() -> None:
    q = by_text(TITLE + "Ana Ruiz answered a question on Wednesday by saying the fee was a "
                "manufactured issue.", "fee")
    assert q.speaker_name == "Ana Ruiz"


def test_time_adjunct_between_name_and_cue() -> None:
    q = by_text(TITLE + "Ana Ruiz this week also said she would name a deputy.", "deputy")
    assert q.speaker_name == "Ana Ruiz"


def test_noun_use_of_a_cue_word_is_not_a_cue() -> None:
    assert quotes(TITLE + "The fishing vote in several coastal states could be decisive "
                  "in a close race.") == []


def test_inverted_cue_after_indirect_content() -> None:
    q = by_text(TITLE + "The first ferry could sail this week, said Teo Lind, a longtime "
                "adviser to the port.", "ferry")
    assert q.text == "The first ferry could sail this week"
    assert q.speaker_name == "Teo Lind"


def test_unresolved_role_speaks_as_a_description() -> None:
    q = by_text(TITLE + "The mayor said the channel would be dredged in spring.", "channel")
    assert q.speaker_name == "The mayor"
    assert q.provenance.attributor == "role-description"


def test_content_before_cue_may_end_in_a_quotation_comma() -> None:
    q = by_text(TITLE + "In the call, Ruiz repeated her view that \u201cthe cranes will not "
                "change the schedule, but they will cost us,\u201d Lind said at a briefing.",
                "cranes")
    assert q.kind is QuoteKind.MIXED
    assert q.text.startswith("In the call, Ruiz repeated")
    assert q.speaker_name == "Lind"


# -- more cue shapes ----------------------------------------------------------------------


def test_called_for_reports_its_object() -> None:
    q = by_text(TITLE + "On Wednesday, Ruiz called for more harbour spending and an end to "
                "the automatic cuts.", "spending")
    assert q.text == "more harbour spending and an end to the automatic cuts"
    assert q.provenance.detector == "cue-then-object"
    assert q.cue is not None and q.cue.text == "called for"


def test_pointed_out_that_is_clausal_content() -> None:
    q = by_text(TITLE + "Lind pointed out that the pier had been closed twice.", "pier")
    assert (q.text, q.provenance.detector) == ("the pier had been closed twice",
                                               "cue-then-content")


def test_phrasal_verb_without_its_particle_is_no_cue() -> None:
    assert quotes(TITLE + "Ruiz spoke at the harbour rally on Monday evening.") == []


def test_object_stops_at_a_new_coordinated_verb() -> None:
    found = quotes(TITLE + "The senator criticized the council's lack of interest in the "
                   "coast, and praised the new mayor.")
    assert [q.text for q in found] == ["the council's lack of interest in the coast",
                                      "the new mayor"]


def test_progressive_cue_is_a_finite_verb() -> None:
    q = by_text(TITLE + "The port union is stressing that its plans will cut delays.", "plans")
    assert q.text == "its plans will cut delays"


def test_dash_apposition_between_subject_and_cue() -> None:
    q = by_text(TITLE + "Teo Lind -- co-editor of a book on harbour law -- said the ferry "
                "tended to run late.", "ferry")
    assert q.speaker_name == "Teo Lind"


def test_inverted_cue_may_end_with_a_short_place_phrase() -> None:
    q = by_text(TITLE + "The meeting went downhill from there, said one port source in the "
                "room. Nobody left early.", "meeting")
    assert q.text == "The meeting went downhill from there"
    assert q.speaker_name == "one port source"


def test_according_to_first_with_a_long_source() -> None:
    q = by_text(TITLE + "According to a new report by the port authority, the pier will "
                "need new cranes.", "cranes")
    assert q.text == "the pier will need new cranes"


def test_content_may_end_in_a_dash_before_according_to() -> None:
    q = by_text(TITLE + "More than half of the cranes are unsafe \u2014 according to the "
                "harbour inspectorate.", "cranes")
    assert q.text == "More than half of the cranes are unsafe"


def test_told_listener_with_participle_phrase_then_that() -> None:
    q = by_text(TITLE + "Ruiz told reporters travelling with her to Lima on Sunday that she "
                "would meet the union.", "union")
    assert q.text == "she would meet the union"


def test_manner_adverb_sits_between_subject_and_cue() -> None:
    q = by_text(TITLE + "Ana Ruiz boldly said that the port would reopen.", "port")
    assert q.speaker_name == "Ana Ruiz"
    assert q.cue is not None and q.cue.text == "boldly said"


@pytest.mark.parametrize("adverb", ["has long", "further"])
def test_degree_adverb_sits_between_subject_and_cue(adverb: str) -> None:
    q = by_text(TITLE + f"Ostler {adverb} said that the pier needs a new wall.", "pier")
    assert q.speaker_name == "Ostler"
    assert q.cue is not None and q.cue.text == f"{adverb} said"


def test_participle_after_preposition_and_adverb_is_an_adjective() -> None:
    text = TITLE + "It is clear from publicly disclosed records that the pier was hacked."
    assert quotes(text) == []


def test_content_stops_before_a_new_subject_and_cue() -> None:
    text = TITLE + ("Writing for a panel that all agreed the pier was safe, Ana Brandt noted "
                    "that the wall was old.")
    assert [q.text for q in quotes(text)] == ["the pier was safe", "the wall was old"]
    assert by_text(text, "wall").speaker_name == "Ana Brandt"


def test_nested_cue_inside_content_before_the_cue_stays_inside() -> None:
    text = TITLE + ("In Monday’s call, Lind repeated his view that “the pier will not hold,” "
                    "Ruiz said during a briefing.")
    q = by_text(text, "pier will not hold")
    assert q.speaker_name == "Ruiz"
    assert q.text.startswith("In Monday’s call")


def test_about_before_a_number_opens_content() -> None:
    q = by_text(TITLE + "Lind has said about 20 people have asked for a berth.", "berth")
    assert q.text == "about 20 people have asked for a berth"
    assert q.speaker_name == "Lind"


def test_ly_noun_is_not_a_manner_adverb() -> None:
    q = by_text(TITLE + "The family said the harbour was unsafe.", "harbour")
    assert q.speaker_name == "The family"


def test_introductory_participle_is_not_the_sentence_subject() -> None:
    q = by_text(TITLE + "Chastened by the audit, Ana Ruiz revised her plan, promising to "
                "focus on the pier.", "pier")
    assert q.speaker_name == "Ana Ruiz"


def test_clause_is_not_a_description_speaker() -> None:
    found = quotes(TITLE + "He was forced to defend not paying a builder who said the work "
                   "was never paid for.")
    assert all(q.speaker_name != "paying a builder" for q in found)


def test_object_with_a_finite_verb_is_a_clause_that_keeps_since() -> None:
    q = by_text(TITLE + "But Lind also made clear her main goal this year is reopening the "
                "oldest pier on the coast since the flood of 1998.", "goal")
    assert q.text == ("her main goal this year is reopening the oldest pier on the coast since "
                      "the flood of 1998")
    assert q.provenance.detector == "cue-then-content"


def test_object_with_a_relative_clause_still_stops_at_an_adjunct() -> None:
    q = by_text(TITLE + "Ruiz announced the route that was promised after a vote.", "route")
    assert q.text == "the route that was promised"


def test_content_stops_before_a_coordinated_cue() -> None:
    text = TITLE + ("Lind said in her post that she believes \u201creal progress was made\u201d "
                    "with the mayor and noted several topics of discussion.")
    q = by_text(text, "progress")
    assert q.text == "she believes \u201creal progress was made\u201d with the mayor"


def test_coordinated_base_verb_stays_in_the_content() -> None:
    q = by_text(TITLE + "Ruiz said she would visit the quay and inspect the cranes.", "quay")
    assert q.text == "she would visit the quay and inspect the cranes"


def test_coordinated_cue_speaks_for_the_sentence_subject_not_a_nested_one() -> None:
    text = TITLE + ("Mayor Ana Ruiz said on Friday that the council would set a new budget "
                    "by June and suggested that it would close the pier.")
    q = by_text(text, "close the pier")
    assert q.text == "it would close the pier"
    assert q.speaker_name == "Ana Ruiz"


def test_content_stops_at_a_comma_and_a_motive_participle() -> None:
    q = by_text(TITLE + "Ruiz said she would not fund a new pier, seeking to pass the bill "
                "to the county.", "pier")
    assert q.text == "she would not fund a new pier"


def test_other_participles_after_a_comma_stay_in_the_content() -> None:
    q = by_text(TITLE + "Ruiz said the new quay would open in May, allowing ferries to dock "
                "at night.", "quay")
    assert q.text.endswith("allowing ferries to dock at night")


def test_content_stops_before_as_a_pronoun_and_a_verb() -> None:
    q = by_text(TITLE + "Ruiz said she was weighing new cranes for the quay as she tries to "
                "push the council to act.", "cranes")
    assert q.text == "she was weighing new cranes for the quay"


def test_as_a_pronoun_and_an_auxiliary_stays_in_the_content() -> None:
    q = by_text(TITLE + "Ruiz said she felt the same about the quay as he did.", "quay")
    assert q.text == "she felt the same about the quay as he did"


def test_a_reason_after_a_comma_stays_in_the_content() -> None:
    q = by_text(TITLE + "Lind said the cranes will not help much, because the port has too "
                "few crews.", "cranes")
    assert q.text.endswith("because the port has too few crews")


@pytest.mark.parametrize("source", ["Those close to him", "Two people familiar with the talks",
                                    "Aides to the mayor", "A person close to Ruiz",
                                    "Allies of the mayor"])
def test_a_source_linked_to_someone_speaks_not_that_someone(source: str) -> None:
    q = by_text(TITLE + f"{source} say the pier will reopen in May.", "pier")
    assert q.speaker_name == source
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_a_linked_source_after_an_inverted_cue_speaks() -> None:
    q = by_text(TITLE + "\u201cThe pier will reopen,\u201d said a person close to Ruiz.", "pier")
    assert q.speaker_name == "a person close to Ruiz"


def test_a_companion_after_with_is_no_linked_source() -> None:
    q = by_text(TITLE + "Ruiz went with the mayor and said the pier would reopen.", "pier")
    assert q.speaker_name == "Ruiz"


def test_a_linked_source_needs_a_noun_phrase_before_the_cue() -> None:
    q = by_text(TITLE + "Lind wants her council colleagues to drop Ruiz after the harbour "
                "magnate claimed that the pier was unsafe.", "unsafe")
    assert q.speaker_name == "the harbour magnate"
    assert q.cue is not None and q.cue.text == "claimed"


def test_content_keeps_a_state_abbreviation_before_a_parenthesis() -> None:
    q = by_text(TITLE + "Aides say Ruiz may pick Rep. Teo Lind (D-Va.) for the open "
                "seat.", "pick")
    assert q.text == "Ruiz may pick Rep. Teo Lind (D-Va.) for the open seat"


def test_content_before_its_cue_drops_a_leading_conjunction() -> None:
    q = by_text(TITLE + "The pier was shut. But the new levy still favours the big "
                "shippers, the union said.", "levy")
    assert q.text == "the new levy still favours the big shippers"


def test_listener_may_be_a_show_title_after_a_possessive() -> None:
    text = TITLE + ("Lind told KPRT\u2019s \u201cDockside Tonight\u201d that nobody would "
                    "question the plan.")
    found = quotes(text)
    assert [q.text for q in found] == ["nobody would question the plan"]
    assert found[0].speaker_name == "Lind"


def test_show_title_after_on_is_no_direct_quote() -> None:
    found = quotes(TITLE + "Lind said on \u201cMeet the Harbour\u201d that the pier was safe.")
    assert [q.text for q in found] == ["the pier was safe"]


def test_indefinite_object_of_a_clause_verb_is_no_content() -> None:
    found = quotes(TITLE + "Ruiz said the talks went well and noted a handful of points for "
                   "the agenda.")
    assert [q.text for q in found] == ["the talks went well"]


def test_content_stops_before_and_a_new_subject_and_cue() -> None:
    text = TITLE + ("Dockers said they were convinced the board mishandled the audit and "
                    "owners accused the union of dragging out the dispute.")
    assert by_text(text, "audit").text == "they were convinced the board mishandled the audit"
    assert by_text(text, "dragging").speaker_name == "owners"


def test_a_coordinated_subject_inside_content_stays_inside() -> None:
    q = by_text(TITLE + "The newsletter said that both Ruiz and Lind were referring to an old "
                "survey of the harbour.", "survey")
    assert q.speaker_name == "The newsletter"
    assert q.text.startswith("both Ruiz and Lind")


def test_content_drops_a_trailing_dash() -> None:
    q = by_text(TITLE + "Lind said the vote would be closer this time \u2014 and he noted that "
                "a recount could follow.", "closer")
    assert q.text == "the vote would be closer this time"


@pytest.mark.parametrize("link", ["for", "before", "after", "while", "when"])
def test_participle_after_a_subordinator_takes_the_sentence_subject(link: str) -> None:
    q = by_text(TITLE + f"Ana Ruiz was questioned {link} saying that the pier was safe.", "pier")
    assert q.speaker_name == "Ana Ruiz"


def test_sentence_subject_skips_an_upper_case_kicker() -> None:
    q = by_text(TITLE + "THE COUNCIL HAS ASKED \u2014 Ana Ruiz appeared at a hearing for "
                "saying that the pier was safe.", "pier")
    assert q.speaker_name == "Ana Ruiz"


def test_sentence_subject_skips_an_opening_quotation() -> None:
    text = TITLE + ("\u201cKeep your lights on,\u201d Brandt sings to Ruiz before asking her, "
                    "\u201cWhat happens to us now?\u201d")
    assert by_text(text, "What happens").speaker_name == "Brandt"


def test_sentence_subject_skips_a_leading_adverb_and_its_comma() -> None:
    q = by_text(TITLE + "Recently, Ruiz was criticized for saying the cranes were too old.",
                "cranes")
    assert q.speaker_name == "Ruiz"


def test_beliefs_are_reported_when_the_caller_opts_in() -> None:
    text = TITLE + "Ana Ruiz thinks the port will reopen in May."
    assert quotes(text) == []
    [q] = quotes(text, include_beliefs=True)
    assert (q.text, q.kind, q.speaker_name) == ("the port will reopen in May",
                                                QuoteKind.INDIRECT, "Ana Ruiz")


def test_called_object_and_predicate_noun_is_indirect() -> None:
    [q] = quotes(TITLE + "Ruiz called the new levy a tax on every shipper in the bay.")
    assert q.kind is QuoteKind.INDIRECT
    assert q.text == "the new levy a tax on every shipper in the bay"
    assert q.provenance.detector == "description-object"


def test_called_with_a_bare_noun_object_and_predicate() -> None:
    [q] = quotes(TITLE + "Ruiz has called harbour dredging a waste of public money.")
    assert q.text == "harbour dredging a waste of public money"


def test_called_someone_a_week_ago_is_no_predicate() -> None:
    assert quotes(TITLE + "Lind called Ruiz a week ago about the ferry.") == []


def test_called_a_meeting_is_no_predicate() -> None:
    assert quotes(TITLE + "Lind called a meeting of the harbour board for Monday.") == []


def test_noun_call_before_an_article_is_no_cue() -> None:
    assert quotes(TITLE + "The Ruiz-Lind call comes ahead of a vote on the levy.") == []


def test_relative_clause_subject_speaks_through_its_head() -> None:
    q = by_text(TITLE + "One of the pilots who signed the letter said the quay was unsafe.",
                "unsafe")
    assert q.speaker_name == "One of the pilots"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_asked_not_to_be_named_is_no_directive() -> None:
    q = by_text(TITLE + "A pilot who asked not to be named said the quay was unsafe.", "unsafe")
    assert (q.text, q.speaker_name) == ("the quay was unsafe", "A pilot")


def test_weekday_possessive_is_the_objects_determiner_not_a_time() -> None:
    [q] = quotes(TITLE + "Ruiz condemned Friday's closure as “reckless” and costly.")
    assert q.text == "Friday's closure as “reckless” and costly"
    assert q.cue is not None and q.cue.text == "condemned"


def test_content_subject_after_listener_and_time() -> None:
    [q] = quotes(TITLE + "Ruiz told dockworkers this weekend he would fight the levy.")
    assert q.text == "he would fight the levy"


def test_adverb_and_participle_after_comma_end_content() -> None:
    [q] = quotes(TITLE + "Ruiz said the levy would fail, implicitly daring the board to vote.")
    assert q.text == "the levy would fail"


# -- rule time-subject: time words after a cue that open the content --------------------


def test_time_phrase_followed_by_a_verb_is_the_contents_subject() -> None:
    [q] = quotes(TITLE + "Ruiz said last year was the worst on record for the ferries.")
    assert q.text == "last year was the worst on record for the ferries"
    assert q.cue is not None and q.cue.text == "said"


def test_this_without_a_time_noun_opens_the_content() -> None:
    [q] = quotes(TITLE + "Ruiz said this plan would ruin the harbour.")
    assert q.text == "this plan would ruin the harbour"


def test_this_as_subject_opens_the_content() -> None:
    [q] = quotes(TITLE + "Ruiz said this is a disaster for the harbour.")
    assert q.text == "this is a disaster for the harbour"


def test_too_before_a_degree_word_opens_the_content() -> None:
    [q] = quotes(TITLE + "Lind says too much is made of the ferry delays.")
    assert q.text == "too much is made of the ferry delays"


def test_once_before_a_clause_is_a_conjunction() -> None:
    [q] = quotes(TITLE + "Ruiz said once the pier reopens, fares will fall.")
    assert q.text == "once the pier reopens, fares will fall"


def test_time_phrase_before_that_stays_in_the_cue() -> None:
    [q] = quotes(TITLE + "Ruiz said earlier this week that the pier was safe.")
    assert q.text == "the pier was safe"
    assert q.cue is not None and q.cue.text == "said earlier this week"


def test_trailing_too_stays_in_the_cue() -> None:
    [q] = quotes(TITLE + "The pier was safe, Ruiz said too.")
    assert q.text == "The pier was safe"
    assert q.cue is not None and q.cue.text == "said too"


def test_report_said_twice_by_one_speaker_starts_after_the_first_cue() -> None:
    text = TITLE + ("Lind said she felt the pier was unsafe because “nobody checks the bolts,”"
                    " she said.")
    [q] = quotes(text)
    assert q.text == "she felt the pier was unsafe because “nobody checks the bolts,”"
    assert q.speaker_name == "Lind"


def test_report_of_another_speakers_words_keeps_the_inner_cue() -> None:
    [q] = quotes(TITLE + "Lind had told police that the pier was unsafe, the source said.")
    assert q.text == "Lind had told police that the pier was unsafe"
    assert q.speaker_name == "the source"


def test_directive_with_a_quoted_infinitive_is_mixed() -> None:
    [q] = quotes(TITLE + "Ruiz urged the board to “stop dithering” on the pier.")
    assert q.kind is QuoteKind.MIXED
    assert q.text == "the board to “stop dithering” on the pier"
    assert q.provenance.detector == "directive"


def test_sentence_adverb_and_comma_before_content_are_the_reporters() -> None:
    [q] = quotes(TITLE + "However, the talks are unlikely to change the outcome, Ruiz said.")
    assert q.text == "the talks are unlikely to change the outcome"


def test_adverb_modifying_the_first_word_stays_in_the_content() -> None:
    [q] = quotes(TITLE + "However laudable the goal, the levy “is a misguided approach,” "
                 "Ruiz said.")
    assert q.text == "However laudable the goal, the levy “is a misguided approach,”"


def test_narration_resumes_after_a_comma_inside_closing_marks() -> None:
    text = TITLE + "Dockworkers said they want “a fair deal,” but pledged to remain civil."
    assert [q.text for q in quotes(text)] == ["they want “a fair deal,”", "to remain civil"]


def test_noun_phrase_content_ends_before_a_relative_clause_on_a_person() -> None:
    [q] = quotes(TITLE + "Ruiz cited criticism of KPRT’s Dana Brook, who took heat for it.")
    assert q.text == "criticism of KPRT’s Dana Brook"


@pytest.mark.xfail(strict=True, reason="known failure: a coordinated cue inside a subordinate "
                   "clause takes the sentence's first subject, not the clause's own")
def test_known_failure_coordinated_cue_inside_a_subordinate_clause() -> None:
    text = TITLE + ("A port spokeswoman, Mia Holt, said Lind had been heading to the pier, which "
                    "she was doing when guards found her and told her to leave.")
    assert all(q.speaker_name == "Mia Holt" for q in quotes(text) if "to leave" not in q.text)
    assert not any("to leave" in q.text and q.speaker_name == "Mia Holt" for q in quotes(text))


def test_quotation_opening_the_content_ends_at_a_breaker_inside_its_marks() -> None:
    # ``said “…,” suggesting …``: the quotation alone is what was said (direct)
    text = TITLE + ("Ruiz said \u2018we need cranes for the port too,\u2019 suggesting that "
                    "she might be reluctant to sell them.")
    q = by_text(text, "cranes")
    assert q.kind is QuoteKind.DIRECT
    assert q.text == "we need cranes for the port too,"


def test_participle_after_a_comma_inside_closing_marks_takes_the_sentence_subject() -> None:
    text = TITLE + ("Ruiz said \u201cwe need cranes for the port too,\u201d suggesting that "
                    "she might be reluctant to sell them.")
    q = by_text(text, "reluctant")
    assert q.speaker_name == "Ruiz"
    assert q.cue is not None and q.cue.text == "suggesting"


def test_description_reported_by_an_outer_cue_is_the_outer_speakers() -> None:
    text = TITLE + ("Lind said during a rally that Ruiz once described the pier plan as "
                    "\u201cthe gold standard\u201d of harbour deals.")
    q = by_text(text, "gold standard")
    assert q.speaker_name == "Lind"
    assert q.kind is QuoteKind.MIXED
    assert q.text.startswith("Ruiz once described")


def test_a_name_before_a_cue_noun_modifies_it() -> None:
    # rule name-as-modifier: ``a Teo Lind post`` is a post, not Lind posting
    text = TITLE + ("Ana Ruiz is describing as \u201cunhinged\u201d a Teo Lind post "
                    "attacking the harbour board.")
    found = quotes(text)
    assert [q.speaker_name for q in found] == ["Ana Ruiz"]
    assert found[0].text == "unhinged"


def test_a_plural_name_before_a_base_form_stays_a_cue() -> None:
    q = by_text(TITLE + "The Democrats claim the levy will sink the port.", "levy")
    assert q.speaker_name is not None


def test_but_before_a_second_cue_ends_the_first_content() -> None:
    # rule coordinated-cue, with ``but``
    text = TITLE + ("Ruiz said there would be \u201csome overlap in head office functions\u201d "
                    "but insisted that no terminal would close.")
    assert [q.text for q in quotes(text)] == [
        "there would be \u201csome overlap in head office functions\u201d",
        "no terminal would close"]


def test_a_doubled_consonant_form_is_a_cue() -> None:
    # lexicon.cues.DOUBLED_FINAL_CONSONANT: ``admitted``, not ``admited``
    q = by_text(TITLE + "Ruiz admitted the cranes had been idle for a month.", "idle")
    assert q.speaker_name == "Ruiz"
    assert q.cue is not None and q.cue.text == "admitted"


def test_reminded_is_a_cue_with_a_listener() -> None:
    q = by_text(TITLE + "Ruiz reminded reporters that the pier was closed.", "pier was closed")
    assert q.speaker_name == "Ruiz"


def test_said_little_is_no_report() -> None:
    # rule pro-form-object
    assert quotes(TITLE + "Berthoud herself has said little in public.") == []


def test_said_nothing_with_a_verb_is_a_clause() -> None:
    assert texts(TITLE + "Ruiz said nothing would change.") == ["nothing would change"]


def test_asked_whether_reports_a_question() -> None:
    # rule question-content
    assert texts(TITLE + "Lawmakers also asked whether the port would reopen.") == [
        "whether the port would reopen"]


def test_a_negated_cue_reports_no_question() -> None:
    # what was not said is no quote (``declined to say whether …``)
    assert quotes(TITLE + "Ruiz declined to say whether the pier would reopen.") == []


def test_said_when_asked_is_no_question() -> None:
    # ``said`` reports nothing here; the question put to Ruiz is rule asked-question's,
    # with no speaker (the asker is not named)
    found = quotes(TITLE + "Ruiz said when asked about the pier.")
    assert [(q.text, q.provenance.detector, q.speaker) for q in found] == [
        ("the pier", "asked-question", None)]


def test_catenative_verb_keeps_the_cue_and_its_subject() -> None:
    # rule catenative-cue
    q = by_text(TITLE + "Ruiz continues to insist that the cranes are safe.", "cranes")
    assert q.speaker_name == "Ruiz"
    assert q.cue is not None and q.cue.text == "continues to insist"


def test_went_on_to_say_is_a_cue() -> None:
    q = by_text(TITLE + "Lind went on to say the port was doomed.", "doomed")
    assert q.speaker_name == "Lind"


def test_progressive_perfect_cue() -> None:
    q = by_text(TITLE + "The unions have been demanding that the board resign.", "resign")
    assert q.cue is not None and q.cue.text == "have been demanding"


def test_a_prepositional_lead_is_no_content() -> None:
    # rule prepositional-lead
    assert quotes(TITLE + "Through a spokesman, he declined to comment.") == []


def test_a_time_adjunct_ends_before_the_contents_subject() -> None:
    q = by_text(TITLE + "Quillfire said on Wednesday it would cut about 1,800 jobs.", "jobs")
    assert q.text == "it would cut about 1,800 jobs"
    assert q.cue is not None and q.cue.text == "said on Wednesday"


def test_a_relative_clause_content_ends_at_the_main_verb() -> None:
    text = (TITLE + "In a post on X, Tomas Brevik, a senior engineer who said he had spent "
            "nine years at the company, wrote: \u201cBadge stopped working at 9:02.\u201d")
    found = quotes(text)
    assert [(q.text, q.speaker_name) for q in found] == [
        ("he had spent nine years at the company", "Tomas Brevik"),
        ("Badge stopped working at 9:02.", "Tomas Brevik")]


def test_agreed_an_object_is_no_report() -> None:
    # lexicon.cues.CLAUSE_ONLY_VERBS
    assert quotes(TITLE + "Ilunga has agreed a five-year contract and will wear the No 9 "
                  "shirt.") == []


def test_posted_a_picture_is_no_report() -> None:
    # lexicon.cues.NON_SPEECH_OBJECTS
    assert quotes(TITLE + "Later that evening Ilunga posted a picture of himself in the new "
                  "shirt.") == []


def test_age_description_with_two_words() -> None:
    text = (TITLE + "Porthaven signed striker Mateo Ilunga. Ilunga smiled.\n\n"
            "The 24-year-old Lusarian international said he was ready.")
    assert by_text(text, "was ready").speaker_name == "Mateo Ilunga"


def test_a_time_span_after_a_comma_ends_the_content() -> None:
    q = by_text(TITLE + "Ruiz said on Wednesday that a deal was \u201cwithin reach\u201d, hours "
                "after her first call with Lind.", "within reach")
    assert q.text == "a deal was \u201cwithin reach\u201d"


def test_according_to_after_an_inverted_cue_takes_no_content() -> None:
    text = TITLE + ("\u201cToday this house decides what counts as an advert,\u201d Marcu said "
                    "in Corsevian, according to the parliament\u2019s interpretation service.")
    found = quotes(text)
    assert [(q.text, q.speaker_name) for q in found] == [
        ("Today this house decides what counts as an advert,", "Marcu")]


def test_an_adjunct_does_not_swallow_a_subordinate_clause() -> None:
    text = TITLE + ("\u201cWe made progress today,\u201d Ruiz said of the harbour talks on "
                    "Wednesday evening as she welcomed supporters of her pier project.")
    found = quotes(text)
    assert [q.text for q in found] == ["We made progress today,"]
    assert found[0].cue is not None and not found[0].cue.text.endswith("as")


def test_split_subject_before_a_quoted_predicate_is_content() -> None:
    text = TITLE + "Ruiz spoke first. An early vote, she said, “could settle the harbour question.”"
    q = by_text(text, "early vote")
    assert q.text == "An early vote" and q.kind is QuoteKind.INDIRECT


def test_a_noun_phrase_before_a_quoted_sentence_stays_framing() -> None:
    text = TITLE + "The new levy, Ruiz said, “Nobody reads it, and nobody pays it.”"
    assert texts(text) == ["Nobody reads it, and nobody pays it."]


def test_description_object_may_be_a_long_noun_phrase() -> None:
    q = by_text(TITLE + "Mila Arden called the council’s use of private ferries “extremely "
                "careless.”", "ferries")
    assert q.text == "the council’s use of private ferries “extremely careless.”"
    assert q.kind is QuoteKind.MIXED


def test_directive_listener_taken_into_the_cue_opens_the_content() -> None:
    # rule directive-listener
    [q] = quotes(TITLE + "Ana Ruiz asked them to wait for the second ferry.")
    assert q.text == "them to wait for the second ferry"
    assert q.cue is not None and q.cue.text == "asked"
    assert "directive-listener" in [s.rule for s in q.provenance.trail]


def test_cue_in_an_opening_subordinate_clause_reports_up_to_its_comma() -> None:
    # rule subordinate-cue
    text = TITLE + ("Even as Ana Ruiz insisted the pier was safe, the ferry crews refused to "
                    "sail and the quay stayed closed.")
    assert texts(text) == ["the pier was safe"]


def test_cue_in_a_relative_clause_reports_up_to_its_comma() -> None:
    text = TITLE + ("The levy, which Mayor Tomas Lind said would pass easily, was rejected by "
                    "the council on Monday.")
    assert texts(text) == ["would pass easily"]


def test_switching_off_subordinate_cue_lets_the_content_run_on() -> None:
    from quoteattr import extract

    text = TITLE + ("As harbour chief Ana Ruiz announced the pier would reopen, the ferry crews "
                    "went back to work.")
    [q] = extract(text, disabled_rules={"subordinate-cue"})
    assert q.text.endswith("went back to work")


def test_quotation_after_a_closed_subordinate_clause_is_the_main_speakers() -> None:
    text = TITLE + ("When Ana Ruiz noted that Tomas Lind had not paid the harbour levy \u2015 as "
                    "his accounts showed \u2015 Lind boasted, \u201cThat makes me clever.\u201d")
    q = by_text(text, "clever")
    assert q.speaker_name == "Tomas Lind"


def test_condition_after_a_cue_that_does_not_ask_opens_the_content() -> None:
    # rule conditional-content
    text = TITLE + "Ana Ruiz said if the levy passed, the pier would reopen in May."
    assert texts(text) == ["if the levy passed, the pier would reopen in May"]


@pytest.mark.parametrize(("sentence", "content"), [
    ("Ana Ruiz said the pier was safe, and that the ferries would sail in May.",
     "the pier was safe, and that the ferries would sail in May"),
    ("Ana Ruiz told the board the levy was fair, but that the port could not raise it again.",
     "the levy was fair, but that the port could not raise it again"),
    ("Ana Ruiz said the pier was safe, and that the crews were paid, and that the ferries "
     "would sail.",
     "the pier was safe, and that the crews were paid, and that the ferries would sail"),
])
def test_and_that_after_the_content_opens_a_second_clause_of_the_report(
        sentence: str, content: str) -> None:
    # rule second-complement
    assert texts(TITLE + sentence) == [content]


@pytest.mark.parametrize("after", [
    "that was enough for the crews", "that’s what the crews wanted", "the ferries sailed in May",
])
def test_only_a_complementizer_that_after_and_carries_the_content_on(after: str) -> None:
    # rule second-complement: a demonstrative ``that`` or a new clause is the reporter's
    assert texts(TITLE + f"Ana Ruiz said the pier was safe, and {after}.") == [
        "the pier was safe"]
    assert texts(TITLE + "Ana Ruiz said the pier was safe, and that the crews were paid.") == [
        "the pier was safe, and that the crews were paid"]


def test_switching_off_second_complement_ends_the_content_at_the_comma() -> None:
    from quoteattr import extract

    text = TITLE + "Ana Ruiz said the pier was safe, and that the ferries would sail in May."
    assert [q.text for q in extract(text, disabled_rules={"second-complement"})] == [
        "the pier was safe"]


def test_content_resumed_after_an_aside_cue_may_open_with_a_name() -> None:
    # rule capitalised-resumption
    text = TITLE + "After all, Ana Ruiz argued, Lind had signed the ferry bill himself."
    assert "Lind had signed the ferry bill himself" in texts(text)
    from quoteattr import extract

    off = extract(text, disabled_rules={"capitalised-resumption"})
    assert "Lind had signed the ferry bill himself" not in [q.text for q in off]


def test_aside_cue_with_a_described_subject_reports_both_fragments() -> None:
    # rule aside-described-subject
    text = TITLE + "That plan, many ferry traders argue, could fail within a year."
    assert texts(text) == ["That plan", "could fail within a year"]
    from quoteattr import extract

    assert extract(text, disabled_rules={"aside-described-subject"}) == []


@pytest.mark.parametrize(("sentence", "content"), [
    ("As the Harbour Gazette noted on Monday, the pier has been shut for three years.",
     "the pier has been shut for three years"),
    ("But as Ana Ruiz has reported, the pier, which is old, has been shut for years.",
     "the pier, which is old, has been shut for years"),
])
def test_as_clause_with_a_bare_cue_reports_the_main_clause(sentence: str, content: str) -> None:
    # rule as-source
    assert texts(TITLE + sentence) == [content]
    from quoteattr import extract

    assert extract(TITLE + sentence, disabled_rules={"as-source"}) == []


def test_content_resumed_after_an_aside_cue_may_open_with_a_reporting_verb() -> None:
    # rule verb-resumption
    text = TITLE + "The harbour board, Mayor Tomas Lind said, called the levy unfair in May."
    assert texts(text) == ["The harbour board", "called the levy unfair in May"]
    from quoteattr import extract

    off = extract(text, disabled_rules={"verb-resumption"})
    assert [q.text for q in off] == ["The harbour board"]


@pytest.mark.parametrize(("sentence", "content"), [
    ("Ana Ruiz was asked if the pier would reopen. She said it would.", "it would"),
    ("Ana Ruiz was asked if the board had voted. She said it hadn’t.", "it hadn’t"),
])
def test_pronoun_and_auxiliary_after_a_cue_are_a_short_clause(sentence: str,
                                                              content: str) -> None:
    # rule pronoun-verb-content
    assert content in texts(TITLE + sentence)
    # (the question put to Ruiz is rule asked-question's, switched off here)
    assert texts(TITLE + sentence.replace(content, "so"),
                 disabled_rules={"asked-question"}) == []


@pytest.mark.parametrize(("after", "content"), [
    ("but not before the vote in May", "the levy would rise, but not before the vote in May"),
    ("but only for the largest ships", "the levy would rise, but only for the largest ships"),
    ("but the council voted against it", "the levy would rise"),
])
def test_but_not_after_the_content_cuts_the_same_report_short(after: str, content: str) -> None:
    # rule but-not-ellipsis; a new clause after ``but`` stays the reporter's
    assert texts(TITLE + f"Ana Ruiz said the levy would rise, {after}.")[0] == content
    assert texts(TITLE + "Ana Ruiz said the fee would rise, but not in May.") == [
        "the fee would rise, but not in May"]


def test_as_well_as_after_the_content_adds_to_what_was_said() -> None:
    # rule as-well-as; ``, as she had promised`` stays the reporter's
    assert texts(TITLE + "Ana Ruiz said the levy would fund the pier, as well as two new "
                 "ferries.") == ["the levy would fund the pier, as well as two new ferries"]
    assert texts(TITLE + "Ana Ruiz said the levy would fund the pier, as she had promised.") == [
        "the levy would fund the pier"]


def test_even_if_after_the_content_is_a_condition_of_what_was_said() -> None:
    # rule even-if-condition; ``, even as …`` stays the reporter's
    assert texts(TITLE + "Ana Ruiz said the pier would close, even if the levy passed.") == [
        "the pier would close, even if the levy passed"]
    assert texts(TITLE + "Ana Ruiz said the pier would close, even as the ferries sailed.") == [
        "the pier would close"]


@pytest.mark.parametrize(("rule", "sentence", "on", "off"), [
    ("relative-aside", "Ana Ruiz said the old plan, which the board approved, had failed.",
     ["the old plan, which the board approved, had failed"], ["the old plan"]),
    ("coordinated-cue", "Ana Ruiz said the vote went well and noted that fares would fall.",
     ["the vote went well", "fares would fall"],
     ["the vote went well and noted that fares would fall"]),
    ("as-clause", "Ana Ruiz said she was buying cranes as she tries to win the council.",
     ["she was buying cranes"], ["she was buying cranes as she tries to win the council"]),
    ("question-content", "Ana Ruiz asked whether the ferry would sail on Monday.",
     ["whether the ferry would sail on Monday"], []),
    ("demonstrative-that", "Ana Ruiz said that’s what the crews had wanted.",
     ["that’s what the crews had wanted"], []),
    ("verbless-object", "Ana Ruiz noted a couple of points about the ferry.",
     [], ["a couple of points about the ferry"]),
    ("prepositional-lead", "Through an aide, Ana Ruiz declined to comment.",
     [], ["Through an aide"]),
])
def test_a_reported_speech_rule_switched_off_by_name_changes_the_content(
        rule: str, sentence: str, on: list[str], off: list[str]) -> None:
    from quoteattr import extract

    assert [q.text for q in extract(TITLE + sentence) if q.kind is not QuoteKind.DIRECT] == on
    assert [q.text for q in extract(TITLE + sentence, disabled_rules={rule})
            if q.kind is not QuoteKind.DIRECT] == off


@pytest.mark.parametrize("detector", reported.DETECTORS)
def test_every_detector_is_a_registered_rule_that_can_be_switched_off(detector: str) -> None:
    from quoteattr import extract, rules

    r = next(r for r in rules.rules("detector") if r.name == detector)
    text = TITLE + r.examples[0].text
    assert any(detector in [s.rule for s in q.provenance.trail] for q in extract(text))
    assert all(detector not in [s.rule for s in q.provenance.trail]
               for q in extract(text, disabled_rules={detector}))


def test_detector_order_is_the_registered_order_and_the_overlap_priority() -> None:
    from quoteattr import rules

    reported_detectors = [n for n in rules.sieve_order("detector") if n in reported.DETECTORS]
    assert tuple(reported_detectors) == reported.DETECTORS
    ranks = [reported.PRIORITY[n] for n in reported.DETECTORS]
    assert ranks == sorted(ranks) and set(reported.PRIORITY) == set(reported.DETECTORS)

@pytest.mark.parametrize("text", [
    "Teo Lind went after his rival, calling him “a total stiff.”",
    "Teo Lind called her “a fine mayor.”",
])
def test_a_past_or_ing_labelling_verb_starts_a_mixed_quote_at_its_pronoun_object(
        text: str) -> None:
    q, = extract(text)
    assert (q.kind, q.speaker_name) == (QuoteKind.MIXED, "Teo Lind")
    assert q.text.split()[0] in {"him", "her"}


def test_a_base_form_labelling_verb_inside_a_quote_starts_no_mixed_quote() -> None:
    q, = extract("“Call him ‘a total stiff,’” Teo Lind told the crowd.")
    assert q.kind is QuoteKind.DIRECT
