"""The `hoptac serve` application: dashboard pages and the JSON API over one store.

app = create_app("sqlite:///hoptac.db")   # or any SQLAlchemy URL the store accepts
"""

from __future__ import annotations

import csv
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeout
from sqlalchemy.orm import Session
from starlette.middleware.sessions import SessionMiddleware

import hoptac
from hoptac import store as store_module
from hoptac.store.models import User
from hoptac.store.queries import NotFound
from hoptac.web import auth
from hoptac.web.data import IndexCache
from hoptac.web.limits import RETRY_AFTER_S, LoadShedder, RequestBounds
from hoptac.web.security import SecurityHeaders, policy_for

STATIC = Path(__file__).with_name("static")
LANGUAGES = ("vi", "en")


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    """Interface strings by language, from data/ui.csv (key, vi, en)."""
    text = resources.files("hoptac.web").joinpath("data/ui.csv").read_text(encoding="utf-8")
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for row in csv.DictReader(text.splitlines()):
        for lang in LANGUAGES:
            table[lang][row["key"]] = row[lang] or row["en"]
    return table


def language(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return lang if lang in LANGUAGES else "vi"


@dataclass
class Services:
    store: store_module.Store
    cache: IndexCache


def create_app(db: str | None = None, *, secret_key: str | None = None) -> FastAPI:
    """The application over the store at `db` (see `hoptac.store.resolve_url`)."""
    store = store_module.open(db)

    cache = IndexCache(store.read_session)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        cache.warm()
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="hoptac",
        version=hoptac.__version__,
        description="International cooperation of Vietnam's localities, each fact linked to its evidence.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = Services(store=store, cache=cache)
    # Sessions signed with a key from the environment survive restarts and work across workers.
    key = secret_key or os.environ.get("HOPTAC_SECRET_KEY") or secrets.token_urlsafe(32)
    # Behind a TLS proxy, HOPTAC_HTTPS_ONLY=1 marks the session cookie Secure.
    https_only = os.environ.get("HOPTAC_HTTPS_ONLY", "") not in ("", "0")
    app.add_middleware(
        SessionMiddleware, secret_key=key, same_site="lax", https_only=https_only, max_age=14 * 24 * 3600
    )
    app.add_middleware(RequestBounds)
    app.add_middleware(SecurityHeaders)
    # Outermost: a request shed under load costs no session decoding and no thread.
    app.add_middleware(LoadShedder)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return _own_policy(get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="hoptac API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        ))

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _own_policy(
            get_redoc_html(
                openapi_url="/openapi.json",
                title="hoptac API",
                redoc_js_url="/static/vendor/redoc/redoc.standalone.js",
                with_google_fonts=False,
            )
        )

    @app.exception_handler(SQLAlchemyTimeout)
    @app.exception_handler(OperationalError)
    def busy(request: Request, exc: Exception) -> Any:
        # No free connection, or SQLite's write lock held past its timeout: a passing state, not a fault.
        if isinstance(exc, OperationalError) and "locked" not in str(exc.orig):
            raise exc
        headers = {"Retry-After": str(RETRY_AFTER_S)}
        return JSONResponse({"detail": "the database is busy: try again in a second"}, 503, headers=headers)

    @app.exception_handler(OverflowError)
    def out_of_range(request: Request, exc: OverflowError) -> Any:
        # A number that passed validation but no database integer holds ("since=1e30" as digits).
        return JSONResponse({"detail": "a number in the request is out of range"}, status_code=422)

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        from hoptac.web.pages import render

        return render(request, "error.html", {"message": str(exc)}, status_code=404)

    from hoptac.web.api import router as api_router
    from hoptac.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    return app


def _own_policy(response: HTMLResponse) -> HTMLResponse:
    response.headers["Content-Security-Policy"] = policy_for(bytes(response.body).decode())
    return response


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
