"""The sources file: which outlets and portals `hoptac crawl` follows.

A CSV with the columns of `COLUMNS`. Lines whose first cell starts with `#` are
comments. `feed_url` and `sitemap_url` may hold several URLs separated by `|`;
a row with neither is crawled from its `homepage`: the feeds its pages announce
(`<link rel="alternate">`) and the sitemaps its robots.txt names.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from hoptac.gazetteer import DATA_DIR as GAZETTEER_DIR

COLUMNS = ("name", "kind", "province", "feed_url", "sitemap_url", "homepage", "source")
KINDS = ("national", "provincial", "foreign_affairs")
DEFAULT_SOURCES = Path(__file__).with_name("data") / "sources.csv"


class SourcesError(ValueError):
    """A sources file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    province: str | None
    feeds: tuple[str, ...]
    sitemaps: tuple[str, ...]
    homepage: str | None
    source: str
    line: int


@functools.cache
def _province_ids() -> frozenset[str]:
    with (GAZETTEER_DIR / "vn_units.csv").open(encoding="utf-8", newline="") as stream:
        return frozenset(row["id"] for row in csv.DictReader(stream) if row["kind"] == "province")


def _urls(cell: str, column: str) -> tuple[str, ...]:
    urls = tuple(part.strip() for part in cell.split("|") if part.strip())
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{column} '{url}' is not an http(s) URL")
    return urls


def _source(row: dict[str | None, str | None], line: int) -> Source:
    if None in row:
        raise ValueError(f"too many fields (expected {len(COLUMNS)})")
    if any(row.get(column) is None for column in COLUMNS):
        raise ValueError(f"too few fields (expected {len(COLUMNS)})")
    cells = {column: (row[column] or "").strip() for column in COLUMNS}
    if not cells["name"]:
        raise ValueError("empty name")
    kind = cells["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown kind '{kind}' (choose {', '.join(KINDS[:-1])} or {KINDS[-1]})")
    province = cells["province"] or None
    if province is not None and province not in _province_ids():
        raise ValueError(f"unknown province id '{province}' (ids as in gazetteer/data/vn_units.csv, e.g. VN-DN)")
    if kind != "national" and province is None:
        raise ValueError(f"a {kind} source needs a province id")
    feeds = _urls(cells["feed_url"], "feed_url")
    sitemaps = _urls(cells["sitemap_url"], "sitemap_url")
    homepages = _urls(cells["homepage"], "homepage")
    if len(homepages) > 1:
        raise ValueError("more than one homepage")
    if not (feeds or sitemaps or homepages):
        raise ValueError("no feed_url, sitemap_url or homepage")
    return Source(
        name=cells["name"],
        kind=kind,
        province=province,
        feeds=feeds,
        sitemaps=sitemaps,
        homepage=homepages[0] if homepages else None,
        source=cells["source"],
        line=line,
    )


def load_sources(path: str | Path | None = None) -> list[Source]:
    """The sources of `path` (default: the list shipped with hoptac), checked row by row."""
    path = Path(path) if path is not None else DEFAULT_SOURCES
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            header = reader.fieldnames or []
            missing = [column for column in COLUMNS if column not in header]
            if missing:
                raise SourcesError(f"{path}:1: missing column(s) {', '.join(missing)}")
            sources: list[Source] = []
            seen: dict[str, int] = {}
            for row in reader:
                line = reader.line_num
                first = (row.get(header[0]) or "").strip()
                if first.startswith("#") or not any((v or "").strip() for k, v in row.items() if k is not None):
                    continue
                try:
                    source = _source(row, line)
                except ValueError as exc:
                    raise SourcesError(f"{path}:{line}: {exc}") from None
                if source.name in seen:
                    raise SourcesError(f"{path}:{line}: name '{source.name}' already used on line {seen[source.name]}")
                seen[source.name] = line
                sources.append(source)
    except FileNotFoundError:
        raise SourcesError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise SourcesError(f"{path}: not UTF-8 text") from None
    except csv.Error as exc:
        raise SourcesError(f"{path}: malformed CSV ({exc})") from None
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not sources:
        raise SourcesError(f"{path}: no sources listed")
    return sources
