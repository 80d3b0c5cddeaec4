"""What one side asks of, offers to, agrees with or commits to the other."""

from __future__ import annotations

from hoptac.extract.context import Context, Place, cue_table
from hoptac.extract.fields import find_fields
from hoptac.models import Evidence, Proposal


def find_proposals(ctx: Context, main_places: list[Place]) -> list[Proposal]:
    vn = next((p.entity.id for p in main_places if p.vietnamese), None)
    foreign = next((p.entity.id for p in main_places if not p.vietnamese and p.entity.kind != "country"), None)
    out = []
    for s in ctx.sentences:
        for act, pattern in cue_table("proposal_cues.csv"):
            m = pattern.search(s.text)
            if not m:
                continue
            before = ctx.places_in(s.start, s.start + m.start())
            lead = s.text[: m.start()]
            # A person named earlier is matched again by name ("Ông Joo Nak-young đề nghị ...").
            speakers = [
                p
                for p in ctx.people
                if s.start <= p.start < s.start + m.start() or any(n in lead for n in (p.name, *p.variants))
            ]
            by = None
            if before:
                by = before[-1].entity.id if before[-1].vietnamese or before[-1].entity.kind != "country" else foreign
            elif speakers:
                by = vn if speakers[-1].vietnamese else foreign
            if by is None:
                break
            to = foreign if by == vn else vn
            clause = s.text[m.end() :].strip(" ,:")
            if len(clause) < 10:
                break
            out.append(
                Proposal(
                    by=by,
                    to=to,
                    act=act,
                    text=clause,
                    fields=find_fields(clause),
                    evidence=[Evidence(start=s.start, end=s.end, text=s.text)],
                )
            )
            break
    return out
