"""What a ``quoteattr serve`` analysis process runs: kept apart from the web stack, so that
the processes import only the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .output import records
from .pipeline import analyze

__all__ = ["analyse_jobs", "warm_up"]

Record = dict[str, Any]


def analyse_jobs(jobs: Sequence[tuple[str, str | None]],
                 options: dict[str, Any]) -> list[list[Record]]:
    """The records of each ``(text, doc)``, as ``quoteattr extract`` writes them."""
    return [list(records(analyze(text, **options).quotes, doc)) for text, doc in jobs]


def warm_up() -> int:
    """Run the pipeline once (imports, caches) so that a first request is not slower."""
    return len(analyse_jobs([("Warm-up\n\n“Ready,” said Ada Quill.\n", None)], {})[0])
