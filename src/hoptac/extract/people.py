"""People named with an honorific or a title, and the title they are given.

"ông Lê Thanh Liêm, Phó Chủ tịch Thường trực UBND Thành phố Hồ Chí Minh",
"Chủ tịch UBND TP HCM Phan Văn Mãi", "Ngài Thị trưởng TP. Gyeongju - ông
Joo Nak-young". Title heads live in `data/titles.csv`. Variants of one name
("Oh Keo-don"/"Oh Keo-dong") are merged.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from hoptac.textnorm import fold

_WORD = r"[^\W\d_][\w’']*"
_UPPER = "".join(chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
_CAP = rf"(?:[{_UPPER}][\w’']*)"
_NAME_WORD = rf"{_CAP}(?:-[\w’']+)*"
# A middle initial stays inside a name: "Stanfield L. Chien"; Lao names run to seven syllables.
_NAME = rf"{_NAME_WORD}(?: (?:[A-Z]\.\s?)?{_NAME_WORD}){{1,6}}"
_HONORIFIC_WORD = r"(?:[Ôô]ng|[Bb]à|[Nn]gài|[Đđ]ồng chí)"
_NEXT_HONORIFIC = re.compile(rf"{_HONORIFIC_WORD}\s")
_HONORIFIC = re.compile(rf"(?<![\w]){_HONORIFIC_WORD}\s+(?P<name>{_NAME})")
# Lower-case words that may continue a title: "Phó Chủ tịch Thường trực UBND tỉnh X".
_TITLE_GLUE = {
    "tỉnh",
    "thành",
    "phố",
    "quận",
    "huyện",
    "bang",
    "thị",
    "xã",
    "thường",
    "trực",
    "của",
    "và",
    "ban",
    "sở",
    "tp",
    "hội",
    "đồng",
    "nhân",
    "dân",
    "ủy",
    "thành ủy",
    "tỉnh ủy",
    "đặc",
    "mệnh",
    "toàn",
    "quyền",
    "phụ",
    "trách",
    "kiêm",
    "khu",
    "vực",
    "tại",
    "thư",
    "ký",
    "trưởng",
    "đoàn",
    "giám",
    "đốc",
    "thứ",
    "nhất",
    "chủ",
    "tịch",
    "phó",
    "văn",
    "phòng",
    "ngoại",
    "vụ",
    "tự",
    "trị",
    # The lower-case syllables ministries end on: "Bộ Công an", "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Y tế".
    "an",
    "giao",
    "pháp",
    "tế",
}
# Words that end a title's lower-case run: what follows is the sentence, not the body's name.
_TITLE_STOP = set(
    (
        "cho đã sẽ đang là có được vừa mới cũng đều không chưa rất khẳng nhấn phát bày đánh đề mong chia tham "
        "tiếp thăm ký trao tặng làm dẫn gửi nêu cảm chúc hoan nói thông giới trình kêu yêu chào đến về ra vào kiến đàm "
        "sang lên nhận này đó thì mà nên để khi sau trước trong theo từ như hai ba bên cùng"
    ).split()
)
# Words that open a new phrase after a title: what follows them is not the body's name, and a
# title does not end on them ("Thứ trưởng Bộ Ngoại giao tại").
_LINKING_WORDS = ("tại", "của", "và", "kiêm", "với")
# A stop word that is the second syllable of a body's word: "Sở Giao thông", "Truyền thông".
_STOP_EXCEPT_AFTER = {"thông": {"giao", "truyền"}}
# The word before a name that is a place's or a company's: "Chủ tịch UBND xã Phong Vân",
# "Chủ tịch Tập đoàn Hoàn Cầu", "Chủ tịch HĐQT của Nam A Bank" name no person.
_NAMES_A_PLACE_OR_BODY = {
    "xã", "phường", "huyện", "quận", "thị trấn", "thị xã", "tỉnh", "thành phố", "tp", "làng", "thôn", "ấp",
    "bản", "tập đoàn", "công ty", "cty", "ngân hàng", "hãng", "khách sạn", "nhà máy", "xí nghiệp",
    "hợp tác xã", "htx", "trường", "của", "bang", "nhà hát", "bảo tàng", "bệnh viện", "thư viện",
}


# Heads of bodies, however written, that a body's own name follows.
_BODY_HEADS = {
    "quỹ", "viện", "hiệp hội", "tập đoàn", "công ty", "ngân hàng", "tổ chức", "trung tâm", "tổng công ty", "bộ", "sở",
    "cục", "tổng cục", "ban", "trường", "đại học", "học viện",
}


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Family names a Vietnamese name starts with (`data/surnames.csv`), lower case."""
    data = resources.files("hoptac.extract").joinpath("data/surnames.csv").read_text(encoding="utf-8")
    return frozenset(row["surname"].lower() for row in csv.DictReader(data.splitlines()))


@lru_cache(maxsize=1)
def _not_name_words() -> tuple[str, ...]:
    """Regions, seas and company words that no person's name holds (`data/not_names.csv`), padded."""
    data = resources.files("hoptac.extract").joinpath("data/not_names.csv").read_text(encoding="utf-8")
    return tuple(f" {row['words'].lower()} " for row in csv.DictReader(data.splitlines()))


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """One-word country names ("Lào", "Mỹ", "Pháp"): before a foreign name they end the title."""
    from hoptac.gazetteer import load

    return frozenset(
        form
        for entity in load().entities()
        if entity.kind == "country"
        for form in entity.forms
        if " " not in form and form[:1].isupper()
    )


# "Bộ trưởng Bộ Lao động", "Chủ tịch Hiệp hội Doanh nghiệp": a capitalised run after a title that
# starts like this names a body, not a person. Two words where one could be a name (Tập Cận Bình, Ban Ki-moon).
_BODY_STARTS = {"bộ", "cục", "sở", "vụ", "viện", "quỹ", "hiệp hội", "tập đoàn", "công ty", "tổng công", "tổng cục",
                "ủy ban", "uỷ ban", "hội đồng", "ban chỉ", "ban chấp", "ban quản", "trường đại", "trường cao"}


@dataclass
class PersonMention:
    name: str
    title: str | None
    start: int
    end: int
    title_start: int | None = None
    title_end: int | None = None
    variants: list[str] = field(default_factory=list)

    @property
    def vietnamese(self) -> bool:
        first = fold(self.name.split()[0])
        return self.name != fold(self.name) and (
            fold(self.name) != self.name.lower() or first in {fold(s) for s in surnames()}
        )


@lru_cache(maxsize=1)
def _title_heads() -> tuple[str, ...]:
    data = resources.files("hoptac.extract").joinpath("data/titles.csv").read_text(encoding="utf-8")
    heads = {row["head"] for row in csv.DictReader(data.splitlines())}
    return tuple(sorted(heads, key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(h) for h in _title_heads())
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.IGNORECASE)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.")
# A title and the name after it fill 25 words at most (the longest in 12,500 articles fit); without a bound a run of
# titles ("Chủ tịch UBND tỉnh " x 1,000) would make every head read to the end of the text.
_MAX_TITLE_WORDS = 25


def _mention_end(mentions: list[tuple[int, int]], pos: int) -> int | None:
    """End of the mention holding `pos`; `mentions` are sorted and do not overlap."""
    i = bisect.bisect_right(mentions, pos, key=lambda m: m[0]) - 1
    return mentions[i][1] if i >= 0 and pos < mentions[i][1] else None


def _last_mention_end(mentions: list[tuple[int, int]], start: int, end: int) -> int:
    """End of the last mention starting in [start, end), else `start`."""
    i = bisect.bisect_left(mentions, end, key=lambda m: m[0]) - 1
    return mentions[i][1] if i >= 0 and mentions[i][0] >= start else start


def _title_extent(text: str, start: int, mentions: list[tuple[int, int]]) -> int:
    """End of a title that begins at `start`: heads, capitalised words, glue words, place names.

    Vietnamese capitalises only the first word of a body's name ("Trung tâm Xúc tiến đầu tư TP
    Kitakyushu", "Viện Khoa học xã hội"): a few lower-case words after a capitalised one are kept
    when the title goes on after them, and dropped when it ends there ("Sở Ngoại vụ cho biết").
    """
    pos = start
    end = start
    reach = start  # end of the lower-case words still on trial
    pending = 0
    # Right after the head, as after a capitalised word: "Chủ tịch nước Võ Văn Thưởng",
    # "Chủ tịch Hội đồng dân biểu tỉnh Fukuoka", "Giám đốc điều hành Lee Min-ho".
    after_cap = True
    skip_to = start
    for count, m in enumerate(_TOKEN.finditer(text, start)):
        tok_start, tok_end = m.start(), m.end()
        if count >= _MAX_TITLE_WORDS:
            break
        if tok_start < skip_to:
            continue
        gap = text[max(end, reach) : tok_start]
        if gap.strip() or "\n" in gap:
            break
        word = m.group(0)
        inside = _mention_end(mentions, tok_start)
        if inside is not None:
            end, pos = inside, max(inside, tok_end)
            pending, after_cap = 0, True
            if tok_end > inside and not text[inside:tok_end].strip(".").isalnum():
                break  # punctuation right after the place name closes the title
            continue
        if tok_start < pos:
            continue
        if word.startswith("(") and after_cap:
            # "Thống đốc tỉnh Aichi (Nhật Bản) Omura Hideaki": the country in brackets belongs to the title.
            bracketed = _mention_end(mentions, tok_start + 1)
            closes = bracketed is not None and text[bracketed : bracketed + 1] == ")"
            if closes and _mention_end(mentions, tok_start) is None:
                end = pos = reach = skip_to = bracketed + 1
                pending = 0
                continue
        bare = word.rstrip(",.;:)(")
        if not bare:
            break
        if bare.lower() in ("và", "cùng", "với") and (
            _title_re().match(text, tok_end + 1) or _NEXT_HONORIFIC.match(text, tok_end + 1)
        ):
            break  # "Chủ tịch X Phan Ngọc Thọ và Thị trưởng Y ...", "... và đồng chí Z": a second person
        if pending and _is_cap(bare) and _title_re().match(text, tok_start):
            break  # "... Bành Thanh Hoa hội kiến Bí thư ...": a verb, then the next person's title
        if _INITIAL.fullmatch(word) and _is_cap(text[tok_end + 1 : tok_end + 2]):
            end, pos, pending, after_cap = tok_end, tok_end, 0, True  # "Stanfield L. Chien": a middle initial
            continue
        if _is_cap(bare) or bare.lower() in _TITLE_GLUE or bare.isupper():
            end = tok_start + len(bare)
            pos = tok_end
            # A glue word ("tỉnh", "dân") keeps the body's name open; a lower-case run after it is on trial,
            # but not after a preposition: "tại phiên họp" is where the person spoke, not their title.
            opens_phrase = bare.lower() in _LINKING_WORDS
            pending, after_cap = 0, _is_cap(bare) or (after_cap and not opens_phrase)
            if bare != word:  # punctuation closes the title, unless a body's name lists on
                if not _listing_goes_on(text, word, tok_end):
                    break
                reach = tok_end
            continue
        previous = text[max(0, tok_start - 40) : tok_start].split()[-1:]
        stop = bare in _TITLE_STOP and not (previous and previous[0].lower() in _STOP_EXCEPT_AFTER.get(bare, ()))
        on_trial = after_cap and pending < 4 and bare.isalpha() and not stop
        if on_trial and bare == word:
            pending += 1
            reach = tok_end
            continue
        if on_trial and _listing_goes_on(text, word, tok_end):
            # "Sở Văn hóa, Thể thao và Du lịch": the comma lists the body's fields.
            end, pos, reach, pending = tok_start + len(bare), tok_end, tok_end, 0
            continue
        if word in ("-", "–") and after_cap and re.match(r"\s+[^\W\d_]", text[tok_end:]) and _is_cap(
            text[tok_end:].lstrip()[:1]
        ):
            # "Sở Giao thông - Vận tải": a dash between two capitalised parts of one body's name.
            end, pos, reach, pending = max(end, reach), tok_end, tok_end, 0
            continue
        break
    return end


def _tidy_title(title: str) -> str:
    """Without the separators around it or a bracket it opens and does not close ("... Vận tải (TEDI")."""
    opened = title.rfind("(")
    if opened > title.rfind(")"):
        title = title[:opened]
    words = title.strip(" ,-–").split(" ")
    while len(words) > 1 and words[-1].lower() in _LINKING_WORDS:
        words.pop()  # "Thứ trưởng Bộ Ngoại giao tại": the place or partner it announced is not named
    return " ".join(words).strip(" ,-–")


def _listing_goes_on(text: str, word: str, after: int) -> bool:
    """After `word` and its comma, a capitalised item and a "và" before the next punctuation."""
    if not word.endswith(","):
        return False
    words = text[after : after + 80].split()[:5]
    if not words or not _is_cap(words[0]):
        return False
    for w in words:
        if w == "và":
            return True
        if not w.isalpha() or w in _TITLE_STOP:
            return False
    return False


# Countries' one-word names that are also Vietnamese given names ("Nguyễn Đức Anh Tuấn", "Lê Thị Mỹ Nga").
_ALSO_GIVEN_NAMES = frozenset({"Đức", "Anh", "Mỹ", "Nga", "Thái", "Hàn", "Ý", "Úc"})


def _first_word(text: str, pos: int) -> int:
    m = _TOKEN.search(text, pos)
    return m.start() if m else pos


def _split_title_name(
    text: str, start: int, end: int, mentions: list[tuple[int, int]], head_end: int | None = None
) -> tuple[int, int] | None:
    """Within a title-then-name run "Chủ tịch UBND TP HCM Phan Văn Mãi", where the name starts and ends."""
    last_mention_end = _last_mention_end(mentions, start, end)
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]
    # "Thứ trưởng Bộ Nông Lâm Lào Khămbunnắt Xaynhạnôm": a country's name ends the title even where the text
    # gives no place there, when a name of two words or more follows ("Nguyễn Đức Long" is one name).
    country = [
        w
        for i, w in enumerate(words[:-2])
        if w[0] >= (head_end or start)
        and w[2] in _country_words()
        and w[2] not in _ALSO_GIVEN_NAMES
        and all(_is_cap(x[2]) for x in words[i + 1 : i + 3])
    ]
    if country:
        last_mention_end = max(last_mention_end, country[-1][1])
    words = [w for w in words if w[0] >= last_mention_end]
    caps = [w for w in words if _is_cap(w[2])]
    if len(caps) < 2:
        return None
    # "trung tá Khăm Sinh Phan Tha Vông": after a rank, the whole capitalised run is the name.
    if (
        head_end is not None
        and _RANK.fullmatch(text[start:head_end])
        and caps[0][0] == _first_word(text, head_end)
        and all(_is_cap(x) for x in text[caps[0][0] : caps[-1][1]].split())
    ):
        return caps[0][0], caps[-1][1]
    # A Vietnamese name starts at its surname, after the title's head, and is capitalised
    # throughout ("Sở Văn hóa ..." is no name); a foreign one takes the capitalised tail.
    after_head = head_end if head_end is not None else start + 1
    for i, (s, _e, w) in enumerate(caps):
        if (
            w.lower() in surnames()
            and len(caps) - i >= 2
            and (s >= after_head or last_mention_end > start)
            and all(_is_cap(x) for x in text[s : caps[-1][1]].split())
        ):
            return s, caps[-1][1]
    # Capitalised words of the title head itself ("Tổng Lãnh sự") are never part of the name.
    caps = [w for w in caps if head_end is None or w[0] >= head_end]
    tail = caps[-3:] if len(caps) >= 4 else caps[-2:]
    if last_mention_end > start:
        tail = [w for w in caps if w[0] >= last_mention_end][:4]
    while tail and _INITIAL.fullmatch(tail[0][2]) and caps.index(tail[0]) > 0:
        tail = [caps[caps.index(tail[0]) - 1], *tail]  # "Stanfield L. Chien": the initial's given name too
    if len(tail) < 2:
        return None
    if any(not _is_cap(w) for w in text[tail[0][0] : tail[-1][1]].split()):
        return None  # "Liên minh Nghị viện Thế giới": a lower-case word inside is a body's name, not a person's
    return tail[0][0], tail[-1][1]


def find_people(text: str, mentions: list[tuple[int, int]]) -> list[PersonMention]:
    """People named in `text`, merged across spelling variants, in order of first mention."""
    found: list[PersonMention] = []
    taken: list[tuple[int, int]] = []  # names found, sorted and without overlaps
    for m in _HONORIFIC.finditer(text):
        n_start = _skip_honorifics(text, m.start("name"), m.end("name"))
        name = _clean_name(text[n_start : m.end("name")])
        # "ngài Tổng Thư ký": a title after the honorific, not a name. "ông Yamaguchi Tetsuya": a place's name
        # begins a person's, who has more of it.
        place_end = _mention_end(mentions, n_start)
        if not name or (place_end is not None and place_end >= n_start + len(name)) or _title_re().match(text, n_start):
            continue
        name = _before_title(text, n_start, name)
        n_end = n_start + len(name)
        title, t_start, t_end = _title_after(text, n_end, mentions) or _title_before(text, m.start(), mentions)
        found.append(PersonMention(name, title, n_start, n_end, t_start, t_end))
        taken.append((n_start, n_end))
    title_starts = {p.title_start for p in found}
    nameless_until = -1  # a head inside a title that named nobody names nobody either
    for m in _title_re().finditer(text):
        if _mention_end(taken, m.start()) is not None or m.start() in title_starts or m.start() < nameless_until:
            continue
        end = _before_tai(text, m.start(), m.end(), max(m.end(), _title_extent(text, m.end(), mentions)), mentions)
        split = _split_title_name(text, m.start(), end, mentions, m.end())
        if split is None:
            nameless_until = end
            continue
        title_end, n_end = _after_country(text, *split)
        n_start = _skip_honorifics(text, title_end, n_end)
        overlaps = _mention_end(taken, n_start) is not None or _last_mention_end(taken, n_start, n_end) > n_start
        if n_start < m.end() or overlaps:
            continue
        name = _clean_name(text[n_start:n_end])
        before_name = text[m.start() : title_end].strip(" ,-–")
        while (last := before_name.rsplit(" ", 1))[-1] and _name_honorific().fullmatch(last[-1] + " "):
            before_name = last[0] if len(last) > 1 else ""  # "Thủ tướng Campuchia Samdech"
        title = _tidy_title(before_name)
        # "Chủ tịch UBND xã Phong Vân" names a commune; "Chủ tịch UBND tỉnh Nguyễn Văn Hai", a person.
        if not name or (_names_a_place_or_body(before_name) and name.split()[0].lower() not in surnames()):
            continue
        title_end = m.start() + len(title)
        post = _title_after(text, n_start + len(name), mentions) if _RANK.fullmatch(title) else None
        if post is not None:
            # "Thượng tướng Nguyễn Chí Vịnh, Thứ trưởng Bộ Quốc phòng": a rank, then the post.
            title, title_end = f"{title}, {post[0]}", post[2]
        found.append(PersonMention(name, title, n_start, n_start + len(name), m.start(), title_end))
        bisect.insort(taken, (n_start, n_end))
    found.sort(key=lambda p: p.start)
    return _merge(_given_names_back(text, found))


def _given_names_back(text: str, found: list[PersonMention]) -> list[PersonMention]:
    """ "Đại sứ Marco Della Seta" after "ông Marco Della Seta, Đại sứ Italia": the title took the given name that
    the article's fuller mention shows is the name's."""
    out = []
    for p in found:
        for full in found:
            given = full.name[: -len(p.name)].strip() if full.name.endswith(" " + p.name) else ""
            start = p.start - len(given) - 1
            if given and p.title and p.title.endswith(" " + given) and text[start : p.start] == given + " ":
                title = p.title[: -len(given)].strip()
                p = replace(p, name=full.name, start=start, title=title, title_end=(p.title_start or 0) + len(title))
                break
        out.append(p)
    return out


_RANK = re.compile(r"(?:[Đđ]ại|[Tt]hượng|[Tt]rung|[Tt]hiếu) (?:tướng|tá|úy|uý)|(?:[Pp]hó |[Cc]huẩn )?[Đđ]ô đốc")


def _before_tai(text: str, start: int, head_end: int, end: int, mentions: list[tuple[int, int]]) -> int:
    """Where a title-then-name run ends when "tại" follows the name.

    "tại" continues a title ("Đại sứ Nhật Bản tại Việt Nam Yamada Takio") unless a name
    already stands before it ("Đại sứ Hàn Quốc Park Noh-wan tại Hà Nội").
    """
    for tai in re.finditer(r"\s[Tt]ại\b", text[head_end:end]):
        before = head_end + tai.start()
        split = _split_title_name(text, start, before, mentions, head_end)
        if split is not None and _clean_name(text[split[0] : split[1]]):
            return before
    return end


def _after_country(text: str, start: int, end: int) -> tuple[int, int]:
    """ "Bộ trưởng Quốc phòng Mỹ James Mattis", "Chủ tịch danh dự APPF Nakasone Yasuhiro":
    a country or a body's acronym ends the title, the name follows it."""
    first = re.match(r"(\S+)\s+", text[start:end])
    if first and len(text[start:end].split()) >= 3:
        word = first.group(1)
        if word in _country_words() or (len(word) >= 2 and word.isupper() and word.isalpha()):
            return start + first.end(), end
    return start, end


def _names_a_place_or_body(title: str) -> bool:
    words = title.replace(".", " ").split()
    if not words:
        return False
    lowered = [w.lower() for w in words]
    if lowered[-1] in _BODY_HEADS or " ".join(lowered[-2:]) in _BODY_HEADS:
        return True  # "giám đốc tại Quỹ Pacific Links": the fund's name follows
    if words[-1][:1].isupper() and not words[-1].isupper():
        return False  # "Nhật Bản": the end of a name, not the word "bản" (village)
    return lowered[-1] in _NAMES_A_PLACE_OR_BODY or " ".join(lowered[-2:]) in _NAMES_A_PLACE_OR_BODY


@lru_cache(maxsize=1)
def _name_honorific() -> re.Pattern[str]:
    """Honorifics that stand before a name and are no part of it: "Samdech Techo Hun Sen", "Tan Sri ..."."""
    data = resources.files("hoptac.extract").joinpath("data/name_honorifics.csv").read_text(encoding="utf-8")
    alts = sorted((re.escape(row["phrase"]) for row in csv.DictReader(data.splitlines())), key=len, reverse=True)
    return re.compile(rf"(?:(?:{'|'.join(alts)})\s+)+")


def _skip_honorifics(text: str, start: int, end: int) -> int:
    m = _name_honorific().match(text, start, end)
    return m.end() if m and m.end() < end else start


def _clean_name(name: str) -> str | None:
    name = name.rstrip("\"”’'),.;:")
    padded = f" {name.lower().replace('-', ' ')} "
    if any(words in padded for words in _not_name_words()):
        return None
    words = name.split()
    # Titles are not names, and a lone capitalised word after "ông" is a surname reference.
    while words and fold(words[-1]) in {"ubnd", "hdnd", "tp"}:
        words.pop()
    if any(w.isupper() and len(w) > 1 for w in words) and any(fold(w) in {"tinh", "thanh", "huyen"} for w in words):
        return None  # "các ủy viên BTV Tỉnh ủy": a body's abbreviation, not a name
    if len(words) < 2 or len(words) > 7 or {words[0].lower(), " ".join(words[:2]).lower()} & _BODY_STARTS:
        return None
    if words[0] in ("Phó", "Tổng", "Trưởng"):
        return None  # "đồng chí Phó Cục trưởng": a title the list lacks, not a name
    if _title_re().match(" ".join(words)):
        return None
    if words[-1] in ("Jr", "Sr"):
        words[-1] += "."  # "Arthur Defensor Jr.": the suffix keeps its dot
    return " ".join(words)


def _title_after(text: str, name_end: int, mentions: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    # "ông Kim Jae-hoon - Phó Thống đốc tỉnh Gyeonggi": provincial papers set the title off with a dash too.
    m = re.match(r"\s*[,(]\s*|\s+[-–]\s+", text[name_end:])
    if not m:
        return None
    start = name_end + m.end()
    head = _title_re().match(text, start)
    if not head:
        return None
    end = max(head.end(), _title_extent(text, head.end(), mentions))
    # Only where a verb follows the name: "Chủ tịch Hội Hữu nghị Thái Việt, Tỉnh trưởng ..." names a society.
    named = _NAMED_AFTER.search(text, head.start(), end) if _VERB_NEXT.match(text, end) else None
    if named is not None and _mention_end(mentions, named.start() + 1) is None:
        return None  # "ông Shimizu Akira, Chủ tịch UBND TP Đà Nẵng Lê Trung Chinh hoan nghênh": the next person's
    for _ in range(3):
        # "ông X, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Luông Nậm Thà (Lào) bày tỏ", "bà Y, Chủ tịch Hội đồng Liên bang
        # Đức, kiêm Thủ hiến bang ...": one person's titles in a row.
        comma = re.match(r",\s*(?:kiêm\s+)?", text[end:])
        more = _title_re().match(text, end + comma.end()) if comma else None
        if more is None:
            break
        more_end = max(more.end(), _title_extent(text, more.end(), mentions))
        if not _TITLE_CLOSE.match(text, more_end) or _NAMED_AFTER.search(text, more.start(), more_end):
            break  # "..., Phó Chủ tịch UBND tỉnh Trần Văn B": the next title is another person's
        end = more_end
    title = _tidy_title(text[start:end])
    return (title, start, start + len(title)) if title else None


# A Vietnamese name at the end of a title: it belongs to that name, not to the person before.
_NAMED_AFTER = re.compile(rf"\s(?:{'|'.join(sorted(s.capitalize() for s in surnames()))})(?: {_NAME_WORD}){{1,3}}\Z")
_VERB_NEXT = re.compile(r"\s+[a-zđà-ỹ]")
# What may follow the last of a person's titles: punctuation, a bracketed country, or a lower-case verb.
_TITLE_CLOSE = re.compile(r"\s*(?:[,.;:!?()\"”]|$|[a-zđà-ỹ])")


def _title_before(
    text: str, honorific_start: int, mentions: list[tuple[int, int]]
) -> tuple[None, None, None] | tuple[str, int, int]:
    """A title told before the name: "Thị trưởng TP. Gyeongju - ông X", "Trưởng đại diện JICA, ông X"."""
    window_start = max(0, honorific_start - 120)
    window = text[window_start:honorific_start]
    # "Phó chủ tịch UBND TP Hải Phòng ông Lê Thanh Sơn cho biết": the title runs up to the honorific.
    m = re.search(r"(?:\s[-–]|,)\s*$", window) or re.search(r"(?<=[^\s,])\s+$", window)
    if not m:
        return None, None, None
    bare = not m.group().strip()
    separator = window_start + m.start()
    heads = list(_title_re().finditer(window[: m.start()]))
    if not heads:
        return None, None, None
    head = heads[-1]
    start, head_end = window_start + head.start(), window_start + head.end()
    end = max(head_end, _title_extent(text, head_end, mentions))
    if bare and (
        max(head_end, _title_extent(text[:separator], head_end, mentions)) < separator
        # "đồng chí X, Bí thư Tỉnh ủy Phúc Kiến và đồng chí Y": the title is X's.
        or text[:separator].rsplit(None, 1)[-1].lower() in _LINKING_WORDS
        or not (
            re.search(r"(?:^|[.!?:;,\n\"“(])\s*$", text[:start]) or any(head_end <= s < separator for s, _ in mentions)
        )
    ):
        return None, None, None  # a title that opens its clause or names a place, and ends at the honorific
    if m.group().lstrip().startswith(","):
        # Before a comma the title must reach the comma and fill its clause ("Tiếp Đại sứ, ông X" names
        # the host, not the envoy), or name whom the envoy represents ("đã tiếp Đại sứ Phần Lan tại
        # Việt Nam, ông X": X is the envoy).
        opens_clause = re.search(r"(?:^|[.!?:;,\n\"“(])\s*$", text[:start]) is not None
        names_a_place = any(head_end <= s < separator for s, _ in mentions)
        if end != separator or not (opens_clause or names_a_place):
            return None, None, None
    title = _tidy_title(text[start : min(end, separator)])
    return title, start, start + len(title)


# Names are compared with many others: each is folded once.
_fold_name = lru_cache(maxsize=4096)(fold)


def _same_person(a: str, b: str) -> bool:
    fa, fb = _fold_name(a).replace("-", " "), _fold_name(b).replace("-", " ")
    if fa.replace(" ", "") == fb.replace(" ", ""):
        return True
    wa, wb = fa.split(), fb.split()
    if wa[0] != wb[0]:
        return False
    if 2 * min(len(fa), len(fb)) < 0.85 * (len(fa) + len(fb)):
        return False  # the lengths alone bound the ratio below the threshold
    # The letters in common bound the ratio from above: most pairs are told apart without computing it.
    common = sum(min(fa.count(c), fb.count(c)) for c in set(fa))
    if 2 * common < 0.85 * (len(fa) + len(fb)):
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


def _short_form(short: str, full: str) -> bool:
    """ "Đức Chung" for "Nguyễn Đức Chung": Vietnamese news names a person by the last syllables; a foreign
    name by three or more of its last words ("Win Khaing Than" for "Mahn Win Khaing Than"), a long one by two
    ("Ma Vông" for "Khăm Phăn Phôm Ma Vông")."""
    s, f = _fold_name(short).split(), _fold_name(full).split()
    return 2 <= len(s) < len(f) and f[-len(s) :] == s and (_is_vietnamese_name(full) or len(s) >= 3 or len(f) >= 4)


def _is_vietnamese_name(name: str) -> bool:
    return name.split()[0].lower() in surnames() and name != _fold_name(name)


# Past this many people with one first word, a name is not compared letter by letter with more of
# them: no article names that many people, but a list of names must not cost the square of its length.
_FUZZY_PER_WORD = 32


def _words(name: str) -> tuple[str, ...]:
    return tuple(_fold_name(name).replace("-", " ").split())


def _merge(found: list[PersonMention]) -> list[PersonMention]:
    merged: list[PersonMention] = []
    # Indexes into `merged` by what `_same_person` and `_short_form` compare, so a name is checked
    # against the few people it could be rather than against everyone named before it.
    by_letters: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    by_suffix: dict[tuple[str, ...], list[int]] = {}  # the last 2+ words of a name, the whole name included
    by_whole: dict[tuple[str, ...], list[int]] = {}

    def index(i: int) -> None:
        words, plain = _words(merged[i].name), tuple(_fold_name(merged[i].name).split())
        by_letters.setdefault("".join(words), []).append(i)
        first = by_first.setdefault(words[0], [])
        if len(first) < _FUZZY_PER_WORD:
            first.append(i)
        for k in range(len(plain) - 1):
            by_suffix.setdefault(plain[k:], []).append(i)
        by_whole.setdefault(plain, []).append(i)

    # The twin found for a name, while no one has been renamed: people added later come after it.
    decided: dict[str, int] = {}
    for p in found:
        if p.name in decided:
            twin = merged[decided[p.name]]
            twin.variants.append(p.name)
            if _fuller_title(twin.title, p.title):
                twin.title, twin.title_start, twin.title_end = p.title, p.title_start, p.title_end
            continue
        words, plain = _words(p.name), tuple(_fold_name(p.name).split())
        near = sorted({*by_letters.get("".join(words), ()), *by_first.get(words[0], ()), *by_suffix.get(plain, ())})
        same = (i for i in near if _same_person(merged[i].name, p.name) or _short_form(p.name, merged[i].name))
        found_at = next(same, None)
        twin = merged[found_at] if found_at is not None else None
        if twin is None:
            longer = sorted({i for k in range(1, len(plain) - 1) for i in by_whole.get(plain[k:], ())})
            i = next((i for i in longer if _short_form(merged[i].name, p.name)), None)
            if i is None:
                merged.append(p)
                index(len(merged) - 1)
                decided[p.name] = len(merged) - 1
                continue
            twin = merged[i]
            # The full name told after the short one: it names the person from then on.
            twin.variants.append(twin.name)
            twin.name, twin.start, twin.end = p.name, p.start, p.end
            index(i)
            decided.clear()
        else:
            twin.variants.append(p.name)
            decided[p.name] = found_at
        if _fuller_title(twin.title, p.title):
            twin.title, twin.title_start, twin.title_end = p.title, p.title_start, p.title_end
    return merged


def _before_title(text: str, start: int, name: str) -> str:
    """ "bà Pany Yathotu Ủy viên Bộ Chính trị": a title told without a comma ends the name before it."""
    for word in re.finditer(r"(?<= )\S", name):
        if word.start() >= 2 and _title_re().match(text, start + word.start()):
            return name[: word.start()].rstrip()
    return name


def _fuller_title(held: str | None, told: str | None) -> bool:
    """Whether a later mention's title replaces the one held: none was held, or it tells the same one in
    full ("Thủ tướng" in a headline, "Thủ tướng Chính phủ" in the body)."""
    if not told:
        return False
    if held is None:
        return True
    held_key, told_key = _fold_name(held), _fold_name(told)
    return len(told_key) > len(held_key) and told_key.startswith(held_key)
