"""Editors' corrections laid over machine output, and the generation counter readers watch.

Writing facts calls `apply_to_event` / `apply_to_relation` after each merge, so
a correction holds however often articles are re-read. Recording and revoking
corrections is `hoptac.store.curation`.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hoptac.store.models import Correction, EventRow, PartyRow, RelationRow, StoreState


def bump_generation(session: Session) -> None:
    """Tell readers that facts changed (see `StoreState`)."""
    updated = session.execute(
        update(StoreState).where(StoreState.name == "generation").values(value=StoreState.value + 1)
    )
    if not updated.rowcount:  # type: ignore[attr-defined]
        session.add(StoreState(name="generation", value=1))


def generation(session: Session) -> int:
    return session.scalar(select(StoreState.value).where(StoreState.name == "generation")) or 0


def relation_key(a_id: str, b_id: str, type_: str) -> str:
    a_id, b_id = sorted((a_id, b_id))
    return f"{a_id}|{b_id}|{type_}"


def active_corrections(session: Session, target: str, key: str) -> list[Correction]:
    return list(
        session.scalars(
            select(Correction)
            .where(Correction.target == target, Correction.key == key, Correction.revoked_at.is_(None))
            .order_by(Correction.id)
        )
    )


# --- applying ------------------------------------------------------------------------


def apply_to_event(session: Session, event: EventRow) -> None:
    """Lay the event's active corrections over what its sources say (called after every merge)."""
    if not event.key:
        return
    corrections = active_corrections(session, "event", event.key)
    curated: list[str] = []
    hidden = False
    for correction in corrections:
        if correction.action == "delete":
            hidden = True
            continue
        for name, value in correction.payload.items():
            if name == "date":
                if date_clash(session, event, value["value"]):
                    continue
                event.date_value, event.date_precision, event.date_inferred = value["value"], value["precision"], False
            elif name == "remove_parties":
                for link in [link for link in event.parties if link.party_id in value]:
                    event.parties.remove(link)
            else:
                setattr(event, name, list(value) if name == "fields" else value)
            if name not in curated:
                curated.append(name)
    if hidden:
        curated.append("deleted")
    if event.curated != curated or event.hidden != hidden:
        event.curated, event.hidden = curated, hidden
    session.flush()


def date_clash(session: Session, event: EventRow, value: str) -> bool:
    if event.fingerprint is None or value == event.date_value:
        return False
    other = session.scalar(
        select(EventRow.id).where(
            EventRow.fingerprint == event.fingerprint, EventRow.date_value == value, EventRow.id != event.id
        )
    )
    return other is not None


def apply_to_relation(session: Session, relation: RelationRow) -> None:
    corrections = active_corrections(session, "relation", relation_key(relation.a_id, relation.b_id, relation.type))
    hidden = False
    for correction in corrections:
        if correction.action == "delete":
            hidden = True
        elif "since" in correction.payload:
            relation.since = correction.payload["since"]
    relation.hidden, relation.human = hidden, bool(corrections)
    session.flush()


def redirects(session: Session) -> dict[str, str]:
    """Merged party id -> the id it was merged into, following chains."""
    rows = session.execute(select(PartyRow.id, PartyRow.merged_into).where(PartyRow.merged_into.isnot(None)))
    pairs: dict[str, str] = {party_id: into for party_id, into in rows}
    out = {}
    for start in pairs:
        current, seen = start, {start}
        while current in pairs and pairs[current] not in seen:
            current = pairs[current]
            seen.add(current)
        out[start] = current
    return out
