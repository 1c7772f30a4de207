"""Curated clinical vocabulary: conditions, procedures and specialties.

The vocabulary is what lets a patient type "pain after back surgery", "pinched nerve" or "M96.1"
and land on physicians with the right NUCC taxonomy codes. It is read from three sources under
``data/``:

* ``nucc-provider-taxonomy.csv`` - every NUCC provider taxonomy code with its official names;
* ``specialties.json`` - patient-friendly names and search synonyms for common specialties;
* ``vocabulary/*.json`` - curated conditions and procedures (synonyms, ICD-10-CM codes, ranked
  specialties, related procedures/conditions and the plain-language library page text).

Both the indexer (to build the synonym and concept indices) and the web app (condition library
pages, specialty labels) use :func:`default_vocabulary`. :func:`load_vocabulary` checks the
structure of every vocabulary entry and raises :class:`ValueError` naming the file and entry on
a schema error or a duplicate id; cross-checks against external code sets live in the tests.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from directory.text import normalize_term

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

PHYSICIAN_GROUPING = "Allopathic & Osteopathic Physicians"
KINDS = ("condition", "procedure")
SECTION_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "condition": ("overview", "causes", "symptoms", "diagnosis", "treatment"),
        "procedure": ("overview", "who_it_helps", "what_to_expect", "recovery"),
    }
)
ENTRY_KEYS = frozenset(
    {
        "id",
        "kind",
        "name",
        "body_system",
        "synonyms",
        "icd10",
        "specialties",
        "related",
        "summary",
        "sections",
    }
)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BODY_SYSTEM = re.compile(r"^[a-z][a-z_-]*$")
_ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$")
_NUCC = re.compile(r"^[0-9A-Z]{9}X$")


@dataclass(frozen=True)
class SpecialtyRank:
    """One NUCC taxonomy code recommended for a concept, with the reason shown to patients."""

    code: str
    reason: str


@dataclass(frozen=True)
class Concept:
    """A curated condition or procedure."""

    id: str
    kind: str
    name: str
    body_system: str
    synonyms: tuple[str, ...]
    icd10: tuple[str, ...]
    specialties: tuple[SpecialtyRank, ...]
    related: tuple[str, ...]
    summary: str
    sections: Mapping[str, str] = field(compare=False)

    @property
    def terms(self) -> tuple[str, ...]:
        """The id, name and synonyms, each normalised, without duplicates."""
        seen = dict.fromkeys(
            normalize_term(t) for t in (self.id, self.name, *self.synonyms) if normalize_term(t)
        )
        return tuple(seen)


@dataclass(frozen=True)
class Specialty:
    """A NUCC taxonomy code, with the patient-friendly name from specialties.json if any."""

    code: str
    name: str  # NUCC Display Name
    grouping: str
    classification: str
    specialization: str
    definition: str
    lay_name: str | None = None
    synonyms: tuple[str, ...] = ()
    # Codes a search for this specialty also means ("pain doctor" → every pain medicine code).
    also: tuple[str, ...] = ()

    @property
    def is_physician(self) -> bool:
        return self.grouping == PHYSICIAN_GROUPING

    @property
    def clinician_type(self) -> str:
        """ "Physician" (MD/DO), else the NUCC classification: "Physical Therapist", ..."""
        return "Physician" if self.is_physician else self.classification


class Vocabulary:
    """All concepts and specialties, with lookup indices built once at construction."""

    def __init__(
        self,
        concepts: Mapping[str, Concept],
        specialties: Mapping[str, Specialty],
        ambiguous_synonyms: Mapping[str, str],
    ) -> None:
        self.concepts: dict[str, Concept] = dict(concepts)
        self.specialties: dict[str, Specialty] = dict(specialties)
        self.ambiguous_synonyms: dict[str, str] = dict(ambiguous_synonyms)

        by_specialty: dict[str, list[tuple[Concept, int]]] = {}
        by_term: dict[str, list[Concept]] = {}
        by_icd10: dict[str, list[Concept]] = {}
        for concept in self.concepts.values():
            for rank, spec in enumerate(concept.specialties):
                by_specialty.setdefault(spec.code, []).append((concept, rank))
            for term in concept.terms:
                by_term.setdefault(term, []).append(concept)
            for code in concept.icd10:
                by_icd10.setdefault(code.upper(), []).append(concept)
        for pairs in by_specialty.values():
            pairs.sort(key=lambda pair: (pair[1], pair[0].name))
        self._by_specialty = by_specialty
        self._by_term = by_term
        self._by_icd10 = by_icd10

    def conditions(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == "condition"]

    def procedures(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == "procedure"]

    def concepts_for_specialty(self, code: str) -> list[tuple[Concept, int]]:
        """(concept, rank) pairs listing ``code``; rank 0 means it is the first-choice specialty."""
        return list(self._by_specialty.get(code, ()))

    def lookup(self, term: str) -> list[Concept]:
        """Concepts whose id, name or synonym equals ``term`` once both are normalised.

        Uses :func:`directory.text.normalize_term`, the same folding the search index uses, so
        "Post-Laminectomy  Syndrome" finds the concept listing "post laminectomy syndrome".
        """
        return list(self._by_term.get(normalize_term(term), ()))

    def concepts_for_icd10(self, code: str) -> list[Concept]:
        """Concepts listing the ICD-10-CM ``code`` (with its dot, any case)."""
        return list(self._by_icd10.get(code.strip().upper(), ()))

    def specialty_name(self, code: str) -> str:
        """Patient-friendly name, else the NUCC display name, else the code itself."""
        specialty = self.specialties.get(code)
        if specialty is None:
            return code
        return specialty.lay_name or specialty.name


def _fail(path: Path, where: str, problem: str) -> ValueError:
    return ValueError(f"{path}: {where}: {problem}")


def _strings(value: Any, path: Path, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, where, f"{key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _text(value: Any, path: Path, where: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"{key!r} must be a non-empty string")
    return value.strip()


def _parse_entry(raw: Any, path: Path, index: int) -> Concept:
    if not isinstance(raw, dict):
        raise _fail(path, f"entry #{index}", "must be an object")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _SLUG.match(entry_id):
        raise _fail(path, f"entry #{index}", f"'id' must be a lowercase slug, got {entry_id!r}")
    where = f"entry {entry_id!r}"
    missing = ENTRY_KEYS - raw.keys()
    unknown = raw.keys() - ENTRY_KEYS
    if missing or unknown:
        raise _fail(path, where, f"missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")

    kind = raw["kind"]
    if kind not in KINDS:
        raise _fail(path, where, f"'kind' must be one of {KINDS}, got {kind!r}")
    body_system = raw["body_system"]
    if not isinstance(body_system, str) or not _BODY_SYSTEM.match(body_system):
        raise _fail(path, where, f"'body_system' must be a lowercase word, got {body_system!r}")

    icd10 = _strings(raw["icd10"], path, where, "icd10")
    bad_codes = [code for code in icd10 if not _ICD10.match(code)]
    if bad_codes:
        raise _fail(path, where, f"malformed ICD-10-CM codes {bad_codes}")

    related = _strings(raw["related"], path, where, "related")
    if not all(_SLUG.match(r) for r in related):
        raise _fail(path, where, "'related' must list concept ids")

    ranks: list[SpecialtyRank] = []
    specialties = raw["specialties"]
    if not isinstance(specialties, list):
        raise _fail(path, where, "'specialties' must be a list")
    for spec in specialties:
        if not isinstance(spec, dict) or set(spec) != {"code", "reason"}:
            raise _fail(path, where, "each specialty must be an object with 'code' and 'reason'")
        code = spec["code"]
        if not isinstance(code, str) or not _NUCC.match(code):
            raise _fail(path, where, f"malformed NUCC taxonomy code {code!r}")
        ranks.append(SpecialtyRank(code, _text(spec["reason"], path, where, "reason")))
    if len({r.code for r in ranks}) != len(ranks):
        raise _fail(path, where, "a specialty code is listed twice")

    sections = raw["sections"]
    expected = SECTION_KEYS[kind]
    if not isinstance(sections, dict) or set(sections) != set(expected):
        raise _fail(path, where, f"'sections' must have exactly the keys {list(expected)}")
    section_text = {key: _text(sections[key], path, where, f"sections.{key}") for key in expected}

    return Concept(
        id=entry_id,
        kind=kind,
        name=_text(raw["name"], path, where, "name"),
        body_system=body_system,
        synonyms=_strings(raw["synonyms"], path, where, "synonyms"),
        icd10=icd10,
        specialties=tuple(ranks),
        related=related,
        summary=_text(raw["summary"], path, where, "summary"),
        sections=MappingProxyType(section_text),
    )


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: invalid JSON: {exc}") from exc


def _load_vocabulary_files(
    paths: Iterable[Path],
) -> tuple[dict[str, Concept], dict[str, str]]:
    concepts: dict[str, Concept] = {}
    origin: dict[str, Path] = {}
    ambiguous: dict[str, str] = {}
    for path in paths:
        document = _read_json(path)
        if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
            raise ValueError(f"{path}: must be an object with an 'entries' list")
        unknown = document.keys() - {"entries", "ambiguous_synonyms"}
        if unknown:
            raise ValueError(f"{path}: unknown top-level keys {sorted(unknown)}")
        declared = document.get("ambiguous_synonyms", {})
        if not isinstance(declared, dict):
            raise ValueError(f"{path}: 'ambiguous_synonyms' must be an object")
        for term, reason in declared.items():
            _text(reason, path, f"ambiguous synonym {term!r}", "reason")
            ambiguous.setdefault(term, reason.strip())
        for index, raw in enumerate(document["entries"]):
            concept = _parse_entry(raw, path, index)
            if concept.id in concepts:
                raise _fail(
                    path, f"entry {concept.id!r}", f"duplicate id (also in {origin[concept.id]})"
                )
            concepts[concept.id] = concept
            origin[concept.id] = path
    return concepts, ambiguous


def _load_specialties(data_dir: Path) -> dict[str, Specialty]:
    taxonomy = data_dir / "nucc-provider-taxonomy.csv"
    specialties: dict[str, Specialty] = {}
    with taxonomy.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["Code"].strip()
            specialties[code] = Specialty(
                code=code,
                name=row["Display Name"].strip() or row["Classification"].strip(),
                grouping=row["Grouping"].strip(),
                classification=row["Classification"].strip(),
                specialization=row["Specialization"].strip(),
                definition=row["Definition"].strip(),
            )

    path = data_dir / "specialties.json"
    document = _read_json(path)
    if not isinstance(document, dict) or not isinstance(document.get("specialties"), list):
        raise ValueError(f"{path}: must be an object with a 'specialties' list")
    for index, raw in enumerate(document["specialties"]):
        code = raw.get("code") if isinstance(raw, dict) else None
        where = f"specialty {code!r}" if code else f"specialty #{index}"
        if (
            not isinstance(raw, dict)
            or not {"code", "lay_name", "synonyms"} <= set(raw)
            or (set(raw) - {"code", "lay_name", "synonyms", "also"})
        ):
            raise _fail(path, where, "must have 'code', 'lay_name', 'synonyms' (and maybe 'also')")
        if code not in specialties:
            raise _fail(path, where, "code is not in the NUCC taxonomy")
        also = _strings(raw.get("also", []), path, where, "also") if raw.get("also") else ()
        if unknown := [c for c in also if c not in specialties]:
            raise _fail(path, where, f"'also' codes not in the NUCC taxonomy: {unknown}")
        specialties[code] = replace(
            specialties[code],
            lay_name=_text(raw["lay_name"], path, where, "lay_name"),
            synonyms=_strings(raw["synonyms"], path, where, "synonyms"),
            also=also,
        )
    return specialties


def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """Read the NUCC taxonomy, specialties.json and every vocabulary/*.json (sorted by name)."""
    specialties = _load_specialties(data_dir)
    concepts, ambiguous = _load_vocabulary_files(sorted((data_dir / "vocabulary").glob("*.json")))
    return Vocabulary(concepts, specialties, ambiguous)


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary under :data:`DATA_DIR`, loaded once per process."""
    return load_vocabulary()
