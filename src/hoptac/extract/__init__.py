"""Extraction: from an article's clean text to cooperation events and standing relationships.

`extract_facts(text, published)` is the whole interface. The text is the
article's title, a blank line, then its body; offsets in every evidence span
point into it. Articles with no Vietnamese locality beside a foreign party
are passed over cheaply.
"""

from __future__ import annotations

import re

from hoptac.extract import context
from hoptac.extract.events import in_scope, main_event, secondary_events
from hoptac.extract.proposals import find_proposals
from hoptac.extract.relations import find_relations
from hoptac.models import DateValue, Event, Relation

# Cheap gate: cooperation with a foreign side nearly always says one of these.
_FOREIGN_CUE = re.compile(
    r"quốc tế|nước ngoài|hữu nghị|kết nghĩa|hợp tác|đại sứ|lãnh sự|đoàn|ký kết|tài trợ|viện trợ|thị trưởng|"
    r"tỉnh trưởng|thống đốc|ghi nhớ|KOICA|JICA",
    re.IGNORECASE,
)


def extract_facts(text: str, published: DateValue | None = None) -> tuple[list[Event], list[Relation]]:
    """Events and relations stated in one article's clean text (title, blank line, body)."""
    if not _FOREIGN_CUE.search(text):
        return [], []
    title_end = text.find("\n\n")
    ctx = context.build(text, title_end if title_end >= 0 else 0, published)
    if not in_scope(ctx.places):
        return [], []
    found = main_event(ctx)
    if found is None:
        return [], find_relations(ctx, [])
    main, places = found
    main = main.model_copy(update={"proposals": find_proposals(ctx, places)})
    return [main, *secondary_events(ctx, main, places)], find_relations(ctx, places)
