"""Misspellings: which lexicon words a typed word could be ("siatica" -> "sciatica").

Comparing a word against all ~2,500 lexicon words costs about 0.2 ms even with rapidfuzz,
too much for several unknown words in a 1 ms parse. So candidates come from a deletion
index (the SymSpell idea: two words within k edits share a string obtained by deleting at
most k letters from each), and rapidfuzz's optimal-string-alignment distance (a swap of two
neighbouring letters is one edit) confirms each candidate. Only the closest words are kept.

A typed word that is itself an everyday English word, corrected to a rarer one, is a
*real-word* correction (:func:`rewrites_real_word`): the parser takes it only inside a
longer phrase ("planter fasciitis"), never alone, so "vasectomy" is not read as
"mastectomy", nor "color" as "colon". The word counts are pyspellchecker's English
dictionary (a well-kept list with frequencies; we read its table, not its speller).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import jellyfish
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from directory.understanding.scoring import SWAP_ONLY_BELOW, edits_allowed

INDEX_DEPTH = 2  # the most edits any word length allows (scoring.MAX_EDITS)
MAX_CORRECTIONS = 4  # several equally close words are all tried; more is noise
CACHE_LIMIT = 20_000  # memoised words per lexicon before the memo starts afresh
# English words counted at least this often are real words, not typos (43,000 words of 4+
# letters, ~5 MB; the dictionary's rarest entries, counted 50, are left out).
REAL_WORD_COUNT = 100
# The ~1,000 words counted this often are English's commonest ("all" 11 million, "as" 6
# million); clinical letters that happen to be words are far rarer ("ha" 65,000, "mi" 9,000).
COMMONEST_COUNT = 100_000
# A short word written this often is an everyday word ("pad" 7,000, "sad" 85,000), whatever
# clinical letters it also spells ("PAD", "SAD"); "copd" and "gerd" are no words at all.
EVERYDAY_SHORT_COUNT = 1_000
SHORT = 5  # letters
# A word written this often is meant as typed, even beside a commoner lexicon word one
# letter away ("failing" 10,700 and "falling" 78,000; "pane" 900 is still read as "pain").
MEANT_AS_TYPED = 5_000


def deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` letters deleted (including ``word`` itself)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


@lru_cache(maxsize=4)
def build_typo_index(words: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    """Deletion variant -> the words it comes from (cached: a rebuild for a few curated
    terms usually leaves the word list, and so the index, unchanged)."""
    index: dict[str, list[str]] = defaultdict(list)
    for word in words:
        for variant in deletions(word, INDEX_DEPTH):
            index[variant].append(word)
    return MappingProxyType({variant: tuple(ws) for variant, ws in index.items()})


def corrections(
    word: str,
    index: Mapping[str, tuple[str, ...]],
    cache: dict[str, tuple[tuple[str, int], ...]],
) -> tuple[tuple[str, int], ...]:
    """(other lexicon word, edits) pairs closest to ``word``, or () when none is close
    enough."""
    cached = cache.get(word)
    if cached is not None:
        return cached
    best: dict[str, int] = {}
    said = spelled_as_said(word, index)  # "nefrologist" is "nephrologist", not "neurologist"
    if said:
        best[said] = 1
    # One edit first: most typos are one slip, and its deletions are ten times fewer.
    tries = () if said else range(1, edits_allowed(len(word)) + 1)
    for allowed in tries:
        candidates = {c for v in deletions(word, allowed) for c in index.get(v, ())}
        for candidate in candidates:
            if candidate == word or abs(len(candidate) - len(word)) > allowed:
                continue  # its own spelling is the caller's first reading already
            distance = OSA.distance(word, candidate, score_cutoff=allowed)
            if distance <= allowed and _acceptable(word, candidate):
                best[candidate] = distance
        if best:
            break
    if best:
        closest = min(best.values())
        found = tuple(sorted((w, d) for w, d in best.items() if d == closest))[:MAX_CORRECTIONS]
    else:
        found = ()
    if len(cache) > CACHE_LIMIT:
        cache.clear()
    cache[word] = found
    return found


def spelled_as_said(word: str, index: Mapping[str, tuple[str, ...]]) -> str | None:
    """The lexicon word ``word`` is with its "f" written "ph", as people spell a word they
    have only heard, or as Spanish and Portuguese write it ("nefrologist", "emfysema",
    "esofagus"): one slip from "neurologist", but meant as "nephrologist"."""
    heard = word.replace("f", "ph")
    return heard if heard != word and heard in index.get(heard, ()) else None


# Words a phone's speech-to-text split apart ("sleep app nia", "pull monologist") are
# a term when, joined, they sound like it (metaphone, jellyfish: the phonetic codes are a
# solved problem) and are spelled within this many edits of it; terms this long or longer.
HEARD_LETTERS = 5
HEARD_EDITS = 2


def sounds_like(word: str) -> str:
    """How ``word`` sounds, as a phonetic key ("pullmonologist" and "pulmonologist":
    PLMNLJST)."""
    return jellyfish.metaphone(word)


def heard_as(joined: str, heard: Mapping[str, tuple[str, ...]]) -> tuple[str, int] | None:
    """(term, edits): the term that words typed apart, joined (``joined``), sound like and
    nearly spell, the nearest first; None when none does."""
    found = (
        (OSA.distance(joined, term.replace(" ", ""), score_cutoff=HEARD_EDITS), term)
        for term in heard.get(sounds_like(joined), ())
    )
    best = min((f for f in found if f[0] <= HEARD_EDITS), default=None)
    return None if best is None else (best[1], best[0])


def rewrites_real_word(word: str, candidate: str) -> bool:
    """``word`` is an everyday English word and ``candidate`` is not a commoner one, or
    ``word`` is common enough to be meant as typed ("failing topical steroids" is not
    "falling", though "falling" is commoner still)."""
    counts = english_counts()
    typed = counts.get(word, 0)
    return bool(typed) and (typed >= MEANT_AS_TYPED or counts.get(candidate, 0) <= typed)


def _acceptable(word: str, candidate: str) -> bool:
    # Short words tolerate swapped letters ("pian" is "pain", but "anne" is not "acne"), and a
    # neighbouring key's letter in a word that is no English word ("kmee" is "knee" on a phone).
    if len(word) >= SWAP_ONLY_BELOW or sorted(word) == sorted(candidate):
        return True
    slip = _next_key_slip(word, candidate)
    return slip and word not in english_counts() and word not in _spanish()


# Letters beside each other on a QWERTY keyboard: either side in the row, and the two keys
# touching it in the row above (its column and the next) and below (the one before and its).
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keys_touching(row: int, column: int) -> set[str]:
    spots = [(row, column - 1), (row, column + 1), (row - 1, column), (row - 1, column + 1)]
    spots += [(row + 1, column - 1), (row + 1, column)]
    return {_ROWS[r][c] for r, c in spots if 0 <= r < len(_ROWS) and 0 <= c < len(_ROWS[r])}


_NEIGHBOURS = {
    letter: frozenset(_keys_touching(r, c))
    for r, row in enumerate(_ROWS)
    for c, letter in enumerate(row)
}


def _spanish() -> frozenset[str]:
    """Spanish words written at least as often as the English kept as real ("baja" in
    "espalda baja" is no slip for "baha")."""
    return _english()[2]


def _next_key_slip(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` with one letter typed as the key beside it."""
    if len(word) != len(candidate):
        return False
    differ = [(a, b) for a, b in zip(word, candidate, strict=True) if a != b]
    return len(differ) == 1 and differ[0][0] in _NEIGHBOURS.get(differ[0][1], ())


def english_counts() -> Mapping[str, int]:
    """Everyday English words of 4+ letters -> how often they are written (loaded once)."""
    return _english()[0]


def commonest_words() -> frozenset[str]:
    """English's commonest words of any length ("all", "as", "has"; not "mi" or "pe")."""
    return _english()[1]


def everyday_short_words() -> frozenset[str]:
    """Everyday English words of up to five letters ("pad", "sad", "add"; not "ms")."""
    return _english()[3]


@lru_cache(maxsize=1)
def _english() -> tuple[Mapping[str, int], frozenset[str], frozenset[str], frozenset[str]]:
    """The word tables, loaded together once (a worker's warm-up reads them, so no search
    waits ~70 ms for the Spanish words on its first phone-keyboard slip)."""
    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    real = {w: n for w, n in counts.items() if n >= REAL_WORD_COUNT and len(w) >= 4 and w.isalpha()}
    commonest = frozenset(w for w, n in counts.items() if n >= COMMONEST_COUNT and w.isalpha())
    spanish = SpellChecker(language="es", distance=1).word_frequency.dictionary
    spoken = frozenset(w for w, n in spanish.items() if n >= REAL_WORD_COUNT)
    short = frozenset(w for w, n in counts.items() if n >= EVERYDAY_SHORT_COUNT and len(w) <= SHORT)
    return MappingProxyType(real), commonest, spoken, short
