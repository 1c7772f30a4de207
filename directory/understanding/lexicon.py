"""The in-memory tables the parser reads: every term, its meaning, and fast ways to find it.

Built once per :class:`~directory.vocabulary.Vocabulary` (about a second; the offline place
tables add a few more the first time in a process) and then only read, so one lexicon
serves every request thread. Terms come from the vocabulary
(concept names and synonyms, specialty lay names and synonyms, NUCC display names and their
generated forms), from ``data/lexicon.json`` (body parts, symptoms, filters, lay doctor
names) and from staff-curated additions (``extra_terms``, stored in a database by the app).

Curated additions change without a restart: :func:`lexicon_for` keeps one lexicon per
vocabulary and rebuilds it only when the caller's version stamp changes.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from directory import geography
from directory.text import compact_icd10
from directory.understanding.entries import Entry
from directory.understanding.lexicon_file import (
    LEXICON_FILE,
    BodyPart,
    LexiconData,
    Symptom,
    read_lexicon_file,
)
from directory.understanding.term_table import TermTable
from directory.understanding.typos import (
    HEARD_LETTERS,
    build_typo_index,
    commonest_words,
    english_counts,
    everyday_short_words,
    sounds_like,
)
from directory.vocabulary import Vocabulary

ExtraTerms = Mapping[str, tuple[str, str]]  # term -> (kind, concept id or NUCC code)
# Word lists the parser reads together, united once per build.
WORD_UNIONS = {
    # a token no reading takes is filler, not unplaced, if it is one of these
    "ignorable": (
        "filler", "qualifiers", "glue", "determiners", "doctor_words", "surgeon_words",
        "name_titles", "location_cues", "referral_shorthand", "contact_words", "patient_words",
    ),
    # words a vocabulary phrase may step over ("pain down my left leg")
    "skippable": ("determiners", "qualifiers"),
    # words between a body part and its symptom ("pain in both of my knees")
    "between": ("glue", "determiners", "qualifiers"),
    # words that say the usual care has not worked ("even on 3 meds", "PT didn't help")
    "not_working": ("hard_to_treat", "tried_after"),
    # words that are never a name
    "generic": (
        "filler", "qualifiers", "glue", "determiners", "doctor_words", "surgeon_words",
        "referral_shorthand", "contact_words",
    ),
}  # fmt: skip


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per build
class Lexicon:
    """Read-only lookup tables for one vocabulary (and one version of curated terms)."""

    vocabulary: Vocabulary
    data: LexiconData
    version: object
    phrases: Mapping[str, Entry]  # normalised term -> meaning
    prefixes: frozenset[str]  # every word-prefix of a term, to stop extending a span early
    compact: Mapping[str, str]  # term without spaces -> term ("backpain" -> "back pain")
    heard: Mapping[str, tuple[str, ...]]  # how a term sounds -> terms (typos.sounds_like)
    words: frozenset[str]  # every word the lexicon knows
    typo_index: Mapping[str, tuple[str, ...]]  # deletion variant -> words (typos.py)
    icd10: Mapping[str, tuple[str, ...]]  # compact code or category -> concept ids
    icd10_exact: Mapping[str, tuple[str, ...]]  # compact code -> concepts listing it exactly
    body_parts: Mapping[str, BodyPart]
    symptoms: Mapping[str, Symptom]
    region_of: Mapping[str, str]  # "lower back" -> "lumbar"
    word_unions: Mapping[str, frozenset[str]]  # WORD_UNIONS, computed once
    rejected: tuple[str, ...]  # curated terms that name an unknown id, kept out
    typo_cache: dict[str, tuple[tuple[str, int], ...]]  # per-lexicon memo of typo lookups
    # An ambiguous term ("endo") -> every meaning it may have, the default first.
    readings: Mapping[str, tuple[Entry, ...]]
    specialty_systems: Mapping[str, frozenset[str]]  # NUCC code -> body systems it treats
    # Clinical letters written in capitals that are everyday words in lower case ("PAD",
    # "SAD"): after an article, "soaking a pad", the word (candidates.term_candidates).
    everyday_acronyms: frozenset[str]

    def is_content_word(self, word: str) -> bool:
        """A one-word term with a meaning ("spine", "endo", "cardiology"), not filler."""
        return word in self.phrases and word not in self.word_set("generic")

    def is_a_word(self, word: str) -> bool:
        """A word the lexicon knows or everyday English has ("the", "mom", "cart"), as
        opposed to letters that may be initials ("mgh")."""
        return word in self.words or _everyday(word)

    def word_set(self, name: str) -> frozenset[str]:
        """A word list from lexicon.json ("filler", "glue", "location_cues", ...) or one of
        the unions in WORD_UNIONS ("ignorable", "skippable", ...)."""
        return self.word_unions.get(name) or self.data.words[name]

    @classmethod
    def build(
        cls,
        vocabulary: Vocabulary,
        extra_terms: ExtraTerms | None = None,
        *,
        version: object = None,
        data: LexiconData | None = None,
    ) -> Lexicon:
        """All tables for ``vocabulary``, with ``extra_terms`` merged in as curated terms."""
        data = data or read_lexicon_file()
        _check_references(vocabulary, data)
        table = TermTable(vocabulary, data)
        table.add_vocabulary()
        table.add_lexicon_data()
        rejected = table.add_extra_terms(extra_terms or {})
        phrases, readings = _with_readings(data, table.finish())
        # Load the offline place tables now, so no search pays the few seconds they take.
        geography.is_city_name("hartford") and geography.state_place("CT")
        return cls(
            vocabulary=vocabulary,
            data=data,
            version=version,
            phrases=phrases,
            rejected=tuple(rejected),
            typo_cache={},
            readings=readings,
            specialty_systems=_specialty_systems(vocabulary, data),
            everyday_acronyms=_everyday_acronyms(vocabulary),
            **_tables(vocabulary, data, phrases),
        )


def _tables(vocabulary: Vocabulary, data: LexiconData, phrases: Mapping[str, Entry]) -> dict:
    """The derived lookup tables of a lexicon, by field name."""
    words = {w for term in phrases for w in term.split()}
    words |= {w for name in data.words for w in data.words[name]} | set(data.abbreviations)
    correctable = tuple(sorted(w for w in words if len(w) >= 4 and w.isalpha()))
    icd10, exact = _icd10_tables(vocabulary)
    return {
        "prefixes": frozenset(
            " ".join(t.split()[:n]) for t in phrases for n in range(1, len(t.split()))
        ),
        "compact": _compact_table(phrases),
        "heard": _heard_table(phrases),
        "words": frozenset(words),
        "typo_index": build_typo_index(correctable),
        "icd10": icd10,
        "icd10_exact": exact,
        "body_parts": {part.id: part for part in data.body_parts},
        "symptoms": {symptom.id: symptom for symptom in data.symptoms},
        "region_of": {t: region for region, ts in data.regions.items() for t in ts},
        "word_unions": {
            name: frozenset().union(*(data.words[part] for part in parts))
            for name, parts in WORD_UNIONS.items()
        },
    }


def _with_readings(
    data: LexiconData, phrases: dict[str, Entry]
) -> tuple[dict[str, Entry], dict[str, tuple[Entry, ...]]]:
    """Give each ambiguous term its default reading, and remember all of its readings."""
    readings: dict[str, tuple[Entry, ...]] = {}
    for group in data.ambiguous:
        unknown = [r for r in group.readings if r not in phrases]
        if unknown:
            raise ValueError(f"{LEXICON_FILE}: ambiguous {group.terms}: unknown terms {unknown}")
        # A short word is never the entry's own name ("endo" is not exactly anything).
        entries = tuple(replace(phrases[r], exact=False) for r in group.readings)
        for term in group.terms:
            phrases[term] = entries[0]
            readings[term] = entries
    return phrases, readings


def _specialty_systems(vocabulary: Vocabulary, data: LexiconData) -> dict[str, frozenset[str]]:
    """The body systems a specialty looks after: those of the body parts it is listed for,
    and of the conditions and procedures the condition map ranks it first for."""
    systems: dict[str, set[str]] = defaultdict(set)
    for part in data.body_parts:
        for code in part.specialties:
            systems[code].add(part.body_system)
    for concept in vocabulary.concepts.values():
        if concept.specialties:
            systems[concept.specialties[0].code].add(concept.body_system)
    return {code: frozenset(found) for code, found in systems.items()}


def _compact_table(phrases: Mapping[str, Entry]) -> dict[str, str]:
    """Terms of several words typed as one ("backpain"), unless that one word is an everyday
    word the term's own words do not spell: "medical" is not "Medi-Cal"."""
    compact: dict[str, str] = {}
    for term in phrases:
        if " " in term:
            word = term.replace(" ", "")
            if _everyday(word) and not all(_everyday(w) for w in term.split()):
                continue
            compact.setdefault(word, term)
            if term.endswith(" doctor"):  # "eyedr", "footdoc": a doctor shortened as well
                for short in _DOCTOR_SHORT:
                    compact.setdefault(word.removesuffix("doctor") + short, term)
    return compact


_DOCTOR_SHORT = ("dr", "doc")


def _heard_table(phrases: Mapping[str, Entry]) -> dict[str, tuple[str, ...]]:
    """Terms by how they sound, their spaces left out ("pulmonologist" PLMNLJST): what a
    phone's speech-to-text splits into other words ("pull monologist") is found by it."""
    heard: dict[str, list[str]] = defaultdict(list)
    for term in phrases:
        joined = term.replace(" ", "")
        if len(joined) >= HEARD_LETTERS and joined.isalpha():
            heard[sounds_like(joined)].append(term)
    return {key: tuple(terms) for key, terms in heard.items()}


def _everyday_acronyms(vocabulary: Vocabulary) -> frozenset[str]:
    short = everyday_short_words()
    return frozenset(
        term.lower()
        for concept in vocabulary.concepts.values()
        for term in concept.synonyms
        if term.isalpha() and term.isupper() and term.lower() in short
    )


def _everyday(word: str) -> bool:
    return word in english_counts() or word in commonest_words()


def _icd10_tables(vocabulary: Vocabulary) -> tuple[dict, dict]:
    by_prefix: dict[str, dict[str, None]] = defaultdict(dict)
    exact: dict[str, dict[str, None]] = defaultdict(dict)
    for concept in vocabulary.concepts.values():
        for code in concept.icd10:
            compact = compact_icd10(code) or code
            exact[compact][concept.id] = None
            for size in range(3, len(compact) + 1):
                by_prefix[compact[:size]][concept.id] = None
    return (
        {code: tuple(ids) for code, ids in by_prefix.items()},
        {code: tuple(ids) for code, ids in exact.items()},
    )


def _check_references(vocabulary: Vocabulary, data: LexiconData) -> None:
    codes = [c for g in data.specialty_terms for c in g.codes]
    codes += [c for p in data.body_parts for c in (*p.specialties, *p.surgeons)]
    codes += [c for s in data.symptoms for c in s.specialties]
    codes += [c for care in data.declined_care.values() for c in care.codes]
    concepts = [c for p in data.body_parts for c in p.concepts]
    concepts += [c for g in data.concept_terms for c in g.concepts]
    concepts += [c for s in data.symptoms for c in s.concepts]
    concepts += [c for x in data.contexts for c in (x.concept, *x.by_body_system.values()) if c]
    concepts += [c for pair in data.in_pregnancy.items() for c in pair]
    concepts += list(data.panic.signs if data.panic else ())
    concepts += [c for key, causes in data.complications.items() for c in (key, *causes)]
    unknown = sorted({c for c in codes if c not in vocabulary.specialties})
    unknown += sorted({c for c in concepts if c not in vocabulary.concepts})
    parts = {p.id for p in data.body_parts}
    unknown += sorted({p.in_men for p in data.body_parts if p.in_men and p.in_men not in parts})
    if unknown:
        raise ValueError(f"{LEXICON_FILE}: unknown NUCC codes, concept or body part ids {unknown}")


# Per vocabulary, its plain lexicon and its latest curated one, a few vocabularies at most
# (a process normally has one; tests load more). The search reads with the curated
# lexicon and the location box with the plain one: in one slot they replaced each other,
# and every search with a curated term in the store rebuilt both (~0.25 s). Keyed by
# identity: a lexicon holds its vocabulary, so a weak-keyed cache would never let go.
_LEXICONS: dict[tuple[int, bool], Lexicon] = {}
MAX_CACHED = 8
_BUILDING = threading.Lock()


def lexicon_for(
    vocabulary: Vocabulary,
    extra_terms: ExtraTerms | Callable[[], ExtraTerms] | None = None,
    version: object = None,
) -> Lexicon:
    """The lexicon of ``vocabulary``, rebuilt only when ``version`` differs from the cached one.

    ``extra_terms`` may be a callable so the curated terms are read (from a database) only
    when the version stamp has changed; pass the same stamp on every call.
    """
    cached = _cached(vocabulary, version)
    if cached is not None:
        return cached
    with _BUILDING:
        cached = _cached(vocabulary, version)
        if cached is not None:
            return cached
        terms = extra_terms() if callable(extra_terms) else extra_terms
        lexicon = Lexicon.build(vocabulary, terms, version=version)
        _LEXICONS.pop(_slot(vocabulary, version), None)
        while len(_LEXICONS) >= MAX_CACHED:
            _LEXICONS.pop(next(iter(_LEXICONS)))
        _LEXICONS[_slot(vocabulary, version)] = lexicon
        return lexicon


def _slot(vocabulary: Vocabulary, version: object) -> tuple[int, bool]:
    """The plain lexicon's slot, or the curated one's (each new version replaces it)."""
    return id(vocabulary), version is None


def _cached(vocabulary: Vocabulary, version: object) -> Lexicon | None:
    lexicon = _LEXICONS.get(_slot(vocabulary, version))
    if lexicon is None or lexicon.vocabulary is not vocabulary or lexicon.version != version:
        return None
    return lexicon
