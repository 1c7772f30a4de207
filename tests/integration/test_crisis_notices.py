"""Someone who types that they may be in danger sees who to call before anything else."""

from __future__ import annotations

import re

from conftest import make_app

CRISIS = "/search?q=i+want+to+kill+myself&location=06106"


def test_the_results_page_puts_988_and_911_before_the_results(client):
    response = client.get(CRISIS)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    notice = html.index('class="crisis"')
    assert notice < html.index('id="page-title"')  # before the heading, let alone the results
    assert 'href="tel:988"' in html and 'href="sms:988"' in html and 'href="tel:911"' in html
    assert "Suicide &amp; Crisis Lifeline" in html
    # The search still runs: mental health physicians are listed below.
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert re.search(r"\d+ physicians found within 25 miles of Hartford", words)
    assert "Psychiatrist" in words[words.index("physicians found") :]


def test_spanish_words_show_the_spanish_wording(client):
    html = client.get("/search?q=quiero+morir").get_data(as_text=True)
    assert '<p class="crisis__message" lang="es">' in html
    assert "oprima 2 para español" in html


def test_ordinary_searches_and_other_pages_show_no_notice(client):
    for path in ("/search?q=knee+pain&location=06106", "/", "/help"):
        assert 'class="crisis"' not in client.get(path).get_data(as_text=True)


def test_the_notice_shows_above_a_form_error_and_an_outage_too(client):
    too_long = client.get("/search?q=self+harm&radius=9999")
    assert too_long.status_code == 400 and 'href="tel:988"' in too_long.get_data(as_text=True)
    down = make_app("physicians", ELASTICSEARCH_URL="http://127.0.0.1:9").test_client()
    outage = down.get("/search?q=suicidal")
    assert outage.status_code == 503 and 'href="tel:988"' in outage.get_data(as_text=True)


def test_the_api_carries_the_notices_beside_the_results(client):
    body = client.get("/api/v1/physicians?q=self-harm").get_json()
    (notice,) = body["notices"]
    assert notice["kind"] == "suicide_crisis" and notice["message_es"] is None
    assert {"label": notice["contacts"][0]["label"], "phone": "988", "text": True} in notice[
        "contacts"
    ]
    assert body["total"] > 0
    assert client.get("/api/v1/physicians?q=knee+pain").get_json()["notices"] == []
    overdose = client.get("/api/v1/physicians?q=overdose").get_json()
    assert [c["phone"] for c in overdose["notices"][0]["contacts"]] == ["911", "1-800-222-1222"]
    # and below it, who treats addiction
    assert overdose["total"] > 0
    assert [t["id"] for t in overdose["resolved"]["terms"]] == ["opioid-use-disorder"]
