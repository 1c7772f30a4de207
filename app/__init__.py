"""Find a Physician: the web app and JSON API.

``create_app`` is the only way to build the app: web defaults from ``app.config``,
then ``directory.settings`` (shared defaults and plain environment variables such as
ELASTICSEARCH_URL), then ``FLASK_``-prefixed ones, then the caller's overrides.
"""

from __future__ import annotations

import secrets

from flask import Flask

from app.config import WEB_DEFAULTS
from app.cors import init_cors
from app.errors import register_errorhandlers
from app.events import init_events
from app.extensions import csrf, init_elasticsearch, init_geocoder, init_search, limiter
from app.request import ReadingRequest
from directory.settings import settings

ROOT_TEMPLATES = "../templates"


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=ROOT_TEMPLATES, static_folder="static")
    app.request_class = ReadingRequest  # an undecodable parameter is refused, never guessed
    app.config.from_mapping(WEB_DEFAULTS)
    app.config.from_mapping(settings())
    app.config.from_prefixed_env()
    app.config.from_mapping(overrides or {})
    if not app.config["SECRET_KEY"]:
        # One process (flask run, tests): its own key. gunicorn.conf.py makes one its workers share.
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    return app


def register_extensions(app: Flask) -> None:
    init_elasticsearch(app)
    init_search(app)
    init_geocoder(app)
    csrf.init_app(app)
    limiter.init_app(app)
    init_cors(app)
    init_events(app)


def register_blueprints(app: Flask) -> None:
    from app import api, health
    from app.staff import init_staff
    from app.web import register_web

    app.register_blueprint(health.bp)
    app.register_blueprint(api.bp)
    register_web(app)
    init_staff(app)
