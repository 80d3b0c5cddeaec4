"""Load shedding: a bounded number of requests at work, a short bounded wait, then 503 with Retry-After.

Without a bound, every request under load takes a thread of the pool and then
waits for one of the few database connections; at 100 connections they time
out with errors, and the backlog keeps the server slow long after the load has
stopped. Here at most `limit` requests run at once (fewer than the database
pool holds), at most `queue` more wait, each for at most `wait` seconds, and
the rest are answered after a short pause with 503 and `Retry-After`. The
backlog is never more than a second of work, so the server answers normally
as soon as the load stops.
"""

from __future__ import annotations

import asyncio
import csv
import weakref
from functools import lru_cache
from html import escape
from importlib import resources
from urllib.parse import parse_qsl

from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

RETRY_AFTER_S = 1
SHED_PAUSE_S = 0.25


class LoadShedder:
    """ASGI middleware that bounds the requests at work and sheds the excess with 503."""

    def __init__(self, app: ASGIApp, *, limit: int = 8, queue: int = 48, wait: float = 1.0) -> None:
        self.app = app
        self.limit, self.queue, self.wait = limit, queue, wait
        self.waiting = 0
        # One semaphore per event loop: test clients each run the application in a loop of their own.
        self._slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)  # files are served without the database
            return
        loop = asyncio.get_running_loop()
        slots = self._slots.get(loop)
        if slots is None:
            slots = self._slots[loop] = asyncio.Semaphore(self.limit)
        if slots.locked() and self.waiting >= self.queue:
            # A moment's pause before the answer: a client that retries at once (as load tools do) then
            # does not turn the spare CPU into a stream of 503s.
            await asyncio.sleep(SHED_PAUSE_S)
            await _busy(send)
            return
        self.waiting += 1
        try:
            await asyncio.wait_for(slots.acquire(), self.wait)
        except TimeoutError:
            await _busy(send)
            return
        finally:
            self.waiting -= 1
        try:
            await self.app(scope, receive, send)
        finally:
            slots.release()


async def _busy(send: Send) -> None:
    body = b'{"detail":"the server is busy: try again in a second"}'
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(RETRY_AFTER_S).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# --- bounds on what a request may ask ---------------------------------------------------------

MAX_VALUE_CHARS = 500
MAX_QUERY_WORDS = 30
MAX_ID_DIGITS = 18  # ids are 64-bit integers in both databases
_NUMBERS = ("page", "per_page", "limit")


@lru_cache(maxsize=1)
def _field_codes() -> frozenset[str]:
    text = resources.files("hoptac.extract").joinpath("data/fields.csv").read_text(encoding="utf-8")
    return frozenset(row["field"] for row in csv.DictReader(text.splitlines()))


def request_problem(path: str, query: str) -> tuple[int, str] | None:
    """Status and message for a request no view should see: out-of-range numbers, oversized text."""
    for segment in path.split("/"):
        if segment.isdigit() and len(segment) > MAX_ID_DIGITS:
            return 404, f"no such item: {segment[:30]}…"
    for name, value in parse_qsl(query, keep_blank_values=True):
        if len(value) > MAX_VALUE_CHARS:
            return 422, f"parameter {name[:40]} is longer than {MAX_VALUE_CHARS} characters"
        if name == "q" and len(value.split()) > MAX_QUERY_WORDS:
            return 422, f"a search takes at most {MAX_QUERY_WORDS} words"
        if name in _NUMBERS and value and not (value.isdigit() and len(value) <= 6):
            return 422, f"parameter {name} must be a whole number below 1,000,000"
        if name == "field" and value and value not in _field_codes():
            # Also keeps LIKE wildcards ("%", "_") out of the field filter.
            return 422, f"unknown field: {value[:40]}"
    return None


class RequestBounds:
    """ASGI middleware: a request with an id, number or text beyond any real one gets 404 or 422, not a 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = request_problem(scope["path"], scope.get("query_string", b"").decode("latin-1"))
            if problem is not None:
                await _answer(scope, send, *problem)
                return
        await self.app(scope, receive, send)


async def _answer(scope: Scope, send: Send, status: int, message: str) -> None:
    if scope["path"].startswith("/api/"):
        response: Response = JSONResponse({"detail": message}, status_code=status)
    else:
        response = HTMLResponse(f"<!doctype html><title>{status}</title><p>{escape(message)}</p>", status_code=status)
    await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
