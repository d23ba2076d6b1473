"""Quotation marks around a name, not speech: more contexts of golden rule 8 of
:mod:`quoteattr.quotemarks` (rules ``title-after-article`` and ``title-after-maker``).

:func:`quoteattr.quotemarks.is_work_title` has already checked the quotation: at most six
Title-Case words with no sentence punctuation but a closing comma or stop. These rules add
the words before it that make it a name — of a show, a book, a slogan, a group — and no
quote: a lower-case article (``promoting a “Save the Quay” campaign``, ``the “Harbour Four”``)
or the maker or host of a work and ``of`` (``the author of “Tides of Brass,”``, ``the host
of “Harbour Lights”``). A bare ``of`` is not enough: ``proclaimed a goal of “Calm Seas
Ahead”`` quotes a slogan as said. A title ending in a stop inside its marks is left alone
(the pipeline folds a title into one word, which would hide where its sentence ends).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .lexicon import grammar, naming
from .rules import Example, Rule, is_enabled, register

__all__ = ["names_a_work"]

#: The word right before an opening mark (``the “``), with the spaces after it.
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{N}’'-])(\p{L}+)[ \t\u00a0]+$")
#: ``NOUN of`` before the opening mark (``the author of “``).
_MAKER_OF = regex.compile(r"(?<![\p{L}\p{N}’'-])(\p{L}+(?:-\p{L}+)?)[ \t\u00a0]+of[ \t\u00a0]+$")
#: How far back the word before the opening mark is looked for.
_LOOK_BACK = 30


def names_a_work(text: str, open_at: int, content_end: int, words: Sequence[str]) -> bool:
    """The short Title-Case quotation whose mark opens at ``open_at`` (its ``words``, its
    content ending at ``content_end``) is a name after a lower-case article or a maker's
    ``of`` (rules ``title-after-article``, ``title-after-maker``). One that ends in a stop
    stays a quotation: folded into a word, it would hide where its sentence ends (``the
    “New Class.” Where …``)."""
    if text[open_at:content_end].rstrip().endswith("."):
        return False
    window = max(0, open_at - _LOOK_BACK)
    m = _WORD_BEFORE.search(text, window, open_at)
    if m is not None and m.group(1) in grammar.ARTICLES:
        return is_enabled("title-after-article")
    maker = _MAKER_OF.search(text, window, open_at) if m is not None and (
        m.group(1) == "of") else None
    return maker is not None and maker.group(1).lower() in naming.MAKER_NOUNS and is_enabled(
        "title-after-maker")


register(Rule(
    "title-after-article", "detector-veto",
    "a short Title-Case quotation after a lower-case article names a show, a slogan or a "
    "group (``promoting a “Save the Quay” campaign``, ``part of the “Harbour Four”``): no quote",
    (Example("“We will rebuild,” Ruiz said, holding up a “Save Our Pier” badge.",
             "Save Our Pier"),
     Example("“We will rebuild,” Ruiz said, as part of the “Harbour Four” on Monday.",
             "Harbour Four")),
    (Example("The council met on Monday. “Save Our Pier,” Ruiz said.", "Save Our Pier",
             "Ruiz"),
     Example("The council met on Monday. Ruiz said “the pier is safe” at the meeting.",
             "the pier is safe", "Ruiz")),
    vetoes=True))
register(Rule(
    "title-after-maker", "detector-veto",
    "a short Title-Case quotation after the maker or host of a work and ``of`` names the work "
    "(``the author of “Tides of Brass,”``, ``the host of “Harbour Nights”``): no quote",
    (Example("“It was a hard year,” said Ada Roe, the author of “Tides of Brass,” a history "
             "of the port.", "Tides of Brass"),
     Example("“It was a hard year,” Teo Lind told the host of “Harbour Nights” on Friday.",
             "Harbour Nights")),
    (Example("The council met on Monday. Ruiz proclaimed a goal of “Safe Harbours For All.”",
             "Safe Harbours For All", "Ruiz"),
     Example("“It was a hard year,” Teo Lind told the host of “Harbour Nights.” Then he left.",
             "Harbour Nights"),
     Example("The council met on Monday. The crowd broke into chants of “Save the Pier!”",
             "Save the Pier")),
    vetoes=True))
