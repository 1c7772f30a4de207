"""Relevance of the judged query set: precision@10 and nDCG@10.

    .venv/bin/python tests/relevance/evaluate.py            # against PHYSICIAN_INDEX_ALIAS
    PHYSICIAN_INDEX_ALIAS=physicians .venv/bin/python tests/relevance/evaluate.py -v

A hit is relevant when one of its specialties is in the query's ``relevant_specialties``
(``207X*`` is a prefix) or its NPI is in ``relevant_npis``. P@10 divides by the number
of hits shown (at most 10) — or, for NPI-judged queries, by the number of relevant NPIs.
nDCG@10 uses binary gains; the ideal ranking puts every relevant hit among the top 50
first. tests/relevance/test_relevance.py holds the floor so relevance never silently regresses.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGMENTS = HERE / "judgments.json"
K = 10
POOL = 50


@dataclass(frozen=True)
class QueryScore:
    query: dict
    precision: float
    ndcg: float
    shown: int
    top: tuple[str, ...]


def load_judgments(path: Path = JUDGMENTS) -> list[dict]:
    return json.loads(path.read_text())["queries"]


def is_relevant(hit: dict, judged: dict) -> bool:
    if hit["npi"] in judged.get("relevant_npis", ()):
        return True
    for code in (s["code"] for s in hit["specialties"]):
        for wanted in judged.get("relevant_specialties", ()):
            if code == wanted or (wanted.endswith("*") and code.startswith(wanted[:-1])):
                return True
    return False


def _dcg(gains: list[int]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def score(judged: dict, hits: list[dict]) -> QueryScore:
    gains = [int(is_relevant(hit, judged)) for hit in hits]
    top = gains[:K]
    if "relevant_npis" in judged:
        denominator = min(K, len(judged["relevant_npis"]))
    else:
        denominator = min(K, len(top))
    precision = sum(top) / denominator if denominator else 0.0
    ideal = _dcg(sorted(gains, reverse=True)[:K])
    ndcg = _dcg(top) / ideal if ideal else 0.0
    names = tuple(
        f"{h['name']} ({h['specialties'][0]['name'] if h['specialties'] else '?'})"
        for h in hits[:3]
    )
    return QueryScore(judged, precision, ndcg, len(top), names)


def evaluate(get_json, judgments: list[dict]) -> list[QueryScore]:
    """``get_json(params) -> response dict`` runs one API search."""
    scores = []
    for judged in judgments:
        params = {"q": judged["q"], "per_page": POOL}
        if judged.get("location"):
            params |= {"location": judged["location"], "radius": judged.get("radius", 25)}
        scores.append(score(judged, get_json(params)["results"]))
    return scores


def summary(scores: list[QueryScore]) -> tuple[float, float]:
    return (
        sum(s.precision for s in scores) / len(scores),
        sum(s.ndcg for s in scores) / len(scores),
    )


def main() -> None:
    sys.path.insert(0, str(HERE.parent.parent))
    from app import create_app

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    args = parser.parse_args()
    client = create_app({"RATELIMIT_ENABLED": False}).test_client()

    def get_json(params):
        return client.get("/api/v1/physicians", query_string=params).get_json()

    scores = evaluate(get_json, load_judgments())
    for s in scores:
        if args.verbose or s.precision < 0.8:
            where = f" @{s.query['location']}" if s.query.get("location") else ""
            print(f"P@10 {s.precision:.2f} nDCG {s.ndcg:.2f}  {s.query['q']!r}{where}: {s.top}")
    precision, ndcg = summary(scores)
    print(f"{len(scores)} judged queries: mean P@10 {precision:.3f}, mean nDCG@10 {ndcg:.3f}")


if __name__ == "__main__":
    main()
