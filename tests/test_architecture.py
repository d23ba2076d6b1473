"""The module map: no module-level import cycle inside the package."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "quoteattr"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Package modules imported at module level (an ``if TYPE_CHECKING:`` block included)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    nodes: list[ast.stmt] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        nodes += node.body if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(
            node.test) else [node]
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("quoteattr"))
    return found


def test_no_module_imports_itself_back_at_module_level() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {m for m in _imports(p) if m in paths and m != name}
             for name, p in paths.items()}
    graph = {name: deps - {"quoteattr"} for name, deps in graph.items()}  # the package root
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            assert state.get(dep) != 1, "import cycle: " + " -> ".join([*path, node, dep])
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])


def test_phrase_grammar_imports_no_cue_finder_and_no_sieve() -> None:
    imported = _imports(PACKAGE / "phrases.py")
    for stage in ("cues", "cue_model", "subjects", "speaker_sieve", "attribution", "reported",
                  "pipeline", "rules"):
        assert f"quoteattr.{stage}" not in imported, stage


def test_subject_sieve_does_not_import_the_cue_finder() -> None:
    assert "quoteattr.cues" not in _imports(PACKAGE / "subjects.py")
    assert not {"quoteattr.cues", "quoteattr.subjects"} & _imports(PACKAGE / "subject_phrases.py")


_MAX_LINES = 60
_MAX_DEPTH = 4
_NESTING = (ast.If, ast.For, ast.While, ast.With, ast.Try, ast.AsyncFor, ast.AsyncWith,
            ast.Match)
_UNITS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _is_elif(node: ast.AST, parent: ast.AST) -> bool:
    """``elif`` is an ``If`` alone in its parent's ``orelse``: a sibling, not a level."""
    return (isinstance(node, ast.If) and isinstance(parent, ast.If)
            and parent.orelse == [node] and node.col_offset == parent.col_offset)


def _depth(node: ast.AST, level: int = 0) -> int:
    """Deepest block nesting inside one function; nested functions count on their own."""
    deepest = level
    for child in ast.iter_child_nodes(node):
        if isinstance(child, _UNITS):
            continue
        step = isinstance(child, _NESTING) and not _is_elif(child, node)
        deepest = max(deepest, _depth(child, level + step))
    return deepest


def _unit_offenders() -> list[str]:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if "lexicon" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, _UNITS):
                continue
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            depth = 0 if isinstance(node, ast.ClassDef) else _depth(node)
            if lines > _MAX_LINES or depth > _MAX_DEPTH:
                found.append(f"{rel}:{node.lineno} {node.name} lines={lines} depth={depth}")
    return found


def test_no_function_or_class_is_over_60_lines_or_nested_deeper_than_4() -> None:
    assert _unit_offenders() == []


def test_an_elif_chain_is_one_level_of_nesting() -> None:
    source = "def f(x):\n if x:\n  pass\n elif x:\n  pass\n elif x:\n  pass\n"
    assert _depth(ast.parse(source).body[0]) == 1
