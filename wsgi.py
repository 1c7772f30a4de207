"""The WSGI app gunicorn serves (``gunicorn -c gunicorn.conf.py wsgi:app``)."""

from gunicorn.errors import AppImportError

from app import create_app
from app.extensions import search_service
from directory.settings import SettingError

try:
    app = create_app()
except SettingError as error:
    # gunicorn says an AppImportError in one line and stops: no traceback, no worker reboots.
    raise AppImportError(f"Configuration error: {error}") from None
with app.app_context():
    search_service().warm()  # each worker builds its parser tables before it takes a search
