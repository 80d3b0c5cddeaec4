"""Interface strings of the dashboard in Vietnamese and English (data/ui.csv: key, vi, en)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from hoptac.textnorm import fold

LANGUAGES = ("vi", "en")


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    """Interface strings by language, from data/ui.csv (key, vi, en)."""
    text = resources.files("hoptac.web").joinpath("data/ui.csv").read_text(encoding="utf-8")
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for row in csv.DictReader(text.splitlines()):
        for lang in LANGUAGES:
            table[lang][row["key"]] = row[lang] or row["en"]
    return table


@lru_cache(maxsize=1)
def field_names() -> dict[str, str]:
    """Each cooperation field's Vietnamese and English name and its code, folded -> code."""
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        for key, text in messages()[lang].items():
            if key.startswith("field_") and text:
                out.setdefault(fold(text), key.removeprefix("field_"))
                out.setdefault(key.removeprefix("field_").replace("_", " "), key.removeprefix("field_"))
    return out
