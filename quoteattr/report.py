"""One self-contained HTML page about a corpus: who is quoted, by gender and type, direct
or reported, the top speakers, and every article highlighted below.

The page needs nothing else: CSS is inline, the charts are CSS bars, there is no script
and no link outside the page. Every figure is computed from :func:`quoteattr.corpus.tally`,
so it can be reproduced from :func:`quoteattr.summary` (gender and type are a speaker's
across the corpus). Speakers keep one colour in every article of the page.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from . import __version__
from .corpus import (
    SpeakerTally,
    articles_of,
    canonical_key,
    people_by_gender,
    quotes_by,
    quotes_by_kind,
    tally,
)
from .display import article_to_html
from .model import Article
from .palette import NO_SPEAKER, PALETTE, assign_colours

__all__ = ["report_html", "summary_html"]

_GENDER = {"f": ("women", "#d9730d"), "m": ("men", "#2b7a9e"), None: ("unknown", "#b8b8b8")}
_TYPE = {"person": ("named people", "#4e79a7"), "organization": ("organisations", "#e8a33d"),
         "anonymous": ("unnamed sources", "#8cc0b8"), None: ("no speaker", "#cfcfcf")}
_KIND = {"direct": ("direct", "#3b6ea8"), "mixed": ("mixed", "#8fb3dd"),
         "indirect": ("indirect", "#d7a35a")}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;
max-width:64em;padding:1em 1.5em 3em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:0.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.qa-lede{color:#555;margin-top:0}
.qa-article{margin-top:2em;padding-top:0.5em;border-top:3px solid #ddd}
.qa-index{columns:2;font-size:92%}
"""


_BAR = "display:flex;height:1.6em;border-radius:3px;overflow:hidden;background:#eee"
_SWATCH = ("display:inline-block;width:0.9em;height:0.9em;border-radius:2px;"
           "vertical-align:-0.1em;margin-right:0.3em;")
_TD = "padding:3px 8px;text-align:left;border-bottom:1px solid #eee"
_NUM = "padding:3px 8px;text-align:right;border-bottom:1px solid #eee"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def _bar(title: str, parts: Sequence[tuple[str, int, str]], unit: str) -> str:
    """A stacked bar (label, count, colour) with a key giving counts and shares."""
    whole = sum(n for _, n, _ in parts)
    segs = "".join(
        f'<div class="qa-seg" style="width:{100 * n / whole:.3f}%;height:100%;'
        f'background:{colour}" '
        f'title="{html.escape(label, quote=True)}: {n} ({_pct(n, whole)})"></div>'
        for label, n, colour in parts if n and whole)
    keys = "".join(
        f'<span class="qa-key" style="margin-right:1.2em;white-space:nowrap">'
        f'<i class="qa-swatch" style="{_SWATCH}background:{colour}"></i>'
        f"{html.escape(label)} <b>{_pct(n, whole)}</b> ({n})</span>"
        for label, n, colour in parts)
    return (f'<div class="qa-chart" style="margin:0.6em 0 1.2em">'
            f'<h3 style="font-size:1em;margin:0 0 0.3em">{html.escape(title)} '
            f'<small style="font-weight:normal">({whole} {unit})</small></h3>'
            f'<div class="qa-bar" style="{_BAR}">{segs}</div>'
            f'<div class="qa-keys" style="font-size:90%;margin-top:0.3em">{keys}</div></div>')


def _parts(counts: Mapping[Any, int], names: Mapping[Any, tuple[str, str]]
           ) -> list[tuple[str, int, str]]:
    return [(label, counts.get(key, 0), colour) for key, (label, colour) in names.items()]


def _overview(rows: Sequence[SpeakerTally]) -> str:
    """The charts: gender of quoted people (by quotes and by people), speaker type, kind."""
    people = [r for r in rows if r.type == "person"]
    kinds = quotes_by_kind(rows)
    reported = kinds["mixed"] + kinds["indirect"]
    total = sum(kinds.values())
    return (
        '<section id="gender"><h2>Gender of the people quoted</h2>'
        + _bar("Quotes by the speaker's gender", _parts(quotes_by(people, "gender"), _GENDER),
               "quotes by named people")
        + _bar("People quoted, by gender", _parts(people_by_gender(rows), _GENDER), "people")
        + '<p class="qa-note">Gender comes from how each article refers to the person '
        "(pronouns, Mr/Ms), never from first names; unknown means the articles do not say."
        "</p></section>"
        '<section id="types"><h2>Who speaks</h2>'
        + _bar("Quotes by speaker type", _parts(quotes_by(rows, "type"), _TYPE), "quotes")
        + '</section><section id="kinds"><h2>Direct or reported</h2>'
        + _bar("Quotes by kind", _parts(kinds, _KIND), "quotes")
        + f'<p class="qa-reported">Reported (mixed and indirect): <b>{_pct(reported, total)}'
        f"</b> ({reported} of {total} quotes).</p></section>"
    )


def _top_row(rank: int, row: SpeakerTally, most: int, colours: Mapping[str, int]) -> str:
    index = colours.get(row.key) if row.key is not None else None
    strong, light = PALETTE[index % len(PALETTE)] if index is not None else NO_SPEAKER
    width = 100 * row.quotes / most if most else 0
    mini = (f'<div class="qa-mini" style="display:flex;height:0.8em;width:{width:.1f}%">'
            f'<div style="flex:{row.direct};background:{strong}"></div>'
            f'<div style="flex:{row.reported};background:{light}"></div></div>')
    chip = (f'<span class="qa-chip" style="background:{light};border-bottom:3px solid '
            f'{strong};padding:0 4px;-webkit-box-decoration-break:clone;'
            'box-decoration-break:clone">'
            f'{html.escape(row.speaker or "")}</span>')
    text = [chip, html.escape(row.type or ""), html.escape(row.gender or "")]
    numbers = [row.quotes, row.direct, row.reported, len(row.docs)]
    return (f'<tr><td style="{_TD}">{rank}</td>'
            + f'<td style="{_TD};min-width:11em">{text[0]}</td>'
            + "".join(f'<td style="{_TD}">{c}</td>' for c in text[1:])
            + "".join(f'<td class="n" style="{_NUM}">{n}</td>' for n in numbers)
            + f'<td style="{_TD}">{html.escape(", ".join(row.roles[:3]))}</td>'
            + f'<td style="{_TD};width:15%">{mini}</td></tr>')


def _top(rows: Sequence[SpeakerTally], top: int, colours: Mapping[str, int]) -> str:
    """The most quoted speakers, with quotes split into direct (dark) and reported (light)."""
    named = [r for r in rows if r.key is not None][:top]
    most = max((r.quotes for r in named), default=0)
    labels = ("#", "speaker", "type", "gender", "quotes", "direct", "reported", "documents",
              "roles", "")
    head = "".join(f'<th style="{_TD}">{h}</th>' for h in labels)
    body = "".join(_top_row(i, r, most, colours) for i, r in enumerate(named, 1))
    return (f'<section id="speakers"><h2>Top {len(named)} speakers</h2>'
            '<table class="qa-top" style="border-collapse:collapse;width:100%;font-size:92%">'
            f'<thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            '</table><p class="qa-note">Bars: direct quotes dark, reported (mixed and '
            "indirect) light, in the speaker's colour.</p></section>")


def _articles(docs: Sequence[tuple[str, Article]], colours: Mapping[str, int]) -> str:
    """An index of the articles, then each one highlighted."""
    index = "".join(
        f'<li><a href="#article-{i}">{html.escape(doc)}</a> ({len(a.quotes)} quotes)</li>'
        for i, (doc, a) in enumerate(docs, 1))
    pages = "".join(
        f'<section class="qa-article" id="article-{i}">{article_to_html(a, colours)}</section>'
        for i, (_, a) in enumerate(docs, 1))
    return (f'<section id="articles"><h2>The articles</h2><ol class="qa-index">{index}</ol>'
            f"{pages}</section>")


def _failures(messages: Sequence[str]) -> str:
    if not messages:
        return ""
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
    return (f'<section id="failures"><h2>Not analysed ({len(messages)})</h2>'
            f"<ul>{items}</ul></section>")


def corpus_colours(docs: Sequence[tuple[str, Article]], rows: Sequence[SpeakerTally]
                   ) -> dict[str, int]:
    """Palette indices for the corpus, most quoted speakers first: the speakers of one
    article, and the most quoted speakers of the corpus, apart while the palette lasts."""
    keys = [r.key for r in rows if r.key is not None]
    groups = [list(dict.fromkeys(canonical_key(q.speaker.name) for q in a.quotes
                                 if q.speaker is not None)) for _, a in docs]
    return assign_colours(keys, [keys[:len(PALETTE)], *groups])


def summary_html(items: Any, *, top: int = 10) -> str:
    """The report's charts and top speakers as an HTML fragment (inline styles only), for a
    notebook: ``IPython.display.HTML(summary_html(results))``."""
    docs = list(articles_of(items))
    rows = tally(a for _, a in docs)
    return (f'<div class="quoteattr-summary">{_overview(rows)}'
            f"{_top(rows, top, corpus_colours(docs, rows))}</div>")


def report_html(items: Any, *, title: str = "Who is quoted", top: int = 20,
                failures: Sequence[str] = (), max_articles: int | None = None) -> str:
    """The report page for ``items`` (articles or batch results, see
    :func:`quoteattr.corpus.articles_of`); ``failures`` lists documents that could not be
    analysed; ``max_articles`` limits the articles shown (the figures count them all)."""
    docs = list(articles_of(items))
    rows = tally(a for _, a in docs)
    colours = corpus_colours(docs, rows)
    shown = docs if max_articles is None else docs[:max_articles]
    quotes = sum(r.quotes for r in rows)
    speakers = sum(1 for r in rows if r.key is not None)
    more = (f" The first {len(shown)} articles are shown below." if len(shown) < len(docs)
            else "")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1><p class=\"qa-lede\">{len(docs)} articles, "
        f"{quotes} quotes, {speakers} speakers. Made by quoteattr {__version__}; quotes and "
        f"speakers are found by rules and can be wrong: check them in the articles.{more}</p>"
        "</header>"
        f"{_overview(rows)}{_top(rows, top, colours)}{_failures(failures)}"
        f"{_articles(shown, colours)}</body></html>\n"
    )
