"""gunicorn settings: ``gunicorn -c gunicorn.conf.py wsgi:app`` (`make run`, bench/).

Tuned on the 2-core box in docs/benchmarks.md: 3 workers x 4 threads for requests, plus
one thread per worker kept free for /healthz (below). Override with GUNICORN_BIND,
GUNICORN_WORKERS and GUNICORN_THREADS rather than flags, so the settings derived from
them (the in-flight limit) stay consistent.
"""

import os

import gunicorn.http.wsgi

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "5"))
worker_class = "gthread"
# A results page makes up to four Elasticsearch calls of ELASTICSEARCH_TIMEOUT (5 s) each.
timeout = 30
graceful_timeout = 10
keepalive = 5

# One thread per worker stays free for /healthz while the search node stalls
# (app/capacity.py): at most threads - 1 requests work at once.
if "MAX_REQUESTS_IN_FLIGHT" not in os.environ:
    raw_env = [f"MAX_REQUESTS_IN_FLIGHT={max(threads - 1, 1)}"]

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
