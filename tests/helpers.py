"""Small helpers shared by the core tests."""

from __future__ import annotations

from quoteattr import Quote, extract


def quotes(text: str, **options: object) -> list[Quote]:
    """extract() with the offset invariant checked on every quote."""
    found = extract(text, **options)  # type: ignore[arg-type]
    for q in found:
        assert text[q.start:q.end] == q.text
    return found


def texts(text: str, **options: object) -> list[str]:
    return [q.text for q in quotes(text, **options)]


def by_text(text: str, fragment: str) -> Quote:
    """The quote whose text contains ``fragment``."""
    found = [q for q in quotes(text) if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes(text)]}"
    return found[0]
