"""Compare main-text readers on the invented pages of tests/fixtures/html/ (docs/input-formats.md).

Needs the candidates, which quoteattr does not depend on:
    pip install trafilatura selectolax justext
Prints, per reader: body sentences kept, furniture strings kept out, gold quotes found with
the right speaker (quoteattr run on the reader's text), and CPU time per page.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import quoteattr
from quoteattr.webpage import page_text

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "html"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _quoteattr(html: str) -> str:
    return page_text(html).text


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _selectolax(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "nav", "header", "footer", "aside",
                     "form", "figure"])
    node = tree.css_first("article") or tree.css_first("main") or tree.body
    return node.text(separator="\n", strip=True) if node else ""


def _justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode(), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


READERS: dict[str, Callable[[str], str]] = {
    "quoteattr.webpage": _quoteattr, "trafilatura": _trafilatura,
    "selectolax": _selectolax, "jusText": _justext,
}


def _score(read: Callable[[str], str]) -> str:
    kept = left_out = found = n_keep = n_drop = n_quotes = 0
    cpu = 0.0
    pages = sorted(FIXTURES.glob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        read(html)  # imports, caches
        started = time.process_time()
        for _ in range(20):
            text = read(html)
        cpu += (time.process_time() - started) / 20
        kept += sum(_flat(s) in _flat(text) for s in gold["body_includes"])
        left_out += sum(s not in text for s in gold["body_excludes"])
        n_keep += len(gold["body_includes"])
        n_drop += len(gold["body_excludes"])
        quotes = quoteattr.extract(text)
        for g in gold["quotes"]:
            n_quotes += 1
            found += any(g["text"] in q.text and q.speaker_name == g["speaker"] for q in quotes)
    return (f"body {kept}/{n_keep}, furniture out {left_out}/{n_drop}, quotes {found}/"
            f"{n_quotes}, {cpu * 1000 / len(pages):.2f} ms CPU per page")


def main() -> None:
    for name, read in READERS.items():
        try:
            print(f"{name}: {_score(read)}")
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")


if __name__ == "__main__":
    main()
