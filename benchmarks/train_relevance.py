"""Train the relevance model the extractor ships (`src/hoptac/extract/data/relevance_model.json`).

Reads the hand labels of `data/relevance_labels.csv` (ids ending in 0-6 only),
cleans each labelled article of the corpus as the pipeline does, fits a
TF-IDF + logistic regression classifier (scikit-learn, the `train` extra) and
writes its vocabulary, idf, weights and intercept. Before writing, it prints
five-fold cross-validated figures at the threshold: the share of `in` articles
the model would set aside (recall lost) and of `out` articles it sets aside.

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python benchmarks/train_relevance.py
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "relevance_labels.csv"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
MODEL = HERE.parent / "src" / "hoptac" / "extract" / "data" / "relevance_model.json"
# Below it an article is set aside, unless its main event is a locality with a foreign locality or agency
# (then only below the extractor's STRONG_FLOOR). Chosen by the cross-validated figures this script prints.
THRESHOLD = 0.15
FEATURES = 10_000
C = 4.0


def _texts(corpus: Path, labels: dict[str, str]) -> tuple[list[str], list[int], list[bool], list[bool]]:
    """Each labelled article's clean text, label, whether the rules alone give it a fact, and whether its
    main event is a Vietnamese locality with a foreign locality or agency."""
    import hoptac.extract
    from hoptac import pipeline
    from hoptac.extract.relevance import local_with_local
    from hoptac.ingest import Rejected, read_paths

    texts, ys, flagged, strong = [], [], [], []
    for doc in read_paths([str(corpus)]):
        if isinstance(doc, Rejected):
            continue
        ident = doc.source.rsplit("#", 1)[-1]
        if ident not in labels or ident[-1:] in "789":
            continue
        article = pipeline.prepare(doc)
        events, relations = hoptac.extract.extract_facts(article.text, published=article.published, use_model=False)
        texts.append(article.text)
        ys.append(int(labels[ident] == "in"))
        flagged.append(bool(events or relations))
        strong.append(bool(events) and local_with_local(events[0]))
    return texts, ys, flagged, strong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"error: {args.corpus}: no such corpus file")
    try:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        sys.exit('error: scikit-learn is missing: pip install -e ".[train]"')

    from hoptac.extract.relevance import STRONG_FLOOR, tokens

    with LABELS.open(encoding="utf-8", newline="") as f:
        labels = {row["id"]: row["label"] for row in csv.DictReader(f)}
    texts, ys, rules, sure = _texts(args.corpus, labels)
    y, flagged, strong = np.array(ys), np.array(rules), np.array(sure)

    def fit(docs: list[str], target: np.ndarray) -> tuple[TfidfVectorizer, LogisticRegression]:
        vec = TfidfVectorizer(analyzer=tokens, min_df=3, max_features=FEATURES, sublinear_tf=True)
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        clf.fit(vec.fit_transform(docs), target)
        return vec, clf

    held_out = np.zeros(len(texts))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, y):
        vec, clf = fit([texts[i] for i in train], y[train])
        held_out[test] = clf.predict_proba(vec.transform([texts[i] for i in test]))[:, 1]
    below = held_out < THRESHOLD
    set_aside = np.where(strong, held_out < STRONG_FLOOR, below)
    print(f"labelled articles: {len(texts)} ({y.sum()} in scope)")
    print(
        f"cross-validated, below {THRESHOLD}: {int((below & (y == 1)).sum())}/{int(y.sum())} in-scope articles, "
        f"{int((below & (y == 0)).sum())}/{int((y == 0).sum())} out-of-scope articles"
    )
    for name, kept in (("rules alone", flagged), ("rules and held-out model", flagged & ~set_aside)):
        right = int((kept & (y == 1)).sum())
        print(
            f"{name}: precision {right}/{int(kept.sum())} = {right / max(1, kept.sum()):.1%}, "
            f"recall {right}/{int(y.sum())} = {right / max(1, y.sum()):.1%}"
        )

    vec, clf = fit(texts, y)
    terms = sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])
    model = {
        "source": "benchmarks/train_relevance.py on benchmarks/data/relevance_labels.csv",
        "threshold": THRESHOLD,
        "intercept": round(float(clf.intercept_[0]), 6),
        "terms": [[t, round(float(vec.idf_[i]), 5), round(float(clf.coef_[0][i]), 5)] for t, i in terms],
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {len(terms)} terms)")


if __name__ == "__main__":
    main()
