"""Shared fixtures: a database filled by the real pipeline from articles of our own writing."""

from __future__ import annotations

import uuid
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
def web_db(web_db_template: Path, tmp_path: Path) -> str:
    """A fresh copy of the filled database for one test, as a SQLAlchemy URL."""
    path = tmp_path / "hoptac.db"
    path.write_bytes(web_db_template.read_bytes())
    return f"sqlite:///{path}"


PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture
def pg_schema():
    """A fresh schema in the local PostgreSQL server's `test` database, as a URL; dropped afterwards."""
    pytest.importorskip("psycopg")
    try:
        engine = create_engine(PG_URL)
        with engine.begin() as connection:
            schema = f"hoptac_test_{uuid.uuid4().hex[:8]}"
            connection.execute(text(f"create schema {schema}"))
    except Exception as exc:
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(text(f"drop schema {schema} cascade"))
    engine.dispose()
