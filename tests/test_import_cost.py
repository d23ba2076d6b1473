"""What ``import quoteattr`` loads: NLTK (and the NumPy it imports) only when Punkt is needed."""

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
