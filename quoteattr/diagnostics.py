"""Per-rule figures of an evaluation: which detector and speaker rules earn their place.

``quoteattr eval GOLD --docs DIR --by-rule`` and ``evaluate(..., by_rule=True)`` report, for
every rule named in the predicted records (``rule``, ``speaker_rule`` and each name in a
``trail``), how many predictions it made, their precision, how many of its matches have exact
boundaries and how many name the right speaker, plus the missed gold records grouped by the
cue word nearest to them (an unknown verb there is a missing lexicon entry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import regex

from .lexicon import cues as cue_lexicon

__all__ = ["RuleReport", "RuleScore", "miss_cue", "rule_report"]

Record = dict[str, Any]

#: Record fields whose value names the rule that made (part of) a prediction.
RULE_FIELDS: tuple[str, ...] = ("rule", "speaker_rule")

#: How far (characters) around a missed record :func:`miss_cue` looks for a cue word.
CUE_WINDOW = 80

_WORD = regex.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)?+")


@attrs.frozen(slots=True)
class RuleScore:
    """The figures of one rule. ``precision`` leaves out predictions matching optional gold;
    ``strict`` and ``speaker`` are shares of the rule's matches to required gold (the latter
    over those whose gold names its speaker); ``None`` where nothing was counted."""

    field: str
    name: str
    predictions: int
    correct: int
    optional: int
    precision: float | None
    strict: float | None
    speaker: float | None

    def to_dict(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict, shares rounded to 4 places."""
        out = attrs.asdict(self)
        for key in ("precision", "strict", "speaker"):
            if out[key] is not None:
                out[key] = round(out[key], 4)
        return out


@attrs.frozen(slots=True)
class RuleReport:
    """Every rule's :class:`RuleScore` (most predictions first) and the misses by cue."""

    rules: tuple[RuleScore, ...]
    misses_by_cue: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"rules": [...], "misses_by_cue": {cue: count}}``."""
        return {"rules": [r.to_dict() for r in self.rules],
                "misses_by_cue": dict(self.misses_by_cue)}

    def report(self, top: int = 25) -> str:
        """An aligned table of the rules, then the ``top`` cues of the misses."""
        def share(x: float | None) -> str:
            return "   -" if x is None else f"{x:.2f}"

        lines = [f"{'rule':36} {'pred':>6} {'prec':>5} {'strict':>6} {'speaker':>7}"]
        for r in self.rules:
            lines.append(f"{r.field + ':' + r.name:36} {r.predictions:6} {share(r.precision):>5} "
                         f"{share(r.strict):>6} {share(r.speaker):>7}")
        lines.append("# misses by nearest cue (? = not in the lexicon)")
        lines += [f"  {cue:34} {n}" for cue, n in self.misses_by_cue[:top]]
        return "\n".join(lines) + "\n"


def _rule_names(rec: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """``(field, name)`` of every rule a predicted record names, each once."""
    seen: set[tuple[str, str]] = set()
    for field in RULE_FIELDS:
        if isinstance(rec.get(field), str):
            seen.add((field, rec[field]))
    trail = rec.get("trail")
    if isinstance(trail, list):
        for step in trail:
            name = step.get("rule") if isinstance(step, dict) else step
            if isinstance(name, str):
                seen.add(("trail", name))
    yield from sorted(seen)


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


@attrs.define
class _Tally:
    predictions: int = 0
    correct: int = 0
    optional: int = 0
    strict: int = 0
    checked: int = 0
    speaker: int = 0

    def score(self, field: str, name: str) -> RuleScore:
        return RuleScore(field, name, self.predictions, self.correct, self.optional,
                         _share(self.correct, self.predictions - self.optional),
                         _share(self.strict, self.correct), _share(self.speaker, self.checked))


def _tally(pairs: Iterable[tuple[Record, Record]], false_positives: Iterable[Record]
           ) -> dict[tuple[str, str], _Tally]:
    from .evaluation import boundaries, same_speaker

    tallies: dict[tuple[str, str], _Tally] = {}
    for g, p in [*pairs, *((None, p) for p in false_positives)]:
        for key in _rule_names(p):
            t = tallies.setdefault(key, _Tally())
            t.predictions += 1
            if g is None:
                continue
            if g.get("optional"):
                t.optional += 1
                continue
            t.correct += 1
            t.strict += boundaries(g) == boundaries(p)
            if g.get("speaker_check") is not False:
                t.checked += 1
                t.speaker += same_speaker(p.get("speaker"), g.get("speaker"),
                                          g.get("speaker_type"))
    return tallies


def _cue_key(word: str) -> str:
    lemma = cue_lexicon.lemma_of(word.lower())
    return lemma if lemma is not None else word.lower() + " ?"


def _nearest_cue_word(text: str, start: int, end: int) -> str | None:
    """The word with a cue lemma nearest to ``text[start:end]`` within :data:`CUE_WINDOW`."""
    lo, hi = max(0, start - CUE_WINDOW), min(len(text), end + CUE_WINDOW)
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, lo, hi):
        if start <= m.start() < end or cue_lexicon.lemma_of(m.group().lower()) is None:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best is None or dist < best[0]:
            best = (dist, m.group())
    return best[1] if best else None


def miss_cue(rec: Mapping[str, Any], text: str | None) -> str:
    """The cue a missed gold record is grouped under: the lemma of its ``cue`` field's first
    known cue word, else of the nearest cue word in ``text``; an unknown word is marked ``?``.

    >>> miss_cue({"cue": "reserved his scorn for"}, None)
    'reserved ?'
    >>> miss_cue({"cue": "According to"}, None)
    'according to'
    >>> miss_cue({"start": 0, "end": 9, "text": "it rained"}, "it rained, Lind told us")
    'tell'
    """
    cue = rec.get("cue")
    if isinstance(cue, str) and cue.strip():
        folded = " ".join(cue.lower().split())
        for phrase in cue_lexicon.ACCORDING_TO:
            if folded.startswith(phrase):
                return phrase
        words = _WORD.findall(cue)
        for w in words:
            if cue_lexicon.lemma_of(w.lower()) is not None:
                return _cue_key(w)
        return _cue_key(words[0]) if words else "(none)"
    start, end = rec.get("start"), rec.get("end")
    if text is None or not isinstance(start, int) or not isinstance(end, int):
        return "(none)"
    word = _nearest_cue_word(text, start, end)
    return _cue_key(word) if word else "(none)"


def rule_report(pairs: Sequence[tuple[Record, Record]], false_positives: Sequence[Record],
                misses: Sequence[Record], texts: Mapping[str, str] | None = None) -> RuleReport:
    """Per-rule figures from an evaluation's matched pairs, false positives and misses;
    ``texts`` (doc id → text) lets misses without a ``cue`` field be grouped."""
    tallies = _tally(pairs, false_positives)
    rules = sorted((t.score(f, n) for (f, n), t in tallies.items()),
                   key=lambda r: (RULE_FIELDS.index(r.field) if r.field in RULE_FIELDS else 9,
                                  -r.predictions, r.name))
    texts = texts or {}
    cues = Counter(miss_cue(m, texts.get(m.get("doc", ""))) for m in misses)
    return RuleReport(tuple(rules), tuple(sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))))
