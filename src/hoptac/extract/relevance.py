"""Relevance: how likely an article is to report local international cooperation at all.

A logistic regression over TF-IDF word unigrams and bigrams, trained by
`benchmarks/train_relevance.py` on the hand-labelled articles of
`benchmarks/data/relevance_labels.csv` and shipped as `data/relevance_model.json`
(vocabulary, idf, weights, intercept and the threshold below which an article is
passed over). The extractor's rules decide what an article reports; this only
sets aside articles whose words are those of celebrity, sport, crime or market
news, where a name read as a place would otherwise make an event.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-case words and word pairs: the model's features, in training and here alike."""
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class Model:
    def __init__(self, data: dict) -> None:
        self.threshold: float = data["threshold"]
        self.intercept: float = data["intercept"]
        self.terms: dict[str, tuple[float, float]] = {t: (idf, w) for t, idf, w in data["terms"]}

    def probability(self, text: str) -> float:
        counts = Counter(t for t in tokens(text) if t in self.terms)
        values = {t: (1.0 + math.log(n)) * self.terms[t][0] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        score = self.intercept + sum(v / norm * self.terms[t][1] for t, v in values.items())
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def model() -> Model:
    data = resources.files("hoptac.extract").joinpath("data/relevance_model.json").read_text(encoding="utf-8")
    return Model(json.loads(data))


def unrelated(text: str) -> bool:
    """Whether the article's words are too far from cooperation news for any event to be read in it."""
    m = model()
    return m.probability(text) < m.threshold
