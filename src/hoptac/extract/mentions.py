"""Event mentions: every clause with an event cue, with the actors it names as arguments.

A candidate keeps its own sentence, kind, date (its own or none) and actors.
Sentences of the lead (title, summary, first body paragraph) also take the
title's actors: a title often names one side and the lead the other. Photo
captions and related headlines are no event mentions.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from hoptac.extract import dates
from hoptac.extract.actors import Actor, is_forum, unique
from hoptac.extract.context import Context, find_cues, is_venue
from hoptac.extract.people import PersonMention
from hoptac.extract.scope import LOCAL_KINDS
from hoptac.extract.text import Span, whole_words

_PLANNED = re.compile(
    # "hướng tới ký kết", "tiến tới ký kết trong năm 2024", "phấn đấu ký kết": the signing itself is to come.
    r"(?<!\w)(?:(?:tiến tới|hướng tới|phấn đấu)\s+(?:việc\s+)?ký|sẽ|"
    r"(?<!vốn )(?<!đầu tư )(?<!tổng )(?<!kinh phí )dự kiến(?!\s+(?:khoảng\s+|là\s+)?\d)|tới đây|sắp tới|"
    r"sắp|kế hoạch tổ chức|chuẩn bị tổ chức|ngày mai|phấn đấu|tháng\s+\d{1,2}\s+tới|"
    r"(?<!mong )(?<!không )muốn|mong muốn(?=\s+(?:tài trợ|cho vay|đầu tư)(?!\w))|đang nghiên cứu|xem xét)(?!\w)",
    re.I,
)
# "Ảnh: TTXVN", "(thứ 2 từ phải sang)": a photo caption repeats an event, it tells none.
_CAPTION = re.compile(
    r"(?:^|\s)(?:Ảnh|Nguồn|Video|Clip)\s*:|\(\s*(?:thứ \d+|bên (?:trái|phải)|giữa|trái|phải)[^)]*\)|Ảnh minh họa|"
    r"^(?:Quang cảnh|Toàn cảnh|Các đại biểu|Đại biểu)\b|chụp (?:ảnh|hình) lưu niệm|- Ảnh \d+\.?$"
)
# The name of an agreement: a pair "giữa A và B" after it is its two signatories.
_DOCUMENT = re.compile(r"(?<!\w)(?:thỏa thuận|thoả thuận|bản ghi nhớ|biên bản|văn kiện|hiệp định|ghi nhớ)(?!\w)", re.I)
# A request or a wish before the cue: "đề nghị hai bên tăng cường trao đổi đoàn".
# Case-sensitive past the first letter: "kênh Hy Vọng", a canal, wishes nothing.
_PROPOSED = re.compile(r"(?<!\w)(?:[Đđ]ề nghị|[Đđ]ề xuất|[Mm]ong muốn|[Kk]iến nghị|[Hh]y vọng|[Mm]ong)(?!\w)")
# "Ngày 16/5, Phó Chủ tịch nước rời Fukuoka về nước, kết thúc chuyến thăm ...", "Ngày 13/3, đoàn kết thúc chuyến
# thăm, lên đường về nước": a visit's end, told after it.
_DEPARTS = re.compile(
    r"(?<!\w)(?:rời [^.;]{1,40} về nước|kết thúc tốt đẹp chuyến|lên đường về nước|(?:và )?trở về nước)(?!\w)", re.I
)
# "Theo biên bản ghi nhớ, MASHAV sẽ cử chuyên gia, hỗ trợ ...": what an agreement provides, not an event.
_TERMS = re.compile(
    r"Theo (?:nội dung )?(?:biên bản ghi nhớ|bản ghi nhớ|thỏa thuận|thoả thuận|hiệp định)(?: này| đã ký)?,"
)
# A verb of saying before the cue: what follows is reported, not done ("cho biết giao lưu ... được mở rộng").
_SAYS = re.compile(
    r"(?<!\w)(?:cho biết|nhấn mạnh|khẳng định|bày tỏ|đánh giá|cho rằng|nhận định|nhắc lại|ôn lại)(?!\w)", re.I
)
# "kể từ khi hai tỉnh hợp nhất ... từ ngày 1/7/2025": since when, not when.
_SINCE = re.compile(
    r"(?<!\w)(?:kể từ(?!\w)[^.;:!?]*?\s(?:từ\s+)?|"
    # "sau khi chính thức vận hành mô hình đặc khu từ ngày 1/7/2025": when a state of things began.
    r"(?:vận hành|hoạt động|có hiệu lực|thành lập)(?!\w)[^.;:!?,]{0,40}?\stừ\s+|"
    # "sau khi hợp nhất ba tỉnh Hà Nam, Nam Định và Ninh Bình từ ngày 1/7/2025": the provinces merged are listed.
    r"(?:hợp nhất|sáp nhập)(?!\w)[^.;:!?]{0,60}?\stừ\s+)(?:ngày\s+)?\Z",
    re.I,
)
# "Lễ hội diễn ra đến ngày 17/8": the day an event ends, not one of its own.
_UNTIL = re.compile(r"(?<!\w)(?:kéo dài|diễn ra)\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?\Z")
_SAID_AT = re.compile(r"\s*(?:tại|trong|ở|khi|với)(?!\w)")
# "Chiều cùng ngày", "Cũng trong sáng nay", "Trước đó, sáng cùng ngày": the day of the event told before.
# Not a time-zone note: "chiều 1/7 theo giờ địa phương (tối cùng ngày theo giờ Hà Nội)".
_SAME_DAY = re.compile(
    r"(?<!\w)(?:cùng ngày|cũng trong ngày|cũng trong (?:buổi\s+)?(?:sáng|trưa|chiều|tối)(?:\s+nay)?|ngay sau đó)(?!\w)"
    r"(?!\s+theo giờ)",
    re.I,
)
# "Trước đó, chiều 15/11, ...": an event of its own told after the one it preceded.
_SAME_DAY_START = re.compile(
    r"(?:Sau đó|Tiếp đó|Tiếp theo|Ngay sau đó)\s*,|"
    r"(?:Trước đó\s*,|Cũng)\s*(?:vào\s+)?(?:sáng|trưa|chiều|tối|ngày)\s+\d",
    re.I,
)
# A date belongs to the cue of its own clause, not to one a long way off in the sentence.
_REACH = 200
# History told in passing: "năm 2015, hai bên đã ký ...", "trước đó", "từng".
_HISTORY = re.compile(
    # "quy mô lớn nhất từ trước đến nay" is "ever", and "riêng với từng tỉnh" is "each": no history.
    r"(?<!\w)(?:đã từng|(?<!với )(?<!cho )(?<!của )(?<!riêng )từng|trước đó|trước đây|hồi năm|vào năm|năm ngoái|"
    r"cách đây|từ khi|từ năm|kể từ|"
    # "Trong 7 năm qua, hai địa phương đã phối hợp ...", "Thời gian qua, ...": years of work summed up.
    r"(?:trong|qua|sau)\s+(?:hơn\s+|gần\s+)?(?:\d+|nhiều|những|mấy)\s+năm\s+qua|những năm qua|thời gian qua|"
    r"(?<!trước )đến nay|"
    r"hiện nay|hiện đã)(?!\w)",
    re.I,
)

# "... thống nhất ... xây dựng kế hoạch tổ chức Hội chợ": a plan for another event, named after the cue.
_PLAN_OF_ANOTHER = re.compile(r"kế hoạch tổ chức|chuẩn bị tổ chức|phấn đấu", re.I)


def _plans(text: str, cue: int) -> bool:
    """Whether a sentence tells its cue as planned: a word of the future before it, or after it one that is not the
    plan of another event."""
    return any(m.start() < cue or not _PLAN_OF_ANOTHER.fullmatch(m.group(0)) for m in _PLANNED.finditer(text))


_FIRMS_BEFORE = re.compile(r"(?<!\w)doanh nghiệp(?:\s+[^\s.;:,]+){0,8}?\s+(?:đã\s+|cũng\s+)?\Z", re.I)
_GOVERNMENT = re.compile(r"(?<!\w)(?:UBND|Ủy ban|Sở|Ban Quản lý|chính quyền|lãnh đạo|Chủ tịch|Thống đốc)(?!\w)")


def _firms_sign(before_cue: str) -> bool:
    """Whether the signers told before a signing cue are firms alone: "6 cặp doanh nghiệp đã ký", not "UBND tỉnh và
    doanh nghiệp Hàn Quốc đã ký"."""
    firms = _FIRMS_BEFORE.search(before_cue)
    if firms is None:
        return False
    clause = before_cue[max(before_cue.rfind(",", 0, firms.start()), before_cue.rfind(";", 0, firms.start())) + 1 :]
    return _GOVERNMENT.search(clause) is None


# "hội nghị lần sau sẽ được tổ chức tại tỉnh Svay Rieng vào năm 2026": the next session, an event of its own.
NEXT_SESSION = re.compile(r"(?<!\w)(?:lần sau|lần tới|kỳ tới|kỳ sau|khóa tới)(?!\w)")
_YEAR_NEXT = re.compile(r"\s+((?:19|20)\d\d)(?!\d)")


def _tells_past(ctx: Context, text: str) -> bool:
    """Whether `text` tells of the past; "vào năm 2026" in an article of 2025 tells of the future."""
    for m in _HISTORY.finditer(text):
        year = _YEAR_NEXT.match(text, m.end()) if m.group(0).lower() == "vào năm" else None
        if year is None or ctx.year_hint is None or int(year.group(1)) < ctx.year_hint:
            return True
    return False


# "Phát biểu tại buổi lễ,", "Tại hội nghị,", "Bên lề sự kiện,": the setting is the event told before.
_AT_THE_EVENT = re.compile(
    r"(?:Phát biểu(?:\s+\w+){0,3}\s+)?(?:[Tt]ại|[Tt]rong|[Bb]ên lề|[Kk]ết thúc|[Ss]au|[Cc]uối)\s+"
    r"(?:buổi|cuộc|lễ|hội nghị|hội thảo|hội đàm|sự kiện|"
    r"chương trình|phiên)(?:\s+\w+){0,3}\s*,"
)
# "..., nơi đã kết nghĩa với thành phố Quy Nhơn từ năm 2009": what the clause tells of a place is no argument.
_PLACE_PAST = re.compile(r"(?<!\w)nơi\s+(?!đây)")
_WHERE_CLAUSE = re.compile(r",\s*nơi\s+(?:đã\s+|từng\s+)?(?:kết nghĩa|có|là|đặt|diễn ra|từng)(?!\w)")
_EARLIER = re.compile(r"(?<!\w)trước đó(?!\w)", re.I)


@dataclass(frozen=True)
class Candidate:
    kind: str
    sentence: Span
    cue_offset: int  # offset of the cue in the article text
    actors: tuple[Actor, ...]
    date: dates.DateMention | None
    in_lead: bool
    planned: bool
    history: bool
    proposed: bool  # "đề nghị hai thành phố tăng cường trao đổi ...": a wish, not a report
    listed: bool = False  # one pair of a list of agreements signed: "Thỏa thuận giữa tỉnh Lào Cai và tỉnh Brest"
    companion: bool = False  # a gift told in a sentence about another event, made at that event
    attending: bool = False  # "Tham dự có ...": those who attend the event told just before
    said: bool = False  # "X cho biết giao lưu giữa các địa phương ...": a cue inside what someone says
    same_day: bool = False  # "Chiều cùng ngày, ...": on the day of the event told before
    at_event: bool = False  # "Phát biểu tại buổi lễ, ...": said or done at the event told before


def kind_of(text: str) -> tuple[str, int] | None:
    """The kind of the earliest cue in `text` and its offset; a named kind outranks "other" ("tổ chức hội nghị")."""
    first: dict[str, int] = {}
    for label, offset in find_cues("event_cues.csv", text):
        if label == "signing" and _DOCUMENT_BY.search(text, max(0, offset - 80), offset):
            continue  # "Theo văn bản do Chủ tịch tỉnh Hải Dương ký ngày 25/1/2017": a decision signed, not a deal
        first.setdefault(label, offset)
    if not first:
        return None
    named = {k: v for k, v in first.items() if k != "other"} or first
    kind = min(named, key=named.__getitem__)
    if kind == "meeting" and (planned := _TALKS_OF_PLAN.match(text, named[kind])) is not None:
        # "hai bên trao đổi về kế hoạch tổ chức Hội nghị xúc tiến đầu tư ...": the event planned is told.
        later = {k: v for k, v in named.items() if v >= planned.end()}
        if later:
            kind = min(later, key=later.__getitem__)
    if kind == "meeting" and (_SHIP_CALL.search(text) or _SITE_VISIT.match(text, named[kind])):
        return "other", named[kind]  # a ship's call, an arrest made together, a visit to a park: no one is met
    return kind, named[kind]


_DOCUMENT_BY = re.compile(
    r"(?<!\w)(?:văn bản|quyết định|công văn|chỉ thị|tờ trình|thông báo)(?:\s+số\s+\S+)?\s+do\s+[^.;,]{1,70}\Z",
    re.IGNORECASE,
)
_TALKS_OF_PLAN = re.compile(
    r"(?:trao đổi|thảo luận|bàn|thống nhất)\s+(?:về\s+)?(?:kế hoạch|việc|phương án)\s+(?:phối hợp\s+)?tổ chức\s+", re.I
)


_SHIP_CALL = re.compile(
    r"(?<!\w)(?:cập cảng|rời cảng)(?!\w)|(?<!\w)[Tt]àu\s[^.;]{0,60}?(?:[Hh]ải quân|USNS|USS|HMAS|[Cc]ảnh sát biển|"
    r"[Bb]ảo vệ bờ biển)|(?<!\w)(?:bắt giữ|bắt quả tang|triệt phá|truy bắt|bắt\s+\d+\s+(?:nghi phạm|đối tượng))(?!\w)"
    # "tàu tên lửa dẫn đường Australia đang ở thăm Đà Nẵng": a warship by its type.
    r"|(?<!\w)[Tt]àu\s+(?:chiến|khu trục|hộ vệ|tên lửa|tuần dương|ngầm|sân bay|đổ bộ|huấn luyện)(?!\w)"
)
# "đi thăm Khu công nghiệp Liên Hà Thái", "tham quan nhà máy": a site visited, not a host met.
_SITE_VISIT = re.compile(
    r"(?:đi thăm|đến thăm|thăm|tham quan|khảo sát)\s+(?:(?:các|một số|mô hình)\s+)?"
    r"(?:[Kk]hu (?:công nghiệp|kinh tế|di tích|du lịch|lưu niệm|chế xuất)|[Nn]hà máy|[Tt]rang trại|[Bb]ảo tàng|"
    r"[Cc]ảng|[Cc]ửa khẩu|[Vv]ườn|[Dd]i tích|[Ll]àng|[Cc]ơ sở sản xuất|[Dd]ự án|[Cc]ông trình)(?!\w)"
)


# "Tại buổi làm việc, hai bên đã ký kết ...", "Sau hội đàm, ...": the setting names the event before; the clause
# after it tells what happened there.
_SETTING = re.compile(
    r"(?:Cũng\s+(?:tại|trong|nhân)|Tại|Trong|Sau|Ngay sau|Cuối|Nhân|Bên lề|Kết thúc|Dịp|Cùng(?=\s+dịp))"
    r"\s+[^,.;]{1,60},\s*"
)


# "Chủ đầu tư của dự án là Cty BS Heidelberg Solar GmbH": the firm of the project the event before approves.
INVESTOR_IS = re.compile(r"(?<!\w)[Cc]hủ đầu tư(?:\s+[^\s,.;:]+){0,8}?\s+là\s+(?:[Cc]ông ty|[Cc]ty|[Tt]ập đoàn)(?!\w)")


# "Trong đó, công ty TNHH Nhà máy bia Heineken ... đầu tư dự án mở rộng ...": one of the projects just told.
AMONG_THEM = re.compile(r"Trong đó(?:\s+có)?\s*,?\s")


# "Bên lề hội nghị, ...": beside a gathering, something else is done.
_SIDELINES = re.compile(r"(?:Cũng\s+)?(?:[Bb]ên lề|[Tt]rong khuôn khổ(?:\s+(?:dự|tham dự))?)\s+[^,.;]{1,90},\s*")


# "Tham dự có Thứ trưởng ..., đại diện lãnh đạo các tỉnh Lạng Sơn và Lào Cai", "Đón đoàn còn có ...",
# "Chứng kiến lễ ký kết có ...": who attends.
_ATTENDING = re.compile(
    # "Dự án có tổng vốn ...", "Dự kiến có ...": a project or a plan, not those attending.
    r"(?:Tham dự|Cùng dự|Dự(?! án| kiến| thảo| báo| toán| trữ)|Đón tiếp|Đón|Chứng kiến|Tiếp(?= và| đoàn| với))"
    r"(?:\s+[^\s,.;:]+){0,5}?\s+(?:còn\s+)?"
    r"(?:có|gồm)(?!\w)"
)

# "Ông Im Heng, Tổng lãnh sự Campuchia ... cũng tham dự buổi lễ.": those named attend the event told before.
# "Lực lượng 2 nước Mỹ và Việt Nam tham gia gồm các sở, ngành của TP.Đà Nẵng, ...": so do those listed.
_ATTENDED = re.compile(
    # "Đại sứ ... đã tham dự và phát biểu tại sự kiện trên."
    r"(?<!\w)(?:cũng|đến|tới|đã)\s+(?:tham dự|dự)\s+(?:và\s+phát biểu\s+)?(?:tại\s+)?"
    r"(?:buổi|lễ|sự kiện|chương trình|hội nghị|hội thảo)"
    r"(?:\s+[^\s,.;:]+){0,3}\s*[.!]?\Z|(?<!\w)tham gia\s+(?:gồm|có)(?!\w)"
)


def _tells_same_day(text: str, cue: int) -> bool:
    """Whether a sentence tells, before its cue, the next thing done on the day told before."""
    return bool(_SAME_DAY.search(text, 0, max(0, cue)) or _SAME_DAY_START.match(text))


def said(text: str, cue: int) -> bool:
    """Whether the cue is inside what someone says, not where they say it ("nhấn mạnh tại cuộc làm việc")."""
    last = max(_SAYS.finditer(text, 0, max(0, cue)), key=lambda m: m.start(), default=None)
    return last is not None and not _SAID_AT.match(text, last.end())


def _without_names(ctx: Context, s: Span) -> str:
    """The sentence with people's names blanked: "Nguyễn Xuân Ký" signs nothing, "Trần Văn Thăm" visits no one."""
    names = ctx.person_names
    if not names:
        return s.text
    longest = max(len(n) for n in names)
    words = list(_WORD_TOKEN.finditer(s.text))
    text = list(s.text)
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            run = words[i : i + n]
            if tuple(w.group() for w in run) in names and _spaced(s.text, run):
                text[run[0].start() : run[-1].end()] = " " * (run[-1].end() - run[0].start())
                i += n
                break
        else:
            i += 1
    return "".join(text)


_WORD_TOKEN = re.compile(r"[\w’'-]+")


def _spaced(text: str, run: list[re.Match[str]]) -> bool:
    """Words written one space apart, as a name is."""
    return all(text[a.end() : b.start()] == " " for a, b in itertools.pairwise(run))


def _signed_after_setting(text: str) -> int | None:
    """Where a signing is told after the setting that names the event it belongs to, if it is."""
    setting = _SETTING.match(text)
    after = kind_of(text[setting.end() :]) if setting else None
    return setting.end() + after[1] if setting and after and after[0] == "signing" else None


def lead_end(ctx: Context) -> int:
    """Where the lead ends: after the first body paragraph (the summary, when the page has one)."""
    body = sorted({s.paragraph for s in ctx.sentences if s.start >= ctx.title_end})
    last = body[min(1, len(body) - 1)] if body else 0
    ends = [s.end for s in ctx.sentences if s.paragraph <= last]
    # A lead paragraph that runs on is cut after its third sentence.
    in_last = [s for s in ctx.sentences if s.paragraph == last]
    if len(in_last) > 3:
        return in_last[2].end
    return max(ends, default=0)


# A heading is a short line of its own, with no full stop.
_HEADING_MAX = 110


def _opening_days(ctx: Context, lead: int) -> dict[int, dates.DateMention]:
    """The day each body paragraph opens with, where its first sentence tells no event of its own."""
    out: dict[int, dates.DateMention] = {}
    seen: set[int] = set()
    for s in ctx.sentences:
        if s.paragraph in seen:
            continue
        seen.add(s.paragraph)
        if s.start < lead or kind_of(s.text) is not None:
            continue
        day = _day_opening(ctx, s)
        if day is not None and day.month and not reported_on(ctx, day):
            out[s.paragraph] = day
    return out


def _day_opening(ctx: Context, s: Span) -> dates.DateMention | None:
    """The day a sentence opens with: "Ngày 15/10: ...", "Ngày 11/9, đoàn đến ..."."""
    return next((d for d in ctx.date_mentions if s.start <= d.start < s.start + 12 and d.day), None)


def _is_heading(s: Span) -> bool:
    return len(s.text) <= _HEADING_MAX and not s.text.rstrip().endswith((".", "!", "?", ":", ";", "…", '"', "”"))


def _dated_headings(ctx: Context) -> list[tuple[int, dates.DateMention]]:
    """(paragraph, day) of the body's subheadings that open with a day: "Ngày 15/10: Ký kết hợp tác với ..."."""
    by_paragraph: dict[int, list[Span]] = {}
    for s in ctx.sentences:
        if s.start >= ctx.title_end:
            by_paragraph.setdefault(s.paragraph, []).append(s)
    out = []
    for paragraph, spans in by_paragraph.items():
        line = spans[0]
        if len(spans) > 1 or len(line.text) > _HEADING_MAX or line.text.endswith((".", "!", "?")):
            continue
        day = _day_opening(ctx, line)
        if day is not None and not reported_on(ctx, day):
            out.append((paragraph, day))
    return out


def _gives_across(own: tuple[Actor, ...], text: str) -> bool:
    """A Vietnamese locality and a foreign side are both named, or the visiting delegation gives to a foreign side
    ("đoàn đã trao tặng Bệnh viện tỉnh Takeo"): one gives to the other."""
    # "trao tặng mỗi tỉnh bạn 1 tỷ đồng": the partner provinces, named before.
    foreign = any(not a.vietnamese for a in own) or bool(FRIEND_UNITS.search(text))
    return foreign and (any(a.vietnamese and a.kind != "country" for a in own) or bool(_DELEGATION_GIVES.search(text)))


FRIEND_UNITS = re.compile(r"(?<!\w)(?:(?:mỗi|các|hai|ba|bốn)\s+)?(?:tỉnh|thành phố|huyện|địa phương) bạn(?!\w)")
_DELEGATION_GIVES = re.compile(
    r"(?<!\w)[Đđ]oàn(?:\s+công tác)?\s+(?:đã\s+|cũng\s+)*(?:trao tặng|tặng|trao|bàn giao)(?!\w)"
)


def _under_heading(m: Candidate, heading: dates.DateMention | None) -> Candidate:
    """ "Ngày 16/10: Khảo sát khu công nghiệp Gumi" dates the paragraphs under it that name no day."""
    if m.date is not None or heading is None or m.history or m.planned:
        return m
    return replace(m, date=heading)


def find_candidates(ctx: Context, actors: list[Actor]) -> list[Candidate]:
    lead = lead_end(ctx)
    title_actors = tuple(a for a in actors if a.end <= ctx.title_end)
    out: list[Candidate] = []
    headings = _dated_headings(ctx)
    dated = {paragraph for paragraph, _ in headings}
    alone = Counter(s.paragraph for s in ctx.sentences)
    opening_day = _opening_days(ctx, lead)
    listing = False  # within the items of "đã diễn ra lễ trao 5 văn bản hợp tác, đầu tư, gồm:"
    item_paragraph = -1
    for s in ctx.sentences:
        # An item's own paragraph goes on with it: "1. Thỏa thuận ... Hai bên sẽ hợp tác ...", then "2. ...".
        if listing and ITEM.match(s.text):
            item_paragraph = s.paragraph
        listing = (
            listing and (ITEM.match(s.text) is not None or s.paragraph == item_paragraph)
        ) or _AGREEMENTS_LISTED.search(s.text) is not None
        if _CAPTION.search(s.text):
            continue
        if s.start >= lead and alone[s.paragraph] == 1 and s.paragraph not in dated and _is_heading(s):
            continue  # "Làm việc với JICA và tỉnh Saga": a section's heading; its body tells the events
        heading = next((d for paragraph, d in reversed(headings) if paragraph < s.paragraph), None)
        cue = kind_of(_without_names(ctx, s))
        setting = _SIDELINES.match(s.text)
        beside = False
        scene: list[Actor] = []
        if cue is not None and setting is not None and cue[1] < setting.end():
            # "Bên lề hội nghị, Chủ tịch UBND tỉnh đã tiếp ...": the gathering sets the scene; the clause after it
            # tells an event of its own.
            after = kind_of(_without_names(ctx, s)[setting.end() :])
            if after is not None and after[0] in ("meeting", "conference"):
                cue, beside = (after[0], setting.end() + after[1]), True
                # The forum that sets the scene ("Hội nghị Diễn đàn Kinh tế Thế giới (WEF)") is no side of the meeting.
                scene = [a for a in actors if s.start <= a.start < s.start + setting.end() and is_forum(a.id)]
        if cue is not None and cue[0] == "signing" and _firms_sign(_without_names(ctx, s)[: cue[1]]):
            cue = None  # "các doanh nghiệp của Thanh Hóa và Ấn Độ đã ký kết 3 biên bản ghi nhớ": deals of firms
        where = _WHERE_CLAUSE.search(s.text)
        own_end = s.start + where.start() if where else s.end
        own = tuple(a for a in actors if s.start <= a.start < own_end and not (beside and a in scene))
        named_from = s.start
        if cue is not None and cue[0] == "signing":
            own, named_from = _without_witnesses(ctx, s, s.start + cue[1], own)
        own += _sides_of_people(ctx, named_from, own_end, actors, own)
        in_lead = s.start < lead
        investor = (INVESTOR_IS.search(s.text) or AMONG_THEM.match(s.text)) and any(
            a.kind == "company" and not a.vietnamese for a in own
        )
        if (_ATTENDING.match(s.text) or _ATTENDED.search(s.text) or investor) and own:
            out.append(replace(_candidate(ctx, s, "other", s.start, own, in_lead), attending=True))
            continue
        if cue is None:
            continue
        if in_lead and s.start >= ctx.title_end and not _tells_same_day(s.text, cue[1]):
            own = own + tuple(a for a in title_actors if _title_lends(ctx, a, own))
        base = _candidate(ctx, s, cue[0], s.start + cue[1], own, in_lead)
        if beside:
            base = replace(base, at_event=False, companion=True)  # on the gathering's day
        if base.date is None and not (in_lead or base.history or base.planned or base.same_day):
            # "Ngày 11/9, đoàn đến tỉnh Saga. Thống đốc tỉnh Saga ... tiếp đoàn": the day the paragraph opens with.
            base = replace(base, date=opening_day.get(s.paragraph))
        if base.same_day and base.date is None:
            # Not a day a speaker tells ("cho biết, từ ngày 1/7/2025, tỉnh ... mới được thành lập").
            told = [m.date for m in out if m.date is not None and m.date.day and not (m.history or m.planned or m.said)]
            base = replace(base, date=told[-1] if told else None)
        else:
            base = _under_heading(base, heading)
        if cue[0] == "signing" and listing and ITEM.match(s.text):
            # "- Biên bản ghi nhớ giữa UBND tỉnh Nghệ An và JETRO ...": one of the agreements the event handed over.
            base = replace(base, companion=True)
        elif cue[0] == "signing" and not in_lead and _SETTING.match(s.text):
            # "Cũng tại buổi họp mặt, lãnh đạo UBND tỉnh và Hyosung đã ký kết ...": signed at the event told before.
            base = replace(base, companion=True)
        elif cue[0] == "aid" and not in_lead and _SETTING.match(s.text) and _gives_across(own, s.text):
            # "Dịp này, lãnh đạo tỉnh Gia Lai trao tặng tỉnh Ratanakiri 500 triệu đồng": given at that event.
            base = replace(base, companion=True)
        pairs = _signed_pairs(ctx, s, own) if cue[0] == "signing" or "ký" in s.text else []
        if not pairs and (cue[0] == "signing" or _signed_after_setting(s.text) is not None):
            pairs = _signed_with_each(ctx, s, own)
        if pairs:
            # Leaders witnessing several agreements: each pair of signatories signs its own.
            out.extend(replace(base, kind="signing", actors=pair, listed=True) for pair in pairs)
        else:
            clauses = _dated_clauses(ctx, s, base, own, in_lead)
            if clauses:
                # The sentence's first event keeps the sides of its own clause.
                first_cue = min(m.cue_offset for m in clauses)
                cut = s.start + s.text.rfind(";", 0, first_cue - s.start)
                base = replace(base, actors=tuple(a for a in base.actors if a.start < cut))
            out.append(base)
            out.extend(_stops(ctx, s, base, own) or _sessions(s, base, own))
            out.extend(clauses)
            gift = _gift_in(s.text) if cue[0] != "aid" else None
            if gift is not None:
                # "Tại lễ khai mạc lễ hội, Bulgaria sẽ tặng ... cho TP Hà Nội": a gift made at the event.
                gift_mention = _candidate(ctx, s, "aid", s.start + gift, own, in_lead)
                out.append(replace(_under_heading(gift_mention, heading), companion=True))
            signed = _signed_after_setting(s.text) if cue[0] != "signing" else None
            if signed is not None and not _firms_sign(_without_names(ctx, s)[:signed]):
                # "Tại buổi làm việc, hai bên đã ký kết ...": an agreement signed at the event.
                signing = _candidate(ctx, s, "signing", s.start + signed, own, in_lead)
                out.append(replace(_under_heading(signing, heading), companion=True))
            plans = _plan_after(ctx, s, base, own, in_lead) if not base.planned else []
            if plans:
                # The plan's month is not the day of what the sentence tells done.
                month = plans[0].date
                out = [replace(m, date=None) if m.sentence is s and m.date is month else m for m in out]
                out.extend(plans)
    return out


# "đã diễn ra lễ trao 5 văn bản hợp tác, đầu tư, gồm:", then one line per agreement.
_AGREEMENTS_LISTED = re.compile(
    r"(?<!\w)(?:văn bản|thỏa thuận|biên bản|bản ghi nhớ|ký kết|trao)(?!\w)[^.;]*(?:gồm|như sau|bao gồm)?\s*:\s*\Z", re.I
)
ITEM = re.compile(r"\s*(?:[-–+•*]|\d{1,2}[.)])\s")


# "... đã thăm và làm việc tại Thành phố Hồ Chí Minh, tỉnh Bến Tre, tỉnh Sơn La": the stops of a visitor's trip.
_STOPS_AT = re.compile(r"(?<!\w)(?:đến\s+)?thăm và làm việc tại(?!\w)")
_STOP_LIST = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_SPACE = re.compile(r"\s*")
# "Trong thời gian ở thăm Việt Nam, Đoàn ... thăm và làm việc tại thành phố Đà Nẵng": a visit's summary.
_TRIP_FRAME = re.compile(r"Trong (?:thời gian|chuyến thăm|khuôn khổ chuyến thăm)(?!\w)")


def _stops(ctx: Context, s: Span, base: Candidate, own: tuple[Actor, ...]) -> list[Candidate]:
    """A foreign visitor's stops at Vietnamese localities listed in one sentence: a meeting at each, hosted there."""
    at = _STOPS_AT.search(s.text)
    foreign = [a for a in own if not a.vietnamese]
    if at is None or not foreign or base.history or base.planned:
        return []
    stops: list[Actor] = []
    end = s.start + at.end()
    for a in own:
        if a.start < end:
            continue
        joined = _STOP_LIST if stops else _SPACE
        if not (a.vietnamese and a.kind in ("province", "city")) or not joined.fullmatch(ctx.text, end, a.start):
            break
        stops.append(a)
        end = a.end
    if not stops or (len(stops) < 2 and not _TRIP_FRAME.match(s.text)):
        return []
    guests = tuple(a for a in foreign if a.start < s.start + at.start())[:1]
    return [
        replace(base, kind="meeting", actors=(*guests, replace(a, led=True, escort=False)), listed=True) for a in stops
    ]


# "Đoàn đã có các buổi làm việc với Cơ quan Cảnh sát quốc gia Nhật Bản, ..., Cảnh sát Osaka, Cảnh sát tỉnh Hyogo":
# a delegation's sessions, one with each.
_SESSIONS_WITH = re.compile(r"(?<!\w)(?:các|những)\s+buổi\s+(?:làm việc|hội đàm|gặp gỡ|tiếp xúc|hội kiến)\s+với(?!\w)")


def _sessions(s: Span, base: Candidate, own: tuple[Actor, ...]) -> list[Candidate]:
    """A delegation's working sessions with several foreign localities or their bodies, listed in one sentence: a
    meeting with each."""
    at = _SESSIONS_WITH.search(s.text)
    if at is None or base.history or base.planned:
        return []
    end = s.start + at.end()
    hosts = unique([a for a in own if a.start >= end and not a.vietnamese and a.kind in LOCAL_KINDS])
    if len(hosts) < 2:
        return []
    guests = tuple(a for a in own if a.start < end and a.vietnamese)[:1]
    return [replace(base, actors=(*guests, replace(a, led=True, escort=False)), listed=True) for a in hosts]


# "; ngày 14/9, UBND tỉnh phối hợp với KOTRA tổ chức Hội nghị ...": a clause that opens with a day of its own.
_DATED_CLAUSE = re.compile(r";\s*(?:(?:sáng|trưa|chiều|tối)\s+)?ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}", re.IGNORECASE)


def _dated_clauses(
    ctx: Context, s: Span, base: Candidate, own: tuple[Actor, ...], in_lead: bool
) -> list[Candidate]:
    """The later clauses of a programme told in one sentence ("ngày 13/9, đoàn sẽ làm việc với KOICA ...; ngày 14/9,
    UBND tỉnh phối hợp với KOTRA tổ chức Hội nghị ..."): each day's event is one of its own."""
    out = []
    for m in _DATED_CLAUSE.finditer(s.text, base.cue_offset - s.start):
        end = s.text.find(";", m.end())
        clause_end = s.start + (end if end >= 0 else len(s.text))
        cue = kind_of(ctx.text[s.start + m.end() : clause_end])
        if cue is None:
            continue
        sides = tuple(a for a in own if s.start + m.start() < a.start < clause_end)
        if not any(not a.vietnamese for a in sides):
            continue
        sides += tuple(a for a in own if a.vietnamese and a.start < s.start + m.start() and a not in sides)
        clause = _candidate(ctx, s, cue[0], s.start + m.end() + cue[1], sides, in_lead)
        out.append(replace(clause, listed=True))
    return out


# How far after a later cue the month of its plan may be told, in characters.
_PLAN_MONTH_WITHIN = 120


def _plan_after(ctx: Context, s: Span, base: Candidate, own: tuple[Actor, ...], in_lead: bool) -> list[Candidate]:
    """ "hai bên đã ký Biên bản hội đàm, trong đó thống nhất tổ chức Giải bóng chuyền hữu nghị ... vào tháng
    5/2024": a plan with its month told after the sentence's own event."""
    if not _PLAN_AHEAD.search(s.text, base.cue_offset - s.start):
        return []
    for kind, offset in find_cues("event_cues.csv", s.text):
        at = s.start + offset
        if at <= base.cue_offset + 3 or not _PLAN_AHEAD.search(s.text, base.cue_offset - s.start, offset):
            continue
        month = next(
            (
                d
                for d in ctx.date_mentions
                if at < d.start < min(s.end, at + _PLAN_MONTH_WITHIN) and d.month and not d.day and d.year
            ),
            None,
        )
        if month is None:
            continue
        plan = _candidate(ctx, s, kind, at, own, in_lead)
        return [replace(plan, date=month, planned=True, history=False, said=False, at_event=False, companion=False)]
    return []


_PLAN_AHEAD = re.compile(r"(?<!\w)(?:sẽ|thống nhất|dự kiến|kế hoạch)(?!\w)", re.IGNORECASE)


_WITNESSED = re.compile(r"(?<!\w)chứng kiến(?!\w)", re.IGNORECASE)
_WITNESSED_AFTER = re.compile(r"(?<!\w)(?:dưới|trước)\s+sự\s+chứng kiến(?!\w)", re.IGNORECASE)


def _without_witnesses(ctx: Context, s: Span, cue_at: int, own: tuple[Actor, ...]) -> tuple[tuple[Actor, ...], int]:
    """ "Dưới sự chứng kiến của Phó Chủ tịch UBND tỉnh và ông Lưu Hồng Vũ, UBND TP Móng Cái và ... thành phố Đông
    Hưng đã ký kết": those who witness are not the signatories, who follow the witnesses' last comma. Returns the
    signatories and where the text naming them starts."""
    witnessed = _WITNESSED.search(ctx.text, s.start, cue_at)
    subject = ctx.text.rfind(",", witnessed.end(), cue_at) if witnessed else -1
    if witnessed is None or subject < 0:
        # "... và Thị trưởng thành phố Đông Hưng ký biên bản dưới sự chứng kiến của lãnh đạo tỉnh Quảng Ninh".
        after = _WITNESSED_AFTER.search(ctx.text, cue_at, s.end)
        signatories = tuple(a for a in own if after is None or a.start < after.start())
        if after is None or {a.vietnamese for a in signatories if a.kind != "country"} != {True, False}:
            return own, s.start
        return signatories, s.start
    signatories = tuple(a for a in own if not witnessed.start() <= a.start < subject)
    if {a.vietnamese for a in signatories if a.kind != "country"} != {True, False}:
        return own, s.start
    return signatories, subject


def _title_lends(ctx: Context, a: Actor, own: tuple[Actor, ...]) -> bool:
    """The title names a side the sentence leaves out; of a side it names, only the nation of a foreign body
    ("Tập đoàn Foxconn" in the lead, "doanh nghiệp Đài Loan" in the title), not another locality or Vietnam.
    Where the sentence's event is held ("tại Munich") names no side."""
    same = [o for o in own if o.vietnamese == a.vietnamese and not is_venue(ctx.text, o.start)]
    if any(o.id == a.id for o in same):
        return False
    if not same:
        return True
    return not a.vietnamese and a.kind not in LOCAL_KINDS and all(o.kind not in LOCAL_KINDS for o in same)


def _sides_of_people(
    ctx: Context, start: int, end: int, actors: list[Actor], own: tuple[Actor, ...]
) -> tuple[Actor, ...]:
    """The sides of officials the sentence names whose title the article gave before: "Thống đốc Kawakami Hideo"
    is Shizuoka's wherever he is named again."""
    text = ctx.text[start:end]
    ids = {a.id for a in own}
    out: list[Actor] = []
    for person in ctx.people:
        if person.title_start is None or person.title_end is None or start <= person.title_start < end:
            continue
        if not any(whole_words(n).search(text) for n in (person.name, *person.variants)) and not _by_given_name(
            person, text
        ):
            continue
        for place in ctx.places_in(person.title_start, person.title_end):
            side = next((a for a in actors if a.id == place.entity.id and a.start == place.start), None)
            if side is not None and side.id not in ids:
                ids.add(side.id)
                out.append(side)
    return tuple(out)


def _by_given_name(person: PersonMention, text: str) -> bool:
    """ "ông Phong" after "Nguyễn Thành Phong": a Vietnamese official named again by the given name."""
    words = person.name.split()
    if len(words) < 2 or not person.vietnamese:
        return False
    return re.search(rf"(?<!\w)(?:[Ôô]ng|[Bb]à)\s+{re.escape(words[-1])}(?![\w-])(?!\s+[A-ZĐ])", text) is not None


def _gift_in(text: str) -> int | None:
    """Where a sentence tells a gift or a grant besides its first cue, if it does."""
    return next((offset for label, offset in find_cues("event_cues.csv", text) if label == "aid"), None)


# "giữa tỉnh Lào Cai và tỉnh Brest": the two sides of one agreement.
_SIDE = r"(?:(?:tỉnh|thành phố|TP\.?|bang|huyện|quận|thủ đô)\s+)?"
_BETWEEN = re.compile(r"(?<!\w)giữa\s+" + _SIDE + r"\Z", re.I)
_AND = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*)?(?:và|với)\s+" + _SIDE + r"\Z")


def _signed_pairs(ctx: Context, s: Span, own: tuple[Actor, ...]) -> list[tuple[Actor, ...]]:
    """Pairs of a Vietnamese and a foreign locality named as the two sides of an agreement in the sentence."""
    inside = sorted((a for a in own if s.start <= a.start < s.end), key=lambda a: a.start)
    pairs = []
    for a, b in itertools.pairwise(inside):
        if not _BETWEEN.search(ctx.text, max(0, a.start - 10), a.start) or not _AND.search(ctx.text, a.end, b.start):
            continue
        if a.vietnamese == b.vietnamese or a.kind == "country" or b.kind == "country":
            continue
        pairs.append((replace(a, led=True), replace(b, led=True)))
    return pairs if len(pairs) > 1 or _DOCUMENT.search(s.text) else []


_WITH = re.compile(r"(?<!\w)với\s+(?:(?:Công ty|Tập đoàn|Tổng công ty)\s+(?:(?:TNHH|Cổ phần|cổ phần|CP)\s+)?)?\Z")


_WITH_EACH = re.compile(r"(?<!\w)(?:riêng\s+)?với\s+(?:từng|mỗi)(?!\w)")


def _signed_with_each(ctx: Context, s: Span, own: tuple[Actor, ...]) -> list[tuple[Actor, ...]]:
    """ "UBND tỉnh Long An ký biên bản ghi nhớ với Công ty A về ..., và với Công ty B về ...": one agreement with
    each foreign body the sentence lists after "với", signed by the Vietnamese side named before the first."""
    withs = [a for a in own if not a.vietnamese and _WITH.search(ctx.text, max(0, a.start - 40), a.start)]
    each = _WITH_EACH.search(s.text)
    if each is not None:
        # "ký kết Biên bản ... riêng với từng tỉnh Svay Rieng, Tbong Khmum và Prey Veng": one with each of the list.
        withs = [a for a in own if not a.vietnamese and a.start >= s.start + each.end()]
    if len(withs) < 2:
        return []
    signer = next((a for a in own if a.vietnamese and a.kind != "country" and a.start < withs[0].start), None)
    return [(replace(signer, led=True), other) for other in withs] if signer else []


def _candidate(ctx: Context, s: Span, kind: str, cue_at: int, own: tuple[Actor, ...], in_lead: bool) -> Candidate:
    says = _SAYS.search(s.text, cue_at - s.start)
    # "Tại buổi hội đàm, Chủ tịch ... cho biết, từ ngày 1/7/2025, ...": a day told in what is said is not the cue's.
    said_from = s.start + says.start() if says else s.end
    near = [
        d
        for d in ctx.date_mentions
        if s.start <= d.start < min(s.end, said_from)
        and d.month
        and abs(d.start - cue_at) < _REACH
        and not reported_on(ctx, d)
    ]
    # "Trong chuyến công tác từ ngày 3 đến 8/10, ngày 5/10, đoàn đã ký kết": the day told last before the cue.
    before = [d for d in near if d.start < cue_at]
    same_day = _tells_same_day(s.text, cue_at - s.start)
    # "Trước đó, sáng cùng ngày, ... thăm lại Lộc Ninh, nơi ngày 21/6/1977 ...": the day told before is its day.
    told_before = same_day and not before
    mention = before[-1] if before else (near[0] if near and not told_before else None)
    if mention is None and not told_before:
        # "Ngày 19/12, tại thành phố Svay Rieng, Đoàn đại biểu ... đã có buổi hội đàm": the day that opens the
        # sentence is its cue's however long the sentence.
        mention = next(
            (
                d
                for d in ctx.date_mentions
                if s.start <= d.start < min(s.end, s.start + 25) and d.month and d.day and not reported_on(ctx, d)
            ),
            None,
        )
    if mention is not None and _TRIP_ENDS.search(s.text):
        # "Chiều 8/7, Đoàn ... rời Hà Nội, kết thúc chuyến thăm ... từ ngày 3 - 8/7/2017": the visit, by its first day.
        mention = next(
            (d for d in ctx.date_mentions if s.start <= d.start < s.end and _SPAN_FROM.match(ctx.text, d.start)),
            mention,
        )
    done = bool(_DONE.search(s.text, 0, max(0, cue_at - s.start)))
    later = _after_publication(ctx, mention)
    if done and later and mention is not None and mention.start > cue_at:
        # "hai bên đã ký biên bản, thống nhất ... tổ chức Hội chợ vào tháng 12/2024": not its day.
        mention, later = None, False
    before_date = s.text[: (mention.start - s.start + 20) if mention else len(s.text)]
    # "Trước đó, sáng 15/5, đoàn đã thăm ...": earlier in the same visit, not history.
    recent = same_day or (mention is not None and mention.day is not None)
    # A clause after the cue tells the past of a place: "Ngày 14/6, đoàn thăm Blois, nơi đã kết nghĩa ... từ năm 1996".
    history_text = _EARLIER.sub(" ", s.text[: max(0, cue_at - s.start)]) if recent else s.text
    # "... khánh thành Nhà Văn hóa xã, quà tặng ... nơi 40 năm trước đã từng chứng kiến ...": so is a place's past
    # told after "nơi" in an undated sentence.
    place_past = _PLACE_PAST.search(history_text, max(0, cue_at - s.start))
    history_text = history_text[: place_past.start()] if place_past else history_text
    return Candidate(
        kind=kind,
        sentence=s,
        cue_offset=cue_at,
        actors=own,
        date=mention,
        in_lead=in_lead,
        planned=_plans(before_date, cue_at - s.start)
        or (later and not done and not _cue_between(ctx, kind, cue_at, mention)),
        history=_tells_past(ctx, history_text)
        or bool(_DEPARTS.search(s.text))
        or (not told_before and _older_year(ctx, s, mention)),
        proposed=bool(_PROPOSED.search(s.text, 0, max(0, cue_at - s.start)) or _TERMS.match(s.text)),
        said=said(s.text, cue_at - s.start),
        same_day=same_day,
        at_event=mention is None and bool(_AT_THE_EVENT.match(s.text)),
    )


_TRIP_ENDS = re.compile(r"(?<!\w)kết thúc(?:\s+tốt đẹp)?\s+chuyến(?!\w)", re.I)
_SPAN_FROM = re.compile(r"[Tt]ừ ngày\s+\d")


# "Tại buổi họp báo chiều 7/2 giới thiệu Lễ hội ...": the day the press was told is not the event's.
_PRESS = re.compile(r"(?<!\w)(?:họp báo|thông cáo báo chí|trả lời phỏng vấn|phỏng vấn)[^.;]{0,20}\Z", re.I)


# "hai bên đã ký biên bản hội đàm, thống nhất ... tổ chức Hội chợ vào tháng 12/2024": done, whatever it plans.
_DONE = re.compile(r"(?<!\w)(?:đã|vừa)(?!\w)")


def _cue_between(ctx: Context, kind: str, cue_at: int, d: dates.DateMention | None) -> bool:
    """Another kind of event's cue between a cue and a date after it: the date is that event's ("Kết thúc buổi hội
    đàm, hai bên đã ký ..., thống nhất tổ chức Giải bóng chuyền vào tháng 9/2024")."""
    if d is None or d.start <= cue_at:
        return False
    return any(label != kind for label, _ in find_cues("event_cues.csv", ctx.text[cue_at + 3 : d.start]))


def _after_publication(ctx: Context, d: dates.DateMention | None) -> bool:
    """A month printed with its year after the page's day: "thống nhất ký Phụ lục ... vào tháng 3/2022"."""
    if d is None or d.year is None or d.month is None or ctx.published is None:
        return False
    published = ctx.published.value
    return f"{d.year:04d}-{d.month:02d}" > published[:7] and len(published) >= 7


def reported_on(ctx: Context, d: dates.DateMention) -> bool:
    """Whether a date is the day of a press conference or an interview about the event, the day an event ends
    ("diễn ra đến ngày 17/8"), or the page's own publication line ("Ngày đăng: 05/07/2022 | 15:30")."""
    if _PRESS.search(ctx.text, max(0, d.start - 40), d.start) is not None:
        return True
    if _TELLS_JUST_DONE.match(ctx.text, d.end) or _UNTIL.search(ctx.text, max(0, d.start - 25), d.start):
        return True
    if _SINCE.search(ctx.text, max(0, d.start - 120), d.start):
        return True  # "kể từ khi hai tỉnh hợp nhất ... từ ngày 1/7/2025": since when, not when
    line_start = ctx.text.rfind("\n", 0, d.start) + 1
    line_end = ctx.text.find("\n", d.end)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)]
    return len(line) <= 80 and _CLOCK.search(line) is not None and not kind_of(line)


# "Ngày 29/5, Biên phòng tỉnh Thanh Hóa cho biết vừa phối hợp ...": the day it was told, of something done before.
_TELLS_JUST_DONE = re.compile(
    r",\s*(?:[^\s,.;]+\s+){1,8}?(?:cho biết|thông tin|thông báo),?\s+(?:[^\s,.;]+\s+){0,3}?(?:vừa|mới)(?!\w)"
)


_CLOCK = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)|(?<!\w)(?:GMT|Ngày đăng|Cập nhật|Đăng ngày)(?!\w)", re.IGNORECASE)


_YEAR_SPAN_END = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)(?!\d)")


def _older_year(ctx: Context, s: Span, mention: dates.DateMention | None) -> bool:
    """A sentence dated in a year before the article's own: "Năm 2015, ...", "tháng 6/2022"."""
    if not ctx.year_hint:
        # An undated article whose only years are those things began in: "đã ký Thỏa thuận năm 2008".
        return mention is None and bool(dates.years_stated(s.text))
    if mention is not None and mention.year and mention.year < ctx.year_hint:
        return True  # "(24/6/1967 - 24/6/2017)": the day the sentence's own date names is years ago
    if mention is not None and mention.day and mention.year is None:
        return False  # "Ngày 14/6, ... từ năm 1996": a day with no year printed is in the article's year
    years = [y for _, y in dates.years_stated(s.text)] + dates.years_in_dates(s.text)
    # "kỷ niệm 10 năm thiết lập quan hệ (2009-2019)": a span of years reaches its last.
    years += [int(m.group(1)) for m in _YEAR_SPAN_END.finditer(s.text)]
    if mention is not None and mention.year:
        years.append(mention.year)
    return bool(years) and max(years) < ctx.year_hint
