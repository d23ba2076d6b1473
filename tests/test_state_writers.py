"""Article state has one writer per part: only the entity store's methods change an entity
(``docs/architecture.md``, "Where state lives"); other stages call them."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs

import quoteattr
from quoteattr.entities import Entity

PACKAGE = Path(quoteattr.__file__).parent


def _entity_writes(source: str) -> list[str]:
    """``x.field = …`` / ``x.field += …`` for an :class:`Entity` field, on anything but
    ``self``."""
    fields = {f.name for f in attrs.fields(Entity)}
    out = []
    for node in ast.walk(ast.parse(source)):
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AugAssign) else [])
        for t in targets:
            if isinstance(t, ast.Attribute) and t.attr in fields and not (
                    isinstance(t.value, ast.Name) and t.value.id == "self"):
                out.append(f"line {t.lineno}: {ast.unparse(t)}")
    return out


def test_no_stage_but_the_entity_store_writes_an_entitys_fields() -> None:
    writes = {path.name: found for path in sorted(PACKAGE.glob("*.py"))
              if path.name != "entities.py"
              and (found := _entity_writes(path.read_text(encoding="utf-8")))}
    assert not writes, writes
