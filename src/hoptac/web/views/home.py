"""The overview page: totals, events per month, top countries and fields, latest and upcoming."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from hoptac import gazetteer
from hoptac.store.models import (
    EventRow,
)
from hoptac.web.views.cache import Index
from hoptac.web.views.listing import event_summaries

# --- overview --------------------------------------------------------------------------


def overview(session: Session, index: Index, today: date | None = None) -> dict[str, Any]:
    day = (today or date.today()).isoformat()
    length = func.length(EventRow.date_value)
    # A date of year or month precision has passed when its whole year or month has.
    passed = or_(
        and_(length == 10, EventRow.date_value < day),
        and_(length == 7, EventRow.date_value < day[:7]),
        and_(length == 4, EventRow.date_value < day[:4]),
    )
    dated = and_(EventRow.date_value.isnot(None), EventRow.date_value.not_like("--%"))
    latest_ids = session.scalars(
        select(EventRow.id)
        # A planned meeting whose date has passed is news of the past too, and marked as planned.
        .where(EventRow.hidden.is_(False), dated, or_(EventRow.status == "past", passed))
        .order_by(EventRow.date_value.desc(), EventRow.id.desc())
        .limit(10)
    ).all()
    upcoming_ids = session.scalars(
        select(EventRow.id)
        .where(EventRow.hidden.is_(False), EventRow.status == "planned", or_(EventRow.date_value.is_(None), ~passed))
        .order_by(EventRow.date_value, EventRow.id)
        .limit(10)
    ).all()
    return {
        "totals": index.totals,
        "events_per_month": _every_month(index.months),
        "events_per_year": [
            {"year": y, "events": n, "year_only": index.year_only.get(y, 0)} for y, n in sorted(index.years.items())
        ],
        "top_countries": [
            {"country": c, **_country_names(index, c), "events": n} for c, n in index.countries.most_common(10)
        ],
        "top_fields": [{"field": f, "events": n} for f, n in index.fields.most_common(10)],
        "latest": event_summaries(session, list(latest_ids)),
        "upcoming": event_summaries(session, list(upcoming_ids)),
    }


def _country_names(index: Index, code: str) -> dict[str, str | None]:
    party = index.parties.get(code)
    if party:
        return {"name": party["name"], "name_vi": party["name_vi"]}
    entity = gazetteer.load().get(code)
    return {"name": entity.name if entity else code, "name_vi": entity.name_vi if entity else None}


def _every_month(months: Counter[str]) -> list[dict[str, Any]]:
    """Counts per month from the first to the last, months without events included as 0."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append({"month": key, "events": months.get(key, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
