"""JSON API under /api: open reads, paginated lists, exports, and editors' writes."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from hoptac import export as export_module
from hoptac.store import curation
from hoptac.store.models import User
from hoptac.store.queries import coordinates
from hoptac.web import auth
from hoptac.web.deps import db_session, editor, event_filter, services
from hoptac.web.views import base, cache, finding, graphs, home, listing, profiles, reading

router = APIRouter(prefix="/api", tags=["api"])

DB = Annotated[Session, Depends(db_session)]
Editor = Annotated[User, Depends(editor)]
PageNo = Annotated[int, Query(ge=1, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=200)]


def _index(request: Request, session: Session) -> cache.Index:
    return services(request).cache.get(session)


Filters = Annotated[listing.EventFilter, Depends(event_filter)]


def _json(body: bytes, media_type: str = "application/json") -> Response:
    return Response(body, media_type=media_type)


async def _shared(request: Request, key: Any, compute: Callable[[Session, cache.Index], Any]) -> bytes:
    """A whole answer many clients ask for: from memory without touching a thread or the database
    when it is cached, else computed in the thread pool."""
    cache = services(request).cache
    hit = cache.peek(key)
    if hit is not None:
        return hit

    def load() -> bytes:
        with services(request).store.read_session() as session:
            return cache.cached_json(session, key, lambda: compute(session, cache.get(session)))

    return await run_in_threadpool(load)


@router.get("/overview", response_class=JSONResponse)
async def overview(request: Request) -> Response:
    """Totals, events per month, top partner countries and fields, latest and upcoming events."""
    return _json(await _shared(request, ("overview",), home.overview))


@router.get("/search", response_class=JSONResponse)
async def search(request: Request, filters: Filters, q: str = "", page: PageNo = 1, per_page: PerPage = 20) -> Response:
    """Diacritic-insensitive search over parties, events and article text ("hue" finds "Huế")."""
    key = ("search", q, tuple(vars(filters).values()), page, per_page)
    return _json(
        await _shared(
            request, key, lambda session, index: finding.search(session, index, q, filters, base.Page(page, per_page))
        )
    )


@router.get("/events", response_class=JSONResponse)
async def events(request: Request, filters: Filters, page: PageNo = 1, per_page: PerPage = 20) -> Response:
    """Events matching every filter given, newest first."""
    key = ("events", tuple(vars(filters).values()), page, per_page)
    return _json(
        await _shared(request, key, lambda session, _: listing.list_events(session, filters, base.Page(page, per_page)))
    )


@router.get("/events/{event_id}")
def event(session: DB, event_id: int) -> dict[str, Any]:
    """One event with every article that reports it and the evidence in each."""
    return listing.event_detail(session, event_id)


@router.get("/parties", response_class=JSONResponse)
async def parties(
    request: Request,
    q: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    page: PageNo = 1,
    per_page: PerPage = 50,
) -> Response:
    key = ("parties", q, kind, country, page, per_page)
    return _json(
        await _shared(
            request,
            key,
            lambda session, index: profiles.list_parties(session, index, q, kind, country, base.Page(page, per_page)),
        )
    )


@router.get("/parties/{party_id}", response_class=JSONResponse)
async def party(request: Request, party_id: str) -> Response:
    """Profile: partners with relationship and since, fields by year, officials met, proposals, predecessors."""
    return _json(
        await _shared(request, ("party", party_id), lambda session, index: profiles.profile(session, index, party_id))
    )


@router.get("/parties/{party_id}/events", response_class=JSONResponse)
async def party_events(request: Request, party_id: str, page: PageNo = 1, per_page: PerPage = 20) -> Response:
    """The party's events, newest first."""
    key = ("party_events", party_id, page, per_page)
    return _json(
        await _shared(
            request, key, lambda session, _: profiles.party_timeline(session, party_id, base.Page(page, per_page))
        )
    )


@router.get("/partnerships/{a}/{b}", response_class=JSONResponse)
async def partnership(request: Request, a: str, b: str) -> Response:
    """A pair's relationship history and every shared event with all its sources."""
    return _json(await _shared(request, ("partnership", a, b), lambda session, _: profiles.partnership(session, a, b)))


async def _graph_filter(
    country: str | None = None,
    field: str | None = None,
    since: Annotated[int | None, Query(description="first year")] = None,
    until: Annotated[int | None, Query(description="last year")] = None,
    party: str | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 300,
) -> graphs.GraphFilter:
    return graphs.GraphFilter(country or None, field or None, since, until, party or None, limit)


GraphParams = Annotated[graphs.GraphFilter, Depends(_graph_filter)]


@router.get("/graph", response_class=JSONResponse)
async def graph(request: Request, flt: GraphParams) -> Response:
    """Partner network: nodes sized by events, edges typed by the strongest stated relationship."""
    return _json(await _shared(request, ("graph", flt.key()), lambda _session, index: graphs.graph(index, flt)))


@router.get("/map", response_class=JSONResponse)
async def map_features(request: Request, flt: GraphParams) -> Response:
    """GeoJSON FeatureCollection: localities as points, partnerships as lines."""
    body = await _shared(request, ("map", flt.key()), lambda _session, index: graphs.geojson(index, flt))
    return _json(body, "application/geo+json")


@router.get("/articles/{article_id}")
def article(session: DB, article_id: int) -> dict[str, Any]:
    """Clean text, facts with their evidence spans, and the text cut into highlightable segments."""
    return reading.article_view(session, article_id)


@router.get("/corrections")
def corrections(session: DB, page: PageNo = 1, per_page: PerPage = 50) -> dict[str, Any]:
    """The audit log of editors' corrections, newest first."""
    return reading.corrections_page(session, base.Page(page, per_page))


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


def _curate(request: Request, session: Session, action: Any) -> Any:
    try:
        result = action()
    except curation.CurationError as exc:
        session.rollback()
        raise HTTPException(422, str(exc)) from None
    session.commit()
    services(request).cache.invalidate()
    return result


@router.post("/events/{event_id}/corrections", status_code=201)
def edit_event(request: Request, session: DB, user: Editor, event_id: int, body: EventEdit) -> dict[str, Any]:
    """Correct an event; the correction is kept apart from machine output and survives re-extraction."""
    changes = body.model_dump(exclude_none=True, exclude={"note"})
    correction = _curate(
        request, session, lambda: curation.edit_event(session, event_id, changes, user.username, body.note)
    )
    return base.correction_dict(correction)


@router.delete("/events/{event_id}")
def delete_event(
    request: Request, session: DB, user: Editor, event_id: int, body: Note | None = None
) -> dict[str, Any]:
    """Mark an event as wrongly extracted: hidden everywhere, kept in the audit log."""
    note = body.note if body else None
    correction = _curate(request, session, lambda: curation.delete_event(session, event_id, user.username, note))
    return base.correction_dict(correction)


@router.post("/parties/merge", status_code=201)
def merge_parties(request: Request, session: DB, user: Editor, body: Merge) -> dict[str, Any]:
    """Merge two parties that are one: every fact naming `from` names `into` from now on."""
    correction = _curate(
        request, session, lambda: curation.merge_parties(session, body.from_id, body.into, user.username, body.note)
    )
    return base.correction_dict(correction)


@router.post("/relations", status_code=201)
def add_relation(request: Request, session: DB, user: Editor, body: NewRelation) -> dict[str, Any]:
    """State a relationship (sister, friendship, cooperation, membership) with its source."""
    row = _curate(
        request,
        session,
        lambda: curation.add_relation(
            session, body.a, body.b, body.type, body.since, body.source, user.username, body.note
        ),
    )
    return {"id": row.id, "a": row.a_id, "b": row.b_id, "type": row.type, "since": row.since, "human": row.human}


@router.delete("/relations/{relation_id}")
def delete_relation(
    request: Request, session: DB, user: Editor, relation_id: int, body: Note | None = None
) -> dict[str, Any]:
    note = body.note if body else None
    correction = _curate(request, session, lambda: curation.delete_relation(session, relation_id, user.username, note))
    return base.correction_dict(correction)


@router.post("/corrections/{correction_id}/revoke")
def revoke(request: Request, session: DB, user: Editor, correction_id: int) -> dict[str, Any]:
    """Withdraw a correction; the fact returns to what its sources say."""
    correction = _curate(request, session, lambda: curation.revoke(session, correction_id, user.username))
    return base.correction_dict(correction)


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
def create_token(request: Request, session: DB, user: Editor, body: NewToken) -> dict[str, Any]:
    """A new API token for the caller, who must be signed in; `token` is shown this once."""
    if request.headers.get("authorization", "").lower().startswith("bearer"):
        raise HTTPException(403, "an API token cannot create tokens: sign in to create one")
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
