"""Notebook display: quote lists and articles that render as highlighted HTML.

(The DataFrame code is in :mod:`quoteattr.frames`; its names are imported here too.)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from .frames import DATAFRAME_COLUMNS, QuoteList, to_dataframe
from .model import Article, Quote, QuoteKind, Speaker

__all__ = [
    "DATAFRAME_COLUMNS",
    "QuoteList",
    "article_to_html",
    "quotes_to_html",
    "to_dataframe",
]

#: Highlight colours, given to speakers in order of first quote.
PALETTE: tuple[str, ...] = (
    "#ffe08a", "#a8e6cf", "#aecbfa", "#f8b4c4", "#d7b9f5",
    "#ffc9a3", "#b5ead7", "#c7ceea", "#e2f0a0", "#f3c1e6",
)
_NO_SPEAKER = "#dddddd"
_CELL = ' style="padding:2px 10px;text-align:left"'


# ---------------------------------------------------------------- HTML


def _colours(quotes: Sequence[Quote], speakers: Sequence[Speaker] = ()) -> dict[str, str]:
    colours: dict[str, str] = {}
    names = [q.speaker.name for q in sorted(quotes, key=lambda q: q.start) if q.speaker]
    names += [s.name for s in speakers]
    for name in names:
        if name not in colours:
            colours[name] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _title(q: Quote) -> str:
    parts = [q.speaker.name if q.speaker else "no speaker", str(q.kind)]
    if q.cue is not None:
        parts.append(f"cue: {q.cue.text}")
    parts.append(f"confidence {q.confidence:.2f}")
    return " · ".join(parts)


def _highlighted(text: str, quotes: Sequence[Quote], colours: dict[str, str]) -> str:
    out: list[str] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        start, end = max(q.start, pos), min(q.end, len(text))
        if end <= start:  # nested in (or identical to) a quote already shown
            continue
        colour = colours.get(q.speaker.name, _NO_SPEAKER) if q.speaker else _NO_SPEAKER
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<mark class="qa-quote qa-{html.escape(str(q.kind))}" '
            f'style="background:{colour};padding:0 2px;border-radius:3px" '
            f'title="{html.escape(_title(q), quote=True)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _summary(quotes: Sequence[Quote], speakers: Sequence[Speaker],
             colours: dict[str, str]) -> str:
    by_name: dict[str, Speaker] = {s.name: s for s in speakers}
    counts: dict[str | None, dict[str, int]] = {}
    for q in quotes:
        name = q.speaker.name if q.speaker else None
        if q.speaker is not None:
            by_name.setdefault(q.speaker.name, q.speaker)
        row = counts.setdefault(name, {k.value: 0 for k in QuoteKind})
        row[q.kind.value] += 1
    head = "".join(f"<th{_CELL}>{h}</th>" for h in
                   ("speaker", "type", "roles", "quotes", "direct", "mixed", "indirect"))
    body: list[str] = []
    order: list[str | None] = [n for n in colours if n in counts or n in by_name]
    if None in counts:
        order.append(None)
    for name in order:
        row = counts.get(name, {k.value: 0 for k in QuoteKind})
        spk = by_name.get(name) if name is not None else None
        colour = colours.get(name, _NO_SPEAKER) if name is not None else _NO_SPEAKER
        label = html.escape(name) if name is not None else "<i>no speaker</i>"
        body.append(
            "<tr>"
            f'<td{_CELL}><span style="background:{colour};padding:0 6px;margin-right:4px">'
            f"&nbsp;</span>{label}</td>"
            f"<td{_CELL}>{html.escape(str(spk.type)) if spk else ''}</td>"
            f"<td{_CELL}>{html.escape(', '.join(spk.roles)) if spk else ''}</td>"
            f"<td{_CELL}>{sum(row.values())}</td><td{_CELL}>{row['direct']}</td>"
            f"<td{_CELL}>{row['mixed']}</td><td{_CELL}>{row['indirect']}</td>"
            "</tr>"
        )
    return (f'<table class="qa-speakers" style="border-collapse:collapse;margin-top:0.5em">'
            f"<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _page(text: str, quotes: Sequence[Quote], speakers: Sequence[Speaker],
          doc: str | None) -> str:
    colours = _colours(quotes, speakers)
    title = f"<h4>{html.escape(doc)}</h4>" if doc else ""
    n = len(quotes)
    caption = f"<p><b>{n} quote{'s' if n != 1 else ''}</b></p>"
    return (
        f'<div class="quoteattr">{title}{caption}'
        '<div class="qa-text" style="white-space:pre-wrap;line-height:1.5;'
        'max-height:40em;overflow:auto;border:1px solid #ccc;padding:0.5em">'
        f"{_highlighted(text, quotes, colours)}</div>"
        f"{_summary(quotes, speakers, colours)}</div>"
    )


def quotes_to_html(text: str, quotes: Iterable[Quote], doc: str | None = None) -> str:
    """``text`` HTML-escaped with each quote in a ``<mark>`` coloured by speaker,
    then a speaker summary table."""
    return _page(text, list(quotes), (), doc)


def article_to_html(article: Article) -> str:
    """An :class:`Article` as highlighted HTML (see :func:`quotes_to_html`)."""
    return _page(article.text, list(article.quotes), article.speakers, article.doc)
