"""quoteattr report: one self-contained HTML page about a corpus (parsed with html.parser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_quote
from htmltree import Node, parse

from quoteattr import Article, Speaker, SpeakerType
from quoteattr.cli import main
from quoteattr.corpus import tally
from quoteattr.report import report_html

PIKE = Speaker("Nora Pike", SpeakerType.PERSON, gender="f")
HALE = Speaker("Owen Hale", SpeakerType.PERSON, gender="m")
TRUST = Speaker("Harbour Trust", SpeakerType.ORGANIZATION)


def _article(doc: str, *speakers: tuple[Speaker | None, str]) -> Article:
    text = "Headline here\n\n" + " ".join(f"“Point {i}.”" for i in range(len(speakers))) + "\n"
    quotes = tuple(make_quote(text, f"Point {i}.", speaker=s, kind=k, cue=None)
                   for i, (s, k) in enumerate(speakers))
    return Article(text, quotes, tuple({s.name: s for s, _ in speakers if s}.values()), doc)


CORPUS = [
    _article("a.txt", (PIKE, "direct"), (HALE, "indirect"), (PIKE, "mixed")),
    _article("b.txt", (HALE, "direct"), (PIKE, "direct"), (TRUST, "indirect")),
    _article("c.txt", (None, "direct")),
]


def _section(tree: Node, ident: str) -> Node:
    (sec,) = [n for n in tree.find_all("section") if n.attrs.get("id") == ident]
    return sec


def _shares(chart: Node) -> dict[str, float]:
    """title label → width (percent) of each bar segment."""
    return {seg.attrs["title"].split(":")[0]: float(seg.attrs["style"].split("width:")[1]
                                                   .split("%")[0])
            for seg in chart.find_all("div", "qa-seg")}


def test_report_is_one_page_with_the_sections_and_every_article() -> None:
    tree = parse(report_html(CORPUS))
    assert tree.find("html").attrs["lang"] == "en"
    for ident in ("gender", "types", "kinds", "speakers", "articles"):
        _section(tree, ident)
    articles = tree.find_all("section", "qa-article")
    assert [a.find("h4").text() for a in articles] == ["a.txt", "b.txt", "c.txt"]
    assert [a.attrs["href"] for a in tree.find_all("a")] == [
        "#article-1", "#article-2", "#article-3"]


def test_report_loads_nothing_and_runs_nothing() -> None:
    tree = parse(report_html(CORPUS))
    tags = {n.tag for n in tree.iter()}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "svg", "video"}
    for node in tree.iter():
        assert not any(k.startswith("on") or k == "src" for k in node.attrs)
        assert all("://" not in v and "url(" not in v for v in node.attrs.values())
        assert node.attrs.get("href", "#").startswith("#")
    css = tree.find("style").text()
    assert "@import" not in css and "url(" not in css


def test_gender_chart_shares_are_those_of_the_tally() -> None:
    tree = parse(report_html(CORPUS))
    quotes_chart, people_chart = _section(tree, "gender").find_all("div", "qa-chart")
    assert _shares(quotes_chart) == pytest.approx({"women": 60.0, "men": 40.0})
    assert _shares(people_chart) == pytest.approx({"women": 50.0, "men": 50.0})
    assert "5 quotes by named people" in quotes_chart.text()


def test_type_and_kind_charts_count_every_quote() -> None:
    tree = parse(report_html(CORPUS))
    assert _shares(_section(tree, "types")) == pytest.approx(
        {"named people": 500 / 7, "organisations": 100 / 7, "no speaker": 100 / 7}, abs=1e-3)
    kinds = _section(tree, "kinds")
    assert _shares(kinds) == pytest.approx({"direct": 400 / 7, "mixed": 100 / 7,
                                            "indirect": 200 / 7}, abs=1e-3)
    assert "42.9%" in kinds.find("p", "qa-reported").text()


def test_top_speakers_follow_the_tally() -> None:
    tree = parse(report_html(CORPUS, top=2))
    rows = _section(tree, "speakers").find("tbody").find_all("tr")
    cells = [[td.text() for td in r.find_all("td")] for r in rows]
    assert [c[:8] for c in cells] == [["1", "Nora Pike", "person", "f", "3", "2", "1", "2"],
                                     ["2", "Owen Hale", "person", "m", "2", "1", "1", "2"]]
    assert [r.speaker for r in tally(CORPUS)][:2] == ["Nora Pike", "Owen Hale"]


def test_a_speaker_has_the_same_colour_in_every_article() -> None:
    tree = parse(report_html(CORPUS))
    colour: dict[str, set[str]] = {}
    for mark in tree.find_all("mark"):
        name = mark.attrs["title"].split(" · ")[0]
        colour.setdefault(name, set()).add(mark.attrs["style"].split("border-bottom:")[1]
                                           .split(";")[0].split()[-1])
    assert all(len(c) == 1 for c in colour.values())
    assert colour["Nora Pike"] != colour["Owen Hale"] != colour["Harbour Trust"]
    chips = {c.text(): c.attrs["style"] for c in _section(tree, "speakers").find_all(
        "span", "qa-chip")}
    assert next(iter(colour["Nora Pike"])) in chips["Nora Pike"]


def test_everything_from_the_articles_is_escaped() -> None:
    evil = Speaker("<script>alert(1)</script>", SpeakerType.PERSON)
    page = report_html([_article("<img src=x>.txt", (evil, "direct"))],
                       title="<b>mine</b>", failures=["<i>bad</i>.txt: broken"])
    tree = parse(page)
    assert not tree.find_all("script") and not tree.find_all("img")
    assert tree.find("title").text() == "<b>mine</b>"
    assert tree.find("h4").text() == "<img src=x>.txt"
    assert _section(tree, "failures").find("li").text() == "<i>bad</i>.txt: broken"


def test_max_articles_limits_the_articles_not_the_figures() -> None:
    tree = parse(report_html(CORPUS, max_articles=1))
    assert len(tree.find_all("section", "qa-article")) == 1
    assert "7 quotes" in _section(tree, "kinds").text()


def test_report_of_no_quotes_is_a_page_without_bars() -> None:
    tree = parse(report_html([_article("empty.txt")]))
    assert not tree.find_all("div", "qa-seg")
    assert len(tree.find_all("section", "qa-article")) == 1


# ------------------------------------------------------------- command line


def _folder(root: Path) -> Path:
    root.mkdir()
    (root / "one.txt").write_text(
        "Ferry fares rise\n\n“We had no choice,” said Nora Pike, the operator.\n",
        encoding="utf-8")
    (root / "two.txt").write_text("Vote\n\n“Fine,” said Mr Owen Hale.\n", encoding="utf-8")
    return root


def test_report_command_writes_the_page_atomically(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    code = main(["report", str(_folder(tmp_path / "in")), "-o", str(target), "--title", "Ferry"])
    out, _ = capsys.readouterr()
    assert code == 0 and out == ""
    tree = parse(target.read_text(encoding="utf-8"))
    assert tree.find("h1").text() == "Ferry"
    assert len(tree.find_all("section", "qa-article")) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "report.html"]


def test_report_command_lists_unreadable_files_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path / "in")
    (folder / "bad.txt").write_bytes(b"\xff\xfe")
    code = main(["report", str(folder), "-o", str(tmp_path / "r.html")])
    _, err = capsys.readouterr()
    assert code == 1 and "bad.txt" in err
    tree = parse((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert "bad.txt" in _section(tree, "failures").text()
    assert len(tree.find_all("section", "qa-article")) == 2


def test_summary_html_is_a_fragment_with_charts_and_top_speakers_styled_inline() -> None:
    from quoteattr.report import summary_html

    tree = parse(summary_html(CORPUS, top=1))
    assert not tree.find_all("style") and not tree.find_all("html")
    assert len(tree.find_all("div", "qa-chart")) == 4
    assert all("height" in seg.attrs["style"] for seg in tree.find_all("div", "qa-seg"))
    (row,) = tree.find("table", "qa-top").find("tbody").find_all("tr")
    assert row.find_all("td")[1].text() == "Nora Pike"


def test_getting_started_goes_from_a_folder_to_the_report_in_five_commands(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import shlex

    from conftest import REPO

    page = (REPO / "docs" / "getting-started.md").read_text(encoding="utf-8")
    block = page.split("five commands", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert len(commands) == 5 and commands[0].startswith("pip install")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").symlink_to(REPO / "examples" / "articles")
    for command in commands[1:]:
        argv = shlex.split(command)
        assert argv[0] == "quoteattr" and main(argv[1:]) == 0, command
    capsys.readouterr()
    assert (tmp_path / "speakers.csv").read_text(encoding="utf-8").startswith("speaker,key,")
    assert (tmp_path / "quotes.csv").stat().st_size > 0
    assert len(parse((tmp_path / "report.html").read_text(encoding="utf-8"))
               .find_all("section", "qa-article")) == 3


def test_report_command_refuses_a_negative_article_count(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", str(tmp_path), "--max-articles", "-1"])
    assert exc.value.code == 2 and "--max-articles" in capsys.readouterr().err
