"""The JSON API and the pages, through FastAPI's test client, on a database the real pipeline filled."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from hoptac import store
from hoptac.web import auth
from hoptac.web.app import create_app


@pytest.fixture
def client(web_db: str):
    app = create_app(web_db, secret_key="test-secret")
    with TestClient(app) as test_client:
        yield test_client


def _event_id(client: TestClient, party: str, kind: str | None = None) -> int:
    params = {"party": party} | ({"kind": kind} if kind else {})
    items = client.get("/api/events", params=params).json()["items"]
    assert len(items) == 1, items
    return items[0]["id"]


# --- reading ---------------------------------------------------------------------------


def test_overview_counts_what_the_fixtures_hold(client):
    body = client.get("/api/overview").json()
    assert body["totals"]["articles"] == 8
    # Talks and the signing that followed them are two events (Quảng Ninh–Guangxi, Lào Cai–Yunnan).
    assert body["totals"]["events"] == 10
    assert {"month": "2019-04", "events": 1} in body["events_per_month"]
    countries = {row["country"]: row["events"] for row in body["top_countries"]}
    assert countries == {"JP": 4, "CN": 4, "KR": 2}
    assert body["latest"][0]["date"]["value"] == "2024-03-14"


def test_search_ignores_diacritics_in_party_names_and_text(client):
    body = client.get("/api/search", params={"q": "hue"}).json()
    # The city of Huế the gazetteer names so (today's, then the one before 2025) first, then the
    # province that signed, whose name holds the word.
    assert [p["id"] for p in body["parties"]] == ["VN:hue", "VN-26:hue", "VN-26"]
    assert [e["date"]["value"] for e in body["events"]["items"]] == ["2019-11-13"]
    titles = [a["title"] for a in body["articles"]["items"]]
    assert titles == ["Thừa Thiên Huế và Gyeongju ký kết hợp tác phát triển du lịch di sản"]
    # A name that appears only in the text: the province in "Gyeongju (tỉnh Gyeongsangbuk, Hàn Quốc)".
    body = client.get("/api/search", params={"q": "gyeongsangbuk"}).json()
    assert body["articles"]["total"] == 1
    snippet = body["articles"]["items"][0]["snippet"]
    start, end = snippet["marks"][0]
    assert snippet["text"][start:end] == "Gyeongsangbuk"


def test_a_query_naming_a_party_returns_its_events_only(client):
    # Folded, "da nang" is also "đã nâng" (has raised), which other articles say.
    body = client.get("/api/search", params={"q": "da nang"}).json()
    assert [p["id"] for p in body["parties"]] == ["VN-DN"]
    assert [e["date"]["value"] for e in body["events"]["items"]] == ["2019-04-10"]


def test_search_with_diacritics_and_filters(client):
    body = client.get("/api/search", params={"q": "Cần Thơ"}).json()
    assert body["events"]["total"] == 3
    body = client.get("/api/search", params={"q": "Cần Thơ", "since": "2020", "until": "2021"}).json()
    assert [e["date"]["value"] for e in body["events"]["items"]] == ["2021-11-04"]
    body = client.get("/api/search", params={"country": "KR", "kind": "signing"}).json()
    assert [e["date"]["value"] for e in body["events"]["items"]] == ["2019-11-13"]
    body = client.get("/api/search", params={"field": "logistics"}).json()
    assert sorted(e["date"]["value"] for e in body["events"]["items"]) == ["2023-03-20", "2023-11-21", "2023-11-21"]


def test_lists_are_paginated(client):
    first = client.get("/api/events", params={"per_page": 3}).json()
    assert (first["total"], first["pages"], len(first["items"])) == (10, 4, 3)
    last = client.get("/api/events", params={"per_page": 3, "page": 4}).json()
    assert len(last["items"]) == 1
    seen = {
        e["id"]
        for p in (1, 2, 3, 4)
        for e in client.get("/api/events", params={"per_page": 3, "page": p}).json()["items"]
    }
    assert len(seen) == 10
    assert client.get("/api/events", params={"per_page": 500}).status_code == 422


def test_party_profile_has_partners_relations_people_and_lineage(client):
    body = client.get("/api/parties/VN-DN").json()
    assert body["party"]["name_vi"] == "Thành phố Đà Nẵng"
    daegu = next(p for p in body["partners"] if p["party"]["id"] == "KR-27")
    # The article says sister cities since 2004; the registry adds its own sources and years.
    assert [(r["type"], r["since"], r["years"]) for r in daegu["relations"]] == [
        ("sister", "2004", ["2004", "2018-08-03"]),
        ("friendship", "2004-10-21", ["2004-10-21"]),
    ]
    assert [s["kind"] for s in daegu["relations"][0]["sources"]] == ["registry", "registry", "article"]
    assert daegu["events"] == 1
    assert "health" in daegu["fields"]
    assert [o["name"] for o in body["officials_met"]] == ["Kim Sang-hoon"]
    assert body["fields_by_year"][0]["year"] == "2019"
    # Thừa Thiên Huế became the centrally governed city of Huế in 2025.
    hue = client.get("/api/parties/VN-26").json()
    assert hue["successor"]["id"] == "VN:hue"


def test_party_timeline_is_newest_first(client):
    body = client.get("/api/parties/VN-CT/events").json()
    assert [e["date"]["value"] for e in body["items"]] == ["2024-03-14", "2021-11-04", "2019-10-04"]
    assert client.get("/api/parties/XX-NOPE").status_code == 404


def test_partnership_lists_relationship_and_every_event_with_sources(client):
    body = client.get("/api/partnerships/VN-CT/JP-43").json()
    assert [e["date"]["value"] for e in body["events"]] == ["2019-10-04", "2024-03-14"]
    source = body["events"][0]["sources"][0]
    assert source["article"]["source"].endswith("cantho_kumamoto.txt")
    assert all(span["text"] for span in source["evidence"])
    sister = client.get("/api/partnerships/VN-DN/KR-27").json()["relations"]
    assert [(r["type"], r["since"]) for r in sister] == [("sister", "2004"), ("friendship", "2004-10-21")]
    assert any("15 năm kết nghĩa" in span["text"] for span in sister[0]["sources"][0]["evidence"])
    assert [(x["since"], x["source"].split("/")[2]) for x in sister[0]["registry"]] == [
        ("2018-08-03", "en.nhandan.vn"),
        (None, "github.com"),
    ]
    assert sister[0]["years"] == ["2004", "2018-08-03"]


def test_graph_and_map_follow_filters(client):
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert {"VN-DN", "KR-27", "VN-26", "KR-47:gyeongju"} <= ids
    edge = next(e for e in graph["edges"] if {e["source"], e["target"]} == {"VN-DN", "KR-27"})
    assert (edge["relation"], edge["since"], edge["events"]) == ("sister", "2004", 1)
    korean = client.get("/api/graph", params={"country": "KR"}).json()
    assert all(
        "KR" in (n["country"] for n in korean["nodes"] if n["id"] in (e["source"], e["target"]))
        for e in korean["edges"]
    )
    assert {n["country"] for n in korean["nodes"]} == {"KR", "VN"}
    later = client.get("/api/graph", params={"since": 2023, "field": "logistics"}).json()
    assert sorted(n["id"] for n in later["nodes"]) == ["CN-GX", "CN-YN", "VN-02", "VN-13"]
    geo = client.get("/api/map").json()
    assert geo["type"] == "FeatureCollection"
    points = {
        f["properties"]["id"]: f["geometry"]["coordinates"] for f in geo["features"] if f["geometry"]["type"] == "Point"
    }
    lon, lat = points["VN-DN"]
    assert 107 < lon < 109 and 15 < lat < 17


def test_article_segments_rebuild_the_text_and_carry_the_facts(client):
    article_id = client.get("/api/search", params={"q": "quang ninh"}).json()["articles"]["items"][0]["id"]
    body = client.get(f"/api/articles/{article_id}").json()
    text = body["article"]["text"]
    assert "".join(s["text"] for s in body["segments"]) == text
    fact_ids = {f["id"] for f in body["facts"]}
    covered = {fid for s in body["segments"] for fid in s["facts"]}
    assert covered and covered <= fact_ids
    for fact in body["facts"]:
        for span in fact["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    assert client.get("/api/articles/999").status_code == 404


def test_pages_escape_article_text(client):
    found = client.get("/api/search", params={"q": "kumamoto", "since": "2021", "until": "2021"}).json()
    items = [a for a in found["articles"]["items"] if "script" in (a["title"] or "")]
    page = client.get(f"/article/{items[0]['id']}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert '<b onmouseover="alert(1)">' not in page


def test_every_page_renders_in_both_languages(client):
    event_id = _event_id(client, "VN-26")
    pages = [
        "/",
        "/search?q=da+nang",
        "/party/VN-DN",
        "/partnership/VN-DN/KR-27",
        f"/event/{event_id}",
        "/article/1",
        "/network",
        "/map",
        "/login",
        "/docs",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "{{" not in response.text
    assert "Tổng quan" in client.get("/").text
    english = client.get("/?lang=en")
    assert "Overview" in english.text and english.cookies.get("lang") == "en"
    assert "Overview" in client.get("/party/VN-DN").text  # the choice is remembered
    assert client.get("/party/NOPE").status_code == 404


def test_openapi_docs_use_only_bundled_assets(client):
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/parties/{party_id}" in spec["paths"]


def test_exports_in_every_format(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    assert len(rows) == 10 and rows[0]["curated"] == ""
    lines = client.get("/api/export/jsonl").text.strip().splitlines()
    assert len(lines) == 8 and all(json.loads(line)["article"]["text"] for line in lines)
    graphml = ET.fromstring(client.get("/api/export/graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graphml.findall(".//g:edge", ns)) == len(client.get("/api/graph").json()["edges"])
    geo = client.get("/api/export/geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert {f["geometry"]["type"] for f in geo.json()["features"]} == {"Point", "LineString"}


# --- writing ---------------------------------------------------------------------------


@pytest.fixture
def editor_token(web_db: str) -> str:
    opened = store.open(web_db)
    with opened.session() as session:
        auth.create_user(session, "lan", "mật khẩu dài")
        _token, secret = auth.create_token(session, "lan", "script")
        session.commit()
    opened.close()
    return secret


def test_writes_need_a_token_or_a_signed_in_session_with_csrf(client, editor_token):
    event_id = _event_id(client, "VN-26")
    assert client.post(f"/api/events/{event_id}/corrections", json={"kind": "meeting"}).status_code == 401
    bad = {"Authorization": "Bearer hoptac_not-a-token"}
    assert client.post(f"/api/events/{event_id}/corrections", json={"kind": "meeting"}, headers=bad).status_code == 401
    # Signed in through the form, a JSON write still needs the session's CSRF token.
    login_page = client.get("/login").text
    csrf = login_page.split('name="csrf_token" value="')[1].split('"')[0]
    wrong = client.post("/login", data={"username": "lan", "password": "sai", "csrf_token": csrf})
    assert wrong.status_code == 401
    signed = client.post(
        "/login", data={"username": "lan", "password": "mật khẩu dài", "csrf_token": csrf}, follow_redirects=False
    )
    assert signed.status_code == 303
    assert client.post(f"/api/events/{event_id}/corrections", json={"kind": "meeting"}).status_code == 403
    fresh = client.get("/curation").text.split('name="csrf_token" value="')[1].split('"')[0]
    ok = client.post(f"/api/events/{event_id}/corrections", json={"kind": "meeting"}, headers={"X-CSRF-Token": fresh})
    assert ok.status_code == 201 and ok.json()["author"] == "lan"


def test_forms_reject_a_missing_csrf_token(client, editor_token):
    response = client.post("/login", data={"username": "lan", "password": "mật khẩu dài", "csrf_token": "forged"})
    assert response.status_code == 403


def _sign_in(client, username: str = "lan", password: str = "mật khẩu dài") -> str:
    """Sign in through the form; returns the session's CSRF token."""
    csrf = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
    signed = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": csrf}, follow_redirects=False
    )
    assert signed.status_code == 303
    return client.get("/curation").text.split('name="csrf_token" value="')[1].split('"')[0]


def test_tokens_can_be_revoked_and_only_a_signed_in_editor_creates_them(client, editor_token):
    headers = {"Authorization": f"Bearer {editor_token}"}
    tokens = client.get("/api/tokens", headers=headers).json()
    assert [t["name"] for t in tokens] == ["script"]
    minted = client.post("/api/tokens", json={"name": "second"}, headers=headers)
    assert minted.status_code == 403
    assert minted.json()["detail"] == "an API token cannot create tokens: sign in to create one"
    csrf = _sign_in(client)
    created = client.post("/api/tokens", json={"name": "second"}, headers={"X-CSRF-Token": csrf}).json()
    assert created["token"].startswith("hoptac_")
    assert client.delete(f"/api/tokens/{tokens[0]['id']}", headers=headers).status_code == 200
    assert client.get("/api/tokens", headers=headers).status_code == 401
    assert client.get("/api/tokens", headers={"Authorization": f"Bearer {created['token']}"}).status_code == 200


def test_event_correction_is_marked_human_everywhere_and_audited(client, editor_token):
    headers = {"Authorization": f"Bearer {editor_token}"}
    event_id = _event_id(client, "VN-13", "meeting")
    response = client.post(
        f"/api/events/{event_id}/corrections",
        json={"date": "2023-03-21", "fields": ["trade", "logistics"], "note": "the talks were on the 21st"},
        headers=headers,
    )
    assert response.status_code == 201
    event = client.get(f"/api/events/{event_id}").json()
    assert event["date"] == {"value": "2023-03-21", "precision": "day", "inferred": False}
    assert event["fields"] == ["trade", "logistics"]
    assert event["curated"] == ["date", "fields"]
    assert event["corrections"][0]["before"]["date"] == {"value": "2023-03-20", "precision": "day"}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    assert next(r for r in rows if r["event_id"] == str(event_id))["curated"] == "date; fields"
    records = [json.loads(line) for line in client.get("/api/export/jsonl").text.splitlines()]
    edited = [e for r in records for e in r["events"] if e.get("curated")]
    assert [e["curated"] for e in edited] == [["date", "fields"]]
    assert "biên tập" in client.get(f"/event/{event_id}").text
    log = client.get("/api/corrections").json()["items"]
    assert (log[0]["author"], log[0]["action"], log[0]["note"]) == ("lan", "edit", "the talks were on the 21st")


def test_bad_corrections_are_refused_with_a_reason(client, editor_token):
    headers = {"Authorization": f"Bearer {editor_token}"}
    event_id = _event_id(client, "VN-13", "meeting")
    bad_date = client.post(f"/api/events/{event_id}/corrections", json={"date": "2023-02-30"}, headers=headers)
    assert bad_date.status_code == 422 and "not a valid day" in bad_date.json()["detail"]
    bad_field = client.post(f"/api/events/{event_id}/corrections", json={"fields": ["space"]}, headers=headers)
    assert bad_field.status_code == 422 and "space" in bad_field.json()["detail"]
    assert client.get("/api/corrections").json()["total"] == 0


def test_deleted_event_disappears_and_comes_back_when_revoked(client, editor_token):
    headers = {"Authorization": f"Bearer {editor_token}"}
    event_id = _event_id(client, "VN-26")
    deleted = client.request("DELETE", f"/api/events/{event_id}", json={"note": "not an event"}, headers=headers)
    assert deleted.status_code == 200
    assert client.get("/api/events", params={"party": "VN-26"}).json()["total"] == 0
    assert client.get("/api/overview").json()["totals"]["events"] == 9
    assert client.get(f"/api/events/{event_id}").json()["hidden"] is True
    client.post(f"/api/corrections/{deleted.json()['id']}/revoke", headers=headers)
    assert client.get("/api/events", params={"party": "VN-26"}).json()["total"] == 1


def test_added_relationship_shows_with_its_source(client, editor_token):
    headers = {"Authorization": f"Bearer {editor_token}"}
    body = {
        "a": "VN-26",
        "b": "KR-47:gyeongju",
        "type": "sister",
        "since": "2007",
        "source": "https://example.org/hue-gyeongju",
    }
    assert client.post("/api/relations", json=body, headers=headers).status_code == 201
    partner = next(
        p for p in client.get("/api/parties/VN-26").json()["partners"] if p["party"]["id"] == "KR-47:gyeongju"
    )
    assert ("sister", "2007") in [(r["type"], r["since"]) for r in partner["relations"]] and partner["human"] is True
    pair = client.get("/api/partnerships/VN-26/KR-47:gyeongju").json()
    sister = next(r for r in pair["relations"] if r["type"] == "sister")
    assert sister["sources"] == [] and sister["corrections"][0]["source"] == "https://example.org/hue-gyeongju"
    unsourced = dict(body, source=" ")
    assert client.post("/api/relations", json=unsourced, headers=headers).status_code == 422


def test_an_editor_deletes_a_relationship_from_the_partnership_page(client, editor_token):
    page = client.get("/login").text
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "lan", "password": "mật khẩu dài", "csrf_token": csrf})
    page = client.get("/partnership/VN-DN/KR-27").text
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    relation_id = client.get("/api/partnerships/VN-DN/KR-27").json()["relations"][0]["id"]
    response = client.post(
        f"/curation/relation/{relation_id}/delete",
        data={"csrf_token": csrf, "note": "a cooperation agreement, not twinning", "back": "/partnership/VN-DN/KR-27"},
    )
    assert response.status_code == 200 and "Đã lưu." in response.text
    relations = client.get("/api/partnerships/VN-DN/KR-27").json()["relations"]
    assert relations[0]["hidden"] is True and relations[0]["corrections"][0]["action"] == "delete"
    daegu = next(p for p in client.get("/api/parties/VN-DN").json()["partners"] if p["party"]["id"] == "KR-27")
    # Deleting the sister-city relationship hides the registry's too; the friendship stays.
    assert [r["type"] for r in daegu["relations"]] == ["friendship"]
