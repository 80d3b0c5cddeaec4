"""Which language a page is in.

py3langid's naive Bayes model (139 languages) ships inside the package, so
identification never touches the network. It is loaded on first use (about
a second), which keeps commands that read no web archive fast.

Main-text extraction costs a news page some 100-200 ms, so a web archive
that is mostly in other languages first goes through `could_be_vietnamese`,
a count of letters only Vietnamese writes; a page without them is named by
the language of its visible text and never extracted.
"""

from __future__ import annotations

import html
import re
from itertools import islice

# The opening of an article decides its language; classifying megabytes gains nothing.
_SAMPLE_CHARS = 5000

# Letters of Vietnamese that other Latin-script languages do not use: the
# Vietnamese block of Latin Extended Additional (ạ, ả, ấ, ề, ự...) and ă, đ, ĩ, ũ, ơ, ư.
_VI_LETTERS = re.compile("[\u1ea0-\u1ef9ăĂđĐĩĨũŨơƠưƯ]")
# A Vietnamese article of a few sentences has hundreds; a foreign page naming
# a few Vietnamese people or places has a handful.
_MIN_VI_LETTERS = 30

_HIDDEN = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_SENTENCE_CHARS = 40  # text between tags at least this long reads as prose, not menus


def language_of(text: str) -> str:
    """ISO 639 code of the language `text` is written in ("vi", "en", "zh"...)."""
    import py3langid

    lang, _ = py3langid.classify(text[:_SAMPLE_CHARS])
    return str(lang)


def could_be_vietnamese(page: str) -> bool:
    """False when a page holds too few Vietnamese letters to carry a Vietnamese article."""
    # islice stops the scan at the threshold: a long Vietnamese page is not counted to its end.
    return sum(1 for _ in islice(_VI_LETTERS.finditer(page), _MIN_VI_LETTERS)) >= _MIN_VI_LETTERS


def visible_text(page: str) -> str:
    """The prose of an HTML page, roughly: text between tags, longer runs first in page order."""
    runs = [_SPACE.sub(" ", html.unescape(run)).strip() for run in _TAG.split(_HIDDEN.sub(" ", page))]
    prose = [run for run in runs if len(run) >= _SENTENCE_CHARS]
    return " ".join(prose or [run for run in runs if run])
