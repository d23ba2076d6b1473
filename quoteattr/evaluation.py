"""Scoring predicted quote records against hand-annotated gold records.

The record format is that of ``quoteattr extract --format jsonl`` (docs/output-format.md);
gold records may add ``optional`` (a borderline item: predicting it is no false positive,
missing it no false negative) and ``speaker_check: false`` (the gold names no resolvable
speaker, so any predicted speaker counts). See docs/evaluation.md for the figures.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .diagnostics import RuleReport, rule_report

__all__ = [
    "KindScore",
    "RecordError",
    "Scores",
    "boundaries",
    "check_record",
    "dice",
    "evaluate",
    "gold_names",
    "load_records",
    "place_records",
    "predict",
    "same_speaker",
    "score",
]

Record = dict[str, Any]

KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")

#: Characters trimmed from both ends of a span for the strict boundary comparison.
TRIM_CHARS = " \t\r\n\"'“”‘’«»,.;:!?—–-()[]…"

#: Words ignored when comparing speaker names (titles, articles, nationality adjectives).
NAME_NOISE = frozenset(
    "the a an mr mrs ms dr president prime minister secretary of state us u.s russian "
    "ukrainian american hungarian white house press foreign sen senator gov governor rep "
    "aide spokesperson spokesman spokeswoman ambassador kremlin's first lady general gen"
    .split()
)

MATCH_THRESHOLD = 0.5


@attrs.frozen(slots=True)
class KindScore:
    """Recall for one kind: of ``gold`` required records, how many were found/attributed."""

    gold: int
    recall: float | None
    e2e_recall: float | None
    pred_as_kind: int


@attrs.frozen(slots=True)
class Scores:
    """All figures of one evaluation; :meth:`to_dict` gives them rounded to 4 places."""

    gold: int
    pred: int
    matched: int
    detect_p: float
    detect_r: float
    detect_f1: float
    strict_p: float
    strict_r: float
    strict_f1: float
    attribution_acc: float
    attribution_checked: int
    attribution_named_acc: float
    e2e_p: float
    e2e_r: float
    e2e_f1: float
    by_kind: Mapping[str, KindScore]
    kind_acc: float
    misses: tuple[Record, ...] = ()
    false_positives: tuple[Record, ...] = ()
    wrong_speaker: tuple[tuple[Record, Record], ...] = ()
    bad_offsets_gold: int = 0
    bad_offsets_pred: int = 0
    pred_for_unknown_docs: int = 0
    pairs: tuple[tuple[Record, Record], ...] = ()
    by_rule: RuleReport | None = None

    def to_dict(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict (the error lists left out)."""
        return scores_dict(self)

    def report(self) -> str:
        """The figures as aligned ``name value`` lines."""
        return scores_report(self)

    def errors_report(self) -> str:
        """Missed gold records, false positives and wrong speakers, one per line."""
        return errors_report(self)


def _r4(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def scores_dict(s: Scores) -> dict[str, Any]:
    """The figures of ``s`` as a JSON-ready dict (the error lists left out)."""
    out: dict[str, Any] = {"gold": s.gold, "pred": s.pred, "matched": s.matched}
    for name in ("detect_p", "detect_r", "detect_f1", "strict_p", "strict_r", "strict_f1",
                 "attribution_acc"):
        out[name] = _r4(getattr(s, name))
    out["attribution_checked"] = s.attribution_checked
    out["attribution_named_acc"] = _r4(s.attribution_named_acc)
    for name in ("e2e_p", "e2e_r", "e2e_f1"):
        out[name] = _r4(getattr(s, name))
    out["by_kind"] = {
        k: {"gold": v.gold, "recall": _r4(v.recall), "e2e_recall": _r4(v.e2e_recall),
            "pred_as_kind": v.pred_as_kind}
        for k, v in s.by_kind.items()
    }
    out["kind_acc"] = _r4(s.kind_acc)
    out["bad_offsets_gold"] = s.bad_offsets_gold
    out["bad_offsets_pred"] = s.bad_offsets_pred
    out["pred_for_unknown_docs"] = s.pred_for_unknown_docs
    if s.by_rule is not None:
        out["by_rule"] = s.by_rule.to_dict()
    return out


def scores_report(s: Scores) -> str:
    """The figures of ``s`` as aligned ``name value`` lines."""
    lines = []
    for key, value in s.to_dict().items():
        if key in ("by_kind", "by_rule"):
            continue
        lines.append(f"{key:24} {value}")
    for kind, ks in s.to_dict()["by_kind"].items():
        lines.append(f"{kind:24} {ks}")
    text = "\n".join(lines) + "\n"
    return text if s.by_rule is None else text + "\n" + s.by_rule.report()


def _short(rec: Mapping[str, Any]) -> str:
    return (f'{rec.get("doc")}:{rec.get("start")}-{rec.get("end")} [{rec.get("kind")}] '
            f'{str(rec.get("text", ""))[:90]!r} -> {rec.get("speaker")}')


def errors_report(s: Scores) -> str:
    """Missed gold records, false positives and wrong speakers of ``s``, one per line."""
    lines = ["# missed", *("  " + _short(m) for m in s.misses)]
    lines += ["# false positives", *("  " + _short(p) for p in s.false_positives)]
    lines.append("# wrong speaker")
    lines += [f"  {_short(g)}  (predicted {p.get('speaker')!r})" for g, p in s.wrong_speaker]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- loading


class RecordError(ValueError):
    """A gold or predicted record that cannot be scored; the message names where it is."""


_DRIVE = re.compile(r"[A-Za-z]:")
_BOOL_FIELDS = ("optional", "speaker_check")
_TEXT_OR_NULL_FIELDS = ("speaker", "speaker_type")


def _doc_problem(doc: Any) -> str | None:
    """Why ``doc`` is not a relative path inside the docs folder (``None`` when it is)."""
    if not isinstance(doc, str) or not doc:
        return "'doc' must be a non-empty string"
    parts = doc.replace("\\", "/").split("/")
    if "\0" in doc or doc.startswith(("/", "\\")) or _DRIVE.match(doc) or os.path.isabs(doc):
        return f"'doc' must be a relative path inside the docs folder, got {doc!r}"
    if ".." in parts:
        return f"'doc' must not climb out of the docs folder with '..', got {doc!r}"
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _offsets_problem(rec: Mapping[str, Any]) -> str | None:
    if ("start" in rec) != ("end" in rec):
        return "'start' and 'end' go together"
    if "start" in rec:
        start, end = rec["start"], rec["end"]
        if not (_is_int(start) and _is_int(end) and 0 <= start <= end):
            return f"'start' and 'end' must be whole numbers with 0 <= start <= end, " \
                   f"got {start!r} and {end!r}"
    occ = rec.get("occurrence", 0)
    if not (_is_int(occ) and occ >= 0):
        return f"'occurrence' must be a whole number >= 0, got {occ!r}"
    return None


def _record_problem(rec: Any, gold: bool) -> str | None:
    """Why ``rec`` cannot be scored (``None`` when it can)."""
    if not isinstance(rec, Mapping) or "doc" not in rec or "text" not in rec:
        return "a record needs at least 'doc' and 'text'"
    problem = _doc_problem(rec["doc"]) or _offsets_problem(rec)
    if problem:
        return problem
    if not isinstance(rec["text"], str):
        return "'text' must be a string"
    kind = rec.get("kind")
    if (gold or kind is not None) and kind not in KINDS:
        return f"'kind' must be one of {', '.join(KINDS)}, got {kind!r}"
    for key in _TEXT_OR_NULL_FIELDS:
        if not isinstance(rec.get(key), str | None):
            return f"'{key}' must be a string or null"
    for key in _BOOL_FIELDS:
        if key in rec and not isinstance(rec[key], bool):
            return f"'{key}' must be true or false"
    return None


def check_record(rec: Any, where: str, *, gold: bool = False) -> None:
    """Raise :class:`RecordError` ``"WHERE: why"`` unless ``rec`` can be scored: ``doc`` a
    relative path with no ``..``; ``text`` a string; ``start``/``end`` whole numbers with
    ``0 <= start <= end``; ``occurrence`` a whole number >= 0; ``kind`` a known kind
    (required in gold); ``speaker``/``speaker_type`` strings or null; ``optional`` and
    ``speaker_check`` booleans."""
    problem = _record_problem(rec, gold)
    if problem:
        raise RecordError(f"{where}: {problem}")


def load_records(path: str | os.PathLike[str], *, gold: bool = False) -> list[Record]:
    """Records of a JSONL file (blank lines skipped), each checked by :func:`check_record`;
    errors name the file and line."""
    out: list[Record] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                raise RecordError(f"{path}:{n}: not a JSON object: {msg}") from None
            check_record(rec, f"{path}:{n}", gold=gold)
            out.append(rec)
    return out


def _nth(text: str, needle: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th (0-based) match of ``needle`` in ``text``, or -1."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            break
    return pos


def place_records(records: Iterable[Record], docs_dir: str | os.PathLike[str] | None) -> int:
    """Fill missing ``start``/``end`` from the ``occurrence``-th match of ``text``;
    return how many records do not sit at ``doc_text[start:end]``.

    Raises :class:`RecordError` for a ``doc`` outside ``docs_dir`` (see :func:`check_record`).
    """
    if docs_dir is None:
        return 0
    texts: dict[str, str | None] = {}
    bad = 0
    for rec in records:
        doc = rec["doc"]
        if doc not in texts:
            problem = _doc_problem(doc)
            if problem:
                raise RecordError(problem)
            try:
                texts[doc] = (Path(docs_dir) / doc).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                texts[doc] = None
        text = texts[doc]
        if text is None:  # no such document: its offsets cannot be right
            bad += 1
            continue
        if "start" not in rec:
            pos = _nth(text, rec["text"], int(rec.get("occurrence", 0)))
            rec["start"], rec["end"] = pos, pos + len(rec["text"])
        if rec["start"] < 0 or text[rec["start"]:rec["end"]] != rec["text"]:
            bad += 1
    return bad


# ---------------------------------------------------------------- comparisons


def dice(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """Span overlap 2·|a∩b| / (|a| + |b|), 0 when the spans do not overlap."""
    overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if overlap <= 0:
        return 0.0
    return float(2 * overlap / ((a["end"] - a["start"]) + (b["end"] - b["start"])))


def boundaries(rec: Mapping[str, Any]) -> tuple[int, int]:
    """``(start, end)`` with quotation marks, punctuation, white space and a leading
    complementizer ``that`` trimmed off."""
    text: str = rec["text"]
    start, end = rec["start"], rec["end"]
    lead = len(text) - len(text.lstrip(TRIM_CHARS))
    if text[lead:lead + 5].lower() == "that ":
        rest = text[lead + 5:]
        lead += 5 + len(rest) - len(rest.lstrip(TRIM_CHARS))
    tail = len(text) - len(text.rstrip(TRIM_CHARS))
    return start + lead, max(start + lead, end - tail)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def _name_words(name: str) -> list[str]:
    words = (w.rstrip(".").removesuffix("'s") for w in re.findall(r"[a-z][a-z.'-]*", _fold(name)))
    return [w for w in words if w not in NAME_NOISE]


def _translit(word: str) -> str:
    """Fold transliteration endings (-yy, -iy, -ij, -i, ...) to ``y``."""
    return re.sub(r"(yy|iy|ij|yj|yi|i)$", "y", word)


#: Capitalised words that still make a description, not a name (``The Republican``).
DESCRIPTORS = frozenset(
    "the a an mr mrs ms dr sen rep gov president secretary senator governor former "
    "candidate gop democratic republican democrat nominee".split()
)

# What ends the name-bearing head of a gold speaker written as in the text.
_CLAUSE = re.compile(r",|\(|\s[-–—]+\s|--|\s(?:who|whose|which)\s")
_PREP = re.compile(r"\s(?:of|at|in|from|for|with|on)\s")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def _capitalised(word: str) -> bool:
    w = _fold(word).strip(".").removesuffix("'s")
    return word[:1].isupper() and w not in DESCRIPTORS


def gold_names(gold: str) -> tuple[list[str], bool]:
    """The name-bearing parts of a gold speaker written as in the text, and whether it names
    someone: the phrase before the first comma, parenthesis, dash or relative pronoun, that
    phrase cut before its first preposition, and an apposed name after a description.

    >>> gold_names("Rep. Jo Roe (D-Calif.), head of the panel")
    (['Rep. Jo Roe', 'Rep. Jo Roe'], True)
    >>> gold_names("a spokeswoman for the firm, Jo Roe")
    (['a spokeswoman', 'a spokeswoman for the firm', 'Jo Roe'], True)
    """
    parts = _CLAUSE.split(gold)
    head = parts[0].strip()
    head0 = _PREP.split(head)[0].strip()
    before = _WORD.findall(head0)
    if before and before[-1][:1].isupper() and not _capitalised(before[-1]):
        head0 = head  # a capitalised title before `of`: `Secretary of State Jo Roe`
    words = _WORD.findall(head0)
    cands = [head0, head]
    named = bool(words) and _capitalised(words[-1])
    if words and not named and len(parts) > 1:
        nxt = _WORD.findall(parts[1])
        if nxt and all(w[:1].isupper() for w in nxt):
            cands.append(parts[1].strip())
            named = True
    return cands, named


def _bare(s: str) -> str:
    s = _fold(s).strip()
    return s[4:] if s.startswith("the ") else s


def _shares_long_word(pred: str, gold: str) -> bool:
    p, g = _name_words(pred), _name_words(gold)
    if not p or not g:
        return _bare(pred) == _bare(gold)
    shared = {_translit(w) for w in p if len(w) > 3} & {_translit(w) for w in g if len(w) > 3}
    return bool(shared) or _bare(pred) == _bare(gold)


def same_speaker(pred: str | None, gold: str | None, gold_type: str | None = None) -> bool:
    """Whether ``pred`` names the gold speaker, as the reference scorer decides: case,
    accents and titles are ignored, a surname alone matches a full name, and a gold speaker
    written with an apposition is compared by the name in its head phrase; for
    organisations and anonymous sources any shared word longer than three letters will do.

    >>> same_speaker("Roe", "Rep. Jo Roe (D-Calif.), head of the panel")
    True
    """
    if gold is None:
        return pred is None
    if not pred:
        return False
    if gold_type in ("anonymous", "organization"):
        return _shares_long_word(pred, gold)
    p = _name_words(pred)
    for cand in gold_names(gold)[0]:
        g = _name_words(cand)
        if p and g and _translit(p[-1]) == _translit(g[-1]):
            return True
        if _bare(pred) == _bare(cand):
            return True
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _match(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best overlap first (ties: later records first)."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            d = dice(g, p)
            if d >= MATCH_THRESHOLD:
                candidates.append((d, i, j))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


# ---------------------------------------------------------------- scoring


def _by_kind(required: Sequence[Record], req_pairs: Sequence[tuple[Record, Record]],
             right: Sequence[tuple[Record, Record]], pred: Sequence[Record]
             ) -> dict[str, KindScore]:
    by_kind = {}
    for kind in KINDS:
        n_k = sum(g["kind"] == kind for g in required)
        found = sum(g["kind"] == kind for g, _ in req_pairs)
        ok = sum(g["kind"] == kind for g, _ in right)
        by_kind[kind] = KindScore(
            gold=n_k,
            recall=found / n_k if n_k else None,
            e2e_recall=ok / n_k if n_k else None,
            pred_as_kind=sum(p.get("kind") == kind for p in pred),
        )
    return by_kind


def _pair_up(gold: Sequence[Record], pred: Sequence[Record]
             ) -> tuple[list[tuple[Record, Record]], list[Record], list[Record]]:
    """Matched (gold, prediction) pairs, document by document; then the unmatched
    predictions and the unmatched gold records."""
    per_doc: dict[str, tuple[list[Record], list[Record]]] = {}
    for g in gold:
        per_doc.setdefault(g["doc"], ([], []))[0].append(g)
    for p in pred:
        per_doc[p["doc"]][1].append(p)
    pairs: list[tuple[Record, Record]] = []
    false_pos: list[Record] = []
    missed: list[Record] = []
    for gs, ps in per_doc.values():
        matched = _match(gs, ps)
        pairs += [(gs[i], ps[j]) for i, j in matched]
        got_g = {i for i, _ in matched}
        got_p = {j for _, j in matched}
        false_pos += [p for j, p in enumerate(ps) if j not in got_p]
        missed += [g for i, g in enumerate(gs) if i not in got_g]
    return pairs, false_pos, missed


def score(gold: Sequence[Record], pred: Sequence[Record]) -> Scores:
    """Compare records (with ``start``/``end``); predictions for documents absent from the
    gold are left out and counted in ``pred_for_unknown_docs``."""
    gold_docs = {g["doc"] for g in gold}
    stray = sum(1 for p in pred if p["doc"] not in gold_docs)
    pred = [p for p in pred if p["doc"] in gold_docs]

    pairs, false_pos, missed = _pair_up(gold, pred)

    required = [g for g in gold if not g.get("optional")]
    req_pairs = [(g, p) for g, p in pairs if not g.get("optional")]
    n_pred = len(pred) - (len(pairs) - len(req_pairs))  # hits on optional gold are free
    n_gold = len(required)

    def attributed(g: Record, p: Record) -> bool:
        return g.get("speaker_check") is False or same_speaker(
            p.get("speaker"), g.get("speaker"), g.get("speaker_type"))

    right = [(g, p) for g, p in req_pairs if attributed(g, p)]
    wrong = [(g, p) for g, p in req_pairs if not attributed(g, p)]
    strict = sum(boundaries(g) == boundaries(p) for g, p in req_pairs)
    checked = [(g, p) for g, p in req_pairs if g.get("speaker_check") is not False]
    named_right = sum(same_speaker(p.get("speaker"), g.get("speaker"), g.get("speaker_type"))
                      for g, p in checked)

    by_kind = _by_kind(required, req_pairs, right, pred)

    dp, dr, df = _prf(len(req_pairs), n_pred, n_gold)
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    ep, er, ef = _prf(len(right), n_pred, n_gold)
    n_pairs = len(req_pairs)
    return Scores(
        gold=n_gold, pred=n_pred, matched=n_pairs,
        detect_p=dp, detect_r=dr, detect_f1=df,
        strict_p=sp, strict_r=sr, strict_f1=sf,
        attribution_acc=len(right) / n_pairs if n_pairs else 0.0,
        attribution_checked=len(checked),
        attribution_named_acc=named_right / len(checked) if checked else 0.0,
        e2e_p=ep, e2e_r=er, e2e_f1=ef,
        by_kind=by_kind,
        kind_acc=sum(g["kind"] == p.get("kind") for g, p in req_pairs) / n_pairs
        if n_pairs else 0.0,
        misses=tuple(m for m in missed if not m.get("optional")),
        false_positives=tuple(false_pos),
        wrong_speaker=tuple(wrong),
        pairs=tuple(pairs),
        pred_for_unknown_docs=stray,
    )


def predict(docs: Iterable[str], docs_dir: str | os.PathLike[str], *, jobs: int | None = 1,
            **options: Any) -> list[Record]:
    """Run the library on each named document of ``docs_dir``; records in document order.

    Raises ``OSError``/``ValueError`` naming the first document that cannot be read.
    """
    from .batch import extract_many
    from .output import records

    names = list(dict.fromkeys(docs))
    paths = [Path(docs_dir) / name for name in names]
    out: list[Record] = []
    for res in extract_many(paths, jobs=jobs, docs=names, **options):
        if res.article is None:
            raise ValueError(f"cannot score: {res.error}")
        out.extend(records(res.article.quotes, res.doc))
    return out


def evaluate(
    gold: str | os.PathLike[str] | Sequence[Record],
    docs_dir: str | os.PathLike[str] | None = None,
    pred: str | os.PathLike[str] | Sequence[Record] | None = None,
    *,
    jobs: int | None = 1,
    by_rule: bool = False,
    **options: Any,
) -> Scores:
    """Score ``pred`` (or, when it is ``None``, the library run on ``docs_dir``) against
    ``gold``; both may be JSONL paths or lists of records.

    With ``docs_dir``, every record's offsets are checked against its document
    (``bad_offsets_gold``/``bad_offsets_pred``); records lacking offsets get them from
    their ``occurrence``-th match. ``by_rule=True`` adds per-rule figures
    (:mod:`quoteattr.diagnostics`) as ``Scores.by_rule``.
    """
    gold_recs = _records(gold, "gold", gold=True)
    if pred is None:
        if docs_dir is None:
            raise ValueError("evaluate() needs docs_dir to run the library (or pred records)")
        pred_recs = predict((g["doc"] for g in gold_recs), docs_dir, jobs=jobs, **options)
    else:
        pred_recs = _records(pred, "pred", gold=False)
    if docs_dir is None:
        _need_offsets(gold_recs, "gold")
        _need_offsets(pred_recs, "pred")
    bad_gold = place_records(gold_recs, docs_dir)
    bad_pred = place_records(pred_recs, docs_dir)
    result = attrs.evolve(score(gold_recs, pred_recs), bad_offsets_gold=bad_gold,
                          bad_offsets_pred=bad_pred)
    if not by_rule:
        return result
    gold_docs = {g["doc"] for g in gold_recs}
    fps = [p for p in result.false_positives if p["doc"] in gold_docs]
    texts = _doc_texts(docs_dir, {m["doc"] for m in result.misses})
    return attrs.evolve(result, by_rule=rule_report(result.pairs, fps, result.misses, texts))


def _doc_texts(docs_dir: str | os.PathLike[str] | None, names: Iterable[str]) -> dict[str, str]:
    """The readable documents among ``names`` in ``docs_dir`` (none without a folder)."""
    texts: dict[str, str] = {}
    if docs_dir is None:
        return texts
    for name in names:
        try:
            texts[name] = (Path(docs_dir) / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return texts


def _records(source: str | os.PathLike[str] | Sequence[Record], what: str, *,
             gold: bool) -> list[Record]:
    """Checked copies of the records of a JSONL path or a list (errors say which one)."""
    if isinstance(source, Sequence) and not isinstance(source, str):
        for i, rec in enumerate(source):
            check_record(rec, f"{what} record {i}", gold=gold)
        return [dict(r) for r in source]
    return load_records(source, gold=gold)


def _need_offsets(recs: Sequence[Record], what: str) -> None:
    for i, rec in enumerate(recs):
        if "start" not in rec:
            raise RecordError(f"{what} record {i} ({rec['doc']}) has no 'start'/'end' and "
                              "there is no docs folder to find its text in")
