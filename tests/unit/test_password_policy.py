"""The staff password policy: what it refuses, why it says so, and what it lets through."""

from __future__ import annotations

import pytest

from directory.store.passwords import PASSWORD_MAX_LENGTH, password_problem


@pytest.mark.parametrize(
    ("password", "why"),
    [
        (" " * 12, "at least 12 characters"),  # the QA's: it could never be typed to sign in
        (" " * 40, "at least 12 characters"),
        ("short pass", "at least 12 characters"),
        ("a b c d e f g h i j k", "at least 12 characters"),  # spaces don't count
        ("x" * (PASSWORD_MAX_LENGTH + 1), "at most 1,024 characters"),
        ("aaaaaaaaaaaa", "repeats a few characters"),
        ("abababababab", "repeats a few characters"),
        ("121212121212", "repeats a few characters"),
        ("abcdefghijkl", "run of keys or letters"),
        ("123456789012", "run of keys or letters"),
        ("lkjihgfedcba", "run of keys or letters"),
        ("qwertyuiopas", "run of keys or letters"),
        ("1qaz2wsx3edc", "run of keys or letters"),
        ("password1234", "one common word"),  # the QA's
        ("Password2024!", "one common word"),
        ("P@ssw0rd2024", "one common word"),
        ("!!Summer20244", "one common word"),
        ("passwordpassword", "one common word"),
        ("iloveyou2024!", "one common word"),
        ("Qwerty123456", "one common word"),
        ("FindAPhysician1", "one common word"),
    ],
)
def test_a_guessable_password_is_refused_with_the_reason(password, why):
    problem = password_problem(password)
    assert problem is not None and why in problem
    if "guessed" in problem:
        assert "Try three or four unrelated words" in problem


def test_the_persons_own_email_name_is_guessable():
    assert "one common word" in password_problem("Verawhitford99", "verawhitford@example.org")
    assert password_problem("Verawhitford99", "someone@example.org") is None


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",  # a passphrase, spaces and all
        "a new long password",
        "Tr0ub4dor&3xyz",
        "blue-kettle-rainy-piano",
        "8dK#2mQv!pZ4",  # random characters, as a password manager makes them
        "839274018365",  # random digits: long enough, no run, not few characters
        "élan vital du médecin",
    ],
)
def test_a_long_password_that_is_not_guessed_first_is_accepted(password):
    assert password_problem(password) is None
