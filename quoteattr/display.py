"""Notebook display: quote lists and articles that render as highlighted HTML.

(The DataFrame code is in :mod:`quoteattr.frames`; its names are imported here too.)
"""

from __future__ import annotations

import bisect
import html
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .corpus import canonical_key
from .frames import DATAFRAME_COLUMNS, QuoteList, to_dataframe
from .model import Article, Quote, QuoteKind, Speaker
from .palette import NO_SPEAKER, PALETTE, assign_colours
from .segmentation import SegmentKind, segment

__all__ = [
    "DATAFRAME_COLUMNS",
    "PALETTE",
    "QuoteList",
    "article_to_html",
    "quotes_to_html",
    "to_dataframe",
]



# ---------------------------------------------------------------- HTML
#
# The article is shown whole and in order, every character once. Page furniture (what
# segmentation sets aside: scripts, share buttons, captions) is greyed, and a long run of
# it is folded into a <details> element, so the body comes first. Direct quotes have a
# filled background, mixed ones a solid underline, indirect ones a dotted underline, all in
# the speaker's colour; the cue is bold and underlined in grey, the speaker mention outlined.
# Only inline styles: they survive notebook front ends and static exports that drop <style>.

#: A run of furniture longer than this many characters is folded (``<details>``).
FOLD_FURNITURE = 160

_CELL = ' style="padding:2px 10px;text-align:left"'
_KIND_STYLE = {
    QuoteKind.DIRECT: "background:{light};border-bottom:2px solid {strong}",
    QuoteKind.MIXED: "background:transparent;border-bottom:3px solid {strong}",
    QuoteKind.INDIRECT: "background:transparent;border-bottom:3px dotted {strong}",
}
_KIND_HELP = {
    QuoteKind.DIRECT: "direct: the speaker's words in quotation marks",
    QuoteKind.MIXED: "mixed: reported speech with a quoted fragment",
    QuoteKind.INDIRECT: "indirect: reported speech, no quotation marks",
}
_CUE_STYLE = "font-weight:bold;border-bottom:2px solid #555"
_MENTION_STYLE = "outline:2px solid {strong};outline-offset:1px;border-radius:2px"
_FURNITURE_STYLE = "color:#9a9a9a;font-size:85%"


@attrs.frozen(slots=True)
class _Run:
    """A stretch of text shown one way (boundaries at every span edge)."""

    start: int
    end: int
    quote: int | None = None  # index into the shown quotes
    cue: bool = False
    mention: str | None = None  # the strong colour of the outline
    heading: bool = False
    furniture: int | None = None  # index into the furniture runs


def _speaker_key(q: Quote) -> str | None:
    return canonical_key(q.speaker.name) if q.speaker is not None else None


def _order(quotes: Sequence[Quote], speakers: Sequence[Speaker]) -> list[str]:
    """Speaker keys in order of first quote, then the article's other speakers."""
    keys = [_speaker_key(q) for q in sorted(quotes, key=lambda q: q.start)]
    keys += [canonical_key(s.name) for s in speakers]
    return list(dict.fromkeys(k for k in keys if k is not None))


def _colour(key: str | None, colours: Mapping[str, int]) -> tuple[str, str]:
    """(strong, light) of a speaker key; grey for no speaker."""
    if key is None or key not in colours:
        return NO_SPEAKER
    return PALETTE[colours[key] % len(PALETTE)]


def _title(q: Quote) -> str:
    parts = [q.speaker.name if q.speaker else "no speaker", str(q.kind)]
    if q.cue is not None:
        parts.append(f"cue: {q.cue.text}")
    parts.append(f"confidence {q.confidence:.2f}")
    return " · ".join(parts)


def _shown(text: str, quotes: Sequence[Quote]) -> list[tuple[Quote, int, int]]:
    """The quotes as drawn: in order, a quote nested in an earlier one left out and one
    overlapping an earlier one cut to start where that one ends."""
    out: list[tuple[Quote, int, int]] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        start, end = max(q.start, pos), min(q.end, len(text))
        if end > start:
            out.append((q, start, end))
            pos = end
    return out


def _furniture(text: str, shown: Sequence[tuple[Quote, int, int]]
               ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Runs of consecutive furniture lines (start, end, rule names) that hold no quote,
    and the heading lines."""
    runs: list[tuple[int, int, list[str]]] = []
    headings: list[tuple[int, int]] = []
    last_kind = None
    for seg in segment(text).segments:
        if seg.kind is SegmentKind.HEADING:
            headings.append((seg.start, seg.end))
        elif seg.kind is SegmentKind.FURNITURE:
            if last_kind is SegmentKind.FURNITURE:
                runs[-1] = (runs[-1][0], seg.end, runs[-1][2] + [seg.rule or "furniture"])
            else:
                runs.append((seg.start, seg.end, [seg.rule or "furniture"]))
        last_kind = seg.kind
    ends = [qe for _, _, qe in shown]  # sorted: the shown quotes do not overlap

    def holds_quote(s: int, e: int) -> bool:
        i = bisect.bisect_right(ends, s)  # the first quote ending after s
        return i < len(shown) and shown[i][1] < e

    free = [(s, e, ", ".join(dict.fromkeys(r))) for s, e, r in runs if not holds_quote(s, e)]
    return free, headings


def _paint(bounds: list[int], spans: Iterable[tuple[int, int]]) -> Iterator[range]:
    """For each span, the range of runs (between consecutive ``bounds``) it covers."""
    for s, e in spans:
        yield range(bisect.bisect_left(bounds, s), bisect.bisect_left(bounds, e))


def _runs(text: str, shown: Sequence[tuple[Quote, int, int]], colours: Mapping[str, int],
          furniture: Sequence[tuple[int, int, str]], headings: Sequence[tuple[int, int]]
          ) -> list[_Run]:
    """The text cut at every edge of a quote, cue, mention, heading or furniture run."""
    n = len(text)
    cues = list(dict.fromkeys((q.cue.start, q.cue.end) for q, _, _ in shown
                              if q.cue and q.cue.end <= n))
    mentions = list(dict.fromkeys(
        (q.mention.start, q.mention.end, _colour(_speaker_key(q), colours)[0])
        for q, _, _ in shown if q.mention and q.mention.end <= n))
    edges = {0, n}
    for s, e in [(s, e) for _, s, e in shown] + cues + [(s, e) for s, e, _ in mentions] \
            + [(s, e) for s, e, _ in furniture] + list(headings):
        edges.update((s, e))
    bounds = sorted(edges)
    fields: list[dict[str, Any]] = [{} for _ in bounds[:-1]]
    for name, spans, values in (
            ("quote", [(s, e) for _, s, e in shown], range(len(shown))),
            ("cue", cues, [True] * len(cues)),
            ("mention", [(s, e) for s, e, _ in mentions], [c for _, _, c in mentions]),
            ("heading", headings, [True] * len(headings)),
            ("furniture", [(s, e) for s, e, _ in furniture], range(len(furniture)))):
        for covered, value in zip(_paint(bounds, spans), values, strict=True):
            for i in covered:
                fields[i][name] = value
    return [_Run(bounds[i], bounds[i + 1], **f) for i, f in enumerate(fields)]


def _piece(text: str, run: _Run) -> str:
    """One run's text, escaped, in its cue, mention and heading wrappers."""
    out = html.escape(text[run.start:run.end])
    if run.heading:
        out = f"<b>{out}</b>"
    if run.cue:
        out = f'<span class="qa-cue" style="{_CUE_STYLE}" title="cue">{out}</span>'
    if run.mention is not None:
        style = _MENTION_STYLE.format(strong=run.mention)
        out = f'<span class="qa-mention" style="{style}" title="speaker mention">{out}</span>'
    return out


def _mark(q: Quote, index: int, body: str, colours: Mapping[str, int]) -> str:
    strong, light = _colour(_speaker_key(q), colours)
    style = _KIND_STYLE[q.kind].format(strong=strong, light=light)
    return (f'<mark class="qa-quote qa-{q.kind.value}" data-quote="{index}" '
            f'style="{style};color:inherit;padding:0 1px;border-radius:2px" '
            f'title="{html.escape(_title(q), quote=True)}">{body}</mark>')


def _folded(body: str, rules: str, length: int) -> str:
    """A run of furniture: greyed in place, or folded when longer than FOLD_FURNITURE."""
    label = html.escape(f"page furniture ({rules})", quote=True)
    inner = f'<span class="qa-furniture" style="{_FURNITURE_STYLE}" title="{label}">{body}</span>'
    if length <= FOLD_FURNITURE:
        return inner
    return ('<details class="qa-folded" style="display:inline-block;margin:0">'
            f'<summary style="{_FURNITURE_STYLE};cursor:pointer">'
            f"{label}: {length:,} characters set aside</summary>{inner}</details>")


def _group(items: Sequence[_Run], key: str) -> Iterator[tuple[Any, list[_Run]]]:
    for value, members in itertools.groupby(items, key=lambda r: getattr(r, key)):
        yield value, list(members)


def _highlighted(text: str, quotes: Sequence[Quote], colours: Mapping[str, int]) -> str:
    """The whole text, escaped, with quotes marked and furniture greyed or folded."""
    shown = _shown(text, quotes)
    furniture, headings = _furniture(text, shown)
    out: list[str] = []
    for fur, runs in _group(_runs(text, shown, colours, furniture, headings), "furniture"):
        part: list[str] = []
        for qi, members in _group(runs, "quote"):
            body = "".join(_piece(text, r) for r in members)
            part.append(body if qi is None else _mark(shown[qi][0], qi, body, colours))
        if fur is None:
            out.extend(part)
        else:
            s, e, rules = furniture[fur]
            out.append(_folded("".join(part), rules, e - s))
    return "".join(out)


def _chip(strong: str, light: str, label: str) -> str:
    return (f'<span class="qa-chip" style="background:{light};border-bottom:3px solid {strong};'
            f'padding:0 4px;margin:0 6px 2px 0;white-space:nowrap;display:inline-block">'
            f"{label}</span>")


def _legend(quotes: Sequence[Quote], order: Sequence[str], names: Mapping[str, str],
            colours: Mapping[str, int]) -> str:
    """Samples of the three kinds, the cue, the mention and furniture, then one chip per
    speaker of the article."""
    grey, pale = NO_SPEAKER
    kinds = "".join(
        f'<span class="qa-key qa-key-{k.value}" '
        f'style="{_KIND_STYLE[k].format(strong=grey, light=pale)};margin-right:10px" '
        f'title="{html.escape(_KIND_HELP[k], quote=True)}">{k.value}</span>' for k in QuoteKind)
    marks = (f'<span class="qa-key qa-key-cue" style="{_CUE_STYLE};margin-right:10px">cue</span>'
             f'<span class="qa-key qa-key-mention" style="{_MENTION_STYLE.format(strong=grey)};'
             'margin-right:10px">speaker mention</span>'
             f'<span class="qa-key qa-key-furniture" style="{_FURNITURE_STYLE}">page furniture'
             "</span>")
    chips = [_chip(*_colour(k, colours), html.escape(names[k])) for k in order]
    if any(q.speaker is None for q in quotes):
        chips.append(_chip(*NO_SPEAKER, "<i>no speaker</i>"))
    return ('<div class="qa-legend" style="font-size:90%;margin:0.3em 0 0.6em;line-height:1.9">'
            f'<div class="qa-kinds">{kinds}{marks}</div>'
            f'<div class="qa-speaker-keys">{"".join(chips)}</div></div>')


def _counts(quotes: Sequence[Quote]) -> dict[str | None, dict[str, int]]:
    counts: dict[str | None, dict[str, int]] = {}
    for q in quotes:
        row = counts.setdefault(_speaker_key(q), {k.value: 0 for k in QuoteKind})
        row[q.kind.value] += 1
    return counts


def _summary(quotes: Sequence[Quote], order: Sequence[str], by_key: Mapping[str, Speaker],
             colours: Mapping[str, int]) -> str:
    """The table of the article's speakers: type, gender, roles and quotes by kind."""
    counts = _counts(quotes)
    head = "".join(f"<th{_CELL}>{h}</th>" for h in ("speaker", "type", "gender", "roles",
                                                    "quotes", "direct", "mixed", "indirect"))
    body: list[str] = []
    keys: list[str | None] = [*order, None] if None in counts else list(order)
    for key in keys:
        row = counts.get(key, {k.value: 0 for k in QuoteKind})
        spk = by_key.get(key) if key is not None else None
        strong, light = _colour(key, colours)
        label = html.escape(spk.name) if spk else "<i>no speaker</i>"
        cells = [str(spk.type) if spk else "", (spk.gender or "") if spk else "",
                 ", ".join(spk.roles) if spk else ""]
        body.append(
            "<tr>"
            f'<td{_CELL}><span style="background:{light};border-bottom:3px solid {strong};'
            f'padding:0 6px;margin-right:4px">&nbsp;</span>{label}</td>'
            + "".join(f"<td{_CELL}>{html.escape(c)}</td>" for c in cells)
            + f"<td{_CELL}>{sum(row.values())}</td><td{_CELL}>{row['direct']}</td>"
            f"<td{_CELL}>{row['mixed']}</td><td{_CELL}>{row['indirect']}</td></tr>"
        )
    return ('<table class="qa-speakers" style="border-collapse:collapse;margin-top:0.5em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _page(text: str, quotes: Sequence[Quote], speakers: Sequence[Speaker], doc: str | None,
          colours: Mapping[str, int] | None = None) -> str:
    order = _order(quotes, speakers)
    if colours is None:
        colours = assign_colours(order)
    by_key: dict[str, Speaker] = {}
    for spk in [*(q.speaker for q in quotes if q.speaker is not None), *speakers]:
        by_key.setdefault(canonical_key(spk.name), spk)
    names = {k: by_key[k].name for k in order}
    title = f'<h4 class="qa-doc">{html.escape(doc)}</h4>' if doc else ""
    n = len(quotes)
    caption = (f'<p class="qa-caption"><b>{n} quote{"s" if n != 1 else ""}</b>, '
               f'{len(order)} speaker{"s" if len(order) != 1 else ""}</p>')
    return (
        f'<div class="quoteattr">{title}{caption}'
        f"{_legend(quotes, order, names, colours)}"
        '<div class="qa-text" style="white-space:pre-wrap;line-height:1.7;'
        'border:1px solid #ccc;padding:0.5em 0.8em;overflow-wrap:anywhere">'
        f"{_highlighted(text, quotes, colours)}</div>"
        f"{_summary(quotes, order, by_key, colours)}</div>"
    )


def quotes_to_html(text: str, quotes: Iterable[Quote], doc: str | None = None) -> str:
    """``text`` HTML-escaped with each quote marked in its speaker's colour (filled:
    direct, underlined: mixed, dotted: indirect), a legend, and a speaker table."""
    return _page(text, list(quotes), (), doc)


def article_to_html(article: Article, colours: Mapping[str, int] | None = None) -> str:
    """An :class:`Article` as highlighted HTML (see :func:`quotes_to_html`).

    ``colours`` maps :func:`quoteattr.corpus.canonical_key` of a speaker name to a
    :data:`~quoteattr.palette.PALETTE` index, to keep colours across articles (the report
    does); by default speakers get the palette in order of first quote.
    """
    return _page(article.text, list(article.quotes), article.speakers, article.doc, colours)
