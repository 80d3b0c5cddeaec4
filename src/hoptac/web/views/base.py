"""What every view shares: pages of results, parties, articles and corrections as JSON-ready dicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hoptac import gazetteer
from hoptac.sample import is_sample
from hoptac.store.models import (
    Article,
    Correction,
    PartyRow,
)
from hoptac.store.pairs import registry_party
from hoptac.store.queries import NotFound, party_row


@dataclass
class Page:
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paged(items: list[Any], total: int, page: Page) -> dict[str, Any]:
    pages = max(1, -(-total // page.per_page))
    return {"items": items, "total": total, "page": page.page, "per_page": page.per_page, "pages": pages}


# --- parties -------------------------------------------------------------------------


def party_dict(row: PartyRow | None, *, events: int | None = None) -> dict[str, Any] | None:
    if row is None:
        return None
    out: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "name_vi": row.name_vi,
        "kind": row.kind,
        "country": row.country,
    }
    if events is not None:
        out["events"] = events
    return out


def coordinates(party_id: str) -> tuple[float, float] | None:
    return gazetteer.load().position(party_id)


def article_ref(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "source": article.source,
        "published": article.published_value,
        # An invented article bundled with hoptac: never a fact to quote.
        "sample": is_sample(article.outlet),
    }


def corrections_for(session: Session, target: str, key: str | None) -> list[Correction]:
    if not key:
        return []
    return list(
        session.scalars(
            select(Correction).where(Correction.target == target, Correction.key == key).order_by(Correction.id)
        )
    )


def correction_dict(c: Correction) -> dict[str, Any]:
    return {
        "id": c.id,
        "target": c.target,
        "key": c.key,
        "action": c.action,
        "payload": c.payload,
        "before": c.before,
        "source": c.source,
        "note": c.note,
        "author": c.author,
        "created_at": c.created_at.isoformat(),
        "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
        "revoked_by": c.revoked_by,
    }


def get_party(session: Session, party_id: str) -> PartyRow:
    """A stored party, or one the gazetteer knows that no article has named yet (a registry partner,
    a unit absorbed in 2025), as an unsaved row."""
    row = session.get(PartyRow, party_id)
    if row is not None:
        return row
    entity = gazetteer.load().get(party_id)
    if entity is None:
        raise NotFound(f"no party {party_id}")
    return party_row(entity)


def gazetteer_party(party_id: str | None) -> dict[str, Any] | None:
    if party_id is None:
        return None
    known = registry_party(party_id)
    return known or {"id": party_id, "name": party_id, "name_vi": None, "kind": None, "country": None}


def party_named(session: Session, party_id: str | None) -> dict[str, Any] | None:
    """A party by id for display: stored, else as the gazetteer knows it; None for none."""
    if party_id is None:
        return None
    return party_dict(session.get(PartyRow, party_id)) or gazetteer_party(party_id)
