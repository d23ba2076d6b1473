"""Golden rules for quotation marks (quoteattr/quotemarks.py), one small case each."""

import pytest

from quoteattr.quotemarks import Quotation, find_quotations, is_work_title, pair_paragraph


def contents(text: str) -> list[str]:
    found, _ = pair_paragraph(text, 0, len(text))
    return [text[q.start:q.end] for q in found]


def test_rule1_curly_double_quotes_pair() -> None:
    assert contents("“We will rebuild the bridge,” the mayor said.") == [
        "We will rebuild the bridge,"
    ]


def test_rule1_straight_double_quotes_pair() -> None:
    assert contents('"The port reopens Monday," she said.') == ["The port reopens Monday,"]


def test_rule1_british_single_quotes_pair() -> None:
    assert contents("Ruiz said: ‘The harbour is safe again.’") == ["The harbour is safe again."]


def test_rule1_straight_single_quotes_pair() -> None:
    assert contents("He wrote: 'We are ready.'") == ["We are ready."]


def test_rule1_guillemets_pair() -> None:
    assert contents("Elle a dit « nous partons demain » hier.") == ["nous partons demain"]


def test_rule1_low_high_german_quotes_pair() -> None:
    assert contents("Er sagte „wir kommen“ gestern.") == ["wir kommen"]


def test_rule1_doubled_apostrophes_act_as_double_quotes() -> None:
    assert contents("''This is not reform,'' said Mr. Lund.") == ["This is not reform,"]


def test_rule2_apostrophe_between_letters_is_not_a_mark() -> None:
    assert contents("‘The minister’s plan won’t pass,’ she said.") == [
        "The minister’s plan won’t pass,"
    ]


def test_rule2_decade_apostrophe_is_not_a_mark() -> None:
    assert contents("‘Prices are back to ’90s levels,’ he said.") == [
        "Prices are back to ’90s levels,"
    ]


def test_rule3_plural_possessive_without_open_quote_is_apostrophe() -> None:
    assert contents("The Ramos’ office said nothing.") == []


def test_rule3_plural_possessive_before_a_real_quote() -> None:
    text = "The Ramos’ office said: “We have no comment.”"
    assert contents(text) == ["We have no comment."]


def test_rule4_nested_quote_belongs_to_outer() -> None:
    text = "“She told me ‘never again’ and left,” he said."
    assert contents(text) == ["She told me ‘never again’ and left,"]


def test_rule4_double_nested_in_british_single() -> None:
    text = "He wrote: ‘We will end this “shameful” standoff.’"
    assert contents(text) == ["We will end this “shameful” standoff."]


def test_rule5_multi_paragraph_quotation_is_one_quote_per_paragraph() -> None:
    text = "“The first part of the statement.\n\n“The second part, closed,” she said."
    paras = [(0, 33), (35, len(text))]
    per_para = find_quotations(text, paras)
    assert [text[q.start:q.end] for q in per_para[0]] == ["The first part of the statement."]
    assert per_para[0][0].continues
    assert [text[q.start:q.end] for q in per_para[1]] == ["The second part, closed,"]
    assert per_para[1][0].continued


def test_rule6_unbalanced_mark_stays_in_its_paragraph() -> None:
    text = "He said “this never closes.\n\nA new paragraph with “a quote” here."
    paras = [(0, 27), (29, len(text))]
    per_para = find_quotations(text, paras)
    assert per_para[0] == []
    assert [text[q.start:q.end] for q in per_para[1]] == ["a quote"]


def test_rule6_stray_opener_is_replaced_by_the_next() -> None:
    assert contents("A stray “ mark, then “the real quote” follows.") == ["the real quote"]


def test_rule7_spaced_straight_quote_after_a_single_closes() -> None:
    text = '"I never liked the phrase \'dock outreach,\' " he told the crowd.'
    assert contents(text) == ["I never liked the phrase 'dock outreach,'"]


def test_rule7_spaced_straight_quote_after_a_word_does_not_close() -> None:
    assert contents('"We tried " and then "we won," she said.') == ["we won,"]


def test_closing_curly_used_as_opener_in_scraped_text() -> None:
    assert contents("He said ”hello there” to all.") == ["hello there"]


def _only(text: str) -> Quotation:
    found, _ = pair_paragraph(text, 0, len(text))
    assert len(found) == 1
    return found[0]


def test_rule8_title_case_quotation_after_a_possessive_is_a_work_title() -> None:
    text = "Lind told KPRT’s “Dockside Tonight” that the pier was safe."
    assert is_work_title(text, _only(text))


def test_rule8_title_case_quotation_after_on_is_a_work_title() -> None:
    text = "Lind said on “Meet the Harbour” that the pier was safe."
    assert is_work_title(text, _only(text))


def test_rule8_nickname_after_a_verb_is_no_work_title() -> None:
    text = "Ruiz called her “Crooked Lind” at the rally."
    assert not is_work_title(text, _only(text))


def test_rule8_sentence_after_on_is_no_work_title() -> None:
    text = "He insisted on “We Will Not Move, Ever.”"
    assert not is_work_title(text, _only(text))


def test_rule8_title_may_close_with_a_comma_inside_the_marks() -> None:
    text = "In an interview on KPRT’s “Dockside Tonight,” Lind said the pier was safe."
    assert is_work_title(text, _only(text))


def test_rule8_title_after_a_work_noun() -> None:
    text = "In his 2019 book, “Tides of Brass,” Ruiz argued for a bigger port."
    assert is_work_title(text, _only(text))


def test_rule8_short_sentence_after_a_verb_is_no_work_title() -> None:
    text = "Ruiz shouted “Not Today.” and left."
    assert not is_work_title(text, _only(text))


def test_rule8_title_after_an_episode_of() -> None:
    text = "On this week's episode of “Dockside Tonight,” Lind said the pier was safe."
    assert is_work_title(text, _only(text))


def test_rule8_event_name_after_in_is_a_work_title() -> None:
    text = "Lind is taking part in “Harbour Heritage Day,” a day of open piers."
    assert is_work_title(text, _only(text))


def test_rule8_sentence_after_in_is_no_work_title() -> None:
    text = "Lind wrote in “We will not move the pier, whatever the board says.”"
    assert not is_work_title(text, _only(text))


@pytest.mark.parametrize("text", [
    "The council set up a website called “Harbour Lights Forever” last spring.",
    "The so called “Harbour Accord” was signed in May.",
    "She appeared in a segment entitled “Fish Out Of Water.”",
    "The ferry, named “Kester Belle,” sailed at dawn.",
    "A fund dubbed “The Quay Trust” paid for the pier.",
])
def test_rule8_title_case_quotation_after_called_named_or_entitled_is_a_name(text: str) -> None:
    assert is_work_title(text, _only(text))


def test_rule8_lower_case_words_after_called_stay_a_quotation() -> None:
    text = "Ruiz called “a disgrace” what the board had done."
    assert not is_work_title(text, _only(text))


def test_rule9_tripled_apostrophe_closes_the_single_then_the_doubled_quote() -> None:
    text = "''My aunt told me, 'Never sell the boat,''' Ada Varga said."
    assert contents(text) == ["My aunt told me, 'Never sell the boat,'"]


def test_rule9_tripled_apostrophe_quote_keeps_the_cue_after_it() -> None:
    from quoteattr import extract
    text = "''The ferryman said, 'Not today,''' said Ada Varga, the port director."
    (q,) = extract(text)
    assert q.speaker is not None and q.speaker.name == "Ada Varga"


def test_rule9_tripled_apostrophe_opening_stays_double_then_single() -> None:
    assert contents("She wrote: '''Stay,' he said, and we stayed.'' The end.") == [
        "'Stay,' he said, and we stayed."
    ]


def test_each_quotation_records_the_rule_that_paired_it() -> None:
    from quoteattr.quotemarks import ORDER, pair_paragraph

    assert ORDER == ("word-apostrophe", "paired-marks", "stray-opener",
                     "spaced-straight-close", "tripled-apostrophe", "open-paragraph",
                     "work-title")
    text = "The “pier was shut. Lind said: “The quay reopens.” He added, \"the 'levy,' \" twice."
    assert [q.rule for q in pair_paragraph(text, 0, len(text))[0]] == [
        "stray-opener", "spaced-straight-close"]


def test_a_switched_off_marks_rule_leaves_its_marks_unpaired() -> None:
    from quoteattr import rules
    from quoteattr.quotemarks import pair_paragraph

    text = "He added, \"the term 'levy,' \" twice."
    with rules.disabled({"spaced-straight-close"}):
        assert pair_paragraph(text, 0, len(text))[0] == []
    assert len(pair_paragraph(text, 0, len(text))[0]) == 1


def test_rule2_switched_off_an_apostrophe_inside_a_word_closes_a_single_quotation() -> None:
    from quoteattr import rules

    text = "‘The minister’s plan won’t pass,’ she said. ‘Prices are back to ’90s levels.’"
    with rules.disabled({"word-apostrophe"}):
        assert contents(text)[0] == "The minister"
    assert contents(text) == ["The minister’s plan won’t pass,", "Prices are back to ’90s levels."]
