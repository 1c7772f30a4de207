"""Index settings, analyzers and mappings: the one source of truth.

The indexer creates indices from these bodies, the tests build their throwaway
indices from them, and docs/index-design.md explains them.

Synonyms are applied at *search* time (``clinical_search``), generated from the
condition and specialty vocabularies on every rebuild: changing the vocabulary
never needs the documents re-analysed, only a new index whose settings carry the
new rules (a rebuild of 5,000 profiles takes seconds; of 1M, minutes), so we
rebuild rather than juggle reloadable analyzers.
"""

from __future__ import annotations

from collections.abc import Iterable

from directory.accuracy.mapping import ACCURACY_PROPERTIES
from directory.text import normalize_term

# Replicas after loading: none on a single node, one as soon as a second node joins.
AUTO_EXPAND_REPLICAS = "0-1"

_FOLDING_FILTERS = ["lowercase", "asciifolding"]
_ENGLISH_FILTERS = ["english_possessive", "english_stop", "english_stemmer"]

_ANALYSIS_BASE: dict = {
    "filter": {
        "english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "english_stop": {"type": "stop", "stopwords": "_english_"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
        "autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
    },
    "normalizer": {
        "folded": {"type": "custom", "filter": _FOLDING_FILTERS},
    },
    # "O'Neill", "O’Neill" and "ONeill" index and search as one word, "oneill": NPPES and
    # rosters write the same surname all three ways (app.search.physician_names too).
    "char_filter": {
        "apostrophes": {"type": "mapping", "mappings": ["'=>", "’=>", "`=>"]},
    },
    "analyzer": {
        "clinical_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": _FOLDING_FILTERS + _ENGLISH_FILTERS,
        },
        "person_name": {
            "type": "custom",
            "char_filter": ["apostrophes"],
            "tokenizer": "standard",
            "filter": _FOLDING_FILTERS,
        },
        "autocomplete_index": {
            "type": "custom",
            "char_filter": ["apostrophes"],
            "tokenizer": "standard",
            "filter": _FOLDING_FILTERS + ["autocomplete_edge"],
        },
    },
}


def synonym_rules(groups: Iterable[Iterable[str]]) -> list[str]:
    """Solr-style equivalence rules ("slipped disc, herniated disc") from groups of terms."""
    rules = []
    for group in groups:
        terms = sorted({normalize_term(t) for t in group} - {""})
        if len(terms) > 1:
            rules.append(", ".join(terms))
    return sorted(rules)


def _analysis(synonyms: list[str]) -> dict:
    analysis = {key: dict(value) for key, value in _ANALYSIS_BASE.items()}
    analysis["filter"]["clinical_synonyms"] = {
        "type": "synonym_graph",
        "synonyms": synonyms or ["placeholder term, placeholder term"],
        # Skip a rule whose words analyse to nothing rather than fail the index.
        "lenient": True,
    }
    analysis["analyzer"]["clinical_search"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": _FOLDING_FILTERS + ["clinical_synonyms"] + _ENGLISH_FILTERS,
    }
    return analysis


def _text(analyzer: str = "clinical_text", **extra) -> dict:
    return {"type": "text", "analyzer": analyzer, "search_analyzer": "clinical_search", **extra}


KEYWORD = {"type": "keyword"}
FOLDED_KEYWORD = {"type": "keyword", "normalizer": "folded"}
STORED_ONLY = {"type": "object", "enabled": False}
AUTOCOMPLETE = {"type": "text", "analyzer": "autocomplete_index", "search_analyzer": "person_name"}

PHYSICIAN_PROPERTIES: dict = {
    "npi": KEYWORD,
    "full_name": {
        "type": "text",
        "analyzer": "person_name",
        "fields": {"autocomplete": AUTOCOMPLETE},
    },
    "last_name": {"type": "text", "analyzer": "person_name", "fields": {"keyword": KEYWORD}},
    "sort_name": FOLDED_KEYWORD,
    "name": STORED_ONLY,
    "credentials": KEYWORD,
    "gender": KEYWORD,
    "specialties": STORED_ONLY,
    "specialty_codes": KEYWORD,
    "primary_specialty": KEYWORD,
    # "Physician" (MD/DO) or the NUCC classification of the primary specialty: a facet.
    "clinician_type": KEYWORD,
    # Share of the profile's optional facts that are filled in: a tie-breaker, never a filter.
    "profile_completeness": {"type": "half_float"},
    "specialty_names": _text(),
    # Condition and procedure ids by how strongly the physician is tied to them.
    "conditions_claimed": KEYWORD,
    "conditions_derived_first": KEYWORD,
    "conditions_derived_second": KEYWORD,
    "conditions_derived_other": KEYWORD,
    "procedures_claimed": KEYWORD,
    "procedures_derived": KEYWORD,
    "condition_names": _text(),
    "procedure_names": _text(),
    "icd10_codes": KEYWORD,
    "languages": KEYWORD,
    "insurance": KEYWORD,
    "accepting_new_patients": {"type": "boolean"},
    "telehealth": {"type": "boolean"},
    "locations": STORED_ONLY,
    "location_points": {"type": "geo_point"},
    "cities": FOLDED_KEYWORD,
    "states": KEYWORD,  # postal codes: a search in a whole state (Place.whole_state)
    "zips": KEYWORD,
    "hospital_affiliations": KEYWORD,
    "education": STORED_ONLY,
    "board_certifications": STORED_ONLY,
    "bio": _text(),
    "source": KEYWORD,
    "last_verified": {"type": "date", "format": "strict_date"},
    "active": {"type": "boolean"},
    # Scheduling notes, per-fact freshness, staff corrections: see directory/accuracy.
    **ACCURACY_PROPERTIES,
}

VOCABULARY_TEXT = {
    "type": "text",
    "analyzer": "clinical_text",
    "fields": {"autocomplete": AUTOCOMPLETE, "plain": {"type": "text", "analyzer": "person_name"}},
}

VOCABULARY_PROPERTIES: dict = {
    "id": KEYWORD,
    "kind": KEYWORD,
    # Stemmed for word matches, plain for phrases and fuzzy typos, edge n-grams for typing.
    "name": VOCABULARY_TEXT,
    "synonyms": VOCABULARY_TEXT,
    "match_keys": KEYWORD,
    "icd10": KEYWORD,
    "icd10_compact": KEYWORD,
    # Each code's category and every longer start (M96, M961): autocomplete by a code prefix.
    "icd10_prefixes": KEYWORD,
    "specialty_codes": KEYWORD,
    "body_system": KEYWORD,
    "summary": {"type": "text", "index": False},
}


# Two primaries: Elasticsearch searches shards in parallel, so one query (and one bulk
# request) can use both cores of a small machine; measured in docs/benchmarks.md.
PHYSICIAN_SHARDS = 2


def physician_index_body(synonyms: list[str], shards: int = PHYSICIAN_SHARDS) -> dict:
    """Body for a new physician index, ready for bulk loading (refresh off, no replicas)."""
    return {
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": 0,
            "refresh_interval": "-1",
            "max_result_window": 10000,
            "analysis": _analysis(synonyms),
        },
        "mappings": {"dynamic": "strict", "properties": PHYSICIAN_PROPERTIES},
    }


def vocabulary_index_body(fingerprint: str | None = None) -> dict:
    """``fingerprint``: of the vocabulary the index is built from (``_meta``), so a start
    after an upgrade can tell the index is older than the files (``indexer ensure``)."""
    mappings: dict = {"dynamic": "strict", "properties": VOCABULARY_PROPERTIES}
    if fingerprint:
        mappings["_meta"] = {VOCABULARY_FINGERPRINT: fingerprint}
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": _analysis([]),
        },
        "mappings": mappings,
    }


VOCABULARY_FINGERPRINT = "vocabulary_fingerprint"


# Settings restored once a bulk load is verified.
SERVING_SETTINGS = {
    "index": {"refresh_interval": None, "auto_expand_replicas": AUTO_EXPAND_REPLICAS}
}
