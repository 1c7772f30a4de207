"""Helpers for staff-area tests: accounts made through the real CLI, sign-in through the form."""

from __future__ import annotations

import re

from conftest import make_app

PASSWORD = "correct horse battery staple"
TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def staff_app(alias: str, database_url: str, **overrides):
    return make_app(alias, DATABASE_URL=database_url, **overrides)


def add_account(app, email: str, role: str) -> None:
    result = app.test_cli_runner().invoke(
        args=["staff", "add", email, "--role", role], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output


def csrf_token(client, path: str = "/staff/login") -> str:
    match = TOKEN.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match[1]


def sign_in(client, email: str, password: str = PASSWORD):
    token = csrf_token(client)
    return client.post(
        "/staff/login", data={"csrf_token": token, "email": email, "password": password}
    )
