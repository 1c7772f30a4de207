"""Find a Physician: the web app and JSON API.

``create_app`` is the only way to build the app: defaults from ``app.config``,
then plain environment variables (ELASTICSEARCH_URL ...), then ``FLASK_``-prefixed
ones, then the caller's overrides.
"""

from __future__ import annotations

import secrets

from flask import Flask

from app import config as defaults
from app.errors import register_errorhandlers
from app.extensions import csrf, init_elasticsearch, init_geocoder, limiter

ROOT_TEMPLATES = "../templates"


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=ROOT_TEMPLATES, static_folder="static")
    app.config.from_mapping(defaults.DEFAULTS)
    app.config.from_mapping(defaults.from_environment())
    app.config.from_prefixed_env()
    app.config.from_mapping(overrides or {})
    if not app.config["SECRET_KEY"]:
        # CSRF tokens only need to survive one process; set SECRET_KEY for several workers.
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_cli(app)
    return app


def register_extensions(app: Flask) -> None:
    init_elasticsearch(app)
    init_geocoder(app)
    csrf.init_app(app)
    limiter.init_app(app)


def register_blueprints(app: Flask) -> None:
    from app import api, health
    from app.web import register_web

    app.register_blueprint(health.bp)
    app.register_blueprint(api.bp)
    register_web(app)


def register_cli(app: Flask) -> None:
    from indexer.cli import cli as index_cli

    app.cli.add_command(index_cli, name="index")
