"""The directory's surnames for the parser (app/search/known_names.py)."""

from __future__ import annotations

from elasticsearch import exceptions as es_errors

from app.search.known_names import KnownNames, surname_words


def test_surnames_are_read_word_by_word_as_the_parser_reads_them():
    words = surname_words(["De La Cruz", "O'Neill", "Smith-Jones", "NÚÑEZ", "Li"])
    assert words == {"cruz", "neill", "smith", "jones", "nunez"}  # "de", "la", "li" too short


class _Node:
    def __init__(self, surnames):
        self.surnames, self.calls = surnames, 0

    def search(self, **_):
        self.calls += 1
        if self.surnames is None:
            raise es_errors.ConnectionError("N/A", "down", None)
        return {"aggregations": {"surnames": {"buckets": [{"key": s} for s in self.surnames]}}}


def test_names_are_read_once_per_refresh_and_a_reload_shows_up_after_it():
    node, now = _Node(["Booth"]), [0.0]
    names = KnownNames(node, "physicians", refresh_seconds=600, clock=lambda: now[0])
    assert names.names() == {"booth"} and names.names() == {"booth"}
    assert node.calls == 1
    node.surnames, now[0] = ["Booth", "Watts"], 601.0
    assert names.names() == {"booth", "watts"}


def test_an_outage_keeps_the_last_names_and_never_fails_a_search():
    node, now = _Node(None), [0.0]
    names = KnownNames(node, "physicians", refresh_seconds=600, clock=lambda: now[0])
    assert names.names() == frozenset()
    node.surnames, now[0] = ["Booth"], 10.0
    assert names.names() == frozenset() and node.calls == 1  # not a read per search
    now[0] = 31.0  # the node is back: read again soon after, not ten minutes later
    assert names.names() == {"booth"}
    now[0] = 601.0
    node.surnames, now[0] = None, 632.0
    assert names.names() == {"booth"}
