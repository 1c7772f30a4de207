"""The server-rendered pages for patients, referral coordinators and front-desk staff."""

from __future__ import annotations

from flask import Flask


def register_web(app: Flask) -> None:
    """Register the page blueprints, template helpers and security headers."""
