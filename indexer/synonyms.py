"""Search-time synonym rules and vocabulary-index documents, generated from the vocabulary."""

from __future__ import annotations

from collections.abc import Iterator

from directory.text import compact_icd10, icd10_prefixes, normalize_term
from directory.vocabulary import Specialty, Vocabulary
from indexer.mapping import synonym_rules


def searchable_specialties(vocabulary: Vocabulary) -> list[Specialty]:
    """Specialties people search for: curated ones and every physician specialty."""
    return [s for s in vocabulary.specialties.values() if s.lay_name or s.is_physician]


def physician_synonyms(vocabulary: Vocabulary) -> list[str]:
    groups = [(c.name, *c.synonyms) for c in vocabulary.concepts.values()]
    groups += [
        (s.name, s.lay_name or "", *s.synonyms)
        for s in vocabulary.specialties.values()
        if s.lay_name or s.synonyms
    ]
    return synonym_rules(groups)


def code_starts(codes) -> list[str]:
    """Every start of the codes from the category on: M96.1 -> M961, M96. Autocomplete
    finds an entry by the first characters of its code with a ``term`` query."""
    compact = (compact_icd10(code) for code in codes)
    return sorted({start for code in compact if code for start in icd10_prefixes(code)})


def vocabulary_documents(vocabulary: Vocabulary) -> Iterator[dict]:
    for concept in vocabulary.concepts.values():
        keys = {normalize_term(t) for t in (concept.name, concept.id, *concept.synonyms)}
        yield {
            "id": concept.id,
            "kind": concept.kind,
            "name": concept.name,
            "synonyms": list(concept.synonyms),
            "match_keys": sorted(keys - {""}),
            "icd10": list(concept.icd10),
            "icd10_compact": [compact_icd10(code) or code for code in concept.icd10],
            "icd10_prefixes": code_starts(concept.icd10),
            "specialty_codes": [s.code for s in concept.specialties],
            "body_system": concept.body_system,
            "summary": concept.summary,
        }
    for specialty in searchable_specialties(vocabulary):
        names = [specialty.name, specialty.lay_name or "", *specialty.synonyms]
        yield {
            "id": specialty.code,
            "kind": "specialty",
            "name": specialty.lay_name or specialty.name,
            "synonyms": [n for n in names if n and n != (specialty.lay_name or specialty.name)],
            "match_keys": sorted({normalize_term(n) for n in names} - {""}),
            "icd10": [],
            "icd10_compact": [],
            "icd10_prefixes": [],
            "specialty_codes": [specialty.code, *specialty.also],
            "body_system": "specialty",
            "summary": specialty.definition[:500],
        }
