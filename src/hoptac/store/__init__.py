"""The evidence-linked database: SQLite by default, any SQLAlchemy URL (PostgreSQL too).

store = hoptac.store.open()          # hoptac.db here, or $HOPTAC_DB; migrated to head
with store.session() as session:
    ingest_result(session, result)   # one committed transaction per article
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url, select
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

import hoptac
from hoptac.models import DateValue, Event, Relation
from hoptac.store import overlay
from hoptac.store.models import Article
from hoptac.store.write import IngestOutcome, add_facts, clear_facts, content_hash, ingest_result, is_stored

__all__ = [
    "IngestOutcome",
    "Store",
    "StoreError",
    "content_hash",
    "ingest_result",
    "is_stored",
    "open",
    "reextract",
    "resolve_url",
]

_MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """A database that cannot be opened or used; the message is one line for the user."""


def resolve_url(db: str | None = None) -> str:
    """`db`, else $HOPTAC_DB, else hoptac.db in the current directory; a plain path means SQLite."""
    db = db or os.environ.get("HOPTAC_DB") or "hoptac.db"
    return db if "://" in db else f"sqlite:///{db}"


class Store:
    def __init__(self, engine: Engine, reader: Engine | None = None) -> None:
        self.engine = engine
        self.reader = reader or engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.reader, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for writing: on SQLite it holds the write lock from its first statement."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading, which on SQLite takes no lock up front, so readers never queue
        behind each other. It may still write (an editor's correction) when no one else is."""
        with self._read_sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.reader is not self.engine:
            self.reader.dispose()


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook below issue BEGIN instead of the driver.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Readers (the web app) then never wait for a writer (an ingest), nor it for them.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin_deferred(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def _sqlite_begin(connection: Any) -> None:
    # A writer takes the write lock up front: two deferred transactions that both read and
    # then write would otherwise fail with "database is locked" instead of waiting.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def open(url: str | None = None) -> Store:
    """Connect, create or upgrade the schema to the newest migration, and return the store."""
    text = resolve_url(url)
    try:
        parsed = make_url(text)
        connect_args = {"timeout": 60} if parsed.get_backend_name() == "sqlite" else {}
        engine = create_engine(parsed, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError(f"bad database URL '{text}': {exc}") from None
    except ImportError as exc:
        raise StoreError(f"database driver missing for '{text}': {exc}") from None
    reader = None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        reader = create_engine(parsed, connect_args=connect_args)
        event.listen(reader, "connect", _sqlite_connect)
        event.listen(reader, "begin", _sqlite_begin_deferred)
    try:
        upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"cannot open database '{parsed.render_as_string()}': {reason}") from None
    return Store(engine, reader)


# Alembic's command API keeps module-level state: one upgrade at a time per process.
_UPGRADE_LOCK = threading.Lock()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; a no-op, without Alembic's machinery, when it is there."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with _UPGRADE_LOCK, engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several processes opening a fresh database at once: one migrates, the others then find it done.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(72658)")
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


Extractor = Callable[..., tuple[list[Event], list[Relation]]]


def reextract(session: Session, extract: Extractor | None = None) -> tuple[int, int, int]:
    """Rebuild every article's facts from its stored text with the current extractor.

    One transaction per article, like ingest. Returns (articles, events, relations).
    """
    if extract is None:
        # Imported here: opening and querying a store needs no extractor.
        from hoptac.extract import extract_facts

        extract = extract_facts
    ids = session.scalars(select(Article.id).order_by(Article.id)).all()
    totals = [0, 0, 0]
    for article_id in ids:
        article = session.get(Article, article_id)
        if article is None:
            continue
        published = (
            DateValue(
                value=article.published_value,
                precision=article.published_precision,
                inferred=bool(article.published_inferred),
            )
            if article.published_value and article.published_precision
            else None
        )
        events, relations = extract(article.text, published=published)
        clear_facts(session, article)
        article = session.get(Article, article_id)
        add_facts(session, article, events, relations)
        article.extractor_version = hoptac.__version__
        overlay.bump_generation(session)
        session.commit()
        totals[0] += 1
        totals[1] += len(events)
        totals[2] += len(relations)
    return totals[0], totals[1], totals[2]
