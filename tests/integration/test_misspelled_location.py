"""A misspelled city in the location box ("Chicgo") is searched near the city it clearly
means, and the page and the API say so, with the other places spelled like it that have
physicians; one that is not clear ("Columbis") is still a form error with suggestions."""

from __future__ import annotations

import html
import re


def test_the_api_searches_the_city_clearly_meant_and_says_so(client):
    typed = client.get(
        "/api/v1/physicians", query_string={"q": "cardiologist", "location": "Hartfrod, CT"}
    )
    right = client.get(
        "/api/v1/physicians", query_string={"q": "cardiologist", "location": "Hartford, CT"}
    )
    assert typed.status_code == 200  # it had been a 400 "Please check your search"
    body, usual = typed.get_json(), right.get_json()
    assert body["total"] == usual["total"] > 0
    assert [h["npi"] for h in body["results"]] == [h["npi"] for h in usual["results"]]
    said = [s for s in body["suggestions"] if s["kind"] == "place_respelled"]
    assert said[0]["label"] == "Hartford, CT"
    assert "Hartfrod, CT" in said[0]["message"]
    assert all(s["count"] for s in said[1:])  # other spellings only where someone is


def test_the_page_says_which_place_was_searched(client):
    response = client.get("/search?q=cardiologist&location=Hartfrod,+CT")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    notice = re.search(r'<p class="did-you-mean" role="status">(.*?)</p>', page, re.S)
    assert notice is not None
    assert "Searching near Hartford, CT" in notice.group(1)
    assert "Hartfrod, CT" in notice.group(1)


def test_a_place_that_is_not_clear_is_still_asked_for(client):
    response = client.get(
        "/api/v1/physicians", query_string={"q": "cardiologist", "location": "Columbis"}
    )
    assert response.status_code == 400
    assert "Did you mean Columbus, OH or Columbia" in response.get_json()["detail"]


def test_a_misspelled_name_several_towns_share_asks_which_as_the_name_does(client):
    """'Springfeld' reads as 'Springfield' does: the biggest, the others one click away."""
    typed = client.get("/search?q=cardiologist&location=Springfeld").get_data(as_text=True)
    right = client.get("/search?q=cardiologist&location=Springfield").get_data(as_text=True)
    assert "Which Springfield did you mean?" in typed
    asked = re.findall(r'data-suggestion="choose_place">([^<]+)</a>', right)
    assert re.findall(r'data-suggestion="choose_place">([^<]+)</a>', typed) == asked
