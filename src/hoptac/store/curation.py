"""Editors' corrections: stored apart from machine output, applied over it, audited.

Every correction is a new `corrections` row naming its target by a key that
survives re-extraction (an event's `key`, a relation's "a|b|type", a party's
id), never by a row id. `hoptac.store.overlay` lays them over the merged facts
after each merge, so a correction holds however often articles are re-read;
revoking one re-derives the fact from its sources.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, get_args

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hoptac.models import EventKind, Precision, RelationType
from hoptac.store.models import (
    Alias,
    Correction,
    EventParty,
    EventRow,
    PartyRow,
    PersonRow,
    RelationRow,
    RelationSource,
)
from hoptac.store.overlay import (
    active_corrections,
    apply_to_event,
    apply_to_relation,
    bump_generation,
    date_clash,
    relation_key,
)
from hoptac.store.write import fingerprint_of, recompute_event, recompute_relation
from hoptac.textnorm import fold

EVENT_KINDS = set(get_args(EventKind))
RELATION_TYPES = set(get_args(RelationType))
PRECISIONS = set(get_args(Precision))
EVENT_EDITS = ("kind", "status", "mode", "date", "fields", "remove_parties")


class CurationError(ValueError):
    """A correction that cannot be applied; the message is for the editor."""


# --- recording -----------------------------------------------------------------------


def _record(
    session: Session,
    author: str,
    target: str,
    key: str,
    action: str,
    payload: dict[str, Any],
    before: dict[str, Any] | None,
    source: str | None = None,
    note: str | None = None,
) -> Correction:
    correction = Correction(
        target=target,
        key=key,
        action=action,
        payload=payload,
        before=before,
        source=source,
        note=note,
        author=author,
        created_at=datetime.now(UTC),
    )
    session.add(correction)
    session.flush()
    return correction


def _event_state(event: EventRow) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "status": event.status,
        "mode": event.mode,
        "date": {"value": event.date_value, "precision": event.date_precision} if event.date_value else None,
        "fields": list(event.fields),
        "parties": [link.party_id for link in event.parties],
        "hidden": event.hidden,
    }


def _check_event_edit(session: Session, event: EventRow, changes: dict[str, Any]) -> dict[str, Any]:
    from hoptac.extract.fields import FIELD_ORDER

    unknown = set(changes) - set(EVENT_EDITS)
    if unknown:
        raise CurationError(f"cannot edit {', '.join(sorted(unknown))} of an event")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "kind" and value not in EVENT_KINDS:
            raise CurationError(f"unknown event kind '{value}'")
        if name == "status" and value not in ("past", "planned"):
            raise CurationError(f"status must be past or planned, not '{value}'")
        if name == "mode" and value not in ("in_person", "online", None):
            raise CurationError(f"mode must be in_person or online, not '{value}'")
        if name == "fields":
            bad = [f for f in value if f not in FIELD_ORDER]
            if bad:
                raise CurationError(f"unknown field(s): {', '.join(bad)}")
            value = list(dict.fromkeys(value))
        if name == "date":
            value = _check_date(value)
            if date_clash(session, event, value["value"]):
                raise CurationError("another event with the same parties is on that date: merge the sources instead")
        if name == "remove_parties":
            present = {link.party_id for link in event.parties}
            missing = [p for p in value if p not in present]
            if missing:
                raise CurationError(f"not a party of this event: {', '.join(missing)}")
        clean[name] = value
    if not clean:
        raise CurationError("nothing to change")
    return clean


def _check_date(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        text = value.strip()
        precision = {4: "year", 7: "month", 10: "day"}.get(len(text))
        value = {"value": text, "precision": precision}
    if not isinstance(value, dict) or value.get("precision") not in PRECISIONS:
        raise CurationError("a date is YYYY, YYYY-MM or YYYY-MM-DD")
    text = str(value["value"])
    try:
        fmt = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[value["precision"]]
        datetime.strptime(text, fmt)
    except ValueError:
        raise CurationError(f"'{text}' is not a valid {value['precision']}") from None
    return {"value": text, "precision": value["precision"]}


def edit_event(
    session: Session, event_id: int, changes: dict[str, Any], author: str, note: str | None = None
) -> Correction:
    event = _event(session, event_id)
    clean = _check_event_edit(session, event, changes)
    correction = _record(session, author, "event", event.key or "", "edit", clean, _event_state(event), note=note)
    apply_to_event(session, event)
    bump_generation(session)
    return correction


def delete_event(session: Session, event_id: int, author: str, note: str | None = None) -> Correction:
    event = _event(session, event_id)
    correction = _record(session, author, "event", event.key or "", "delete", {}, _event_state(event), note=note)
    apply_to_event(session, event)
    bump_generation(session)
    return correction


def _event(session: Session, event_id: int) -> EventRow:
    event = session.get(EventRow, event_id)
    if event is None:
        raise CurationError(f"no event {event_id}")
    if not event.key:
        raise CurationError(f"event {event_id} has no stable key and cannot be corrected")
    return event


def add_relation(
    session: Session,
    a_id: str,
    b_id: str,
    type_: str,
    since: str | None,
    source: str,
    author: str,
    note: str | None = None,
) -> RelationRow:
    """A relationship an editor states, with the source (URL or citation) that says so."""
    if type_ not in RELATION_TYPES:
        raise CurationError(f"unknown relationship type '{type_}'")
    if not source.strip():
        raise CurationError("a relationship needs a source")
    if a_id == b_id:
        raise CurationError("a relationship joins two different parties")
    since = _check_date(since)["value"] if since is not None and since.strip() else None
    for party_id in (a_id, b_id):
        if session.get(PartyRow, party_id) is None:
            raise CurationError(f"no party {party_id}")
    a_id, b_id = sorted((a_id, b_id))
    row = session.scalar(
        select(RelationRow).where(RelationRow.a_id == a_id, RelationRow.b_id == b_id, RelationRow.type == type_)
    )
    before = None
    if row is None:
        row = RelationRow(a_id=a_id, b_id=b_id, type=type_, human=True, hidden=False)
        session.add(row)
        session.flush()
    else:
        before = {"since": row.since, "hidden": row.hidden}
    payload = {"since": since} if since else {}
    _record(session, author, "relation", relation_key(a_id, b_id, type_), "add", payload, before, source, note)
    apply_to_relation(session, row)
    bump_generation(session)
    return row


def delete_relation(session: Session, relation_id: int, author: str, note: str | None = None) -> Correction:
    row = session.get(RelationRow, relation_id)
    if row is None:
        raise CurationError(f"no relationship {relation_id}")
    correction = _record(
        session,
        author,
        "relation",
        relation_key(row.a_id, row.b_id, row.type),
        "delete",
        {},
        {"since": row.since, "hidden": row.hidden},
        note=note,
    )
    apply_to_relation(session, row)
    bump_generation(session)
    return correction


def merge_parties(session: Session, from_id: str, into_id: str, author: str, note: str | None = None) -> Correction:
    """Fold `from_id` into `into_id`: every fact naming the first names the second from now on."""
    if from_id == into_id:
        raise CurationError("a party cannot be merged into itself")
    source, target = session.get(PartyRow, from_id), session.get(PartyRow, into_id)
    if source is None or target is None:
        raise CurationError(f"no party {from_id if source is None else into_id}")
    if target.merged_into:
        raise CurationError(f"{into_id} was itself merged into {target.merged_into}")
    correction = _record(
        session, author, "party", from_id, "merge", {"into": into_id}, {"merged_into": source.merged_into}, note=note
    )
    source.merged_into = into_id
    session.execute(update(PartyRow).where(PartyRow.merged_into == from_id).values(merged_into=into_id))
    _repoint(session, from_id, into_id)
    bump_generation(session)
    return correction


def _repoint(session: Session, from_id: str, into_id: str) -> None:
    for alias in session.scalars(select(Alias).where(Alias.party_id == from_id)).all():
        exists = session.scalar(select(Alias.id).where(Alias.party_id == into_id, Alias.surface == alias.surface))
        if exists is None:
            session.add(Alias(party_id=into_id, surface=alias.surface, folded=fold(alias.surface)))
    session.execute(update(PersonRow).where(PersonRow.party_id == from_id).values(party_id=into_id))
    events = session.scalars(
        select(EventRow).where(
            EventRow.id.in_(select(EventParty.event_id).where(EventParty.party_id == from_id))
            | (EventRow.place_party_id == from_id)
        )
    ).all()
    for event in events:
        for src in event.sources:
            src.parties = _renamed(src.parties, from_id, into_id)
            if src.place_party_id == from_id:
                src.place_party_id = into_id
        session.flush()
        event.fingerprint = fingerprint_of(event.kind, [pid for pid, _ in event.sources[0].parties], session)
        recompute_event(session, event)
    for relation in session.scalars(
        select(RelationRow).where((RelationRow.a_id == from_id) | (RelationRow.b_id == from_id))
    ).all():
        a_id, b_id = (into_id if x == from_id else x for x in (relation.a_id, relation.b_id))
        if a_id == b_id:
            continue
        a_id, b_id = sorted((a_id, b_id))
        existing = session.scalar(
            select(RelationRow).where(
                RelationRow.a_id == a_id, RelationRow.b_id == b_id, RelationRow.type == relation.type
            )
        )
        if existing is None:
            relation.a_id, relation.b_id = a_id, b_id
            session.flush()
            continue
        for rsource in list(relation.sources):
            if all(s.article_id != rsource.article_id for s in existing.sources):
                existing.sources.append(
                    RelationSource(
                        article_id=rsource.article_id,
                        position=rsource.position,
                        swapped=rsource.swapped,
                        since=rsource.since,
                        evidence=rsource.evidence,
                    )
                )
        session.delete(relation)
        session.flush()
        recompute_relation(session, existing)
    session.flush()


def _renamed(parties: list[Any], from_id: str, into_id: str) -> list[Any]:
    out: list[Any] = []
    for party_id, role in parties:
        party_id = into_id if party_id == from_id else party_id
        if all(p[0] != party_id for p in out):
            out.append([party_id, role])
    return out


def revoke(session: Session, correction_id: int, author: str) -> Correction:
    """Withdraw a correction; the fact goes back to what its sources (and other corrections) say."""
    correction = session.get(Correction, correction_id)
    if correction is None:
        raise CurationError(f"no correction {correction_id}")
    if correction.revoked_at is not None:
        raise CurationError(f"correction {correction_id} was already revoked")
    if correction.action == "merge":
        raise CurationError("a merge cannot be revoked; add the parties' facts back by re-extracting")
    correction.revoked_at, correction.revoked_by = datetime.now(UTC), author
    session.flush()
    if correction.target == "event":
        for event in session.scalars(select(EventRow).where(EventRow.key == correction.key)).all():
            recompute_event(session, event)
    elif correction.target == "relation":
        a_id, b_id, type_ = correction.key.split("|")
        row = session.scalar(
            select(RelationRow).where(RelationRow.a_id == a_id, RelationRow.b_id == b_id, RelationRow.type == type_)
        )
        if row is not None:
            if not row.sources and not active_corrections(session, "relation", correction.key):
                session.delete(row)
            else:
                recompute_relation(session, row)
    bump_generation(session)
    return correction


def history(session: Session, limit: int = 100, offset: int = 0) -> list[Correction]:
    return list(session.scalars(select(Correction).order_by(Correction.id.desc()).limit(limit).offset(offset)))
