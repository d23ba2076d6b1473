"""quoteattr eval does not trust its gold or prediction records: paths stay inside --docs,
occurrences cannot hang, wrong types are one clear error naming the file and line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quoteattr.cli import main
from quoteattr.evaluation import RecordError, evaluate, load_records, place_records

ONE = "Ferry delays\n\n“The ferry is late again,” said Ada Quill.\n"
AT = ONE.index("The ferry")
GOOD = {"doc": "a.txt", "kind": "direct", "text": "The ferry is late again,", "start": AT,
        "end": AT + 24, "speaker": "Ada Quill", "optional": False}
SECRET = "“Top secret words,” said the vault.\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return folder


def write_gold(tmp_path: Path, *recs: dict[str, Any]) -> Path:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return gold


BAD_RECORDS = {
    "parent-path": ({"doc": "../secret.txt", "text": "Top secret words,"}, "'..'"),
    "absolute-path": ({"doc": "/etc/passwd", "text": "root"}, "relative path"),
    "backslash-parent": ({"doc": "..\\secret.txt", "text": "x"}, "'..'"),
    "drive-path": ({"doc": "C:secret.txt", "text": "x"}, "relative path"),
    "doc-not-str": ({"doc": 7, "text": "x"}, "'doc'"),
    "text-not-str": ({"doc": "a.txt", "text": ["x"]}, "'text'"),
    "float-occurrence": ({"doc": "a.txt", "text": "x", "occurrence": 2.5}, "'occurrence'"),
    "negative-occurrence": ({"doc": "a.txt", "text": "x", "occurrence": -1}, "'occurrence'"),
    "string-start": ({"doc": "a.txt", "text": "x", "start": "5", "end": 6}, "'start'"),
    "start-after-end": ({"doc": "a.txt", "text": "x", "start": 9, "end": 3}, "'start'"),
    "start-without-end": ({"doc": "a.txt", "text": "x", "start": 3}, "'end'"),
    "bool-start": ({"doc": "a.txt", "text": "x", "start": True, "end": 3}, "'start'"),
    "unknown-kind": ({"doc": "a.txt", "text": "x", "kind": "rumour"}, "'kind'"),
    "speaker-not-str": ({"doc": "a.txt", "text": "x", "speaker": {"n": 1}}, "'speaker'"),
    "optional-not-bool": ({"doc": "a.txt", "text": "x", "optional": "yes"}, "'optional'"),
    "speaker-check-not-bool": ({"doc": "a.txt", "text": "x", "speaker_check": 0},
                               "'speaker_check'"),
    "not-an-object": ([1, 2], "'doc' and 'text'"),
}


@pytest.mark.parametrize("name", list(BAD_RECORDS))
def test_eval_refuses_a_bad_gold_record_naming_file_and_line(
        name: str, docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        fake_pipeline: Any) -> None:
    bad, says = BAD_RECORDS[name]
    if isinstance(bad, dict):
        bad = {"kind": "direct", **bad}
    gold = write_gold(tmp_path, GOOD, bad)  # type: ignore[arg-type]
    code = main(["eval", str(gold), "--docs", str(docs), "--errors"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"quoteattr: error: {gold}:2: ") and says in line
    assert "Top secret" not in out + err


def test_load_records_requires_a_kind_in_gold_only(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, {"doc": "a.txt", "text": "x", "start": 0, "end": 1})
    assert load_records(gold)[0]["doc"] == "a.txt"
    with pytest.raises(RecordError, match=r":1: 'kind' must be one of"):
        load_records(gold, gold=True)


def test_evaluate_checks_lists_of_records_too(docs: Path) -> None:
    with pytest.raises(RecordError, match=r"gold record 1: .*'\.\.'"):
        evaluate([GOOD, {"doc": "../secret.txt", "kind": "direct", "text": "Top"}], docs,
                 pred=[])
    with pytest.raises(RecordError, match=r"pred record 0: 'start'"):
        evaluate([GOOD], docs, pred=[{**GOOD, "start": -4}])


def test_evaluate_without_docs_needs_offsets_instead_of_a_key_error() -> None:
    gold = [{"doc": "a.txt", "kind": "direct", "text": "The ferry"}]
    with pytest.raises(RecordError, match="no 'start'/'end'"):
        evaluate(gold, None, pred=[GOOD])


def test_place_records_refuses_a_doc_outside_the_folder(docs: Path) -> None:
    with pytest.raises(RecordError, match="'..'"):
        place_records([{"doc": "../secret.txt", "text": "Top secret words,"}], docs)


def test_occurrence_past_the_last_match_is_a_bad_offset_not_a_wrap_around(docs: Path) -> None:
    recs = [{"doc": "a.txt", "text": "e", "occurrence": n} for n in (0, 1, 50)]
    assert place_records(recs, docs) == 1
    assert recs[0]["start"] == ONE.index("e") and recs[1]["start"] == ONE.index("e", 5)
    assert recs[2]["start"] == -1


def test_huge_integer_occurrence_ends_at_the_last_match(docs: Path, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, GOOD, {"doc": "a.txt", "kind": "direct", "text": "",
                                       "occurrence": 10**12})
    code = (  # a child process, so that the code before the fix cannot hang the suite
        "import sys; from quoteattr.evaluation import evaluate; "
        "print(evaluate(sys.argv[1], sys.argv[2], pred=[]).bad_offsets_gold)"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(gold), str(docs)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1"


def test_valid_records_still_score_as_before(docs: Path, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, GOOD, {**GOOD, "kind": "indirect", "text": "ferry",
                                       "start": AT + 4, "end": AT + 9, "optional": True})
    pred = [{k: v for k, v in GOOD.items() if k not in ("start", "end")}]
    scores = evaluate(gold, docs, pred=pred)
    assert (scores.gold, scores.matched, scores.detect_f1, scores.e2e_f1) == (1, 1, 1.0, 1.0)
    assert scores.bad_offsets_gold == scores.bad_offsets_pred == 0
