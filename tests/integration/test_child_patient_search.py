"""A child patient beside a condition: children's specialists come first through the API."""

from __future__ import annotations

import pytest

from directory.vocabulary import default_vocabulary


def _codes(client, q: str, count: int = 5) -> list[str]:
    response = client.get("/api/v1/physicians", query_string={"q": q, "per_page": 10})
    assert response.status_code == 200
    return [hit["specialties"][0]["code"] for hit in response.get_json()["results"][:count]]


@pytest.mark.parametrize(
    "text",
    [
        "my daughter has a heart murmur",
        "my 6 year old has asthma",
        "seizures in my baby",
        "toddler with eczema",
        "14 yo with migraines",
    ],
)
def test_a_child_with_a_condition_sees_childrens_physicians_first(client, text):
    vocabulary = default_vocabulary()
    first = _codes(client, text)
    assert first and all(vocabulary.for_children(code) for code in first), first


def test_an_adult_with_the_same_condition_sees_adult_specialists(client):
    vocabulary = default_vocabulary()
    first = _codes(client, "my mom has a heart murmur")
    assert first and not any(vocabulary.for_children(code) for code in first), first
