"""Common US first names and surnames, from Faker's census-weighted lists: whether a word
is someone's name before it is anything else ("miller", "jackson", "linda"). A leaf module:
the term table asks it while the lexicon is built, before the name reader exists."""

from __future__ import annotations

from functools import lru_cache

from faker.providers.person.en_US import Provider as FakerPerson


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in FakerPerson.first_names)


def is_first_name(word: str) -> bool:
    """A common US first name ("linda", "guy")."""
    return word in _first_names()


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(name.casefold() for name in FakerPerson.last_names)


def is_surname(word: str) -> bool:
    """A common US surname ("miller", "jackson")."""
    return word in _surnames()


def is_common_name(word: str) -> bool:
    """A common US first name or surname ("gary", "miller", "hammond")."""
    return word in _first_names() or word in _surnames()
