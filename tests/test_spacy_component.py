"""The spaCy component: nlp.add_pipe("quoteattr") on a blank pipeline, spans, DocBin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import LIBRARY_TEXT, REPO

import quoteattr
from quoteattr.cli import main
from quoteattr.output import FIELDS, records

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402

from quoteattr.spacy_component import QuoteComponent  # noqa: E402

ARTICLES = sorted((REPO / "examples" / "articles").glob("*.txt"))
#: The first quote ends inside the token ``over,”Ada``: strict alignment finds no span.
GLUED = "Vote count\n\n“It is over,”Ada Quill said. The council said the count was fair.\n"


def _nlp(**config: Any) -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config=config)
    return nlp


def _expected(text: str, **options: Any) -> list[dict[str, Any]]:
    return list(records(quoteattr.extract(text, **options)))


def test_add_pipe_on_a_blank_pipeline_gives_the_library_records() -> None:
    nlp = _nlp()
    assert nlp.pipe_names == ["quoteattr"]
    for path in ARTICLES:
        text = quoteattr.read_article(path)
        doc = nlp(text)
        assert doc._.quote_records == _expected(text)
        assert doc._.quote_records, path.name
        assert all(list(r) == [f for f in FIELDS if f != "doc"] for r in doc._.quote_records)


def test_quote_records_equal_the_jsonl_of_quoteattr_extract(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "library.txt"
    path.write_text(LIBRARY_TEXT, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    jsonl = [json.loads(line) for line in lines]
    assert [r.pop("doc") for r in jsonl] == ["library.txt"] * len(jsonl)
    assert _nlp()(LIBRARY_TEXT)._.quote_records == jsonl


def test_quote_spans_carry_speaker_cue_kind_confidence_and_rule() -> None:
    doc = _nlp()(LIBRARY_TEXT)
    spans, recs = doc._.quotes, doc._.quote_records
    assert len(spans) == len(recs) >= 2
    for span, rec in zip(spans, recs, strict=True):
        assert span.start_char <= rec["start"] and rec["end"] <= span.end_char
        assert rec["text"] in span.text
        assert span.label_ == rec["kind"] == span._.kind
        assert span._.speaker == rec["speaker"]
        assert span._.confidence == rec["confidence"]
        assert span._.rule == rec["rule"]
        cue = span._.cue_span
        assert (cue.start_char, cue.end_char) == (rec["cue_start"], rec["cue_end"])
        mention = span._.speaker_span
        assert mention.text == rec["speaker_mention"]
    assert spans[0]._.speaker == "Ada Quill"


def test_offsets_inside_a_token_expand_to_the_whole_token() -> None:
    doc = _nlp()(GLUED)
    first = doc._.quote_records[0]
    assert first["text"] == "It is over,"
    assert doc.char_span(first["start"], first["end"]) is None  # strict alignment fails
    span = doc._.quotes[0]
    assert span.text == "It is over,”Ada"
    assert span._.speaker == "Ada Quill"


def test_spans_that_are_not_quotes_have_no_quote_attributes() -> None:
    doc = _nlp()(LIBRARY_TEXT)
    other = doc[0:2]
    assert (other._.speaker, other._.kind, other._.speaker_span, other._.cue_span) == (
        None, None, None, None)
    assert spacy.blank("en")("No component ran here.")._.quotes == []


def test_docbin_round_trip_restores_records_and_span_attributes() -> None:
    nlp = _nlp()
    docs = [nlp(LIBRARY_TEXT), nlp(GLUED)]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab))
    for before, after in zip(docs, back, strict=True):
        assert after._.quote_records == before._.quote_records
        assert [list(r) for r in after._.quote_records] == [
            list(r) for r in before._.quote_records]
        got = [(s.start, s.end, s.label_, s._.speaker, s._.rule, s._.confidence,
                s._.speaker_span and s._.speaker_span.text, s._.cue_span and s._.cue_span.text)
               for s in after._.quotes]
        want = [(s.start, s.end, s.label_, s._.speaker, s._.rule, s._.confidence,
                 s._.speaker_span and s._.speaker_span.text,
                 s._.cue_span and s._.cue_span.text) for s in before._.quotes]
        assert got == want


def test_config_options_are_those_of_extract() -> None:
    nlp = _nlp(kinds=["direct"], min_confidence=0.5)
    doc = nlp(LIBRARY_TEXT)
    assert doc._.quote_records == _expected(LIBRARY_TEXT, kinds=["direct"], min_confidence=0.5)
    assert {r["kind"] for r in doc._.quote_records} == {"direct"}
    assert isinstance(nlp.get_pipe("quoteattr"), QuoteComponent)


def test_pipeline_saved_to_disk_loads_with_the_component(tmp_path: Path) -> None:
    _nlp(kinds=["indirect"]).to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == ["quoteattr"]
    assert loaded(LIBRARY_TEXT)._.quote_records == _expected(LIBRARY_TEXT, kinds=["indirect"])


def test_factory_is_found_without_importing_quoteattr() -> None:
    code = ("import sys, spacy\n"
            "nlp = spacy.blank('en'); nlp.add_pipe('quoteattr')\n"
            "print(len(nlp(sys.argv[1])._.quotes))\n")
    out = subprocess.run([sys.executable, "-c", code, LIBRARY_TEXT], capture_output=True,
                         text=True, check=True, cwd="/")
    assert int(out.stdout) == len(_expected(LIBRARY_TEXT))
