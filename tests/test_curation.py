"""Editors' corrections in the store: kept apart, applied over machine facts, surviving re-extraction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hoptac import store
from hoptac.store import curation, overlay, queries
from hoptac.store.models import Correction, EventRow, PartyRow, RelationRow, RelationSource


@pytest.fixture
def opened(web_db: str):
    db = store.open(web_db)
    yield db
    db.close()


def _event(session, party_id: str, kind: str | None = None) -> EventRow:
    [stored] = queries.events(session, party=party_id, kind=kind)
    return session.get(EventRow, stored.id)


def test_event_edit_survives_reextraction(opened):
    with opened.session() as session:
        event = _event(session, "VN-13", "meeting")
        curation.edit_event(session, event.id, {"kind": "other", "fields": ["agriculture_food"]}, "lan")
        session.commit()
    with opened.session() as session:
        store.reextract(session)
    with opened.session() as session:
        [stored] = queries.events(session, party="VN-13", kind="other")
        assert stored.event.kind == "other"
        assert stored.event.fields == ["agriculture_food"]
        assert stored.curated == ["kind", "fields"]
        # The machine's reading stays on the source row, apart from the correction.
        row = session.get(EventRow, stored.id)
        assert "trade" in row.sources[0].fields
        assert session.scalar(select(Correction.before)).get("kind") == "meeting"


def test_removing_a_wrong_party_drops_the_pair(opened):
    with opened.session() as session:
        event = _event(session, "VN-02", "signing")
        assert [link.party_id for link in event.parties] == ["VN-02", "CN-YN"]
        curation.edit_event(session, event.id, {"remove_parties": ["CN-YN"]}, "lan")
        session.commit()
        store.reextract(session)
    with opened.session() as session:
        assert [p.id for p in queries.events(session, party="VN-02", kind="signing")[0].event.parties] == ["VN-02"]


def test_revoking_restores_what_the_sources_say(opened):
    with opened.session() as session:
        event = _event(session, "VN-DN")
        correction = curation.edit_event(session, event.id, {"date": "2019-04"}, "lan")
        session.commit()
        assert _event(session, "VN-DN").date_value == "2019-04"
        curation.revoke(session, correction.id, "minh")
        session.commit()
        event = _event(session, "VN-DN")
        assert (event.date_value, event.curated) == ("2019-04-10", [])
        with pytest.raises(curation.CurationError, match="already revoked"):
            curation.revoke(session, correction.id, "minh")


def test_merge_moves_every_fact_and_new_articles_follow(opened, web_db):
    with opened.session() as session:
        curation.merge_parties(session, "JP:kumamoto", "JP-43", "lan", note="one partner for the office")
        session.commit()
        assert [p.party.id for p in queries.partners(session, "VN-CT")[1] if p.events] == ["JP-43"]
        assert queries.partners(session, "VN-CT")[1][0].events == 3
        assert session.get(PartyRow, "JP:kumamoto").merged_into == "JP-43"
    with opened.session() as session:
        store.reextract(session)
    with opened.session() as session:
        ids = {p.id for e in queries.events(session, party="VN-CT") for p in e.event.parties}
        assert "JP:kumamoto" not in ids and "JP-43" in ids
        with pytest.raises(curation.CurationError, match="itself"):
            curation.merge_parties(session, "JP-43", "JP-43", "lan")


def test_human_relation_is_kept_when_its_article_is_reread(opened):
    with opened.session() as session:
        curation.add_relation(session, "VN-HP", "JP:kitakyushu", "friendship", "1994", "Sở Ngoại vụ Hải Phòng", "lan")
        session.commit()
        store.reextract(session)
    with opened.session() as session:
        rows = session.scalars(select(RelationRow).where(RelationRow.a_id == "JP:kitakyushu")).all()
        by_type = {r.type: r for r in rows}
        assert by_type["friendship"].human and by_type["friendship"].since == "1994"
        assert by_type["friendship"].sources == []
        assert not by_type["sister"].human and by_type["sister"].since == "2014"


def test_deleted_relation_stays_deleted_after_reextraction(opened):
    with opened.session() as session:
        relation = session.scalar(select(RelationRow).where(RelationRow.b_id == "VN-02"))
        curation.delete_relation(session, relation.id, "lan")
        session.commit()
        store.reextract(session)
    with opened.session() as session:
        relation = session.scalar(select(RelationRow).where(RelationRow.b_id == "VN-02"))
        assert relation.hidden and relation.human
        assert session.scalars(select(RelationSource).where(RelationSource.relation_id == relation.id)).all()
        partners = {p.party.id: p for p in queries.partners(session, "VN-02")[1]}
        assert partners[relation.a_id].relations == []


def test_generation_grows_with_every_change(opened):
    with opened.session() as session:
        before = overlay.generation(session)
        curation.delete_event(session, _event(session, "VN-26").id, "lan")
        session.commit()
        assert overlay.generation(session) == before + 1
