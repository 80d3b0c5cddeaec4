"""The web application against hostile requests and load: 404/422 not 500, safe links, headers, sessions, shedding."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from hoptac import store
from hoptac.models import Document
from hoptac.pipeline import process
from hoptac.store.models import Article
from hoptac.web import auth
from hoptac.web.app import create_app
from hoptac.web.limits import LoadShedder
from hoptac.web.security import POLICY


@pytest.fixture
def client(sqlite_web_db: str):
    with TestClient(create_app(sqlite_web_db, secret_key="test-secret"), raise_server_exceptions=False) as c:
        yield c


HOSTILE = [
    ("/event/99999999999999999999999", 404, "no such item"),
    ("/api/events/99999999999999999999", 404, "no such item"),
    ("/article/99999999999999999999999", 404, "no such item"),
    ("/api/events?page=922337203685477580", 422, "parameter page must be a whole number below 1,000,000"),
    ("/api/events?per_page=922337203685477580", 422, "parameter per_page"),
    ("/api/parties?page=922337203685477580", 422, "parameter page"),
    ("/api/graph?limit=99999999999999999999", 422, "parameter limit"),
    ("/search?page=abc", 422, "parameter page"),
    ("/api/search?q=" + "+".join(["hue"] * 1000), 422, "parameter q is longer than 500 characters"),
    ("/api/search?q=" + "+".join(["ab"] * 31), 422, "a search takes at most 30 words"),
    ("/api/search?q=" + "a" * 60_000, 422, "parameter q is longer than 500 characters"),
    ("/search?q=" + "a" * 60_000, 422, "parameter q is longer than 500 characters"),
    ("/api/events?field=%25", 422, "unknown field: %"),
    ("/api/events?field=touris_", 422, "unknown field: touris_"),
    ("/api/graph?field=%25", 422, "unknown field"),
]


@pytest.mark.parametrize(("url", "status", "message"), HOSTILE, ids=[u[:40] for u, _, _ in HOSTILE])
def test_out_of_range_requests_get_a_clear_404_or_422(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.text


def test_the_field_filter_matches_only_its_field(client):
    tourism = client.get("/api/events?field=tourism&per_page=200").json()
    assert tourism["total"] > 0
    assert all("tourism" in e["fields"] for e in tourism["items"])
    assert client.get("/api/events?per_page=200").json()["total"] > tourism["total"]


def test_an_article_url_that_is_not_http_is_never_a_link(sqlite_web_db):
    text = "Chiều 3/4/2019, Chủ tịch UBND TP Đà Nẵng tiếp đoàn thành phố Daegu (Hàn Quốc), hợp tác về y tế."
    opened = store.open(sqlite_web_db)
    with opened.session() as session:
        for n, url in enumerate(("javascript:fetch('/api/tokens')", "data:text/html,<script>alert(1)</script>")):
            store.ingest_result(session, process(Document(source=f"xss-{n}.txt", raw=f"{text} Bài {n}.", url=url)))
        ids = list(session.scalars(select(Article.id).where(Article.source.like("xss-%"))))
    opened.close()
    assert len(ids) == 2
    with TestClient(create_app(sqlite_web_db, secret_key="k")) as client:
        pages = [client.get(f"/article/{article_id}").text for article_id in ids]
        event_ids = [e["id"] for e in client.get("/api/events?party=VN-DN&per_page=200").json()["items"]]
        pages += [client.get(f"/event/{event_id}").text for event_id in event_ids]
        assert len(pages) > 2
        for page in pages:
            assert not re.search(r'href="(?:javascript|data):', page)


def test_pages_carry_the_security_headers_and_need_no_inline_code(client):
    for path in ("/", "/search?q=hue", "/network", "/api/overview"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
        assert "'unsafe-inline'" not in POLICY and "frame-ancestors 'none'" in POLICY
        if path != "/api/overview":
            assert not re.search(r"<script>|\sstyle=|\son[a-z]+=", response.text)
    docs = client.get("/docs")
    for script in re.findall(r"<script>(.*?)</script>", docs.text, re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in docs.headers["content-security-policy"]


def _sign_in(client: TestClient, password: str = "mật khẩu dài") -> httpx.Response:
    csrf = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
    return client.post(
        "/login", data={"username": "lan", "password": password, "csrf_token": csrf}, follow_redirects=False
    )


@pytest.fixture
def editor(sqlite_web_db: str) -> str:
    opened = store.open(sqlite_web_db)
    with opened.session() as session:
        auth.create_user(session, "lan", "mật khẩu dài")
        session.commit()
    opened.close()
    return sqlite_web_db


def _signed_in(client: TestClient) -> bool:
    return client.get("/curation", follow_redirects=False).status_code == 200  # else a redirect to /login


def test_signing_out_ends_the_session_for_every_copy_of_the_cookie(editor):
    with TestClient(create_app(editor, secret_key="k")) as client:
        assert _sign_in(client).status_code == 303
        stolen = dict(client.cookies)
        csrf = client.get("/curation").text.split('name="csrf_token" value="')[1].split('"')[0]
        assert client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
        client.cookies.clear()
        client.cookies.update(stolen)
        assert not _signed_in(client)


def test_a_new_password_ends_earlier_sessions(editor):
    with TestClient(create_app(editor, secret_key="k")) as client:
        assert _sign_in(client).status_code == 303
        assert _signed_in(client)
        opened = store.open(editor)
        with opened.session() as session:
            auth.set_password(session, "lan", "một mật khẩu mới")
            session.commit()
        opened.close()
        assert not _signed_in(client)


def test_wrong_passwords_are_throttled(editor):
    with TestClient(create_app(editor, secret_key="k")) as client:
        statuses = [_sign_in(client, "sai mật khẩu").status_code for _ in range(6)]
        assert statuses == [401] * 5 + [429]
        right = _sign_in(client)
        assert right.status_code == 429 and int(right.headers["retry-after"]) > 0
        assert not _signed_in(client)


def test_load_beyond_the_bound_is_shed_with_503_and_retry_after():
    async def slow(_request):
        await asyncio.sleep(0.5)
        return PlainTextResponse("ok")

    shedder = LoadShedder(Starlette(routes=[Route("/", slow)]), limit=1, queue=1, wait=0.2)

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=shedder)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            responses = await asyncio.gather(*(http.get("/") for _ in range(4)))
            after = await http.get("/")
        return [*responses, after]

    *during, after = asyncio.run(burst())
    assert sorted(r.status_code for r in during) == [200, 503, 503, 503]
    assert all(r.headers["retry-after"] == "1" for r in during if r.status_code == 503)
    assert after.status_code == 200  # nothing left over once the burst is answered
