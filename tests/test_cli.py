"""The quoteattr command: extract, demo, speakers, eval; files, folders, stdin, errors."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from quoteattr.cli import Progress, main
from quoteattr.output import FIELDS

SEED_NAMES = re.compile(
    r"trump|putin|ushakov|zelensk|leavitt|stefanishyna|orb[aá]n\b|rubio|lavrov|witkoff|melania",
    re.I,
)

ONE = "Ferry delays\n\n“The ferry is late again,” said Ada Quill.\n"
TWO = "Nothing to report\n\n“Bring cushions,” Ada Quill said. “The chairs are wet.”\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with two articles at the top, one in a sub-folder and a non-.txt file."""
    (tmp_path / "b.txt").write_text(TWO, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Reply\n\n“Yes,” said Ada Quill.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("“Not an article,” said nobody.", encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# ------------------------------------------------------------- extract


def test_extract_prints_jsonl_by_default_with_doc_as_file_name(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    code, out, err = run(capsys, "extract", str(corpus / "a.txt"))
    assert code == 0 and err == ""
    (rec,) = jsonl(out)
    assert rec["doc"] == "a.txt"
    assert rec["text"] == "The ferry is late again,"
    assert list(rec) == list(FIELDS)


def test_extract_records_index_the_file_text(corpus: Path, capsys: pytest.CaptureFixture[str],
                                             fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "extract", str(corpus / "b.txt"))
    for rec in jsonl(out):
        assert TWO[rec["start"]:rec["end"]] == rec["text"]


def test_extract_folder_reads_all_txt_recursively_in_sorted_order(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "extract", str(corpus))
    docs = [r["doc"] for r in jsonl(out)]
    assert docs == ["a.txt", "b.txt", "b.txt", "sub/c.txt"]


def test_extract_keeps_the_order_of_the_arguments(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "extract", str(corpus / "b.txt"), str(corpus / "a.txt"))
    assert [r["doc"] for r in jsonl(out)] == ["b.txt", "b.txt", "a.txt"]


def test_extract_reads_stdin_for_dash(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str],
                                      fake_pipeline: Any) -> None:
    data = ("\ufeff" + ONE).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(capsys, "extract", "-")
    (rec,) = jsonl(out)
    assert code == 0 and rec["doc"] == "-"
    assert ONE[rec["start"]:rec["end"]] == rec["text"]


def test_extract_undecodable_stdin_is_reported(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str],
                                               fake_pipeline: Any) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9")))
    code, _, err = run(capsys, "extract", "-")
    assert code == 1 and "<stdin>" in err and "UTF-8" in err


def test_extract_csv_has_header_and_same_fields(corpus: Path, capsys: pytest.CaptureFixture[str],
                                                fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "extract", "--format", "csv", str(corpus))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(FIELDS)
    assert [r["doc"] for r in rows] == ["a.txt", "b.txt", "b.txt", "sub/c.txt"]


def test_extract_table_is_readable_text(corpus: Path, capsys: pytest.CaptureFixture[str],
                                        fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "extract", "--format", "table", str(corpus))
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["DOC", "KIND", "SPEAKER"]
    assert len(lines) == 2 + 4
    assert "Ada Quill" in lines[2]


def test_extract_output_file(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             fake_pipeline: Any) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", str(corpus / "a.txt"), "-o", str(target))
    assert code == 0 and out == ""
    assert jsonl(target.read_text(encoding="utf-8"))[0]["doc"] == "a.txt"


def test_extract_output_into_a_missing_folder_is_a_clear_error(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    code, _, err = run(capsys, "extract", str(corpus / "a.txt"), "-o",
                       str(corpus / "no" / "such" / "out.jsonl"))
    assert code == 1
    assert err.startswith("quoteattr: error:") and "out.jsonl" in err
    assert "Traceback" not in err


def test_extract_missing_path_is_reported_and_others_processed(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    code, out, err = run(capsys, "extract", str(corpus / "nope.txt"), str(corpus / "a.txt"))
    assert code == 1
    assert [r["doc"] for r in jsonl(out)] == ["a.txt"]
    assert err.count("\n") == 1 and "nope.txt" in err


def test_extract_undecodable_file_is_reported_and_others_processed(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (corpus / "0_latin.txt").write_bytes("“Olé,” he said.".encode("cp1252"))
    code, out, err = run(capsys, "extract", str(corpus))
    assert code == 1
    assert [r["doc"] for r in jsonl(out)] == ["a.txt", "b.txt", "b.txt", "sub/c.txt"]
    (line,) = err.splitlines()
    assert "0_latin.txt" in line and "UTF-8" in line and "offset" in line


def test_extract_unreadable_file_is_reported(corpus: Path, capsys: pytest.CaptureFixture[str],
                                             fake_pipeline: Any) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    locked = corpus / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    locked.chmod(0)
    code, _, err = run(capsys, "extract", str(locked), str(corpus / "a.txt"))
    assert code == 1 and "locked.txt" in err


def test_extract_folder_without_txt_files_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(tmp_path))
    assert code == 1 and out == "" and "no .txt files" in err


def test_extract_pipeline_failure_is_reported_per_file(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (corpus / "boom.txt").write_text("EXPLODE", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(corpus / "boom.txt"), str(corpus / "a.txt"))
    assert code == 1 and "boom.txt" in err
    assert len(jsonl(out)) == 1


def test_extract_passes_kinds_and_min_confidence(corpus: Path, capsys: pytest.CaptureFixture[str],
                                                 fake_pipeline: list[dict[str, Any]]) -> None:
    run(capsys, "extract", "--kinds", "direct,mixed", "--min-confidence", "0.4",
        "--include-headlines", "--include-beliefs", str(corpus / "a.txt"))
    assert fake_pipeline[0] == {"doc": "a.txt", "kinds": ["direct", "mixed"],
                                "min_confidence": 0.4, "include_headlines": True,
                                "include_beliefs": True}


def test_extract_rejects_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--kinds", "direct,rumour", "x.txt"])
    assert info.value.code == 2
    assert "rumour" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_extract_rejects_a_bad_min_confidence(value: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "--min-confidence", value, "x.txt"])
    assert info.value.code == 2


def test_extract_is_silent_on_stderr_when_not_a_terminal(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    _, _, err = run(capsys, "extract", str(corpus))
    assert err == ""


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_extract_draws_a_progress_bar_when_stderr_is_a_terminal(
        corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        fake_pipeline: Any) -> None:
    tty = _TTY()
    monkeypatch.setattr(sys, "stderr", tty)
    code, out, _ = run(capsys, "extract", str(corpus))
    assert code == 0
    assert "3/3" in tty.getvalue() and "\r" in tty.getvalue()
    assert "\r" not in out  # the bar never leaks into the records


def test_progress_bar_counts_documents_and_quotes() -> None:
    tty = _TTY()
    bar = Progress(2, tty)
    bar.update("a.txt", quotes=3)
    assert "1/2" in tty.getvalue() and "3 quotes" in tty.getvalue()
    bar.update("b.txt", quotes=1)
    bar.close()
    assert tty.getvalue().endswith("2 documents, 4 quotes in " + tty.getvalue().split(" in ")[-1])


def test_progress_bar_is_off_for_a_pipe() -> None:
    pipe = io.StringIO()
    bar = Progress(2, pipe)
    bar.update("a.txt")
    bar.close()
    assert pipe.getvalue() == ""


def test_extract_with_jobs_gives_the_same_output_in_the_same_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = [ONE, TWO, "“Yes,” said Ada Quill.", "No quotes.", "Ada Quill said it was late."]
    for i in range(10):
        (tmp_path / f"{i:02d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    _, serial, _ = run(capsys, "extract", str(tmp_path))
    code, parallel, _ = run(capsys, "extract", "--jobs", "2", str(tmp_path))
    assert code == 0 and parallel == serial


# ------------------------------------------------------------- demo


def test_demo_article_ships_as_package_data() -> None:
    import importlib.resources

    data = importlib.resources.files("quoteattr").joinpath("data/demo_article.txt")
    text = data.read_text(encoding="utf-8")
    assert 600 <= len(text.split()) <= 900


def test_demo_article_names_no_real_people_from_the_seed_articles() -> None:
    text = (REPO / "quoteattr" / "data" / "demo_article.txt").read_text(encoding="utf-8")
    assert not SEED_NAMES.search(text)


def test_demo_prints_a_table_of_quotes_and_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "KIND" in out and "SPEAKER" in out
    assert re.search(r"^speaker\s+type\s+gender\s+roles", out, re.M)


def test_demo_finds_quotes_with_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "demo", "--format", "jsonl")
    recs = jsonl(out)
    assert recs, "the demo article is full of quotes"
    assert any(r["speaker"] for r in recs)
    assert {r["doc"] for r in recs} == {"demo_article.txt"}


def test_demo_records_index_the_demo_article(capsys: pytest.CaptureFixture[str]) -> None:
    text = (REPO / "quoteattr" / "data" / "demo_article.txt").read_text(encoding="utf-8")
    _, out, _ = run(capsys, "demo", "--format", "jsonl")
    for rec in jsonl(out):
        assert text[rec["start"]:rec["end"]] == rec["text"]
        assert list(rec) == list(FIELDS)


# ------------------------------------------------------------- speakers


def test_speakers_prints_one_row_per_speaker_with_counts(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    code, out, _ = run(capsys, "speakers", str(corpus / "b.txt"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["speaker", "type", "gender", "roles", "aliases", "quotes",
                                "direct", "reported"]
    assert lines[2].split() == ["Ada", "Quill", "person", "head", "librarian", "Quill", "2", "2",
                                "0"]


def test_speakers_by_document_heads_each_document(
        corpus: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "speakers", "--by-document", str(corpus))
    assert [line for line in out.splitlines() if line.startswith("==")] == [
        "== a.txt", "== b.txt", "== sub/c.txt"]


def test_speakers_jsonl(corpus: Path, capsys: pytest.CaptureFixture[str],
                        fake_pipeline: Any) -> None:
    _, out, _ = run(capsys, "speakers", "--format", "jsonl", str(corpus / "b.txt"))
    (rec,) = jsonl(out)
    assert rec["doc"] == "b.txt" and rec["speaker"] == "Ada Quill" and rec["quotes"] == 2


def test_speakers_reports_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "speakers", "missing.txt")
    assert code == 1 and "missing.txt" in err


# ------------------------------------------------------------- eval


@pytest.fixture
def gold_set(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ONE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    at = ONE.index("The ferry")
    recs = [
        {"doc": "a.txt", "kind": "direct", "text": "The ferry is late again,", "start": at,
         "end": at + 24, "speaker": "Ada Quill", "optional": False},
        {"doc": "a.txt", "kind": "indirect", "text": "ferry", "start": at + 4, "end": at + 9,
         "speaker": "Ada Quill", "optional": True},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return gold, docs


def test_eval_runs_the_library_on_the_docs(gold_set: tuple[Path, Path],
                                           capsys: pytest.CaptureFixture[str],
                                           fake_pipeline: Any) -> None:
    gold, docs = gold_set
    code, out, _ = run(capsys, "eval", str(gold), "--docs", str(docs), "--json")
    assert code == 0
    figures = json.loads(out.splitlines()[-1])
    assert figures["detect_f1"] == 1.0 and figures["e2e_f1"] == 1.0
    assert figures["gold"] == 1


def _one_prediction(tmp_path: Path) -> Path:
    """A prediction file with one record: the right span, a wrong speaker."""
    pred = tmp_path / "pred.jsonl"
    at = ONE.index("The ferry")
    pred.write_text(json.dumps({"doc": "a.txt", "kind": "direct", "text": "The ferry is late",
                                "start": at, "end": at + 17, "speaker": "Bo Lind"}) + "\n",
                    encoding="utf-8")
    return pred


def test_eval_scores_a_prediction_file(gold_set: tuple[Path, Path], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs = gold_set
    pred = _one_prediction(tmp_path)
    code, out, _ = run(capsys, "eval", str(gold), "--docs", str(docs), "--pred", str(pred))
    assert code == 0
    assert re.search(r"^detect_f1\s+1\.0$", out, re.M)
    assert re.search(r"^strict_f1\s+0\.0$", out, re.M)
    assert re.search(r"^attribution_acc\s+0\.0$", out, re.M)


def test_eval_errors_lists_wrong_speakers(gold_set: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs = gold_set
    pred = _one_prediction(tmp_path)
    _, out, _ = run(capsys, "eval", str(gold), "--pred", str(pred), "--errors")
    assert "# wrong speaker" in out and "Bo Lind" in out


def test_eval_needs_docs_or_pred(gold_set: tuple[Path, Path],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "eval", str(gold_set[0]))
    assert code == 2 and "--docs" in err


def test_eval_missing_gold_file_is_a_clear_error(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "eval", str(tmp_path / "nope.jsonl"), "--docs", str(tmp_path))
    assert code == 1 and "nope.jsonl" in err


def test_eval_on_the_seed_gold_agrees_with_the_reference(shared: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    gold, docs = shared / "gold" / "seeds.jsonl", shared / "seeds"
    if not gold.is_file():
        pytest.skip("no seed gold")
    _, pred, _ = run(capsys, "extract", *sorted({str(docs / r["doc"]) for r in jsonl(
        gold.read_text(encoding="utf-8"))}))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(pred, encoding="utf-8")
    _, ours, _ = run(capsys, "eval", str(gold), "--docs", str(docs), "--json")
    ref = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold),
                          str(pred_path), "--docs", str(docs), "--json"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(ours.splitlines()[-1]) == json.loads(ref.splitlines()[-1])


# ------------------------------------------------------------- entry points


def _cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_python_dash_m_runs_the_same_cli(corpus: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(corpus)],
                          capture_output=True, text=True, env=_cli_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # piped: no progress bar
    _, out, _ = run(capsys, "extract", str(corpus))
    assert proc.stdout == out


def test_python_dash_m_exit_code_is_one_after_a_bad_file(corpus: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "--format", "csv",
                           "missing.txt", str(corpus / "a.txt")],
                          capture_output=True, text=True, env=_cli_env())
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "missing.txt" in proc.stderr
    assert proc.stdout.startswith("doc,kind,text")


def test_python_dash_m_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "--version"],
                          capture_output=True, text=True, env=_cli_env())
    assert proc.returncode == 0 and proc.stdout.startswith("quoteattr ")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_console_script_is_installed_beside_python() -> None:
    script = Path(sys.executable).with_name("quoteattr")
    if not script.exists():
        found = shutil.which("quoteattr")
        if found is None:
            pytest.skip("quoteattr is not installed as a command in this environment")
        script = Path(found)
    proc = subprocess.run([str(script), "demo", "--format", "jsonl"], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr


def test_utf8_output_when_stdout_is_ascii(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                          fake_pipeline: Any) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    (corpus / "a.txt").write_text("Greeting\n\n“Ça va, Zoë,” said Ada Quill.", encoding="utf-8")
    assert main(["extract", str(corpus / "a.txt")]) == 0
    sys.stdout.flush()
    assert "Zoë".encode() in raw.getvalue()


# ------------------------------------------------------------- README and CI agree


def test_readme_quick_start_test_command_is_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    m = re.search(r"pip install '\.\[test\]' && (python -m pytest[^\n`]*)", readme)
    assert m, "README's quick start installs the test extra and runs pytest"
    assert re.search(rf"^\s*{re.escape(m.group(1))}\s*$", ci, re.M)


def test_readme_quick_start_has_the_demo_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install . && quoteattr demo" in readme


def test_folder_docs_are_paths_relative_to_the_folder_so_same_names_stay_apart(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: list[Any]) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text("“Yes,” said Ada Quill.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(tmp_path))
    assert code == 0
    assert [r["doc"] for r in jsonl(out)] == ["a/story.txt", "b/story.txt"]


def test_a_single_file_keeps_its_name_as_doc(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: list[Any]) -> None:
    (tmp_path / "a").mkdir()
    path = tmp_path / "a" / "story.txt"
    path.write_text("“Yes,” said Ada Quill.", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0 and [r["doc"] for r in jsonl(out)] == ["story.txt"]
