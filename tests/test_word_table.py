"""The shared word table of the tokenizer outlives one short article (tokens.KEPT_WORDS)."""

from __future__ import annotations

import quoteattr
from quoteattr import tokens
from quoteattr.tokens import TokKind, tokenize

_ARTICLE = "“The ferry will run late,” said Mayor Dana Whitfield on Tuesday.\n"


def test_words_of_a_short_article_stay_shared_for_the_next() -> None:
    quoteattr.extract(_ARTICLE)
    assert "Whitfield" in tokens._WORDS
    text = "Dana Whitfield toured the harbour."
    word = next(t for t in tokenize(text, 0, len(text)) if t.kind is TokKind.WORD
                and t.text == "Whitfield")
    assert word.text is tokens._WORDS["Whitfield"][0]


def test_forget_words_keeps_a_table_no_larger_than_keep() -> None:
    quoteattr.extract(_ARTICLE)
    size = len(tokens._WORDS)
    tokens.forget_words(size)
    assert len(tokens._WORDS) == size
    tokens.forget_words(size - 1)
    assert not tokens._WORDS


def test_tokens_are_the_same_with_the_table_kept_or_emptied() -> None:
    text = "Sen. Ruth Okafor’s aides said the port's cranes were unsafe."
    kept = [(t.start, t.text, t.lower, t.kind, t.is_cap) for t in tokenize(text, 0, len(text))]
    tokens.forget_words()
    fresh = [(t.start, t.text, t.lower, t.kind, t.is_cap) for t in tokenize(text, 0, len(text))]
    assert kept == fresh
