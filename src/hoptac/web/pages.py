"""The dashboard's server-rendered pages and the editors' form posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from hoptac.store import curation
from hoptac.web import auth
from hoptac.web.deps import db_session, event_filter, language, services, session_user
from hoptac.web.render import html_response, page_html, render
from hoptac.web.views import base, cache, finding, home, listing, profiles, reading

router = APIRouter(include_in_schema=False)
THROTTLE = auth.Throttle()
DB = Annotated[Session, Depends(db_session)]


def _page(request: Request) -> base.Page:
    try:
        number = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        number = 1
    return base.Page(number, 20)


async def _view(request: Request, name: str, build: Callable[[Session, cache.Index], dict[str, Any]]) -> Response:
    """A read-only page. What a visitor who is not signed in sees is the same for all of them: it is
    rendered once per data generation, language and URL, and served from memory after that."""
    services_ = services(request)
    personal = bool(request.session.get("user")) or "flash" in request.session

    def compute(session: Session, signed_in: bool) -> str:
        return page_html(request, name, build(session, services_.cache.get(session)), signed_in=signed_in)

    if personal:

        def direct() -> str:
            with services_.store.read_session() as session:
                return compute(session, True)

        return html_response(request, await run_in_threadpool(direct))
    key = ("html", name, request.url.path, request.url.query, language(request))
    body = services_.cache.fresh(key)
    if body is None:

        def load() -> bytes:
            with services_.store.read_session() as session:
                return services_.cache.cached(session, key, lambda: compute(session, False).encode())

        body = await run_in_threadpool(load)
    return html_response(request, body)


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request) -> Response:
    def build(session: Session, index: cache.Index) -> dict[str, Any]:
        stats = services(request).cache.cached(session, ("overview",), lambda: home.overview(session, index))
        return {"stats": stats}

    return await _view(request, "overview.html", build)


@router.get("/search", response_class=HTMLResponse)
async def search(
    request: Request, filters: Annotated[listing.EventFilter, Depends(event_filter)], q: str = ""
) -> Response:
    def build(session: Session, index: cache.Index) -> dict[str, Any]:
        result = finding.search(session, index, q, filters, _page(request))
        party = index.parties.get(filters.party) if filters.party else None
        return {"q": q, "result": result, "filters": filters, "filter_party": party}

    return await _view(request, "search.html", build)


@router.get("/party/{party_id}", response_class=HTMLResponse)
async def party(request: Request, party_id: str) -> Response:
    def build(session: Session, index: cache.Index) -> dict[str, Any]:
        profile = profiles.profile(session, index, party_id)
        timeline = profiles.party_timeline(session, party_id, _page(request))
        # Every unit the gazetteer knows has a profile page; an id it does not know is only named.
        successor = profile["successor"]
        linked = successor is not None and successor["kind"] is not None
        return {"p": profile, "timeline": timeline, "successor_linked": linked}

    return await _view(request, "party.html", build)


@router.get("/partnership/{a}/{b}", response_class=HTMLResponse)
async def partnership(request: Request, a: str, b: str) -> Response:
    def build(session: Session, _: cache.Index) -> dict[str, Any]:
        flash = request.session.pop("flash", None)
        return {"pair": profiles.partnership(session, a, b), "flash": flash}

    return await _view(request, "partnership.html", build)


@router.get("/event/{event_id}", response_class=HTMLResponse)
async def event(request: Request, event_id: int) -> Response:
    def build(session: Session, _: cache.Index) -> dict[str, Any]:
        # The outcome of an edit posted from this page ("saved" or why it was refused) is shown here.
        flash = request.session.pop("flash", None)
        return {"e": listing.event_detail(session, event_id), "flash": flash}

    return await _view(request, "event.html", build)


@router.get("/article/{article_id}", response_class=HTMLResponse)
async def article(request: Request, article_id: int) -> Response:
    def build(session: Session, _: cache.Index) -> dict[str, Any]:
        view = reading.article_view(session, article_id)
        return {"view": view, "focus": request.query_params.get("fact")}

    return await _view(request, "article.html", build)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    return render(request, "network.html", {})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    return render(request, "map.html", {})


# --- signing in ------------------------------------------------------------------------


def _local(path: str, default: str) -> str:
    """`path` when it stays on this site, else `default`: a form never sends a user off-site."""
    return path if path.startswith("/") and not path.startswith("//") else default


def _check_csrf(request: Request, token: str) -> None:
    if not auth.csrf_matches(request.session.get("csrf"), token):
        raise HTTPException(403, "the form expired or did not come from this site; reload and try again")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/curation") -> HTMLResponse:
    return render(request, "login.html", {"next": next, "error": None})


@router.post("/login", response_class=HTMLResponse, response_model=None)
def login(
    request: Request,
    session: DB,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/curation",
) -> Response:
    _check_csrf(request, csrf_token)
    address = request.client.host if request.client else ""
    wait = THROTTLE.wait(username, address)
    if wait:
        response = render(request, "login.html", {"next": next, "error": "login_throttled"}, status_code=429)
        response.headers["Retry-After"] = str(wait)
        return response
    user = auth.authenticate(session, username, password)
    session.commit()
    if user is None:
        THROTTLE.failed(username, address)
        return render(request, "login.html", {"next": next, "error": "login_failed"}, status_code=401)
    THROTTLE.succeeded(username, address)
    request.session["user"] = user.username
    request.session["epoch"] = user.session_epoch
    request.session["csrf"] = auth.new_csrf_token()
    target = _local(next, "/curation")
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
def logout(request: Request, session: DB, csrf_token: Annotated[str, Form()]) -> RedirectResponse:
    _check_csrf(request, csrf_token)
    user = session_user(request, session)
    if user is not None:  # a copy of the cookie must not outlive the sign-out
        user.session_epoch += 1
        session.commit()
    request.session.clear()
    return RedirectResponse("/", status_code=303)


# --- curation --------------------------------------------------------------------------


def _require_editor(request: Request, session: Session, token: str) -> str:
    _check_csrf(request, token)
    user = session_user(request, session)
    if user is None:
        raise HTTPException(401, "sign in first")
    return user.username


def _done(request: Request, session: Session, action: Any, back: str) -> Response:
    try:
        action()
    except (curation.CurationError, auth.AuthError) as exc:
        session.rollback()
        request.session["flash"] = str(exc)
        return RedirectResponse(back, status_code=303)
    session.commit()
    services(request).cache.invalidate()
    request.session["flash"] = "saved"
    return RedirectResponse(back, status_code=303)


@router.get("/curation", response_class=HTMLResponse, response_model=None)
def curation_page(request: Request, session: DB) -> Response:
    user = session_user(request, session)
    if user is None:
        return RedirectResponse("/login?next=/curation", status_code=303)
    log = reading.corrections_page(session, _page(request))
    tokens = auth.tokens(session, user.username)
    flash = request.session.pop("flash", None)
    new_token = request.session.pop("new_token", None)
    return render(request, "curation.html", {"log": log, "tokens": tokens, "flash": flash, "new_token": new_token})


@router.post("/curation/event/{event_id}")
def edit_event(
    request: Request,
    session: DB,
    event_id: int,
    csrf_token: Annotated[str, Form()],
    kind: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    fields: Annotated[list[str] | None, Form()] = None,
    remove_parties: Annotated[list[str] | None, Form()] = None,
    note: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    username = _require_editor(request, session, csrf_token)
    current = listing.event_detail(session, event_id)
    changes: dict[str, Any] = {}
    if kind and kind != current["kind"]:
        changes["kind"] = kind
    if status and status != current["status"]:
        changes["status"] = status
    if date and date != (current["date"] or {}).get("value"):
        changes["date"] = date
    chosen = fields or []
    if sorted(chosen) != sorted(current["fields"]):
        changes["fields"] = chosen
    if remove_parties:
        changes["remove_parties"] = remove_parties
    target = _local(back, f"/event/{event_id}")
    return _done(
        request, session, lambda: curation.edit_event(session, event_id, changes, username, note or None), target
    )


@router.post("/curation/event/{event_id}/delete")
def delete_event(
    request: Request,
    session: DB,
    event_id: int,
    csrf_token: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    username = _require_editor(request, session, csrf_token)
    return _done(
        request,
        session,
        lambda: curation.delete_event(session, event_id, username, note or None),
        f"/event/{event_id}",
    )


@router.post("/curation/merge")
def merge(
    request: Request,
    session: DB,
    csrf_token: Annotated[str, Form()],
    from_id: Annotated[str, Form()],
    into_id: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    username = _require_editor(request, session, csrf_token)
    return _done(
        request,
        session,
        lambda: curation.merge_parties(session, from_id.strip(), into_id.strip(), username, note or None),
        "/curation",
    )


@router.post("/curation/relation")
def add_relation(
    request: Request,
    session: DB,
    csrf_token: Annotated[str, Form()],
    a: Annotated[str, Form()],
    b: Annotated[str, Form()],
    type: Annotated[str, Form()],
    source: Annotated[str, Form()],
    since: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    username = _require_editor(request, session, csrf_token)
    return _done(
        request,
        session,
        lambda: curation.add_relation(
            session, a.strip(), b.strip(), type, since or None, source, username, note or None
        ),
        "/curation",
    )


@router.post("/curation/relation/{relation_id}/delete")
def delete_relation(
    request: Request,
    session: DB,
    relation_id: int,
    csrf_token: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    username = _require_editor(request, session, csrf_token)
    target = _local(back, "/curation")
    return _done(
        request, session, lambda: curation.delete_relation(session, relation_id, username, note or None), target
    )


@router.post("/curation/revoke/{correction_id}")
def revoke(request: Request, session: DB, correction_id: int, csrf_token: Annotated[str, Form()]) -> Response:
    username = _require_editor(request, session, csrf_token)
    return _done(request, session, lambda: curation.revoke(session, correction_id, username), "/curation")


@router.post("/curation/tokens")
def new_token(
    request: Request, session: DB, csrf_token: Annotated[str, Form()], name: Annotated[str, Form()] = "token"
) -> Response:
    username = _require_editor(request, session, csrf_token)

    def create() -> None:
        _token, secret = auth.create_token(session, username, name)
        request.session["new_token"] = secret

    return _done(request, session, create, "/curation")


@router.post("/curation/tokens/{token_id}/revoke")
def drop_token(request: Request, session: DB, token_id: int, csrf_token: Annotated[str, Form()]) -> Response:
    username = _require_editor(request, session, csrf_token)
    return _done(request, session, lambda: auth.revoke_token(session, token_id, username), "/curation")
