"""Queries on the vocabulary index: resolving text to concepts, "did you mean", autocomplete.

Pure builders (validated text in, ``es.search`` keyword arguments out), split from
``app.search.query`` because they search the vocabulary, not physicians. User text only
reaches ``match``/``term`` queries.
"""

from __future__ import annotations

from directory.text import compact_icd10, icd10_prefixes, normalize_term

# An exact name/synonym/id or an ICD-10 code is what the user meant; fuzzy matches only
# count when nothing exact does (the service drops them when an exact hit exists).
EXACT_BOOST = 100
CODE_BOOST = 90  # a code is exact too, but a more specific code (M54.16) beats its category
PHRASE_BOOST = 20
WORDS_BOOST = 10
FUZZY_BOOST = 4
# Lucene builds an automaton per fuzzy term; a word longer than any medical one ("ø" x 480)
# makes it refuse ("Term too complex", a 500): such words are matched exactly only.
FUZZY_LONGEST = 40
VOCABULARY_TEXT_FIELDS = ("name", "synonyms")
VOCABULARY_PLAIN_FIELDS = ("name.plain", "synonyms.plain")


def resolution_query(text: str, size: int = 10) -> dict:
    """Find vocabulary entries (conditions, procedures, specialties) the text may mean."""
    key = normalize_term(text)
    should: list[dict] = [
        {
            "constant_score": {
                "filter": {"term": {"match_keys": key}},
                "boost": EXACT_BOOST,
                "_name": "exact",
            }
        },
    ]
    code = compact_icd10(text)
    if code:
        for position, prefix in enumerate(icd10_prefixes(code)):
            should.append(
                {
                    "constant_score": {
                        "filter": {"term": {"icd10_compact": prefix}},
                        "boost": CODE_BOOST - position,
                        # Names must be unique: ES drops matched_queries on duplicates.
                        "_name": f"code:{prefix}",
                    }
                }
            )
    should += [
        {
            "multi_match": {
                "query": text,
                "type": "phrase",
                "fields": list(VOCABULARY_PLAIN_FIELDS),
                "slop": 1,
                "boost": PHRASE_BOOST,
                "_name": "phrase",
            }
        },
        {
            "multi_match": {
                "query": text,
                "type": "cross_fields",
                "operator": "and",
                "fields": list(VOCABULARY_TEXT_FIELDS),
                "boost": WORDS_BOOST,
                "_name": "words",
            }
        },
    ]
    if all(len(w) <= FUZZY_LONGEST for w in text.split()):  # no word too long for edits
        should.append(
            {
                "multi_match": {
                    "query": text,
                    "type": "best_fields",
                    "operator": "and",
                    "fields": list(VOCABULARY_PLAIN_FIELDS),
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": FUZZY_BOOST,
                    "_name": "fuzzy",
                }
            }
        )
    return {
        "query": {"bool": {"should": should, "minimum_should_match": 1}},
        "size": size,
        "_source": ["id", "kind", "name", "specialty_codes"],
    }


def _fuzzy_words(text: str) -> list[str]:
    """The words of ``text`` short enough to match with edits (FUZZY_LONGEST)."""
    return [w for w in text.split() if len(w) <= FUZZY_LONGEST]


def did_you_mean_query(text: str, size: int = 3) -> dict:
    """Looser than resolution: any word, two edits. For 'no results' suggestions only."""
    words = " ".join(_fuzzy_words(text))
    if not words:
        return {"query": {"match_none": {}}, "size": size, "_source": ["id", "kind", "name"]}
    return {
        "query": {
            "multi_match": {
                "query": words,
                "fields": list(VOCABULARY_PLAIN_FIELDS),
                "fuzziness": 2,
                "prefix_length": 0,
                "operator": "or",
            }
        },
        "size": size,
        "_source": ["id", "kind", "name"],
    }


# A code or its first characters typed into the box ("M96", "M96.1", "m961"): the entries
# whose codes start with it come before any name that happens to hold those characters.
CODE_PREFIX_BOOST = CODE_BOOST


def suggest_search(text: str, size: int = 8) -> dict:
    """Autocomplete over vocabulary names and synonyms (edge n-grams), and over ICD-10-CM
    codes when the text is shaped like one or its category: "M96" offers every entry
    whose code starts M96 (M96.1, failed back surgery syndrome), code order first."""
    words = {
        "multi_match": {
            "query": text,
            "type": "best_fields",
            "fields": ["name.autocomplete^2", "synonyms.autocomplete"],
            "operator": "and",
        }
    }
    code = compact_icd10(text)
    if code is None:
        return {"query": words, "size": size, "_source": ["id", "kind", "name"]}
    starts = {"term": {"icd10_prefixes": code}}  # indexed starts: no prefix query on input
    return {
        "query": {
            "bool": {
                "should": [
                    {"constant_score": {"filter": starts, "boost": CODE_PREFIX_BOOST}},
                    words,
                ],
                "minimum_should_match": 1,
            }
        },
        "sort": ["_score", {"icd10_compact": {"order": "asc", "mode": "min"}}],
        "size": size,
        "_source": ["id", "kind", "name"],
    }
