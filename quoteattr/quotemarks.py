"""Pair opening and closing quotation marks, one paragraph at a time, in linear time.

Golden rules (each pinned by a test in tests/test_quotemarks.py):

1. Curly “…”, straight "…", single ‘…’ / '…', guillemets «…» and „…“ all open and close.
2. ’ between letters (``don’t``, ``minister’s``) or before a year (``’90s``) is an apostrophe.
3. ’ after a word with no single quote open (``the Ramos’ office``) is an apostrophe.
4. Quotes nested in a quote belong to the outer one: only top-level spans are returned.
5. A paragraph that leaves its quote open, followed by one that opens again, is one
   quotation per paragraph (``continues=True`` on all but the last).
6. An unbalanced mark never reaches past its paragraph; a second opener of the same
   kind while one is open replaces the stray first one.
7. A straight " set off by spaces closes an open quotation when punctuation or a single
   mark stands before the space (``"… the term 'outreach,' " he told the group``).
8. A short Title-Case quotation after a name's possessive or ``on`` names a work, not
   speech (``told KPRT’s “Dockside Tonight” that …``, ``said on “Meet the Harbour”``).
9. A tripled apostrophe after a word, with a single quote open, closes the single quote
   and then a doubled ``''`` quotation (``''… 'stay,''' she said``).

The rules that pair a quotation are registered as sieve ``quotation-marks`` (their order is
:data:`ORDER`, after ``word-apostrophe``, golden rule 2, which sets apostrophes aside);
:attr:`Quotation.rule` names the one that paired each quotation, and a direct or mixed
quote's trail starts with it.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from . import rules, worktitles
from .lexicon import quoting
from .rules import Example, Rule
from .segmentation import is_title_case

DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = "double", "single", "guillemet", "single-guillemet"

_OPENERS = {"“": DOUBLE, "„": DOUBLE, "‘": SINGLE, "‚": SINGLE, "«": GUILLEMET,
            "‹": SINGLE_GUILLEMET}
_CLOSERS = {"”": DOUBLE, "»": GUILLEMET, "›": SINGLE_GUILLEMET}
#: Characters that may stand before an opening mark.
_BEFORE_OPEN = set(" \t\n\r\u00a0([{—–-/:;,") | set(_OPENERS) | {'"', "'"}
QUOTE_CHARS = frozenset(set(_OPENERS) | set(_CLOSERS) | {'"', "'", "’", "“", "‟"})
_MARK = regex.compile("''|[" + regex.escape("".join(sorted(QUOTE_CHARS))) + "]")


MAX_TITLE_WORDS = 6
_TITLE_CONTEXT = regex.compile(r"(?:\p{Lu}[\p{L}\p{N}.&-]*['’]s|\bon|\bin|\btitled)\s+$",
                               regex.V1)
_PART_OF_BEFORE = regex.compile(r"\b(\p{L}+)\s+of\s+$", regex.V1)
_WORD_BEFORE = regex.compile(r"\b(\p{L}+),?\s+$", regex.V1)


def _marks_rule(name: str, summary: str, example: Example, counter: Example) -> str:
    return rules.register(Rule(name, "quotation-marks", summary, (example,), (counter,))).name


#: Golden rule 2, which runs before any pairing: by its effect (a quotation cut at an
#: apostrophe), for it pairs nothing. Rule 3 decides nothing of its own: a closing ’ with no
#: single quotation open is ignored as every closer with nothing to close is.
WORD_APOSTROPHE = rules.register(Rule(
    "word-apostrophe", "quotation-marks", "’ or ' between letters (``don’t``, ``minister’s``) "
    "or before a year (``’90s``, ``‘90s``) is an apostrophe, not a quotation mark (golden rule "
    "2)",
    (Example("‘The minister’s plan won’t pass,’ Teo Lind said.", "The minister",
             "Teo Lind"),),
    (Example("“The quay reopens in May,” Teo Lind said.", "The quay reopens", "Teo Lind"),),
    by_effect=True)).name
PAIRED = _marks_rule(
    "paired-marks", "an opening mark and the next closing mark of its kind at the top level "
    "pair (golden rules 1 and 4: “…”, \"…\", ‘…’, «…», „…“, ''…''; nested quotes belong to "
    "the outer one)",
    Example("“The quay reopens in May,” Teo Lind said.", "The quay reopens", "Teo Lind"),
    Example("The quay reopens in May, Teo Lind said.", "The quay reopens", "Teo Lind"))
STRAY_OPENER = _marks_rule(
    "stray-opener", "a second opener of the same kind while one is open replaces the stray "
    "first one (golden rule 6)",
    Example("The “pier was shut. Teo Lind said: “The quay reopens in May.”", "The quay reopens",
            "Teo Lind"),
    Example("Teo Lind said: “The quay reopens in May.”", "The quay reopens", "Teo Lind"))
SPACED_CLOSE = _marks_rule(
    "spaced-straight-close", "a straight \" set off by spaces closes an open quotation after "
    "punctuation or a single mark (golden rule 7: ``\"… the term 'levy,' \" he said``)",
    Example("\"We will not accept the term 'levy,' \" Teo Lind said.", "We will not accept",
            "Teo Lind"),
    Example("\"We will not accept the term 'levy,'\" Teo Lind said.", "We will not accept",
            "Teo Lind"))
TRIPLED = _marks_rule(
    "tripled-apostrophe", "a tripled apostrophe after a word, with a single quote open, closes "
    "it and then a doubled ''…'' quotation (golden rule 9)",
    Example("''The board told us to 'wait,''' Teo Lind said.", "The board told us",
            "Teo Lind"),
    Example("''The board told us to wait,'' Teo Lind said.", "The board told us", "Teo Lind"))
OPEN_PARAGRAPH = _marks_rule(
    "open-paragraph", "a paragraph that leaves its quotation open, followed by one that opens "
    "again, is one quotation per paragraph (golden rule 5)",
    Example("Teo Lind said: “The quay reopens in May.\n\n“The ferry runs again in June.”",
            "The quay reopens", "Teo Lind"),
    Example("Teo Lind said: “The quay reopens in May.”\n\n“The ferry runs again in June.”",
            "The quay reopens", "Teo Lind"))
WORK_TITLE = rules.register(Rule(
    "work-title", "quotation-marks", "a short Title-Case quotation after a name's possessive, "
    "``on``, ``in``, a naming word, a work noun or a part of a series and ``of`` names a work, "
    "not speech (golden rule 8): it is folded into one word",
    (Example("Teo Lind told the Harbour Gazette on “Dockside Tonight” that the quay would "
             "reopen.", "Dockside Tonight"),),
    (Example("Teo Lind told the Harbour Gazette that the quay would reopen with “new "
             "timber and new hope” by May.", "new timber"),), vetoes=True)).name
#: The quotation-marks sieve: the rules that pair a quotation, in the order they are named
#: (a quotation paired by several is named by the last: ``tripled-apostrophe`` over
#: ``spaced-straight-close`` over ``stray-opener`` over ``paired-marks``), then the veto
#: ``work-title``, which folds a quotation into a word (so no trail names it).
ORDER: tuple[str, ...] = rules.sieve_order("quotation-marks")


@attrs.frozen(slots=True)
class Quotation:
    """A top-level quoted span: marks at ``open``/``close``, content ``start:end``."""

    open: int
    close: int | None
    start: int
    end: int
    style: str
    continues: bool = False  # the paragraph ends inside it and the next one reopens
    continued: bool = False  # it reopens a quotation left open by the previous paragraph
    close_len: int = 1  # 2 for the doubled apostrophes ``''…''`` some papers print
    rule: str = PAIRED  # the rule of :data:`ORDER` that paired it (one shared str, no dict)

    @property
    def outer_start(self) -> int:
        return self.open

    @property
    def outer_end(self) -> int:
        return self.close + self.close_len if self.close is not None else self.end


def _elision_at(text: str, i: int) -> bool:
    """The apostrophe at ``i`` opens an elided word and a space (``'em``, ``'til``:
    ``lexicon.quoting.ELISIONS``, words of up to ten letters)."""
    space = text.find(" ", i + 1, i + 12)
    return space > i + 1 and text[i + 1:space] in quoting.ELISIONS


def _is_wordchar(c: str) -> bool:
    return c.isalnum()


def _classify(text: str, i: int, start: int, end: int, single_open: bool,
              double_open: bool, spaced: bool = True, apostrophes: bool = True
              ) -> tuple[str, str] | None:
    """('open'|'close', style) for the mark at ``text[i]``, or None (apostrophe, noise);
    ``spaced`` and ``apostrophes``: rules ``spaced-straight-close`` and ``word-apostrophe``
    are switched on."""
    c = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if c in _OPENERS:
        if c == "“" and double_open and not prev.isspace() and not nxt.isalnum():
            return "close", DOUBLE  # „German style“
        if apostrophes and c == "‘" and nxt.isdigit() and not prev.isalnum():
            return None  # rule 2: ‘90s
        if c == "‚" and _is_wordchar(prev):
            return None  # a comma look-alike
        return "open", _OPENERS[c]
    if c in _CLOSERS:
        if c == "”" and (prev.isspace() or i == start) and not nxt.isspace() and not double_open:
            return "open", DOUBLE  # scraped text that writes ” for both marks
        return "close", _CLOSERS[c]
    if c == "‟":
        return "open", DOUBLE
    if c == '"':
        if prev in _BEFORE_OPEN and not nxt.isspace():
            return ("close", DOUBLE) if double_open and not prev.isspace() else ("open", DOUBLE)
        if not prev.isspace():
            return "close", DOUBLE
        if spaced and double_open and i - 2 >= start and text[i - 2] in "'’,.!?…":
            return "close", DOUBLE  # rule 7: ``… the term 'outreach,' " he said``
        return None
    if c in "’'":
        if apostrophes and _is_wordchar(prev) and _is_wordchar(nxt):
            return None  # rule 2: don’t, minister’s
        if apostrophes and not _is_wordchar(prev) and nxt.isdigit():
            return None  # ’90s
        if c == "'" and prev in _BEFORE_OPEN and (nxt.isalnum() or nxt in "“\"[(…"):
            if _elision_at(text, i):
                return None
            return "open", SINGLE
        if c == "’" and prev in _BEFORE_OPEN and nxt.isalnum() and not single_open:
            return None  # ’tis, or a misplaced apostrophe
        if single_open and not prev.isspace():
            return "close", SINGLE
        return None
    return None


def _marks(text: str, start: int, end: int, open_count: dict[str, int],
           tripled: bool) -> Iterator[tuple[int, int, bool]]:
    """Positions and lengths of the marks in ``text[start:end]``, and whether rule
    ``tripled-apostrophe`` made the mark (when ``tripled``, it may): a tripled apostrophe after
    a word, with a single quotation open, is the single closer and then the doubled one
    (``''a 'stay,''' she said``); ``open_count`` is read as the pairing goes."""
    skip = -1
    for m in _MARK.finditer(text, start, end):
        pos, size = m.start(), m.end() - m.start()
        if pos == skip:
            continue
        if tripled and size == 2 and open_count[SINGLE] and text.startswith("'''", pos) and (
                pos > start and not text[pos - 1].isspace()):
            yield pos, 1, True
            yield pos + 1, 2, True
            skip = pos + 2
        else:
            yield pos, size, False


def pair_paragraph(
    text: str, start: int, end: int
) -> tuple[list[Quotation], tuple[int, str] | None]:
    """Top-level quotations closed within ``text[start:end]``, and the opener left open."""
    off = rules.switched_off()
    stray_on, spaced_on = STRAY_OPENER not in off, SPACED_CLOSE not in off
    apostrophes_on = WORD_APOSTROPHE not in off
    stack: list[tuple[int, str, int, bool]] = []  # position, style, mark length, replaced
    open_count = dict.fromkeys((DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET), 0)
    found: list[Quotation] = []
    for pos, size, tripled in _marks(text, start, end, open_count, TRIPLED not in off):
        if size == 2:
            kind = _classify_doubled(text, pos, start, end, open_count[DOUBLE] > 0)
        else:
            kind = _classify(text, pos, start, end, open_count[SINGLE] > 0,
                             open_count[DOUBLE] > 0, spaced_on, apostrophes_on)
        if kind is None:
            continue
        action, style = kind
        if action == "open":
            if stray_on and stack and stack[-1][1] == style:
                stack[-1] = (pos, style, size, True)  # rule 6: the earlier opener was stray
            else:
                stack.append((pos, style, size, False))
                open_count[style] += 1
            continue
        if not open_count[style]:
            continue  # a closer with nothing to close
        while stack[-1][1] != style:
            open_count[stack.pop()[1]] -= 1
        opened, _, open_size, replaced = stack.pop()
        open_count[style] -= 1
        content_start, content_end = opened + open_size, pos
        while content_start < content_end and text[content_start].isspace():
            content_start += 1  # « French spacing »
        while content_end > content_start and text[content_end - 1].isspace():
            content_end -= 1
        if not stack and content_end > content_start:
            found.append(Quotation(opened, pos, content_start, content_end, style,
                                   close_len=size,
                                   rule=_pairing_rule(text, pos, tripled, replaced)))
    left_open = (stack[0][0], stack[0][1]) if stack else None
    return found, left_open


def _pairing_rule(text: str, close: int, tripled: bool, replaced: bool) -> str:
    """The rule of :data:`ORDER` that paired the quotation closing at ``close``."""
    if tripled:
        return TRIPLED
    if text[close] == '"' and text[close - 1].isspace():
        return SPACED_CLOSE  # (no other rule closes on a straight mark after a space)
    return STRAY_OPENER if replaced else PAIRED


def _classify_doubled(text: str, i: int, start: int, end: int,
                      double_open: bool) -> tuple[str, str] | None:
    """``''`` written for a double quotation mark."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 2] if i + 2 < end else " "
    if prev in _BEFORE_OPEN and not nxt.isspace() and not (double_open and not prev.isspace()):
        return "open", DOUBLE
    if not prev.isspace():
        return "close", DOUBLE
    return None


def _first_char(text: str, start: int, end: int) -> str:
    return text[start] if start < end else ""


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[list[Quotation]]:
    """Quotations per paragraph (same order as ``paragraphs``)."""
    result: list[list[Quotation]] = []
    pending: tuple[int, str] | None = None  # opener left open by the previous paragraph
    for n, (start, end) in enumerate(paragraphs):
        found, left_open = pair_paragraph(text, start, end)
        if pending is not None and found and found[0].open == start:
            found[0] = attrs.evolve(found[0], continued=True)
        if left_open is not None:
            opened, style = left_open
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            reopens = nxt is not None and _first_char(text, *nxt) in (
                set(_OPENERS) | {'"', "”"}
            )
            if (opened == start or reopens) and rules.is_enabled(OPEN_PARAGRAPH):
                content_end = end
                size = 2 if text.startswith("''", opened) else 1
                while content_end > opened + size and text[content_end - 1].isspace():
                    content_end -= 1
                if content_end > opened + size:
                    found.append(Quotation(opened, None, opened + size, content_end, style,
                                           continues=reopens, continued=pending is not None
                                           and opened == start, rule=OPEN_PARAGRAPH))
            pending = left_open if reopens else None
        else:
            pending = None
        result.append(found)
    return result


def _work_word_before(text: str, window: int, at: int) -> bool:
    """A work noun or naming word (``book``, ``called``), or a part of a series and ``of``
    (``episode of``), right before ``at``."""
    before = _WORD_BEFORE.search(text, window, at)
    if before is not None and (before.group(1).lower() in quoting.WORK_NOUNS
                               or before.group(1).lower() in quoting.TITLE_VERBS):
        return True
    part = _PART_OF_BEFORE.search(text, window, at)
    return part is not None and part.group(1).lower() in quoting.WORK_PART_NOUNS


def is_work_title(text: str, q: Quotation) -> bool:
    """Rule 8: ``q`` is the title of a show or work, not speech: at most six Title-Case
    words with no sentence punctuation but a closing comma or stop, after a name's
    possessive, ``on``, ``in``, a naming word (``called``, ``entitled``: ``quoting.TITLE_VERBS``), a
    work noun (``book``, ``show``: ``quoting.WORK_NOUNS``)
    or a part of a series and ``of`` (``episode of``: ``quoting.WORK_PART_NOUNS``)."""
    content = text[q.start:q.end].rstrip()
    if content[-1:] in {",", "."}:
        content = content[:-1]  # ``on CBS's “Face the Harbour,” Lind said``
    words = content.split()
    if not words or len(words) > MAX_TITLE_WORDS or any(c in content for c in ",.!?;:"):
        return False
    if not is_title_case(words):
        return False
    window = max(0, q.open - 40)
    if rules.is_enabled(WORK_TITLE) and (_TITLE_CONTEXT.search(text, window, q.open) is not None
                                         or _work_word_before(text, window, q.open)):
        return True
    return worktitles.names_a_work(text, q.open, q.end, words)  # ``the “Harbour Four”``
