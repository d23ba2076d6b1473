"""The mention sieve: a phrase becomes a mention by the first rule of ``mentions.ORDER``."""

from __future__ import annotations

import ast
from pathlib import Path

from quoteattr import extract, mentions, rules
from quoteattr.mentions import MentionKind, classify
from quoteattr.tokens import tokenize

HEAD = "Harbour Works Resume\n\n"
SOURCE = Path(mentions.__file__)


def _mention(phrase: str) -> mentions.Mention | None:
    toks = tokenize(phrase, 0, len(phrase))
    return classify(phrase, toks, 0, len(toks))


def _decided(phrase: str) -> tuple[str, mentions.Mention | None]:
    """The rule that classifies ``phrase`` alone, and its mention."""
    with mentions.recording() as seen:
        _mention(phrase)
    (d,) = seen
    return d.rule, d.mention


def test_mention_sieve_order_is_one_declared_list() -> None:
    assert mentions.ORDER == rules.sieve_order("mention")
    assert mentions.ORDER[0] == "mention-credential"
    assert mentions.ORDER.index("mention-named-organization") < mentions.ORDER.index(
        "mention-name") < mentions.ORDER.index("mention-unnamed-source")
    assert mentions.ORDER.index("mention-indefinite-role") < mentions.ORDER.index(
        "mention-role")


def test_each_kind_of_phrase_is_classified_by_its_rule() -> None:
    cases = {
        "she": ("mention-pronoun", MentionKind.PRONOUN, None),
        "Port director Mila Arden": ("mention-name", MentionKind.NAME, "Mila Arden"),
        "the Arden campaign": ("mention-organization-noun", MentionKind.ORGANIZATION,
                               "Arden campaign"),
        "the Kesterwick Chamber of Commerce": ("mention-organization-of",
                                               MentionKind.ORGANIZATION,
                                               "Kesterwick Chamber of Commerce"),
        "a senior official": ("mention-unnamed-source", MentionKind.ANONYMOUS, None),
        "the harbour minister": ("mention-role", MentionKind.ROLE, None),
    }
    for phrase, (rule, kind, name) in cases.items():
        decided, m = _decided(phrase)
        assert m is not None and (decided, m.kind, m.name) == (rule, kind, name), phrase


def test_an_indefinite_role_is_an_unnamed_source_that_keeps_its_owner() -> None:
    decided, m = _decided("A spokeswoman for Mila Arden")
    assert m is not None
    assert (decided, m.kind, m.roles, m.gender, m.possessor) == (
        "mention-indefinite-role", MentionKind.ANONYMOUS, ("spokesperson",), "f", "Arden")


def test_a_credential_alone_is_decided_to_be_no_mention() -> None:
    assert _decided("MD") == ("mention-credential", None)


def test_recording_holds_only_the_decisions_inside_its_block() -> None:
    with mentions.recording() as seen:
        _mention("Mila Arden")
    _mention("the harbour minister")
    assert [d.rule for d in seen] == ["mention-name"]


def test_switching_a_mention_rule_off_lets_the_next_rule_decide() -> None:
    text = HEAD + "“The fees will rise,” said a person close to Mila Arden.\n"
    assert [q.speaker_name for q in extract(text)] == ["a person close to Mila Arden"]
    off = extract(text, disabled_rules={"mention-linked-source"})
    assert [q.speaker_name for q in off] == [None]
    with rules.disabled({"mention-name"}):
        m = _mention("Mila Arden")
    assert m is None


def test_the_heuristics_page_shows_the_mention_sieve() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "heuristics.md").read_text(
        encoding="utf-8")
    assert "<!-- rules:mention -->" in doc
    assert all(f"`{name}`" in doc for name in mentions.ORDER)


def test_mentions_defines_no_word_list() -> None:
    """Word lists live in ``lexicon.mentions`` (read at call time), not in the stage."""
    tree = ast.parse(SOURCE.read_text(encoding="utf-8"))
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, (ast.Set, ast.BinOp)) or isinstance(value, ast.Tuple) and any(
                isinstance(e, ast.Tuple) for e in value.elts):
            raise AssertionError(f"a word list at line {node.lineno}")


def test_a_nationality_word_after_a_first_name_is_a_surname() -> None:
    m = _mention("Rep. Ana Israel (D-N.Y)")
    assert m is not None and m.kind is MentionKind.NAME and m.name == "Ana Israel"
    m = _mention("Columnist Teo French")
    assert m is not None and m.kind is MentionKind.NAME and m.name == "Teo French"


def test_a_nationality_word_alone_or_after_a_role_stays_a_nationality() -> None:
    m = _mention("French officials")
    assert m is None or m.kind is not MentionKind.NAME
    assert _decided("Canada")[0] == "mention-country"


def test_a_capitalised_document_word_after_a_name_ends_the_organisation() -> None:
    assert _decided("The Kester Geological Survey") == (
        "mention-document-name", _decided("The Kester Geological Survey")[1])
    m = _mention("The Kester Geological Survey")
    assert m is not None and m.name == "Kester Geological Survey"
    m = _mention("The Kester Board report")
    assert m is not None and m.name == "Kester Board"
