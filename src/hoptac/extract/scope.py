"""The contract's scope rule over one event's own parties."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from hoptac.extract.actors import Actor, is_capital, is_city_network, is_forum
from hoptac.extract.context import Context

# The kinds of a local government: a province, city, district or commune.
LOCAL_KINDS = ("province", "city", "district", "commune")


@lru_cache(maxsize=1)
def _off_topic() -> dict[str, re.Pattern[str]]:
    data = resources.files("hoptac.extract").joinpath("data/off_topic.csv").read_text(encoding="utf-8")
    words: dict[str, list[str]] = {}
    for row in csv.DictReader(data.splitlines()):
        words.setdefault(row["topic"], []).append(re.escape(row["phrase"]))
    return {t: re.compile(r"(?<!\w)(?:" + "|".join(w) + r")(?!\w)") for t, w in words.items()}


# A football report or a trial says its topic's words again and again; a delegation's visit names
# a match or a verdict once or twice.
_OFF_TOPIC_HITS = 4


# "Công an tỉnh Hà Tĩnh phối hợp với Công an tỉnh Bolikhamxay (Lào)": a crime story about a joint operation.
_JOINT = re.compile(r"(?<!\w)(?:phối hợp với|phối hợp cùng|cùng với)(?!\w)")
_OPERATION = re.compile(
    r"(?<!\w)(?:bắt|phát hiện|thu giữ|tiến hành|điều tra|truy bắt|triệt phá|kiểm tra|khám xét|vận chuyển)(?!\w)|\.\s"
)
# "Bộ chỉ huy BĐBP tỉnh Điện Biên, ... và An ninh tỉnh U Đôm Xay (Lào) phối hợp chặt chẽ với nhau điều tra":
# the partners are named before.
JOINT_WORK = re.compile(r"(?<!\w)phối hợp(?:\s+chặt chẽ)?\s+(?:với nhau|của)(?!\w)", re.IGNORECASE)
_BOTH_SIDES = re.compile(r"(?<!\w)(?:lực lượng chức năng hai nước|phía bạn|nước bạn|hai bên)(?!\w)")


def off_topic(text: str) -> str | None:
    """The topic of an article that reports a match, a trial or a crime, not cooperation."""
    for topic, pattern in _off_topic().items():
        for hits, _ in enumerate(pattern.finditer(text), 1):
            if hits >= _OFF_TOPIC_HITS:
                return topic
    return None


# "ông Byeon Gwang-yong, Thị trưởng TP. Geoje làm trưởng đoàn", "đại diện lãnh đạo hội đồng thành phố Cheonan".
_LOCAL_LEADER = re.compile(
    r"(?:Thị trưởng|Thống đốc|Tỉnh trưởng|Đô trưởng|Chủ tịch|[Hh]ội đồng)(?:\s+(?:tỉnh|thành phố|TP\.?|bang))?\s*\Z"
)


def local_leader_abroad(ctx: Context) -> bool:
    """A foreign locality's own leader or council is named: a sports exchange between cities, not a match report."""
    return any(
        not p.vietnamese
        and p.entity.kind in LOCAL_KINDS
        and _LOCAL_LEADER.search(ctx.text, max(0, p.start - 40), p.start) is not None
        for p in ctx.places
    )


# "Ngày 8/5, ... chủ trì lễ ra mắt Nhóm kiểm soát cảng ..., với sự tham dự của ông ..., Tổng lãnh sự Australia":
# a ceremony against crime, not a crime.
_CEREMONY = re.compile(r"(?<!\w)(?:lễ (?:ra mắt|ký kết|khai mạc|bàn giao|tiếp nhận)|hội nghị|hội thảo|ký kết)(?!\w)")


def joint_operation(ctx: Context) -> bool:
    """A crime story in which a Vietnamese force works with a foreign one: "phối hợp với Công an tỉnh Hủa Phăn";
    or the story of a ceremony or meeting with a foreign side, told in its lead, about fighting crime."""
    if _BOTH_SIDES.search(ctx.text):
        return True
    lead = next((s for s in ctx.sentences if s.start >= ctx.title_end), None)
    if (
        lead is not None
        and _CEREMONY.search(lead.text)
        and any(not p.vietnamese for p in ctx.places_in(lead.start, lead.end))
    ):
        return True
    for m in _JOINT.finditer(ctx.text):
        # The partners are those named before the operation's verb: "... phối hợp với A, B (Lào) bắt giữ".
        verb = _OPERATION.search(ctx.text, m.end(), m.end() + 250)
        end = verb.start() if verb else m.end() + 250
        if any(not p.vietnamese for p in ctx.places_in(m.end(), end)):
            return True
    for m in JOINT_WORK.finditer(ctx.text):
        sentence = ctx.sentence_at(m.start())
        if sentence and any(not p.vietnamese for p in ctx.places_in(sentence.start, m.start())):
            return True
    return False


def is_actor(actor: Actor) -> bool:
    """The rule's second clause: a local government, a city network or a foreign public agency.

    The United Nations, ASEAN or APEC with a national government alone is diplomacy between nations.
    """
    return actor.kind in LOCAL_KINDS or actor.kind == "agency" or is_city_network(actor.id)


def in_scope(actors: Iterable[Actor], aid: bool = False) -> bool:
    """Two countries or more, one of them Vietnam, and a local government or agency among the parties.

    A locality takes part through its leaders or government ("UBND tỉnh", "Thống đốc tỉnh Aichi"), or
    as the one a gift is for ("cho Đà Nẵng"), where the other side is a nation: the Prime Minister in
    Washington or a navy ship at Cam Ranh make no local event of the city where they are.
    """
    actors = list(actors)
    vn_local = [a for a in actors if a.vietnamese and a.kind != "country"]
    # A forum of nations meeting in a city is the nations' affair unless the city's own leaders act.
    # A capital with no leader of its own named ("thủ đô Moscow") is where its nation receives.
    foreign_nations_only = all(
        a.kind == "country" or is_forum(a.id) or (is_capital(a.id) and not a.led) for a in actors if not a.vietnamese
    )
    if any(a.national for a in actors) and foreign_nations_only:
        # A summit: a province named only in an attending delegate's title ("Bí thư Thành ủy Hà Nội") is no side.
        actors = [a for a in actors if not (a.vietnamese and a.kind != "country") or (a.led and not a.escort)]
    elif (any(a.national for a in actors) and not aid) or foreign_nations_only:
        # Beside the State, a province acts through its leaders, or receives a gift from abroad.
        actors = [a for a in actors if not (a.vietnamese and a.kind != "country") or a.led]
    if not vn_local or not [a for a in actors if a.vietnamese and a.kind != "country"]:
        actors = [a for a in actors if a.vietnamese or not is_actor(a) or a.led]
    countries = {a.country for a in actors}
    return (
        any(a.vietnamese for a in actors)
        and any(not a.vietnamese for a in actors)
        and len(countries) >= 2
        and any(is_actor(a) and not (is_capital(a.id) and not a.led) for a in actors)
        # A locality acts through its leaders or government, or receives aid; a town named as an address or
        # where a trade fair is held does not ("Công ty CP Phú Thạnh (huyện Châu Thành, tỉnh Hậu Giang)").
        and (aid or any(a.led or a.kind not in LOCAL_KINDS for a in actors if is_actor(a)))
    )


def forum_side_only(actors: Iterable[Actor]) -> bool:
    """The only foreign side is a forum none of whose officials the text names ("phục vụ APEC 2017")."""
    foreign = [a for a in actors if not a.vietnamese]
    return bool(foreign) and all(is_forum(a.id) and not a.led for a in foreign)


def may_be_in_scope(actors: Iterable[Actor]) -> bool:
    """The rule without asking who acts through whom: an article that fails it has no event in scope."""
    actors = list(actors)
    return (
        any(a.vietnamese for a in actors)
        and any(not a.vietnamese for a in actors)
        and any(is_actor(a) for a in actors)
    )
