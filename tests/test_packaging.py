"""Packaging: the license file, metadata, extras, and install instructions that work."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from typing import Any

from conftest import REPO

import quoteattr


def _project() -> dict[str, Any]:
    with open(REPO / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def test_license_file_is_mit_for_the_quoteattr_developers() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 the quoteattr developers" in text


def test_metadata_names_the_license_file_and_has_classifiers() -> None:
    project = _project()["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    classifiers = project["classifiers"]
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Typing :: Typed" in classifiers
    # a license expression and a License :: classifier together are refused by PEP 639
    assert not any(c.startswith("License ::") for c in classifiers)


def test_the_all_extra_holds_every_other_user_extra() -> None:
    extras = _project()["project"]["optional-dependencies"]
    (spec,) = extras["all"]
    m = re.fullmatch(r"quoteattr\[([a-z,]+)\]", spec)
    assert m, spec
    assert set(m.group(1).split(",")) == set(extras) - {"all", "test"}


def test_the_notebook_extra_brings_jupyter_and_nbconvert() -> None:
    names = {re.split(r"[<>=\[]", d)[0] for d in
             _project()["project"]["optional-dependencies"]["notebook"]}
    assert {"jupyter", "nbconvert", "nbclient", "ipykernel", "pandas"} <= names


def test_every_data_file_of_the_package_is_in_package_data() -> None:
    patterns = _project()["tool"]["setuptools"]["package-data"]["quoteattr"]
    package = REPO / "quoteattr"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts]
    assert data
    for name in data:
        assert any(fnmatch.fnmatch(name, pat) for pat in patterns), name


def test_docs_never_tell_users_to_install_from_a_package_index() -> None:
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    from_index = re.compile(r"pip install ['\"]?quoteattr\b")
    for page in pages:
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            ok = "not find it" in line or "already installed" in line or "Once quoteattr" in line
            assert ok or not from_index.search(line), f"{page.name}:{n}: {line}"


def test_readme_says_how_to_install_from_a_checkout_and_from_a_wheel() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## Install" in readme
    assert "pip install ." in readme and "pip wheel . -w dist --no-deps" in readme
    assert "not published on a package index" in readme


def test_the_new_names_are_exported() -> None:
    for name in ("extract_folder", "GenderEvidence", "QuoteList", "to_dataframe"):
        assert name in quoteattr.__all__ and hasattr(quoteattr, name)
