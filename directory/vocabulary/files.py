"""Reading and checking the vocabulary's files under ``data/``.

Every entry's structure is checked; an error raises :class:`ValueError` naming the file and
the entry, so a curator's typo never reaches a running search.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from directory.vocabulary.model import Concept, Specialty, SpecialtyRank, Vocabulary

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

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
            or (set(raw) - {"code", "lay_name", "synonyms", *_RELATED})
        ):
            keys = "'code', 'lay_name', 'synonyms' (and maybe 'also', 'broader', 'children')"
            raise _fail(path, where, f"must have {keys}")
        if code not in specialties:
            raise _fail(path, where, "code is not in the NUCC taxonomy")
        related = {key: _codes(raw, key, specialties, path, where) for key in _RELATED}
        specialties[code] = replace(
            specialties[code],
            lay_name=_text(raw["lay_name"], path, where, "lay_name"),
            synonyms=_strings(raw["synonyms"], path, where, "synonyms"),
            **related,
        )
    return specialties


_RELATED = ("also", "broader", "children")  # lists of other NUCC codes an entry may name


def _codes(raw: dict, key: str, specialties: dict, path: Path, where: str) -> tuple[str, ...]:
    codes = _strings(raw[key], path, where, key) if raw.get(key) else ()
    if unknown := [c for c in codes if c not in specialties]:
        raise _fail(path, where, f"'{key}' codes not in the NUCC taxonomy: {unknown}")
    return codes


def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """Read the NUCC taxonomy, specialties.json and every vocabulary/*.json (sorted by name)."""
    specialties = _load_specialties(data_dir)
    concepts, ambiguous = _load_vocabulary_files(sorted((data_dir / "vocabulary").glob("*.json")))
    concepts = {i: _with_the_same_boards_also(c, specialties) for i, c in concepts.items()}
    return Vocabulary(concepts, specialties, ambiguous)


def _with_the_same_boards_also(concept: Concept, specialties: Mapping[str, Specialty]) -> Concept:
    """A specialty the map lists, followed by the codes of its own NUCC board that a search
    for it also means (specialties.json ``also``): a mammogram's "Gynecology" is also the
    obstetrician-gynecologists most gynecologists are filed under, a medical oncologist's
    condition the hematologist-oncologists'. Other boards' codes (pain medicine's PM&R) are
    left to the map."""
    listed = {rank.code for rank in concept.specialties}
    ranks: list[SpecialtyRank] = []
    for rank in concept.specialties:
        ranks.append(rank)
        own = specialties.get(rank.code)
        for code in own.also if own else ():
            other = specialties[code]
            same = (other.grouping, other.classification) == (own.grouping, own.classification)
            if same and code not in listed:
                ranks.append(SpecialtyRank(code, rank.reason))
                listed.add(code)
    return (
        replace(concept, specialties=tuple(ranks))
        if len(ranks) > len(concept.specialties)
        else concept
    )
