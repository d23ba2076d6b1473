"""Properties of ``extract`` that hold for any text at all.

Whatever the input (random Unicode, random runs of quotation marks, apostrophes and cue words,
articles cut up, glued together or mutated), ``extract`` returns without error, gives the same
answer twice, and every quote it returns indexes the caller's string exactly, lies inside it,
does not overlap another quote, has its speaker mention and cue inside the text, and has a
confidence in [0, 1].

Fuzz run: ``QUOTEATTR_FUZZ=1 python -m pytest -p no:cacheprovider tests/test_properties.py``
(or ``--hypothesis-profile=fuzz``) loads the ``fuzz`` profile of ``tests/conftest.py``: each
property test below then runs ``FUZZ_EXAMPLES`` (2,500) examples instead of ``CI_EXAMPLES``
(150), over 20,000 in all. The default profile keeps this file quick.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures import assert_well_formed, load_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import QuoteKind, extract

ARTICLES = list(load_articles().values())

#: Examples per property test in the default profile; the fuzz profile raises it.
CI_EXAMPLES = 150
EXAMPLES = max(CI_EXAMPLES, settings.default.max_examples)
#: The option tests (kinds, min_confidence) run a fifth as many: each calls extract three times.
OPTION_EXAMPLES = max(60, EXAMPLES // 5)

PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OPTION_SETTINGS = settings(
    max_examples=OPTION_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

QUOTE_MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "``", "''", "〝", "〞"]
WORDS = [
    "said", "says", "told", "reporters", "added", "according to", "he", "she", "they", "it",
    "that", "the", "a", "we", "I", "not", "Mayor", "Ms", "Mr.", "Dr", "Idris", "Fenwick",
    "Hanna Brodeur", "Brodeur", "the minister", "a spokesman", "who", "asked", "warned",
    "don't", "it's", "rock'n'roll", "'90s", "Rovers'", "O'Dowd", "Ashgrove", "Council",
    "on Tuesday", "statement", "in a statement", "wrote", "posted", "on X", "tweeted", "so-called",
]
PUNCTUATION = [",", ".", ":", ";", "?", "!", "—", "–", "-", "(", ")", "…", "...", "[", "]"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u2028"]

#: Pieces that are glued together without separators: words, marks and white space.
TOKENS = st.sampled_from(QUOTE_MARKS + WORDS + PUNCTUATION + SPACES)
quote_soup = st.lists(TOKENS, max_size=400).map("".join)

#: Any Unicode text (surrogates excluded by hypothesis; ``test_bad_input`` covers them).
any_text = st.text(max_size=3000)

#: Random Unicode with a high share of quotation marks and white space.
marks_and_unicode = st.text(
    alphabet=st.one_of(
        st.sampled_from([c for c in QUOTE_MARKS + SPACES if len(c) == 1]), st.characters()
    ),
    max_size=2000,
)


@st.composite
def article_cuts(draw: st.DrawFn) -> str:
    """Up to four slices of the invented articles, concatenated."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        article = draw(st.sampled_from(ARTICLES))
        a = draw(st.integers(min_value=0, max_value=len(article)))
        b = draw(st.integers(min_value=a, max_value=len(article)))
        pieces.append(article[a:b])
        pieces.append(draw(st.sampled_from(["", "", " ", "\n", "\n\n"])))
    return "".join(pieces)


@st.composite
def mutated_articles(draw: st.DrawFn) -> str:
    """An invented article with a few random edits: insertions, deletions, swapped marks."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        pos = draw(st.integers(min_value=0, max_value=len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "swap-mark"]))
        if edit == "insert":
            text = text[:pos] + draw(st.lists(TOKENS, max_size=6).map("".join)) + text[pos:]
        elif edit == "delete":
            end = draw(st.integers(min_value=pos, max_value=min(len(text), pos + 200)))
            text = text[:pos] + text[end:]
        else:
            marks = [i for i, ch in enumerate(text) if ch in "“”\"‘’'«»„"]
            if marks:
                i = draw(st.sampled_from(marks))
                text = text[:i] + draw(st.sampled_from(QUOTE_MARKS)) + text[i + 1 :]
    return text


#: The marks the mark mutations insert, delete and swap.
MUTATED_MARKS = "“”‘’\"'«»"


@st.composite
def mark_mutations(draw: st.DrawFn) -> str:
    """An invented article with up to a dozen quotation-mark edits: a mark inserted anywhere,
    a mark deleted, two marks swapped, or a mark replaced by another."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        marks = [i for i, ch in enumerate(text) if ch in MUTATED_MARKS]
        edit = draw(st.sampled_from(["insert", "delete", "swap", "replace"]))
        if edit == "insert" or not marks:
            pos = draw(st.integers(min_value=0, max_value=len(text)))
            text = text[:pos] + draw(st.sampled_from(MUTATED_MARKS)) + text[pos:]
            continue
        i = draw(st.sampled_from(marks))
        if edit == "delete":
            text = text[:i] + text[i + 1 :]
        elif edit == "swap":
            j = draw(st.sampled_from(marks))
            chars = list(text)
            chars[i], chars[j] = chars[j], chars[i]
            text = "".join(chars)
        else:
            text = text[:i] + draw(st.sampled_from(MUTATED_MARKS)) + text[i + 1 :]
    return text


FIRST_NAMES = ["Idris", "Hanna", "Tobias", "Leona", "Marisol", "Teo", "Ana", "Olga", "Mateo"]
SURNAMES = ["Fenwick", "Brodeur", "Ekwueme", "Quist", "Lind", "Ruiz", "Petrenko", "O'Dowd"]
SPEAKERS = ["he", "she", "they", "a spokesman", "the minister", "the council", "one resident",
            "Mayor {last}", "{first} {last}", "{last}", "Dr {last}", "Ms {last}"]
CUE_VERBS = ["said", "says", "told reporters", "added", "warned", "said on Tuesday",
             "wrote in a statement", "posted on X", "asked"]
CLAUSES = [
    "the bridge will reopen in May", "we have waited long enough", "I am not against the plan",
    "the council has not explained the cost", "nobody told us anything", "it's a disgrace",
    "the 1990s were different", "they don't listen", "this is money we should have spent",
    "the talks will resume on Monday", "we're not going anywhere", "Rovers' fans deserve it",
]
SENTENCES = [
    "{o}{c}{x}, {s} {v}.", "{o}{c},{x} {s} {v}. {o}{C}.{x}", "{S} {v}: {o}{C}.{x}",
    "{S} {v} that {c}.", "{S} {v} {o}{c}{x}.", "According to {s}, {c}.", "{o}{C}!{x}",
    "{o}{C}?{x} {s} {v}.", "{S} {v}, {o}{c}.{x}",
]


@st.composite
def news_paragraphs(draw: st.DrawFn) -> str:
    """News-like paragraphs: quotations, cues and speakers, with random (often unmatched)
    quotation marks around the quoted words."""
    marks = st.sampled_from([*QUOTE_MARKS, "", "“", "”"])
    paragraphs = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        sentences = []
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            clause = draw(st.sampled_from(CLAUSES))
            speaker = draw(st.sampled_from(SPEAKERS)).format(
                first=draw(st.sampled_from(FIRST_NAMES)), last=draw(st.sampled_from(SURNAMES)))
            sentences.append(draw(st.sampled_from(SENTENCES)).format(
                o=draw(marks), x=draw(marks), c=clause, C=clause[:1].upper() + clause[1:],
                s=speaker, S=speaker[:1].upper() + speaker[1:], v=draw(st.sampled_from(CUE_VERBS))))
        paragraphs.append(" ".join(sentences))
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(paragraphs)


any_input = st.one_of(any_text, marks_and_unicode, quote_soup, article_cuts(), mutated_articles(),
                      mark_mutations(), news_paragraphs())


@PROPERTY_SETTINGS
@given(any_text)
def test_random_unicode_gives_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(marks_and_unicode)
def test_random_quotation_marks_in_unicode_give_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(quote_soup)
def test_soup_of_quote_marks_words_and_apostrophes_gives_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(article_cuts())
def test_cut_and_concatenated_articles_give_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(mutated_articles())
def test_mutated_articles_give_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(mark_mutations())
def test_inserted_deleted_and_swapped_quotation_marks_give_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(news_paragraphs())
def test_news_paragraphs_with_random_quotation_marks_give_well_formed_quotes(text: str) -> None:
    assert_well_formed(text, extract(text))


@PROPERTY_SETTINGS
@given(any_input)
def test_extract_is_deterministic(text: str) -> None:
    assert extract(text) == extract(text)


@OPTION_SETTINGS
@given(st.one_of(article_cuts(), mutated_articles()), st.sampled_from(list(QuoteKind)))
def test_kinds_filter_keeps_exactly_the_quotes_of_that_kind(text: str, kind: QuoteKind) -> None:
    everything = extract(text)
    only = extract(text, kinds=[kind])
    assert only == [q for q in everything if q.kind is kind]
    assert extract(text, kinds=[kind.value]) == only


@OPTION_SETTINGS
@given(
    st.one_of(article_cuts(), mutated_articles()),
    st.floats(min_value=0.0, max_value=1.0, allow_nan=False),
)
def test_min_confidence_drops_exactly_the_less_confident_quotes(
    text: str, threshold: float
) -> None:
    everything = extract(text)
    kept = extract(text, min_confidence=threshold)
    assert kept == [q for q in everything if q.confidence >= threshold]


def test_every_invented_article_gives_well_formed_quotes() -> None:
    for text in ARTICLES:
        assert_well_formed(text, extract(text))


def test_all_invented_articles_concatenated_give_well_formed_quotes() -> None:
    text = "\n\n".join(ARTICLES)
    assert_well_formed(text, extract(text))


SHARED = Path(__file__).resolve().parents[2] / "shared"


def _shared_articles() -> list[Path]:
    return sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "polnear-dev" / "docs").glob("*.txt")
    )


def test_real_articles_in_shared_give_well_formed_quotes() -> None:
    # Real news from ../shared (read at run time, never copied into the repository).
    paths = _shared_articles()
    if not paths:
        pytest.skip("../shared/seeds and ../shared/polnear-dev are not available")
    for path in paths:
        text = path.read_bytes().decode("utf-8-sig")
        quotes = extract(text)
        assert_well_formed(text, quotes)
        assert extract(text) == quotes, f"{path.name}: a second run gave other quotes"


_DUMP_QUOTES = """
import json, sys
from pathlib import Path
from quoteattr import extract
out = []
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    out.append([q.to_dict(path.name) for q in extract(text)])
print(json.dumps(out))
"""


def _quotes_under_hash_seed(seed: str) -> object:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    fixtures = Path(__file__).resolve().parent / "fixtures"
    done = subprocess.run(
        [sys.executable, "-c", _DUMP_QUOTES, str(fixtures)],
        env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def test_results_do_not_depend_on_string_hash_seed() -> None:
    # Worker processes of extract_many get their own hash seed: iterating over a set or dict of
    # strings built in a different order would give different quotes or speakers there.
    assert _quotes_under_hash_seed("1") == _quotes_under_hash_seed("2")
