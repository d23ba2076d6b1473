"""Declared rules: every heuristic of a sieve is registered here with its examples.

A :class:`Rule` has a name (what a quote's ``trail`` shows), the sieve it belongs to, a one-line
summary, invented examples it must decide and counter-examples it must leave alone
(``tests/test_rule_examples.py`` runs them all through :func:`quoteattr.extract`). Rules can be
switched off per call (``extract(text, disabled_rules={"pronoun"})``) or per process
(:func:`disable` / :func:`enable`); a switched-off rule passes and the sieve goes on to the next.
For :func:`quoteattr.extract_many`, pass ``disabled_rules=``: it reaches every worker process,
while a per-process switch holds only in the process that set it.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import attrs

__all__ = [
    "Example",
    "Rule",
    "Trail",
    "TrailStep",
    "disable",
    "check_names",
    "disabled",
    "enable",
    "first_decision",
    "is_enabled",
    "register",
    "rule",
    "rules",
    "sieve_order",
    "switched_off",
]


@attrs.frozen(slots=True)
class Example:
    """An invented snippet: the quote containing ``quote`` is decided by the rule (an example)
    or not (a counter-example); ``speaker`` is the name an example must resolve to."""

    text: str
    quote: str
    speaker: str | None = None
    known_failure: bool = False


@attrs.frozen(slots=True)
class Rule:
    """One named heuristic of a sieve, with what it reports as ``speaker_rule``/``rule``."""

    name: str
    sieve: str
    summary: str
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()
    reports_as: str | None = None  # the legacy ``speaker_rule``/``rule`` value, if different
    #: The rule stops a candidate, so no quote's trail can name it: its examples' quotes are
    #: found only with the rule switched off, its counter-examples' quotes with it on.
    vetoes: bool = False
    #: The rule's name reaches no trail (it learns something, or reports under another rule's
    #: name): an example's quote is different with the rule switched off, a counter-example's
    #: quote is the same either way.
    by_effect: bool = False


@attrs.frozen(slots=True)
class TrailStep:
    """A rule that fired for a quote: its sieve, its name and the text span it looked at."""

    sieve: str
    rule: str
    start: int
    end: int

    def to_dict(self) -> dict[str, str | int]:
        return {"sieve": self.sieve, "rule": self.rule, "start": self.start, "end": self.end}


@attrs.frozen(slots=True)
class Trail:
    """A quote's trail, kept in one small object (a few hundred bytes less per quote than the
    steps themselves); :meth:`steps` spells it out."""

    detector: str
    start: int
    end: int
    cue_rule: str | None = None
    cue_start: int = 0
    cue_end: int = 0
    subject_rule: str | None = None
    subject_start: int = 0
    subject_end: int = 0
    speaker_rule: str | None = None
    attribution_rule: str | None = None
    where_start: int = 0
    where_end: int = 0
    boundary_rule: str | None = None  # a rule that moved the content's edge
    marks_rule: str | None = None  # the quotation-marks rule that paired its quotation
    marks_start: int = 0
    marks_end: int = 0
    end_rule: str | None = None  # the content-end rule that decided where the content ends
    end_start: int = 0
    end_end: int = 0
    merge_rule: str | None = None  # a merge rule that joined a direct quote into this one
    merge_start: int = 0
    merge_end: int = 0

    def steps(self) -> tuple[TrailStep, ...]:
        """The quotation-marks rule (direct and mixed quotes), cue, subject, speaker and
        attribution rules (those that fired), the content-end, boundary and merge rules,
        then the detector."""
        out = []
        if self.marks_rule is not None:
            out.append(TrailStep("quotation-marks", self.marks_rule, self.marks_start,
                                 self.marks_end))
        if self.cue_rule is not None:
            out.append(TrailStep("cue", self.cue_rule, self.cue_start, self.cue_end))
        if self.subject_rule is not None:
            out.append(TrailStep("subject", self.subject_rule, self.subject_start,
                                 self.subject_end))
        for sieve, name in (("speaker", self.speaker_rule),
                            ("attribution", self.attribution_rule)):
            if name is not None:
                out.append(TrailStep(sieve, name, self.where_start, self.where_end))
        if self.end_rule is not None:
            out.append(TrailStep("content-end", self.end_rule, self.end_start, self.end_end))
        if self.boundary_rule is not None:
            out.append(TrailStep("boundary", self.boundary_rule, self.start, self.end))
        if self.merge_rule is not None:
            out.append(TrailStep("merge", self.merge_rule, self.merge_start, self.merge_end))
        out.append(TrailStep("detector", self.detector, self.start, self.end))
        return tuple(out)


_REGISTRY: dict[str, Rule] = {}
_ORDER: dict[str, list[str]] = {}
_PROCESS_DISABLED: set[str] = set()
_CALL_DISABLED: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "quoteattr_disabled_rules", default=frozenset())


def register(r: Rule) -> Rule:
    """Add ``r`` at the end of its sieve's order; a name may be registered once."""
    if r.name in _REGISTRY:
        raise ValueError(f"rule {r.name!r} is already registered")
    _REGISTRY[r.name] = r
    _ORDER.setdefault(r.sieve, []).append(r.name)
    return r


def rule(name: str) -> Rule:
    """The registered rule called ``name``; ``KeyError`` names the known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no rule {name!r}; known rules: {', '.join(sorted(_REGISTRY))}") from None


def rules(sieve: str | None = None) -> list[Rule]:
    """All rules (of one sieve), each sieve in its order."""
    names = _ORDER.get(sieve, []) if sieve is not None else [
        n for order in _ORDER.values() for n in order]
    return [_REGISTRY[n] for n in names]


def sieve_order(sieve: str) -> tuple[str, ...]:
    """The rule names of ``sieve`` in the order the sieve tries them."""
    return tuple(_ORDER.get(sieve, ()))


def check_names(names: Iterable[str]) -> frozenset[str]:
    """``names`` as a frozenset, each a registered rule (``KeyError`` names the known ones)."""
    if isinstance(names, str):
        raise TypeError("rule names must be given as a collection of str, e.g. {'pronoun'}")
    out = frozenset(names)
    for n in out:
        rule(n)  # raises KeyError naming the known rules
    return out


def disable(*names: str) -> None:
    """Switch rules off for the rest of the process."""
    _PROCESS_DISABLED.update(check_names(names))


def enable(*names: str) -> None:
    """Switch rules back on (all of them when no name is given)."""
    if not names:
        _PROCESS_DISABLED.clear()
    _PROCESS_DISABLED.difference_update(check_names(names))


@contextlib.contextmanager
def disabled(names: Iterable[str]) -> Iterator[None]:
    """Rules switched off inside the ``with`` block (what ``disabled_rules=`` does)."""
    token = _CALL_DISABLED.set(_CALL_DISABLED.get() | check_names(names))
    try:
        yield
    finally:
        _CALL_DISABLED.reset(token)


def switched_off() -> frozenset[str]:
    """The names switched off now, per call and per process (read once per run of a sieve)."""
    call = _CALL_DISABLED.get()
    return call | _PROCESS_DISABLED if _PROCESS_DISABLED else call


def is_enabled(name: str) -> bool:
    """Whether rule ``name`` may fire now."""
    return name not in _PROCESS_DISABLED and name not in _CALL_DISABLED.get()


_C = TypeVar("_C")
_D = TypeVar("_D")


def first_decision(sieve: Sequence[tuple[Rule, Callable[[_C], _D | None]]], ctx: _C
                   ) -> tuple[Rule, _D] | None:
    """The first switched-on rule of ``sieve`` that decides on ``ctx`` (returns anything but
    ``None``), with its decision; ``None`` when every rule passes."""
    call, process = _CALL_DISABLED.get(), _PROCESS_DISABLED  # read once per run of the sieve
    if not call and not process:  # the usual case: no rule switched off, no name to look up
        for r, fn in sieve:
            decision = fn(ctx)
            if decision is not None:
                return r, decision
        return None
    for r, fn in sieve:
        if r.name not in call and r.name not in process:
            decision = fn(ctx)
            if decision is not None:
                return r, decision
    return None


def markdown_table(sieve: str) -> str:
    """The rules of ``sieve`` in order as a Markdown table (what docs/heuristics.md shows)."""
    lines = ["| # | rule | reports as | what it decides | example → speaker |",
             "|---|---|---|---|---|"]
    for n, r in enumerate(rules(sieve), 1):
        ex = r.examples[0] if r.examples else None
        flat = ex.text.replace(chr(10) * 2, " ¶ ").replace(chr(10), " ↵ ") if ex else ""
        shown = f"`{flat}` → {ex.speaker or '(none)'}" if ex else ""
        lines.append(f"| {n} | `{r.name}` | `{r.reports_as or r.name}` | {r.summary} | {shown} |")
    return "\n".join(lines) + "\n"


def render_docs(doc: str) -> str:
    """``doc`` with every ``<!-- rules:SIEVE -->`` … ``<!-- /rules:SIEVE -->`` block
    regenerated from the registry."""
    out, pos = [], 0
    while (start := doc.find("<!-- rules:", pos)) >= 0:
        head_end = doc.index("-->", start) + 3
        sieve = doc[start + len("<!-- rules:"):head_end - 3].strip()
        end = doc.index(f"<!-- /rules:{sieve} -->", head_end)
        out += [doc[pos:head_end], "\n", markdown_table(sieve)]
        pos = end
    return "".join(out) + doc[pos:]


if __name__ == "__main__":  # python -m quoteattr.rules docs/heuristics.md
    import sys
    from pathlib import Path

    import quoteattr.attribution  # noqa: F401  (these register their rules in quoteattr.rules)
    import quoteattr.cues  # noqa: F401
    import quoteattr.pipeline  # noqa: F401
    import quoteattr.reported  # noqa: F401
    import quoteattr.speaker_sieve  # noqa: F401
    import quoteattr.subjects  # noqa: F401
    from quoteattr import rules as _registry  # this file runs as __main__, apart from it

    target = Path(sys.argv[1])
    target.write_text(_registry.render_docs(target.read_text(encoding="utf-8")),
                      encoding="utf-8")
