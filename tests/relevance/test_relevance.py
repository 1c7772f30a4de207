"""Relevance never silently regresses: the judged query set holds its floor.

The numbers come from tests/relevance/evaluate.py on the session's demo index
(3,000 demo physicians + the 1,000-row NPPES sample). Measured when written:
mean P@10 0.961, mean nDCG@10 0.968 over 72 queries.
"""

from __future__ import annotations

import pytest

from relevance.evaluate import evaluate, load_judgments, summary

FLOOR_PRECISION = 0.93
FLOOR_NDCG = 0.93
FAILED_BACK_FAMILY = {
    "failed back syndrome",
    "pain after back surgery",
    "post laminectomy syndrome",
    "M96.1",
    "spinal cord stimulator",
    "pain pump",
    "revision spine surgery",
}


@pytest.fixture(scope="module")
def scores(search_app):
    client = search_app.test_client()

    def get_json(params):
        response = client.get("/api/v1/physicians", query_string=params)
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    return evaluate(get_json, load_judgments())


def test_judged_set_is_big_and_covers_the_failed_back_family():
    judged = load_judgments()
    assert len(judged) >= 60
    assert FAILED_BACK_FAMILY <= {q["q"] for q in judged}


def test_mean_precision_and_ndcg_hold_the_floor(scores):
    precision, ndcg = summary(scores)
    weak = [(s.query["q"], round(s.precision, 2)) for s in scores if s.precision < 0.7]
    assert precision >= FLOOR_PRECISION, f"P@10 {precision:.3f}; weakest: {weak}"
    assert ndcg >= FLOOR_NDCG, f"nDCG@10 {ndcg:.3f}"


def test_failed_back_family_is_right_on_every_query(scores):
    for s in scores:
        if s.query["q"] in FAILED_BACK_FAMILY:
            assert s.precision >= 0.9, (s.query, s.top)
            assert s.shown > 0
