"""Extraction: from an article's clean text to cooperation events and standing relationships.

`extract_facts(text, published)` is the whole interface. The text is the
article's title, a blank line, then its body; offsets in every evidence span
point into it. The stages run one after the other, each in its own module:

    scope     articles about a match or a trial are passed over
    relevance articles whose words are far from cooperation news are passed over; the bar is higher for those
              whose main event is not a Vietnamese locality with a foreign locality or agency
    context   sentences, places, people, dates           (segment and mentions)
    actors    the mentions that can be parties
    mentions  every clause with an event cue and its arguments
    coref     mentions of one event merged
    events    scope per event, then its own attributes
    relations standing relationships stated in the text
"""

from __future__ import annotations

import re

from hoptac.extract import context
from hoptac.extract.actors import find_actors, may_name_firm
from hoptac.extract.coref import cluster
from hoptac.extract.events import build_events
from hoptac.extract.mentions import find_candidates
from hoptac.extract.proposals import find_proposals
from hoptac.extract.relations import find_relations
from hoptac.extract.relevance import local_with_local, relevance, set_aside
from hoptac.extract.scope import joint_operation, local_leader_abroad, may_be_in_scope, off_topic
from hoptac.models import DateValue, Event, Relation

# Cheap gate: cooperation with a foreign side nearly always says one of these. Matched in lower case: a long
# alternation searched case-blind is several times slower.
_FOREIGN_CUE = re.compile(
    r"quốc tế|nước ngoài|hữu nghị|kết nghĩa|hợp tác|đại sứ|lãnh sự|đoàn|ký kết|tài trợ|viện trợ|thị trưởng|"
    r"tỉnh trưởng|thống đốc|ghi nhớ|koica|jica|phối hợp|hội đàm|hội kiến|thăm|lễ hội|giao lưu|"
    r"hội thảo|hội nghị|diễn đàn|xúc tiến|tặng|nhà đầu tư|chứng nhận đăng ký đầu tư|chứng nhận đầu tư|"
    r"chủ trương đầu tư|chấp thuận đầu tư|"
    r"trao trả|nước bạn|phía bạn|diễn tập|hải quân|khoản vay|vốn vay|cho vay|oda|không hoàn lại|ngân hàng thế giới|"
    r"ngân hàng phát triển|đối tác|nhà thầu|liên danh"
)


def extract_facts(
    text: str, published: DateValue | None = None, *, use_model: bool = True
) -> tuple[list[Event], list[Relation]]:
    """Events and relations stated in one article's clean text (title, blank line, body).

    `use_model=False` reads with the rules alone, as the relevance model's training does.
    """
    if not _FOREIGN_CUE.search(text.lower()):
        return [], []
    topic = off_topic(text)
    if topic not in (None, "crime", "sports"):
        return [], []
    probability = relevance(text) if use_model else 1.0
    if set_aside(probability, strong=True):
        return [], []
    title_end = text.find("\n\n")
    ctx = context.build(text, title_end if title_end >= 0 else 0, published)
    if topic == "crime" and not joint_operation(ctx):
        return [], []
    if topic == "sports" and not local_leader_abroad(ctx):
        return [], []  # a match report; a twin city's mayor leading its athletes is an exchange
    foreign_place = any(not p.vietnamese for p in ctx.places)
    if not foreign_place and not may_name_firm(text):
        return [], []  # nothing foreign is named: no event, no relationship
    actors = find_actors(ctx)
    if not foreign_place and all(a.vietnamese for a in actors):
        return [], []  # no foreign firm either
    found = build_events(ctx, cluster(find_candidates(ctx, actors)), actors) if may_be_in_scope(actors) else []
    if set_aside(probability, strong=bool(found) and local_with_local(found[0][0])):
        return [], []
    if not found:
        # "Tỉnh có quan hệ hợp tác với ...": with no event, the province the title names is the one meant.
        titled = [p for p in ctx.places if p.start < ctx.title_end and p.subnational and p.vietnamese]
        return [], find_relations(ctx, titled, actors)
    main, places = found[0]
    main = main.model_copy(update={"proposals": find_proposals(ctx, places)})
    return [main, *(e for e, _ in found[1:])], find_relations(ctx, places, actors)
