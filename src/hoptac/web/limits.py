"""Load shedding: a bounded number of requests at work, a short bounded wait, then 503 with Retry-After.

Without a bound, every request under load takes a thread of the pool and then
waits for one of the few database connections; at 100 connections they time
out with errors, and the backlog keeps the server slow long after the load has
stopped. Here at most `limit` requests run at once (fewer than the database
pool holds), at most `queue` more wait, each for at most `wait` seconds, and
the rest are answered at once with 503 and `Retry-After`. The backlog is never
more than a second of work, so the server answers normally as soon as the load
stops.
"""

from __future__ import annotations

import asyncio
import weakref

from starlette.types import ASGIApp, Receive, Scope, Send

RETRY_AFTER_S = 1


class LoadShedder:
    """ASGI middleware that bounds the requests at work and sheds the excess with 503."""

    def __init__(self, app: ASGIApp, *, limit: int = 8, queue: int = 64, wait: float = 1.0) -> None:
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
