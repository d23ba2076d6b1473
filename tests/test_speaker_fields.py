"""Speaker gender (with its evidence) and roles as phrases, in every output."""

from __future__ import annotations

import csv
import io
import json

import pytest

import quoteattr
from quoteattr import GenderEvidence, Speaker, analyze, extract
from quoteattr.output import FIELDS, speaker_records, to_csv, to_jsonl

HONORIFIC = ("Port fees will rise in May, Ms Ana Ruiz said on Tuesday. "
             "“We have no choice,” Ruiz said.")
PRONOUN = "Teo Lind said on Monday that the ferry would stop. “It cannot go on,” he said."
ROLE_NOUN = "A spokeswoman for the harbour board said the gates were shut."
NAME_ONLY = "Maria Lopez said the bridge would open in June."
APPOSED = "Ana Ruiz, the chief executive officer of Harbourline, said fares would fall."
TITLED = "Chief Executive Officer Ana Ruiz said fares would fall."
TWO_TITLES = "Democratic presidential candidate Sen. Jo Bram said taxes would fall."
PRIME = "The prime minister, Marta Oso, said the talks had failed."


def _first(text: str) -> dict[str, object]:
    return json.loads(to_jsonl(extract(text)).splitlines()[0])


def test_records_have_gender_fields_after_the_speaker_type() -> None:
    i = FIELDS.index("speaker_type")
    assert FIELDS[i + 1:i + 4] == ("speaker_gender", "speaker_gender_evidence",
                                   "speaker_roles")


@pytest.mark.parametrize(("text", "gender", "evidence"), [
    (HONORIFIC, "f", "honorific"),
    (PRONOUN, "m", "pronoun"),
    (ROLE_NOUN, "f", "role"),
])
def test_jsonl_record_carries_the_speakers_gender_and_what_told_it(
        text: str, gender: str, evidence: str) -> None:
    rec = _first(text)
    assert (rec["speaker_gender"], rec["speaker_gender_evidence"]) == (gender, evidence)


def test_gender_is_never_guessed_from_a_first_name() -> None:
    rec = _first(NAME_ONLY)
    assert rec["speaker"] == "Maria Lopez"
    assert rec["speaker_gender"] is None and rec["speaker_gender_evidence"] is None


def test_an_honorific_outranks_a_pronoun_as_evidence() -> None:
    text = HONORIFIC + " “It is fair,” she said."
    (speaker,) = {q.speaker for q in extract(text) if q.speaker is not None}
    assert speaker.gender == "f" and speaker.gender_evidence is GenderEvidence.HONORIFIC


def test_no_speaker_means_null_gender_fields() -> None:
    quotes = extract("“The gates are shut.”\n\nNobody knows why.")
    for rec in (json.loads(line) for line in to_jsonl(quotes).splitlines()):
        if rec["speaker"] is None:
            assert rec["speaker_gender"] is None and rec["speaker_roles"] is None


def test_csv_has_gender_and_roles_columns_with_roles_joined_by_semicolons() -> None:
    (row,) = csv.DictReader(io.StringIO(to_csv(extract(TWO_TITLES))))
    assert row["speaker_roles"] == "candidate; senator"
    (row,) = csv.DictReader(io.StringIO(to_csv(extract(ROLE_NOUN))))
    assert (row["speaker_gender"], row["speaker_gender_evidence"]) == ("f", "role")


def test_speaker_records_carry_gender_and_evidence() -> None:
    (row,) = speaker_records(analyze(HONORIFIC))
    assert (row["gender"], row["gender_evidence"]) == ("f", "honorific")


def test_speaker_records_of_unattributed_quotes_have_null_gender() -> None:
    rows = speaker_records(analyze("“The gates are shut.”\n\nNobody knows why."))
    assert all(r["gender"] is None for r in rows if r["speaker"] is None)


def test_gender_evidence_is_a_small_public_enum() -> None:
    assert quoteattr.GenderEvidence is GenderEvidence
    assert [e.value for e in GenderEvidence] == ["honorific", "role", "pronoun"]
    assert Speaker("X").gender_evidence is None


# ------------------------------------------------------------------ roles as phrases


@pytest.mark.parametrize("text", [APPOSED, TITLED])
def test_a_multi_word_role_stays_one_phrase(text: str) -> None:
    (q,) = extract(text)
    assert q.speaker is not None and q.speaker.roles == ("chief executive officer",)
    assert _first(text)["speaker_roles"] == ["chief executive officer"]


def test_a_listed_compound_role_takes_its_modifier() -> None:
    (q,) = extract(PRIME)
    assert q.speaker is not None and q.speaker.roles == ("prime minister",)


def test_two_titles_side_by_side_stay_two_roles() -> None:
    (q,) = extract(TWO_TITLES)
    assert q.speaker is not None and q.speaker.roles == ("candidate", "senator")


def test_speakers_output_lists_role_phrases() -> None:
    (row,) = speaker_records(analyze(APPOSED))
    assert row["roles"] == ["chief executive officer"]


def test_schema_minor_version_is_bumped_for_the_added_speaker_fields() -> None:
    major, minor = (int(p) for p in quoteattr.SCHEMA_VERSION.split("."))
    assert major == 1 and minor >= 2  # (1.2 added them; 1.3 added ``headline``)


def test_a_modifying_role_word_joins_the_compound_after_it() -> None:
    (q,) = extract("The deputy prime minister, Ilse Varg, said the talks had failed.")
    assert q.speaker is not None and q.speaker.roles == ("deputy prime minister",)
