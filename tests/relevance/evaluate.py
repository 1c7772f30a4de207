"""Relevance of the judged query sets, measured through the public JSON API.

    .venv/bin/python tests/relevance/evaluate.py --build        # throwaway alias, test data
    .venv/bin/python tests/relevance/evaluate.py -v             # against PHYSICIAN_INDEX_ALIAS
    .venv/bin/python tests/relevance/evaluate.py --build --half dev --persona patient -v

Every judged query is sent as ``GET /api/v1/physicians?q=...&per_page=50`` (plus
``location``/``radius`` when the query has a separate location field), exactly as a
client would. A second, structured request per query (specialty codes + the judged
place + the filters the text asks for, no text) counts R, how many relevant physicians
the data holds, and gives the judged place's coordinates. metrics.py defines the
scores; README.md the protocol. Per-query lines are shown for the dev half only unless
``--half test`` is given: tune on dev, report test.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `relevance` and the app importable
    sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parents[2])]

from relevance import judged as sets  # noqa: E402
from relevance.metrics import (  # noqa: E402
    POOL,
    K,
    Place,
    QueryScore,
    api_place,
    disagreements,
    score,
    summarise,
)

MAX_FILTER_VALUES = 50  # the API refuses more values for one filter
WEAK = 0.8


class EvaluationError(RuntimeError):
    """A structured (reference) request failed: the yardstick itself cannot be read."""


class Api:
    """The evaluator's only way in: the JSON API through a Flask test client."""

    def __init__(self, client):
        self._client = client
        self._insurance: dict[str, tuple[str, ...]] = {}
        self._structured: dict[tuple, dict] = {}

    def search(self, params: dict) -> dict:
        """A structured request (no text): many queries share one, so each runs once."""
        key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
        if key not in self._structured:
            response = self._client.get("/api/v1/physicians", query_string=params)
            if response.status_code != 200:
                raise EvaluationError(f"{params} -> {response.status_code}: {response.json}")
            self._structured[key] = response.get_json()
        return self._structured[key]

    def search_text(self, params: dict) -> dict:
        """A judged query: a refusal is what the user sees, so it scores as no results."""
        response = self._client.get("/api/v1/physicians", query_string=params)
        if response.status_code != 200:
            return {"total": 0, "results": [], "error": response.status_code}
        return response.get_json()

    def insurance_of(self, npi: str) -> tuple[str, ...]:
        if npi not in self._insurance:
            response = self._client.get(f"/api/v1/physicians/{npi}")
            body = response.get_json() if response.status_code == 200 else {}
            self._insurance[npi] = tuple(body.get("insurance") or ())
        return self._insurance[npi]


def reference(api: Api, judged: dict) -> tuple[int, Place | None]:
    """(R, the judged place's point): a structured request with no text at all."""
    params: dict = {"per_page": 1}
    where = sets.judged_place(judged)
    if where:
        params |= {"location": where, "radius": sets.judged_radius(judged)}
    if judged.get("relevant_npis"):
        count = len(judged["relevant_npis"])
        return count, (api_place(api.search(params)) if where else None)
    codes = sets.expand_codes(judged["relevant_specialties"])
    if len(codes) > MAX_FILTER_VALUES:
        raise EvaluationError(f"{judged['q']!r}: {len(codes)} specialty codes, the API takes 50")
    params["specialty"] = codes
    for name, value in (judged.get("requires") or {}).items():
        params[name] = "true" if value is True else value
    response = api.search(params)
    place = api_place(response) if where else None
    if where and place is None:
        raise EvaluationError(f"{judged['q']!r}: the API did not place {where!r}")
    return int(response["total"]), place


def evaluate(api: Api, queries: list[dict]) -> list[QueryScore]:
    scores = []
    for judged in queries:
        relevant_count, place = reference(api, judged)
        params = {"q": judged["q"], "per_page": POOL}
        if judged.get("location"):
            params |= {"location": judged["location"], "radius": sets.judged_radius(judged)}
        response = api.search_text(params)
        scores.append(score(judged, response, relevant_count, place, api.insurance_of))
    return scores


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


COLUMNS = (("", 26), ("n", 4), ("P@10", 7), ("nDCG@10", 8), ("shown", 7), ("zero results", 15),
           ("beyond radius", 17), ("place ignored", 14))  # fmt: skip


def _row(cells: list[str]) -> str:
    return "".join(
        cell.ljust(width) if i == 0 else cell.rjust(width)
        for i, (cell, (_, width)) in enumerate(zip(cells, COLUMNS, strict=True))
    )


def table(groups: list[tuple[str, list[QueryScore]]]) -> str:
    lines = [_row([name for name, _ in COLUMNS])]
    for label, scores in groups:
        if not scores:
            continue
        s = summarise(scores)
        lines.append(_row([
            label, str(s.queries), _number(s.precision), _number(s.ndcg),
            _number(s.shown_precision), f"{s.zero}/{s.answerable} {s.zero_rate:4.0%}",
            f"{s.beyond_hits} hits/{s.beyond_queries} q", f"{s.ignored}/{s.located}",
        ]))  # fmt: skip
    return "\n".join(lines)


def groups_for(label: str, scores: list[QueryScore]) -> list[tuple[str, list[QueryScore]]]:
    by = [(f"{label} all", scores)]
    by += [(f"{label} {p}", [s for s in scores if s.query["persona"] == p]) for p in sets.PERSONAS]
    by.append((f"{label} located", [s for s in scores if sets.is_located(s.query)]))
    by.append((f"{label} spine & pain", [s for s in scores if sets.is_spine_or_pain(s.query)]))
    return by


def describe(s: QueryScore) -> str:
    q = s.query
    where = f" @{sets.judged_place(q)}/{sets.judged_radius(q)}mi" if sets.is_located(q) else ""
    asks = f" {q['requires']}" if q.get("requires") else ""
    beyond = f" BEYOND {s.beyond_radius}" if s.beyond_radius else ""
    ignored = " place-ignored" if s.place_ignored else ""
    found = f"{s.relevant_top}/{min(K, s.relevant_count)}"
    return (
        f"P@10 {_number(s.precision)} nDCG {_number(s.ndcg)} {found}"
        f" R={s.relevant_count:<4d} total={s.total:<5d} [{q['persona']}] {q['q']!r}{where}{asks}"
        f"{beyond}{ignored}: {s.top}"
    )


def is_weak(s: QueryScore) -> bool:
    low = s.precision is not None and s.precision < WEAK
    return low or bool(s.beyond_radius) or (s.zero and s.query.get("answer_exists", True))


@contextmanager
def fixture_alias() -> Iterator[str]:
    """The relevance tests' data (demo profiles + NPPES sample) in a throwaway alias."""
    from itertools import chain

    from conftest import DEMO_TEST_COUNT, DEMO_TEST_SEED, SAMPLE_NPPES, drop_alias_indices

    from directory.connection import client_from_settings
    from directory.settings import settings
    from directory.vocabulary import default_vocabulary
    from indexer.demo import claims_from_vocabulary, generate
    from indexer.load import rebuild, rebuild_vocabulary
    from indexer.sources.nppes import read_nppes

    es = client_from_settings(settings(), timeout=120)
    alias = f"relevance-eval-{uuid.uuid4().hex[:8]}"
    vocabulary = default_vocabulary()
    try:
        rebuild_vocabulary(es, alias, vocabulary)
        profiles = generate(DEMO_TEST_COUNT, DEMO_TEST_SEED, claims_from_vocabulary())
        rebuild(es, alias, chain(profiles, read_nppes(SAMPLE_NPPES)), vocabulary)
        yield alias
    finally:
        drop_alias_indices(es, alias)


def report_everyday(api: Api, args: argparse.Namespace) -> None:
    scores = evaluate(api, sets.select(sets.load_everyday(), args.half, args.persona))
    shown = "test" if args.half == "test" else "dev"  # never list test queries unasked
    for s in scores:
        if s.query["half"] == shown and (args.verbose or is_weak(s)):
            print(describe(s))
    for s in disagreements(scores):
        judged = s.query["answer_exists"]
        print(f"JUDGMENT vs DATA: answer_exists={judged} R={s.relevant_count} {s.query['q']!r}")
    groups = []
    for half in sets.HALVES if args.half == "all" else (args.half,):
        groups += groups_for(half, [s for s in scores if s.query["half"] == half])
    if args.half == "all":
        groups += groups_for("both", scores)
    print(f"\neveryday phrasing ({sets.EVERYDAY.name}; tune on dev, report test)")
    print(table(groups))


def report_vocabulary(api: Api, args: argparse.Namespace) -> None:
    scores = evaluate(api, sets.load_vocabulary())
    if args.verbose:
        print("\n".join(describe(s) for s in scores))
    print(f"\nvocabulary set ({sets.VOCABULARY.name}; written beside the vocabulary)")
    print(table([("vocabulary", scores)]))


def report(api: Api, args: argparse.Namespace) -> None:
    if args.set in ("everyday", "both"):
        report_everyday(api, args)
    if args.set in ("vocabulary", "both") and args.persona is None:
        report_vocabulary(api, args)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    parser.add_argument("--half", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--persona", choices=sets.PERSONAS)
    parser.add_argument("--set", choices=("everyday", "vocabulary", "both"), default="both")
    parser.add_argument("--alias", help="physician alias (default PHYSICIAN_INDEX_ALIAS)")
    parser.add_argument(
        "--build", action="store_true", help="load the test data into a throwaway alias first"
    )
    args = parser.parse_args(argv)

    from app import create_app

    def run(alias: str | None) -> None:
        overrides = {"RATELIMIT_ENABLED": False, "TESTING": True}
        if alias:
            overrides["PHYSICIAN_INDEX_ALIAS"] = alias
        report(Api(create_app(overrides).test_client()), args)

    if args.build:
        with fixture_alias() as alias:
            run(alias)
    else:
        run(args.alias)


if __name__ == "__main__":
    main()
