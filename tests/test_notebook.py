"""examples/analyse_folder.ipynb runs top to bottom and shows tables and a highlighted article."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SHARED

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")

NOTEBOOK = REPO / "examples" / "analyse_folder.ipynb"


def _execute(monkeypatch: pytest.MonkeyPatch, articles: Path | None) -> Any:
    if articles is None:
        monkeypatch.delenv("QUOTEATTR_ARTICLES", raising=False)
    else:
        monkeypatch.setenv("QUOTEATTR_ARTICLES", str(articles))
    # The kernel imports quoteattr from this checkout even where it is not installed.
    monkeypatch.setenv("PYTHONPATH", str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    return nb


def _outputs(nb: Any) -> list[dict[str, Any]]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def _html(nb: Any) -> list[str]:
    return [o["data"]["text/html"] for o in _outputs(nb) if "text/html" in o.get("data", {})]


def test_notebook_is_saved_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_notebook_runs_on_the_bundled_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute(monkeypatch, None)
    assert not [o for o in _outputs(nb) if o["output_type"] == "error"]
    text = "".join(o.get("text", "") for o in _outputs(nb) if o["output_type"] == "stream")
    assert "3 articles in articles" in text
    pages = _html(nb)
    assert any('class="quoteattr"' in p and "<mark" in p for p in pages), "a highlighted article"
    assert any("direct_share" in p for p in pages), "the direct/reported table"
    assert any("<th>documents</th>" in p and "<th>gender</th>" in p for p in pages), \
        "the corpus summary (quoteattr.summary)"
    assert any('class="qa-chart"' in p and 'class="qa-seg"' in p for p in pages), \
        "the chart of shares by gender, type and kind"


def test_notebook_reads_the_folder_named_by_the_environment(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text(
        "Bakery closes\n\n“We sold the last loaf at noon,” said Nell Ashby.\n", encoding="utf-8")
    nb = _execute(monkeypatch, tmp_path)
    text = "".join(o.get("text", "") for o in _outputs(nb) if o["output_type"] == "stream")
    assert f"1 articles in {tmp_path}" in text


def test_notebook_runs_on_the_shared_seed_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not available here")
    nb = _execute(monkeypatch, seeds)
    assert not [o for o in _outputs(nb) if o["output_type"] == "error"]
