"""Dates as Vietnamese news print them, resolved to the contract's DATE shape.

Day and month come from expressions such as "ngày 16/3", "chiều 31/5",
"sáng 3-12", "từ ngày 2 đến 5-12", "tháng 9 tới", "ngày 5 tháng 3 năm 2018".
A missing year is taken from the publication date or, failing that, from the
years the article states ("trong năm 2018", "sau 23 năm ... năm 1995"); such
dates are marked `inferred`.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from dataclasses import dataclass

from hoptac.models import DateValue

_PART_OF_DAY = (
    r"(?:[Nn]gày|[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm|[Hh]ôm|[Rr]ạng sáng|[Tt]ừ ngày|[Đđ]ến ngày|[Vv]ào ngày)"
)
# "16/3/2023", "16-3-2023", "16.3.2023"; the year is optional.
# Not the second number of a day range ("2-5/12"), but a day after a year ("20/6/1977-20/6/2017").
_DMY = re.compile(
    r"(?<![\d/.])(?<!(?<!\d\d)\d-)(?<!(?<!\d\d)\d\d-)"
    r"(?P<d>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)(?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
    # "Đến nay, 6/7 công trình đã hoàn thành": six of seven, not a day.
    r"(?(y)|(?!\s+(?:công trình|hạng mục|gói thầu|trạm|hộ|tiêu chí|chỉ tiêu|thành viên)(?!\w)))"
)
_DAY_WORDS = re.compile(r"(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)(?:\s*(?:năm|,)\s*(?P<y>(?:19|20)\d\d))?", re.I)
_MONTH_YEAR = re.compile(r"tháng\s+(?P<m>[01]?\d)\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d)", re.I)
_MONTH_ALONE = re.compile(r"\btháng\s+(?P<m>[01]?\d)\b(?!\s*(?:/|năm|-)\s*(?:19|20)\d\d)", re.I)
# A day-range "từ ngày 2 đến 5-12", "từ ngày 4-8.6.2017": the first day takes the month and year of the second.
_RANGE = re.compile(
    r"[Tt]ừ ngày\s+(?P<d1>[0-3]?\d)\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?(?P<d2>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)"
    r"(?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d))?(?![\d/])"
)
# "Trong 2 ngày 3 và 4/11", "ngày 20 và 21/10/2023", "hai ngày 19 và 20.10", "2 ngày 19-20/10": two days, dated by
# the first.
_TWO_DAYS = re.compile(
    # "diễn ra trong 3 ngày (4 - 6-8)": the days in brackets.
    r"(?:(?<!\w)ngày\s+|\(\s*)(?P<d1>[0-3]?\d)(?:\s+và\s+(?:ngày\s+)?|\s*[-–]\s*)(?P<d2>[0-3]?\d)\s*[/.-]\s*"
    r"(?P<m>[01]?\d)"
    r"(?:\s*[/.-]\s*(?P<y>(?:19|20)\d\d))?(?![\d/])",
    re.I,
)
# "3/3 - 8/3/2017": a range of days in different months is dated by its first day, in the year printed last.
_SPAN = re.compile(
    r"(?<![\d/.])(?P<d1>[0-3]?\d)\s*/\s*(?P<m1>[01]?\d)\s*[-–]\s*[0-3]?\d\s*/\s*[01]?\d\s*/\s*"
    r"(?P<y>(?:19|20)\d\d)(?![\d/])"
)
# "kỷ niệm 50 năm ... (24/6/1967 – 24/6/2017)", "(6/1967-6/2017)": the span an anniversary counts.
_YEARS_BETWEEN = re.compile(
    r"\(\s*(?:[0-3]?\d\s*/\s*)?[01]?\d\s*/\s*(?P<y1>(?:19|20)\d\d)\s*[-–]\s*"
    r"(?:[0-3]?\d\s*/\s*)?[01]?\d\s*/\s*(?P<y2>(?:19|20)\d\d)\s*\)"
)
# Not "2080ha", "2000m2": a measure, not a year.
_YEAR = re.compile(r"(?<![\d.-])(?<!\d/)((?:19|20)\d\d)(?![\d/])(?![^\W\d_])")
# "chiều nay", "tối qua", "sáng mai": days counted from the publication date.
_RELATIVE_DAY = re.compile(
    r"(?<!\w)(?:(?:hôm|sáng|trưa|chiều|tối|đêm)\s+(?P<which>nay|qua|mai)|ngày\s+(?P<tomorrow>mai))(?!\w)", re.I
)
_SHIFT = {"nay": 0, "qua": -1, "mai": 1}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None
    relative: bool = False  # "chiều qua": worked out from the publication day, not printed


# "Từ ngày 18 đến 22/9, đoàn ... đã thăm và làm việc tại tỉnh Gyeonggi": a trip, told stop by stop after.
TRIP = re.compile(r"[Tt]ừ ngày\s+\d{1,2}\s*(?:đến|tới|-|–)")


def _valid(day: int | None, month: int | None, year: int | None = None) -> bool:
    """A day the calendar has: "31/4" is a typo, not a date; "29/2" only in a leap year when the year is known."""
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


# "Quảng trường 2 tháng 4", "đường 3/2": a day that names a square or a street is no date.
_NAMES_A_PLACE = re.compile(r"(?<!\w)(?:[Qq]uảng trường|[Đđ]ường|[Pp]hố|[Cc]ầu|[Cc]ông viên|[Cc]hợ)\s+\Z")


def find_dates(text: str, published: DateValue | None = None) -> list[DateMention]:
    """Every day/month(/year) expression in `text`, in order, without overlaps.

    Relative days ("chiều nay", "tối qua") are dated only when the publication day is known.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # sorted, without overlaps: only the span before `end` can overlap

    def add(start: int, end: int, day: int | None, month: int | None, year: int | None, relative: bool = False) -> None:
        before = bisect.bisect_left(taken, (end,)) - 1
        if not _valid(day, month, year) or (before >= 0 and taken[before][1] > start):
            return
        bisect.insort(taken, (start, end))
        if not _NAMES_A_PLACE.search(text, max(0, start - 16), start):
            found.append(DateMention(start, end, day, month, year, relative))

    for m in _YEARS_BETWEEN.finditer(text):
        if m["y1"] != m["y2"]:
            bisect.insort(taken, (m.start(), m.end()))  # "(24/6/1967 – 24/6/2017)": years counted, no day of an event
    for m in _SPAN.finditer(text):
        add(m.start(), m.end(), int(m["d1"]), int(m["m1"]), int(m["y"]))
    for m in _RANGE.finditer(text):
        add(m.start(), m.end(), int(m["d1"]), int(m["m"]), int(m["y"]) if m["y"] else None)
    for m in _TWO_DAYS.finditer(text):
        add(m.start(), m.end(), int(m["d1"]), int(m["m"]), int(m["y"]) if m["y"] else None)
    for m in _DAY_WORDS.finditer(text):
        add(m.start(), m.end(), int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None)
    for m in _DMY.finditer(text):
        # Bare "3/5" is also a ratio or a score: demand a day-word or a year nearby.
        before = text[max(0, m.start() - 16) : m.start()]
        # "Hôm qua 21.6", "chiều nay (5/6)": the day a relative word names; not a score ("hôm nay 2-1").
        relative = "-" not in m.group(0) and re.search(r"(?:nay|qua)\s*\(?\s*$", before)
        if not m["y"] and not relative and not re.search(_PART_OF_DAY + r"\s*$|\(\s*$|,\s*$|mai\s*\(?\s*$", before):
            continue
        add(m.start(), m.end(), int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None)
    for m in _MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), None, int(m["m"]), int(m["y"]))
    for m in _MONTH_ALONE.finditer(text):
        add(m.start(), m.end(), None, int(m["m"]), None)
    if published is not None and published.precision == "day":
        today = datetime.date.fromisoformat(published.value)
        for m in _RELATIVE_DAY.finditer(text):
            day = today + datetime.timedelta(days=_SHIFT[(m["which"] or m["tomorrow"]).lower()])
            add(m.start(), m.end(), day.day, day.month, day.year, relative=True)
    found.sort(key=lambda d: d.start)
    return found


def years_stated(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every four-digit year in the text."""
    return [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]


def month_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every month printed with its year ("tháng 7/2018"), which `years_stated` leaves out."""
    return [(m.start("y"), int(m["y"])) for m in _MONTH_YEAR.finditer(text)]


def years_in_dates(text: str) -> list[int]:
    """The years of full dates ("18/10/2023", "5 tháng 9 năm 2019") and of months ("tháng 10/2019"), which
    `years_stated` leaves out."""
    return [y for _, y in _full_dates(text)] + [y for _, y in month_years(text)]


# Any day, month and year in figures, the last day of a range included ("từ ngày 7-13/5/2017").
_FULL_DATE = re.compile(r"(?<![\d/.])[0-3]?\d\s*[/.-]\s*[01]?\d\s*[/.-]\s*(?P<y>(?:19|20)\d\d)(?![\d/])")


def _full_dates(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every full date."""
    return [
        (m.start(), int(m.group("y")))
        for pattern in (_FULL_DATE, _DAY_WORDS)
        for m in pattern.finditer(text)
        if m.group("y")
    ]


# "sau 23 năm": exact spans only; "sau hơn 40 năm" counts from no year one can trust.
_SINCE_N_YEARS = re.compile(r"(?:sau|qua|tròn)\s+(\d{1,2})\s+năm\b", re.I)
# "cách đây 40 năm", "của 40 năm trước", followed by the year meant.
_YEARS_AGO = re.compile(r"(?:cách đây\s+(?P<a>\d{1,2})\s+năm|(?P<b>\d{1,2})\s+năm\s+trước)(?!\w)", re.I)
# "Kỷ niệm 25 năm quan hệ kết nghĩa ... (1998 - 2023)": an anniversary's span ends in the article's year.
_ANNIVERSARY_SPAN = re.compile(
    r"(?:kỷ niệm|kỉ niệm)\s+(?P<n>\d{1,3})\s+năm[^()]{0,120}"
    r"\(\s*(?:[0-3]?\d\s*/\s*)?(?:[01]?\d\s*/\s*)?(?P<y1>(?:19|20)\d\d)\s*[-–]\s*"
    r"(?:[0-3]?\d\s*/\s*)?(?:[01]?\d\s*/\s*)?(?P<y2>(?:19|20)\d\d)\s*\)",
    re.I,
)
_NEXT_YEAR = re.compile(r"\s*(?:vào\s+|trong\s+)?(?:năm tới|năm sau)(?!\w)")
# "họp mặt doanh nghiệp Xuân Đinh Dậu 2017", "Tết Mậu Tuất 2018": the spring the article is written in.
_LUNAR_YEAR = re.compile(r"(?<!\w)(?:[Xx]uân|[Tt]ết)\s+[A-ZĐ][^\W\d_]+\s+[^\W\d_]+\s+((?:19|20)\d\d)(?!\d)")
# "Xuân Đinh Dậu", "Tết Mậu Tuất": the lunar year by its name pins the year in a sixty-year cycle.
_STEMS = ("giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý")
_BRANCHES = ("tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi")
_BRANCH_SPELLINGS = {"tí": "tý", "mẹo": "mão", "tị": "tỵ"}
_LUNAR_NAME = re.compile(
    r"(?<!\w)(?:[Xx]uân|[Tt]ết)\s+(?P<stem>[^\W\d_]+)\s+(?P<branch>[^\W\d_]+)(?!\s*(?:19|20)\d\d)(?!\w)"
)


def _lunar_year(stem: str, branch: str) -> int | None:
    """The year of 1984-2043 (Giáp Tý to Quý Hợi) a lunar name stands for: news of 2017-2025 falls inside."""
    stem, branch = stem.lower(), branch.lower()
    branch = _BRANCH_SPELLINGS.get(branch, branch)
    if stem not in _STEMS or branch not in _BRANCHES:
        return None
    s, b = _STEMS.index(stem), _BRANCHES.index(branch)
    return next((1984 + k for k in range(60) if k % 10 == s and k % 12 == b), None)


_IN_YEAR = re.compile(r"(?:trong|của|cho|suốt)\s+năm\s+((?:19|20)\d\d)(?!\s*(?:và|,)\s*(?:những|các)\s+năm)")


_QUARTER_YEAR = re.compile(r"(?<!\w)[Qq]uý\s+(?:I{1,3}|IV|[1-4])\s*(?:[-/.]|\s+năm\s+)\s*((?:19|20)\d\d)(?!\d)")


# "giảm dần xuống 2,8% vào năm 2018", "đưa vào vận hành vào cuối năm 2020": the year a schedule reaches is no
# more the article's than a plan's.
_PLAN_BEFORE = re.compile(
    r"(?<!\w)(?:sẽ|dự kiến|kế hoạch|sắp tới|tới đây|mục tiêu|phấn đấu|giảm dần|tăng dần|lộ trình|"
    r"đưa vào (?:vận hành|sử dụng|khai thác))(?!\w)[^.!?]*\Z",
    re.I,
)


# Local governments' foreign relations as this tool records them began with Đổi mới.
_MODERN = 1990


def article_year(title: str, body: str) -> int | None:
    """The year an undated article speaks from, worked out from what it states.

    Order of evidence: a year in the title (an event's name: "Đối thoại 2022"); the lunar spring
    ("Xuân Đinh Dậu 2017"); "sau N năm ... năm Y" arithmetic; "trong năm Y"; the latest full date; the
    latest year stated outside ranges and targets ("đến năm 2030").
    """
    text = title + "\n" + body
    lead_start, lead_end = _lead_span(text, len(title) + 1)
    reviewed = _year_reviewed(text, text[lead_start:lead_end])
    if reviewed is not None:
        return reviewed
    title_years = [y for _, y in _current_years(title)]
    if title_years:
        return max(title_years)
    lunar = [int(m.group(1)) for m in _LUNAR_YEAR.finditer(text)]
    if lunar:
        return max(lunar)
    named = [y for m in _LUNAR_NAME.finditer(text) if (y := _lunar_year(m["stem"], m["branch"])) is not None]
    if named:
        return max(named)
    for m in _ANNIVERSARY_SPAN.finditer(text):
        if int(m["y2"]) - int(m["y1"]) == int(m["n"]):
            # "chuẩn bị kỷ niệm 50 năm ... (1973-2023) vào năm tới": the year before the anniversary's.
            return int(m["y2"]) - bool(_NEXT_YEAR.match(text, m.end()))
    for m in _YEARS_AGO.finditer(text):
        # "Nhớ lại ngày 21.6 của 40 năm trước, ngày 21.6.1977": the year told, counted forward.
        after = text[m.end() : m.end() + 60]
        told = [y for _, y in years_stated(after)] + [y for _, y in _full_dates(after)]
        if told:
            return min(told) + int(m["a"] or m["b"])
    for m in _SINCE_N_YEARS.finditer(text):
        window = text[max(0, m.start() - 200) : m.end() + 200]
        base = [y for _, y in years_stated(window)] or [y for _, y in years_stated(text)]
        if base:
            return min(base) + int(m.group(1))
    # "(20/6/1977-20/6/2017)": the latest full date printed is the article's time.
    # A history told in an article ("ngày 7/11/1917", "năm 1941 - 1944") is no time it speaks from.
    printed = _full_dates(text)
    full = [y for off, y in printed if y >= _MODERN and not _BEGAN_BEFORE.search(text, max(0, off - 80), off)]
    # The lead's own full date outranks a year a figure is told for: "Chiều 8/5, ... từ ngày 7-13/5/2017", then
    # "lợi nhuận mang lại trong năm 2016".
    lead = [y for off, y in printed if off < lead_end and y >= _MODERN]
    # Not a plan's year: "sẽ ... phối hợp tổ chức Ngày văn hóa Sakai tại Đà Nẵng trong năm 2022". Then the quarter
    # the article reports on: "Quý 1-2017, kim ngạch thương mại ... đạt", "trong quý I/2017".
    for pattern in (_IN_YEAR, _QUARTER_YEAR):
        told = [
            int(m.group(1))
            for m in pattern.finditer(text)
            if not _PLAN_BEFORE.search(text, max(0, m.start() - 150), m.start())
        ]
        if told:
            return max(told + lead)
    if full:
        return max(full)
    years = [
        y
        for off, y, month in [(o, y, False) for o, y in _current_years(text)]
        + [(o, y, True) for o, y in _month_years(text)]
        if y >= _MODERN
        and not _FOUNDED_AFTER.match(text, off + 4)
        and not _LAW_BEFORE.search(text, max(0, off - 50), off)
        and not _GAMES_BEFORE.search(text, max(0, off - 20), off)
        and not _in_review(text, off)
        and _speaks_from(text, off, month)
    ]
    if years:
        return max(years)
    # "mùa khô năm 2016 – 2017", "năm học 2016-2017": a season of two years is the one the article speaks in.
    seasons = [y for m in _SEASON.finditer(text) if (y := int(m["y2"])) - int(m["y1"]) == 1 and y > _MODERN]
    return max(seasons) if seasons else None


# "hai bên đánh giá kết quả hợp tác năm 2023": talks at the turn of a year review the year that ends or has ended.
_RESULTS_OF_YEAR = re.compile(
    r"(?<!\w)(?:đánh giá|tổng kết|kiểm điểm|nhìn lại)\s+(?:lại\s+)?kết quả[^.;:]{0,60}?năm\s+((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def _lead_span(text: str, body_start: int) -> tuple[int, int]:
    """Where the body's first paragraph starts and ends."""
    start = body_start + len(text[body_start:]) - len(text[body_start:].lstrip())
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _year_reviewed(text: str, lead: str) -> int | None:
    """The year of talks that review a year's results, from the lead's month: the reviewed year itself in its last
    quarter ("Trong hai ngày 5-6/12, ... đánh giá kết quả hợp tác năm 2023"), the next one early in it ("Từ ngày 20
    đến 22/2, ... đánh giá kết quả ... năm 2023")."""
    review = _RESULTS_OF_YEAR.search(text)
    if review is None:
        return None
    month = next((d.month for d in find_dates(lead) if d.month is not None and d.year is None), None)
    if month is None:
        return None
    year = int(review.group(1))
    return year if month >= 10 else year + 1 if month <= 4 else None


def _speaks_from(text: str, offset: int, month: bool) -> bool:
    # A plan's month ("sẽ mở cửa đón sinh viên vào tháng 9/2017") is near: its year is the article's, as a
    # plan's year alone ("mục tiêu đến năm 2030") and a founding told as done ("thành lập năm 1995") are not.
    if _PLAN_BEFORE.search(text, max(0, offset - 150), offset):
        return month
    return not _FOUNDED_BEFORE.search(text, max(0, offset - 80), offset)


_SEASON = re.compile(r"(?<!\d)(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d)(?!\d)")


_UNTIL_YEAR = re.compile(r"(?:đến|tới|tầm nhìn|giai đoạn|\d{4}\s*[-–])\s*(?:hết\s+|cuối\s+)?(?:năm\s*)?$")


def _month_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of months printed with their year ("tổ chức vào tháng 3/2017 tại Hà Nội"), not those told as
    the past ("hồi tháng 11/2016", "từ tháng 6/2015")."""
    return [
        (m.start("y"), int(m["y"]))
        for m in _MONTH_YEAR.finditer(text)
        if not _PAST_MONTH.search(text, max(0, m.start() - 30), m.start())
    ]


_PAST_MONTH = re.compile(
    # "cuối tháng 5/2016" but not "các khóa sinh viên đầu tiên vào tháng 9/2017".
    r"(?<!\w)(?:(?:hồi|trước đó|trước đây|từ|kể từ|năm ngoái|đến|tới)(?!\w)[^.;,]{0,12}|(?:cuối|đầu)\s+)\Z", re.I
)


def _current_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of the years stated outside ranges and targets: not "giai đoạn 2025 - 2030", "đến năm 2030"."""
    return [
        (off, y)
        for off, y in years_stated(text)
        # "đến hết năm 2016": a total up to a year, told from the year after.
        if not _UNTIL_YEAR.search(text[max(0, off - 20) : off])
        and not re.match(r"\s*[-–]\s*(?:19|20)\d\d", text[off + 4 : off + 12])
        # "năm 2002 đến nay": the start of a span that runs to now.
        and not re.match(r"\s*(?:đến|tới)\s+nay(?!\w)", text[off + 4 : off + 16])
    ]


# Words that tell when something began; "học sinh" is a pupil, not a birth.
_BEGAN = r"đã ký|ký kết|thành lập|thiết lập|kết nghĩa"
_BORN = r"(?<!học )sinh"
# "đã ký Thỏa thuận hợp tác năm 2008", "thành lập năm 1995", "sinh năm 1960": when something began, not now.
_FOUNDED_BEFORE = re.compile(
    rf"(?<!\w)(?:{_BEGAN}|{_BORN}|SN|xây dựng|khánh thành|từ)(?!\w)[^.;,]*\Z",
    re.IGNORECASE,
)


# "Năm 2019, UBND tỉnh Khánh Hòa và chính quyền tỉnh Zeeland đã ký biên bản ghi nhớ": the year of a signing told
# in passing.
_FOUNDED_AFTER = re.compile(rf",[^.;,]{{0,90}}?(?<!\w)(?:{_BEGAN})(?!\w)", re.IGNORECASE)


# "Công ước Liên hợp quốc về Luật Biển 1982", "UNCLOS 1982": the year names a treaty or a law.
_LAW_BEFORE = re.compile(r"(?:Luật|Công ước|Hiến pháp|Hiệp định|Hiệp ước|UNCLOS)[^.;,()]{0,40}\Z")
# "Thế vận hội 2020 tại Tokyo", "World Cup 2018": a games named by its year, planned years ahead.
_GAMES_BEFORE = re.compile(
    r"(?<!\w)(?:Thế vận hội|Olympic|Paralympic|World Cup|Expo|EXPO|SEA Games|ASIAD|Asian Games|Asiad)\s*\Z"
)
# "Năm 2016, kim ngạch thương mại song phương đạt ...": a year under review, the one before the article's.
# Capitalised, "Năm" opens a sentence, even one glued to a photo credit ("... Ảnh: TTXVN Năm 2016, ...").
_REVIEW_OPENS = re.compile(r"(?<!\w)Năm\s+\Z")


def _in_review(text: str, offset: int) -> bool:
    return text[offset + 4 : offset + 5] == "," and _REVIEW_OPENS.search(text, max(0, offset - 8), offset) is not None


# "khai thác từ ngày 31-3-2014", "ký kết ngày 5/9/2009": a full date when something began; "Từ ngày 18 đến
# 22/9/2019" alone is the trip itself.
_BEGAN_BEFORE = re.compile(
    rf"(?<!\w)(?:{_BEGAN}|{_BORN}|khánh thành|khai thác|vận hành|hoạt động)"
    r"\s*(?:vào\s+|từ\s+)?(?:ngày\s+)?\Z",
    re.IGNORECASE,
)


def resolve(
    mention: DateMention, published: DateValue | None, year_hint: int | None, planned: bool = False
) -> DateValue | None:
    """Turn a mention into a DATE, working out a missing year."""
    year, inferred = mention.year, mention.relative
    if year is None:
        inferred = True
        pub_year = int(published.value[:4]) if published and published.value[:4].isdigit() else None
        if pub_year:
            year = pub_year
            if published and published.precision in ("day", "month") and mention.month:
                pub_month = int(published.value[5:7])
                # A past event in December reported in January belongs to the year before; a
                # planned one in January announced in December to the year after.
                if not planned and mention.month > pub_month + 1:
                    year -= 1
                elif planned and mention.month < pub_month - 1:
                    year += 1
        else:
            year = year_hint
    if mention.month is None:
        return DateValue(value=f"{year:04d}", precision="year", inferred=inferred) if year else None
    if year is None:
        if mention.day is None:
            return None
        return DateValue(value=f"--{mention.month:02d}-{mention.day:02d}", precision="day", inferred=True)
    if mention.day is None:
        return DateValue(value=f"{year:04d}-{mention.month:02d}", precision="month", inferred=inferred)
    if not _valid(mention.day, mention.month, year):
        return None  # "29/2" in a year worked out to be no leap year
    return DateValue(value=f"{year:04d}-{mention.month:02d}-{mention.day:02d}", precision="day", inferred=inferred)


def year_only(year: int | None) -> DateValue | None:
    return DateValue(value=f"{year:04d}", precision="year", inferred=True) if year else None
