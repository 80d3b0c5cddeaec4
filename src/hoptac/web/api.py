"""JSON API under /api: open reads, paginated lists, exports, and editors' writes."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from hoptac import export as export_module
from hoptac.store import curation
from hoptac.store.models import User
from hoptac.store.queries import coordinates
from hoptac.web import auth, data
from hoptac.web.app import db_session, editor, services

router = APIRouter(prefix="/api", tags=["api"])

DB = Annotated[Session, Depends(db_session)]
Editor = Annotated[User, Depends(editor)]
PageNo = Annotated[int, Query(ge=1, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=200)]


def _index(request: Request, session: Session) -> data.Index:
    return services(request).cache.get(session)


def _filters(
    party: str | None = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of a party's country")] = None,
    field: Annotated[str | None, Query(description="cooperation field code, e.g. tourism")] = None,
    kind: Annotated[str | None, Query(description="event kind, e.g. signing")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
) -> data.EventFilter:
    return data.EventFilter(party or None, country or None, field or None, kind or None, since or None, until or None)


Filters = Annotated[data.EventFilter, Depends(_filters)]


@router.get("/overview")
def overview(request: Request, session: DB) -> dict[str, Any]:
    """Totals, events per month, top partner countries and fields, latest and upcoming events."""
    cache = services(request).cache
    return cache.cached(session, ("overview",), lambda: data.overview(session, cache.get(session)))


@router.get("/search")
def search(
    request: Request, session: DB, filters: Filters, q: str = "", page: PageNo = 1, per_page: PerPage = 20
) -> dict[str, Any]:
    """Diacritic-insensitive search over parties, events and article text ("hue" finds "Huế")."""
    cache = services(request).cache
    key = ("search", q, tuple(vars(filters).values()), page, per_page)
    return cache.cached(
        session, key, lambda: data.search(session, cache.get(session), q, filters, data.Page(page, per_page))
    )


@router.get("/events")
def events(session: DB, filters: Filters, page: PageNo = 1, per_page: PerPage = 20) -> dict[str, Any]:
    return data.list_events(session, filters, data.Page(page, per_page))


@router.get("/events/{event_id}")
def event(session: DB, event_id: int) -> dict[str, Any]:
    """One event with every article that reports it and the evidence in each."""
    return data.event_detail(session, event_id)


@router.get("/parties")
def parties(
    request: Request,
    session: DB,
    q: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    page: PageNo = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    return data.list_parties(session, _index(request, session), q, kind, country, data.Page(page, per_page))


@router.get("/parties/{party_id}")
def party(request: Request, session: DB, party_id: str) -> dict[str, Any]:
    """Profile: partners with relationship and since, fields by year, officials met, proposals, predecessors."""
    cache = services(request).cache
    return cache.cached(session, ("party", party_id), lambda: data.profile(session, cache.get(session), party_id))


@router.get("/parties/{party_id}/events")
def party_events(session: DB, party_id: str, page: PageNo = 1, per_page: PerPage = 20) -> dict[str, Any]:
    """The party's events, newest first."""
    return data.party_timeline(session, party_id, data.Page(page, per_page))


@router.get("/partnerships/{a}/{b}")
def partnership(session: DB, a: str, b: str) -> dict[str, Any]:
    """A pair's relationship history and every shared event with all its sources."""
    return data.partnership(session, a, b)


def _graph_filter(
    country: str | None = None,
    field: str | None = None,
    since: Annotated[int | None, Query(description="first year")] = None,
    until: Annotated[int | None, Query(description="last year")] = None,
    party: str | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 300,
) -> data.GraphFilter:
    return data.GraphFilter(country or None, field or None, since, until, party or None, limit)


GraphParams = Annotated[data.GraphFilter, Depends(_graph_filter)]


@router.get("/graph")
def graph(request: Request, session: DB, flt: GraphParams) -> dict[str, Any]:
    """Partner network: nodes sized by events, edges typed by the strongest stated relationship."""
    cache = services(request).cache
    return cache.cached(session, ("graph", flt.key()), lambda: data.graph(cache.get(session), flt))


@router.get("/map")
def map_features(request: Request, session: DB, flt: GraphParams) -> dict[str, Any]:
    """GeoJSON FeatureCollection: localities as points, partnerships as lines."""
    cache = services(request).cache
    return cache.cached(session, ("map", flt.key()), lambda: data.geojson(cache.get(session), flt))


@router.get("/articles/{article_id}")
def article(session: DB, article_id: int) -> dict[str, Any]:
    """Clean text, facts with their evidence spans, and the text cut into highlightable segments."""
    return data.article_view(session, article_id)


@router.get("/corrections")
def corrections(session: DB, page: PageNo = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """The audit log of editors' corrections, newest first."""
    return data.corrections_page(session, data.Page(page, per_page))


_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "graphml": "application/graphml+xml; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}


@router.get("/export/{fmt}")
def export(session: DB, fmt: Literal["csv", "jsonl", "graphml", "geojson"]) -> Response:
    """The whole database as CSV (events), JSON Lines (articles), GraphML (Gephi) or GeoJSON (QGIS)."""
    buffer = io.StringIO()
    export_module.export(session, fmt, buffer, coordinates)
    headers = {"Content-Disposition": f'attachment; filename="hoptac.{fmt}"'}
    return Response(buffer.getvalue(), media_type=_MEDIA[fmt], headers=headers)


# --- writes ----------------------------------------------------------------------------


class EventEdit(BaseModel):
    kind: str | None = None
    status: str | None = None
    mode: str | None = None
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    fields: list[str] | None = None
    remove_parties: list[str] | None = None
    note: str | None = None


class Merge(BaseModel):
    from_id: str = Field(alias="from")
    into: str
    note: str | None = None


class NewRelation(BaseModel):
    a: str
    b: str
    type: str
    since: str | None = None
    source: str = Field(description="URL or citation that states the relationship")
    note: str | None = None


class NewToken(BaseModel):
    name: str = "token"


class Note(BaseModel):
    note: str | None = None


def _curate(session: Session, action: Any) -> Any:
    try:
        result = action()
    except curation.CurationError as exc:
        session.rollback()
        raise HTTPException(422, str(exc)) from None
    session.commit()
    return result


@router.post("/events/{event_id}/corrections", status_code=201)
def edit_event(session: DB, user: Editor, event_id: int, body: EventEdit) -> dict[str, Any]:
    """Correct an event; the correction is kept apart from machine output and survives re-extraction."""
    changes = body.model_dump(exclude_none=True, exclude={"note"})
    correction = _curate(session, lambda: curation.edit_event(session, event_id, changes, user.username, body.note))
    return data.correction_dict(correction)


@router.delete("/events/{event_id}")
def delete_event(session: DB, user: Editor, event_id: int, body: Note | None = None) -> dict[str, Any]:
    """Mark an event as wrongly extracted: hidden everywhere, kept in the audit log."""
    note = body.note if body else None
    correction = _curate(session, lambda: curation.delete_event(session, event_id, user.username, note))
    return data.correction_dict(correction)


@router.post("/parties/merge", status_code=201)
def merge_parties(session: DB, user: Editor, body: Merge) -> dict[str, Any]:
    """Merge two parties that are one: every fact naming `from` names `into` from now on."""
    correction = _curate(
        session, lambda: curation.merge_parties(session, body.from_id, body.into, user.username, body.note)
    )
    return data.correction_dict(correction)


@router.post("/relations", status_code=201)
def add_relation(session: DB, user: Editor, body: NewRelation) -> dict[str, Any]:
    """State a relationship (sister, friendship, cooperation, membership) with its source."""
    row = _curate(
        session,
        lambda: curation.add_relation(
            session, body.a, body.b, body.type, body.since, body.source, user.username, body.note
        ),
    )
    return {"id": row.id, "a": row.a_id, "b": row.b_id, "type": row.type, "since": row.since, "human": row.human}


@router.delete("/relations/{relation_id}")
def delete_relation(session: DB, user: Editor, relation_id: int, body: Note | None = None) -> dict[str, Any]:
    note = body.note if body else None
    correction = _curate(session, lambda: curation.delete_relation(session, relation_id, user.username, note))
    return data.correction_dict(correction)


@router.post("/corrections/{correction_id}/revoke")
def revoke(session: DB, user: Editor, correction_id: int) -> dict[str, Any]:
    """Withdraw a correction; the fact returns to what its sources say."""
    correction = _curate(session, lambda: curation.revoke(session, correction_id, user.username))
    return data.correction_dict(correction)


@router.get("/tokens")
def list_tokens(session: DB, user: Editor) -> list[dict[str, Any]]:
    return [
        {
            "id": t.id,
            "name": t.name,
            "created_at": t.created_at.isoformat(),
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in auth.tokens(session, user.username)
    ]


@router.post("/tokens", status_code=201)
def create_token(session: DB, user: Editor, body: NewToken) -> dict[str, Any]:
    """A new API token for the caller; `token` is shown this once."""
    token, secret = auth.create_token(session, user.username, body.name)
    session.commit()
    return {"id": token.id, "name": token.name, "token": secret}


@router.delete("/tokens/{token_id}")
def revoke_token(session: DB, user: Editor, token_id: int) -> dict[str, Any]:
    try:
        token = auth.revoke_token(session, token_id, user.username)
    except auth.AuthError as exc:
        raise HTTPException(404, str(exc)) from None
    session.commit()
    return {"id": token.id, "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None}
