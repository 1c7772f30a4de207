"""Is this "dr" a title before a name, or the doctor word of the term before it?

"neurosurgeon dr green" is Dr. Green, a neurosurgeon; "spine dr boston" is a spine doctor
in Boston. A title after a term stays a title when a name-like word follows that is not a
big place (a state, a city big enough to stand alone, a two-word city name), or is a city
that is also a common surname ("dr houston", "dr jackson": a person).
"""

from __future__ import annotations

from collections.abc import Sequence

from directory import geography
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part
from directory.understanding.tokens import Token

TERM_KINDS = ("specialty", "condition", "procedure", "body_part", "symptom")


def titles_a_name(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """True when tokens[at] is a title and the word after it reads as a name, not a place."""
    if tokens[at].norm not in lexicon.word_set("name_titles") or at + 1 >= len(tokens):
        return False
    following = tokens[at + 1].norm
    if not following.isalpha() or lexicon.is_content_word(following):
        return False
    if following in lexicon.word_set("generic"):
        return False
    # A city that is also a common surname right after a title is the person: front desks
    # type "cardiologist dr jackson" for Dr. Jackson far more often than for Jackson, MS.
    # "doctor" spelled out after a need is that need's doctor: "eczema doctor houston".
    spelled = tokens[at].norm == "doctor" and at and lexicon.is_content_word(tokens[at - 1].norm)
    if following in lexicon.word_set("surname_places") and not spelled:
        return True
    return not place_starts(tokens, at + 1, lexicon)


def place_starts(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """A big place, or a two-word city ("west hartford", "new haven"), starts at ``at``."""
    if big_place(tokens[at].norm, lexicon):
        return True
    pair = " ".join(t.norm for t in tokens[at : at + 2])
    return at + 1 < len(tokens) and geography.is_city_name(pair)


def big_place(name: str, lexicon: Lexicon) -> bool:
    """A state, or a city big enough to be typed without its state."""
    if len(name) > 2 and geography.state_code(name):
        return True
    cities = geography.city_places(name)
    return bool(cities) and cities[0][1] >= lexicon.data.bare_city_min_zips


def surnames_read_as_names(parts: Sequence[Part], lexicon: Lexicon) -> list[tuple[Part, str]]:
    """Names read from a title and a city that is also a surname, right after a term
    ("endo dr houston": Dr. Houston), each with that city's word: the place reading the
    page can offer ("endocrinologists near Houston, TX")."""
    titles, surnames = lexicon.word_set("name_titles"), lexicon.word_set("surname_places")
    found = []
    for before, part in zip(parts, parts[1:], strict=False):
        words = part.text.lower().replace(".", " ").split()
        if (
            part.kind == "name"
            and before.kind in TERM_KINDS
            and len(words) == 2
            and words[0] in titles
            and words[1] in surnames
        ):
            found.append((part, words[1]))
    return found
