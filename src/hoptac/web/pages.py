"""The dashboard's server-rendered pages and the editors' form posts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from hoptac.extract.fields import FIELD_ORDER
from hoptac.store import curation
from hoptac.store.curation import EVENT_KINDS, RELATION_TYPES
from hoptac.store.models import PartyRow
from hoptac.web import auth, data
from hoptac.web.api import event_filter
from hoptac.web.app import csrf_token, db_session, language, messages, services, session_user
from hoptac.web.security import is_web_link

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.tests["web_link"] = is_web_link
THROTTLE = auth.Throttle()
DB = Annotated[Session, Depends(db_session)]


def _party_name(party: dict[str, Any] | None, lang: str) -> str:
    if not party:
        return "?"
    if lang == "vi":
        return party.get("name_vi") or party.get("name") or party.get("id", "?")
    return party.get("name") or party.get("name_vi") or party.get("id", "?")


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    lang = language(request)
    strings = messages()[lang]
    # Shown only: every write checks the account again.
    username = request.session.get("user")

    def t(key: str, **values: Any) -> str:
        text = strings.get(key, key)
        return text.format(**values) if values else text

    def with_query(**changes: Any) -> str:
        params = dict(request.query_params)
        params.update({k: v for k, v in changes.items() if v is not None})
        return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

    context = {
        "request": request,
        "lang": lang,
        "t": t,
        "pname": lambda party: _party_name(party, lang),
        "user": username,
        "csrf": csrf_token(request),
        "with_query": with_query,
        "path": request.url.path,
        "fields_vocab": FIELD_ORDER,
        "kinds_vocab": sorted(EVENT_KINDS),
        "relation_types": sorted(RELATION_TYPES),
        "quote": lambda s: quote(str(s), safe=""),
        **context,
    }
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def _page(request: Request) -> data.Page:
    try:
        number = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        number = 1
    return data.Page(number, 20)


def _index(request: Request, session: Session) -> data.Index:
    return services(request).cache.get(session)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, session: DB) -> HTMLResponse:
    index = _index(request, session)
    stats = services(request).cache.cached(session, ("overview",), lambda: data.overview(session, index))
    return render(request, "overview.html", {"stats": stats})


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, session: DB, filters: Annotated[data.EventFilter, Depends(event_filter)], q: str = ""
) -> HTMLResponse:
    index = _index(request, session)
    result = data.search(session, index, q, filters, _page(request))
    party = index.parties.get(filters.party) if filters.party else None
    return render(request, "search.html", {"q": q, "result": result, "filters": filters, "filter_party": party})


@router.get("/party/{party_id}", response_class=HTMLResponse)
def party(request: Request, session: DB, party_id: str) -> HTMLResponse:
    index = _index(request, session)
    profile = data.profile(session, index, party_id)
    timeline = data.party_timeline(session, party_id, _page(request))
    # A successor known only from the gazetteer has no profile page to link to.
    successor = profile["successor"]
    linked = successor is not None and session.get(PartyRow, successor["id"]) is not None
    return render(request, "party.html", {"p": profile, "timeline": timeline, "successor_linked": linked})


@router.get("/partnership/{a}/{b}", response_class=HTMLResponse)
def partnership(request: Request, session: DB, a: str, b: str) -> HTMLResponse:
    flash = request.session.pop("flash", None)
    return render(request, "partnership.html", {"pair": data.partnership(session, a, b), "flash": flash})


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, session: DB, event_id: int) -> HTMLResponse:
    # The outcome of an edit posted from this page ("saved" or why it was refused) is shown here.
    flash = request.session.pop("flash", None)
    return render(request, "event.html", {"e": data.event_detail(session, event_id), "flash": flash})


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, session: DB, article_id: int) -> HTMLResponse:
    view = data.article_view(session, article_id)
    return render(request, "article.html", {"view": view, "focus": request.query_params.get("fact")})


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
    log = data.corrections_page(session, _page(request))
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
    current = data.event_detail(session, event_id)
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
