"""Polite HTTP: robots.txt, a pause between requests to one host, conditional GET,
bounded retries, timeouts and a size limit.

`Fetcher.get` returns a `Response` for 2xx and 304 answers and raises `FetchError`
(a one-line message) for everything else, after retrying what may pass: timeouts,
dropped connections, 429 and 5xx answers.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

import hoptac

USER_AGENT = f"hoptac/{hoptac.__version__} (+https://github.com/hoptac)"
# A robots.txt Crawl-delay above this is taken as this: beyond it a host could stall a run.
MAX_CRAWL_DELAY = 60.0
MAX_RETRY_AFTER = 60.0
# RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt.
ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True)
class FetchOptions:
    delay: float = 1.0  # seconds between the end of one request to a host and the start of the next
    timeout: float = 20.0  # seconds for connecting and for each read
    max_seconds: float = 120.0  # a whole response, however it trickles in
    max_bytes: int = 5_000_000
    retries: int = 2  # further attempts after the first
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 2xx, or 304 for "not modified"
    content: bytes
    headers: httpx.Headers

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class FetchError(Exception):
    """A URL that gave no usable answer. `transient`: worth asking again later."""

    def __init__(self, message: str, *, status: int | None = None, transient: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.transient = transient


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: no rules, everything allowed
    blocked: str | None = None  # set when robots.txt could not be read: the host is left alone
    delay: float = 0.0


@dataclass
class Fetcher:
    """One crawl run's HTTP client; robots.txt is read once per host and run."""

    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    _client: httpx.Client = field(init=False)
    _robots: dict[str, _Robots] = field(init=False, default_factory=dict)
    _last: dict[str, float] = field(init=False, default_factory=dict)
    requests: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self._client = httpx.Client(
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=True,
            max_redirects=5,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # --- robots.txt ------------------------------------------------------------------

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        robots = self._robots.get(host)
        if robots is not None:
            return robots
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            response = self._get(robots_url, {}, ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                robots = _Robots(None)  # RFC 9309: no robots.txt, no rules
            else:
                # RFC 9309: an unreachable robots.txt means the site is off limits for now.
                robots = _Robots(None, blocked=f"robots.txt unreachable ({exc.message})")
        else:
            parser = RobotFileParser(robots_url)
            text = response.content.decode("utf-8", errors="replace")
            parser.parse(text.splitlines())
            delay = parser.crawl_delay(self.options.user_agent)
            robots = _Robots(parser, delay=min(float(delay or 0), MAX_CRAWL_DELAY))
        self._robots[host] = robots
        return robots

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids `url` to our user agent, or None when it may be fetched."""
        robots = self._robots_for(url)
        if robots.blocked:
            return robots.blocked
        if robots.parser is not None and not robots.parser.can_fetch(self.options.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps that the robots.txt of `url`'s host names."""
        robots = self._robots_for(url)
        return list(robots.parser.site_maps() or []) if robots.parser is not None else []

    # --- requests --------------------------------------------------------------------

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, *, max_bytes: int | None = None
    ) -> Response:
        """GET `url`, conditionally when validators of an earlier answer are given.
        `max_bytes` overrides the options' limit (sitemaps may reach 50 MB)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, max_bytes or self.options.max_bytes)

    def _pause(self, host: str) -> None:
        robots = self._robots.get(host)
        delay = max(self.options.delay, robots.delay if robots else 0.0)
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)

    def _get(self, url: str, headers: dict[str, str], limit: int) -> Response:
        host = host_of(url)
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            self._pause(host)
            try:
                return self._once(url, headers, limit)
            except FetchError as exc:
                if not exc.transient or attempt == attempts - 1:
                    if exc.transient and attempts > 1:
                        exc.message = f"{exc.message} (after {attempts} attempts)"
                        exc.args = (exc.message,)
                    raise
                wait = self.options.backoff * 2**attempt
                if isinstance(exc.__cause__, _RetryAfter):
                    wait = max(wait, min(exc.__cause__.seconds, MAX_RETRY_AFTER))
                self.sleep(wait)
            finally:
                self._last[host] = time.monotonic()
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], limit: int) -> Response:
        self.requests += 1
        deadline = time.monotonic() + self.options.max_seconds
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status == 304:
                    return Response(str(response.url), 304, b"", response.headers)
                if status == 429 or status >= 500:
                    wait = _retry_after(response)
                    cause = _RetryAfter(wait) if wait is not None else None
                    raise FetchError(f"HTTP {status}", status=status, transient=True) from cause
                if not 200 <= status < 300:
                    raise FetchError(f"HTTP {status}", status=status)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"response larger than {limit} bytes ({declared} declared)", status=status)
                chunks = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"response larger than {limit} bytes", status=status)
                    if time.monotonic() > deadline:
                        raise FetchError(f"response took over {self.options.max_seconds:g} s", transient=True)
                    chunks.append(chunk)
                return Response(str(response.url), status, b"".join(chunks), response.headers)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.options.timeout:g} s", transient=True) from None
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"bad URL ({_reason(exc)})") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"cannot decode the response ({_reason(exc)})") from None
        except httpx.TransportError as exc:
            raise FetchError(f"connection failed ({_reason(exc)})", transient=True) from None


class _RetryAfter(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds
