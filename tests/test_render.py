"""docs/img: the report and an article display as headless Chromium draws them."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

IMG = REPO / "docs" / "img"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_committed_pictures_are_pngs_the_docs_show() -> None:
    assert _png_size(IMG / "report.png") == (1100, 2600)
    assert _png_size(IMG / "article.png") == (1000, 1500)
    page = (REPO / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert "(img/report.png)" in page and "(img/article.png)" in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium here")
def test_render_script_draws_both_pictures(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON": sys.executable,
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run(["sh", str(IMG / "render.sh"), str(tmp_path)], check=True, env=env,
                   capture_output=True, timeout=300)
    assert _png_size(tmp_path / "report.png") == (1100, 2600)
    assert _png_size(tmp_path / "article.png") == (1000, 1500)
