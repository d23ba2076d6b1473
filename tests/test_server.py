"""`quoteattr serve`: the real server process on localhost, spoken to with a real HTTP client."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import LIBRARY_TEXT, REPO

import quoteattr
from quoteattr.cli import main
from quoteattr.output import records

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

ARTICLES = sorted((REPO / "examples" / "articles").glob("*.txt"))
PAGES_DIR = REPO / "tests" / "fixtures" / "html"
PAGES = sorted(PAGES_DIR.glob("*.html"))
BODY_LIMIT = 300_000


def _para(i: int) -> str:
    return (f"“Point {i} stands,” said Councillor Ada Quill of ward {i}. The mayor, Rui "
            f"Tavares, said that item {i} would be paid for by the board.\n\n")


#: About 1.1 MB that takes seconds to analyse: ten times the strict server's time limit.
SLOW_TEXT = "Budget night\n\n" + "".join(_para(i) for i in range(8000))


class Server:
    """A `quoteattr serve` process on a free localhost port."""

    def __init__(self, log: Path, *args: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "quoteattr", "serve", "--port", str(self.port), *args],
                stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        for _ in range(1200):  # polled every 0.1 s; startup warms the workers
            if self.proc.poll() is not None:
                pytest.fail(f"server exited: {self.log.read_text()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(self.url + "/health").status_code == 200:
                    return
            time.sleep(0.1)
        pytest.fail("server did not answer /health")

    def health(self) -> dict[str, Any]:
        result: dict[str, Any] = httpx.get(self.url + "/health").json()
        return result

    def wait_workers_ready(self) -> None:
        for _ in range(1200):
            if self.health()["restarting"] == 0:
                return
            time.sleep(0.1)
        pytest.fail("a worker was not replaced")

    def rss_kib(self) -> int:
        """Resident memory of the server process and its children."""
        pids = [self.proc.pid]
        kids = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        if kids.exists():
            pids += [int(p) for p in kids.read_text().split()]
        total = 0
        for pid in pids:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        return total

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(tmp_path_factory.mktemp("srv") / "server.log", "--workers", "2",
                 "--max-body-bytes", str(BODY_LIMIT), "--max-documents", "20",
                 "--max-concurrent", "64")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One worker, one request at a time, half a second per request."""
    srv = Server(tmp_path_factory.mktemp("strict") / "server.log", "--workers", "1",
                 "--timeout", "0.5", "--max-concurrent", "1", "--max-body-bytes", "2000000")
    yield srv
    srv.stop()


def _post(srv: Server, body: Any, **kw: Any) -> Any:
    if isinstance(body, bytes | str):
        return httpx.post(srv.url + "/extract", content=body, **kw)
    return httpx.post(srv.url + "/extract", json=body, **kw)


def _error(resp: Any, status: int, code: str) -> str:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert body["error"] == code
    message: str = body["message"]
    assert "Traceback" not in resp.text
    return message


# ---------------------------------------------------------------- valid requests


def test_extract_returns_the_records_of_the_library(server: Server) -> None:
    resp = _post(server, {"text": LIBRARY_TEXT, "doc": "library.txt"})
    assert resp.status_code == 200
    want = list(records(quoteattr.extract(LIBRARY_TEXT), "library.txt"))
    assert resp.json() == {"doc": "library.txt", "records": want}
    assert [list(r) for r in resp.json()["records"]] == [list(r) for r in want]


def test_extract_without_doc_gives_records_without_doc(server: Server) -> None:
    resp = _post(server, {"text": LIBRARY_TEXT})
    assert resp.json() == {"doc": None, "records": list(records(quoteattr.extract(LIBRARY_TEXT)))}


def test_options_are_those_of_extract(server: Server) -> None:
    options = {"kinds": ["direct", "mixed"], "min_confidence": 0.5,
               "include_headlines": True, "include_beliefs": True}
    resp = _post(server, {"text": LIBRARY_TEXT, **options})
    assert resp.status_code == 200
    assert resp.json()["records"] == list(records(quoteattr.extract(LIBRARY_TEXT, **options)))


def test_batch_jsonl_is_byte_identical_to_quoteattr_extract(
        server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(REPO / "examples" / "articles")]) == 0
    cli = capsys.readouterr().out.encode("utf-8")
    docs = [{"text": quoteattr.read_article(p), "doc": p.name} for p in ARTICLES]
    resp = _post(server, {"documents": docs}, headers={"Accept": "application/x-ndjson"})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/x-ndjson")
    assert resp.content == cli


def test_batch_json_keeps_input_order(server: Server) -> None:
    docs = [{"text": quoteattr.read_article(p), "doc": p.name} for p in reversed(ARTICLES)]
    resp = _post(server, {"documents": docs + [{"text": ""}], "kinds": ["indirect"]})
    assert resp.status_code == 200
    got = resp.json()["documents"]
    assert [d["doc"] for d in got] == [d["doc"] for d in docs] + [None]
    for d, res in zip(docs, got, strict=False):
        assert res["records"] == list(records(
            quoteattr.extract(d["text"], kinds=["indirect"]), d["doc"]))
    assert got[-1]["records"] == []


def test_health_and_openapi_describe_the_service(server: Server) -> None:
    health = server.health()
    assert health["status"] == "ok" and health["version"] == quoteattr.__version__
    assert health["limits"]["max_body_bytes"] == BODY_LIMIT
    api = httpx.get(server.url + "/openapi.json").json()
    assert {"/extract", "/extract/html", "/health"} <= set(api["paths"])
    schemas = api["components"]["schemas"]
    assert {"Document", "Batch", "DocumentItem", "QuoteRecord", "ErrorBody"} <= set(schemas)
    assert set(schemas["Document"]["properties"]) >= {"text", "doc", "kinds", "min_confidence"}
    refs = api["paths"]["/extract"]["post"]["requestBody"]["content"]["application/json"]
    assert {r["$ref"].rsplit("/", 1)[-1] for r in refs["schema"]["oneOf"]} == {
        "Document", "Batch"}


def test_openapi_describes_the_html_endpoint_and_its_answer(server: Server) -> None:
    api = httpx.get(server.url + "/openapi.json").json()
    post = api["paths"]["/extract/html"]["post"]
    refs = post["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    assert {r["$ref"].rsplit("/", 1)[-1] for r in refs} == {"HtmlDocument", "HtmlBatch"}
    assert set(post["responses"]) >= {"200", "400", "413", "422", "503", "504"}
    schemas = api["components"]["schemas"]
    assert set(schemas["HtmlDocument"]["properties"]) >= {"html", "doc", "kinds"}
    assert set(schemas["HtmlResult"]["properties"]) == {"doc", "title", "text", "records"}
    assert {"source_start", "source_end"} <= set(schemas["HtmlQuoteRecord"]["properties"])


def test_unknown_paths_and_methods_get_json_errors(server: Server) -> None:
    _error(httpx.get(server.url + "/nowhere"), 404, "not_found")
    _error(httpx.get(server.url + "/extract"), 405, "method_not_allowed")


# ---------------------------------------------------------------- web pages


def _post_html(srv: Server, body: Any, **kw: Any) -> Any:
    if isinstance(body, bytes | str):
        return httpx.post(srv.url + "/extract/html", content=body, **kw)
    return httpx.post(srv.url + "/extract/html", json=body, **kw)


def test_html_answer_is_the_page_text_and_the_records_of_extract_html(server: Server) -> None:
    page = quoteattr.read_html(PAGES[0])
    resp = _post_html(server, {"html": page.html, "doc": PAGES[0].name})
    assert resp.status_code == 200, resp.text
    want = quoteattr.extract_html(page).records(PAGES[0].name)
    assert want and resp.json() == {"doc": PAGES[0].name, "title": page.title,
                                    "text": page.text, "records": want}
    got = resp.json()
    assert [list(r) for r in got["records"]] == [list(r) for r in want]
    for rec in got["records"]:
        assert got["text"][rec["start"]:rec["end"]] == rec["text"]
        assert page.html[rec["source_start"]:rec["source_end"]]


def test_html_batch_jsonl_is_byte_identical_to_quoteattr_extract_of_the_pages(
        server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *map(str, PAGES)]) == 0
    cli = capsys.readouterr().out.encode("utf-8")
    docs = [{"html": quoteattr.read_html(p).html, "doc": p.name} for p in PAGES]
    resp = _post_html(server, {"documents": docs}, headers={"Accept": "application/x-ndjson"})
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/x-ndjson")
    assert b'"source_start": ' in cli and resp.content == cli


def test_html_batch_json_keeps_input_order_and_passes_the_options(server: Server) -> None:
    pages = [quoteattr.read_html(p) for p in reversed(PAGES)]
    docs = [{"html": p.html, "doc": f"{i}.html"} for i, p in enumerate(pages)]
    resp = _post_html(server, {"documents": [*docs, {"html": ""}], "kinds": ["direct"]})
    assert resp.status_code == 200, resp.text
    got = resp.json()["documents"]
    assert [d["doc"] for d in got] == [d["doc"] for d in docs] + [None]
    for page, d, res in zip(pages, docs, got, strict=False):
        want = quoteattr.extract_html(page, kinds=["direct"]).records(d["doc"])
        assert res == {"doc": d["doc"], "title": page.title, "text": page.text,
                       "records": want}
    assert got[-1] == {"doc": None, "title": None, "text": "", "records": []}


@pytest.mark.parametrize("body, field", [
    ({"html": 5}, "html"),
    ({"html": "<p>Hi</p>", "kinds": ["quote"]}, "kinds.0"),
    ({"documents": [{"html": "<p>Hi</p>"}, {"text": "Hi"}]}, "documents.1.html"),
    (["<p>Hi</p>"], "JSON object with 'html'"),
])
def test_html_wrong_types_get_422_naming_the_field(server: Server, body: Any,
                                                   field: str) -> None:
    message = _error(_post_html(server, json.dumps(body).encode()), 422, "invalid_request")
    assert message.startswith(field) or field in message


def test_text_sent_to_the_html_endpoint_gets_422_naming_the_text_endpoint(
        server: Server) -> None:
    message = _error(_post_html(server, {"text": LIBRARY_TEXT}), 422, "invalid_request")
    assert message.startswith("html: Field required") and "POST /extract" in message
    message = _error(_post(server, {"html": "<p>Hi</p>"}), 422, "invalid_request")
    assert message.startswith("text: Field required") and "POST /extract/html" in message


def test_html_limits_are_those_of_extract(server: Server) -> None:
    _error(_post_html(server, {"html": "x" * BODY_LIMIT}), 413, "body_too_large")
    resp = _post_html(server, {"documents": [{"html": "<p>Hi</p>"}] * 21})
    assert "limit is 20" in _error(resp, 413, "too_many_documents")
    bad = _error(_post_html(server, b'{"html": "<p>\\udc00</p>"}'), 422, "invalid_request")
    assert bad.startswith("html: contains an unpaired surrogate")
    _error(_post_html(server, b"{"), 400, "invalid_json")


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("body, where", [
    (b'{"text": "Hi', "line 1 column"),
    (b"", "empty"),
    (b'{"text": "\xff"}', "UTF-8"),
    (b"[" * 100_000, ""),
])
def test_malformed_json_gets_400_naming_the_problem(server: Server, body: bytes,
                                                    where: str) -> None:
    assert where in _error(_post(server, body), 400, "invalid_json")


@pytest.mark.parametrize("body, field", [
    ({"text": 5}, "text"),
    ({"text": None}, "text"),
    ({"txt": "Hi"}, "text"),
    ({"text": "Hi", "colour": "red"}, "colour"),
    ({"text": "Hi", "kinds": ["quote"]}, "kinds.0"),
    ({"text": "Hi", "kinds": "direct"}, "kinds"),
    ({"text": "Hi", "min_confidence": 2}, "min_confidence"),
    ({"text": "Hi", "min_confidence": "0.5"}, "min_confidence"),
    ({"text": "Hi", "include_headlines": "yes"}, "include_headlines"),
    ({"text": "Hi", "doc": 7}, "doc"),
    ({"documents": "Hi"}, "documents"),
    ({"documents": []}, "documents"),
    ({"documents": [{"text": "Hi"}, {"doc": "b.txt"}]}, "documents.1.text"),
    ({"documents": [{"text": "Hi", "kinds": ["direct"]}]}, "documents.0.kinds"),
    (["Hi"], "JSON object"),
    ("Hi", "JSON object"),
])
def test_wrong_types_get_422_naming_the_field(server: Server, body: Any, field: str) -> None:
    raw = json.dumps(body).encode()
    message = _error(_post(server, raw), 422, "invalid_request")
    assert message.startswith(field) or field in message


def test_unpaired_surrogate_gets_422(server: Server) -> None:
    resp = _post(server, b'{"documents": [{"text": "ok"}, {"text": "bad \\ud800"}]}')
    assert _error(resp, 422, "invalid_request").startswith("documents.1.text")


def test_body_over_the_limit_gets_413(server: Server) -> None:
    resp = _post(server, {"text": "x" * BODY_LIMIT})
    assert str(BODY_LIMIT) in _error(resp, 413, "body_too_large")


def test_streamed_body_over_the_limit_gets_413_without_content_length(server: Server) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(BODY_LIMIT // 1000 + 1):
            yield b"x" * 1000
        yield b'"}'

    resp = httpx.post(server.url + "/extract", content=chunks())
    assert resp.request.headers.get("transfer-encoding") == "chunked"
    _error(resp, 413, "body_too_large")


def test_too_many_documents_get_413(server: Server) -> None:
    resp = _post(server, {"documents": [{"text": "Hi"}] * 21})
    assert "limit is 20" in _error(resp, 413, "too_many_documents")


def test_server_keeps_answering_after_bad_requests(server: Server) -> None:
    for body in (b"{", b"[]", b'{"text": 1}'):
        assert _post(server, body).status_code in (400, 422)
    assert _post(server, {"text": LIBRARY_TEXT}).status_code == 200


# ---------------------------------------------------------------- concurrency and limits


def test_concurrent_requests_each_get_their_own_records(server: Server) -> None:
    texts = [quoteattr.read_article(p) for p in ARTICLES] * 6
    docs = [f"{i}.txt" for i in range(len(texts))]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda td: _post(server, {"text": td[0], "doc": td[1]}),
                            zip(texts, docs, strict=True)))
    assert [r.status_code for r in got] == [200] * len(texts)
    for resp, text, doc in zip(got, texts, docs, strict=True):
        assert resp.json()["records"] == list(records(quoteattr.extract(text), doc))


def test_slow_document_gets_504_and_the_worker_is_replaced(strict: Server) -> None:
    resp = _post(strict, {"text": SLOW_TEXT}, timeout=120)
    assert "time limit of 0.5 s" in _error(resp, 504, "timeout")
    strict.wait_workers_ready()
    ok = _post(strict, {"text": LIBRARY_TEXT}, timeout=120)
    assert ok.status_code == 200
    assert ok.json()["records"] == list(records(quoteattr.extract(LIBRARY_TEXT)))


def test_slow_page_gets_504_and_the_worker_is_replaced(strict: Server) -> None:
    strict.wait_workers_ready()
    page = "<article>" + "".join(f"<p>{p}</p>" for p in SLOW_TEXT.split("\n\n")) + "</article>"
    resp = _post_html(strict, {"html": page}, timeout=120)
    assert "time limit of 0.5 s" in _error(resp, 504, "timeout")
    strict.wait_workers_ready()
    ok = _post_html(strict, {"html": f"<p>{LIBRARY_TEXT}</p>"}, timeout=120)
    assert ok.status_code == 200 and ok.json()["records"]


def test_requests_beyond_the_concurrency_limit_get_503(strict: Server) -> None:
    strict.wait_workers_ready()
    slow: list[Any] = []
    worker = threading.Thread(target=lambda: slow.append(
        _post(strict, {"text": SLOW_TEXT}, timeout=120)))
    worker.start()
    for _ in range(10_000):
        if strict.health()["in_flight"] == 1 or slow:
            break
    busy = _post(strict, {"text": LIBRARY_TEXT})
    worker.join()
    assert not slow or slow[0].status_code == 504
    _error(busy, 503, "busy")
    assert busy.headers["retry-after"] == "1"


# ---------------------------------------------------------------- load


def test_load_2000_requests_from_8_clients_without_errors_or_memory_growth(
        server: Server) -> None:
    text = quoteattr.read_article(ARTICLES[0])
    want = list(records(quoteattr.extract(text), "a.txt"))
    body = json.dumps({"text": text, "doc": "a.txt"}).encode()

    def client(n: int) -> list[int]:
        bad = []
        with httpx.Client(base_url=server.url) as c:
            for _ in range(n):
                r = c.post("/extract", content=body)
                if r.status_code != 200 or r.json()["records"] != want:
                    bad.append(r.status_code)
        return bad

    with ThreadPoolExecutor(8) as pool:  # warm-up: connections, caches, allocator
        assert sum(pool.map(client, [25] * 8), []) == []
    before = server.rss_kib()
    started = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        errors = sum(pool.map(client, [250] * 8), [])
    secs = time.perf_counter() - started
    after = server.rss_kib()
    print(f"\nload: 2000 requests, 8 clients: {2000 / secs:.0f} req/s; "
          f"RSS {before / 1024:.1f} -> {after / 1024:.1f} MiB")
    assert errors == []
    assert after - before < 20 * 1024  # KiB: no growth beyond allocator noise


def test_serve_without_the_server_extra_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "quoteattr.server", None)
    assert main(["serve"]) == 2
    assert "pip install 'quoteattr[server]'" in capsys.readouterr().err


def test_serve_rejects_non_positive_limits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--timeout", "0"])
    assert "must be more than 0" in capsys.readouterr().err


def test_dockerfile_installs_the_server_extra_and_runs_a_valid_serve_command() -> None:
    from quoteattr.cli import build_parser

    lines = (REPO / "Dockerfile").read_text(encoding="utf-8").splitlines()
    copied = [w for line in lines if line.startswith("COPY ") for w in line.split()[1:-1]]
    assert copied and all((REPO / w).exists() for w in copied)
    assert any("pip install '.[server]'" in line for line in lines)
    (cmd,) = [json.loads(line[4:]) for line in lines if line.startswith("CMD ")]
    assert cmd[:2] == ["quoteattr", "serve"]
    args = build_parser().parse_args(cmd[1:])
    assert (args.host, args.port) == ("0.0.0.0", 8000)


def test_warm_up_builds_the_sentence_tokenizer_so_a_first_request_does_not_import_nltk() -> None:
    code = ("import sys; from quoteattr import worker; worker.warm_up(); "
            "from quoteattr import segmentation; "
            "print(segmentation._TOKENIZER is not None, 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    assert out.stdout.split() == ["True", "True"]
