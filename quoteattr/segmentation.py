"""Split scraped article text into paragraphs and sentences, and set page furniture aside.

Offsets always point into the caller's string: segments are ``(start, end)`` pairs,
never copies of cleaned text. Each furniture decision is a registered rule of sieve
``furniture`` (tried in :data:`FURNITURE_ORDER`, each switchable like any rule); its name is what
:attr:`Segment.rule` reports.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import regex

from . import rules
from .lexicon import abbreviations, titles
from .rules import Example, Rule

if TYPE_CHECKING:  # NLTK (and the NumPy it imports) loads when Punkt is first needed
    from nltk.tokenize.punkt import PunktSentenceTokenizer


class SegmentKind(enum.StrEnum):
    BODY = "body"
    HEADING = "heading"
    FURNITURE = "furniture"


@attrs.frozen(slots=True)
class Segment:
    """One paragraph (a line of the input) and what it is."""

    start: int
    end: int
    kind: SegmentKind
    rule: str | None = None
    block: int = 0


@attrs.frozen(slots=True)
class Document:
    """The text and its paragraphs; furniture is kept (with its rule) but marked."""

    text: str
    segments: tuple[Segment, ...]

    def body(self) -> Iterator[Segment]:
        return (s for s in self.segments if s.kind is SegmentKind.BODY)


# --- furniture rules -----------------------------------------------------------------------
# Each takes a paragraph's text (stripped) and says whether it is page furniture.

_JSON_PAIR = regex.compile(r"""[\"”“]\s*:\s*[\"”“\[{\d]""")
_CODE_LINE = regex.compile(
    r"""^(?:var|let|const|function|return|if|else|for|while|try|catch)\b[\s({;]"""
    r"""|^[{}()\[\];,\s]+$"""
    r"""|\b(?:window|document|console|googletag|jQuery)\.\w"""
    r"""|\bfunction\s*\("""
    r"""|=>|&&|\|\||===|!=="""
    r"""|[{;]\s*$""",
    regex.V1,
)
_CAPTION_CREDIT = regex.compile(
    r"""(?:\b(?:Photograph|Photo|Photos|Picture|Pictures|Image|Images|Illustration|Video|"""
    r"""Credit|Source)\s*:\s*[^\n]{1,80}$)"""
    r"""|\((?:AP|AFP|Reuters|Getty|EPA|PA)\b[^()\n]{0,60}\)\s*$"""
    r"""|(?:/|\bvia\s)(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock|Bloomberg|"""
    r"""PA|Alamy|\w+ Newsource)\s*\.?$""",
    regex.V1,
)
_CALL_TO_ACTION_START = regex.compile(
    r"""^["“]?(?:[•·▪►>*\-–]\s*)?(?:Sign up|Follow (?:us|\w+ on|\p{Lu}\w*(?: \p{Lu}\w*){1,2} """
    r"""on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky|TikTok|LinkedIn|YouTube))|"""
    r"""Join \w+|Listen to|Subscribe|"""
    r"""Share (?:this|on|via)|Click here|Read (?:more|the rest|next)|Got a story|"""
    r"""For more stories|Leave a (?:Reply|comment)|Your email address|Related (?:Posts|"""
    r"""Articles|Stories|Topics|Content)|Want to see more|Download (?:the|our)|"""
    r"""Get (?:the|our)\b.*\bapp\b|Advertisement|Up Next|Close|Skip to|Watch:|"""
    r"""Recommended|Most (?:Read|Popular)|Sponsored|Comments)\b""",
    regex.V1 | regex.IGNORECASE,
)
_CALL_TO_ACTION = regex.compile(
    _CALL_TO_ACTION_START.pattern + r"""|Opens in new window|please enable JavaScript""",
    regex.V1 | regex.IGNORECASE,
)
_COPYRIGHT = regex.compile(r"""©|\(c\)\s*\d{4}|\bCopyright\b|\bAll rights reserved\b|™""",
                           regex.IGNORECASE)
_RIGHTS = regex.compile(r"""All rights reserved|©\s*\d{4}""", regex.IGNORECASE)
#: A name of one to four capitalised words, each taken whole (``*+``): a word may not end
#: inside its letters, so ``AandBand…`` is one word, not a choice of where the ``and`` falls
#: (those choices made a 200-character line cost 0.1 s).
_BYLINE_NAME = r"""\p{Lu}[\p{L}.'’-]*+(?:\s++\p{Lu}[\p{L}.'’-]*+){0,3}+"""
_BYLINE = regex.compile(
    r"""^(?:By|BY|Written by|Reporting by)\s++""" + _BYLINE_NAME
    + r"""(?:\s*+(?:,|and|&)\s*+""" + _BYLINE_NAME + r"""){0,3}"""
    r"""(?:\s*+[,|]\s*+[\p{L} ]{0,40}+)?$""",
    regex.V1,
)
_TIMESTAMP = regex.compile(
    r"""^[—–-]?\s*(?:Updated|Published|Posted|Last updated)\b.{0,60}$""", regex.IGNORECASE
)
_HTML_TAG = regex.compile(r"""^<[^>]{0,200}>""")
_WORD = regex.compile(r"""[\p{L}\p{N}]+""")
#: At least 31 words (runs of ``_WORD``, each taken whole): too many for any heading.
_MANY_WORDS = regex.compile(r"""(?:[^\p{L}\p{N}]*+[\p{L}\p{N}]++){31}""")
_QUOTE_EDGE = "“”\"‘’'«»"
MIN_SUBHEAD_WORDS = 3
MAX_SUBHEAD_WORDS = 8
#: A line opening with a quoted sentence signed after a dash (``“We act today.” —Lara Voss``).
_SIGNED_QUOTATION = regex.compile(r"[“\"‘«][^”\"’»\n]*+(?<=[.!?])[”\"’»]\s*+[-–—]")
#: Any quotation mark (``repeated-line`` keeps a repeated line that quotes someone).
_QUOTE_MARK = regex.compile(r"[\"“”‘’«»„]")
_SENTENCE_END = regex.compile(r"""[.!?…:;"”’'»)\]]$""")

# Cheap tests that a pattern cannot match, so that most lines skip the regex. Each is a
# necessary condition: text the pattern matches always contains one of the substrings.
_CODE_STARTS = ("var", "let", "const", "return", "if", "else", "for", "while", "try", "catch")
_CODE_SUBSTRINGS = ("{", ";", "window.", "document.", "console.", "googletag.", "jQuery.",
                    "function", "=>", "&&", "||", "===", "!==")
_CODE_FIRST = "}()[],"
#: ``_CAPTION_CREDIT`` matches only a line with one of these (``Photo:``, ``(AP)``,
#: ``/Reuters``, ``via Getty Images``).
_CAPTION_NEEDS = (":", "(", "/", "via")
_COPYRIGHT_SUBSTRINGS = ("©", "™", "(c)", "copyright", "all rights reserved")
_CALL_TO_ACTION_ANYWHERE = ("opens in new window", "please enable javascript")
#: The only characters that match an ASCII letter under ``IGNORECASE`` but do not lower-case
#: to it: ``İ`` (lower case ``i`` and a combining dot) and the long s.
_FOLD_ODD = str.maketrans({"İ": "i", "ſ": "s"})


def _folded(line: str) -> str:
    """``line`` in lower case, such that an ASCII ``IGNORECASE`` match is a substring."""
    if "İ" in line or "ſ" in line:
        line = line.translate(_FOLD_ODD)
    return line.lower()


_LineRule = Callable[[str], bool]
_FURNITURE: list[tuple[Rule, _LineRule]] = []


def _furniture(name: str, summary: str, example: str, counter: str
               ) -> Callable[[_LineRule], _LineRule]:
    """Register a line rule of sieve ``furniture``: ``example`` is a line it sets aside,
    ``counter`` a body line it leaves alone (run through :func:`segment` by the tests)."""
    def add(fn: _LineRule) -> _LineRule:
        r = rules.register(Rule(name, "furniture", summary, (Example(example, example),),
                                (Example(counter, counter),)))
        _FURNITURE.append((r, fn))
        return fn
    return add


@_furniture("json-blob", "a line of JSON data (two or more quoted keys) is furniture",
            '{"@type": "NewsArticle", "headline": "Pier to reopen", "wordCount": 412}',
            "The pier opens at nine, the harbour office said on Monday.")
def rule_json_blob(line: str) -> bool:
    """``{"@context": "https://schema.org", "@type": "VideoObject", …}``."""
    return line[:1] in "{[" and len(_JSON_PAIR.findall(line[:2000])) >= 2


@_furniture('script-code',
            'a line of page script (``var``, ``function(``, ``=>``, a lone ``});``) is furniture',
            "var pierWidget = document.getElementById('pier-map');",
            'If the ferry runs late, the board will meet for a second time.')
def rule_script_code(line: str) -> bool:
    """``window.addEventListener('load', function(data) {`` or a lone ``});``."""
    head = line[:2000]
    if not (head.startswith(_CODE_STARTS) or head[:1] in _CODE_FIRST or head[:1].isspace()
            or any(sub in head for sub in _CODE_SUBSTRINGS)):
        return False
    return bool(_CODE_LINE.search(head))


@_furniture('caption-credit',
            'a photo caption ending in its credit (``Photograph: …/AP``, ``(Getty)``) is furniture',
            'Boats moored at the east quay on Sunday. Photograph: Lena Holt/Reuters',
            'The photograph of the quay was taken on Sunday by a resident.')
def rule_caption_credit(line: str) -> bool:
    """``The minister at the summit in May. Photograph: Ana Ruiz/AP`` or ``(Picture: Getty)``."""
    return len(line) < 600 and any(c in line for c in _CAPTION_NEEDS) and bool(
        _CAPTION_CREDIT.search(line))


@_furniture('copyright',
            'a copyright notice (``© 2026 …``, ``All rights reserved``) is furniture',
            '© 2026 Harbour Gazette Media. All rights reserved.',
            'The council said it would seek the copyright for the old harbour map.')
def rule_copyright(line: str) -> bool:
    """``© 2025 Example Media Ltd. All rights reserved.`` (a sentence ending in one is kept)."""
    if len(line) >= 400:
        return False
    folded = _folded(line)
    if not any(sub in folded for sub in _COPYRIGHT_SUBSTRINGS):
        return False
    m = _COPYRIGHT.search(line)
    return m is not None and (m.start() < 3 or bool(_RIGHTS.search(line)))


@_furniture('call-to-action',
            'a call to action (``Sign up …``, ``Follow us on …``, ``Read more``) is furniture',
            'Sign up for the Harbour Gazette morning briefing',
            'Residents can sign up for ferry alerts at the harbour office, the board said.')
def rule_call_to_action(line: str) -> bool:
    """``Sign up for our morning newsletter``, ``Follow us on Facebook``, ``Up Next``."""
    if len(line) >= 400:
        return False
    if _CALL_TO_ACTION_START.match(line):
        return True
    folded = _folded(line)
    return any(sub in folded for sub in _CALL_TO_ACTION_ANYWHERE) and bool(
        _CALL_TO_ACTION.search(line))


@_furniture('byline',
            'a byline (``By Jane Doe and Omar Haddad``) is furniture',
            'By Lena Holt and Tomas Brevik',
            'By the end of May the pier will be open again, the mayor said.')
def rule_byline(line: str) -> bool:
    """``By Jane Doe and Omar Haddad``."""
    return len(line) < 200 and bool(_BYLINE.match(line))


@_furniture('timestamp',
            'an update stamp (``Updated at 4:49 p.m. EDT``) is furniture',
            'Updated 9:15 a.m. GMT, March 3',
            'The timetable was updated on Monday, the ferry company said.')
def rule_timestamp(line: str) -> bool:
    """``—Updated at 4:49 p.m. EDT``."""
    return bool(_TIMESTAMP.match(line))


@_furniture('html-markup',
            'a line opening with an HTML tag a scraper let through is furniture',
            '<div class="related-links">',
            'The quay is closed for repairs until the end of the month.')
def rule_html_markup(line: str) -> bool:
    """``<div class="share-bar">`` passed through by a scraper."""
    return bool(_HTML_TAG.match(line))


_REPEATED = rules.register(Rule(
    "repeated-line", "furniture",
    "a line that repeats the line before it (a caption printed twice) is furniture, unless it "
    "holds a quotation mark (a quotation said twice is said twice)",
    (Example("The ferry leaves the east quay at dawn\nThe ferry leaves the east quay at dawn",
             "The ferry leaves the east quay at dawn"),),
    (Example("“We will reopen the quay in May,” the mayor said.\n“We will reopen the quay "
             "in May,” the mayor said.", "We will reopen the quay in May"),)))

#: The furniture sieve in order: the first line rule a paragraph meets names it, then
#: ``repeated-line``. Each can be switched off (``extract(text, disabled_rules={"byline"})``).
FURNITURE_ORDER: tuple[str, ...] = (*(r.name for r, _ in _FURNITURE), _REPEATED.name)
FURNITURE_RULES: dict[str, Callable[[str], bool]] = {r.name: fn for r, fn in _FURNITURE}

#: Rules whose hit marks the whole block (lines not separated by a blank line) as furniture:
#: a caption's first line, a wrapped "enable JavaScript" notice, a multi-line script.
BLOCK_RULES = frozenset({"json-blob", "script-code", "caption-credit", "call-to-action",
                         "copyright"})
#: A block larger than this is not marked as a whole (text without blank lines).
MAX_FURNITURE_BLOCK = 6

#: ``… the envoy said. – Copyright Example Times``. The white space is taken from its start
#: only (``(?<!\s)``) and whole (``\s++``): tried from every position of a long run, it cost
#: quadratic time (2.4 s for ``©`` and 16,000 spaces).
_COPYRIGHT_TAIL = regex.compile(r"""(?<!\s)\s++[–—-]\s*+(?:Copyright|©)\b[^\n]*+$""")
#: Every line separator: ``\r\n``, ``\n``, a lone ``\r``, U+2028/2029, form feed, NEL.
_LINE_BREAK = regex.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def is_title_case(words: Sequence[str]) -> bool:
    """Every word capitalised, a number or a small word (``Meet the Harbour``)."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in titles.HEADLINE_SMALL_WORDS
               for w in words)


_SUBHEAD = rules.register(Rule(
    "quoted-subhead", "heading",
    "a line that is only a short Title-Case quotation (three to eight words, no comma or "
    "sentence mark inside) is a subheading, not speech",
    (Example("“A Pier Worth Saving.”\n\nThe quay reopens in May, the board said.",
             "A Pier Worth Saving"),),
    (Example("“We will save the pier.”\n\nThe quay reopens in May, the board said.",
             "We will save the pier"),)))


def _quoted_subhead(line: str) -> bool:
    """Rule ``quoted-subhead``: ``“A Pier Worth Saving.”`` is a subheading, not speech."""
    if len(line) < 3 or line[0] not in _QUOTE_EDGE or line[-1] not in _QUOTE_EDGE:
        return False
    inner = line.strip(_QUOTE_EDGE + " .!?")
    words = inner.split()
    return MIN_SUBHEAD_WORDS <= len(words) <= MAX_SUBHEAD_WORDS and is_title_case(words) and (
        not any(c in inner for c in ",;:!?")
    )


def _heading_shape(line: str, first: bool) -> bool | None:
    """Whether the line's length and final punctuation make it a heading (``Talks to
    resume in Geneva``, the article's first line), or None when only ``quoted-subhead`` may."""
    if _MANY_WORDS.match(line, 0, 400):
        return False
    words = len(_WORD.findall(line[:400]))
    if words == 0:
        return True
    if _SIGNED_QUOTATION.match(line):
        return False  # ``“We act today.” —Lara Voss``: a statement and its signature
    if first and words <= 30:
        return True
    return True if words <= 20 and not _SENTENCE_END.search(line) else None


def heading_rule(line: str, first: bool, off: Collection[str] = ()) -> str | None:
    """``""`` for a heading by its shape, ``"quoted-subhead"`` for a quoted subheading (unless
    switched off in ``off``), None for a line that is no heading."""
    shape = _heading_shape(line, first)
    if shape is not None:
        return "" if shape else None
    return _SUBHEAD.name if _SUBHEAD.name not in off and _quoted_subhead(line) else None


def is_heading(line: str, first: bool) -> bool:
    """``Talks to resume in Geneva`` (short, no final punctuation), a quoted Title-Case line
    or the article's first line."""
    return heading_rule(line, first, rules.switched_off()) is not None


def classify(line: str, off: Collection[str] = ()) -> str | None:
    """The name of the first furniture rule ``line`` meets (none of ``off``), or None."""
    for r, fn in _FURNITURE:
        if r.name not in off and fn(line):
            return r.name
    return None


def segment(text: str) -> Document:
    """Split ``text`` into one segment per non-blank line, classified."""
    lines: list[tuple[int, int, int]] = []  # start, end, block
    block = 0
    pos = 0
    n = len(text)
    while pos <= n:
        brk = _LINE_BREAK.search(text, pos)
        s, e = pos, (brk.start() if brk else n)
        pos = brk.end() if brk else n + 1
        while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
            e -= 1
        if s == e:
            if lines and lines[-1][2] == block:
                block += 1
            continue
        tail = _COPYRIGHT_TAIL.search(text, s, e) if (
            text.find("©", s, e) >= 0 or text.find("Copyright", s, e) >= 0) else None
        if tail is not None and tail.start() > s:
            e = tail.start()  # ``… the envoy said. – Copyright Example Times``
        lines.append((s, e, block))
    kinds: list[tuple[SegmentKind, str | None]] = []
    prev_line = ""
    off = rules.switched_off()
    repeats = _REPEATED.name not in off
    for i, (s, e, _b) in enumerate(lines):
        line = text[s:e]
        rule = classify(line, off)
        if rule is None and repeats and line == prev_line and not _QUOTE_MARK.search(line):
            rule = _REPEATED.name  # (a quotation said twice is said twice: kept)
        prev_line = line
        if rule is not None:
            kinds.append((SegmentKind.FURNITURE, rule))
        elif (head := heading_rule(line, i == 0 and len(lines) > 1, off)) is not None:
            kinds.append((SegmentKind.HEADING, head or None))
        else:
            kinds.append((SegmentKind.BODY, None))
    # Block rule: furniture spreads to its whole (small) block.
    by_block: dict[int, list[int]] = {}
    for i, (_s, _e, b) in enumerate(lines):
        by_block.setdefault(b, []).append(i)
    for members in by_block.values():
        if len(members) > MAX_FURNITURE_BLOCK:
            continue
        hit = next((kinds[i][1] for i in members if kinds[i][1] in BLOCK_RULES), None)
        if hit is not None:
            for i in members:
                if kinds[i][0] is not SegmentKind.FURNITURE:
                    kinds[i] = (SegmentKind.FURNITURE, hit)
    segments = []
    for (s, e, b), (kind, rule) in zip(lines, kinds, strict=True):
        segments.append(Segment(s, e, kind, rule, b))
    return Document(text, tuple(segments))


# --- sentences ------------------------------------------------------------------------------


def _unguarded(redos: Any, pattern: Any) -> Any:
    """``pattern`` without NLTK's wall-clock limit. NLTK 3.10 wraps each of its patterns in
    ``nltk.redos.TimedPattern``, which raises ``TimeoutError`` when one call takes more than
    5 s of wall-clock time, so on a busy machine a long paragraph could fail, or not. Punkt's
    patterns are linear, and :func:`sentence_ends_at` hands them bounded windows, so each is
    compiled again from its source and flags, as a plain ``regex`` pattern: without even the
    wrapper (``timeout=None`` keeps it, and its cost on each of Punkt's many small calls).
    Other patterns pass unchanged."""
    timed = getattr(redos, "TimedPattern", None)
    if timed is None or not isinstance(pattern, timed):
        return pattern
    return regex.compile(pattern.pattern, pattern.flags)


def _punkt() -> PunktSentenceTokenizer:
    """Punkt with the shipped abbreviations and its patterns unguarded (:func:`_unguarded`).

    NLTK is imported here, on the first article that needs Punkt, not by ``import
    quoteattr``: importing it (and NumPy) takes longer than the rest of the library."""
    from nltk.tokenize import punkt

    try:  # NLTK 3.10 runs its patterns under a wall-clock limit; older NLTK has no such module
        from nltk import redos
    except ImportError:  # pragma: no cover
        redos = None

    class _LanguageVars(punkt.PunktLanguageVars):  # type: ignore[misc]
        """Punkt's English patterns, unguarded."""

        __slots__ = ("_periods", "_words")
        re_boundary_realignment = _unguarded(redos,
                                             punkt.PunktLanguageVars.re_boundary_realignment)

        def __init__(self) -> None:
            super().__init__()
            self._periods = _unguarded(redos, super().period_context_re())
            self._words = _unguarded(redos, super()._word_tokenizer_re())

        def period_context_re(self) -> Any:
            return self._periods

        def word_tokenize(self, s: str) -> list[str]:
            return list(self._words.findall(s))

    non_punct = _unguarded(redos, punkt._re_non_punct)

    class _Token(punkt.PunktToken):  # type: ignore[misc]
        """Punkt's token, its type patterns unguarded."""

        __slots__ = ()
        _RE_ELLIPSIS = _unguarded(redos, punkt.PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _unguarded(redos, punkt.PunktToken._RE_NUMERIC)
        _RE_INITIAL = _unguarded(redos, punkt.PunktToken._RE_INITIAL)
        _RE_ALPHA = _unguarded(redos, punkt.PunktToken._RE_ALPHA)

        @property
        def is_non_punct(self) -> Any:
            return non_punct.search(self.type)

    params = punkt.PunktParameters()
    params.abbrev_types = abbreviations.ABBREVIATIONS  # the live list: edits count
    tokenizer: PunktSentenceTokenizer = punkt.PunktSentenceTokenizer(
        params, lang_vars=_LanguageVars(), token_cls=_Token)
    return tokenizer


_TOKENIZER: PunktSentenceTokenizer | None = None


def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt built from the shipped abbreviation list; no data download."""
    global _TOKENIZER
    if _TOKENIZER is None:
        _TOKENIZER = _punkt()
    return _TOKENIZER


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, as offsets into ``text``."""
    return [(start + a, start + b) for a, b in sentence_tokenizer().span_tokenize(text[start:end])]


#: About the most characters of a paragraph that Punkt reads in one call.
PUNKT_WINDOW = 20_000
#: A cut: after an ASCII white space (what Punkt's word-before scan looks for) and before a
#: token.
_CUT = regex.compile(r"[ \t\n\r\x0b\x0c](?=\S)")
_SPACE = regex.compile(r"\s")


def punkt_windows(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """``(a, b, reach)``: ``text[start:end]`` cut into stretches ``a:b`` of about
    ``PUNKT_WINDOW // 2`` to ``PUNKT_WINDOW`` characters (longer only where white space is
    missing); Punkt reads ``a:reach``, the stretch and the token after its cut.

    Each cut ``b`` follows an ASCII white space and precedes a token. Punkt decides a stop
    from the word before it (back to the last white space), the token after it and the stops
    directly after it (no white space between), and none of these crosses such a cut: every
    stop in ``a:b`` gets from ``a:reach`` the answer it gets from the whole paragraph."""
    a = start
    while end - a > PUNKT_WINDOW:
        cut = _CUT.search(text, a + PUNKT_WINDOW // 2, end)
        if cut is None:
            break
        b = cut.end()
        space = _SPACE.search(text, b, end)
        yield a, b, space.start() if space else end
        a = b
    yield a, end, end


def sentence_ends_at(text: str, start: int, end: int, stops: Collection[int]) -> set[int]:
    """The ends of :func:`sentences` that Punkt puts at one of ``stops`` (offsets of ``.``,
    ``!``, ``?`` in ``text``), closing marks included as there: ``said.)`` ends after ``)``.
    Other ends may be in the set too; those at ``stops`` are all there.

    Punkt decides each candidate stop from its own context (the word before, the token
    after), and an end never lies beyond the marks after its own stop, so asking only about
    ``stops`` gives the same answers for them at a fraction of the cost: in news most stops
    close a paragraph or sit inside a quotation, and those need no decision. A long
    paragraph is read in windows (:func:`punkt_windows`), only those holding a stop.
    """
    tok = sentence_tokenizer()
    if getattr(tok, "_match_potential_end_contexts", None) is None:
        return {e for _s, e in sentences(text, start, end)}  # an older NLTK: all ends
    wanted = sorted(stops)
    out: set[int] = set()
    for a, b, reach in punkt_windows(text, start, end):
        lo = bisect_left(wanted, a)
        if lo < len(wanted) and wanted[lo] < b:
            out |= _ends_in_window(tok, text, a, reach, set(wanted[lo:bisect_left(wanted, b)]))
    return out


def _ends_in_window(tok: PunktSentenceTokenizer, text: str, start: int, end: int,
                    stops: set[int]) -> set[int]:
    """:func:`sentence_ends_at` for the ``stops`` of one window ``text[start:end]``."""
    para = text[start:end]
    stop = len(para.rstrip())
    realign = tok._lang_vars.re_boundary_realignment
    out: set[int] = set()
    for match, context in tok._match_potential_end_contexts(para):
        if match.start() + start not in stops or not tok.text_contains_sentbreak(context):
            continue
        # as in PunktSentenceTokenizer._slices_from_text and _realign_boundaries
        nxt = match.start("next_tok") if match.group("next_tok") else match.end()
        closing = realign.match(para, nxt, stop)
        out.add(start + (nxt + len(closing.group(0).rstrip()) if closing else match.end()))
    return out
