"""Checks of the arguments of :func:`quoteattr.analyze`: a clear error, never a misreading."""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .model import QuoteKind

#: The keyword options of :func:`quoteattr.analyze` (besides ``doc``).
OPTIONS = ("include_headlines", "kinds", "min_confidence", "include_beliefs", "disabled_rules")
_FLAGS = ("include_headlines", "include_beliefs")
_KIND_NAMES = ", ".join(k.value for k in QuoteKind)


def check_text(text: object) -> str:
    """``text`` itself when it is a ``str``; else a ``TypeError`` saying what to pass."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"quoteattr expects article text as str, got {type(text).__name__}; "
            "decode bytes with quoteattr.decode() first"
        )
    raise TypeError(f"quoteattr expects article text as str, got {type(text).__name__}")


def check_kinds(kinds: object) -> list[QuoteKind] | None:
    """``kinds`` as a list of :class:`QuoteKind` (``None``: all kinds).

    A single kind (``"direct"`` or ``QuoteKind.DIRECT``) stands for a list of one.
    """
    if kinds is None:
        return None
    if isinstance(kinds, str):  # QuoteKind is a str too
        kinds = (kinds,)
    if not isinstance(kinds, Iterable) or isinstance(kinds, (bytes, bytearray, Mapping)):
        raise TypeError(
            f"kinds must be a kind or a list of kinds ({_KIND_NAMES}), got {type(kinds).__name__}"
        )
    out: list[QuoteKind] = []
    for k in kinds:
        if not isinstance(k, str):
            raise TypeError(f"kinds: {k!r} is not a kind; choose from {_KIND_NAMES}")
        try:
            out.append(QuoteKind(k))
        except ValueError:
            raise ValueError(f"unknown kind {k!r}; choose from {_KIND_NAMES}") from None
    return out


def check_confidence(value: object) -> float:
    """``min_confidence`` as a float in [0, 1]; a bool, string or NaN is an error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"min_confidence must be a number between 0 and 1, got {type(value).__name__} "
            f"{value!r}"
        )
    x = float(value)
    if not 0.0 <= x <= 1.0:  # NaN fails this too
        raise ValueError(f"min_confidence must be between 0 and 1, got {value!r}")
    return x


def check_flag(name: str, value: object) -> bool:
    """A yes/no option: ``True``/``False`` (or the integers 1/0), never a string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}")


def check_doc(doc: object) -> str | None:
    """A document name: a ``str`` or ``None``."""
    if doc is None or isinstance(doc, str):
        return doc
    raise TypeError(f"doc must be a str name or None, got {type(doc).__name__} {doc!r}")


def check_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """``options`` for :func:`quoteattr.analyze`, checked and normalised (``kinds`` becomes a
    list of :class:`QuoteKind`); an unknown name or a bad value raises, naming it."""
    unknown = [name for name in options if name not in OPTIONS]
    if unknown:
        raise TypeError(
            f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"the options are {', '.join(OPTIONS)}"
        )
    out = dict(options)
    if "kinds" in out:
        out["kinds"] = check_kinds(out["kinds"])
    if "min_confidence" in out:
        out["min_confidence"] = check_confidence(out["min_confidence"])
    for name in _FLAGS:
        if name in out:
            out[name] = check_flag(name, out[name])
    if "disabled_rules" in out:
        out["disabled_rules"] = check_rule_names(out["disabled_rules"])
    return out


def check_rule_names(names: object) -> frozenset[str]:
    """``names`` as a set of registered rule names; a str, a non-str item or an unknown name
    raises, naming the problem (``KeyError`` lists the known rules)."""
    from . import rules, speaker_sieve  # noqa: F401  (the sieves register their rules)

    if isinstance(names, (str, bytes)) or not isinstance(names, Iterable):
        raise TypeError("disabled_rules must be a collection of rule names, e.g. {'pronoun'}")
    if not all(isinstance(n, str) for n in names):
        raise TypeError("disabled_rules must hold rule names (str)")
    return rules.check_names(names)


@attrs.frozen(slots=True)
class Options:
    """The checked options of one analysis."""

    kinds: set[QuoteKind]
    min_confidence: float
    include_headlines: bool
    include_beliefs: bool


def check_analysis(kinds: object, min_confidence: object, include_headlines: object,
                   include_beliefs: object) -> Options:
    """The options of :func:`quoteattr.analyze`, each checked (``kinds=None``: all kinds)."""
    chosen = check_kinds(kinds)
    return Options(set(chosen) if chosen is not None else set(QuoteKind),
                   check_confidence(min_confidence),
                   check_flag("include_headlines", include_headlines),
                   check_flag("include_beliefs", include_beliefs))
