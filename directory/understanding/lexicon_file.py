"""Reading ``data/lexicon.json``: the everyday words the vocabulary files don't hold.

The vocabulary (``data/vocabulary/*.json``, ``data/specialties.json``) names conditions,
procedures and specialties. Understanding a whole search box needs more: body parts and
symptoms ("my knee hurts"), lay doctor names that mean several specialties ("spine doctor"),
filler ("who treats", "I need a"), qualifiers ("left", "chronic"), phrases that set a filter
("accepting new patients", "habla español", "takes Aetna"), words that mark a place
("near", "in") and word-for-word translations ("rodilla" -> "knee") that let a Spanish
search use the same body-part and symptom rules as an English one. They are data so a
curator can extend them without touching the parser.

:func:`read_lexicon_file` checks the structure and normalises every term with
:func:`directory.text.normalize_term`; references to concept ids and NUCC codes are checked
against the vocabulary when the lexicon is built (``lexicon.Lexicon.build``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from directory.geography import Place
from directory.text import normalize_term
from directory.understanding.capitals import read_capitals
from directory.understanding.nicknames import read_nicknames
from directory.vocabulary import DATA_DIR

LEXICON_FILE = DATA_DIR / "lexicon.json"
BOOLEAN_FILTERS = ("accepting_new_patients", "telehealth")
VALUE_FILTERS = ("language", "gender", "insurance")
WORD_LISTS = (
    "filler",
    "qualifiers",
    "determiners",
    "glue",
    "doctor_words",
    "surgeon_words",
    "name_titles",
    "location_cues",
    "not_places",
    "settings",
    "surname_places",
    "children",
    "referral_shorthand",
    "contact_words",
    "patient_words",
    "patient_cues",
    "site_words",
    "exact_number",
    "lab_tests",
    "hard_to_treat",
    "tried_words",
    "tried_after",
    "own_primary_care",
    "men",
    "women",
)
TOP_KEYS = frozenset(
    {
        *WORD_LISTS,
        "abbreviations",
        "translations",
        "scripts",
        "word_forms",
        "capital_abbreviations",
        "place_nicknames",
        "near_me",
        "bare_city_min_zips",
        "regions",
        "specialty_terms",
        "concept_terms",
        "body_parts",
        "symptoms",
        "contexts",
        "filters",
        "written_in",
        "ambiguous",
        "in_pregnancy",
        "panic",
        "complications",
        "declined_care",
    }
)


@dataclass(frozen=True)
class Panic:
    terms: tuple[str, ...]  # words that name the attack, in a condition part's text
    signs: frozenset[str]  # the concept ids the attack's signs read as


@dataclass(frozen=True)
class DeclinedCare:
    """A kind of care people decline ("no more injections") and who gives it."""

    words: tuple[str, ...]  # what is declined: "injections", "epidurals", "meds"
    codes: tuple[str, ...]  # NUCC codes of who gives it: rank after the others


@dataclass(frozen=True)
class SpecialtyTerms:
    """Lay words for one or more specialties ("gi" -> gastroenterology)."""

    terms: tuple[str, ...]
    codes: tuple[str, ...]
    label: str | None


@dataclass(frozen=True)
class ConceptTerms:
    """Lay words for conditions or procedures that are too loose for the search index's
    synonyms ("facet" alone) but clear enough in a parsed query."""

    terms: tuple[str, ...]
    concepts: tuple[str, ...]


@dataclass(frozen=True)
class BodyPart:
    """A body part: what "<part> doctor" and "<part> surgeon" mean, and what ails it."""

    id: str
    body_system: str
    terms: tuple[str, ...]
    specialties: tuple[str, ...]
    surgeons: tuple[str, ...]
    concepts: tuple[str, ...]
    # The body part a man's words mean by this one's ("a rash down there", said of a husband,
    # is a urologist's need, not a gynecologist's): another body part's id, or "".
    in_men: str = ""
    # ... and a boy's, when it differs: a boy's breasts are puberty's, the pediatrician's
    # (the body part itself, ""), not a grown man's gynecomastia. None: as ``in_men``.
    in_boys: str | None = None


@dataclass(frozen=True)
class Symptom:
    """A symptom word ("hurts", "numb"), reduced to its canonical form for composing terms."""

    id: str
    label: str
    terms: tuple[str, ...]
    specialties: tuple[str, ...]
    concepts: tuple[str, ...]
    # A rash or bumps on an arm, a knee or the back is a skin need, not the limb's.
    on_the_skin: bool = False
    # Numbness in the hands, legs or face is the nerves' need, not the body part's.
    of_the_nerves: bool = False


@dataclass(frozen=True)
class Context:
    """A phrase that changes what a condition means ("since my fusion" -> failed back surgery).
    ``concept`` "": the phrase means something only beside a body system it lists ("wants
    injections" beside knee arthritis; not "the injection meds" beside psoriasis)."""

    terms: tuple[str, ...]
    concept: str
    by_body_system: Mapping[str, str]


@dataclass(frozen=True)
class Ambiguous:
    """A short word with several everyday meanings ("endo": an endocrinologist, or
    endometriosis). Each reading is a term the lexicon already knows; the first is the one
    kept when nothing else in the text says which is meant."""

    terms: tuple[str, ...]
    readings: tuple[str, ...]


@dataclass(frozen=True)
class LexiconData:
    words: Mapping[str, frozenset[str]]  # WORD_LISTS name -> normalised words
    abbreviations: Mapping[str, str]  # short form or translated word -> the word it stands for
    near_me: tuple[str, ...]
    bare_city_min_zips: int
    regions: Mapping[str, tuple[str, ...]]
    specialty_terms: tuple[SpecialtyTerms, ...]
    concept_terms: tuple[ConceptTerms, ...]
    body_parts: tuple[BodyPart, ...]
    symptoms: tuple[Symptom, ...]
    contexts: tuple[Context, ...]
    # filter name -> normalised term -> values (booleans have no values)
    filters: Mapping[str, Mapping[str, tuple[str, ...]]]
    ambiguous: tuple[Ambiguous, ...] = ()
    capitals: Mapping[str, str] = field(default_factory=dict)  # "MI" -> "heart attack"
    nicknames: Mapping[str, Place] = field(default_factory=dict)  # "LA" -> Los Angeles, CA
    # A word in a script the parser's folding drops (Chinese, Korean, Arabic, Russian), as
    # written -> the English words read in its place ("儿科" -> "pediatrician").
    scripts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # A condition said beside a pregnancy -> what it is in pregnancy ("high bp" with "32 wks
    # pregnant": a high-risk pregnancy, the obstetricians' and maternal-fetal medicine's).
    in_pregnancy: Mapping[str, str] = field(default_factory=dict)
    # A panic attack named ("panic attacks", "anxiety attack") and the needs its signs read
    # as ("heart racing", "cant breathe", "chest gets tight", "dizzy"): told beside it they
    # are the attack's, not needs of their own.
    panic: Panic | None = None
    # A condition -> the conditions it is a complication of ("diabetic-retinopathy" ->
    # diabetes): said beside it, the cause is why, not what is asked ("T2DM needs dilated
    # eye exam, diabetic retinopathy screening" had listed endocrinologists first).
    complications: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Care besides surgery the words may decline, by name ("injections": the pain doctors
    # who inject, after the others who treat the need).
    declined_care: Mapping[str, DeclinedCare] = field(default_factory=dict)
    # The words a text written in another language is told by ("dolor de espalda, necesito
    # medico"): language -> its words (its translations and its everyday small words).
    written_in: Mapping[str, frozenset[str]] = field(default_factory=dict)


def _fail(path: Path, where: str, problem: str) -> ValueError:
    return ValueError(f"{path}: {where}: {problem}")


def _terms(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, "must be a list of strings")
    terms = tuple(dict.fromkeys(normalize_term(v) for v in value))
    if "" in terms:
        raise _fail(path, where, "holds a term with no letters or digits")
    return terms


def _codes(raw: dict, key: str, path: Path, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, f"{key!r} must be a list of strings")
    return tuple(value)


def _object(raw: Any, keys: set[str], path: Path, where: str) -> dict:
    if not isinstance(raw, dict) or not {"terms"} <= set(raw) or set(raw) - keys:
        raise _fail(path, where, f"must be an object with 'terms' and only {sorted(keys)}")
    return raw


def _body_part(raw: Any, path: Path, index: int) -> BodyPart:
    keys = {"id", "body_system", "terms", "specialties", "surgeons", "concepts"}
    optional = {"in_men", "in_boys"}
    raw = _object(raw, keys | optional, path, f"body part #{index}")
    where = f"body part {raw.get('id')!r}"
    if set(raw) - optional != keys:
        raise _fail(
            path, where, f"needs exactly the keys {sorted(keys)}, and may say {sorted(optional)}"
        )
    return BodyPart(
        id=str(raw["id"]),
        body_system=str(raw["body_system"]),
        terms=_terms(raw["terms"], path, where),
        specialties=_codes(raw, "specialties", path, where),
        surgeons=_codes(raw, "surgeons", path, where),
        concepts=_codes(raw, "concepts", path, where),
        in_men=str(raw.get("in_men", "")),
        in_boys=str(raw["in_boys"]) if "in_boys" in raw else None,
    )


def _symptom(raw: Any, path: Path, index: int) -> Symptom:
    keys = {"id", "label", "terms", "specialties", "concepts"}
    flags = ("on_the_skin", "of_the_nerves")
    raw = _object(raw, keys | set(flags), path, f"symptom #{index}")
    where = f"symptom {raw.get('id')!r}"
    if not keys <= set(raw):
        raise _fail(path, where, f"needs the keys {sorted(keys)} (and may say {flags})")
    for flag in flags:
        if not isinstance(raw.get(flag, False), bool):
            raise _fail(path, where, f"{flag} is true or false")
    return Symptom(
        id=normalize_term(str(raw["id"])),
        label=str(raw["label"]),
        terms=_terms(raw["terms"], path, where),
        specialties=_codes(raw, "specialties", path, where),
        concepts=_codes(raw, "concepts", path, where),
        on_the_skin=raw.get("on_the_skin", False),
        of_the_nerves=raw.get("of_the_nerves", False),
    )


def _context(raw: Any, path: Path, index: int) -> Context:
    raw = _object(raw, {"terms", "concept", "by_body_system"}, path, f"context #{index}")
    where = f"context #{index}"
    mapping = raw.get("by_body_system", {})
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise _fail(path, where, "'by_body_system' must map body systems to concept ids")
    concept = raw.get("concept") or ""
    if not isinstance(concept, str) or not (concept or mapping):
        raise _fail(path, where, "needs a 'concept' id, a 'by_body_system' map, or both")
    return Context(_terms(raw["terms"], path, where), concept, MappingProxyType(mapping))


def _specialty_terms(raw: Any, path: Path, index: int) -> SpecialtyTerms:
    raw = _object(raw, {"terms", "codes", "label"}, path, f"specialty terms #{index}")
    where = f"specialty terms #{index} {raw['terms'][:1]}"
    codes = _codes(raw, "codes", path, where)
    if not codes:
        raise _fail(path, where, "'codes' must list at least one NUCC code")
    label = raw.get("label")
    if label is not None and (not isinstance(label, str) or not label.strip()):
        raise _fail(path, where, "'label' must be a non-empty string")
    return SpecialtyTerms(_terms(raw["terms"], path, where), codes, label)


def _concept_terms(raw: Any, path: Path, index: int) -> ConceptTerms:
    where = f"concept terms #{index}"
    raw = _object(raw, {"terms", "concepts"}, path, where)
    concepts = _codes(raw, "concepts", path, where)
    if not concepts:
        raise _fail(path, where, "'concepts' must list at least one concept id")
    return ConceptTerms(_terms(raw["terms"], path, where), concepts)


def _ambiguous(raw: Any, path: Path, index: int) -> Ambiguous:
    where = f"ambiguous #{index}"
    raw = _object(raw, {"terms", "readings"}, path, where)
    readings = _terms(raw.get("readings"), path, f"{where} readings")
    if len(readings) < 2:
        raise _fail(path, where, "'readings' must list at least two terms")
    return Ambiguous(_terms(raw["terms"], path, where), readings)


def _filters(raw: Any, path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    expected = {*BOOLEAN_FILTERS, *VALUE_FILTERS, "language_groups"}
    if not isinstance(raw, dict) or set(raw) != expected:
        raise _fail(path, "filters", f"must have exactly the keys {sorted(expected)}")
    filters: dict[str, dict[str, tuple[str, ...]]] = {}
    for name in BOOLEAN_FILTERS:
        filters[name] = {term: () for term in _terms(raw[name], path, f"filters.{name}")}
    for name in VALUE_FILTERS:
        if not isinstance(raw[name], dict):
            raise _fail(path, f"filters.{name}", "must map stored values to terms")
        terms: dict[str, tuple[str, ...]] = {}
        for value, words in raw[name].items():
            for term in _terms(words, path, f"filters.{name}.{value}"):
                terms[term] = (value,)
        filters[name] = terms
    groups = raw["language_groups"]
    if not isinstance(groups, dict):
        raise _fail(path, "filters.language_groups", "must map terms to lists of languages")
    for term, values in groups.items():
        known = set(raw["language"])
        if not isinstance(values, list) or not values or set(values) - known:
            raise _fail(path, f"filters.language_groups.{term}", "must list known languages")
        filters["language"][normalize_term(term)] = tuple(values)
    return filters


def _regions(raw: Any, path: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise _fail(path, "regions", "must map a region to its words")
    return {region: _terms(words, path, f"regions.{region}") for region, words in raw.items()}


def _translations(raw: Any, path: Path, abbreviations: Mapping[str, str]) -> dict[str, str]:
    """Word -> English word, per language. A translated word is read like an abbreviation
    ("dolor de rodilla" as "pain of knee"), so it may not also be one."""
    if not isinstance(raw, dict):
        raise _fail(path, "translations", "must map a language to its words")
    words: dict[str, str] = {}
    for language, table in raw.items():
        where = f"translations.{language}"
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise _fail(path, where, "must map a word to its English word")
        for word, english in table.items():
            key, value = normalize_term(word), normalize_term(english)
            if not key or not value or " " in key:
                raise _fail(path, where, f"{word!r} must be one word translated to a word")
            if key in abbreviations or words.get(key, value) != value:
                raise _fail(path, where, f"{word!r} is already an abbreviation or translation")
            words[key] = value
    return words


def _scripts(raw: Any, path: Path) -> dict[str, tuple[str, ...]]:
    """Word in another script -> English words, per language; only words the parser would
    otherwise drop (a Latin-script word is a ``translations`` entry)."""
    if not isinstance(raw, dict):
        raise _fail(path, "scripts", "must map a language to its words")
    words: dict[str, tuple[str, ...]] = {}
    for language, table in raw.items():
        where = f"scripts.{language}"
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise _fail(path, where, "must map a word to its English words")
        for word, english in table.items():
            if not word.strip() or normalize_term(word) or not normalize_term(english):
                raise _fail(path, where, f"{word!r} must be a word in a non-Latin script")
            words[word.strip()] = tuple(normalize_term(english).split())
    return words


def read_lexicon_file(path: Path = LEXICON_FILE) -> LexiconData:
    """Read and check the lexicon file; raise ValueError naming the file and the entry."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: invalid JSON: {exc}") from exc
    if not isinstance(document, dict) or set(document) != TOP_KEYS:
        raise ValueError(f"{path}: must be an object with exactly the keys {sorted(TOP_KEYS)}")
    abbreviations = document["abbreviations"]
    if not isinstance(abbreviations, dict) or not all(
        isinstance(v, str) for v in abbreviations.values()
    ):
        raise _fail(path, "abbreviations", "must map a short form to its full word")
    min_zips = document["bare_city_min_zips"]
    if not isinstance(min_zips, int) or min_zips < 1:
        raise _fail(path, "bare_city_min_zips", "must be a positive whole number")
    abbreviations = {normalize_term(k): normalize_term(v) for k, v in abbreviations.items()}
    abbreviations |= _translations(document["translations"], path, abbreviations)
    # "tore my acl", "rolled my ankle": a verb read as the form the vocabulary uses ("torn"),
    # checked like a translation (one word each, never also an abbreviation).
    abbreviations |= _translations({"word_forms": document["word_forms"]}, path, abbreviations)
    words = {name: frozenset(_terms(document[name], path, name)) for name in WORD_LISTS}
    capitals = read_capitals(document["capital_abbreviations"], path)
    if unknown := sorted(t for t in words["lab_tests"] if t.upper() not in capitals):
        raise _fail(path, "lab_tests", f"{unknown} need their capitals in capital_abbreviations")
    return LexiconData(
        words=words,
        abbreviations=abbreviations,
        near_me=_terms(document["near_me"], path, "near_me"),
        bare_city_min_zips=min_zips,
        regions=_regions(document["regions"], path),
        specialty_terms=tuple(
            _specialty_terms(raw, path, i) for i, raw in enumerate(document["specialty_terms"])
        ),
        concept_terms=tuple(
            _concept_terms(raw, path, i) for i, raw in enumerate(document["concept_terms"])
        ),
        body_parts=tuple(_body_part(raw, path, i) for i, raw in enumerate(document["body_parts"])),
        symptoms=tuple(_symptom(raw, path, i) for i, raw in enumerate(document["symptoms"])),
        contexts=tuple(_context(raw, path, i) for i, raw in enumerate(document["contexts"])),
        filters=_filters(document["filters"], path),
        ambiguous=tuple(_ambiguous(raw, path, i) for i, raw in enumerate(document["ambiguous"])),
        capitals=capitals,
        nicknames=read_nicknames(document["place_nicknames"], path),
        scripts=_scripts(document["scripts"], path),
        in_pregnancy=_concept_map(document["in_pregnancy"], path, "in_pregnancy"),
        panic=_panic(document["panic"], path),
        complications=_concept_lists(document["complications"], path, "complications"),
        declined_care=_declined_care(document["declined_care"], path),
        written_in=_written_in(document, path),
    )


def _written_in(document: dict, path: Path) -> dict[str, frozenset[str]]:
    """Language -> the words that tell a text is written in it: the words of its
    ``translations`` table and its own list. Each language must be one the filter knows."""
    raw, languages = document["written_in"], document["filters"].get("language", {})
    if not isinstance(raw, dict) or not all(
        isinstance(v, dict) and set(v) == {"translations", "words"} for v in raw.values()
    ):
        raise _fail(path, "written_in", "must map a language to 'translations' and 'words'")
    tables = {}
    for language, told in raw.items():
        where = f"written_in.{language}"
        if language not in languages:
            raise _fail(path, where, "must be a language of filters.language")
        if told["translations"] not in document["translations"]:
            raise _fail(path, where, f"no translations table {told['translations']!r}")
        translated = document["translations"][told["translations"]]
        words = (*translated, *_terms(told["words"], path, where))
        tables[language] = frozenset(normalize_term(w) for w in words)
    return tables


def _declined_care(raw: Any, path: Path) -> dict[str, DeclinedCare]:
    if not isinstance(raw, dict) or not all(
        isinstance(v, dict) and set(v) == {"words", "codes"} for v in raw.values()
    ):
        raise _fail(path, "declined_care", "must map a name to 'words' and 'codes'")
    return {
        kind: DeclinedCare(
            tuple(normalize_term(w) for w in _codes(care, "words", path, kind)),
            _codes(care, "codes", path, kind),
        )
        for kind, care in raw.items()
    }


def _panic(raw: Any, path: Path) -> Panic:
    if not isinstance(raw, dict) or set(raw) != {"terms", "signs"}:
        raise _fail(path, "panic", "must be an object with 'terms' and 'signs'")
    terms = _terms(raw["terms"], path, "panic.terms")
    return Panic(terms, frozenset(_codes(raw, "signs", path, "panic")))


def _concept_lists(raw: Any, path: Path, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict) or not all(isinstance(k, str) and k for k in raw):
        raise _fail(path, where, "must map concept ids to lists of concept ids")
    return {key: _codes(raw, key, path, where) for key in raw}


def _concept_map(raw: Any, path: Path, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in raw.items()
    ):
        raise _fail(path, where, "must map concept ids to concept ids")
    return dict(raw)
