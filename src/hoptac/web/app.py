"""The `hoptac serve` application: dashboard pages and the JSON API over one store.

app = create_app("sqlite:///hoptac.db")   # or any SQLAlchemy URL the store accepts
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeout
from starlette.middleware.sessions import SessionMiddleware

import hoptac
from hoptac import store as store_module
from hoptac.store.queries import NotFound
from hoptac.web.api import router as api_router
from hoptac.web.deps import Services
from hoptac.web.limits import RETRY_AFTER_S, LoadShedder, RequestBounds
from hoptac.web.pages import router as page_router
from hoptac.web.render import render
from hoptac.web.security import SecurityHeaders, policy_for
from hoptac.web.views.cache import IndexCache

STATIC = Path(__file__).with_name("static")
LANGUAGES = ("vi", "en")


def create_app(db: str | None = None, *, secret_key: str | None = None) -> FastAPI:
    """The application over the store at `db` (see `hoptac.store.resolve_url`)."""
    store = store_module.open(db)

    cache = IndexCache(store.read_session)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        cache.warm()
        yield
        cache.settle()
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
                redoc_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
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
        return render(request, "error.html", {"message": str(exc)}, status_code=404)

    app.include_router(api_router)
    app.include_router(page_router)
    return app


def _own_policy(response: HTMLResponse) -> HTMLResponse:
    response.headers["Content-Security-Policy"] = policy_for(bytes(response.body).decode())
    return response
