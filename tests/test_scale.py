"""docs/scale.md's examples run and give what plain extract gives: Dask on its local schedulers
and on a ``dask.distributed`` LocalCluster, Spark's pandas function alone and on a local-mode
Spark session."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

import quoteattr
from quoteattr.output import FIELDS, trail_text

TEXTS = {
    "01_market.txt": "Market reopens\n\n“The stalls are back,” said Nell Ashby. “Come early.”\n",
    "02_bridge.txt": "Bridge shut\n\nEngineer Rui Tavares said the bridge would reopen in May.\n",
    "03_quiet.txt": "Weather\n\nA calm, dry week is expected across the valley.\n",
    "sub/04_choir.txt": "Choir wins\n\n‘We sang our hearts out,’ she said, holding the cup.\n",
}


def _doc_block(marker: str) -> str:
    doc = (REPO / "docs" / "scale.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- test: {marker} -->\s*```python\n(.*?)```", doc, re.S)
    assert m, f"docs/scale.md has a python block marked {marker}"
    return m.group(1)


def _corpus(root: Path) -> None:
    for name, text in TEXTS.items():
        path = root / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "corpus" / "05_latin.txt").write_bytes("“Olé,” he said.".encode("cp1252"))


def _expected() -> list[dict[str, Any]]:
    out = []
    for name in sorted(TEXTS, key=lambda n: n):
        out += [q.to_dict(Path(name).name) for q in quoteattr.extract(TEXTS[name])]
    return out


def _key(rec: dict[str, Any]) -> tuple[str, int]:
    return rec["doc"], rec.get("start", -1)


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_example_writes_the_records_plain_extract_gives(
        scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.bag")
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    code = _doc_block("dask")
    with dask.config.set(scheduler=scheduler):
        exec(compile(code, "docs/scale.md", "exec"), {"__name__": "scale_doc"})
    lines = [line for p in sorted((tmp_path / "quotes").glob("part-*.jsonl"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    got = [json.loads(line) for line in lines]
    errors = [r for r in got if "error" in r]
    assert [r["doc"] for r in errors] == ["05_latin.txt"]
    assert "UTF-8" in errors[0]["error"]
    quotes = [r for r in got if "error" not in r]
    assert sorted(quotes, key=_key) == sorted(_expected(), key=_key)
    assert all(list(r) == list(FIELDS) for r in quotes)


def test_dask_process_scheduler_returns_articles_equal_to_plain_analyze() -> None:
    dask = pytest.importorskip("dask")
    db = pytest.importorskip("dask.bag")
    texts = list(TEXTS.values())
    bag = db.from_sequence(texts, npartitions=2).map(quoteattr.analyze)
    with dask.config.set(scheduler="processes"):
        articles = bag.compute()
    assert articles == [quoteattr.analyze(t) for t in texts]


def test_extract_results_pickle_to_equal_objects() -> None:
    for text in TEXTS.values():
        quotes = quoteattr.extract(text)
        back = pickle.loads(pickle.dumps(quotes))
        assert back == quotes
        assert type(back) is type(quotes)
        article = quoteattr.analyze(text)
        assert pickle.loads(pickle.dumps(article)) == article


def test_spark_quotes_of_gives_the_records_plain_extract_gives() -> None:
    pd = pytest.importorskip("pandas")
    namespace: dict[str, Any] = {"__name__": "scale_doc"}
    exec(compile(_doc_block("spark"), "docs/scale.md", "exec"), namespace)
    files = pd.DataFrame({
        "path": [f"file:/data/corpus/{name}" for name in TEXTS] + ["file:/data/x/05_latin.txt"],
        "content": [t.encode() for t in TEXTS.values()] + ["“Olé.”".encode("cp1252")],
    })
    batches = list(namespace["quotes_of"](iter([files.iloc[:2], files.iloc[2:]])))
    assert all(str(b["start"].dtype) == "Int64" for b in batches)
    got = [{k: None if v is pd.NA else v for k, v in rec.items()}
           for rec in pd.concat(batches).to_dict("records")]
    expected = [rec | {"trail": trail_text(rec["trail"])} for rec in _expected()]
    assert sorted(got, key=_key) == sorted(expected, key=_key)


def test_spark_quotes_of_keeps_missing_offsets_as_nulls() -> None:
    pd = pytest.importorskip("pandas")
    namespace: dict[str, Any] = {"__name__": "scale_doc"}
    exec(compile(_doc_block("spark"), "docs/scale.md", "exec"), namespace)
    no_speaker = quoteattr.Quote("Hi", 0, 2, quoteattr.QuoteKind.DIRECT, None, None, None, 0.5,
                                 quoteattr.Provenance("x"))
    namespace["quoteattr"] = type("Stub", (), {
        "decode": staticmethod(quoteattr.decode),
        "extract": staticmethod(lambda text: [no_speaker]),
    })
    (batch,) = namespace["quotes_of"](iter([pd.DataFrame({"path": ["a.txt"],
                                                           "content": [b"Hi"]})]))
    assert batch["cue_start"].isna().all() and str(batch["cue_start"].dtype) == "Int64"


def test_spark_schema_lists_the_record_fields_in_order() -> None:
    namespace: dict[str, Any] = {"__name__": "scale_doc"}
    pytest.importorskip("pandas")
    exec(compile(_doc_block("spark"), "docs/scale.md", "exec"), namespace)
    names = [part.split()[0] for part in namespace["QUOTE_SCHEMA"].split(",")]
    assert names == list(FIELDS)


# ---------------------------------------------------------------- real engines


def _written_records(folder: Path) -> list[dict[str, Any]]:
    lines = [line for p in sorted(folder.glob("part-*.jsonl"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    return [json.loads(line) for line in lines]


def test_dask_example_on_a_local_cluster_of_worker_processes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    _corpus(tmp_path)
    elsewhere = tmp_path / "workers"  # the workers' folder is not the client's, as on a cluster
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        monkeypatch.chdir(tmp_path)
        workers = set(client.scheduler_info()["workers"])
        worker_pids = set(client.run(os.getpid).values())
        assert len(workers) == 2 and os.getpid() not in worker_pids
        with distributed.get_task_stream(client) as stream:
            exec(compile(_doc_block("dask"), "docs/scale.md", "exec"), {"__name__": "scale_doc"})
        ran_on = {task["worker"] for task in stream.data}
        texts = list(TEXTS.values())
        db = pytest.importorskip("dask.bag")
        articles = db.from_sequence(texts, npartitions=2).map(quoteattr.analyze).compute()
    assert ran_on and ran_on <= workers
    got = _written_records(tmp_path / "quotes")
    assert [r["doc"] for r in got if "error" in r] == ["05_latin.txt"]
    quotes = [r for r in got if "error" not in r]
    assert sorted(quotes, key=_key) == sorted(_expected(), key=_key)
    assert all(list(r) == list(FIELDS) for r in quotes)
    assert articles == [quoteattr.analyze(t) for t in texts]


#: A short-lived JVM: the quick JIT tier only, which halves the session's start-up.
JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
def test_spark_example_on_a_local_spark_session(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs a Java runtime (.ci/run installs one)")
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (sql.SparkSession.builder.master("local[2]").appName("quoteattr-test")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.extraJavaOptions", JVM_OPTIONS)
             .getOrCreate())
    try:
        namespace: dict[str, Any] = {"__name__": "scale_doc"}
        exec(compile(_doc_block("spark"), "docs/scale.md", "exec"), namespace)
        exec(compile(_doc_block("spark-session"), "docs/scale.md", "exec"), namespace)
        rows = [row.asDict() for row in spark.read.parquet("quotes.parquet").collect()]
        columns = spark.read.parquet("quotes.parquet").columns
    finally:
        spark.stop()
    assert columns == list(FIELDS)
    expected = [rec | {"trail": trail_text(rec["trail"])} for rec in _expected()]
    assert sorted(rows, key=_key) == sorted(expected, key=_key)
