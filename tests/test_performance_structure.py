"""Structure behind the speed: what `import quoteattr` loads, and no garbage collection during an
analysis (no timed assertion)."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return set(done.stdout.split())


def test_import_quoteattr_does_not_import_nltk_or_numpy() -> None:
    loaded = _modules_after("import quoteattr")
    assert "nltk" not in loaded
    assert "numpy" not in loaded


def test_nltk_is_imported_by_the_first_article_that_needs_punkt() -> None:
    loaded = _modules_after(
        "import quoteattr\n"
        "quoteattr.extract('Ana Ruiz arrived at 9 a.m. on Monday. She left. \"Fine,\" she said.')"
    )
    assert "nltk.tokenize.punkt" in loaded


def test_extract_runs_no_garbage_collection_and_restores_the_collector() -> None:
    import gc

    import quoteattr

    text = "\n\n".join(f"“Line {i} is fine,” said Ana Ruiz{i % 7}. The port reopened." for i in
                       range(3000))
    runs: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(phase)

    gc.callbacks.append(seen)
    try:
        assert gc.isenabled()
        quoteattr.extract(text)
        # tens of thousands of tokens, and at most the one collection that the allocations
        # counted meanwhile start once the collector is back (there were dozens)
        assert len(runs) <= 1
        assert gc.isenabled()
        gc.disable()
        try:
            quoteattr.extract(text)
            assert not gc.isenabled()  # the caller's choice stands
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(seen)


def test_a_short_article_leaves_the_collector_alone() -> None:
    import gc

    import quoteattr
    from quoteattr import pipeline

    seen: list[bool] = []
    real = gc.disable

    def spy() -> None:
        seen.append(True)
        real()

    gc.disable = spy  # type: ignore[assignment]
    try:
        quoteattr.extract("“We will open the doors on Monday,” said Ada Quill.")
        assert seen == [] and gc.isenabled()
        quoteattr.extract("x " * pipeline.LONG_TEXT)
        assert seen == [True] and gc.isenabled()
    finally:
        gc.disable = real  # type: ignore[assignment]


def test_overlapping_long_analyses_turn_the_collector_back_on_only_when_the_last_ends() -> None:
    import gc

    from quoteattr import pipeline

    with pipeline._no_collections(pipeline.LONG_TEXT):
        with pipeline._no_collections(pipeline.LONG_TEXT):
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
