"""A large database of realistic shape for the web API benchmark (`bench_web.py`).

Vietnamese provinces (real ids and names from the gazetteer) meet foreign
cities, regions, countries and organisations, with Zipf-like popularity on
both sides, so TP Hồ Chí Minh, Hà Nội and Đà Nẵng have thousands of events
and most parties a handful. Every event is reported by 1-3 articles; an
article reports 1-4 events that happened within two months of each other, of
one province (a local outlet) or of several (a national one). Articles carry
a few paragraphs of Vietnamese text that name the parties and people, and
every evidence span indexes into that text.

Each article is built as a `hoptac.models.ArticleResult` and stored through
`hoptac.store.ingest_result`, one transaction per article as in production, so
the schema, event merging and the search index are filled by the real code.
The only difference from production is on this script's own connection:
`PRAGMA synchronous=OFF` and a larger page cache (nothing of this is stored
in the database file).

The plan is a pure function of --events and --seed: re-running resumes an
interrupted build (articles already stored are skipped), and re-running on a
complete database does nothing.

    .venv/bin/python benchmarks/make_web_db.py                     # 50,000 events -> benchmarks/out/web.db
    .venv/bin/python benchmarks/make_web_db.py --events 2000 --db /tmp/small.db
"""

from __future__ import annotations

import argparse
import bisect
import gc
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from hoptac import gazetteer
from hoptac import store as store_module
from hoptac.extract.fields import FIELD_ORDER
from hoptac.gazetteer import Entity
from hoptac.models import (
    Amount,
    ArticleMeta,
    ArticleResult,
    DateValue,
    Event,
    Evidence,
    Person,
    Proposal,
    Relation,
)
from hoptac.resolve import to_party
from hoptac.store.models import Article, EventRow, RelationRow

HERE = Path(__file__).resolve().parent
DEFAULT_DB = HERE / "out" / "web.db"
PLAN_VERSION = 1  # bump when the generator changes, so an old database is not taken for complete

FIRST_DAY = date(2010, 1, 1)
LAST_DAY = date(2026, 10, 31)

# --- vocabulary ----------------------------------------------------------------------------

FIELD_VI = {
    "tourism": "du lịch",
    "culture": "văn hóa",
    "heritage": "bảo tồn di sản",
    "sports": "thể thao",
    "festivals_events": "tổ chức lễ hội",
    "people_to_people": "giao lưu nhân dân",
    "trade": "thương mại",
    "investment": "đầu tư",
    "economy": "kinh tế",
    "finance": "tài chính, ngân hàng",
    "industrial_zones": "phát triển khu công nghiệp",
    "logistics": "logistics",
    "seaports_maritime": "cảng biển, hàng hải",
    "urban_development": "phát triển đô thị",
    "smart_city": "xây dựng thành phố thông minh",
    "digital": "chuyển đổi số",
    "science_technology": "khoa học và công nghệ",
    "biotechnology": "công nghệ sinh học",
    "education": "giáo dục",
    "training_hr": "đào tạo nguồn nhân lực",
    "labor": "lao động",
    "health": "y tế",
    "environment": "bảo vệ môi trường",
    "water": "cấp thoát nước",
    "energy": "năng lượng tái tạo",
    "agriculture_food": "nông nghiệp",
    "media_communication": "thông tin, truyền thông",
    "governance": "cải cách hành chính",
}
# Most reported first; sampled with Zipf weights.
FIELD_POPULARITY = (
    "investment trade tourism education culture economy training_hr health agriculture_food people_to_people "
    "science_technology environment labor digital urban_development seaports_maritime logistics energy "
    "industrial_zones festivals_events sports heritage smart_city water media_communication governance finance "
    "biotechnology"
).split()
assert set(FIELD_VI) == set(FIELD_ORDER) == set(FIELD_POPULARITY)

KINDS = (("meeting", 45), ("signing", 15), ("conference", 15), ("cultural_event", 10), ("aid", 7), ("other", 8))
KIND_VERB = {
    "meeting": ("tiếp và làm việc với", "hội đàm với", "có buổi làm việc với"),
    "signing": ("ký kết biên bản ghi nhớ hợp tác với", "ký thỏa thuận hợp tác với"),
    "conference": ("đồng chủ trì hội nghị xúc tiến đầu tư với", "dự diễn đàn hợp tác địa phương với"),
    "cultural_event": ("phối hợp tổ chức chương trình giao lưu văn hóa với", "khai mạc tuần văn hóa cùng"),
    "aid": ("tiếp nhận khoản viện trợ không hoàn lại từ", "tiếp nhận trang thiết bị do"),
    "other": ("trao đổi kinh nghiệm với", "tiếp đoàn công tác của"),
}
KIND_TITLE = {
    "meeting": "tăng cường hợp tác {f}",
    "signing": "ký kết hợp tác về {f}",
    "conference": "xúc tiến hợp tác {f}",
    "cultural_event": "giao lưu văn hóa, thúc đẩy {f}",
    "aid": "hỗ trợ {f}",
    "other": "trao đổi kinh nghiệm {f}",
}
ACT_VI = {
    "request": "đề nghị {b} tiếp tục hỗ trợ",
    "offer": "sẵn sàng hỗ trợ {b}",
    "agree": "thống nhất cùng {b} đẩy mạnh hợp tác",
    "commit": "cam kết cùng {b} triển khai các dự án",
}
RELATION_VI = {"sister": "kết nghĩa", "friendship": "hữu nghị", "cooperation": "hợp tác"}

VN_SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương".split()
VN_MIDDLE = "Văn Thị Minh Quốc Thanh Hữu Đức Ngọc Xuân Hồng Anh Tiến Kim".split()
VN_GIVEN = (
    "Anh Bình Cường Dũng Hải Hùng Lan Long Mai Nam Phong Sơn Thắng Tuấn Hà Hòa Khánh Linh Quang Trung Vinh "
    "Thảo Hiếu Nghĩa Lâm Tâm Thu Phúc"
).split()
FOREIGN_NAMES = {
    "KR": (
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh".split(),
        "Min-jun Seo-yeon Ji-ho Hyun-woo Kyung-ha Sung-min Young-soo Jae-won Dong-hyun Eun-ji".split(),
    ),
    "JP": (
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Mori".split(),
        "Hiroshi Takeshi Kenji Yuki Akira Naoko Haruto Satoshi Kazuo Emi".split(),
    ),
    "CN": (
        "Wang Li Zhang Liu Chen Yang Huang Zhao Zhou Wu".split(),
        "Wei Fang Jun Lei Ming Qiang Hua Jing Tao Yong".split(),
    ),
    "LA": (
        "Phommavong Siphandone Sisoulith Keomany Vongsay Souvanna Chanthavong".split(),
        "Khamphan Bounthong Sonexay Phet Vilay Souk Khamla Somsak".split(),
    ),
    "KH": ("Hun Sok Chea Keo Men Chan Sar".split(), "Sarin Vanna Dara Sophal Rithy Bopha Kosal".split()),
    "TH": (
        "Srisuk Chaiyaporn Wongsakul Boonmee Rattanakorn".split(),
        "Somchai Suda Anan Kittisak Malee Prasert".split(),
    ),
    "RU": ("Ivanov Petrov Smirnov Kuznetsov Popov Volkov".split(), "Sergei Andrei Olga Dmitry Irina Nikolai".split()),
}
WESTERN_NAMES = ("Smith Müller Martin Rossi Johnson Dubois Schmidt Brown Novak García".split(),
                 "John Maria Peter Anna Michael Laura David Sophie Thomas Elena".split())  # fmt: skip
SURNAME_FIRST = {"KR", "CN", "KH"}

VN_TITLES = (
    ("Chủ tịch UBND {p}", 2),
    ("Phó Chủ tịch UBND {p}", 6),
    ("Bí thư {u} {s}", 1),
    ("Chủ tịch HĐND {p}", 1),
    ("Giám đốc Sở Ngoại vụ {p}", 3),
    ("Giám đốc Sở Kế hoạch và Đầu tư {p}", 2),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch {p}", 2),
    ("Phó Giám đốc Sở Công Thương {p}", 2),
)
COUNTRY_WEIGHTS = {
    "KR": 30, "JP": 26, "CN": 16, "LA": 14, "US": 9, "KH": 7, "FR": 6, "DE": 5, "RU": 5, "TH": 5, "AU": 4,
    "SG": 3, "IN": 3, "IT": 2, "GB": 2, "NL": 2, "CU": 2, "BE": 2, "CA": 2, "ID": 2, "MY": 2, "PH": 1,
    "CZ": 1, "PL": 1, "HU": 1, "BY": 1, "MZ": 1, "NZ": 1, "IL": 1, "AE": 1,
}  # fmt: skip
# Partners Vietnamese localities meet most, most first; the gazetteer's registry of standing
# partnerships and curated foreign names follow, then the rest of the partner countries' places.
TOP_FOREIGN = (
    "KR-26 KR-11 JP-13 LA-VT KH-12 CN-GX CN-YN KR-41 JP:osaka JP:fukuoka KR-27 KR-28 JP-14 org:jica org:koica "
    "TH-10 CN-SH CN-GD US:san-francisco FR-IDF:paris RU-MOW RU-PRI:vladivostok LA-CH LA-LP org:adb org:world-bank "
    "org:undp JP:kitakyushu JP-43 JP:yokohama SG:singapore"
).split()
TOP_VN = "VN-SG VN-HN VN-DN VN-HP VN-CT VN-13 VN-34 VN-26 VN-02 VN-22 VN-56 VN-39 VN-57 VN-27 VN-44".split()

OUTLETS = (
    ("Người Lao Động", "nld.com.vn"), ("Dân trí", "dantri.com.vn"), ("VOV", "vov.vn"),
    ("VnExpress", "vnexpress.net"), ("Tuổi Trẻ", "tuoitre.vn"), ("Thanh Niên", "thanhnien.vn"),
    ("Nhân Dân", "nhandan.vn"), ("Hànộimới", "hanoimoi.vn"), ("Báo Đà Nẵng", "baodanang.vn"),
    ("Báo Quốc tế", "baoquocte.vn"), ("Vietnamplus", "vietnamplus.vn"), ("Báo Tin tức", "baotintuc.vn"),
    ("Báo Quảng Nam", "baoquangnam.vn"), ("Báo Gia Lai", "baogialai.com.vn"), ("VTV", "vtv.vn"),
)  # fmt: skip

FILLER = (
    "{vn} hiện có {n} dự án đầu tư trực tiếp nước ngoài từ {c}, với tổng vốn đăng ký khoảng {m} triệu USD.",
    "Thời gian qua, quan hệ hợp tác giữa {vn} và các địa phương của {c} không ngừng được củng cố và mở rộng.",
    "Kim ngạch xuất nhập khẩu giữa {vn} và {c} năm {y} đạt hơn {m} triệu USD, tăng {p}% so với năm trước.",
    "Lãnh đạo hai bên đánh giá cao kết quả hợp tác đạt được và mong muốn tiếp tục tăng cường trao đổi đoàn.",
    "Hai bên nhất trí giao các cơ quan chuyên môn xây dựng kế hoạch cụ thể để triển khai các nội dung đã thống nhất.",
    "Năm {y}, {vn} đón khoảng {n} nghìn lượt khách du lịch đến từ {c}.",
    "Dịp này, hai bên cũng trao đổi về khả năng mở đường bay thẳng và tăng cường quảng bá du lịch.",
    "Nhiều doanh nghiệp của {c} bày tỏ quan tâm tìm hiểu cơ hội đầu tư tại {vn}.",
    "Sở Ngoại vụ {vn} cho biết sẽ phối hợp chặt chẽ với các sở, ngành để theo dõi việc thực hiện.",
    "Đây là hoạt động thiết thực nhằm cụ thể hóa chương trình hợp tác giai đoạn {y}-{y2} giữa hai địa phương.",
    "Phát biểu tại buổi làm việc, đại diện phía bạn cảm ơn sự đón tiếp nồng hậu, chu đáo của {vn}.",
    "Hai bên cũng thống nhất tăng cường giao lưu thanh niên, trao đổi sinh viên và học bổng.",
)
BYLINES = "Minh Anh|Hoàng Anh|Thu Hà|Quốc Tuấn|Ngọc Lan|Thanh Bình|Đức Huy|Phương Thảo|Văn Long|Hải Yến".split("|")


# --- sampling helpers -----------------------------------------------------------------------


class Zipf:
    """Items drawn with weight 1 / rank ** s (rank 1 = the first item)."""

    def __init__(self, items: list[Any], s: float = 1.0, weights: list[float] | None = None) -> None:
        self.items = items
        ws = weights or [1 / (rank**s) for rank in range(1, len(items) + 1)]
        self.cum = list(itertools.accumulate(ws))

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]

    def sample(self, rng: random.Random, k: int) -> list[Any]:
        out: list[Any] = []
        while len(out) < min(k, len(self.items)):
            item = self.draw(rng)
            if item not in out:
                out.append(item)
        return out


def weighted(rng: random.Random, pairs: tuple[tuple[Any, int], ...] | list[tuple[Any, int]]) -> Any:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def short(entity: Entity) -> str:
    """How a headline names a place: 'Hải Phòng', 'Busan', 'TP Hồ Chí Minh'."""
    if entity.id == "VN-SG":
        return "TP Hồ Chí Minh"
    name = entity.name_vi or entity.name
    for prefix in ("Thành phố ", "thành phố ", "Tỉnh ", "tỉnh ", "Thủ đô ", "thủ đô ", "bang ", "Bang "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def full(entity: Entity) -> str:
    """How a sentence names it: 'thành phố Busan', 'tỉnh Quảng Ninh', 'Cơ quan Hợp tác Quốc tế Nhật Bản'."""
    if entity.kind == "city" and not entity.name_vi:
        return f"thành phố {entity.name}"
    name = entity.name_vi or entity.name
    return name[0].lower() + name[1:] if name.split()[0] in ("Tỉnh", "Thành", "Thủ") else name


# --- the plan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonSpec:
    name: str
    title: str
    party: str
    male: bool


@dataclass
class EventSpec:
    kind: str
    day: date
    precision: str
    status: str
    mode: str | None
    vn: list[Entity]
    foreign: list[Entity]  # non-country foreign parties (may be empty)
    countries: list[Entity]  # foreign countries named as parties
    place: Entity | None
    fields: list[str]
    people: list[PersonSpec]
    amount: tuple[float, str, str] | None
    proposal: tuple[str, list[str]] | None  # act, fields
    sources: int
    verb: int

    @property
    def date_value(self) -> str:
        iso = self.day.isoformat()
        return {"day": iso, "month": iso[:7], "year": iso[:4]}[self.precision]

    @property
    def fingerprint(self) -> str:
        ids = sorted({e.id for e in self.vn + self.foreign})
        return f"{self.kind}|{','.join(ids)}"


@dataclass
class ArticlePlan:
    index: int
    published: date
    events: list[EventSpec]
    relation: tuple[str, str | None] | None = None  # type, since (for the first event's first pair)


@dataclass
class Planner:
    rng: random.Random
    gaz: gazetteer.Gazetteer
    vn: Zipf = field(init=False)
    foreign: Zipf = field(init=False)
    countries: Zipf = field(init=False)
    fields: Zipf = field(init=False)
    favourites: dict[str, Zipf] = field(default_factory=dict)
    registry: dict[str, list[tuple[Entity, str, str | None]]] = field(default_factory=dict)
    pools: dict[str, list[PersonSpec]] = field(default_factory=lambda: defaultdict(list))
    dates: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    relations: dict[tuple[str, str], tuple[str, str | None] | None] = field(default_factory=dict)
    years: Zipf = field(init=False)

    def __post_init__(self) -> None:
        g, rng = self.gaz, self.rng
        provinces = [
            e for e in g.entities()
            if e.country == "VN" and e.kind == "province" and not e.valid_from
            and not (e.valid_to and e.valid_to < "2010")
        ]  # fmt: skip
        rest = sorted((e for e in provinces if e.id not in TOP_VN), key=lambda e: e.id)
        rng.shuffle(rest)
        self.vn = Zipf([g.get(i) for i in TOP_VN] + rest, s=1.1)
        self.foreign = Zipf(self._foreign_ranking(), s=1.0)
        codes = list(COUNTRY_WEIGHTS)
        self.countries = Zipf([g.get(c) for c in codes], weights=[COUNTRY_WEIGHTS[c] for c in codes])
        self.fields = Zipf(FIELD_POPULARITY, s=0.8)
        # More news each year: weight grows linearly from 2010 to 2026.
        self.years = Zipf(list(range(2010, 2027)), weights=[1 + 0.25 * i for i in range(17)])
        for e in provinces:
            for p in g.partnerships(e.id):
                other = g.get(p.b_id if p.a_id == e.id else p.a_id)
                if other and other.country != "VN" and other.kind != "country":
                    self.registry.setdefault(e.id, []).append((other, p.type, p.since))

    def _foreign_ranking(self) -> list[Entity]:
        g = self.gaz
        seen: dict[str, Entity] = {}
        for i in TOP_FOREIGN:
            seen[i] = g.get(i)
        for e in g.entities():
            if e.country == "VN":
                for p in g.partnerships(e.id):
                    other = g.get(p.b_id if p.a_id == e.id else p.a_id)
                    if other and other.country != "VN" and other.kind != "country":
                        seen.setdefault(other.id, other)
        curated = [
            e for e in g.entities()
            if e.country in COUNTRY_WEIGHTS and e.kind in ("province", "city") and e.name_vi and e.id not in seen
        ]  # fmt: skip
        curated.sort(key=lambda e: (-COUNTRY_WEIGHTS[e.country], e.id))
        for e in curated:
            seen.setdefault(e.id, e)
        others = [
            e for e in g.entities()
            if e.country in COUNTRY_WEIGHTS and e.kind == "city" and e.lat is not None and e.id not in seen
        ]  # fmt: skip
        self.rng.shuffle(others)
        others.sort(key=lambda e: -COUNTRY_WEIGHTS[e.country])
        for e in others[:1200]:
            seen.setdefault(e.id, e)
        return [e for e in seen.values() if e is not None]

    # -- one event --

    def _day(self) -> date:
        year = self.years.draw(self.rng)
        first = max(FIRST_DAY, date(year, 1, 1))
        last = min(LAST_DAY, date(year, 12, 31))
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def _vn_on(self, entity: Entity, day: date) -> Entity:
        """The unit that existed on `day`: after 2025 mergers, the successor."""
        while entity.valid_to and day.isoformat() >= entity.valid_to and entity.successor:
            entity = self.gaz.get(entity.successor) or entity
        return entity

    def _partner(self, vn: Entity) -> Entity:
        rng = self.rng
        registry = self.registry.get(vn.id)
        if registry and rng.random() < 0.2:
            return rng.choice(registry)[0]
        favourites = self.favourites.get(vn.id)
        if favourites is None:
            favourites = self.favourites[vn.id] = Zipf(self.foreign.sample(rng, rng.randint(4, 14)), s=1.2)
        return favourites.draw(rng) if rng.random() < 0.55 else self.foreign.draw(rng)

    def _person(self, entity: Entity, country: str | None, vn_host: Entity | None = None) -> PersonSpec:
        rng = self.rng
        pool = self.pools[entity.id]
        # The officials a locality's news names over sixteen years: a few dozen at most. (The store
        # compares every new name with all the party's people, so this also bounds ingest time.)
        cap = 30 if entity.country == "VN" else 15
        if len(pool) >= cap or (len(pool) >= 3 and rng.random() > 4 / (len(pool) + 4)):
            return Zipf(pool, s=0.7).draw(rng)
        for _ in range(20):
            male = rng.random() < 0.75
            if entity.country == "VN":
                middle = rng.choice(VN_MIDDLE) if male else rng.choice(("Thị", "Thị", "Ngọc", "Thanh", "Hồng"))
                name = f"{rng.choice(VN_SURNAMES)} {middle} {rng.choice(VN_GIVEN)}"
                template = weighted(rng, VN_TITLES)
                unit = "Thành ủy" if full(entity).startswith("thành phố") else "Tỉnh ủy"
                title = template.format(p=full(entity), u=unit, s=short(entity))
            else:
                family, given = FOREIGN_NAMES.get(country or "", WESTERN_NAMES)
                f, g_ = rng.choice(family), rng.choice(given)
                name = f"{f} {g_}" if country in SURNAME_FIRST else f"{g_} {f}"
                title = self._foreign_title(entity, vn_host)
            if all(p.name != name for p in pool):
                person = PersonSpec(name, title, entity.id, male)
                pool.append(person)
                return person
        return rng.choice(pool)

    def _foreign_title(self, entity: Entity, vn_host: Entity | None) -> str:
        rng = self.rng
        if entity.kind == "country":
            where = "TP Hồ Chí Minh" if vn_host is not None and vn_host.id == "VN-SG" else "Việt Nam"
            lead = rng.choice(("Đại sứ", "Đại sứ", "Tổng Lãnh sự", "Tham tán Thương mại"))
            return f"{lead} {entity.name_vi or entity.name} tại {where}"
        if entity.kind in ("organisation", "agency"):
            lead = rng.choice(("Giám đốc Quốc gia", "Trưởng đại diện", "Phó Trưởng đại diện"))
            return f"{lead} {entity.name_vi or entity.name} tại Việt Nam"
        place = full(entity)
        if entity.kind == "province" and not place.startswith(("thành phố", "thủ đô")):
            return f"{rng.choice(('Thống đốc', 'Phó Thống đốc', 'Chủ tịch Hội đồng'))} {place}"
        return f"{rng.choice(('Thị trưởng', 'Phó Thị trưởng', 'Phó Thị trưởng'))} {place}"

    def event(self) -> EventSpec:
        for _ in range(50):
            spec = self._draw_event()
            prior = self.dates[spec.fingerprint]
            value = spec.date_value
            # Two planned events that the store would take for one (same parties and kind,
            # compatible dates) are redrawn, so the database holds the planned number of events.
            if any(v == value or v.startswith(value + "-") or value.startswith(v + "-") for v in prior):
                continue
            prior.append(value)
            return spec
        raise RuntimeError("could not draw a distinct event")  # pragma: no cover

    def _draw_event(self) -> EventSpec:
        rng = self.rng
        day = self._day()
        kind = weighted(rng, KINDS)
        vn = [self._vn_on(self.vn.draw(rng), day)]
        if rng.random() < 0.08:
            second = self._vn_on(self.vn.draw(rng), day)
            if second.id != vn[0].id:
                vn.append(second)
        foreign: list[Entity] = []
        countries: list[Entity] = []
        if rng.random() < 0.12:
            countries.append(self.countries.draw(rng))
        else:
            foreign.append(self._partner(vn[0]))
            if rng.random() < 0.1:
                other = self.foreign.draw(rng)
                if other.id != foreign[0].id:
                    foreign.append(other)
            for f in foreign:
                country = self.gaz.get(f.country) if f.country else None
                if (
                    f.kind not in ("organisation", "agency")
                    and country
                    and rng.random() < 0.45
                    and country not in countries
                ):
                    countries.append(country)
        roll = rng.random()
        place = vn[0] if roll < 0.2 else (foreign[0] if foreign and roll < 0.3 else None)
        fields = self.fields.sample(rng, weighted(rng, ((1, 25), (2, 30), (3, 20), (4, 13), (5, 7), (6, 5))))
        fields.sort(key=FIELD_ORDER.index)
        people: list[PersonSpec] = []
        if rng.random() < 0.75:
            people.append(self._person(vn[0], "VN"))
            if rng.random() < 0.12:
                extra = self._person(vn[0], "VN")
                if extra not in people:
                    people.append(extra)
        partner = foreign[0] if foreign else countries[0]
        if rng.random() < 0.55:
            people.append(self._person(partner, partner.country, vn[0]))
        amount = None
        if (kind == "aid" and rng.random() < 0.6) or (kind == "signing" and rng.random() < 0.25):
            millions = round(rng.choice((0.5, 1, 1.2, 2, 3.5, 5, 10, 25, 50, 120)) * rng.uniform(0.8, 1.2), 1)
            amount = (millions * 1e6, "USD", f"{millions:g} triệu USD".replace(".", ","))
        proposal = None
        if rng.random() < 0.15:
            act = weighted(rng, (("request", 5), ("offer", 2), ("agree", 3), ("commit", 2)))
            proposal = (act, fields[: rng.randint(1, len(fields))])
        return EventSpec(
            kind=kind,
            day=day,
            precision=weighted(rng, (("day", 85), ("month", 12), ("year", 3))),
            status="planned" if rng.random() < 0.05 else "past",
            mode=weighted(rng, (("in_person", 70), ("online", 8), (None, 22))),
            vn=vn,
            foreign=foreign,
            countries=countries,
            place=place,
            fields=fields,
            people=people,
            amount=amount,
            proposal=proposal,
            sources=weighted(rng, ((1, 80), (2, 15), (3, 5))),
            verb=rng.randrange(2),
        )

    def relation_of(self, spec: EventSpec) -> tuple[str, str | None] | None:
        """The standing relationship of the event's first local-foreign pair, drawn once per pair."""
        if not spec.foreign:
            return None
        vn, other = spec.vn[0], spec.foreign[0]
        key = (vn.id, other.id)
        if key not in self.relations:
            known = [(t, s) for e, t, s in self.registry.get(vn.id, []) if e.id == other.id and t in RELATION_VI]
            if known:
                t, since = known[0]
                self.relations[key] = (t, (since or "")[:4] or None)
            elif other.kind not in ("organisation", "agency") and self.rng.random() < 0.12:
                t = weighted(self.rng, (("sister", 3), ("friendship", 3), ("cooperation", 4)))
                since = str(self.rng.randint(1992, 2024)) if self.rng.random() < 0.8 else None
                self.relations[key] = (t, since)
            else:
                self.relations[key] = None
        return self.relations[key]


def make_plan(n_events: int, seed: int) -> list[ArticlePlan]:
    """Every article to store, in publication order; a pure function of the arguments."""
    rng = random.Random(seed)
    planner = Planner(rng, gazetteer.load())
    events = [planner.event() for _ in range(n_events)]
    # Each report of an event: (stream, day, tie-breaker, event). A local outlet's article reports
    # events of its province; a national one's ("" stream) events of any province.
    mentions: list[tuple[str, date, float, int]] = []
    for i, spec in enumerate(events):
        for _ in range(spec.sources):
            stream = spec.vn[0].id if rng.random() < 0.5 else ""
            mentions.append((stream, spec.day, rng.random(), i))
    mentions.sort()
    articles: list[ArticlePlan] = []
    chunk: list[int] = []
    size = 1

    def flush() -> None:
        if not chunk:
            return
        specs = [events[i] for i in chunk]
        latest = max(s.day for s in specs)
        if any(s.status == "planned" for s in specs):
            published = min(s.day for s in specs) - timedelta(days=rng.randint(2, 30))
        else:
            published = min(latest + timedelta(days=rng.randint(0, 3)), LAST_DAY + timedelta(days=20))
        articles.append(ArticlePlan(0, published, specs))
        chunk.clear()

    for _, day, _, i in mentions:
        spec = events[i]
        if chunk:
            first = events[chunk[0]]
            planned_mix = (spec.status == "planned") != (first.status == "planned")
            if len(chunk) >= size or i in chunk or (day - first.day).days > 60 or planned_mix:
                flush()
        if not chunk:
            size = weighted(rng, ((1, 15), (2, 27), (3, 28), (4, 30)))
        chunk.append(i)
    flush()
    articles.sort(key=lambda a: (a.published, a.events[0].vn[0].id))
    for index, article in enumerate(articles):
        article.index = index
        if rng.random() < 0.35:
            article.relation = planner.relation_of(article.events[0])
            if article.relation and rng.random() < 0.05:  # outlets disagree now and then on the year
                t, since = article.relation
                article.relation = (t, str(int(since) + rng.choice((-1, 1))) if since else since)
    return articles


# --- articles -------------------------------------------------------------------------------


class TextBuilder:
    """Paragraphs appended one sentence at a time; remembers where each sentence starts and ends."""

    def __init__(self, title: str) -> None:
        self.parts: list[str] = [title, "\n\n"]
        self.length = len(title) + 2
        self.open = False

    def sentence(self, text: str) -> Evidence:
        if self.open:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.open = True
        return Evidence(start=start, end=self.length, text=text)

    def paragraph(self) -> None:
        if self.open:
            self.parts.append("\n")
            self.length += 1
            self.open = False

    def text(self) -> str:
        return "".join(self.parts)


def _date_phrase(spec: EventSpec, rng: random.Random) -> str:
    d = spec.day
    if spec.precision == "year":
        return f"Trong năm {d.year}"
    if spec.precision == "month":
        return f"Trong tháng {d.month}/{d.year}"
    if spec.status == "planned":
        return f"Dự kiến ngày {d.day}/{d.month}/{d.year}"
    return f"{rng.choice(('Ngày', 'Sáng', 'Chiều'))} {d.day}/{d.month}/{d.year}"


def _someone(person: PersonSpec) -> str:
    return f"{'Ông' if person.male else 'Bà'} {person.name}"


def article_url(plan: ArticlePlan) -> str:
    domain = OUTLETS[plan.index % len(OUTLETS)][1]
    return f"https://{domain}/hop-tac-quoc-te-{plan.published:%Y%m%d}-{plan.index:06d}.html"


def _country_of(entity: Entity, spec: EventSpec) -> Entity | None:
    if entity.kind == "country":
        return entity
    return next((c for c in spec.countries if c.id == entity.country), None)


INTROS = (
    "Thời gian qua, công tác đối ngoại và hợp tác quốc tế của các địa phương tiếp tục được đẩy mạnh.",
    "Nhiều hoạt động hợp tác quốc tế đã được các địa phương triển khai trong thời gian gần đây.",
)
CLOSINGS = (
    "Các hoạt động trên góp phần nâng cao vị thế, hình ảnh của địa phương với bạn bè quốc tế.",
    "Sở Ngoại vụ cho biết sẽ tiếp tục tham mưu triển khai hiệu quả các thỏa thuận đã ký kết.",
    "Kết thúc buổi làm việc, hai bên trao quà lưu niệm và chụp ảnh kỷ niệm.",
)


def build_article(plan: ArticlePlan, seed: int, salt: int = 0) -> ArticleResult:
    """The article `plan` as the extractor would return it. `salt` varies the wording only."""
    rng = random.Random((seed * 1_000_003 + plan.index) * 31 + salt)
    gaz = gazetteer.load()
    first = plan.events[0]
    vn0 = first.vn[0]
    partner = first.foreign[0] if first.foreign else first.countries[0]
    provinces = {spec.vn[0].id for spec in plan.events}
    if len(provinces) > 1:
        title = "Hoạt động hợp tác quốc tế của các địa phương"
        title += f": {short(vn0)} và {short(partner)} {KIND_TITLE[first.kind].format(f=FIELD_VI[first.fields[0]])}"
    elif len(plan.events) > 2 and rng.random() < 0.5:
        title = f"{short(vn0)} đẩy mạnh hoạt động đối ngoại, hợp tác quốc tế"
    else:
        topic = ", ".join(FIELD_VI[f] for f in first.fields[:2])
        title = f"{short(vn0)} và {short(partner)} {KIND_TITLE[first.kind].format(f=topic)}"
    out = TextBuilder(title)
    if len(plan.events) > 1 and rng.random() < 0.5:
        out.sentence(rng.choice(INTROS))
        out.paragraph()
    events: list[Event] = []
    relation: Relation | None = None
    for number, spec in enumerate(plan.events):
        surfaces: dict[str, set[str]] = defaultdict(set)
        vn_names = []
        for e in spec.vn:
            surfaces[e.id].add(full(e))
            vn_names.append(full(e))
        others = spec.foreign or spec.countries
        local_ids = {e.id for e in spec.vn}
        locals_ = [p for p in spec.people if p.party in local_ids]
        guests = [p for p in spec.people if p.party not in local_ids]
        other_names = []
        for k, e in enumerate(others):
            form = full(e)
            surfaces[e.id].add(form)
            country = _country_of(e, spec) if e.kind != "country" else None
            if country is not None:
                surfaces[country.id].add(country.name_vi or country.name)
                form = f"{form} ({country.name_vi or country.name})"
            if k == 0 and guests:
                # The guest's title names the party: "Thị trưởng thành phố Busan (Hàn Quốc) Kim Min-jun".
                form = f"{guests[0].title}{form[len(full(e)) :]} {guests[0].name}"
            other_names.append(form)
        if locals_:
            subject = f"{locals_[0].title} {locals_[0].name}"
            if len(vn_names) > 1:
                subject += f" cùng lãnh đạo {vn_names[1]}"
        else:
            subject = f"Lãnh đạo UBND {' và '.join(vn_names)}"
        where = ""
        if spec.place is not None:
            surfaces[spec.place.id].add(full(spec.place))
            where = f" tại {full(spec.place)}"
        verb = KIND_VERB[spec.kind][spec.verb % len(KIND_VERB[spec.kind])]
        fields_vi = ", ".join(FIELD_VI[f] for f in spec.fields)
        lead = (
            f"{_date_phrase(spec, rng)}{where}, {subject} đã {verb} {' và '.join(other_names)}"
            f" nhằm thúc đẩy hợp tác trong các lĩnh vực {fields_vi}."
        )
        evidence = [out.sentence(lead)]
        amounts = []
        if spec.amount is not None:
            value, currency, text = spec.amount
            evidence.append(out.sentence(f"Tổng giá trị các dự án hợp tác và tài trợ đạt khoảng {text}."))
            amounts.append(Amount(value=value, currency=currency, text=text))
        for extra in locals_[1:]:
            out.sentence(f"Tham dự buổi làm việc còn có {extra.title} {extra.name}.")
        proposals = []
        if spec.proposal is not None and spec.foreign:
            act, pfields = spec.proposal
            who = _someone(locals_[0]) if locals_ else f"Lãnh đạo {vn_names[0]}"
            sentence = (
                f"{who} {ACT_VI[act].format(b=full(spec.foreign[0]))} trong lĩnh vực "
                f"{', '.join(FIELD_VI[f] for f in pfields)} thời gian tới."
            )
            span = out.sentence(sentence)
            proposals.append(
                Proposal(
                    by=spec.vn[0].id, to=spec.foreign[0].id, act=act, text=sentence, fields=pfields, evidence=[span]
                )
            )
        if number == 0 and plan.relation is not None:
            rtype, since = plan.relation
            years = f" từ năm {since}" if since else ""
            a, b = vn0, first.foreign[0]
            span = out.sentence(f"{short(a)} và {short(b)} thiết lập quan hệ {RELATION_VI[rtype]}{years}.")
            relation = Relation(
                a=to_party(a, None, [short(a)]),
                b=to_party(b, None, [short(b)]),
                type=rtype,
                since=since,
                evidence=[evidence[0], span],
            )
        out.paragraph()
        country = spec.countries[0] if spec.countries else gaz.get(others[0].country or "")
        for template in rng.sample(FILLER, rng.randint(2, 4)):
            out.sentence(
                template.format(
                    vn=short(spec.vn[0]),
                    c=(country.name_vi or country.name) if country else full(others[0]),
                    n=rng.randint(5, 400),
                    m=rng.randint(10, 3000),
                    p=rng.randint(2, 40),
                    y=spec.day.year,
                    y2=spec.day.year + 5,
                )
            )
        out.paragraph()
        host = spec.place is not None and spec.place.country == "VN"
        parties = [to_party(e, "host" if host and k == 0 else "participant", sorted(surfaces[e.id])) for k, e in
                   enumerate(spec.vn)]  # fmt: skip
        for e in spec.foreign:
            role = "funder" if spec.kind == "aid" else ("guest" if host else "participant")
            parties.append(to_party(e, role, sorted(surfaces[e.id])))
        for e in spec.countries:
            role = "guest" if host and not spec.foreign else "participant"
            parties.append(to_party(e, role, sorted(surfaces[e.id])))
        events.append(
            Event(
                kind=spec.kind,
                mode=spec.mode,
                status=spec.status,
                date=DateValue(value=spec.date_value, precision=spec.precision, inferred=rng.random() < 0.3),
                place=to_party(spec.place, None, sorted(surfaces[spec.place.id])) if spec.place else None,
                parties=parties,
                people=[Person(name=p.name, title=p.title, party=p.party) for p in spec.people],
                fields=list(spec.fields),
                amounts=amounts,
                proposals=proposals,
                evidence=evidence,
            )
        )
    if rng.random() < 0.4:
        out.sentence(rng.choice(CLOSINGS))
    url = article_url(plan)
    return ArticleResult(
        source=url,
        article=ArticleMeta(
            title=title,
            published=DateValue(value=plan.published.isoformat(), precision="day"),
            outlet=OUTLETS[plan.index % len(OUTLETS)][0],
            authors=[rng.choice(BYLINES)],
            url=url,
            text=out.text().rstrip("\n"),
        ),
        events=events,
        relations=[relation] if relation else [],
    )


# --- storing ----------------------------------------------------------------------------------


def _fast_sqlite(store: store_module.Store) -> None:
    """This script's connections only: no fsync per commit, a 256 MB page cache."""

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-262144")
        cursor.close()

    sa_event.listen(store.engine, "connect", pragmas)
    store.engine.dispose()  # connections opened by the migration step lack the pragmas


def _meta_path(db: Path) -> Path:
    return db.with_name(db.name + ".json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000, help="events to generate (default 50,000)")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    db: Path = args.db
    wanted = {"events": args.events, "seed": args.seed, "plan_version": PLAN_VERSION}
    meta_path = _meta_path(db)
    meta = json.loads(meta_path.read_text()) if meta_path.exists() and db.exists() else None
    if meta is not None and {k: meta.get(k) for k in wanted} != wanted:
        print(f"{db} was generated with {meta}; delete it (and {meta_path.name}) or pass another --db", file=sys.stderr)
        return 2
    if meta is None and db.exists() and db.stat().st_size > 0:
        print(f"{db} exists but was not made by this script; delete it or pass another --db", file=sys.stderr)
        return 2

    started = time.perf_counter()
    db.parent.mkdir(parents=True, exist_ok=True)
    store = store_module.open(f"sqlite:///{db}")
    if meta is not None and meta.get("complete"):
        with store.session() as session:
            stored = session.scalar(select(func.count()).select_from(Article))
        if stored == meta["articles"]:
            print(f"{db} is complete ({stored:,} articles, {meta['events']:,} events): nothing to do")
            store.close()
            return 0
    _fast_sqlite(store)

    plan = make_plan(args.events, args.seed)
    # The plan is a few hundred thousand long-lived objects: keep the cyclic collector off them,
    # and let it run less often over the ORM's short-lived ones (this process only).
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    planned_events = sum(1 for a in plan for _ in a.events)
    print(
        f"plan: {args.events:,} events in {len(plan):,} articles ({planned_events:,} reports) "
        f"in {time.perf_counter() - started:.1f} s"
    )
    meta_path.write_text(json.dumps({**wanted, "articles": len(plan), "complete": False}) + "\n")
    with store.session() as session:
        done = set(session.scalars(select(Article.source)))
        # Texts must differ (the store keeps one article per text): a clash is reworded.
        hashes = set(session.scalars(select(Article.content_hash)))
    if done:
        print(f"resuming: {len(done):,} articles already stored")

    ingest_started = time.perf_counter()
    stored = unchanged = 0
    build_time = 0.0
    todo = len(plan) - len(done)
    with store.session() as session:
        for article in plan:
            if article_url(article) in done:
                continue
            t0 = time.perf_counter()
            salt = 0
            result = build_article(article, args.seed)
            while (digest := store_module.content_hash(result.article.text)) in hashes:
                salt += 1
                result = build_article(article, args.seed, salt)
            hashes.add(digest)
            build_time += time.perf_counter() - t0
            # One session for the whole run, as `hoptac ingest` does.
            try:
                outcome = store_module.ingest_result(session, result)
            except Exception:
                print(f"ingest_result failed on article {article.index} ({result.source})", file=sys.stderr)
                raise
            stored += 1
            unchanged += outcome.status == "unchanged"
            if stored % 1000 == 0 or stored == todo:
                elapsed = time.perf_counter() - ingest_started
                rate = stored / elapsed
                print(
                    f"  {stored:>7,}/{todo:,} articles  {rate:6.1f}/s  {1000 * elapsed / stored:5.2f} ms/article"
                    f"  eta {(todo - stored) / rate:5.0f} s",
                    flush=True,
                )
    ingest_time = time.perf_counter() - ingest_started
    with store.session() as session:
        n_articles = session.scalar(select(func.count()).select_from(Article))
        n_events = session.scalar(select(func.count()).select_from(EventRow))
        n_relations = session.scalar(select(func.count()).select_from(RelationRow))
    store.close()
    meta_path.write_text(json.dumps({**wanted, "articles": len(plan), "complete": n_articles == len(plan)}) + "\n")
    total = time.perf_counter() - started
    size = db.stat().st_size / 2**20
    print(
        f"done in {total:.1f} s (ingest {ingest_time:.1f} s for {stored:,} articles"
        f"{f', {1000 * ingest_time / stored:.2f} ms each' if stored else ''};"
        f" building the results {build_time:.1f} s)"
    )
    print(f"{db}: {size:,.0f} MB, {n_articles:,} articles, {n_events:,} events, {n_relations:,} relations")
    if unchanged:
        print(f"warning: {unchanged} articles had the text of another and were not stored", file=sys.stderr)
    if n_events != args.events:
        print(f"note: {n_events:,} events stored for {args.events:,} planned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
