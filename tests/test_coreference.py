"""Speaker resolution (quoteattr/coreference.py): pronouns, role nouns, one entity per person."""

from helpers import by_text, quotes

from quoteattr import SpeakerType
from quoteattr.coreference import EntityIndex
from quoteattr.entities import EntityStore
from quoteattr.mentions import Mention, MentionKind
from quoteattr.model import GenderEvidence, Speaker
from quoteattr.timeline import Timeline

TITLE = "Harbour talks resume\n\n"


def test_pronoun_resolves_to_previous_speaker() -> None:
    text = (TITLE + "Harbour master Teo Lind said the port was safe.\n\n"
            "“We checked every crane twice,” he said.")
    q = by_text(text, "crane")
    assert q.speaker_name == "Teo Lind"
    assert q.provenance.attributor == "pronoun"


def test_pronoun_after_paragraph_break_uses_gender_learned_from_article() -> None:
    text = (TITLE + "Mayor Ana Ruiz said on Monday that talks would resume.\n\n"
            "“We are ready,” she said.\n\n"
            "Union leader Omar Haddad said the workers were not consulted.\n\n"
            "“Nobody asked us,” he said.\n\n"
            "“We will listen to everyone,” she said.")
    assert by_text(text, "Nobody").speaker_name == "Omar Haddad"
    assert by_text(text, "listen").speaker_name == "Ana Ruiz"


def test_two_people_of_same_gender_alternating() -> None:
    text = (TITLE + "“The deal is dead,” said union leader Omar Haddad.\n\n"
            "“The deal is alive,” port director Teo Lind said.\n\n"
            "“It is dead to us,” Haddad said.\n\n"
            "“Then we start again,” Lind said.")
    assert [q.speaker_name for q in quotes(text)] == [
        "Omar Haddad", "Teo Lind", "Omar Haddad", "Teo Lind"]


def test_surname_and_honorific_join_the_full_name() -> None:
    text = (TITLE + "Port director Teo Lind opened the meeting.\n\n"
            "“We are behind schedule,” Mr Lind said.")
    assert by_text(text, "schedule").speaker_name == "Teo Lind"


def test_transliteration_variants_are_one_entity() -> None:
    text = (TITLE + "Foreign minister Oleksandr Kovalenskyy arrived in Lima.\n\n"
            "“We came to listen,” Kovalenskiy said.")
    assert by_text(text, "listen").speaker_name == "Oleksandr Kovalenskyy"


def test_same_surname_different_first_names_are_two_people() -> None:
    text = (TITLE + "Mayor Ana Ruiz and her brother Marco Ruiz attended.\n\n"
            "“I am proud of her,” Marco Ruiz said.")
    assert by_text(text, "proud").speaker_name == "Marco Ruiz"


def test_role_noun_prefers_main_subject_when_two_presidents() -> None:
    text = (TITLE + "Chilean President Ana Ruiz will meet Peruvian President Luis Soto. "
            "Ruiz proposed the talks. Ruiz said the date was set.\n\n"
            "“We will sign in Lima,” the president said.")
    assert by_text(text, "sign in Lima").speaker_name == "Ana Ruiz"


def test_role_noun_with_nationality_picks_that_leader() -> None:
    text = (TITLE + "Chilean President Ana Ruiz will meet Peruvian President Luis Soto. "
            "Ruiz proposed the talks. Ruiz said the date was set.\n\n"
            "“We have no objection,” the Peruvian president said.")
    q = by_text(text, "objection")
    assert q.speaker_name == "Luis Soto"
    assert q.provenance.attributor == "role-noun"


def test_unnamed_official_is_anonymous() -> None:
    text = TITLE + "“The ships will sail,” said a senior port official, asking not to be named."
    q = by_text(text, "ships")
    assert q.speaker_name == "a senior port official"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_organisation_speaks() -> None:
    text = TITLE + "The ministry said the port would reopen within a week."
    q = by_text(text, "reopen")
    assert q.speaker is not None and q.speaker.type is SpeakerType.ORGANIZATION


def test_apposition_after_name() -> None:
    text = TITLE + "Teo Lind, the port's director, said the cranes were repaired last week."
    assert by_text(text, "cranes").speaker_name == "Teo Lind"


def test_apposition_before_name_inverted() -> None:
    text = TITLE + "“We are ready,” said Chile's ambassador to Peru, Marta Vidal."
    assert by_text(text, "ready").speaker_name == "Marta Vidal"


def test_possessive_lead_in_names_possessor() -> None:
    text = (TITLE + "Ana Ruiz met the unions.\n\nRuiz's statement in full:\n\n"
            "We will not close the port. Every job will be kept.")
    assert by_text(text, "close the port").speaker_name == "Ana Ruiz"


def test_pronoun_confidence_is_lower_than_named_cue() -> None:
    text = (TITLE + "“The cranes work,” Teo Lind said.\n\n"
            "Inspectors visited on Monday.\n\n“The quay is safe,” he said.")
    assert by_text(text, "quay").confidence < by_text(text, "cranes").confidence


def test_speaker_exposes_aliases_and_roles() -> None:
    text = (TITLE + "Port director Teo Lind opened the meeting.\n\n"
            "“We are behind schedule,” Mr Lind said.")
    speaker = by_text(text, "schedule").speaker
    assert speaker is not None
    assert "director" in speaker.roles
    assert "Mr Lind" in speaker.aliases or "Lind" in speaker.aliases


def test_organisation_with_of_phrase_is_one_organisation() -> None:
    text = TITLE + "The Kesterwick Chamber of Commerce said the tunnel would create jobs."
    q = by_text(text, "tunnel")
    assert q.speaker_name == "Kesterwick Chamber of Commerce"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ORGANIZATION


def test_organisation_with_for_phrase_is_one_organisation() -> None:
    text = TITLE + "The Tully Center for Harbour Research said the survey was sound."
    q = by_text(text, "survey")
    assert q.speaker_name == "Tully Center for Harbour Research"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ORGANIZATION


def test_bureau_of_is_one_organisation() -> None:
    q = by_text(TITLE + "The Federal Bureau of Harbours said the pier was safe.", "pier")
    assert q.speaker_name == "Federal Bureau of Harbours"


def test_country_speaks_as_an_organisation() -> None:
    q = by_text(TITLE + "Canada said the port would reopen in May.", "port")
    assert q.speaker_name == "Canada"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ORGANIZATION
    assert q.provenance.attributor == "organization"


def test_state_before_a_title_is_no_cue() -> None:
    q = by_text(TITLE + "The Kesterwick state attorney general is confirming that the fund "
                "is not registered.", "fund")
    assert q.speaker_name == "The Kesterwick state attorney general"
    assert q.cue is not None and q.cue.text == "is confirming"


def test_claims_before_a_source_noun_stays_a_cue() -> None:
    q = by_text(TITLE + "Ruiz claims officials lied about the pier.", "lied")
    assert q.speaker_name == "Ruiz"
    assert q.text == "officials lied about the pier"


def test_campaign_of_a_person_is_not_the_person() -> None:
    text = TITLE + "Ana Ruiz spoke first.\n\nThe Ruiz campaign said the polls were wrong."
    q = by_text(text, "polls")
    assert q.speaker_name == "Ruiz campaign"


def test_surname_that_is_a_month() -> None:
    text = TITLE + "Prime Minister Alma June said this week that the talks would go on."
    assert by_text(text, "talks").speaker_name == "Alma June"


def test_party_label_after_name_is_skipped() -> None:
    text = TITLE + "“This is a sad day,” Rep. Jane Roe (D-Calif.) said on Friday."
    assert by_text(text, "sad day").speaker_name == "Jane Roe"


def test_conflicting_gender_evidence_leaves_gender_unknown() -> None:
    from quoteattr.coreference import Entity

    e = Entity("lind", gender_votes={"m": 1, "f": 1})
    assert e.gender is None


def test_indefinite_title_held_by_one_named_person_resolves_to_them() -> None:
    text = ("Ferry talks\n\nThe call lasted two hours and was held at the council's request, "
            "according to a Harbour Board aide.\n\nThe ferry will sail in May, Harbour Board "
            "aide Teo Lind said.\n")
    q = by_text(text, "call lasted")
    assert q.speaker_name == "Teo Lind"
    assert q.provenance.attributor == "unique-title"


def test_indefinite_title_shared_by_two_people_stays_anonymous() -> None:
    text = ("Ferry talks\n\nThe call lasted two hours, according to a Harbour Board aide.\n\n"
            "The ferry will sail in May, Harbour Board aide Teo Lind said.\n\n"
            "The pier is closed, Harbour Board aide Mia Sorensen said.\n")
    q = by_text(text, "call lasted")
    assert q.speaker_name == "a Harbour Board aide"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_unresolved_title_keeps_description() -> None:
    q = by_text("Ferry talks\n\nThe pier is unsafe, a senior port official said.\n", "pier")
    assert q.speaker_name == "a senior port official"


def test_name_particles_stay_in_the_name() -> None:
    q = by_text(TITLE + "Ana de la Vega said the ferry would run on time.", "ferry")
    assert q.speaker_name == "Ana de la Vega"


def test_role_of_an_organisation_speaks_not_the_organisation() -> None:
    q = by_text(TITLE + "The director of the agency said the pier was safe.", "pier")
    assert q.speaker_name == "The director of the agency"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_author_of_a_report_speaks_after_according_to() -> None:
    text = TITLE + "The ferry lost money every year, according to a new report by Ana Brandt."
    q = by_text(text, "lost money")
    assert q.speaker_name == "Ana Brandt"


def test_report_without_an_author_stays_the_source() -> None:
    q = by_text(TITLE + "According to the report, the ferry lost money.", "lost money")
    assert q.speaker_name == "the report"


def test_pronoun_after_a_woman_named_since_the_last_speaker() -> None:
    text = ("Harbour vote\n\n“You say you accept responsibility,” Teo Lind said.\n\n"
            "Commissioner Ana Ruiz was more cautious than her colleagues. Although she "
            "called the bank’s conduct “shameful”, Ruiz kept her remarks short.\n")
    assert by_text(text, "shameful").speaker_name == "Ana Ruiz"


def test_pronoun_prefers_the_subject_of_the_sentence_since_the_last_speaker() -> None:
    text = (TITLE + "Port chief Piet Vandermolen said the offer was fair.\n\n"
            "Ines Okafor, the union leader, said the offer was not enough.\n\n"
            "Vandermolen said the union's demand would cost 14 percent more.\n\n"
            "Okafor dismissed that figure. “He knows the numbers are wrong,” she said.")
    assert by_text(text, "numbers").speaker_name == "Ines Okafor"


def test_a_sentence_subject_without_person_evidence_is_no_antecedent() -> None:
    text = (TITLE + "Harbour master Teo Lind said the cranes were safe.\n\n"
            "Crowds gathered at the pier. “We checked every crane twice,” he said.")
    assert by_text(text, "crane twice").speaker_name == "Teo Lind"


def test_pronoun_after_another_subject_teaches_the_last_speaker_no_gender() -> None:
    text = (TITLE + "Port chief Piet Vandermolen said the offer was fair.\n\n"
            "Ines Okafor dismissed that. “It is not,” she said.\n\n"
            "Vandermolen later added that talks would go on.\n\n"
            "“We will meet again on Monday,” he said.")
    assert by_text(text, "Monday").speaker_name == "Piet Vandermolen"


def test_title_case_headline_lends_no_name_to_an_entity() -> None:
    text = ("Harbour Workers Slam Ana Ruiz Over Pier Plan\n\n"
            "Mayor Ana Ruiz said the pier would close in May.\n\n"
            "“It is the only safe choice,” she said.")
    assert {q.speaker_name for q in quotes(text)} == {"Ana Ruiz"}


def test_pronoun_after_a_single_unnamed_source_is_that_source() -> None:
    text = (TITLE + "Union leader Ines Okafor said the strike would go on.\n\n"
            "One crane operator, who asked not to be named, said many colleagues had second "
            "jobs.\n\n“I’ve got two kids and a mortgage,” he said.")
    q = by_text(text, "mortgage")
    assert q.speaker_name == "One crane operator"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_pronoun_after_plural_unnamed_sources_skips_them() -> None:
    text = (TITLE + "Harbour master Teo Lind said the cranes were safe.\n\n"
            "Two crane operators said they disagreed.\n\n“We checked every crane,” he said.")
    assert by_text(text, "every crane").speaker_name == "Teo Lind"


def test_named_speaker_after_an_unnamed_source_wins_the_pronoun() -> None:
    text = (TITLE + "A crane operator said the cranes were old.\n\n"
            "Harbour master Teo Lind said they were safe. “We checked every crane,” he said.")
    assert by_text(text, "every crane").speaker_name == "Teo Lind"


def test_source_briefed_on_a_matter_is_an_unnamed_speaker() -> None:
    q = by_text(TITLE + "A senior diplomat briefed on the talks said the mood was good.", "mood")
    assert q.speaker_name == "A senior diplomat briefed on the talks"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_definite_role_noun_continues_the_unnamed_source_with_that_role() -> None:
    text = (TITLE + "A senior diplomat briefed on the talks said the mood was good. "
            "“Nobody walked out, which is a first,” the diplomat said.")
    assert by_text(text, "walked out").speaker_name == "A senior diplomat briefed on the talks"


def test_definite_role_noun_with_another_role_stays_a_description() -> None:
    text = (TITLE + "A senior diplomat briefed on the talks said the mood was good. "
            "“Nobody walked out,” the mayor said.")
    assert by_text(text, "walked out").speaker_name == "the mayor"


def test_adverb_first_after_a_name_ends_the_name() -> None:
    # rule trailing-modifier (mentions.chunk_forward) and adverb-before-cue (cues)
    text = (TITLE + "Port director Teo Lind confirmed the cranes would stay.\n\n"
            "Lind first revealed on KPRT that the berth would close. "
            "He said the closure would last a week.")
    assert by_text(text, "berth would close").speaker_name == "Teo Lind"
    assert by_text(text, "closure would last").speaker_name == "Teo Lind"


def test_a_first_reported_case_is_no_cue() -> None:
    assert quotes(TITLE + "The first reported case came from the north pier.") == []


def test_a_platform_is_no_antecedent_for_a_pronoun() -> None:
    text = (TITLE + "Ana Ruiz said the port was safe.\n\n"
            "The council met on Monday.\n\n"
            "A video of the pier was shared on Truth Social.\n\n"
            "\u201cWe are ready for the ferries,\u201d she said.")
    assert by_text(text, "ready for the ferries").speaker_name == "Ana Ruiz"


def test_a_platform_speaks_as_an_organisation() -> None:
    q = by_text(TITLE + "Telegram said it had removed the channel.", "removed the channel")
    assert q.speaker is not None and q.speaker.type is SpeakerType.ORGANIZATION


def test_country_possessive_keeps_the_name() -> None:
    text = (TITLE + "Peruvian President Luis Soto arrived on Monday.\n\n"
            "Peru's Soto said the talks would be long.")
    assert by_text(text, "talks would be long").speaker_name == "Luis Soto"


def test_main_speaker_takes_an_unheld_definite_role() -> None:
    # rule main-speaker-role: nobody in the article is titled president
    text = (TITLE + "Ana Ruiz said she would visit the port on Friday.\n\n"
            "Ruiz and the union's Omar Haddad will meet at the pier, and the Chilean "
            "president said she expected a deal.")
    q = by_text(text, "expected a deal")
    assert q.speaker_name == "Ana Ruiz"
    assert q.provenance.attributor == "main-speaker-role"


def test_unheld_role_after_another_speaker_stays_a_description() -> None:
    text = (TITLE + "Ana Ruiz said she would visit the port on Friday. Ruiz met the board.\n\n"
            "Omar Haddad said the workers were ready.\n\n"
            "The governor said the state would pay for the dredging.")
    q = by_text(text, "pay for the dredging")
    assert q.speaker_name == "The governor"
    assert q.provenance.attributor == "role-description"


def test_unheld_role_contradicting_the_main_speakers_nationality_stays_a_description() -> None:
    text = (TITLE + "Peruvian trade envoy Ana Ruiz said she would visit the port.\n\n"
            "Ruiz toured the pier, and the Chilean president said a deal was close.")
    q = by_text(text, "deal was close")
    assert q.speaker_name != "Ana Ruiz"


def test_indefinite_role_for_a_person_is_an_unnamed_source() -> None:
    text = (TITLE + "Ruiz spokesman Teo Lind opened the briefing.\n\n"
            "A spokeswoman for Ana Ruiz said the port would stay open.")
    q = by_text(text, "stay open")
    assert q.speaker_name == "A spokeswoman for Ana Ruiz"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ANONYMOUS


def test_role_noun_needs_every_role_it_names() -> None:
    # ``the state attorney general`` is not the attorney named earlier
    text = (TITLE + "Attorney Teo Lind represents the fund. Lind filed its papers. "
            "Lind met the board.\n\n"
            "Kesterwick Attorney General Ana Ruiz opened an inquiry.\n\n"
            "The state attorney general said the fund was not registered.")
    assert by_text(text, "not registered").speaker_name == "Ana Ruiz"


def test_gendered_role_noun_skips_a_person_of_the_other_gender() -> None:
    text = (TITLE + "Spokesman Teo Lind said he would brief the press. Lind left early. "
            "Lind came back.\n\n"
            "Spokeswoman Ana Ruiz joined the port board in May.\n\n"
            "The spokeswoman said the cranes were safe.")
    assert by_text(text, "cranes were safe").speaker_name == "Ana Ruiz"


def test_role_for_a_person_is_not_that_person() -> None:
    text = (TITLE + "Former spokeswoman Ana Ruiz is now mayor. Ruiz toured the pier "
            "with her spokesman Teo Lind. Ruiz waved.\n\n"
            "The spokesman for Ruiz said the tour went well.")
    assert by_text(text, "tour went well").speaker_name == "Teo Lind"


def test_role_subject_is_a_pronouns_antecedent() -> None:
    # rule role-subject: the leader, not the man named inside the quotation, says it
    text = (TITLE + "Chilean President Luis Soto said the talks would start in May.\n\n"
            "Opposition leader Marco Vidal said parliament should vote first.\n\n"
            "\u201cThe president talks about tables,\u201d Vidal said.\n\n"
            "The Chilean leader dismissed the criticism. \u201cMr Vidal has a talent for "
            "finding the cloud in every sky,\u201d he said.")
    assert by_text(text, "cloud in every sky").speaker_name == "Luis Soto"


def test_unresolved_role_subject_is_the_antecedent_as_a_description() -> None:
    text = (TITLE + "Mayor Ana Ruiz said the pier would reopen.\n\n"
            "The regional health chief visited the port on Friday. \u201cThe water is "
            "clean now,\u201d she said.")
    assert by_text(text, "water is clean").speaker_name == "The regional health chief"


def test_unresolved_role_subject_of_the_last_speaking_main_subject() -> None:
    text = (TITLE + "Ana Ruiz toured the port. Ruiz said the cranes were old. "
            "She said the state would pay.\n\n"
            "The Green candidate gave no figure, though she said the levy would cover it.")
    assert by_text(text, "levy would cover").speaker_name == "Ana Ruiz"


def test_title_qualifier_picks_the_holder_of_that_title() -> None:
    # rule title-qualifier: ``the finance minister`` is not the prime minister
    text = (TITLE + "Prime Minister Edmund Rask said the budget was fair. Rask left early.\n\n"
            "Finance Minister Claes Hjort said the cuts were needed.\n\n"
            "\u201cNobody enjoys closing wards,\u201d the finance minister added.")
    assert by_text(text, "closing wards").speaker_name == "Claes Hjort"


def test_age_description_refers_back_like_a_pronoun() -> None:
    # rule age-description
    text = (TITLE + "Chief executive Ingrid Solberg-Hale described the deal as "
            "\u201ca rare opportunity\u201d.\n\n"
            "Asked about job losses, the 54-year-old said no terminal would close.")
    q = by_text(text, "no terminal")
    assert q.speaker_name == "Ingrid Solberg-Hale"
    assert q.provenance.attributor == "age-description"


def test_age_description_with_a_noun_is_no_name() -> None:
    text = (TITLE + "Castellan manager Bruno Achterberg said he was angry. "
            "The 49-year-old Dutchman said he would not ask the league for an explanation.")
    assert by_text(text, "ask the league").speaker_name == "Bruno Achterberg"


def test_the_source_continues_the_last_unnamed_source() -> None:
    # rule source-continuation
    text = (TITLE + "A senior Green Party figure, who asked not to be named, said the MPs "
            "would meet on Monday.\n\n"
            "\u201cLosing her is a shock,\u201d the source said.")
    q = by_text(text, "Losing her")
    assert q.speaker_name == "A senior Green Party figure"
    assert q.provenance.attributor == "source-continuation"


def test_pronoun_after_a_multi_paragraph_quotation_keeps_its_speaker() -> None:
    text = (TITLE + "Ana Ruiz, 58, who led the council, was convicted in July.\n\n"
            "Judge Helena Varkonyi told the court that Ruiz had shown no remorse.\n\n"
            "\u201cThe people of Lorvik trusted you with their port.\n\n"
            "\u201cThis court cannot undo the damage,\u201d she said.")
    assert by_text(text, "cannot undo").speaker_name == "Helena Varkonyi"


def test_a_name_before_an_aside_opens_the_sentence() -> None:
    text = (TITLE + "Judge Helena Varkonyi read the sentence.\n\n"
            "Teo Marsh, dressed in a grey suit, showed little emotion. Before sentencing, "
            "he said he was sorry for the pain he had caused.")
    assert by_text(text, "was sorry").speaker_name == "Teo Marsh"


def test_and_inside_an_organisation_name() -> None:
    text = (TITLE + "The Software and Allied Workers Union, which represents 2,000 staff, "
            "said it would fight the cuts.")
    q = by_text(text, "fight the cuts")
    assert q.speaker_name == "Software and Allied Workers Union"
    assert q.speaker is not None and q.speaker.type is SpeakerType.ORGANIZATION


def test_and_between_two_names_is_no_organisation() -> None:
    q = by_text(TITLE + "Ana Ruiz and Teo Lind said the port would reopen.", "reopen")
    assert q.speaker_name != "Ana Ruiz and Teo Lind"


def test_unheld_role_in_the_last_speakers_paragraph_is_that_speaker() -> None:
    # rule last-speaker-role
    text = (TITLE + "President Ana Ruiz met the envoys. Ruiz spoke first. Ruiz left early.\n\n"
            "\u201cThe talks were frank,\u201d said Oleg Tarnov at a briefing.\n\n"
            "Tarnov said no date had been set. The working groups will meet in December, "
            "the spokesman added.")
    q = by_text(text, "working groups")
    assert q.speaker_name == "Oleg Tarnov"
    assert q.provenance.attributor == "last-speaker-role"


def test_former_role_follows_a_speaker_with_another_role() -> None:
    text = (TITLE + "\u201cThe talks were frank,\u201d said Oleg Tarnov, the Citadel spokesman.\n\n"
            "The working groups will meet in December, the former ambassador added.")
    assert by_text(text, "working groups").speaker_name == "Oleg Tarnov"


def test_a_speakers_apposed_role_is_learned() -> None:
    # the role from ``said Rafael Monteverde, Ilunga's agent`` resolves ``the veteran agent``
    text = (TITLE + "Porthaven signed Mateo Ilunga on Thursday. Ilunga smiled.\n\n"
            "\u201cMateo chose the project,\u201d said Rafael Monteverde, Ilunga\u2019s agent.\n\n"
            "The veteran agent, who also represents two defenders, said talks had nearly "
            "collapsed.")
    assert by_text(text, "nearly collapsed").speaker_name == "Rafael Monteverde"


def test_one_of_them_is_one_of_the_last_group_of_sources() -> None:
    # rule partitive-source
    text = (TITLE + "Two officials at the health ministry, speaking on condition of "
            "anonymity, said the report had been shared in 2022. A plan to restrict the drugs "
            "was shelved that year, one of them said.")
    assert by_text(text, "report had been").speaker_name == (
        "Two officials at the health ministry")
    assert by_text(text, "plan to restrict").speaker_name == (
        "one of two officials at the health ministry")


def test_name_of_an_affiliation_before_a_relative_clause_speaks() -> None:
    text = (TITLE + "Viktor Amsel of National Renewal, who finished third, conceded shortly "
            "before midnight, saying his party had lost a battle.")
    found = quotes(text)
    assert [(q.text, q.speaker_name) for q in found] == [
        ("his party had lost a battle", "Viktor Amsel")]


def test_a_name_apposed_to_the_opening_noun_phrase_is_the_subject() -> None:
    text = (TITLE + "Prosecutor Callum Rourke said the driver was reckless.\n\n"
            "Noor\u2019s mother, Samira Haddad, sat in the gallery. Outside, she held up a "
            "photograph. \u201cShe was nineteen. She had her whole life planned out.\u201d")
    q = by_text(text, "She was nineteen")
    assert q.speaker_name == "Samira Haddad"


def test_a_name_apposed_to_the_opening_noun_phrase_is_the_subject_past_a_who_clause() -> None:
    text = (TITLE + "Councillor Wenna Tregear said the dunes must be protected.\n\n"
            "A visiting hydrologist, Ines Carvalho, who mapped the estuary last spring, "
            "backed the scheme. \u201cThe sand will hold,\u201d she said.")
    assert by_text(text, "The sand will hold").speaker_name == "Ines Carvalho"


def test_a_who_clause_without_a_verb_after_it_makes_no_apposed_subject() -> None:
    text = (TITLE + "Councillor Wenna Tregear said the dunes must be protected.\n\n"
            "A visiting hydrologist, Ines Carvalho, who mapped the estuary last spring, "
            "and two students. \u201cThe sand will hold,\u201d she said.")
    assert by_text(text, "The sand will hold").speaker_name == "Wenna Tregear"


def test_according_to_a_role_with_an_apposed_name() -> None:
    text = (TITLE + "The call lasted 90 minutes, according to the president\u2019s foreign policy "
            "aide, Konstantin Dravek.\n\n"
            "The aide said the ministers would meet within days.")
    assert by_text(text, "lasted 90 minutes").speaker_name == "Konstantin Dravek"
    assert by_text(text, "ministers would meet").speaker_name == "Konstantin Dravek"


def test_a_shared_role_goes_to_the_one_who_spoke_last() -> None:
    text = (TITLE + "Chilean President Ana Ruiz spoke first. Ruiz said talks would start. "
            "Ruiz left.\n\n"
            "Peruvian President Marta Soto was more guarded. She said Peru would send a "
            "minister. Ruiz had done most of the talking, the president added.")
    assert by_text(text, "most of the talking").speaker_name == "Marta Soto"


def test_it_in_a_relative_clause_is_the_organisation_of_the_sentence() -> None:
    # rule it-organization
    text = (TITLE + "The Granite House later published its own account of the call, which it "
            "described as \u201cfrank and substantive\u201d.")
    q = by_text(text, "frank and substantive")
    assert q.speaker_name == "Granite House"


def test_the_statement_speaks_for_its_author() -> None:
    # rule document-author
    text = (TITLE + "Real Corvana, where Ilunga spent eight years, said in its own statement:\n\n"
            "\u201cMateo arrived here as a 16-year-old with one pair of boots.\n\n"
            "\u201cEveryone here wishes him well,\u201d the statement said.")
    found = quotes(text)
    assert [q.speaker_name for q in found] == ["Real Corvana", "Real Corvana"]
    assert found[1].provenance.attributor == "document-author"


def test_a_nested_cue_does_not_make_its_subject_the_last_speaker() -> None:
    text = (TITLE + "Mayor Ana Ruiz visited the shelter.\n\n"
            "Marta Soto, 34, said the mayor had promised her a bus home.\n\n"
            "\u201cShe held my hand and said sorry,\u201d she said.")
    assert by_text(text, "held my hand").speaker_name == "Marta Soto"


def test_a_name_after_an_opening_phrase_is_the_sentence_subject() -> None:
    text = (TITLE + "Mayor Teo Lind toured the pier.\n\n"
            "At the Harbour Road shelter, Marisol, 34, sat on a camp bed. She said the family "
            "had left at 2 a.m.")
    assert by_text(text, "had left at").speaker_name == "Marisol"


def test_a_place_is_no_antecedent() -> None:
    text = (TITLE + "Ana Ruiz said the shelter was full.\n\n"
            "Volunteers reached Quay Street at dawn.\n\n"
            "The water was still rising. \u201cWe need boats,\u201d she said.")
    assert by_text(text, "need boats").speaker_name == "Ana Ruiz"


def test_roles_of_appositions_are_learned_both_ways() -> None:
    text = (TITLE + "The rapporteur, Katarina Holm, said the vote was a turning point. Rainer "
            "Oostveld, the commissioner for digital affairs, welcomed the result.\n\n"
            "Negotiations could start in January, the rapporteur said. \u201cThis is about who "
            "is speaking,\u201d the commissioner told reporters.")
    assert by_text(text, "Negotiations could start").speaker_name == "Katarina Holm"
    assert by_text(text, "who is speaking").speaker_name == "Rainer Oostveld"


def test_role_of_an_inverted_cues_apposition_with_an_affiliation() -> None:
    text = (TITLE + "\u201cThe water is the story,\u201d said Priya Anand, a meteorologist at "
            "the bureau.\n\n"
            "The meteorologist, who has tracked storms for 15 years, said the surge had met a "
            "high tide.")
    assert by_text(text, "surge had met").speaker_name == "Priya Anand"


def test_a_company_with_an_ampersand_is_an_affiliation() -> None:
    text = (TITLE + "Devika Mehr of Stallard & Co wrote in a note to clients that the cut was "
            "\u201cbigger than expected\u201d.")
    assert by_text(text, "bigger than expected").speaker_name == "Devika Mehr"


def test_two_of_the_people_is_a_partitive_of_the_last_group() -> None:
    text = (TITLE + "Three people familiar with the matter said the minister had met the "
            "bidder twice.\n\n"
            "He told officials to rerun the tender, two of the people said.")
    assert by_text(text, "rerun the tender").speaker_name == (
        "two of three people familiar with the matter")


def test_one_of_them_before_a_long_apposition() -> None:
    text = (TITLE + "Three people familiar with the matter said the minister had met the "
            "bidder twice.\n\n"
            "One of them, a senior official in the transport ministry who spoke on condition "
            "of anonymity because they were not authorised to discuss the tender, said the "
            "minister had called the first evaluation a mistake.")
    q = by_text(text, "first evaluation")
    assert q.speaker is not None and "people familiar" in q.speaker.name


def test_a_partitive_at_the_end_of_a_paragraph_is_harmless() -> None:
    assert quotes(TITLE + "They met at the pier. Two of the") == []


def test_speaker_names_keep_no_no_break_spaces() -> None:
    from quoteattr import extract

    text = ("Harbour talks resume\n\n“The pier is safe,” said Mila\u00a0Arden. Later "
            "Arden\u00a0said the levy would rise.")
    names = {(q.speaker_name, q.speaker.aliases if q.speaker else None) for q in extract(text)}
    assert names == {("Mila Arden", ("Arden", "Mila Arden"))}


# -- the entity store and the discourse timeline, directly -------------------------------------
def _name(text: str, start: int, name: str | None = None, roles: tuple[str, ...] = (),
          gender: str | None = None) -> Mention:
    """A name mention as the mention classifier gives it (``Port aide Teo Lind``)."""
    return Mention(start, start + len(text), text, MentionKind.NAME, name=name or text,
                   roles=roles, gender=gender)


def test_store_joins_a_bare_surname_to_the_full_name_and_splits_other_first_names() -> None:
    store = EntityStore()
    ana = store.add(_name("Ana Ruiz", 0), 0)
    assert store.add(_name("Ruiz", 40), 40) is ana
    marco = store.add(_name("Marco Ruiz", 80), 80)
    assert marco is not None and marco is not ana
    assert store.lookup(_name("Marco Ruiz", 120)) is marco
    assert ana is not None and ana.positions == [0, 40] and ana.name == "Ana Ruiz"


def test_store_learns_roles_titles_and_gender_from_a_titled_mention() -> None:
    store = EntityStore()
    lind = store.add(_name("Port aide Teo Lind", 0, "Teo Lind", ("aide",), "m"), 0)
    assert lind is not None
    assert (lind.roles, lind.titles, lind.gender) == ({"aide"}, ("port aide",), "m")
    assert store.titled("port aide") == [lind] and store.holders("aide", 32) == [lind]


def test_store_main_subject_is_the_person_mentioned_most_never_an_organisation() -> None:
    store = EntityStore()
    for pos in (0, 10, 20):
        store.add(Mention(pos, pos + 4, "Kest", MentionKind.ORGANIZATION, name="Kest"), pos)
    lind = store.add(_name("Teo Lind", 30), 30)
    assert store.main_subject() is lind


def test_timeline_looks_back_only_before_the_position() -> None:
    store, timeline = EntityStore(), Timeline()
    ana, teo = store.add(_name("Ana Ruiz", 0), 0), store.add(_name("Teo Lind", 50), 50)
    assert ana is not None and teo is not None
    timeline.note_speaker(ana, 10)
    timeline.note_subject(teo, 50)
    timeline.note_speaker(teo, 90)
    assert timeline.last_speaker(90) == (10, ana) and timeline.last_speaker(91) == (90, teo)
    assert timeline.last_subject(50) is None and timeline.last_subject(51) == (50, teo)
    assert list(timeline.speakers_since(5, 100)) == [teo, ana]
    assert list(timeline.speakers_since(20, 100)) == [teo]


def test_timeline_forgets_the_speakers_of_a_nested_cue() -> None:
    store, timeline = EntityStore(), Timeline()
    lind = store.add(_name("Teo Lind", 0), 0)
    assert lind is not None
    timeline.note_speaker(lind, 0)
    mark = timeline.speakers_noted()
    timeline.note_speaker(lind, 30)  # ``Lind said the mayor had promised …``
    timeline.forget_speakers(mark)
    assert timeline.history == [(0, lind)]


def test_timeline_notes_leave_the_entity_untouched() -> None:
    store, timeline = EntityStore(), Timeline()
    road = store.add(_name("Harbour Road", 0), 0)
    assert road is not None and not road.person_evidence
    timeline.note_speaker(road, 20)
    timeline.note_subject(road, 20)
    assert not road.person_evidence and road.positions == [0]


def test_speaking_makes_a_person_in_the_store_except_a_place_name() -> None:
    index = EntityIndex()
    arden = index.add(Mention(0, 5, "Arden", MentionKind.NAME, name="Arden"), 0)
    road = index.add(_name("Harbour Road", 20), 20)
    assert arden is not None and road is not None and not arden.person_evidence
    index.note_speaker(arden, 40)
    index.note_speaker(road, 60)
    assert arden.person_evidence and not road.person_evidence
    assert index.timeline.history == [(40, arden), (60, road)]


def test_timeline_remembers_who_spoke_through_a_document() -> None:
    timeline = Timeline()
    arden = Speaker("Mila Arden", SpeakerType.PERSON)
    assert timeline.document_speaker("statement") is None
    timeline.note_document("statement", arden)
    assert timeline.document_speaker("statement") is arden


def test_timeline_unnamed_source_found_by_a_shared_role_in_the_window() -> None:
    timeline = Timeline()
    diplomat = Speaker("A senior diplomat", SpeakerType.ANONYMOUS, roles=("diplomat",))
    timeline.note_unnamed(diplomat, None, 100)
    assert timeline.unnamed_by_role(("diplomat",), 150, 50) is diplomat
    assert timeline.unnamed_by_role(("diplomat",), 150, 120) is None  # before the window
    assert timeline.unnamed_by_role(("minister",), 150, 50) is None
    assert timeline.unnamed_by_role(None, 150, 50) is diplomat  # ``the source said``


def test_the_timeline_and_the_rules_write_no_entity_field() -> None:
    """Only ``entities.py`` (the store) assigns to an entity's fields."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "quoteattr"
    for module in ("timeline.py", "coreference.py"):
        tree = ast.parse((package / module).read_text(encoding="utf-8"))
        targets = [t for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AugAssign))
                   for t in (node.targets if isinstance(node, ast.Assign) else [node.target])]
        owners = {ast.unparse(t.value) for t in targets if isinstance(t, ast.Attribute)}
        assert owners <= {"self"}, (module, owners)


def test_index_methods_write_each_part_in_its_own_place() -> None:
    index = EntityIndex()
    lind = index.add(_name("Teo Lind", 0), 0)
    assert lind is not None
    index.note_speaker(lind, 10)
    mark = index.speakers_noted()
    index.note_speaker(lind, 30)
    index.forget_speakers(mark)
    index.vote(lind, "m", 1, GenderEvidence.PRONOUN)
    index.note_document("statement", lind.speaker())
    assert index.timeline.history == [(10, lind)] and lind.gender == "m"
    assert index.document_speaker("statement") == lind.speaker()
    assert index.timeline.documents == {"statement": lind.speaker()}
