"""Real-world guard: the seed articles and the PolNeAR dev split in ../shared (skipped if absent).

Thresholds sit a little under the figures measured when they were set (docs/evaluation.md),
so a regression fails here; the issue targets are the floor.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from quoteattr import extract
from quoteattr.evaluation import load_records, score

SEEDS = ["000_53a3280bf5959662.txt", "001_0f3fc4dd95e69f28.txt", "002_6ef13c979dbe096a.txt"]


def _predict(docs: Path, names: list[str]) -> list[dict[str, object]]:
    records = []
    for name in names:
        text = (docs / name).read_text(encoding="utf-8")
        records += [q.to_dict(name) for q in extract(text)]
    return records


def test_seed_articles_meet_the_targets(shared: Path) -> None:
    gold = load_records(shared / "gold" / "seeds.jsonl")
    s = score(gold, _predict(shared / "seeds", SEEDS))
    assert s.by_kind["direct"].recall is not None and s.by_kind["direct"].recall >= 0.97
    assert s.by_kind["mixed"].recall is not None and s.by_kind["mixed"].recall >= 0.85
    assert s.by_kind["indirect"].recall is not None and s.by_kind["indirect"].recall >= 0.85
    assert s.detect_p >= 0.90
    assert s.strict_f1 >= 0.95
    assert s.attribution_acc >= 0.95
    assert s.e2e_f1 >= 0.90


def test_seed_direct_quotes_end_to_end(shared: Path) -> None:
    gold = [g for g in load_records(shared / "gold" / "seeds.jsonl") if g["kind"] == "direct"]
    pred = [p for p in _predict(shared / "seeds", SEEDS) if p["kind"] == "direct"]
    assert score(gold, pred).e2e_f1 >= 0.95


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parents[2]
                                                         / "shared" / "seeds").glob("*.txt")))
def test_no_quote_comes_from_page_furniture(shared: Path, name: str) -> None:
    text = (shared / "seeds" / name).read_text(encoding="utf-8")
    for q in extract(text):
        assert text[q.start:q.end] == q.text
        for marker in ("@context", "addEventListener", "enable JavaScript", "Photograph:",
                       "(Picture:", "All rights reserved", "Sign up", "var "):
            line_start = text.rfind("\n", 0, q.start) + 1
            line_end = text.find("\n", q.end)
            assert marker not in text[line_start:line_end if line_end >= 0 else None]


@cache
def _corpus(shared: Path, split: str) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    docs = shared / split / "docs"
    if not docs.is_dir():
        pytest.skip(f"PolNeAR {split} not available")
    gold = load_records(shared / split / "gold.jsonl")
    return gold, _predict(docs, sorted(p.name for p in docs.glob("*.txt")))


def test_polnear_dev_guards(shared: Path) -> None:
    """The tuned-on dev split: floors a little under the figures measured with the reference
    scorer (speakers compared by the name in the gold's head phrase), so a regression shows."""
    s = score(*_corpus(shared, "polnear-dev"))
    assert s.by_kind["direct"].recall is not None and s.by_kind["direct"].recall >= 0.985
    assert s.strict_f1 >= 0.769
    assert s.detect_f1 >= 0.864
    assert s.attribution_named_acc >= 0.984
    assert s.e2e_f1 >= 0.856
    assert s.by_kind["indirect"].recall is not None and s.by_kind["indirect"].recall >= 0.661


def test_polnear_train_guards(shared: Path) -> None:
    """The 837 train articles nobody tuned on: floors under the figures measured on
    2026-12-02 (docs/evaluation.md); issue #16's targets are far above them."""
    s = score(*_corpus(shared, "polnear-train"))
    assert s.detect_p >= 0.913 and s.detect_f1 >= 0.836
    assert s.strict_f1 >= 0.735
    assert s.attribution_named_acc >= 0.957
    assert s.e2e_f1 >= 0.815
    for kind, floor in (("direct", 0.982), ("mixed", 0.859), ("indirect", 0.584)):
        recall = s.by_kind[kind].recall
        assert recall is not None and recall >= floor, kind
