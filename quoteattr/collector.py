"""The cyclic garbage collector paused while a long text is analysed (:func:`no_collections`)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

#: Texts at least this long are analysed with the cyclic garbage collector paused.
LONG_TEXT = 100_000
_PAUSES = threading.Lock()
_paused = 0  # analyses in flight that paused the collector


@contextlib.contextmanager
def no_collections(size: int) -> Iterator[None]:
    """No cyclic garbage collection while a long text (``LONG_TEXT``) is analysed; the
    collector is back on when the last such analysis ends, and stays off if the caller had
    turned it off.

    The pipeline makes no reference cycles, but every collection walks all the tokens still
    alive: 16% of the time of a 4 MB article, so a long article cost more per MB than short
    ones. Short texts (most articles) leave the collector alone, so a threaded service that
    analyses them all day never holds other threads' garbage back."""
    global _paused
    with _PAUSES:
        pause = size >= LONG_TEXT and (_paused > 0 or gc.isenabled())
        if pause:
            _paused += 1
            gc.disable()
    try:
        yield
    finally:
        if pause:
            with _PAUSES:
                _paused -= 1
                if _paused == 0:
                    gc.enable()
