"""'colon cancer surgery second opinion atlanta ga' read a surgical oncologist for colon
problems: near Atlanta, where none practises, it listed ten gastroenterologists. The
cancer's surgery is the cancer, and who treats it (oncologists, and its surgeons first
where they practise) is listed (blind probe 107)."""

from __future__ import annotations

import pytest

ONCOLOGY = ("207RX0202X", "207RH0003X", "2086X0206X", "2085R0001X")


@pytest.mark.parametrize(
    ("text", "location", "cancer"),
    [
        ("colon cancer surgery second opinion", "Atlanta, GA", "colon and rectal cancer"),
        ("breast cancer surgeon", "Chicago, IL", "breast cancer"),
    ],
)
def test_a_cancers_surgery_lists_who_treats_that_cancer(client, text, location, cancer):
    params = {"q": text, "location": location, "per_page": 10}
    found = client.get("/api/v1/physicians", query_string=params).get_json()
    assert cancer in found["interpretation"]["description"].lower()
    assert "Surgical oncologist" not in found["interpretation"]["description"]
    first = [hit["specialties"][0]["code"] for hit in found["results"][:5]]
    assert any(code in ONCOLOGY for code in first), first
