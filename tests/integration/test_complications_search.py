"""A complication asked beside its cause lists who treats the complication first: the
eye doctors for diabetic retinopathy screening, not the endocrinologists the diabetes
brings (data/lexicon.json ``complications``)."""

from __future__ import annotations

EYE_CARE = ("207W", "152W")  # ophthalmology, optometry


def _first(client, q: str, n: int = 5) -> list[str]:
    response = client.get(
        "/api/v1/physicians", query_string={"q": q, "location": "Boston, MA", "per_page": 20}
    )
    assert response.status_code == 200
    return [hit["specialties"][0]["code"] for hit in response.get_json()["results"][:n]]


def test_eye_screening_for_a_diabetic_lists_eye_doctors_first(client):
    asked = _first(client, "T2DM needs dilated eye exam, diabetic retinopathy screening")
    assert len(asked) == 5 and all(code.startswith(EYE_CARE) for code in asked)
    # the diabetes alone is still the endocrinologists'
    assert not any(code.startswith(EYE_CARE) for code in _first(client, "T2DM"))
