"""Did you mean: the vocabulary entries nearest to text that did not parse.

Used when the parser found nothing (or the search found nothing) to offer a way forward:
"sciatic nerve pian in leg" -> Sciatica, Lumbar Radiculopathy, ... each with a similarity
score (0-100): rapidfuzz's WRatio finds candidates (it tolerates typos, extra words and word
order), and the mean of WRatio and token_sort_ratio ranks them, because WRatio alone lets a
short term inside a long text win ("xyzzy blorf" -> "orif" 77; blended, 59: not offered).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from directory.text import normalize_term
from directory.understanding.lexicon import Lexicon, lexicon_for
from directory.vocabulary import Vocabulary, default_vocabulary

SUGGESTED_KINDS = ("condition", "procedure", "specialty")
MIN_SCORE = 60.0  # below this WRatio the "nearest" entry shares little more than letters
MIN_BLENDED = 70.0  # below this blended score the entry is a guess, not a near miss
OVERSAMPLE = 8  # synonyms of one entry crowd the raw top list; fetch extra, then deduplicate


@dataclass(frozen=True)
class Suggestion:
    """A vocabulary entry close to what was typed."""

    kind: str  # condition | procedure | specialty
    ids: tuple[str, ...]  # concept ids, or NUCC codes for a specialty
    label: str
    term: str  # the name or synonym that was closest
    score: float  # 0-100

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "ids": list(self.ids),
            "label": self.label,
            "term": self.term,
            "score": round(self.score, 1),
        }


def closest_concepts(
    text: str,
    n: int = 5,
    vocabulary: Vocabulary | None = None,
    *,
    lexicon: Lexicon | None = None,
    kinds: Sequence[str] = SUGGESTED_KINDS,
) -> tuple[Suggestion, ...]:
    """Up to ``n`` distinct entries nearest to ``text``, best first (score >= MIN_SCORE)."""
    query = normalize_term(text)
    if not query or n < 1:
        return ()
    lexicon = lexicon or lexicon_for(vocabulary or default_vocabulary())
    return _terms_of(lexicon).nearest(query, n, tuple(kinds))


class _Terms:
    """The lexicon's suggestible terms, and the answers already worked out for them.

    Scoring a text against every term costs ~7 ms of rapidfuzz on the full vocabulary, on
    every search nobody understood, and people repeat the same misspellings: an answer
    depends only on the words and the lexicon, so each lexicon keeps its last answers (a
    curated term builds a new lexicon, so a stale answer is never served).
    """

    def __init__(self, lexicon: Lexicon):
        pairs = [(t, e) for t, e in lexicon.phrases.items() if e.kind in SUGGESTED_KINDS]
        self.terms = tuple(t for t, _ in pairs)
        self.entries = tuple(e for _, e in pairs)
        self.nearest = lru_cache(maxsize=1024)(self._nearest)

    def _nearest(self, query: str, n: int, kinds: tuple[str, ...]) -> tuple[Suggestion, ...]:
        found: dict[tuple[str, tuple[str, ...]], Suggestion] = {}
        ranked = process.extract(
            query, self.terms, scorer=fuzz.WRatio, limit=n * OVERSAMPLE, score_cutoff=MIN_SCORE
        )
        rescored = sorted(
            ((_blended(query, term, score), term, index) for term, score, index in ranked),
            key=lambda found: -found[0],
        )
        for score, term, index in rescored:
            if score < MIN_BLENDED:
                break
            entry = self.entries[index]
            key = (entry.kind, entry.ids)
            if entry.kind in kinds and key not in found:
                found[key] = Suggestion(entry.kind, entry.ids, entry.label, term, float(score))
        return tuple(found.values())[:n]


@lru_cache(maxsize=4)
def _terms_of(lexicon: Lexicon) -> _Terms:
    return _Terms(lexicon)


def _blended(query: str, term: str, wratio: float) -> float:
    return (wratio + fuzz.token_sort_ratio(query, term)) / 2
