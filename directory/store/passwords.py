"""The staff password policy: long enough, and not among the first things an attacker tries.

Every place that sets a password (``flask staff add``, ``staff reset``, and any form that
ever sets one) goes through ``accounts.check_password``, which asks ``password_problem``.
The rules follow NIST SP 800-63B rather than composition rules ("a capital, a digit and a
symbol"): a minimum length, and a refusal of what is guessed first, namely repeated
characters, runs of keys or letters, and one dictionary word with numbers or symbols
added. The dictionary is pyspellchecker's English word list, already a dependency (the
search reads typos with it), so the policy adds no package.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

PASSWORD_MIN_LENGTH = 12  # characters other than spaces
PASSWORD_MAX_LENGTH = 1024  # what the sign-in form accepts
MIN_DIFFERENT_CHARACTERS = 5
# Runs of keys or letters, both ways: "abcd", "7890123", "qwerty", "1qaz2wsx".
_RUNS = (
    "abcdefghijklmnopqrstuvwxyz" * 2,
    "0123456789" * 4,
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
)
# Words no English dictionary has that lists of leaked passwords start with, and this
# directory's own name (NIST's "context-specific words").
_GUESSED_FIRST = frozenset(
    {"letmein", "iloveyou", "trustno", "changeme", "passw", "qwerty", "asdf", "zxcv", "admin",
     "findaphysician", "findadoctor"}
)  # fmt: skip
# How digits and symbols stand in for letters ("P@ssw0rd"); "1" is tried as "i" and as "l".
_LEET = str.maketrans({"@": "a", "4": "a", "8": "b", "3": "e", "6": "g", "!": "i", "0": "o",
                       "$": "s", "5": "s", "7": "t", "+": "t", "|": "l"})  # fmt: skip
_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")
TRY_INSTEAD = "Try three or four unrelated words, like a short sentence."


def password_problem(password: str, email: str = "") -> str | None:
    """Why ``password`` is refused, in a sentence for the person choosing it; None if fine."""
    if len(password) > PASSWORD_MAX_LENGTH:
        return f"Use a password of at most {PASSWORD_MAX_LENGTH:,} characters."
    compact = "".join(password.split()).lower()
    if len(compact) < PASSWORD_MIN_LENGTH:
        return f"Use a password of at least {PASSWORD_MIN_LENGTH} characters, not counting spaces."
    if len(set(compact)) < MIN_DIFFERENT_CHARACTERS:
        return (
            "That password repeats a few characters (like 'aaaa' or 'abab'): use at least "
            f"{MIN_DIFFERENT_CHARACTERS} different ones. {TRY_INSTEAD}"
        )
    if _is_a_run(compact):
        return (
            "That password is a run of keys or letters (like 'abcd', '1234' or 'qwerty'), "
            f"among the first guessed. {TRY_INSTEAD}"
        )
    if _one_guessable_word(compact, email):
        return (
            "That password is one common word with numbers or symbols added (like "
            f"'Password2024!'), among the first guessed. {TRY_INSTEAD}"
        )
    return None


def _is_a_run(text: str) -> bool:
    return any(text in run or text in run[::-1] for run in _RUNS)


def _one_guessable_word(compact: str, email: str) -> bool:
    """True when, without the digits and symbols around it, the password is one word (or one
    word repeated) that a guesser tries: a dictionary word, a famous password, a run, or the
    person's own e-mail name."""
    core = _ENDS.sub("", compact)
    if not core:
        return False  # digits and symbols only: the length and run rules judge those
    own_name = re.sub(r"[\W\d_]+", "", email.partition("@")[0].lower())
    for word in {core.translate(_LEET).replace("1", "i"), core.translate(_LEET).replace("1", "l")}:
        word = _repeated_unit(word)
        if not word.isalpha():
            continue
        if word in _GUESSED_FIRST or word == own_name or _is_a_run(word):
            return True
        if word in _english_words():
            return True
    return False


def _repeated_unit(text: str) -> str:
    """'passwordpassword' -> 'password'; any other text as it is."""
    at = (text + text).find(text, 1)
    return text[:at] if at < len(text) else text


@lru_cache(maxsize=1)
def _english_words() -> Mapping[str, int]:
    from spellchecker import SpellChecker  # loaded on the first check, never at import

    return SpellChecker(language="en", distance=1).word_frequency.dictionary
