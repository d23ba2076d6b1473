"""Shared fixtures: hand-built quotes and a stand-in pipeline for tests of the I/O layers."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from quoteattr import Article, Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType

REPO = Path(__file__).resolve().parent.parent

#: The fuzz run of the property tests (tests/test_properties.py): ``QUOTEATTR_FUZZ=1`` or
#: ``--hypothesis-profile=fuzz``; the default profile keeps the suite quick.
FUZZ_EXAMPLES = 2_500
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, deadline=None)
if os.environ.get("QUOTEATTR_FUZZ", "") not in ("", "0"):
    settings.load_profile("fuzz")
#: The project's shared data (gold, reference scorer), beside the repository; may be absent.
SHARED = REPO.parent / "shared"

#: An invented two-speaker article used across the I/O tests.
LIBRARY_TEXT = (
    "Library to reopen after flood\n\n"
    "“We will open the doors on Monday,” said Ada Quill, the head librarian. "
    "“Bring your own cushions, the chairs are still drying.”\n\n"
    "The Riverside Trust said that the repairs had cost £40,000.\n"
)

ADA = Speaker("Ada Quill", SpeakerType.PERSON, aliases=("Quill",), roles=("head librarian",))
TRUST = Speaker("Riverside Trust", SpeakerType.ORGANIZATION)


def make_quote(text: str, needle: str, *, kind: QuoteKind | str = QuoteKind.DIRECT,
               speaker: Speaker | None = ADA, cue: str | None = "said",
               confidence: float = 0.9, occurrence: int = 0) -> Quote:
    """A quote whose span is the ``occurrence``-th ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    cue_span = None
    if cue is not None:
        at = text.find(cue, end)
        at = at if at >= 0 else text.index(cue)
        cue_span = Span(at, at + len(cue), cue)
    mention = None
    if speaker is not None:
        key = speaker.aliases[0] if speaker.aliases else speaker.name
        at = text.find(key)
        mention = Span(at, at + len(key), key) if at >= 0 else None
    return Quote(text=needle, start=start, end=end, kind=QuoteKind(kind), speaker=speaker,
                 mention=mention, cue=cue_span, confidence=confidence,
                 provenance=Provenance("test-detector", "test-attributor" if speaker else None))


def library_quotes() -> list[Quote]:
    """Three quotes of :data:`LIBRARY_TEXT`: two direct by Ada Quill, one indirect by the trust."""
    t = LIBRARY_TEXT
    return [
        make_quote(t, "We will open the doors on Monday,"),
        make_quote(t, "Bring your own cushions, the chairs are still drying."),
        make_quote(t, "the repairs had cost £40,000", kind="indirect", speaker=TRUST,
                   confidence=0.7),
    ]


def fake_analyze(text: str, *, include_headlines: bool = False,
                 kinds: Iterable[QuoteKind | str] | None = None, min_confidence: float = 0.0,
                 include_beliefs: bool = False, doc: str | None = None) -> Article:
    """A predictable stand-in for the pipeline: every “…” span is a direct quote by Ada Quill.

    Raises ``RuntimeError`` on text containing ``EXPLODE`` (to test error reporting).
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if "EXPLODE" in text:
        raise RuntimeError("the stand-in pipeline was asked to fail")
    quotes = []
    for m in re.finditer(r"“([^”]*)”", text):
        quotes.append(Quote(m.group(1), m.start(1), m.end(1), QuoteKind.DIRECT, ADA, None, None,
                            0.8, Provenance("fake-curly", "fake-speaker")))
    wanted = {QuoteKind(k) for k in kinds} if kinds is not None else set(QuoteKind)
    kept = tuple(q for q in quotes if q.kind in wanted and q.confidence >= min_confidence)
    return Article(text, kept, (ADA,) if kept else (), doc)


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the pipeline by :func:`fake_analyze`; returns the list of calls' options."""
    import quoteattr.pipeline

    calls: list[dict[str, Any]] = []

    def recording(text: str, **options: Any) -> Article:
        calls.append(options)
        return fake_analyze(text, **options)

    monkeypatch.setattr(quoteattr.pipeline, "analyze", recording)
    return calls


@pytest.fixture
def shared() -> Path:
    """``../shared`` beside the repository, or skip the test."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (gold and reference scorer) is not available here")
    return SHARED
