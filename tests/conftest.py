"""Shared fixtures: a database filled by the real pipeline from articles of our own writing."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from hoptac import store
from hoptac.ingest import read_paths
from hoptac.models import Document
from hoptac.pipeline import process

FIXTURES = Path(__file__).with_name("fixtures")
SAMPLES = Path(__file__).parents[1] / "src" / "hoptac" / "samples"
WEB_ARTICLES = [FIXTURES / "web", FIXTURES / "danang_daegu_vov.txt", FIXTURES / "cantho_kumamoto.txt", SAMPLES]


def fill(url: str, paths: list[Path] = WEB_ARTICLES) -> None:
    """Ingest `paths` into the store at `url` through the real pipeline."""
    opened = store.open(url)
    with opened.session() as session:
        for item in read_paths([str(p) for p in paths]):
            assert isinstance(item, Document), item
            store.ingest_result(session, process(item))
    opened.close()


@pytest.fixture(scope="session")
def web_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("webdb") / "template.db"
    fill(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_web_db(web_db_template: Path, tmp_path: Path) -> str:
    """A fresh SQLite copy of the filled database for one test, as a SQLAlchemy URL."""
    path = tmp_path / "hoptac.db"
    path.write_bytes(web_db_template.read_bytes())
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend: an SQLite file, and a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hoptac.db'}"
    else:
        yield from _pg_schema()


@pytest.fixture(params=["sqlite", "postgresql"])
def web_db(request: pytest.FixtureRequest, web_db_template: Path, tmp_path: Path) -> Iterator[str]:
    """The filled database on each backend, fresh for one test."""
    if request.param == "sqlite":
        path = tmp_path / "hoptac.db"
        path.write_bytes(web_db_template.read_bytes())
        yield f"sqlite:///{path}"
    else:
        for url in _pg_schema():
            fill(url)
            yield url


PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _pg_schema() -> Iterator[str]:
    """A fresh schema in the local PostgreSQL server's `test` database, as a URL; dropped afterwards.

    Skipped where no server answers, except in CI, which must run every backend.
    """
    try:
        import psycopg  # noqa: F401

        engine = create_engine(PG_URL)
        with engine.begin() as connection:
            schema = f"hoptac_test_{uuid.uuid4().hex[:8]}"
            connection.execute(text(f"create schema {schema}"))
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(text(f"drop schema {schema} cascade"))
    engine.dispose()


@pytest.fixture
def pg_schema() -> Iterator[str]:
    yield from _pg_schema()
