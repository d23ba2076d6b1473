"""Tokens: ``is_cap`` is settled when a token is made (a class, no slot), whichever way it is
made, and it agrees with the token's kind and text."""

from __future__ import annotations

from quoteattr import tokens
from quoteattr.paragraphs import fold_titles
from quoteattr.quotemarks import find_quotations
from quoteattr.tokens import Tok, TokenStore, TokKind, tokenize

#: Invented: capitalised words, a possessive and a plural one, ``Mr.``, an upper-case ``’S``,
#: initials, a number, a work title and a lower-case word that was capitalised before.
TEXT = ("Mr. Oduya’s ferry left at 9:30, U.S. time. The workers’ union met. KPRT’s “Dockside "
        "Tonight” said the ferry would return; Ferry staff and the ÉLAN’S crew agreed.")


def _expected(t: Tok) -> bool:
    return t.kind is TokKind.WORD and t.text[:1].isupper()


def test_is_cap_is_true_exactly_for_words_that_start_with_a_capital() -> None:
    tokens.forget_words()
    toks = tokenize(TEXT, 0, len(TEXT))
    assert [t.is_cap for t in toks] == [_expected(t) for t in toks]
    caps = {t.text for t in toks if t.is_cap}
    assert {"Mr.", "Oduya", "U.S.", "The", "KPRT", "Ferry", "ÉLAN"} <= caps
    assert not any(t.is_cap for t in toks if t.text in ("’S", "ferry", "’s", "9:30"))


def test_is_cap_holds_for_tokens_made_by_hand_by_the_store_and_by_folded_titles() -> None:
    made = [Tok(0, 4, "Pier", TokKind.WORD), Tok(0, 4, "pier", TokKind.WORD),
            Tok(0, 2, "’S", TokKind.POSS), Tok(0, 1, ".", TokKind.PUNCT, eos=True),
            Tok(0, 6, "“Pier”", TokKind.QUOTE, 0)]
    assert [t.is_cap for t in made] == [True, False, False, False, False]
    qs = find_quotations(TEXT, [(0, len(TEXT))])[0]
    kept, folded = fold_titles(TEXT, qs, tokenize(TEXT, 0, len(TEXT), qs))
    assert any(t.text == "“Dockside Tonight”" and t.kind is TokKind.WORD for t in folded)
    assert [t.is_cap for t in folded] == [_expected(t) for t in folded]
    store = TokenStore(TEXT)
    store.add(folded)
    store.done()
    again = store.tokens(0)
    assert [t.is_cap for t in again] == [t.is_cap for t in folded]
    assert [t.is_cap for t in again] == [_expected(t) for t in again]


def test_the_same_word_gives_the_same_answer_after_the_word_table_is_emptied() -> None:
    first = [t.is_cap for t in tokenize(TEXT, 0, len(TEXT))]
    tokens.forget_words()
    assert [t.is_cap for t in tokenize(TEXT, 0, len(TEXT))] == first


def test_token_kinds_and_categories_behave_as_enum_members_and_survive_pickling() -> None:
    import copy
    import pickle

    assert [k.value for k in TokKind] == ["word", "punct", "poss", "quote"]
    assert [c.name for c in tokens.Cat][:3] == ["PRON", "DET", "ROLE"]
    assert len(list(tokens.Cat)) == 13
    assert repr(TokKind.WORD) == "<TokKind.WORD: 'word'>"
    assert pickle.loads(pickle.dumps(tokens.Cat.CAP)) is tokens.Cat.CAP
    assert copy.deepcopy([TokKind.QUOTE])[0] is TokKind.QUOTE


def test_reading_a_kind_does_not_go_through_the_enum_attribute_hook() -> None:
    import enum

    assert not isinstance(TokKind, enum.EnumMeta)
    assert not isinstance(tokens.Cat, enum.EnumMeta)
    assert not hasattr(type(TokKind), "__getattr__")
