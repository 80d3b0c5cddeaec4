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

from hoptac.extract.scope import LOCAL_KINDS
from hoptac.models import Event

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Words and word pairs: the model's features, in training and here alike.

    A capitalised word counts only as one: names of places, people and firms are the 2017 training news's
    own, and a model that learnt them would judge an article by who is in it rather than by what it says.
    """
    words = [w if w.islower() else _NAME for w in _WORD.findall(text)]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


_NAME = "<name>"


class Model:
    def __init__(self, data: dict) -> None:
        self.threshold: float = data["threshold"]
        self.intercept: float = data["intercept"]
        self.terms: dict[str, tuple[float, float]] = {t: (idf, w) for t, idf, w in data["terms"]}

    def probability(self, text: str) -> float:
        # Every token counted at C speed, then the model's kept: faster than testing each token on the way.
        counts = Counter(tokens(text))
        values = {t: (1.0 + math.log(n)) * self.terms[t][0] for t, n in counts.items() if t in self.terms}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        score = self.intercept + sum(v / norm * self.terms[t][1] for t, v in values.items())
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def model() -> Model:
    data = resources.files("hoptac.extract").joinpath("data/relevance_model.json").read_text(encoding="utf-8")
    return Model(json.loads(data))


# A province dealing with a foreign locality or agency in the article's lead is set aside only below this: news
# of later years speaks of things the 2017 training articles never do (masks and ventilators given in 2020).
STRONG_FLOOR = 0.05


def relevance(text: str) -> float:
    """The model's probability that the article reports local international cooperation."""
    return model().probability(text)


def local_with_local(event: Event) -> bool:
    """A Vietnamese locality with a foreign locality or agency: what the rules read most surely."""
    return any(p.country == "VN" and p.kind in LOCAL_KINDS for p in event.parties) and any(
        p.country != "VN" and p.kind in (*LOCAL_KINDS, "agency") for p in event.parties
    )


def set_aside(probability: float, strong: bool) -> bool:
    """Whether an article of this probability is passed over; `strong` when its main event is a Vietnamese
    locality with a foreign locality or agency."""
    return probability < (STRONG_FLOOR if strong else model().threshold)
