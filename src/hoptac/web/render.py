"""Server-side rendering of the dashboard's templates in the visitor's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from hoptac.extract.fields import FIELD_ORDER
from hoptac.store.curation import EVENT_KINDS, RELATION_TYPES
from hoptac.web.deps import csrf_token, language
from hoptac.web.security import is_web_link
from hoptac.web.strings import messages

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.tests["web_link"] = is_web_link


def _party_name(party: dict[str, Any] | None, lang: str) -> str:
    if not party:
        return "?"
    if lang == "vi":
        return party.get("name_vi") or party.get("name") or party.get("id", "?")
    return party.get("name") or party.get("name_vi") or party.get("id", "?")


def kind_key(party: dict[str, Any] | None) -> str:
    """The interface string naming a party's kind; Vietnam's centrally governed cities (and foreign
    cities with a province's rank) are provinces in the data but read as cities."""
    if not party:
        return "pkind_None"
    kind = party.get("kind")
    if kind == "province":
        city = (party.get("name_vi") or "").casefold().startswith("thành phố")
        if party.get("country") == "VN":
            return "pkind_vn_city" if city else "pkind_vn_province"
        if city:  # Busan, Shanghai: cities with a province's rank
            return "pkind_city_province"
    return f"pkind_{kind}"


def page_html(request: Request, name: str, context: dict[str, Any], *, signed_in: bool = True) -> str:
    """The page `name` as HTML; without `signed_in` it is the page any visitor who is not signed
    in sees (no account, no form token), the same for all of them and so fit to be cached."""
    lang = language(request)
    strings = messages()[lang]
    # Shown only: every write checks the account again.
    username = request.session.get("user") if signed_in else None

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
        "kind_name": lambda party: t(kind_key(party)),
        "relation_labels": {r: t("rel_" + r) for r in sorted(RELATION_TYPES)},
        "user": username,
        "csrf": csrf_token(request) if signed_in else "",
        "with_query": with_query,
        "path": request.url.path,
        "fields_vocab": FIELD_ORDER,
        "kinds_vocab": sorted(EVENT_KINDS),
        "relation_types": sorted(RELATION_TYPES),
        "quote": lambda s: quote(str(s), safe=""),
        **context,
    }
    return templates.get_template(name).render(context)


def html_response(request: Request, body: str | bytes, status_code: int = 200) -> HTMLResponse:
    response = HTMLResponse(body, status_code=status_code)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie("lang", language(request), max_age=365 * 24 * 3600, samesite="lax")
    return response


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return html_response(request, page_html(request, name, context), status_code)
