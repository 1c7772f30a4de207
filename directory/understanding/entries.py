"""What one term of the lexicon means, and the rules for merging terms that collide.

A term ("pinched nerve", "knee", "takes aetna") maps to one :class:`Entry`. When several
sources give the same term a meaning, the best *tier* wins (a curator's word over a
generated form), then the kind that says most about the search (a specialty over a
condition: "pediatrician" names a kind of doctor before it names well-child care), and
entries of that same kind merge their ids ("arthritis" means two conditions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from directory.understanding.typos import english_counts

# Tiers, best first.
CURATED = 0  # staff-curated additions (database), able to override anything
VOCABULARY = 1  # vocabulary files, specialties.json and lexicon.json
NUCC = 2  # official NUCC display names
DERIVED = 3  # generated forms: "-ology" <-> "-ologist", names without "Physician"

# Which reading of a shared term wins, best first.
KIND_PRIORITY = (
    "specialty",
    "condition",
    "procedure",
    "context",
    "filter",
    "near_me",
    "body_part",
    "symptom",
)
CONCEPT_KINDS = ("condition", "procedure")


@dataclass(frozen=True, slots=True)
class Entry:
    """The meaning of a term.

    ``ids`` are concept ids (condition, procedure, body part, symptom, context), NUCC codes
    (specialty) or stored filter values (filter); ``codes`` are the NUCC codes a search for
    the term asks for (a specialty with its ``also`` codes; a body part's specialties).
    """

    kind: str
    ids: tuple[str, ...]
    label: str
    exact: bool = False  # the term is the entry's own name, not a synonym
    codes: tuple[str, ...] = ()
    filter: str | None = None
    ref: str = ""  # body part, symptom or context id, for the composition rules


def merge(current: tuple[int, Entry] | None, tier: int, entry: Entry) -> tuple[int, Entry]:
    """The (tier, entry) a term keeps once ``entry`` from ``tier`` is added."""
    if current is None:
        return tier, entry
    held_tier, held = current
    if tier != held_tier:
        return (tier, entry) if tier < held_tier else current
    rank_new, rank_held = KIND_PRIORITY.index(entry.kind), KIND_PRIORITY.index(held.kind)
    if rank_new != rank_held:
        return (tier, entry) if rank_new < rank_held else current
    if entry.kind not in ("condition", "procedure", "specialty") or set(entry.ids) <= set(held.ids):
        return current
    merged = replace(
        held,
        ids=tuple(dict.fromkeys((*held.ids, *entry.ids))),
        codes=tuple(dict.fromkeys((*held.codes, *entry.codes))),
        exact=held.exact and entry.exact,
    )
    return tier, merged


_SUFFIXES = (("ology", "ologist"), ("iatry", "iatrist"), ("ics", "ician"), ("ery", "eon"))


def derived_forms(term: str) -> set[str]:
    """Other ways people write a specialty term: "cardiology" <-> "cardiologist", and the
    display name without "physician" ("nuclear medicine physician" -> "nuclear medicine")."""
    words = term.split()
    forms: set[str] = set()
    if len(words) > 1 and words[-1] in ("physician", "specialist"):
        forms.add(" ".join(words[:-1]))
        # "pediatric dermatology physician" -> "pediatric dermatologist" too
        forms |= derived_forms(" ".join(words[:-1]))
    for index, word in enumerate(words):
        if word == "physician":  # not "physics"
            continue
        for field_form, person_form in _SUFFIXES:
            for old, new in ((field_form, person_form), (person_form, field_form)):
                if word.endswith(old) and len(word) > len(old) + 2:
                    changed = word[: -len(old)] + new
                    forms.add(" ".join((*words[:index], changed, *words[index + 1 :])))
    forms.discard(term)
    return forms


def without_parentheses(name: str) -> str:
    """ "Sports Medicine (Emergency Medicine) Physician" -> "Sports Medicine Physician"."""
    return re.sub(r"\s*\([^)]*\)", "", name)


def interior_stripped(term: str, determiners: frozenset[str]) -> str:
    """ "blood clot in the leg" -> "blood clot in leg": the parser skips determiners inside a
    phrase ("blood clot in my leg"), so the key it looks up has none either. The first and
    last words stay ("T&A" is not "T")."""
    words = term.split()
    if len(words) < 3:
        return term
    inner = [w for w in words[1:-1] if w not in determiners]
    return " ".join((words[0], *inner, words[-1]))


# Endings in "s" that are not plurals: "abscess", "sinus", "arthritis", "nervous".
_NOT_PLURAL = ("ss", "us", "is", "ous")


def singular_phrase(term: str, exact: frozenset[str]) -> str | None:
    """ "irregular periods" -> "irregular period": a phrase of two or more words whose last
    word is a regular English plural ("-s" after a letter that keeps it, "-ies"), the
    singular an English word ("type 2 diabetes" has none: "diabete" is no word)."""
    words = term.split()
    last = words[-1]
    if len(words) < 2 or len(last) < 5 or last in exact or not last.isalpha():
        return None
    if last.endswith("ies"):
        base = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(_NOT_PLURAL):
        base = last[:-1]
    else:
        return None
    if base not in english_counts():
        return None
    return " ".join((*words[:-1], base))
