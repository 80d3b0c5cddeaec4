"""The store on real databases (SQLite files, PostgreSQL when one is reachable)."""

from __future__ import annotations

import csv
import io
import json
import threading
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import func, select, text

from hoptac import store
from hoptac.export import export
from hoptac.models import (
    Amount,
    ArticleMeta,
    ArticleResult,
    DateValue,
    Event,
    Evidence,
    Party,
    Person,
    Proposal,
    Relation,
)
from hoptac.store import queries
from hoptac.store.models import (
    Alias,
    Article,
    EventRow,
    EventSource,
    PersonAlias,
    PersonRow,
    RelationRow,
)
from hoptac.store.pairs import registry
from hoptac.store.write import _ingest, same_person

# --- fixtures: articles of our own writing ------------------------------------------------


def span(text: str, part: str) -> Evidence:
    start = text.index(part)
    return Evidence(start=start, end=start + len(part), text=part)


def danang(role: str | None = None) -> Party:
    return Party(id="VN-DN", name="Da Nang", name_vi="thành phố Đà Nẵng", kind="city", country="VN", role=role)


def daegu(role: str | None = None) -> Party:
    return Party(id="KR-27", name="Daegu", name_vi="thành phố Daegu", kind="city", country="KR", role=role)


KOREA = Party(id="KR", name="South Korea", name_vi="Hàn Quốc", kind="country", country="KR")

DANANG_TEXT = (
    "Đà Nẵng và Daegu đẩy mạnh hợp tác du lịch, đào tạo nhân lực\n\n"
    "Chiều 12/4, tại trụ sở UBND thành phố, ông Lê Minh Khoa, Phó Chủ tịch UBND thành phố Đà Nẵng "
    "đã tiếp đoàn công tác thành phố Daegu (Hàn Quốc) do ông Park Sung-min, Phó Thị trưởng thành phố "
    "Daegu làm trưởng đoàn. Hai thành phố thiết lập quan hệ hợp tác hữu nghị từ năm 2017. "
    "Ông Lê Minh Khoa đề nghị thành phố Daegu mở thêm đường bay thẳng và phối hợp đào tạo nguồn nhân lực "
    "cho ngành du lịch. Phía Daegu cho biết sẵn sàng tài trợ 50.000 USD cho chương trình trao đổi sinh viên."
)


def danang_article(source: str = "baodanang/2024-04-12-daegu.txt", text: str = DANANG_TEXT) -> ArticleResult:
    published = DateValue(value="2024-04-12", precision="day")
    meeting = Event(
        kind="meeting",
        mode="in_person",
        date=DateValue(value="2024-04-12", precision="day", inferred=True),
        parties=[danang("host"), daegu("guest"), KOREA],
        people=[
            Person(name="Lê Minh Khoa", title="Phó Chủ tịch UBND thành phố Đà Nẵng", party="VN-DN"),
            Person(name="Park Sung-min", title="Phó Thị trưởng thành phố Daegu", party="KR-27"),
        ],
        fields=["tourism", "training_hr", "education"],
        amounts=[Amount(value=50000, currency="USD", text="50.000 USD")],
        proposals=[
            Proposal(
                by="VN-DN",
                to="KR-27",
                act="request",
                text="mở thêm đường bay thẳng",
                fields=["tourism"],
                evidence=[span(text, "đề nghị thành phố Daegu mở thêm đường bay thẳng")],
            )
        ],
        evidence=[span(text, "Chiều 12/4, tại trụ sở UBND thành phố, ông Lê Minh Khoa")],
    )
    friendship = Relation(
        a=danang(),
        b=daegu(),
        type="friendship",
        since="2017",
        evidence=[span(text, "Hai thành phố thiết lập quan hệ hợp tác hữu nghị từ năm 2017")],
    )
    return ArticleResult(
        source=source,
        article=ArticleMeta(
            title=text.split("\n")[0],
            published=published,
            outlet="Báo Đà Nẵng",
            authors=["Thu Hà"],
            url="https://baodanang.vn/doi-ngoai/202404/da-nang-daegu",
            text=text,
        ),
        events=[meeting],
        relations=[friendship],
    )


VIETNAMPLUS_TEXT = (
    "Daegu muốn mở rộng hợp tác đầu tư với Đà Nẵng\n\n"
    "Trong tháng 4/2024, đoàn thành phố Daegu do Phó Thị trưởng Park Sung-ming dẫn đầu đã làm việc "
    "với lãnh đạo Đà Nẵng, bàn về thu hút đầu tư và phát triển du lịch."
)


def vietnamplus_article() -> ArticleResult:
    text = VIETNAMPLUS_TEXT
    meeting = Event(
        kind="meeting",
        date=DateValue(value="2024-04", precision="month"),
        parties=[daegu("guest"), danang("host")],
        people=[Person(name="Park Sung-ming", title="Phó Thị trưởng", party="KR-27")],
        fields=["investment", "tourism"],
        evidence=[span(text, "đoàn thành phố Daegu do Phó Thị trưởng Park Sung-ming dẫn đầu đã làm việc")],
    )
    return ArticleResult(
        source="https://www.vietnamplus.vn/daegu-da-nang-dau-tu.vnp",
        article=ArticleMeta(title=text.split("\n")[0], outlet="VietnamPlus", text=text),
        events=[meeting],
    )


QUANGNINH_TEXT = (
    "Quảng Ninh và Quảng Tây ký kết biên bản ghi nhớ hợp tác thương mại\n\n"
    "Ngày 18/9/2023, tại thành phố Nam Ninh, Chủ tịch UBND tỉnh Quảng Ninh Phạm Đức Thịnh và Phó Chủ tịch "
    "Chính quyền nhân dân Khu tự trị dân tộc Choang Quảng Tây Vương Lệ Hoa đã ký biên bản ghi nhớ về "
    "thương mại biên giới và logistics. Dịp này, thành phố Móng Cái và thành phố Đông Hưng, hai thành phố "
    "kết nghĩa từ năm 2009, cũng trao đổi về việc nâng cấp cặp cửa khẩu."
)

QUANGNINH = Party(id="VN-13", name="Quang Ninh", name_vi="tỉnh Quảng Ninh", kind="province", country="VN")
GUANGXI = Party(id="CN-GX", name="Guangxi", name_vi="Khu tự trị Quảng Tây", kind="province", country="CN")
NANNING = Party(id="CN-GX:nanning", name="Nanning", name_vi="thành phố Nam Ninh", kind="city", country="CN")


def quangninh_article() -> ArticleResult:
    text = QUANGNINH_TEXT
    signing = Event(
        kind="signing",
        mode="in_person",
        date=DateValue(value="2023-09-18", precision="day"),
        place=NANNING,
        parties=[
            QUANGNINH.model_copy(update={"role": "participant"}),
            GUANGXI.model_copy(update={"role": "host"}),
        ],
        people=[Person(name="Phạm Đức Thịnh", title="Chủ tịch UBND tỉnh Quảng Ninh", party="VN-13")],
        fields=["trade", "logistics"],
        evidence=[span(text, "đã ký biên bản ghi nhớ về thương mại biên giới và logistics")],
    )
    sister = Relation(
        a=Party(id="VN-13:mong-cai", name="Mong Cai", name_vi="thành phố Móng Cái", kind="city", country="VN"),
        b=Party(id="CN-GX:dongxing", name="Dongxing", name_vi="thành phố Đông Hưng", kind="city", country="CN"),
        type="sister",
        since="2009",
        evidence=[span(text, "hai thành phố kết nghĩa từ năm 2009")],
    )
    return ArticleResult(
        source="quangninh-2023-09-18.txt",
        article=ArticleMeta(
            title=text.split("\n")[0],
            published=DateValue(value="2023-09-19", precision="day"),
            outlet="Báo Quảng Ninh",
            text=text,
        ),
        events=[signing],
        relations=[sister],
    )


@pytest.fixture
def db(db_url):
    opened = store.open(db_url)
    yield opened
    opened.close()


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


# --- ingest ----------------------------------------------------------------------------


def test_new_then_unchanged_changes_nothing(db):
    with db.session() as s:
        first = store.ingest_result(s, danang_article())
        again = store.ingest_result(s, danang_article())
        assert (first.status, first.events, first.relations) == ("new", 1, 1)
        assert (again.status, again.article_id, again.events) == ("unchanged", first.article_id, 0)
        assert [count(s, m) for m in (Article, EventRow, EventSource, RelationRow, PersonRow)] == [
            1,
            1,
            1,
            1,
            2,
        ]
        article = s.get(Article, first.article_id)
        assert article.content_hash == store.content_hash(DANANG_TEXT)
        assert (article.published_value, article.outlet, article.authors) == (
            "2024-04-12",
            "Báo Đà Nẵng",
            ["Thu Hà"],
        )


def test_cross_outlet_event_merges_and_keeps_the_precise_date(db):
    with db.session() as s:
        month = store.ingest_result(s, vietnamplus_article())
        day = store.ingest_result(s, danang_article())
        assert (month.merged, day.merged) == (0, 1)
        event = s.scalars(select(EventRow)).one()
        assert (event.date_value, event.date_precision, event.date_inferred) == ("2024-04-12", "day", True)
        assert sorted(src.article_id for src in event.sources) == [month.article_id, day.article_id]
        assert event.fields == ["investment", "tourism", "training_hr", "education"]
        # The country beside its own city is kept as a party but not in the merge key.
        assert event.fingerprint == "meeting|KR-27,VN-DN"
        assert sorted(link.party_id for link in event.parties) == ["KR", "KR-27", "VN-DN"]


def test_name_variants_of_one_person_become_one_person_with_aliases(db):
    with db.session() as s:
        store.ingest_result(s, danang_article())
        store.ingest_result(s, vietnamplus_article())
        park = s.scalars(select(PersonRow).where(PersonRow.party_id == "KR-27")).one()
        assert park.name == "Park Sung-min"
        assert park.titles == ["Phó Thị trưởng thành phố Daegu", "Phó Thị trưởng"]
        aliases = s.scalars(select(PersonAlias.name).where(PersonAlias.person_id == park.id)).all()
        assert sorted(aliases) == ["Park Sung-min", "Park Sung-ming"]
        assert count(s, PersonRow) == 2


def test_same_person_rule():
    assert same_person("Oh Keo-don", "Oh Keo-dong")
    assert same_person("Woo Kyungha", "Woo Kyung-ha")
    assert same_person("Nguyễn Thành Phong", "NGUYEN THANH PHONG")
    assert not same_person("Nguyễn Văn An", "Nguyễn Văn Anh")
    assert not same_person("Park Sung-min", "Kim Sung-min")
    assert not same_person("Lê Minh Khoa", "Lê Minh Khang")


def test_changed_text_of_a_source_replaces_its_facts(db):
    with db.session() as s:
        store.ingest_result(s, vietnamplus_article())
        store.ingest_result(s, danang_article())
        corrected = DANANG_TEXT.replace("trao đổi sinh viên", "trao đổi sinh viên và giáo viên")
        result = danang_article(text=corrected)
        result.relations = []
        result.events[0].fields = ["tourism"]
        outcome = store.ingest_result(s, result)
        assert outcome.status == "updated"
        assert count(s, Article) == 2
        assert count(s, RelationRow) == 0
        event = s.scalars(select(EventRow)).one()
        assert len(event.sources) == 2
        assert event.fields == ["investment", "tourism"]
        # Replaced again without the meeting: the event falls back to what VietnamPlus said.
        result = danang_article(text=corrected + " Hai bên trao quà lưu niệm.")
        result.events, result.relations = [], []
        store.ingest_result(s, result)
        s.expire_all()
        event = s.scalars(select(EventRow)).one()
        assert (event.date_value, event.date_precision, len(event.sources)) == ("2024-04", "month", 1)
        assert sorted(s.scalars(select(PersonRow.name))) == ["Park Sung-ming"]


def test_interrupted_article_leaves_nothing_and_rerun_resumes(db):
    with db.session() as s:
        store.ingest_result(s, danang_article())
        _ingest(s, quangninh_article())  # written but never committed: the process "dies" here
        s.rollback()
    with db.session() as s:
        assert count(s, Article) == 1
        outcomes = [store.ingest_result(s, r) for r in (danang_article(), quangninh_article())]
        assert [o.status for o in outcomes] == ["unchanged", "new"]
        assert [count(s, m) for m in (Article, EventRow, RelationRow)] == [2, 2, 2]


def test_concurrent_writers_do_not_duplicate(db_url):
    url = db_url
    store.open(url).close()
    errors: list[BaseException] = []

    def writer(order: list[ArticleResult]) -> None:
        opened = store.open(url)
        try:
            with opened.session() as s:
                for result in order:
                    store.ingest_result(s, result)
        except BaseException as exc:
            errors.append(exc)
        finally:
            opened.close()

    articles = [danang_article(), vietnamplus_article(), quangninh_article()]
    threads = [threading.Thread(target=writer, args=(articles[i:] + articles[:i],)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    opened = store.open(url)
    with opened.session() as s:
        assert [count(s, m) for m in (Article, EventRow, EventSource, RelationRow, PersonRow)] == [
            3,
            2,
            3,
            2,
            3,
        ]
    opened.close()


def test_open_rejects_bad_urls_in_one_line(tmp_path):
    with pytest.raises(store.StoreError, match=r"^bad database URL 'nosuchdb://x'"):
        store.open("nosuchdb://x")
    with pytest.raises(store.StoreError, match=r"^cannot open database"):
        store.open(f"sqlite:///{tmp_path}/missing-dir/hoptac.db")


def test_plain_path_and_environment_select_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("HOPTAC_DB", str(tmp_path / "env.db"))
    assert store.resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert store.resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("HOPTAC_DB")
    assert store.resolve_url() == "sqlite:///hoptac.db"


def test_migrations_create_exactly_the_model_schema(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from hoptac.store.models import Base

    with db.engine.connect() as connection:
        # The SQLite full-text index is kept by triggers, outside the models.
        def modelled(name, kind, _parents):
            return not (kind == "table" and name.startswith("article_fts"))

        context = MigrationContext.configure(connection, opts={"include_name": modelled})
        diff = compare_metadata(context, Base.metadata)
        version = connection.execute(text("select version_num from alembic_version")).scalar()
    assert diff == []
    assert version == "0006"


# --- reextract -------------------------------------------------------------------------


def test_reextract_rebuilds_facts_from_stored_text(db):
    with db.session() as s:
        store.ingest_result(s, danang_article())
        store.ingest_result(s, quangninh_article())
        seen = []

        def extractor(text: str, published: DateValue | None = None):
            seen.append((text[:10], published.value if published else None))
            if "Quảng Ninh" in text:
                return quangninh_article().events, []
            return [], danang_article().relations

        totals = store.reextract(s, extractor)
        assert totals == (2, 1, 1)
        assert seen == [(DANANG_TEXT[:10], "2024-04-12"), (QUANGNINH_TEXT[:10], "2023-09-19")]
        assert [count(s, m) for m in (Article, EventRow, RelationRow)] == [2, 1, 1]
        assert s.scalars(select(RelationRow.type)).one() == "friendship"
        assert s.scalars(select(EventRow.kind)).one() == "signing"


# --- queries ---------------------------------------------------------------------------


@pytest.fixture
def filled(db):
    with db.session() as s:
        for result in (danang_article(), vietnamplus_article(), quangninh_article()):
            store.ingest_result(s, result)
    return db


@pytest.mark.parametrize("name", ["VN-DN", "vn-dn", "Đà Nẵng", "da nang", "THÀNH PHỐ ĐÀ NẴNG", "Da Nang"])
def test_partners_by_any_alias(filled, name):
    with filled.session() as s:
        me, found = queries.partners(s, name)
    assert me.id == "VN-DN"
    daegu = found[0]
    # The news gives the friendship from 2017, the partnership registry from 2004: both are kept.
    assert (daegu.party.id, daegu.relations, daegu.since, daegu.events, daegu.last_event) == (
        "KR-27",
        ["sister", "friendship"],
        "2004-10-21",
        1,
        "2024-04-12",
    )
    assert daegu.fields == ["tourism", "training_hr", "education", "investment"]
    friendship = next(r for r in daegu.stated if r.type == "friendship")
    assert friendship.sinces == ["2004-10-21", "2017"]
    assert [(o.kind, o.since) for o in friendship.origins] == [("registry", "2004-10-21"), ("article", "2017")]
    assert friendship.origins[0].source.startswith("https://en.nhandan.vn/")
    # Registry partners with no event yet are partners too.
    assert all(p.events == 0 and p.relations for p in found[1:])
    assert {"KR-48:changwon", "FR:le-havre", "US:oakland"} <= {p.party.id for p in found[1:]}


def test_partners_of_a_foreign_city_and_unknown_party(filled):
    with filled.session() as s:
        me, found = queries.partners(s, "Mong Cai")
        assert (me.id, [(p.party.id, p.relations, p.since, p.events) for p in found]) == (
            "VN-13:mong-cai",
            [("CN-GX:dongxing", ["sister"], "2009", 0)],
        )
        with pytest.raises(queries.NotFound, match=r"^no party matches 'Xứ Đoài'$"):
            queries.partners(s, "Xứ Đoài")
        # A partner only the registry knows (Vientiane, sister city of TP Hồ Chí Minh) has partners.
        me, found = queries.partners(s, "Vientiane")
        assert me.id == "LA-VT" and "VN-SG" in {p.party.id for p in found}
        aliases = s.scalars(select(Alias.surface).where(Alias.party_id == "CN-GX")).all()
        assert sorted(aliases) == ["CN-GX", "Guangxi", "Khu tự trị Quảng Tây"]


def test_event_filters(filled):
    with filled.session() as s:

        def kinds(**filters):
            return [(e.event.kind, e.event.date.value) for e in queries.events(s, **filters)]

        assert kinds() == [("signing", "2023-09-18"), ("meeting", "2024-04-12")]
        assert kinds(country="cn") == [("signing", "2023-09-18")]
        assert kinds(party="Quảng Ninh") == [("signing", "2023-09-18")]
        assert kinds(field="education") == [("meeting", "2024-04-12")]
        assert kinds(kind="signing", field="education") == []
        assert kinds(since="2024") == [("meeting", "2024-04-12")]
        assert kinds(since="2023-09", until="2023-09") == [("signing", "2023-09-18")]
        assert kinds(until="2023-09-17") == []
        meeting = queries.events(s, party="Daegu")[0]
        assert meeting.sources == [
            "baodanang/2024-04-12-daegu.txt",
            "https://www.vietnamplus.vn/daegu-da-nang-dau-tu.vnp",
        ]
        assert [p.name for p in meeting.event.people] == ["Lê Minh Khoa", "Park Sung-min"]


def test_show_marks_evidence_of_each_fact(filled):
    with filled.session() as s:
        view = queries.show(s, "baodanang/2024-04-12-daegu.txt")
        by_id = queries.show(s, str(view.id))
    assert by_id.facts == view.facts
    assert view.text == DANANG_TEXT
    assert [f.label for f in view.facts] == [
        "meeting 2024-04-12: thành phố Đà Nẵng, thành phố Daegu, Hàn Quốc [tourism, training_hr, education]",
        "request by VN-DN to KR-27: mở thêm đường bay thẳng",
        "friendship since 2017: thành phố Đà Nẵng, thành phố Daegu",
    ]
    for fact in view.facts:
        for sp in fact.spans:
            assert view.text[sp.start : sp.end] == sp.text


# --- exports ---------------------------------------------------------------------------


def test_jsonl_export_gives_each_article_back_as_extracted(filled):
    with filled.session() as s:
        buffer = io.StringIO()
        assert export(s, "jsonl", buffer) == 3
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    expected = [r.model_dump(mode="json") for r in (danang_article(), vietnamplus_article(), quangninh_article())]
    assert lines == expected


def test_csv_export_one_row_per_event(filled):
    with filled.session() as s:
        buffer = io.StringIO()
        assert export(s, "csv", buffer) == 2
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [r["kind"] for r in rows] == ["signing", "meeting"]
    meeting = rows[1]
    assert meeting["party_ids"] == "VN-DN; KR-27; KR"
    assert meeting["roles"] == "host; guest; "
    assert meeting["date"] == "2024-04-12"
    assert meeting["people"] == (
        "Lê Minh Khoa (Phó Chủ tịch UBND thành phố Đà Nẵng); Park Sung-min (Phó Thị trưởng thành phố Daegu)"
    )
    assert rows[0]["place"] == "CN-GX:nanning"


def test_graphml_export_is_a_partner_graph(filled):
    with filled.session() as s:
        buffer = io.StringIO()
        edges = export(s, "graphml", buffer, coordinates={"VN-DN": (16.0544, 108.2022)}.get)
    listed = set(registry())
    assert edges == len(listed | {("KR-27", "VN-DN"), ("CN-GX", "VN-13"), ("CN-GX:dongxing", "VN-13:mong-cai")})
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(buffer.getvalue())
    nodes = {n.get("id"): {d.get("key"): d.text for d in n} for n in root.iterfind(".//g:node", ns)}
    assert {"VN-DN", "KR-27", "VN-13", "CN-GX", "VN-13:mong-cai", "CN-GX:dongxing"} <= set(nodes)
    assert nodes["VN-DN"]["lat"] == "16.0544"
    assert nodes["KR-27"]["country"] == "KR"
    found = {
        (e.get("source"), e.get("target")): {d.get("key"): d.text for d in e} for e in root.iterfind(".//g:edge", ns)
    }
    daegu = found[("KR-27", "VN-DN")]
    assert {k: daegu[k] for k in ("relation", "since", "events", "fields")} == {
        "relation": "sister;friendship",
        "since": "2004-10-21",
        "events": "1",
        "fields": "tourism;training_hr;education;investment",
    }
    # Where each relationship is stated: the registry's sources, then the article.
    assert daegu["sources"].split(" ")[-1] == "baodanang/2024-04-12-daegu.txt"
    assert (
        "https://en.nhandan.vn/special-art-performance-highlights-da-nang-daegu-friendship-post136800.html"
        in daegu["sources"]
    )
    assert found[("CN-GX", "VN-13")]["events"] == "1"
    assert found[("CN-GX:dongxing", "VN-13:mong-cai")]["relation"] == "sister"


# --- PostgreSQL ------------------------------------------------------------------------


def test_postgresql_store(pg_schema):
    opened = store.open(pg_schema)
    try:
        with opened.session() as s:
            outcomes = [store.ingest_result(s, r) for r in (vietnamplus_article(), danang_article())]
            assert [(o.status, o.merged) for o in outcomes] == [("new", 0), ("new", 1)]
            assert store.ingest_result(s, danang_article()).status == "unchanged"
            event = s.scalars(select(EventRow)).one()
            assert (event.date_value, event.fields) == (
                "2024-04-12",
                ["investment", "tourism", "training_hr", "education"],
            )
            me, found = queries.partners(s, "đà nẵng")
            assert me.id == "VN-DN"
            assert [(p.party.id, p.events) for p in found if p.events] == [("KR-27", 1)]
            buffer = io.StringIO()
            export(s, "jsonl", buffer)
            assert json.loads(buffer.getvalue().splitlines()[1]) == danang_article().model_dump(mode="json")
    finally:
        opened.close()


def test_absorbing_an_event_keeps_its_sources_people_and_proposals(db):
    from hoptac.store.models import ProposalRow
    from hoptac.store.write import _absorb

    with db.session() as s:
        store.ingest_result(s, quangninh_article())
        store.ingest_result(s, danang_article())
        keep, other = s.scalars(select(EventRow).order_by(EventRow.id)).all()
        other.proposals.append(ProposalRow(article_id=other.sources[0].article_id, act="request", text="mở đường bay"))
        s.flush()
        moved = {(p.id, p.text) for p in other.proposals}
        people = {link.person_id for link in other.people}
        _absorb(s, keep, other)
        s.commit()
        assert s.scalars(select(EventRow)).all() == [keep]
        assert moved <= {(p.id, p.text) for p in s.scalars(select(ProposalRow))}
        assert people <= {link.person_id for link in keep.people}
        assert count(s, EventSource) == 2
