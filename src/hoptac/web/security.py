"""Response headers that keep the pages' content from being turned against their readers.

The pages load scripts and styles only from /static and write no inline script
or style attribute, so the policy needs no 'unsafe-inline'. Images may come
from https: for the opt-in online map tiles. The API docs pages (Swagger UI,
ReDoc) start with an inline script; their routes set their own policy that
allows exactly that script by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The one style element a bundled library writes: Cytoscape.js's ".__________cytoscape_container
# { position: relative; }", allowed by its hash.
_CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"
POLICY = (
    f"default-src 'self'; script-src 'self'; style-src 'self' {_CYTOSCAPE_STYLE}; img-src 'self' data: https:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def policy_for(html: str) -> str:
    """POLICY, plus the hashes of the inline scripts of `html` (a page this application does not template)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(html)
    )
    # Swagger UI and ReDoc style their elements inline.
    return POLICY.replace("script-src 'self'", f"script-src 'self' {hashes}").replace(
        f"style-src 'self' {_CYTOSCAPE_STYLE}", "style-src 'self' 'unsafe-inline'"
    )


def is_web_link(url: object) -> bool:
    """Only http(s) URLs become links: a stored `javascript:` or `data:` URL must never be clickable."""
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


class SecurityHeaders:
    """ASGI middleware adding the policy and headers to every response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", POLICY)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
