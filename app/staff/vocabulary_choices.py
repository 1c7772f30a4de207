"""What a curator can map words to: every condition, procedure and searchable specialty."""

from __future__ import annotations

from functools import cache

from directory.text import normalize_term
from directory.vocabulary import default_vocabulary

NOISE_CHOICE = "noise:"


@cache
def target_choices() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(group label, ((value "kind:id", label), ...)) for a grouped <select>."""
    vocabulary = default_vocabulary()
    groups = []
    for kind, label in (("condition", "Conditions"), ("procedure", "Procedures")):
        concepts = sorted((c for c in vocabulary.concepts.values() if c.kind == kind), key=_name)
        groups.append((label, tuple((f"{kind}:{c.id}", c.name) for c in concepts)))
    # The indexer's rule (indexer.synonyms.searchable_specialties): curated or physician.
    specialties = [s for s in vocabulary.specialties.values() if s.lay_name or s.is_physician]
    named = sorted(((f"specialty:{s.code}", s.lay_name or s.name) for s in specialties), key=_label)
    groups.append(("Specialties", tuple(named)))
    return tuple(groups)


def _name(concept) -> str:
    return concept.name.lower()


def _label(pair: tuple[str, str]) -> str:
    return pair[1].lower()


@cache
def _labels() -> dict[str, str]:
    return {value: label for _, options in target_choices() for value, label in options}


def parse_target(value: str) -> tuple[str, str | None] | None:
    """ "condition:sciatica" -> ("condition", "sciatica"); "noise:" -> ("noise", None)."""
    if value == NOISE_CHOICE:
        return "noise", None
    if value not in _labels():
        return None
    kind, _, target = value.partition(":")
    return kind, target


def target_label(kind: str, target: str | None) -> str:
    if kind == "noise":
        return "Noise (ignore these words)"
    return _labels().get(f"{kind}:{target}", f"{kind} {target}")


@cache
def _known_terms() -> dict[str, str]:
    vocabulary = default_vocabulary()
    known = {term: c.name for c in vocabulary.concepts.values() for term in c.terms}
    for specialty in vocabulary.specialties.values():
        if specialty.lay_name or specialty.is_physician:
            for name in (specialty.name, specialty.lay_name or "", *specialty.synonyms):
                known.setdefault(normalize_term(name), specialty.lay_name or specialty.name)
    known.pop("", None)
    return known


def existing_meaning(term: str) -> str | None:
    """What the vocabulary files already map these words to, if anything."""
    return _known_terms().get(normalize_term(term))
