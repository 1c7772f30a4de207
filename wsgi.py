"""The WSGI app gunicorn serves (``gunicorn -c gunicorn.conf.py wsgi:app``)."""

from app import create_app
from app.extensions import search_service

app = create_app()
with app.app_context():
    search_service().warm()  # each worker builds its parser tables before it takes a search
