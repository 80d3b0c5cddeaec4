"""What the pages and the API both depend on: the store and cache of the running app, the
interface language, the signed-in user and editor, and the event filters of a query string."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from hoptac import store as store_module
from hoptac.store.models import User
from hoptac.web import auth
from hoptac.web.strings import LANGUAGES
from hoptac.web.views.cache import IndexCache
from hoptac.web.views.listing import EventFilter


def language(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return lang if lang in LANGUAGES else "vi"


@dataclass
class Services:
    store: store_module.Store
    cache: IndexCache


def services(request: Request) -> Services:
    return request.app.state.services


def db_session(request: Request) -> Iterator[Session]:
    with services(request).store.read_session() as session:
        yield session


def session_user(request: Request, session: Session) -> User | None:
    username = request.session.get("user")
    if not username:
        return None
    user = session.query(User).filter(User.username == username).one_or_none()
    if user is None or not user.active or request.session.get("epoch") != user.session_epoch:
        return None
    return user


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = auth.new_csrf_token()
    return token


_bearer = HTTPBearer(auto_error=False, description="An API token from `hoptac token create` or /curation")


def editor(
    request: Request,
    session: Annotated[Session, Depends(db_session)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The user behind a write request: a bearer token, or a signed-in session with its CSRF header."""
    if credentials is not None:
        user = auth.user_for_token(session, credentials.credentials.strip())
        if user is None:
            raise HTTPException(401, "invalid or revoked API token")
        return user
    user = session_user(request, session)
    if user is None:
        raise HTTPException(401, "sign in or send an API token")
    if not auth.csrf_matches(request.session.get("csrf"), request.headers.get("x-csrf-token")):
        raise HTTPException(403, "missing or wrong X-CSRF-Token header")
    return user


async def event_filter(
    party: str | None = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of a party's country")] = None,
    field: Annotated[str | None, Query(description="cooperation field code, e.g. tourism")] = None,
    kind: Annotated[str | None, Query(description="event kind, e.g. signing")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
) -> EventFilter:
    return EventFilter(party or None, country or None, field or None, kind or None, since or None, until or None)
