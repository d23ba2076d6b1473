"""quoteattr as an HTTP service (FastAPI on uvicorn): ``quoteattr serve``.

Needs the ``server`` extra (``pip install 'quoteattr[server]'``). Endpoints:

- ``POST /extract``: ``{"text": ..., "doc": ..., options}`` or ``{"documents": [{"text": ...,
  "doc": ...}, ...], options}``; the options are those of :func:`quoteattr.extract`. The
  answer holds the records of ``quoteattr extract``; with ``Accept: application/x-ndjson``
  it is their JSONL, byte for byte what the command writes.
- ``POST /extract/html``: the same for web pages, ``{"html": ..., "doc": ..., options}`` or
  ``{"documents": [{"html": ..., "doc": ...}, ...], options}``. Each page's main text is
  found as :func:`quoteattr.extract_html` finds it; the answer gives, per page, its
  ``title``, that ``text`` (which the records' offsets index) and the records of
  ``quoteattr extract page.html``, with ``source_start``/``source_end`` (indices into the
  ``html`` string sent). The JSONL answer is the records only, as the command writes them.
- ``GET /health``; ``GET /openapi.json`` (and ``/docs``) describe the API.

Limits (:class:`Settings`), the same for both endpoints: body size (``Content-Length`` and
the bytes actually streamed), documents per batch, requests admitted at once (503 beyond),
and a time limit per request (504). Analysis (HTML reading included) runs in ``workers``
separate processes, one request at a time each; a process that overruns the time limit is
killed and replaced, so a slow document cannot hold a worker. Every error is a JSON object
``{"error": CODE, "message": TEXT}`` (``details`` lists the offending fields), never a
traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import multiprocessing.pool
import os
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any, Literal

import attrs
from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException

from . import __version__
from .output import to_jsonl
from .worker import analyse_jobs, analyse_pages, warm_up

__all__ = ["ApiError", "Settings", "create_app", "serve"]

Record = dict[str, Any]
Job = tuple[str, str | None]  # (text or HTML, doc)
#: What an analysis process runs on a request's jobs (see :mod:`quoteattr.worker`).
Task = Callable[[Sequence[Job], dict[str, Any]], list[Any]]
JSONL_TYPES = ("application/x-ndjson", "application/jsonl")


@attrs.frozen
class Settings:
    """Limits of one server; see ``quoteattr serve --help``."""

    workers: int = attrs.field(factory=lambda: os.cpu_count() or 1)
    max_body_bytes: int = 5 * 2**20
    timeout: float = 30.0
    max_concurrent: int = 32
    max_documents: int = 1000


class ApiError(Exception):
    """An error answer: HTTP ``status``, a short ``code`` and a message naming the problem."""

    def __init__(self, status: int, code: str, message: str,
                 details: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.details:
            body["details"] = self.details
        headers = {"Retry-After": "1"} if self.status == 503 else None
        return JSONResponse(body, status_code=self.status, headers=headers)


# ---------------------------------------------------------------- request bodies


class Options(BaseModel):
    """The options of :func:`quoteattr.extract`; the same for every document of a request."""

    model_config = ConfigDict(extra="forbid", strict=True)
    include_headlines: bool = False
    include_beliefs: bool = False
    kinds: list[Literal["direct", "mixed", "indirect"]] | None = None
    min_confidence: float = Field(0.0, ge=0.0, le=1.0)


class DocumentItem(BaseModel):
    """One document of a batch: its text and an optional name (the records' ``doc``)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str
    doc: str | None = None


class Document(Options):
    """One document: ``text``, an optional ``doc`` name, and the options."""

    text: str
    doc: str | None = None

    def jobs(self) -> list[Job]:
        return [(self.text, self.doc)]


class Batch(Options):
    """Several documents analysed with the same options; answered in input order."""

    documents: list[DocumentItem] = Field(min_length=1)

    def jobs(self) -> list[Job]:
        return [(d.text, d.doc) for d in self.documents]


class HtmlDocumentItem(BaseModel):
    """One page of a batch: its HTML and an optional name (the records' ``doc``)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    html: str
    doc: str | None = None


class HtmlDocument(Options):
    """One web page: ``html`` (the page's source), an optional ``doc`` name, the options."""

    html: str
    doc: str | None = None

    def jobs(self) -> list[Job]:
        return [(self.html, self.doc)]


class HtmlBatch(Options):
    """Several pages analysed with the same options; answered in input order."""

    documents: list[HtmlDocumentItem] = Field(min_length=1)

    def jobs(self) -> list[Job]:
        return [(d.html, d.doc) for d in self.documents]


@attrs.frozen
class Form:
    """What an endpoint reads: the field of a document's content and the two body models."""

    field: str
    single: type[Document] | type[HtmlDocument]
    batch: type[Batch] | type[HtmlBatch]
    other: str  # the other endpoint's field, and where a body with it belongs
    other_path: str


TEXT_FORM = Form("text", Document, Batch, "html", "/extract/html")
HTML_FORM = Form("html", HtmlDocument, HtmlBatch, "text", "/extract")


# ---------------------------------------------------------------- analysis processes


def _settle(fut: asyncio.Future[Any], value: Any, error: BaseException | None) -> None:
    if fut.done():  # the request gave up (time limit)
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(value)


class _Slot:
    """One analysis process, running one request at a time."""

    def __init__(self, ctx: Any) -> None:
        self._ctx = ctx
        self.pool: multiprocessing.pool.Pool = ctx.Pool(1)

    def warm(self) -> None:
        """Wait until the process has started and run the pipeline once."""
        self.pool.apply(warm_up)

    def submit(self, task: Task, jobs: Sequence[Job],
               options: dict[str, Any]) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Any] = loop.create_future()
        self.pool.apply_async(
            task, (jobs, options),
            callback=lambda v: loop.call_soon_threadsafe(_settle, fut, v, None),
            error_callback=lambda e: loop.call_soon_threadsafe(_settle, fut, None, e),
        )
        return fut

    def restart(self) -> None:
        """Kill the process (and what it was doing) and start a fresh one."""
        self.pool.terminate()
        self.pool.join()
        self.pool = self._ctx.Pool(1)
        self.warm()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class _Crew:
    """The analysis processes: the idle ones and those restarting in the background."""

    def __init__(self) -> None:
        self.restarting = 0
        self.slots: list[_Slot] = []
        self.idle: asyncio.Queue[_Slot] = asyncio.Queue()
        self._restarts: set[asyncio.Task[None]] = set()

    async def start(self, workers: int) -> None:
        """Start ``workers`` processes and wait until each has run the pipeline once."""
        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.slots = [_Slot(ctx) for _ in range(max(1, workers))]
        await asyncio.gather(*(asyncio.to_thread(slot.warm) for slot in self.slots))
        for slot in self.slots:
            self.idle.put_nowait(slot)

    def stop(self) -> None:
        for slot in self.slots:
            slot.close()

    def replace(self, slot: _Slot) -> None:
        """Restart ``slot``'s process in the background; it is idle again once warm."""
        async def restart() -> None:
            self.restarting += 1
            try:
                await asyncio.to_thread(slot.restart)
            finally:
                self.restarting -= 1
            self.idle.put_nowait(slot)

        task = asyncio.get_running_loop().create_task(restart())
        self._restarts.add(task)
        task.add_done_callback(self._restarts.discard)


class Service:
    """The admission count and the time limit in front of a :class:`_Crew` of processes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.admitted = 0
        self.crew = _Crew()

    async def start(self) -> None:
        """Start the analysis processes and wait until each has run the pipeline once."""
        await self.crew.start(self.settings.workers)

    def stop(self) -> None:
        self.crew.stop()

    async def run(self, jobs: Sequence[Job], options: dict[str, Any],
                  task: Task = analyse_jobs) -> list[Any]:
        """What ``task`` gives for each job (:func:`~quoteattr.worker.analyse_jobs`: its
        records), or an :class:`ApiError` (busy, time limit, crash)."""
        if self.admitted >= self.settings.max_concurrent:
            raise ApiError(503, "busy", f"the server is analysing its limit of "
                           f"{self.settings.max_concurrent} requests; retry shortly")
        self.admitted += 1
        try:
            return await self._run_admitted(task, jobs, options)
        finally:
            self.admitted -= 1

    async def _run_admitted(self, task: Task, jobs: Sequence[Job],
                            options: dict[str, Any]) -> list[Any]:
        limit = self.settings.timeout
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        try:
            slot = await asyncio.wait_for(self.crew.idle.get(), limit)
        except TimeoutError:
            raise _timeout(limit) from None
        try:
            remaining = max(deadline - loop.time(), 0.0)
            result: list[Any] = await asyncio.wait_for(slot.submit(task, jobs, options),
                                                       remaining)
        except TimeoutError:
            self.crew.replace(slot)
            raise _timeout(limit) from None
        except Exception as exc:  # the worker died or the analysis raised
            self.crew.replace(slot)
            raise ApiError(500, "analysis_failed",
                           f"the analysis failed: {type(exc).__name__}") from None
        except asyncio.CancelledError:  # the server is stopping or the task was cancelled
            self.crew.replace(slot)
            raise
        self.crew.idle.put_nowait(slot)
        return result


def _timeout(limit: float) -> ApiError:
    return ApiError(504, "timeout", f"the analysis took longer than the time limit of "
                    f"{limit:g} s per request; send shorter or fewer documents")


# ---------------------------------------------------------------- reading a request


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed ``limit`` bytes."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        raise _too_large(limit) if length.isdigit() else ApiError(
            400, "bad_request", "the Content-Length header is not a number")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"the request body is larger than the limit of "
                    f"{limit} bytes; split the documents over several requests")


def parse_json(body: bytes) -> Any:
    """The JSON value of ``body`` (UTF-8), or a 400 naming the problem."""
    if not body.strip():
        raise ApiError(400, "invalid_json", "the request body is empty; send a JSON object")
    try:
        return json.loads(body)
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_json", f"the body is not UTF-8: {exc.reason} "
                       f"at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {exc.msg} at line "
                       f"{exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "the body is nested too deeply") from None


def _field(loc: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in loc) or "(body)"


def _details(exc: ValidationError) -> list[dict[str, str]]:
    return [{"field": _field(e["loc"]), "message": e["msg"]} for e in exc.errors()]


def _check_unicode(jobs: Sequence[Job], batch: bool, field: str = "text") -> None:
    for i, (text, doc) in enumerate(jobs):
        for name, value in ((field, text), ("doc", doc)):
            try:
                (value or "").encode("utf-8")
            except UnicodeEncodeError:
                where = f"documents.{i}.{name}" if batch else name
                raise ApiError(422, "invalid_request", f"{where}: contains an unpaired "
                               "surrogate escape, which is not Unicode text") from None


def _message(details: list[dict[str, str]], data: dict[str, Any], form: Form) -> str:
    """The first problem; for a body meant for the other endpoint, where to send it."""
    first = details[0]
    message = f"{first['field']}: {first['message']}"
    if first["field"] == form.field and form.other in data:
        message += f"; a body with '{form.other}' goes to POST {form.other_path}"
    return message


def validate(data: Any, max_documents: int, form: Form = TEXT_FORM
             ) -> tuple[list[Job], dict[str, Any], bool]:
    """(jobs, options, is_batch) of a parsed body, or a 4xx naming the bad field."""
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", f"the body must be a JSON object with "
                       f"'{form.field}' or 'documents', not {type(data).__name__}")
    batch = "documents" in data
    try:
        req = (form.batch if batch else form.single).model_validate(data)
    except ValidationError as exc:
        details = _details(exc)
        raise ApiError(422, "invalid_request", _message(details, data, form),
                       details) from None
    jobs = req.jobs()
    if batch and len(jobs) > max_documents:
        raise ApiError(413, "too_many_documents", f"{len(jobs)} documents; "
                       f"the limit is {max_documents} per request")
    _check_unicode(jobs, batch, form.field)
    options = req.model_dump(include=set(Options.model_fields))
    return jobs, options, batch


def _wants_jsonl(request: Request) -> bool:
    accept = request.headers.get("accept", "").lower()
    return any(t in accept for t in JSONL_TYPES)


def respond(request: Request, jobs: Sequence[Job], results: Sequence[list[Record]],
            batch: bool) -> Response:
    """JSON (``records``, or ``documents`` for a batch), or JSONL when asked for."""
    return _answer(request, [{"doc": doc, "records": recs}
                             for (_, doc), recs in zip(jobs, results, strict=True)], batch)


def respond_pages(request: Request, jobs: Sequence[Job], results: Sequence[dict[str, Any]],
                  batch: bool) -> Response:
    """As :func:`respond`, each page's answer with its ``title`` and ``text``."""
    return _answer(request, [{"doc": doc, "title": res["title"], "text": res["text"],
                              "records": res["records"]}
                             for (_, doc), res in zip(jobs, results, strict=True)], batch)


def _answer(request: Request, documents: list[dict[str, Any]], batch: bool) -> Response:
    """The JSONL of every document's records when asked for, else the JSON answer."""
    if _wants_jsonl(request):
        body = to_jsonl([rec for d in documents for rec in d["records"]])
        return Response(body.encode("utf-8"), media_type="application/x-ndjson")
    if not batch:
        return JSONResponse(documents[0])
    return JSONResponse({"documents": documents})


# ---------------------------------------------------------------- the application


class QuoteRecord(BaseModel):
    """One quote record, as in docs/output-format.md (``doc`` only when the request named it)."""

    doc: str | None = None
    kind: Literal["direct", "mixed", "indirect"]
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_type: str | None
    speaker_gender: Literal["f", "m"] | None = None
    speaker_gender_evidence: Literal["honorific", "role", "pronoun"] | None = None
    speaker_roles: list[str] | None = None
    speaker_mention: str | None
    speaker_mention_start: int | None
    speaker_mention_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    confidence: float
    rule: str
    speaker_rule: str | None


class Result(BaseModel):
    """The records of one document, in text order."""

    doc: str | None
    records: list[QuoteRecord]


class BatchResultBody(BaseModel):
    """The results of a batch, in input order."""

    documents: list[Result]


class HtmlQuoteRecord(QuoteRecord):
    """A quote record of a page: offsets index the page's ``text``; ``source_start`` and
    ``source_end`` (right after ``end`` in the answer) are the quote's range in the
    ``html`` sent, from the source of its first character to the end of its last's."""

    source_start: int
    source_end: int


class HtmlResult(BaseModel):
    """One page: its ``<title>``, its main text (which the offsets index), its records."""

    doc: str | None
    title: str | None
    text: str
    records: list[HtmlQuoteRecord]


class HtmlBatchResultBody(BaseModel):
    """The results of a batch of pages, in input order."""

    documents: list[HtmlResult]


class ErrorBody(BaseModel):
    """Every error answer."""

    error: str
    message: str
    details: list[dict[str, str]] | None = None


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text} for code, text in (
        (400, "The body is not JSON"), (413, "The body or the batch is too large"),
        (422, "A field is missing or has the wrong type"), (503, "Too many requests at once"),
        (504, "The analysis overran the time limit"))
}


def _request_body_schema(form: Form) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "oneOf": [{"$ref": f"#/components/schemas/{form.single.__name__}"},
                  {"$ref": f"#/components/schemas/{form.batch.__name__}"}]}}}}}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description plus the schemas of the bodies read by hand."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version,
                             description=app.description, routes=app.routes)
        defs = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (Document, Batch, HtmlDocument, HtmlBatch):
            body = model.model_json_schema(ref_template="#/components/schemas/{model}")
            defs.update(body.pop("$defs", {}))
            defs[model.__name__] = body
        app.openapi_schema = schema
    return app.openapi_schema


def _error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return exc.response()

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return ApiError(exc.status_code, code, str(exc.detail)).response()

    async def crash(request: Request, exc: Exception) -> Response:
        return ApiError(500, "internal_error", "unexpected server error").response()

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, crash)


def _routes(app: FastAPI, service: Service) -> None:
    settings = service.settings

    @app.post("/extract", openapi_extra=_request_body_schema(TEXT_FORM),
              responses={200: {"model": Result | BatchResultBody,
                               "content": {"application/x-ndjson": {}}}, **_ERRORS})
    async def extract(request: Request) -> Response:
        """The quote records of one document (`text`) or of a batch (`documents`)."""
        body = await read_body(request, settings.max_body_bytes)
        jobs, options, batch = validate(parse_json(body), settings.max_documents)
        results = await service.run(jobs, options)
        return respond(request, jobs, results, batch)

    @app.post("/extract/html", openapi_extra=_request_body_schema(HTML_FORM),
              responses={200: {"model": HtmlResult | HtmlBatchResultBody,
                               "content": {"application/x-ndjson": {}}}, **_ERRORS})
    async def extract_html(request: Request) -> Response:
        """The main text and quote records of one web page (`html`) or of a batch
        (`documents`); records carry `source_start`/`source_end` into the HTML."""
        body = await read_body(request, settings.max_body_bytes)
        jobs, options, batch = validate(parse_json(body), settings.max_documents, HTML_FORM)
        results = await service.run(jobs, options, analyse_pages)
        return respond_pages(request, jobs, results, batch)

    @app.get("/health")
    async def health() -> dict[str, Any]:
        """Liveness, the version, requests in flight, workers being replaced, the limits."""
        return {"status": "ok", "version": __version__, "in_flight": service.admitted,
                "workers": len(service.crew.slots), "restarting": service.crew.restarting,
                "limits": attrs.asdict(settings)}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI application; its analysis processes start and stop with it."""
    service = Service(settings or Settings())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(title="quoteattr", version=__version__, lifespan=lifespan,
                  description="Who said what in English news articles: quotes and speakers.")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    _error_handlers(app)
    _routes(app, service)
    return app


def serve(host: str, port: int, settings: Settings, log_level: str = "info") -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level,
                access_log=log_level == "debug")
