"""Invented articles with hand-made gold (tests/fixtures/annotated): scored end to end.

Thresholds sit a little under the figures measured when they were set (docs/evaluation.md),
so a regression fails here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from quoteattr import extract
from quoteattr.evaluation import Scores, load_records, score

ANNOTATED = Path(__file__).resolve().parent / "fixtures" / "annotated"
DOCS = sorted((ANNOTATED / "docs").glob("*.txt"))


@cache
def _scores() -> Scores:
    gold = load_records(ANNOTATED / "gold.jsonl")
    pred = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        pred += [q.to_dict(path.name) for q in extract(text)]
    return score(gold, pred)


def test_every_annotated_article_has_gold() -> None:
    names = {str(r["doc"]) for r in load_records(ANNOTATED / "gold.jsonl")}
    assert names == {p.name for p in DOCS} and len(DOCS) == 17


def test_annotated_gold_offsets_index_the_articles() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in DOCS}
    for r in load_records(ANNOTATED / "gold.jsonl"):
        start, end = int(str(r["start"])), int(str(r["end"]))
        assert texts[str(r["doc"])][start:end] == r["text"]


def test_annotated_detection() -> None:
    s = _scores()
    assert s.detect_f1 >= 0.97
    assert s.strict_f1 >= 0.91


def test_annotated_attribution() -> None:
    s = _scores()
    assert s.attribution_acc >= 0.95
    assert s.e2e_f1 >= 0.93


@pytest.mark.parametrize("kind", ["direct", "mixed", "indirect"])
def test_annotated_recall_by_kind(kind: str) -> None:
    recall = _scores().by_kind[kind].recall
    assert recall is not None and recall >= 0.95
