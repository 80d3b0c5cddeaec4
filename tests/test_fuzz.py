"""Fuzzing: generated files through the readers and the pipeline, result lines through the loader, and
query parameters through the web application. No input may raise or answer 500.

The examples are bounded so the suite stays fast; `HYPOTHESIS_PROFILE=long` runs many more.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoptac import pipeline
from hoptac.ingest import Rejected, read_paths
from hoptac.models import ArticleResult, Document
from hoptac.web.app import create_app

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).with_name("fixtures")
VIETNAMESE = (FIXTURES / "danang_daegu_vov.txt").read_text(encoding="utf-8")
# Pieces of real articles, of JSON, of HTML, of legacy encodings and of plain noise, put together at random.
FRAGMENTS = st.sampled_from(
    [
        VIETNAMESE[:400].encode(),
        VIETNAMESE[400:900].encode("utf-16"),
        VIETNAMESE[:300].encode("cp1258", "replace"),
        b'{"id": "1", "title": "H\xe1\xbb\xa3p t\xc3\xa1c", "body": "',
        b'"}\n',
        b"\n",
        b"\x00\xff\xfe",
        b"<html><head><meta charset='tcvn3'></head><body><p>",
        b"</p></body></html>",
        b'{"a": [[[[[[[[',
        b"\\ud800\\u0000",
        b"12345678901234567890" * 20,
        "Chủ tịch UBND tỉnh Quảng Ninh ".encode() * 5,
        b"Ng\xc3\xa0y 31/4/2018, ",
        b"\xef\xbb\xbf",
    ]
)
PIECES = st.lists(st.one_of(FRAGMENTS, st.binary(max_size=40)), max_size=12).map(b"".join)
CONTENT = st.one_of(st.binary(max_size=2000), PIECES)
SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".ndjson", ".jsonl.gz", ".warc", ".warc.gz"])


@given(content=CONTENT, suffix=SUFFIXES)
def test_any_file_gives_documents_or_rejections_and_the_pipeline_takes_every_document(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        if suffix.endswith(".gz"):
            path.write_bytes(gzip.compress(content))
        else:
            path.write_bytes(content)
        items = list(read_paths([str(path)], max_bytes=100_000))
    assert items, "every input is reported"
    for item in items:
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Rejected):
            assert "\n" not in item.reason
            continue
        result = pipeline.process(item, time_limit=30)
        # What the store would receive: valid against the contract, and UTF-8 throughout.
        ArticleResult.model_validate(result.model_dump(mode="json")).model_dump_json().encode("utf-8")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
RESULT_KEYS = st.sampled_from(["source", "events", "relations", "title", "text", "date", "value", "start", "end"])


@given(
    article=st.dictionaries(st.sampled_from(["title", "text", "published", "outlet", "url", "authors"]), JSON_VALUES),
    extra=st.dictionaries(RESULT_KEYS, JSON_VALUES, max_size=3),
)
def test_any_result_line_is_stored_valid_or_rejected(article, extra):
    line = json.dumps({"source": "fuzz", **extra, "article": article}, ensure_ascii=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.jsonl"
        path.write_text(line + "\n", encoding="utf-8", errors="surrogatepass")
        items = list(read_paths([str(path)], results=True))
    assert len(items) == 1
    assert isinstance(items[0], ArticleResult | Rejected)


@pytest.fixture(scope="module")
def web(tmp_path_factory, web_db_template):
    path = tmp_path_factory.mktemp("fuzzweb") / "hoptac.db"
    path.write_bytes(web_db_template.read_bytes())
    with TestClient(create_app(f"sqlite:///{path}", secret_key="k"), raise_server_exceptions=False) as client:
        yield client


PARAMS = st.sampled_from(["q", "page", "per_page", "party", "country", "field", "kind", "since", "until", "limit"])
VALUES = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["%", "_", "%25", "tourism", "KR", "VN-SG", "2019", "2019-02-30", "9" * 25, " " * 3, "\x00"]),
)
PATHS = st.sampled_from(
    ["/api/events", "/api/search", "/api/parties", "/api/graph", "/api/map", "/api/corrections", "/search", "/",
     "/api/events/{n}", "/api/parties/{s}", "/api/parties/{s}/events", "/api/partnerships/{s}/{s}",
     "/api/articles/{n}", "/event/{n}", "/article/{n}", "/party/{s}", "/partnership/{s}/{s}", "/network"]
)  # fmt: skip


@given(path=PATHS, params=st.dictionaries(PARAMS, VALUES, max_size=4), n=VALUES, s=st.text(max_size=30))
def test_no_request_answers_500(web, path, params, n, s):
    url = path.replace("{n}", quote(n, safe="")).replace("{s}", quote(s, safe="") or "x")
    response = web.get(url, params=params)
    assert response.status_code in (200, 404, 422), (url, params, response.text[:300])
