"""The in-memory tables the parser reads: every term, its meaning, and fast ways to find it.

Built once per :class:`~directory.vocabulary.Vocabulary` (a few tens of milliseconds) and
then only read, so one lexicon serves every request thread. Terms come from the vocabulary
(concept names and synonyms, specialty lay names and synonyms, NUCC display names and their
generated forms), from ``data/lexicon.json`` (body parts, symptoms, filters, lay doctor
names) and from staff-curated additions (``extra_terms``, stored in a database by the app).

Curated additions change without a restart: :func:`lexicon_for` keeps one lexicon per
vocabulary and rebuilds it only when the caller's version stamp changes.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from directory import geography
from directory.text import compact_icd10, normalize_term
from directory.understanding import entries as e
from directory.understanding.entries import Entry
from directory.understanding.lexicon_file import (
    LEXICON_FILE,
    BodyPart,
    LexiconData,
    Symptom,
    read_lexicon_file,
)
from directory.understanding.typos import build_typo_index
from directory.vocabulary import Vocabulary

ExtraTerms = Mapping[str, tuple[str, str]]  # term -> (kind, concept id or NUCC code)
# Word lists the parser reads together, united once per build.
WORD_UNIONS = {
    # a token no reading takes is filler, not unplaced, if it is one of these
    "ignorable": (
        "filler", "qualifiers", "glue", "determiners", "doctor_words", "surgeon_words",
        "name_titles", "location_cues",
    ),
    # words a vocabulary phrase may step over ("pain down my left leg")
    "skippable": ("determiners", "qualifiers"),
    # words between a body part and its symptom ("pain in both of my knees")
    "between": ("glue", "determiners", "qualifiers"),
    # words that are never a name
    "generic": ("filler", "qualifiers", "glue", "determiners", "doctor_words", "surgeon_words"),
}  # fmt: skip
FILTER_LABELS = {
    "accepting_new_patients": "Accepting new patients",
    "telehealth": "Offers telehealth",
    "language": "Speaks {}",
    "gender": "{}",
    "insurance": "Takes {}",
}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per build
class Lexicon:
    """Read-only lookup tables for one vocabulary (and one version of curated terms)."""

    vocabulary: Vocabulary
    data: LexiconData
    version: object
    phrases: Mapping[str, Entry]  # normalised term -> meaning
    prefixes: frozenset[str]  # every word-prefix of a term, to stop extending a span early
    compact: Mapping[str, str]  # term without spaces -> term ("backpain" -> "back pain")
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
        builder = _Builder(vocabulary, data)
        builder.add_vocabulary()
        builder.add_lexicon_data()
        rejected = builder.add_extra_terms(extra_terms or {})
        phrases = builder.finish()
        words = {w for term in phrases for w in term.split()}
        words |= {w for name in data.words for w in data.words[name]} | set(data.abbreviations)
        correctable = tuple(sorted(w for w in words if len(w) >= 4 and w.isalpha()))
        icd10, exact = _icd10_tables(vocabulary)
        # Load the offline place tables now, so no search pays the few seconds they take.
        geography.is_city_name("hartford") and geography.state_place("CT")
        return cls(
            vocabulary=vocabulary,
            data=data,
            version=version,
            phrases=phrases,
            prefixes=frozenset(
                " ".join(t.split()[:n]) for t in phrases for n in range(1, len(t.split()))
            ),
            compact=_compact_table(phrases),
            words=frozenset(words),
            typo_index=build_typo_index(correctable),
            icd10=icd10,
            icd10_exact=exact,
            body_parts={part.id: part for part in data.body_parts},
            symptoms={symptom.id: symptom for symptom in data.symptoms},
            region_of={t: region for region, ts in data.regions.items() for t in ts},
            word_unions={
                name: frozenset().union(*(data.words[part] for part in parts))
                for name, parts in WORD_UNIONS.items()
            },
            rejected=tuple(rejected),
            typo_cache={},
        )


class _Builder:
    """Collects (tier, entry) per term, merging by :func:`entries.merge`."""

    def __init__(self, vocabulary: Vocabulary, data: LexiconData) -> None:
        self.vocabulary = vocabulary
        self.data = data
        self.table: dict[str, tuple[int, Entry]] = {}
        self.display: dict[str, str] = {}
        generic = ("filler", "qualifiers", "doctor_words", "surgeon_words", "glue")
        self.generic = frozenset().union(*(data.words[name] for name in generic))

    def add(self, raw: str, tier: int, entry: Entry) -> None:
        term = normalize_term(raw)
        if not term or (tier >= e.NUCC and term in self.generic):
            return  # a generated form never takes over "surgery" or "doctor"
        self.display.setdefault(term, raw.strip())
        self.table[term] = e.merge(self.table.get(term), tier, entry)

    def specialty(self, codes: tuple[str, ...], label: str | None = None) -> Entry:
        expanded = [c for code in codes for c in (code, *self.vocabulary.specialties[code].also)]
        label = label or self.vocabulary.specialty_name(codes[0])
        return Entry("specialty", codes, label, codes=tuple(dict.fromkeys(expanded)))

    def add_vocabulary(self) -> None:
        for concept in self.vocabulary.concepts.values():
            for raw in (concept.name, concept.id):
                self.add(raw, e.VOCABULARY, Entry(concept.kind, (concept.id,), concept.name, True))
            for raw in concept.synonyms:
                self.add(raw, e.VOCABULARY, Entry(concept.kind, (concept.id,), concept.name))
        for specialty in self.vocabulary.specialties.values():
            if not (specialty.lay_name or specialty.is_physician):
                continue  # the directory lists physicians and the curated clinicians only
            entry = self.specialty((specialty.code,))
            curated = [specialty.lay_name or "", *specialty.synonyms]
            official = [specialty.name, e.without_parentheses(specialty.name)]
            for tier, names in ((e.VOCABULARY, curated), (e.NUCC, official)):
                for raw in names:
                    exact = raw in (specialty.lay_name, specialty.name)
                    self.add(raw, tier, replace(entry, exact=exact))
                    for form in e.derived_forms(normalize_term(raw)):
                        self.add(form, e.DERIVED, entry)
            if specialty.specialization and "(" not in specialty.name:
                self.add(specialty.specialization, e.DERIVED, entry)

    def add_lexicon_data(self) -> None:
        data = self.data
        for group in data.specialty_terms:
            for term in group.terms:
                self.add(term, e.VOCABULARY, self.specialty(group.codes, group.label))
        for group in data.concept_terms:
            concepts = [self.vocabulary.concepts[i] for i in group.concepts]
            label = concepts[0].name if len(concepts) == 1 else group.terms[0].capitalize()
            for term in group.terms:
                entry = Entry(concepts[0].kind, group.concepts, label)
                self.add(term, e.VOCABULARY, entry)
        for part in data.body_parts:
            for term in part.terms:
                label = f"{term[:1].upper()}{term[1:]} problems"
                entry = Entry(
                    "body_part", part.concepts, label, codes=part.specialties, ref=part.id
                )
                self.add(term, e.VOCABULARY, entry)
        for symptom in data.symptoms:
            for term in symptom.terms:
                entry = Entry(
                    "symptom",
                    symptom.concepts,
                    symptom.label,
                    codes=symptom.specialties,
                    ref=symptom.id,
                )
                self.add(term, e.VOCABULARY, entry)
        for index, context in enumerate(data.contexts):
            name = self.vocabulary.concepts[context.concept].name
            for term in context.terms:
                entry = Entry("context", (context.concept,), name, ref=str(index))
                self.add(term, e.VOCABULARY, entry)
        for term in data.near_me:
            self.add(term, e.VOCABULARY, Entry("near_me", (), "Near you", True))
        for name, terms in data.filters.items():
            for term, values in terms.items():
                label = FILTER_LABELS[name].format(" or ".join(values))
                label = label[:1].upper() + label[1:]
                self.add(term, e.VOCABULARY, Entry("filter", values, label, filter=name))

    def add_extra_terms(self, extra_terms: ExtraTerms) -> list[str]:
        rejected = []
        for term, (kind, ident) in extra_terms.items():
            concept = self.vocabulary.concepts.get(ident)
            if kind == "specialty" and ident in self.vocabulary.specialties:
                self.add(term, e.CURATED, self.specialty((ident,)))
            elif concept is not None and concept.kind == kind:
                self.add(term, e.CURATED, Entry(kind, (ident,), concept.name))
            else:
                rejected.append(term)
        return rejected

    def finish(self) -> dict[str, Entry]:
        phrases: dict[str, Entry] = {}
        for term, (_tier, entry) in self.table.items():
            if len(entry.ids) > 1 and entry.kind in e.CONCEPT_KINDS:
                shown = self.display[term]
                entry = replace(entry, label=shown[:1].upper() + shown[1:])
            phrases[term] = entry
        determiners = self.data.words["determiners"]
        for term, entry in list(phrases.items()):
            phrases.setdefault(e.interior_stripped(term, determiners), entry)
        return phrases


def _compact_table(phrases: Mapping[str, Entry]) -> dict[str, str]:
    compact: dict[str, str] = {}
    for term in phrases:
        if " " in term:
            compact.setdefault(term.replace(" ", ""), term)
    return compact


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
    concepts = [c for p in data.body_parts for c in p.concepts]
    concepts += [c for g in data.concept_terms for c in g.concepts]
    concepts += [c for s in data.symptoms for c in s.concepts]
    concepts += [c for x in data.contexts for c in (x.concept, *x.by_body_system.values())]
    unknown = sorted({c for c in codes if c not in vocabulary.specialties})
    unknown += sorted({c for c in concepts if c not in vocabulary.concepts})
    if unknown:
        raise ValueError(f"{LEXICON_FILE}: unknown NUCC codes or concept ids {unknown}")


_LEXICONS: weakref.WeakKeyDictionary[Vocabulary, Lexicon] = weakref.WeakKeyDictionary()
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
    cached = _LEXICONS.get(vocabulary)
    if cached is not None and cached.version == version:
        return cached
    with _BUILDING:
        cached = _LEXICONS.get(vocabulary)
        if cached is not None and cached.version == version:
            return cached
        terms = extra_terms() if callable(extra_terms) else extra_terms
        lexicon = Lexicon.build(vocabulary, terms, version=version)
        _LEXICONS[vocabulary] = lexicon
        return lexicon
