"""The `hoptac` command: ingest, extract, query and export cooperation facts."""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, NoReturn, TextIO, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import DataError, SQLAlchemyError
from sqlalchemy.orm import Session

from hoptac import store as store_module
from hoptac.cluster import ClusterError
from hoptac.models import ArticleResult, DateValue, Event
from hoptac.store import Store, StoreError, queries

app = typer.Typer(
    help="Evidence-linked database of the international cooperation of Vietnam's localities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output is not cut to 80 columns, where the tables' field lists would wrap letter by letter.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
SAMPLES = Path(__file__).with_name("samples")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL or SQLite file; default $HOPTAC_DB, else ./hoptac.db."),
]
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files (.txt, .html, .jsonl, .jsonl.gz, .warc, .warc.gz), directories, "
        "or - for stdin (text, HTML or JSON Lines).",
        show_default=False,
    ),
]
SamplesOption = Annotated[bool, typer.Option("--samples", help="Also read the sample articles bundled with hoptac.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", help="Reject inputs larger than this.")]
TimeLimitOption = Annotated[
    float,
    typer.Option(
        "--article-timeout", min=0, help="Reject an article whose extraction takes longer (seconds, 0: no bound)."
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Extract on a Dask cluster: tcp://HOST:8786 (its scheduler) or local:N (N worker processes here).",
    ),
]


def _fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(1)


@contextmanager
def _errors() -> Iterator[None]:
    """Known failures become one line on stderr and exit status 1."""
    try:
        yield
    except (StoreError, queries.NotFound, ClusterError) as exc:
        _fail(str(exc.args[0]))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        _fail(f"database error: {reason}")
    except OSError as exc:
        _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))


def _open(db: str | None) -> Store:
    return store_module.open(db)


def _inputs(paths: list[str] | None, samples: bool) -> list[str]:
    chosen = list(paths or [])
    if samples:
        chosen.append(str(SAMPLES))
    if not chosen:
        _fail("no input: give files or directories to read (or --samples)")
    return chosen


def _show(source: str) -> str:
    """A source as one printable line: control characters escaped, a huge one cut."""
    shown = "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in source[:300])
    return shown + ("…" if len(source) > 300 else "")


def _reject(counts: Counter[str], source: str, reason: str) -> None:
    counts["rejected"] += 1
    print(f"{_show(source)}: {reason}", file=sys.stderr)


def _invalid(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "article"
    return f"not a valid article ({where}: {first['msg']})"


def _results(
    paths: list[str],
    max_bytes: int,
    counts: Counter[str],
    cluster: str | None = None,
    time_limit: float | None = None,
    stored: Callable[[str], bool] | None = None,
) -> Iterator[ArticleResult]:
    """Processed articles in input order; every rejected input gets one line on stderr.

    With `stored`, a document whose clean text it knows is counted unchanged and not extracted.
    """
    from hoptac import pipeline
    from hoptac.ingest import Rejected, read_paths
    from hoptac.timelimit import TimeLimitExceeded, within

    # Lines of extraction results (`extract --out`) come through as they are, not extracted again.
    items = read_paths(paths, max_bytes=max_bytes, results=True)
    if cluster is not None:
        yield from _cluster_results(items, cluster, counts, time_limit)
        return
    for item in items:
        if isinstance(item, Rejected):
            _reject(counts, item.source, item.reason)
            continue
        counts["read"] += 1
        if isinstance(item, ArticleResult):
            yield item
            continue
        try:
            with within(time_limit):
                prepared = pipeline.prepare(item) if stored is not None else None
            if prepared is not None and stored is not None and stored(prepared.text):
                counts["unchanged"] += 1
                continue
            result = pipeline.process(item, time_limit, prepared)
        except TimeLimitExceeded as exc:
            _reject(counts, item.source, f"extraction stopped: {exc}")
            continue
        except ValidationError as exc:
            _reject(counts, item.source, _invalid(exc))
            continue
        except Exception as exc:  # one article the extractor cannot handle must not stop a corpus run
            _reject(counts, item.source, f"extraction failed ({type(exc).__name__}: {exc})")
            continue
        yield result


def _cluster_results(
    items: Iterator, address: str, counts: Counter[str], time_limit: float | None
) -> Iterator[ArticleResult]:
    """As `_results`, with the extraction done by the workers of a Dask cluster."""
    from hoptac import cluster
    from hoptac.ingest import Rejected

    with _errors(), cluster.connect(address) as client:
        for warning in cluster.check_workers(client):
            print(f"warning: {warning}", file=sys.stderr)
        for item in cluster.extract(items, client, time_limit=time_limit):
            if isinstance(item, Rejected):
                _reject(counts, item.source, item.reason)
                continue
            counts["read"] += 1
            if isinstance(item, cluster.Failed):
                _reject(counts, item.source, item.error)
                continue
            yield item


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )


@app.command()
def ingest(
    paths: PathsArg = None,
    db: DbOption = None,
    samples: SamplesOption = False,
    max_bytes: MaxBytesOption = 5_000_000,
    cluster: ClusterOption = None,
    article_timeout: TimeLimitOption = 60.0,
) -> None:
    """Read articles (or `extract --out` results), extract their facts and store them (unchanged are skipped)."""
    chosen = _inputs(paths, samples)
    counts: Counter[str] = Counter()
    with _errors():
        store = _open(db)
        with store.session() as session, _progress() as progress:
            task = progress.add_task("articles", total=None)
            # Stored texts are skipped before extraction, so a re-run after a crash resumes quickly.
            stored = None if cluster else partial(store_module.is_stored, session)
            for result in _results(chosen, max_bytes, counts, cluster, article_timeout or None, stored):
                try:
                    outcome = store_module.ingest_result(session, result)
                except DataError as exc:  # a value this database refuses: this article only, the run goes on
                    session.rollback()
                    reason = str(exc.orig or exc).strip().splitlines()[0]
                    _reject(counts, result.source, f"not stored (database: {reason})")
                    continue
                counts[outcome.status] += 1
                counts["events"] += outcome.events
                counts["merged"] += outcome.merged
                counts["relations"] += outcome.relations
                progress.advance(task)
        store.close()
    out.print(
        f"read {counts['read']}, new {counts['new']}, unchanged {counts['unchanged']}, "
        f"updated {counts['updated']}, rejected {counts['rejected']}; "
        f"events {counts['events']} ({counts['merged']} merged with other sources), "
        f"relations {counts['relations']}",
        soft_wrap=True,
    )
    if counts["read"] == 0:
        raise typer.Exit(1)


_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date_bound(value: str | None, option: str) -> str | None:
    """`value` when it is a real YYYY, YYYY-MM or YYYY-MM-DD date; else one error line."""
    if value is None:
        return None
    ok = _DATE_BOUND.fullmatch(value) is not None
    if ok:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            datetime.date(parts[0], parts[1], parts[2])
        except ValueError:
            ok = False
    if not ok:
        _fail(f"{option}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _date(date: DateValue | None) -> str:
    return date.value if date else ""


def _event_table(title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for column in ("date", "kind", "parties", "people", "fields"):
        table.add_column(column, overflow="fold")
    return table


def _add_event_row(table: Table, event: Event, *extra: str) -> None:
    parties = ", ".join(f"{p.name_vi or p.name} ({p.role})" if p.role else (p.name_vi or p.name) for p in event.parties)
    people = "; ".join(f"{p.name}, {p.title}" if p.title else p.name for p in event.people)
    cells = [_date(event.date), event.kind, parties, people, ", ".join(event.fields), *extra]
    table.add_row(*(escape(c) for c in cells))


@app.command()
def extract(
    paths: PathsArg = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (the contract) or table.")] = "jsonl",
    samples: SamplesOption = False,
    max_bytes: MaxBytesOption = 5_000_000,
    cluster: ClusterOption = None,
    article_timeout: TimeLimitOption = 60.0,
    output: Annotated[
        Path | None,
        typer.Option("--out", help="Write the JSON Lines to this file instead of stdout; `hoptac ingest` stores it."),
    ] = None,
) -> None:
    """Print the facts of articles without storing them (or write them to a file with --out)."""
    if format not in ("jsonl", "table"):
        _fail(f"unknown format '{format}' (choose jsonl or table)")
    chosen = _inputs(paths, samples)
    counts: Counter[str] = Counter()
    with _errors(), _jsonl_sink(output, format) as sink:
        for result in _results(chosen, max_bytes, counts, cluster, article_timeout or None):
            if sink is not None:
                sink.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
                counts["written"] += 1
            if format == "jsonl":
                continue
            table = _event_table(title=result.source)
            for event in result.events:
                _add_event_row(table, event)
            out.print(table)
    if output is not None:
        print(f"wrote {counts['written']} articles to {output}", file=sys.stderr)
    if counts["read"] == 0:
        raise typer.Exit(1)


@contextmanager
def _jsonl_sink(output: Path | None, format: str) -> Iterator[TextIO | None]:
    """Where the JSON Lines go: the `--out` file, stdout for `--format jsonl`, else nowhere."""
    if output is None:
        yield sys.stdout if format == "jsonl" else None
        return
    # Written line by line: after a crash every complete line is kept, and `ingest` rejects a cut last line.
    with output.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream


@app.command()
def reextract(db: DbOption = None) -> None:
    """Rebuild every stored article's facts with the current extractor."""
    with _errors():
        store = _open(db)
        with store.session() as session:
            articles, events, relations = store_module.reextract(session)
        store.close()
    out.print(f"re-extracted {articles} articles: {events} events, {relations} relations")


@app.command()
def partners(
    party: Annotated[str, typer.Argument(help="Party id (VN-DN, KR-27) or any name it was printed under.")],
    db: DbOption = None,
) -> None:
    """Who a locality cooperates with: relationships, shared events, fields."""
    with _errors():
        store = _open(db)
        with store.session() as session:
            me, found = queries.partners(session, party)
        store.close()
    table = Table(title=escape(f"Partners of {me.name_vi or me.name} ({me.id})"))
    for column in ("partner", "country", "relationship", "since", "events", "last event", "fields", "stated by"):
        table.add_column(column, overflow="fold")
    for p in found:
        table.add_row(
            escape(f"{p.party.name_vi or p.party.name} ({p.party.id})"),
            p.party.country or "",
            ", ".join(p.relations),
            p.since or "",
            str(p.events),
            p.last_event or "",
            ", ".join(p.fields),
            escape(_stated_by(p.stated)),
        )
    out.print(table)


def _stated_by(stated: list[queries.Relationship]) -> str:
    """Each relationship's sources, with the year each gives: "sister: registry 1995 <url>; article 1996 <source>"."""
    lines = []
    for rel in stated:
        sources = [
            f"{'registry' if o.kind == 'registry' else 'article'}{' ' + o.since if o.since else ''} {o.source}"
            for o in rel.origins
        ]
        lines.append(f"{rel.type}: " + "; ".join(sources) if sources else f"{rel.type}: editor")
    return "\n".join(lines)


@app.command()
def events(
    party: Annotated[str | None, typer.Option(help="Only events of this party (id or name).")] = None,
    country: Annotated[str | None, typer.Option(help="Only events with a party of this country (ISO code).")] = None,
    field: Annotated[str | None, typer.Option(help="Only events in this cooperation field (e.g. tourism).")] = None,
    kind: Annotated[str | None, typer.Option(help="meeting, conference, signing, cultural_event, aid, other.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    db: DbOption = None,
) -> None:
    """List stored events, oldest first."""
    since, until = _date_bound(since, "--since"), _date_bound(until, "--until")
    with _errors():
        store = _open(db)
        with store.session() as session:
            found = queries.events(session, party, country, field, kind, since, until)
        store.close()
    table = _event_table()
    table.add_column("sources", overflow="fold")
    for stored in found:
        _add_event_row(table, stored.event, "; ".join(stored.sources))
    out.print(table)
    out.print(f"{len(found)} events")


_STYLES = [
    "on dark_green",
    "on dark_blue",
    "on dark_red",
    "on purple4",
    "on dark_orange3",
    "on deep_sky_blue4",
]


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="Article id or source (file name or URL).")],
    db: DbOption = None,
) -> None:
    """Print an article's clean text with the evidence of each fact highlighted."""
    with _errors():
        store = _open(db)
        with store.session() as session:
            view = queries.show(session, article)
        store.close()
    text = Text(view.text)
    markers = []
    for fact in view.facts:
        style = _STYLES[(fact.number - 1) % len(_STYLES)]
        for span in fact.spans:
            text.stylize(style, span.start, span.end)
            markers.append((span.end, fact.number))
    marked = Text()
    previous = 0
    for position, number in sorted(markers):
        marked.append_text(text[previous:position])
        marked.append(f"[{number}]", style="bold")
        previous = position
    marked.append_text(text[previous:])
    out.print(Text(f"#{view.id} {view.source}", style="bold"))
    if view.sample:
        out.print(Text("invented sample article bundled with hoptac: not news, not to be quoted", style="bold red"))
    # No wrapping: the text goes out as stored and the terminal folds it.
    out.print(marked, soft_wrap=True)
    out.print()
    for fact in view.facts:
        style = _STYLES[(fact.number - 1) % len(_STYLES)]
        out.print(Text.assemble((f"[{fact.number}]", style), " ", fact.label), soft_wrap=True)
    if not view.facts:
        out.print("no facts extracted from this article")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, graphml or geojson.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; default stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Write the database as CSV (events), JSON Lines (articles), GraphML (partner graph) or GeoJSON (map)."""
    from hoptac.export import FORMATS
    from hoptac.export import export as write

    if format not in FORMATS:
        _fail(f"unknown export format '{format}' (choose from {', '.join(FORMATS)})")
    with _errors():
        store = _open(db)
        with store.session() as session:
            if output is None:
                write(session, format, sys.stdout, queries.coordinates)
            else:
                with output.open("w", encoding="utf-8", newline="") as stream:
                    count = write(session, format, stream, queries.coordinates)
                print(f"wrote {count} {_UNITS[format]} to {output}", file=sys.stderr)
        store.close()


_UNITS = {"csv": "events", "jsonl": "articles", "graphml": "partner pairs", "geojson": "map features"}


_EVERY_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _every_seconds(every: str) -> int:
    value, unit = every.strip()[:-1], every.strip()[-1:].lower()
    if not value.isdigit() or unit not in _EVERY_UNITS or int(value) == 0:
        _fail(f"bad --every '{every}' (a number and s, m, h or d: 30m, 1h, 1d)")
    return int(value) * _EVERY_UNITS[unit]


def _wait(seconds: float) -> None:
    import time

    time.sleep(seconds)


@app.command()
def crawl(
    sources: Annotated[
        Path | None, typer.Option("--sources", help="Sources CSV; default the list shipped with hoptac.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Skip entries dated before this day (YYYY-MM-DD).")
    ] = None,
    every: Annotated[
        str | None, typer.Option("--every", help="Keep crawling at this interval (30m, 1h, 1d) until Ctrl-C.")
    ] = None,
    db: DbOption = None,
    delay: Annotated[float, typer.Option("--delay", help="Seconds between two requests to one host.")] = 1.0,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", help="Fetch at most this many pages per run; the rest stays queued.")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for a connection or a read.")] = 20.0,
    keep_all: Annotated[
        bool, typer.Option("--keep-all", help="Also store articles in which no cooperation fact is found.")
    ] = False,
) -> None:
    """Follow news outlets: read their feeds and sitemaps, fetch new articles, extract and store them."""
    from datetime import date, datetime

    from hoptac.crawl import CrawlOptions, CrawlReport, SourcesError, load_sources
    from hoptac.crawl import crawl as crawl_run

    start = None
    if since is not None:
        try:
            start = date.fromisoformat(since)
        except ValueError:
            _fail(f"bad --since '{since}' (a day as YYYY-MM-DD)")
    interval = _every_seconds(every) if every is not None else None
    if delay < 0 or timeout <= 0 or (max_pages is not None and max_pages < 0):
        _fail("--delay must be >= 0, --timeout > 0 and --max-pages >= 0")
    try:
        chosen = load_sources(sources)
    except SourcesError as exc:
        _fail(str(exc))
    options = CrawlOptions(delay=delay, timeout=timeout, max_pages=max_pages, keep_all=keep_all)

    def log(line: str) -> None:
        print(line, file=sys.stderr)

    def say(report: CrawlReport, prefix: str = "") -> None:
        stamp = f"{datetime.now():%Y-%m-%d %H:%M} " if interval is not None else ""
        out.print(f"{stamp}{prefix}{report.summary()}", soft_wrap=True, markup=False)

    with _errors():
        store = _open(db)
        report = CrawlReport()
        try:
            while True:
                report = CrawlReport()
                with _progress() as progress:
                    task = progress.add_task("pages", total=None)

                    def on_page(url: str, progress: Progress = progress, task: int = task) -> None:
                        progress.update(task, description=url[-60:])
                        progress.advance(task)

                    crawl_run(store, chosen, start, options=options, report=report, log=log, on_page=on_page)
                say(report)
                if interval is None:
                    break
                _wait(interval)
        except KeyboardInterrupt:
            # Ctrl-C: everything fetched so far is stored; the queue waits for the next run.
            if report.interrupted:
                say(report, "interrupted: ")
            else:
                out.print("stopped")
            store.close()
            raise typer.Exit(0 if interval is not None else 130) from None
        store.close()
    if report.feeds_read + report.feeds_unchanged == 0 and report.errors and report.pages_fetched == 0:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = 1,
) -> None:
    """Serve the dashboard and the JSON API (docs at /docs). Set HOPTAC_SECRET_KEY to keep sign-ins across restarts."""
    import os

    import uvicorn

    url = store_module.resolve_url(db)
    with _errors():
        _open(url).close()  # fail here, in one line, rather than inside the server
    os.environ["HOPTAC_DB"] = url
    if workers > 1 and not os.environ.get("HOPTAC_SECRET_KEY"):
        import secrets

        # Every worker must sign sessions with the same key.
        os.environ["HOPTAC_SECRET_KEY"] = secrets.token_urlsafe(32)
    busy = _port_in_use(host, port)
    if busy:
        _fail(f"cannot listen on {host}:{port}: {busy} (is another server running? choose another --port)")
    out.print(f"hoptac serving {escape(url)} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run("hoptac.web.main:app", host=host, port=port, workers=workers, log_level="warning")


def _port_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return str(exc.strerror or exc)
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a stopped server is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return str(exc.strerror or exc).lower()
    return None


user_app = typer.Typer(help="Editors who may correct facts in the web interface and the API.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts that write corrections.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt("password", hide_input=True, confirmation_prompt=True)


T = TypeVar("T")


def _account_change(db: str | None, change: Callable[[Session], T]) -> T:
    """Run one change to editors or tokens in a committed transaction; a refused change is one error line."""
    from hoptac.web import auth

    with _errors():
        store = _open(db)
        try:
            with store.session() as session:
                try:
                    result = change(session)
                except auth.AuthError as exc:
                    _fail(str(exc))
                session.commit()
        finally:
            store.close()
    return result


@user_app.command("add")
def user_add(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    db: DbOption = None,
) -> None:
    """Create an editor account."""
    from hoptac.web import auth

    password = _password(password_stdin)
    _account_change(db, lambda session: auth.create_user(session, username, password))
    out.print(f"editor '{escape(username)}' created")


@user_app.command("passwd")
def user_passwd(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    db: DbOption = None,
) -> None:
    """Set an editor's password."""
    from hoptac.web import auth

    password = _password(password_stdin)
    _account_change(db, lambda session: auth.set_password(session, username, password))
    out.print(f"password of '{escape(username)}' changed")


@token_app.command("create")
def token_create(
    username: str,
    name: Annotated[str, typer.Option("--name", help="What the token is for.")] = "token",
    db: DbOption = None,
) -> None:
    """Create an API token for an editor; it is printed once."""
    from hoptac.web import auth

    def create(session: Session) -> tuple[int, str]:
        token, secret = auth.create_token(session, username, name)
        return token.id, secret

    token_id, secret = _account_change(db, create)
    print(f"{token_id}\t{secret}")


@token_app.command("revoke")
def token_revoke(token_id: int, db: DbOption = None) -> None:
    """Revoke an API token by its number."""
    from hoptac.web import auth

    _account_change(db, lambda session: auth.revoke_token(session, token_id))
    out.print(f"token {token_id} revoked")
