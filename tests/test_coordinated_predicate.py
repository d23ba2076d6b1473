"""A noun-phrase object of a speech act ends where the subject's next predicate starts
(rule ``coordinated-predicate``): ``praised the plan and defended the levy``."""

from __future__ import annotations

from quoteattr import Quote, extract

TITLE = "Harbour talks resume\n\n"


def _quotes(sentence: str) -> list[Quote]:
    return [q for q in extract(TITLE + sentence) if q.kind.value != "direct"]


def _trail(q: Quote) -> list[str]:
    return [s.rule for s in q.provenance.trail]


def test_an_object_stops_before_and_with_a_past_verb() -> None:
    (q,) = _quotes("Harbour chief Ana Ruiz praised the new ferry plan and defended the "
                   "levy on Monday.")
    assert q.text == "the new ferry plan"
    assert "coordinated-predicate" in _trail(q)


def test_an_object_stops_before_but_with_an_auxiliary() -> None:
    (q,) = _quotes("Harbour chief Ana Ruiz cited the ferry budget but would not discuss "
                   "the levy.")
    assert q.text == "the ferry budget"


def test_an_object_stops_before_and_with_an_ing_verb() -> None:
    (q,) = _quotes("Harbour chief Ana Ruiz touted the new pier and pounding her rival on "
                   "the levy.")
    assert q.text == "the new pier"


def test_coordinated_gerunds_stay_one_object() -> None:
    (q,) = _quotes("Harbour chief Ana Ruiz proposed refinancing the ferry loans and forcing "
                   "the board to pay more.")
    assert q.text == "refinancing the ferry loans and forcing the board to pay more"
    assert "coordinated-predicate" not in _trail(q)


def test_a_clause_with_its_own_verb_runs_on_past_and() -> None:
    (q,) = _quotes("Harbour chief Ana Ruiz said the pier was safe and would reopen in May.")
    assert q.text == "the pier was safe and would reopen in May"


def test_switched_off_the_object_runs_on() -> None:
    text = TITLE + ("Harbour chief Ana Ruiz praised the new ferry plan and defended the levy "
                    "on Monday.")
    (q,) = [q for q in extract(text, disabled_rules={"coordinated-predicate"})
            if q.kind.value != "direct"]
    assert q.text.startswith("the new ferry plan and defended")


def test_an_object_in_a_relative_clause_stops_before_the_subjects_own_verb() -> None:
    found = _quotes("Harbour chief Ana Ruiz, who praised the new ferry plan, offered her "
                    "firmest promise yet that the pier would reopen.")
    assert "the new ferry plan" in [q.text for q in found]


def test_a_comma_and_an_ing_word_stay_in_the_object() -> None:
    (q,) = _quotes("Harbour chief Ana Ruiz cited reports of delays at the port, including "
                   "two ferry breakdowns.")
    assert q.text == "reports of delays at the port, including two ferry breakdowns"
