"""gunicorn settings: ``gunicorn -c gunicorn.conf.py wsgi:app`` (`make run`, bench/).

Tuned on the 2-core box in docs/benchmarks.md: 3 workers x 4 threads for requests, plus
one thread per worker kept free for /healthz (below). Override with GUNICORN_BIND,
GUNICORN_WORKERS and GUNICORN_THREADS rather than flags, so the settings derived from
them (the in-flight limit) stay consistent.
"""

import os
import secrets

import gunicorn.http.wsgi

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "5"))
worker_class = "gthread"
# A results page makes up to four Elasticsearch calls of ELASTICSEARCH_TIMEOUT (5 s) each.
timeout = 30
graceful_timeout = 10
keepalive = 5
# A search of 500 characters (app.search.params.MAX_TEXT) in Chinese or Arabic is up to
# 4,500 bytes once URL-encoded, past gunicorn's default request line (4,094), which it
# refuses with a bare 414; 8,190 is the most gunicorn allows.
limit_request_line = 8190

# One thread per worker stays free for /healthz while the search node stalls
# (app/capacity.py): at most threads - 1 requests work at once.
if "MAX_REQUESTS_IN_FLIGHT" not in os.environ:
    raw_env = [f"MAX_REQUESTS_IN_FLIGHT={max(threads - 1, 1)}"]

# Every worker signs sessions, CSRF tokens and the shortlist with the same key. Without
# SECRET_KEY each worker made its own, so a form posted to another worker had "expired" and
# a shortlist came back empty on most loads. One key is made here, in the arbiter, for the
# workers it starts; sessions then last until the server restarts (`make run` keeps one in
# .secret_key).
MADE_SECRET_KEY = not (os.environ.get("SECRET_KEY") or os.environ.get("FLASK_SECRET_KEY"))
if MADE_SECRET_KEY:
    os.environ["SECRET_KEY"] = secrets.token_hex(32)


def on_starting(server):
    if MADE_SECRET_KEY:
        server.log.warning(
            "SECRET_KEY is not set: the workers share a key made for this run, so staff "
            "sign-ins and shortlists end when the server restarts. Set SECRET_KEY to keep them."
        )


# No control socket by default: gunicorn's default path (~/.gunicorn/gunicorn.ctl) is shared
# by every instance a user starts, so a second instance would take control of the first
# and stopping it would leave the first with none. GUNICORN_CONTROL_SOCKET gives one
# instance its own.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

# Search text can be health information: the access log has no client address, no user
# agent, no referrer and no query string (%(U)s is the path alone).
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# Answers name no server software: a scanner matching "Server: gunicorn" to known flaws
# learns nothing. gunicorn has no setting for the header (its maintainers dropped the
# version in 20.1 and keep the name, benoitc/gunicorn#825), and one set by the app would
# be sent beside its own, so the name each response's header is read from is replaced.
gunicorn.http.wsgi.SERVER = "find-a-physician"
