"""A folder of articles in one call: every ``*.txt`` below it, named by its relative path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .batch import BatchResult, extract_many

__all__ = ["extract_folder", "folder_documents"]


def _raise(error: OSError) -> None:
    raise error


def folder_documents(path: str | os.PathLike[str], suffix: str = ".txt"
                     ) -> list[tuple[str, Path]]:
    """``(doc, file)`` for each regular file ending in ``suffix`` below ``path``, sorted by
    ``doc``: the file's path relative to ``path`` with ``/`` separators (``a/story.txt``).

    Symbolic links to folders are not followed (as ``quoteattr extract FOLDER``). Raises
    ``NotADirectoryError`` (or ``FileNotFoundError``) when ``path`` is no folder, and the
    ``OSError`` of a sub-folder that cannot be read.
    """
    root = Path(path)
    if not root.is_dir():
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such folder")
        raise NotADirectoryError(f"{root}: not a folder")
    found: list[tuple[str, Path]] = []
    for folder, _dirs, files in os.walk(root, onerror=_raise):
        for name in files:
            file = Path(folder, name)
            if name.endswith(suffix) and file.is_file():
                found.append((file.relative_to(root).as_posix(), file))
    return sorted(found)


def extract_folder(path: str | os.PathLike[str], *, suffix: str = ".txt",
                   **options: Any) -> list[BatchResult]:
    """Analyse every ``*.txt`` file below ``path``: the results of
    :func:`quoteattr.extract_many` as a list, in the order of their ``doc``, which is each
    file's path relative to ``path`` (``a/story.txt`` and ``b/story.txt`` stay apart).

    ``options`` go to :func:`~quoteattr.extract_many` (``jobs``, ``timeout``, ``max_bytes``,
    ``kinds``, ``min_confidence``, …). A file that fails gives a result with ``error`` set;
    a missing folder or an unreadable sub-folder raises (see :func:`folder_documents`).
    ``quoteattr.to_dataframe(extract_folder(path))`` is one DataFrame of the whole folder.
    """
    documents = folder_documents(path, suffix)
    if "docs" in options:
        raise TypeError("extract_folder() names documents by their path; it takes no docs")
    return list(extract_many([file for _, file in documents],
                             docs=[doc for doc, _ in documents], **options))
