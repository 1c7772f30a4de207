"""The term table: every term the parser knows, and the one meaning each keeps.

Terms come from the vocabulary (concept names, ids and synonyms; specialty lay names and
synonyms; NUCC display names and forms generated from them), from ``data/lexicon.json``
(lay specialty and concept terms, body parts, symptoms, context phrases, "near me", filter
phrases) and from staff-curated additions. :func:`entries.merge` decides which meaning a
term keeps when several sources give it one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from directory.text import normalize_term
from directory.understanding import entries as e
from directory.understanding.census_names import is_common_name, is_surname
from directory.understanding.entries import Entry
from directory.understanding.lexicon_file import LexiconData
from directory.understanding.typos import english_counts
from directory.vocabulary import Specialty, Vocabulary

FILTER_LABELS = {  # a filter phrase's chip label, by filter
    "accepting_new_patients": "Accepting new patients",
    "telehealth": "Offers telehealth",
    "language": "Speaks {}",
    "gender": "{}",
    "insurance": "Takes {}",
}


def related_codes(vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    """NUCC code -> the codes a search for it means: itself, its ``also`` codes, and the
    same specialization under another board ("Geriatric Medicine (Family Medicine)" beside
    "(Internal Medicine)"; pediatric ones only for a pediatric code: a child's subspecialist
    is not an adult's)."""
    cached = _RELATED.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    by_specialization: dict[str, list[str]] = {}
    for specialty in vocabulary.specialties.values():
        if specialty.is_physician and specialty.specialization:
            by_specialization.setdefault(specialty.specialization, []).append(specialty.code)
    related = {}
    for code, specialty in vocabulary.specialties.items():
        siblings = (
            by_specialization.get(specialty.specialization, []) if specialty.is_physician else []
        )
        siblings = [c for c in siblings if _kin(vocabulary.specialties[c], specialty)]
        related[code] = tuple(dict.fromkeys((code, *specialty.also, *siblings)))
    _RELATED.clear()
    _RELATED[id(vocabulary)] = (vocabulary, related)
    return related


def _kin(one: Specialty, other: Specialty) -> bool:
    """Siblings a search may mean alike: both pediatric or neither, both surgical or neither
    (an orthopaedic sports surgeon is not a family sports medicine doctor)."""
    return one.code.startswith(PEDIATRIC) == other.code.startswith(PEDIATRIC) and (
        "Surgery" in one.classification
    ) == ("Surgery" in other.classification)


PEDIATRIC = "2080"  # NUCC's pediatric subspecialties
_RELATED: dict[int, tuple[Vocabulary, dict[str, tuple[str, ...]]]] = {}


class TermTable:
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

    def specialty(
        self, codes: tuple[str, ...], label: str | None = None, *, siblings: bool = False
    ) -> Entry:
        """The entry for ``codes`` with their ``also`` codes; with ``siblings``, also the same
        specialization under other boards (a specialty's own names, not a lay group of
        several, where "knee surgeon" must not reach family sports medicine)."""
        specialties = self.vocabulary.specialties
        related = related_codes(self.vocabulary) if siblings else {}
        expanded = [c for code in codes for c in related.get(code, (code, *specialties[code].also))]
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
            entry = self.specialty((specialty.code,), siblings=True)
            curated = [specialty.lay_name or "", *specialty.synonyms]
            official = [specialty.name, e.without_parentheses(specialty.name)]
            for tier, names in ((e.VOCABULARY, curated), (e.NUCC, official)):
                for raw in names:
                    exact = raw in (specialty.lay_name, specialty.name)
                    self.add(raw, tier, replace(entry, exact=exact))
                    for form in e.derived_forms(normalize_term(raw)):
                        self.add(form, e.DERIVED, entry)
            # A physician's specialization stands on its own ("Interventional Cardiology");
            # a counselor's or therapist's is an everyday word ("Clinical", "Sports").
            if specialty.is_physician and specialty.specialization and "(" not in specialty.name:
                self.add(specialty.specialization, e.DERIVED, entry)

    def add_lexicon_data(self) -> None:
        """Lay terms, body parts, symptoms, contexts and filters from lexicon.json."""
        data = self.data
        for group in data.specialty_terms:
            for term in group.terms:
                self.add(term, e.VOCABULARY, self.specialty(group.codes, group.label))
        for group in data.concept_terms:
            concepts = [self.vocabulary.concepts[i] for i in group.concepts]
            label = concepts[0].name if len(concepts) == 1 else group.terms[0].capitalize()
            for term in group.terms:
                self.add(term, e.VOCABULARY, Entry(concepts[0].kind, group.concepts, label))
        self._add_body_words()
        for index, context in enumerate(data.contexts):
            concept = context.concept or next(iter(context.by_body_system.values()))
            name = self.vocabulary.concepts[concept].name
            for term in context.terms:
                entry = Entry("context", (concept,), name, ref=str(index))
                self.add(term, e.VOCABULARY, entry)
        for term in data.near_me:
            self.add(term, e.VOCABULARY, Entry("near_me", (), "Near you", True))
        for name, terms in data.filters.items():
            for term, values in terms.items():
                label = FILTER_LABELS[name].format(" or ".join(values))
                label = label[:1].upper() + label[1:]
                self.add(term, e.VOCABULARY, Entry("filter", values, label, filter=name))

    def _add_body_words(self) -> None:
        for part in self.data.body_parts:
            for term in part.terms:
                label = f"{term[:1].upper()}{term[1:]} problems"
                entry = Entry(
                    "body_part", part.concepts, label, codes=part.specialties, ref=part.id
                )
                self.add(term, e.VOCABULARY, entry)
        for symptom in self.data.symptoms:
            label = symptom.label[:1].upper() + symptom.label[1:]
            for term in symptom.terms:
                entry = Entry(
                    "symptom", symptom.concepts, label, codes=symptom.specialties, ref=symptom.id
                )
                self.add(term, e.VOCABULARY, entry)

    def add_extra_terms(self, extra_terms: Mapping[str, tuple[str, str]]) -> list[str]:
        """Curated (term -> (kind, id)) additions; returns the terms naming unknown ids."""
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
        # "irregular period", "gall stone", "eating disorder": a phrase said in the singular
        # where the vocabulary wrote the plural, unless the singular means something else
        # (a phrase of its own) or the plural is meant (``exact_number``: "reading glasses").
        # A body part's plural says both sides ("swollen ankles": edema, a heart's or a
        # vein's; one swollen ankle is the ankle's own): never made singular either.
        parts = {t for part in self.data.body_parts for t in part.terms}
        exact = self.data.words["exact_number"] | {f"{p}s" for p in parts} | parts
        for term, entry in list(phrases.items()):
            if entry.kind in e.CONCEPT_KINDS or entry.kind in ("specialty", "body_part", "symptom"):
                singular = e.singular_phrase(term, exact)
                if singular:
                    phrases.setdefault(singular, entry)
        for term, entry in list(phrases.items()):
            for eponym in _eponym_alone(term, entry):
                phrases.setdefault(eponym, replace(entry, exact=False))
        return phrases


def _eponym_alone(term: str, entry: Entry) -> tuple[str, ...]:
    """ "hashimoto s thyroiditis" -> "hashimoto s", "hashimotos": a condition named after a
    person is said by the name alone ("i have barrett's from years of reflux" had left
    "barrett" for a surname), unless the name is an English word ("bell s palsy": "bells");
    a common surname only with its 's ("barrett s"), so "dr barrett" stays a person."""
    words = term.split()
    if entry.kind != "condition" or len(entry.ids) != 1 or len(words) < 3 or words[1] != "s":
        return ()
    name = words[0]
    if len(name) < 4 or not name.isalpha():
        return ()
    count = english_counts().get(name)
    if count is not None and not (count < _RARE_WORD and is_surname(name)):
        return ()  # "golfer s elbow", "swimmer s ear": a word, not a name
    if is_common_name(name):  # "barrett's" typed with its 's; "dr barrett" is a person
        return (f"{name} s",)
    return (f"{name} s", f"{name}s")


_RARE_WORD = 1_000  # a surname this rare in English is a name ("barrett", "addison")
