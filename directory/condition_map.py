"""The condition map: which conditions and procedures a physician's specialties imply.

A physician *claims* some conditions on their profile; their specialties *imply*
others through each concept's ranked specialty list in the vocabulary. The loader
stores only claims and the derived id fields; the app derives names and ranks
again when a profile is shown. Both use these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from directory.vocabulary import Concept, Vocabulary


@lru_cache(maxsize=4096)
def implied_concepts(
    vocabulary: Vocabulary, codes: tuple[str, ...]
) -> tuple[tuple[str, str, int], ...]:
    """(kind, concept id, best rank) implied by a set of specialties, best rank first.

    Cached: a national file has millions of physicians but only a few thousand
    distinct specialty combinations.
    """
    best: dict[str, int] = {}
    for code in codes:
        for concept, rank in vocabulary.concepts_for_specialty(code):
            if rank < best.get(concept.id, 99):
                best[concept.id] = rank
    ordered = sorted(best.items(), key=lambda item: (item[1], item[0]))
    return tuple((vocabulary.concepts[cid].kind, cid, rank) for cid, rank in ordered)


def linked_concepts(vocabulary: Vocabulary, kind: str, claimed: list[str], codes) -> list[dict]:
    """Claims first, then what the specialties imply: {id, name, claimed, rank}.

    Only the claimed ids are stored: names and what a specialty implies come from the
    vocabulary when a profile is shown, rather than being repeated in millions of documents.
    """
    linked = [
        {"id": c.id, "name": c.name, "claimed": True, "rank": 0}
        for c in claimed_concepts(vocabulary, kind, claimed)
    ]
    seen = set(claimed)
    for concept_kind, concept_id, rank in implied_concepts(vocabulary, tuple(codes)):
        if concept_kind == kind and concept_id not in seen:
            name = vocabulary.concepts[concept_id].name
            linked.append({"id": concept_id, "name": name, "claimed": False, "rank": rank})
    return linked


def claimed_concepts(vocabulary: Vocabulary, kind: str, claimed: list[str]) -> list[Concept]:
    """The concepts of ``kind`` the physician claims, in order, once each; ids the vocabulary
    doesn't know are dropped. The loader asks for ~20 per profile, millions of times."""
    found = map(_concepts_of_kind(vocabulary, kind).get, dict.fromkeys(claimed))
    return [concept for concept in found if concept is not None]


@lru_cache(maxsize=16)
def _concepts_of_kind(vocabulary: Vocabulary, kind: str) -> dict[str, Concept]:
    return {id_: c for id_, c in vocabulary.concepts.items() if c.kind == kind}


def specialty_ranks(vocabulary: Vocabulary, concept_ids: Iterable[str]) -> dict[str, int]:
    """NUCC code → its best place in the ranked specialty lists of the given concepts.

    The condition map ranks the specialties that treat each concept (0 = the best fit);
    a search for several concepts takes each specialty's best place among them.
    """
    best: dict[str, int] = {}
    for concept_id in concept_ids:
        concept = vocabulary.concepts.get(concept_id)
        for rank, specialty in enumerate(concept.specialties if concept else ()):
            if rank < best.get(specialty.code, 99):
                best[specialty.code] = rank
    return best
