"""Word lists the pipeline reads at call time: every list of English words the rules use.

Each module holds plain sets and dicts, and the stages look them up when they run (never a
copy made at import), so an edit takes effect on the next call:

* ``grammar``: function words of the cue, subject and attribution rules (prepositions,
  auxiliaries, subordinators, relative pronouns);
* ``content``: where reported content starts and ends; ``cues``: reporting verbs and phrases;
* ``quoting``: statement nouns, work titles; ``titles``: honorifics, roles, nationalities;
* ``sources``: unnamed sources and organisations; ``pronouns``; ``abbreviations``; ``pages``.

Extend them in one way, per process with :func:`extend` or per call with :func:`extended`.
A key names a list as ``module.NAME`` (:func:`names` lists them all); a set takes words, a
table a mapping. Words are normalised on insertion (lower case, single spaces: see
:func:`normal`), and the reporting-verb index is rebuilt:

>>> from quoteattr import lexicon
>>> lexicon.extend({"titles.ROLES": {"Commissioner"}})  # for the process (there already)
>>> with lexicon.extended({"titles.ROLES": {" Harbour  Master"}, "cues.REGULAR_VERBS": {"grumble"},
...                        "cues.LIGHT_VERB_CUES": {"made": {"known"}}}):
...     "harbour master" in lexicon.titles.ROLES, lexicon.cues.lemma_of("grumbled")
(True, 'grumble')
>>> "harbour master" in lexicon.titles.ROLES, lexicon.cues.lemma_of("grumbled")
(False, None)

:func:`extended` takes out again, when its block ends, exactly what it added (a word another
block or :func:`extend` had added stays). Like :func:`quoteattr.rules.disable`, it holds in
this process (the workers of ``extract_many`` copy the lists when they start), and while its
block runs every thread of the process sees the words. A table
takes ``key → value`` (``{"titles.HONORIFICS": {"bosun": None}}``; ``cues.REPORTING_VERBS``:
``{"quip": ("quip", "quips", "quipped", "quipping")}``) and a table of sets ``key → words``
(``cues.LIGHT_VERB_CUES``, ``cues.PHRASAL_CUES``); a key already there keeps its value.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import pkgutil
import threading
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any

from . import (
    abbreviations,
    content,
    cues,
    grammar,
    mentions,
    naming,
    pages,
    pronouns,
    quoting,
    sources,
    statements,
    titles,
)

__all__ = ["abbreviations", "content", "cues", "extend", "extended", "grammar", "mentions",
           "names", "naming", "normal", "pages", "pronouns", "quoting", "sources", "statements",
           "titles", "version"]

#: Additions: a list's name (``titles.ROLES``) → words, or a mapping for a table.
Additions = Mapping[str, Any]
_Item = tuple[Any, str, Any]  # a set or a table, the word or key, a table's value
_LOCK = threading.RLock()
#: What open :func:`extended` blocks added: (id of the list, word) → [blocks holding it, list].
_HELD: dict[tuple[int, str], list[Any]] = {}
_VERSION = [0]


def version() -> int:
    """A number that changes whenever :func:`extend` or :func:`extended` changes a list (a
    cache of what the lists say is stale when it differs)."""
    return _VERSION[0]


def normal(word: str) -> str:
    """``word`` as the lists hold it: lower case, one space between words, none at the ends
    (``normal("  Harbour   Master ")`` is ``harbour master``)."""
    return " ".join(word.lower().split())


def _normal_value(value: Any) -> Any:
    """A table's value with its words normalised (a word, or a tuple of forms)."""
    if isinstance(value, str):
        return normal(value)
    if isinstance(value, (tuple, list)):
        return tuple(_normal_value(v) for v in value)
    return value


@functools.cache
def _module_names() -> tuple[str, ...]:
    """The modules of this package that hold lists (every one but ``_``-private ones)."""
    return tuple(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def _module(name: str) -> ModuleType | None:
    if name not in _module_names():
        return None
    return importlib.import_module(f"{__name__}.{name}")


def names() -> list[str]:
    """Every list that :func:`extend` takes, as ``module.NAME`` (``titles.ROLES``)."""
    out = []
    for module_name in _module_names():
        for attr, value in vars(_module(module_name)).items():
            if not attr.startswith("_") and attr.isupper() and isinstance(value, (set, dict)):
                out.append(f"{module_name}.{attr}")
    return sorted(out)


def _target(name: str) -> set[str] | dict[str, Any]:
    """The list called ``name`` (``titles.ROLES``); ``KeyError`` names the known ones."""
    module_name, _, attr = name.partition(".")
    module = _module(module_name)
    value = getattr(module, attr, None) if module is not None and attr.isupper() else None
    if not isinstance(value, (set, dict)):
        raise KeyError(f"no word list {name!r}; known lists: {', '.join(names())}")
    return value


def _words(words: Any, name: str) -> list[str]:
    if isinstance(words, (str, bytes, Mapping)) or not isinstance(words, Iterable):
        raise TypeError(f"{name} is a set of words: give a collection, e.g. {{'word'}}")
    if not all(isinstance(w, str) for w in words):
        raise TypeError(f"{name}: words must be str")
    return [normal(w) for w in words]


def _check(additions: Additions) -> None:
    """A ``TypeError``/``KeyError`` before anything is added, naming what is wrong."""
    if not isinstance(additions, Mapping):
        raise TypeError("give the additions as a mapping, e.g. {'titles.ROLES': {'bosun'}}")
    for name, words in additions.items():
        if isinstance(_target(name), set):
            _words(words, name)
        elif not isinstance(words, Mapping) or not all(isinstance(k, str) for k in words):
            raise TypeError(f"{name} is a table: give a mapping, e.g. {{'word': value}}")


def _items(additions: Additions) -> Iterator[_Item]:
    """Each word or key of ``additions`` with the list it goes into, normalised. The caller
    adds each before taking the next: a table of sets gets its key's set first."""
    for name, words in additions.items():
        target = _target(name)
        if isinstance(target, set):
            yield from ((target, w, None) for w in _words(words, name))
            continue
        of_sets = any(isinstance(v, set) for v in target.values())
        for key, value in words.items():
            k = normal(key)
            if not of_sets:
                yield target, k, _normal_value(value)
                continue
            yield target, k, set()
            yield from ((target[k], w, None) for w in _words(value, f"{name}[{k!r}]"))


def _put(item: _Item) -> bool:
    """Add ``item``; whether it was missing (a key already there keeps its value)."""
    target, key, value = item
    if key in target:
        return False
    if isinstance(target, set):
        target.add(key)
    else:
        target[key] = value
    return True


def extend(additions: Additions) -> None:
    """Add words to lists for the rest of the process: ``extend({"titles.ROLES":
    {"bosun"}})``; a word an open :func:`extended` block added stays after it."""
    _check(additions)
    with _LOCK:
        for item in _items(additions):
            _HELD.pop((id(item[0]), item[1]), None)
            _put(item)
        _VERSION[0] += 1
        cues.refresh()


@contextlib.contextmanager
def extended(additions: Additions) -> Iterator[None]:
    """Words added to lists inside the ``with`` block; when it ends, what it added is taken
    out again unless another open block holds it too."""
    _check(additions)
    held: list[tuple[int, str]] = []
    with _LOCK:
        for item in _items(additions):
            key = (id(item[0]), item[1])
            if _put(item):
                _HELD[key] = [0, item[0]]
            if key in _HELD:
                _HELD[key][0] += 1
                held.append(key)
        _VERSION[0] += 1
        cues.refresh()
    try:
        yield
    finally:
        with _LOCK:
            _release(held)


def _release(held: list[tuple[int, str]]) -> None:
    """Take out, the last added first, what no open block holds any more."""
    for key in reversed(held):
        entry = _HELD.get(key)
        if entry is None:
            continue  # :func:`extend` made it permanent
        entry[0] -= 1
        if entry[0] == 0:
            del _HELD[key]
            if isinstance(entry[1], set):
                entry[1].discard(key[1])
            else:
                entry[1].pop(key[1], None)
    _VERSION[0] += 1
    cues.refresh()
