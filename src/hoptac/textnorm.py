"""Unicode and spelling normalisation shared by every stage.

Vietnamese text mixes NFC and NFD encodings and two conventions for where the
tone mark sits in open syllables ending in oa, oe, uy ("hoà"/"hòa",
"thuý"/"thúy"). `normalize` makes both canonical (NFC, mark on the first
vowel) so that equal words compare equal; `fold` drops diacritics and case for
matching.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def _build_tone_map() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in _TONES:
                    late = unicodedata.normalize("NFC", f + s + tone)
                    early = unicodedata.normalize("NFC", f + tone + s)
                    mapping[late] = early
    return mapping


_TONE_MAP = _build_tone_map()
# An open syllable: the cluster ends the word. "quý" keeps its mark on y, since
# there the u belongs to the consonant; that case is left to `_early_tone`,
# because a look-behind in the pattern would make the scan of every article
# body three times slower. Pairs outside the map match and are kept as they are.
_TONE_RE = re.compile(r"[oOuU][" + "".join(sorted({late[1] for late in _TONE_MAP})) + r"](?!\w)")
# Runs of white space and single odd spaces; a plain single space is left alone, which is most of them.
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")


def _early_tone(match: re.Match[str]) -> str:
    pair = match.group()
    start = match.start()
    if start and match.string[start - 1] in "qQ":
        return pair
    return _TONE_MAP.get(pair, pair)


def normalize(text: str) -> str:
    """NFC, one tone-placement convention, and non-breaking spaces made plain."""
    text = unicodedata.normalize("NFC", text)
    text = _TONE_RE.sub(_early_tone, text)
    return text.replace("\u00a0", " ").replace("\ufeff", "")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ -> d), keep everything else in place.

    The result has the same length as the NFC input for Vietnamese text, so
    offsets found in the folded text are valid in the original.
    """
    out = []
    for ch in text.lower():
        if ch == "đ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def squeeze(text: str) -> str:
    """Collapse runs of horizontal white space to one space."""
    return _SPACES.sub(" ", text).strip()


# Letters that carry no combining mark to strip: "Łódź" is "lodz", "Østfold" "ostfold".
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"})


def slug(name: str) -> str:
    """A name as an id's lower-case ASCII words joined by dashes: "Đà Nẵng" -> "da-nang", "Wrocław" -> "wroclaw"."""
    text = unicodedata.normalize("NFD", fold(name).lower().translate(_UNDECOMPOSED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
