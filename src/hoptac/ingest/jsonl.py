"""JSON Lines corpora, plain or gzipped: one article per line, streamed.

With `results=True` a line may also be an extraction result, as `hoptac
extract --format jsonl` or `--out` writes it (an object whose "article" is an
object): it is validated and passed on as an `ArticleResult`, so stored
results need no second extraction.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from pydantic import ValidationError

from hoptac.ingest.common import Rejected, is_vietnamese, looks_binary, size_label
from hoptac.models import MAX_OUTLET, MAX_SOURCE, MAX_URL, ArticleResult, Document
from hoptac.textnorm import normalize, squeeze


def _str(obj: dict, *keys: str) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


def _authors(obj: dict) -> list[str]:
    value = obj.get("authors", obj.get("author"))
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list):
        return []
    return [squeeze(normalize(a)) for a in value if isinstance(a, str) and a.strip()]


def _result(name: str, lineno: int, obj: dict) -> ArticleResult | Rejected:
    try:
        return ArticleResult.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "line"
        more = f" and {exc.error_count() - 1} more" if exc.error_count() > 1 else ""
        return Rejected(name, f"line {lineno}: not a valid extraction result ({where}: {first['msg']}{more})")


def bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """The lines of `stream`, each read with a bound: None for a line over `max_bytes`, skipped unread."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _unicode_problem(obj: object) -> str | None:
    """Why the strings of a decoded line cannot be stored as text: a NUL or a lone surrogate."""
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            if "\x00" in node:
                return "NUL character in a string"
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                return "lone surrogate in a string (not valid Unicode)"
    return None


def _article(
    name: str, lineno: int, line: bytes | None, max_bytes: int, results: bool = False
) -> Document | ArticleResult | Rejected | None:
    if line is None or len(line) > max_bytes:
        return Rejected(name, f"line {lineno}: {size_label(max_bytes)}")
    try:
        text = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError:
        return Rejected(name, f"line {lineno}: not UTF-8")
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        return Rejected(name, f"line {lineno}: not JSON")
    except RecursionError:
        return Rejected(name, f"line {lineno}: not JSON (nested too deep)")
    except ValueError as exc:  # an integer of more digits than Python converts
        return Rejected(name, f"line {lineno}: not JSON ({str(exc).split(';')[0]})")
    if not isinstance(obj, dict):
        return Rejected(name, f"line {lineno}: not a JSON object")
    # Only a \u escape makes a NUL or a lone surrogate: JSON allows neither raw in a string.
    problem = _unicode_problem(obj) if "\\u" in text else None
    if problem is not None:
        return Rejected(name, f"line {lineno}: {problem}")
    if results and isinstance(obj.get("article"), dict):
        return _result(name, lineno, obj)
    body = _str(obj, "body", "text", "content") or ""
    summary = _str(obj, "summary", "description", "sapo")
    if not body and summary is None:
        return Rejected(name, f"line {lineno}: no body, text or summary")
    ident = _str(obj, "id")
    source = f"{name}#{ident or lineno}"
    url, outlet = _str(obj, "url", "link"), _str(obj, "source", "outlet", "sitename")
    for what, value, limit in (("id", source, MAX_SOURCE), ("url", url, MAX_URL), ("outlet", outlet, MAX_OUTLET)):
        if value is not None and len(value) > limit:
            return Rejected(name, f"line {lineno}: {what} over {limit} characters")
    title = _str(obj, "title")
    body = normalize(body)
    sniff = " ".join(x for x in (title, summary, body[:2000]) if x)
    if not is_vietnamese(sniff):
        return Rejected(source, f"line {lineno}: not Vietnamese")
    return Document(
        source=source,
        raw=body,
        title=squeeze(normalize(title)) if title else None,
        summary=normalize(summary).strip() if summary else None,
        published=_str(obj, "published", "date", "publish_date", "time"),
        url=url,
        outlet=outlet,
        authors=_authors(obj),
    )


def read_lines(
    name: str, lines: Iterable[bytes | None], max_bytes: int, first: int = 1, *, results: bool = False
) -> Iterator[Document | ArticleResult | Rejected]:
    """Articles (and with `results`, extraction results) of a JSON Lines stream; a bad line is rejected.

    `lines` come from `bounded_lines`. A binary or empty input is one rejection, not one per line.
    """
    lineno = first - 1
    blank = True
    try:
        for lineno, line in enumerate(lines, first):
            if lineno == first and line is not None and looks_binary(line[:8192]):
                yield Rejected(name, "binary content")
                return
            item = _article(name, lineno, line, max_bytes, results)
            blank = blank and item is None
            if item is not None:
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(name, f"line {lineno + 1}: corrupt compressed stream ({exc})")
        return
    if blank:
        yield Rejected(name, "empty file")

