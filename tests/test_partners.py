"""Partners are counterparts, the registry's partnerships show, search finds what people type,
and the command line refuses what it cannot answer: on articles of our own writing, on SQLite
and PostgreSQL, through the store, the CLI, the JSON API and the exports."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLES, WEB_ARTICLES, _pg_schema, fill
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from hoptac import store
from hoptac.cli import app as cli_app
from hoptac.export import export
from hoptac.models import ArticleMeta, ArticleResult, DateValue, Event, Evidence, Party
from hoptac.sample import SAMPLE_OUTLET
from hoptac.store import queries
from hoptac.store.pairs import counterpart_ids
from hoptac.textnorm import fold
from hoptac.web.app import create_app

PARTNER_ARTICLES = [*WEB_ARTICLES, FIXTURES / "partners"]

DIALOGUE = """TP Hồ Chí Minh đối thoại hữu nghị với Trung Quốc, Nga và Thái Lan

Chiều 15/11/2022, UBND TP Hồ Chí Minh tổ chức Đối thoại hữu nghị với đại diện Trung Quốc, \
Liên bang Nga và Thái Lan về hợp tác thương mại và du lịch."""


def _party(id_: str, name: str, kind: str, country: str | None, role: str | None = None) -> Party:
    return Party(id=id_, name=name, kind=kind, country=country, role=role)  # type: ignore[arg-type]


def dialogue() -> ArticleResult:
    """One event with the city as host and three countries speaking on the same side."""
    sentence = DIALOGUE.split("\n\n")[1]
    start = DIALOGUE.index(sentence)
    event = Event(
        kind="conference",
        date=DateValue(value="2022-11-15", precision="day"),
        parties=[
            _party("VN-SG", "Ho Chi Minh City", "province", "VN", "host"),
            _party("CN", "China", "country", "CN", "participant"),
            _party("RU", "Russia", "country", "RU", "participant"),
            _party("TH", "Thailand", "country", "TH", "participant"),
        ],
        fields=["trade", "tourism"],
        evidence=[Evidence(start=start, end=start + len(sentence), text=sentence)],
    )
    meta = ArticleMeta(
        title=DIALOGUE.split("\n")[0],
        published=DateValue(value="2022-11-15", precision="day"),
        outlet="Báo Sài Gòn",
        text=DIALOGUE,
    )
    return ArticleResult(source="sggp/2022-11-15-doi-thoai.txt", article=meta, events=[event])


def _fill_partners(url: str) -> None:
    fill(url, PARTNER_ARTICLES)
    opened = store.open(url)
    with opened.session() as session:
        store.ingest_result(session, dialogue())
    opened.close()


@pytest.fixture(scope="module")
def partners_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("partners") / "template.db"
    _fill_partners(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def partners_db(request: pytest.FixtureRequest, partners_template: Path, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "hoptac.db"
        path.write_bytes(partners_template.read_bytes())
        yield f"sqlite:///{path}"
    else:
        for url in _pg_schema():
            _fill_partners(url)
            yield url


@pytest.fixture
def opened(partners_db: str) -> Iterator[store.Store]:
    handle = store.open(partners_db)
    yield handle
    handle.close()


@pytest.fixture
def client(partners_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(partners_db, secret_key="test-secret")) as test_client:
        yield test_client


# --- partners are counterparts -------------------------------------------------------


def test_counterparts_join_a_vietnamese_and_a_foreign_party_only():
    dialogue_parties = [("VN-SG", "province", "VN"), ("CN", "country", "CN"), ("RU", "country", "RU")]
    assert counterpart_ids(dialogue_parties) == [("CN", "VN-SG"), ("RU", "VN-SG")]
    # The country beside its own city is context; alone on its side it stays.
    busan = [("VN-SG", "province", "VN"), ("KR-26", "province", "KR"), ("KR", "country", "KR")]
    assert counterpart_ids(busan) == [("KR-26", "VN-SG")]
    # The city and the province it belonged to are one side, never partners of each other.
    hue = [("VN-26", "province", "VN"), ("VN-26:hue", "city", "VN"), ("KR-47:gyeongju", "city", "KR")]
    assert counterpart_ids(hue) == [("KR-47:gyeongju", "VN-26"), ("KR-47:gyeongju", "VN-26:hue")]
    # An international organisation has no country and stands on the foreign side.
    assert counterpart_ids([("VN-SG", "province", "VN"), ("UNESCO", "organisation", None)]) == [("UNESCO", "VN-SG")]


def test_countries_on_one_side_are_not_each_others_partners(opened):
    with opened.session() as session:
        me, found = queries.partners(session, "Trung Quốc")
        assert me.id == "CN"
        assert [(p.party.id, p.events) for p in found] == [("VN-SG", 1)]
        _, hcmc = queries.partners(session, "HCMC")
        with_events = {p.party.id: p.events for p in hcmc if p.events}
        # Busan's meeting lists "Hàn Quốc" too: Korea is no second partner there.
        assert with_events == {"CN": 1, "RU": 1, "TH": 1, "KR-26": 1}


def test_network_and_exports_pair_only_counterparts(opened, client):
    edges = {(e["source"], e["target"]) for e in client.get("/api/graph", params={"limit": 1000}).json()["edges"]}
    assert {("CN", "VN-SG"), ("RU", "VN-SG"), ("TH", "VN-SG"), ("KR-26", "VN-SG")} <= edges
    assert not {("CN", "RU"), ("CN", "TH"), ("RU", "TH"), ("KR", "VN-SG"), ("KR", "KR-26")} & edges
    profile = client.get("/api/parties/RU").json()
    assert [p["party"]["id"] for p in profile["partners"] if p["events"]] == ["VN-SG"]
    with opened.session() as session:
        buffer = io.StringIO()
        export(session, "graphml", buffer)
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        graph = ET.fromstring(buffer.getvalue())
        pairs = {(e.get("source"), e.get("target")) for e in graph.iterfind(".//g:edge", ns)}
        assert ("CN", "VN-SG") in pairs and ("CN", "RU") not in pairs and ("KR", "VN-SG") not in pairs
        buffer = io.StringIO()
        export(session, "geojson", buffer, coordinates=lambda _: (10.0, 106.0))
        lines = [f["properties"] for f in json.loads(buffer.getvalue())["features"] if "source" in f["properties"]]
        assert not [x for x in lines if {x["source"], x["target"]} <= {"CN", "RU", "TH"}]


def test_overview_counts_each_partner_once(client):
    totals = client.get("/api/overview").json()["totals"]
    graph = client.get("/api/graph", params={"limit": 5000}).json()
    # Every counted party is a node of the partner network; Korea, context only, is not.
    assert totals["parties"] == len(graph["nodes"])
    assert "KR" not in {n["id"] for n in graph["nodes"]}


# --- known partnerships are shown ----------------------------------------------------


def test_registry_partners_of_hue_with_their_sources(opened):
    with opened.session() as session:
        me, found = queries.partners(session, "Huế")
    assert me.id == "VN-26:hue"
    ids = {p.party.id for p in found}
    assert {"BE:namur", "BR:sao-luis", "ID:yogyakarta", "KR-47:gyeongju", "US:honolulu"} <= ids
    # Beside Honolulu and New Haven, the registry's "United States" is no second partner.
    assert "US" not in ids
    gyeongju = next(p for p in found if p.party.id == "KR-47:gyeongju")
    assert (gyeongju.relations, gyeongju.since) == (["sister"], "2007-09-13")
    assert {o.source for o in gyeongju.stated[0].origins} >= {
        "https://images.vietnamnet.vn/vanhoa/tintuc/2007/09/741327"
    }


def test_registry_only_party_has_a_profile_and_a_partnership_page(client):
    profile = client.get("/api/parties/BE:namur").json()
    assert profile["party"]["name"] == "Namur"
    assert [p["party"]["id"] for p in profile["partners"]] == ["VN-26:hue"]
    pair = client.get("/api/partnerships/VN-26:hue/BE:namur").json()
    assert [(r["type"], r["id"], r["sources"], len(r["registry"])) for r in pair["relations"]] == [
        ("sister", None, [], 1)
    ]
    page = client.get("/partnership/VN-26:hue/BE:namur")
    assert page.status_code == 200 and "github.com/Hekman/twincities" in page.text
    network = client.get("/api/graph", params={"party": "VN-26:hue"}).json()
    assert ("BE:namur", "VN-26:hue") in {(e["source"], e["target"]) for e in network["edges"]}


def test_registry_and_news_disagreeing_on_a_year_are_both_shown(client):
    page = client.get("/party/VN-DN").text
    # Đà Nẵng–Daegu: the article says sister cities since 2004, the registry 2018-08-03.
    assert "Các nguồn ghi năm khác nhau" in page or "các nguồn ghi năm khác nhau" in page
    pair = client.get("/partnership/VN-DN/KR-27").text
    assert "2018-08-03" in pair and "15 năm kết nghĩa" in pair


# --- search finds what people type ---------------------------------------------------


@pytest.mark.parametrize("query", ["TP HCM", "hcm", "Sài Gòn", "sai gon", "HCMC", "Thành phố Hồ Chí Minh"])
def test_every_alias_finds_its_party_first(client, query):
    body = client.get("/api/search", params={"q": query}).json()
    assert body["parties"][0]["id"] == "VN-SG"
    assert {e["date"]["value"] for e in body["events"]["items"]} == {"2022-11-15", "2023-09-06"}


@pytest.mark.parametrize("query", ["Busan", "Pusan", "busan"])
def test_a_foreign_city_by_any_spelling(client, query):
    body = client.get("/api/search", params={"q": query}).json()
    assert body["parties"][0]["id"] == "KR-26"
    assert [e["date"]["value"] for e in body["events"]["items"]] == ["2023-09-06"]


@pytest.mark.parametrize("query", ["du lịch", "du lich", "tourism"])
def test_a_field_by_its_name_finds_its_events(client, query):
    body = client.get("/api/search", params={"q": query}).json()
    assert body["field"] == "tourism"
    expected = client.get("/api/events", params={"field": "tourism", "per_page": 100}).json()
    # Every tourism event, beside those of articles that say the words.
    tourism = [e["id"] for e in expected["items"]]
    assert tourism and set(tourism) <= {e["id"] for e in body["events"]["items"]}


def test_highlights_mark_whole_words_only(client):
    body = client.get("/api/search", params={"q": "du lịch"}).json()
    for hit in body["articles"]["items"]:
        snippet = hit["snippet"]
        for start, end in snippet["marks"]:
            text = snippet["text"]
            assert not text[start - 1 : start].isalnum() and not text[end : end + 1].isalnum(), text[start:end]
    # "giáo dục" holds "du" folded, but only the word "du" ("dự" without its marks) is highlighted.
    snippet = client.get("/api/search", params={"q": "du"}).json()["articles"]["items"]
    marked = {s["snippet"]["text"][a:b].lower() for s in snippet for a, b in s["snippet"]["marks"]}
    assert marked and {fold(m) for m in marked} == {"du"}


# --- samples are marked --------------------------------------------------------------


def test_samples_are_stored_as_samples_and_flagged_in_exports(opened):
    with opened.session() as session:
        sample = queries.find_article(session, str(SAMPLES / "can-tho-kumamoto-2024.txt"))
        assert sample.outlet == SAMPLE_OUTLET
        buffer = io.StringIO()
        export(session, "csv", buffer)
        rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
        flagged = {r["date"] for r in rows if r["sample"] == "true"}
        assert "2024-03-14" in flagged and "2023-09-06" not in flagged
        buffer = io.StringIO()
        export(session, "jsonl", buffer)
        records = [json.loads(line) for line in buffer.getvalue().splitlines()]
        assert {r["source"].rsplit("/", 1)[-1] for r in records if r.get("sample")} == {
            "can-tho-kumamoto-2024.txt",
            "hai-phong-kitakyushu-2022.txt",
            "lao-cai-van-nam-2023.txt",
        }
        buffer = io.StringIO()
        export(session, "graphml", buffer)
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        graph = ET.fromstring(buffer.getvalue())
        sample_edges = {
            (e.get("source"), e.get("target"))
            for e in graph.iterfind(".//g:edge", ns)
            if any(d.get("key") == "sample" for d in e)
        }
        # Lào Cai–Yunnan rests on the sample alone; Cần Thơ–Kumamoto has real articles too, and
        # Hải Phòng–Kitakyushu the registry's sources.
        assert sample_edges == {("CN-YN", "VN-02")}


def test_sample_article_page_says_it_is_invented(client):
    articles = client.get("/api/search", params={"q": "Kitakyushu"}).json()["articles"]["items"]
    sample = next(a for a in articles if a["outlet"] == SAMPLE_OUTLET)
    page = client.get(f"/article/{sample['id']}").text
    assert 'id="sample-banner"' in page
    real = next(a for a in client.get("/api/search", params={"q": "Busan"}).json()["articles"]["items"])
    assert 'id="sample-banner"' not in client.get(f"/article/{real['id']}").text


# --- the command line ----------------------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize(
    ("option", "value"), [("--since", "2024-13"), ("--until", "2023-02-30"), ("--since", "last year")]
)
def test_an_impossible_date_is_an_error(partners_db, option, value):
    result = runner.invoke(cli_app, ["events", option, value, "--db", partners_db])
    assert result.exit_code == 1
    assert result.stderr == f"error: {option}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"


def test_cli_partners_show_where_each_relationship_is_stated(partners_db):
    result = runner.invoke(cli_app, ["partners", "Đà Nẵng", "--db", partners_db])
    assert result.exit_code == 0
    # The registry and the article give Đà Nẵng–Daegu different years; each source shows its own.
    assert "sister: registry 2018-08-03" in result.output and "https://en.nhandan.vn/" in result.output
    assert "article 2004 " in result.output


def test_serve_on_a_busy_port_says_so(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                str(Path(sys.executable).with_name("hoptac")),
                "serve",
                "--port",
                str(port),
                "--db",
                str(tmp_path / "h.db"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}: address already in use")


def test_show_says_a_sample_is_invented(partners_db):
    sample = runner.invoke(cli_app, ["show", "hai-phong-kitakyushu-2022.txt", "--db", partners_db])
    assert sample.exit_code == 0
    assert sample.output.splitlines()[1] == "invented sample article bundled with hoptac: not news, not to be quoted"
    real = runner.invoke(cli_app, ["show", "hcm_busan_2023.txt", "--db", partners_db])
    assert "invented sample" not in real.output


def test_ingest_help_names_every_input_format():
    text = runner.invoke(cli_app, ["ingest", "--help"], env={"COLUMNS": "300"}).output
    for suffix in (".txt", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", "stdin"):
        assert suffix in text


def test_html_on_stdin_is_read_as_html():
    page = (FIXTURES / "quangninh_quangtay.html").read_text(encoding="utf-8")
    result = runner.invoke(cli_app, ["extract", "-", "--format", "jsonl"], input=page)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert "<" not in record["article"]["text"]
    assert record["events"]


# --- the dashboard tells the truth at a glance ---------------------------------------

PLANS = """Quảng Ninh và Quảng Tây bàn kế hoạch hợp tác

Hai bên dự kiến tổ chức Hội nghị hợp tác kinh tế biên giới vào tháng 5/2024 tại Móng Cái và Diễn đàn \
du lịch chung vào tháng 3/2027. Năm 2018, hai tỉnh đã ký thỏa thuận hợp tác về logistics."""


def plans() -> ArticleResult:
    """A planned meeting whose month has passed, one still ahead, and a past signing dated by its year."""

    def event(kind: str, value: str, precision: str, status: str, fields: list[str]) -> Event:
        return Event(
            kind=kind,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            date=DateValue(value=value, precision=precision),  # type: ignore[arg-type]
            parties=[
                _party("VN-13", "Quang Ninh", "province", "VN", "host"),
                _party("CN-GX", "Guangxi", "province", "CN", "guest"),
            ],
            fields=fields,
        )

    meta = ArticleMeta(title=PLANS.split("\n")[0], published=DateValue(value="2023-12-20", precision="day"), text=PLANS)
    return ArticleResult(
        source="baoquangninh/2023-12-20-ke-hoach.txt",
        article=meta,
        events=[
            event("conference", "2024-05", "month", "planned", ["trade"]),
            event("conference", "2027-03", "month", "planned", ["tourism"]),
            event("signing", "2018", "year", "past", ["logistics"]),
        ],
    )


@pytest.fixture
def with_plans(partners_db: str) -> str:
    opened = store.open(partners_db)
    with opened.session() as session:
        store.ingest_result(session, plans())
    opened.close()
    return partners_db


def test_passed_plans_are_latest_and_upcoming_is_ahead(with_plans):
    from datetime import date

    from hoptac.web.views.cache import build_index
    from hoptac.web.views.home import overview

    opened = store.open(with_plans)
    with opened.read_session() as session:
        stats = overview(session, build_index(session), today=date(2026, 12, 4))
    opened.close()
    latest = [(e["date"]["value"], e["status"]) for e in stats["latest"]]
    assert ("2024-05", "planned") in latest
    assert latest == sorted(latest, reverse=True)
    assert [(e["date"]["value"], e["status"]) for e in stats["upcoming"]] == [("2027-03", "planned")]
    # The signing dated by its year alone is counted in its year.
    assert {"year": "2018", "events": 1, "year_only": 1} in stats["events_per_year"]


def test_overview_chart_spans_every_month_with_a_value_axis(with_plans):
    with TestClient(create_app(with_plans, secret_key="test-secret")) as client:
        stats = client.get("/api/overview").json()
        page = client.get("/").text
    months = [m["month"] for m in stats["events_per_month"]]
    # From the first dated event to the last planned one, more than the last five years.
    assert months[0] == "2019-04" and months[-1] == "2027-03" and len(months) == 96
    chart = page[page.index('<svg class="chart" id="months-chart"') : page.index("</svg>")]
    assert chart.count("<rect") == 96
    assert '<text class="axis"' in chart and ">0</text>" in chart
    labels = [float(x) for x in re.findall(r'<text class="label" x="([\d.]+)"', chart)]
    assert labels and all(b - a >= 44 for a, b in itertools.pairwise(labels))
    assert 'id="years-table"' in page and "2018" in page


def test_pages_name_parties_and_kinds_and_mark_inferred_dates(client):
    page = client.get("/party/VN-26").text
    # Gyeongsangbuk's request to the province: names, not ids.
    proposals = page[page.index('id="proposals"') :]
    assert "<code>KR-47:gyeongju</code>" not in proposals and "Gyeongju" in proposals
    # And in an article's facts: "Đề nghị thành phố Gyeongju → tỉnh Thừa Thiên Huế".
    article = next(a for a in client.get("/api/search", params={"q": "gyeongju"}).json()["articles"]["items"])
    facts = client.get(f"/article/{article['id']}").text
    facts = facts[facts.index('class="facts-panel"') :]
    assert "<code>KR-47:gyeongju</code>" not in facts and "<code>VN-26</code>" not in facts
    assert 'Đề nghị</b> <a class="party kind-city" href="/party/KR-47%3Agyeongju">thành phố Gyeongju</a>' in facts
    hcmc = client.get("/party/VN-SG").text
    assert "thành phố trực thuộc trung ương" in hcmc and "tỉnh/bang" not in hcmc.split("</h1>")[0]
    assert "Tỉnh Bình Dương" in hcmc and "Tỉnh Bà Rịa - Vũng Tàu" in hcmc
    assert [p["id"] for p in client.get("/api/parties/VN-SG").json()["predecessors"]] == ["VN-43", "VN-57"]
    assert "thành phố cấp tỉnh/bang" in client.get("/party/KR-26").text.split("</h1>")[0]
    # "Sáng 6/9" gives no year: the date is marked and the mark says why.
    events = client.get("/search", params={"q": "Busan"}).text
    assert '2023-09-06</a> <abbr class="inferred" title="Ngày suy ra: bài không ghi năm' in events


def test_api_docs_load_nothing_from_the_internet(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path).text
        assert not re.findall(r"""(?:src|href)=["']?https?://""", page), path


def test_cached_pages_follow_an_editors_change(partners_db):
    from hoptac.web import auth

    opened = store.open(partners_db)
    with opened.session() as session:
        auth.create_user(session, "lan", "mật khẩu dài")
        _, secret = auth.create_token(session, "lan", "script")
        session.commit()
    opened.close()
    with TestClient(create_app(partners_db, secret_key="test-secret")) as client:
        before = client.get("/party/KR-26").text
        assert before == client.get("/party/KR-26").text  # the same page, served from memory
        assert "Sign in" not in before and "Đăng nhập" in before
        body = {"a": "VN-SG", "b": "KR-26", "type": "cooperation", "since": "2019", "source": "https://example.org/mou"}
        assert (
            client.post("/api/relations", json=body, headers={"Authorization": f"Bearer {secret}"}).status_code == 201
        )
        after = client.get("/party/KR-26").text
        assert "hợp tác từ 2019" in after and "hợp tác từ 2019" not in before
