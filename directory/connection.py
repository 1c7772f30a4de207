"""Building an Elasticsearch client from settings; shared by the app and the CLI."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import orjson
from elasticsearch import Elasticsearch, Urllib3HttpConnection
from elasticsearch.connection.base import logger, tracer
from elasticsearch.exceptions import SerializationError
from elasticsearch.serializer import JSONSerializer


class OrjsonSerializer(JSONSerializer):
    """The client's JSON in and out with orjson: a search response is decoded on every
    page, and the standard library's decoder was the largest Python cost of a search."""

    def loads(self, s):
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError as error:
            raise SerializationError(s, error) from error

    def dumps(self, data):
        if isinstance(data, str | bytes):  # already serialised (bulk and msearch bodies), as
            # the stock JSONSerializer treats them: the loader sends bulk bodies as bytes
            return data
        try:
            return orjson.dumps(data, default=self.default, option=orjson.OPT_NON_STR_KEYS).decode()
        except TypeError as error:
            raise SerializationError(data, error) from error


class Connection(Urllib3HttpConnection):
    """The stock connection, minus decoding every request body to text for a debug log
    that is off: for the loader's bulk requests that was megabytes a request, ~3% of
    its CPU. With ``elasticsearch`` at DEBUG or the trace log on, it logs as before."""

    def log_request_success(self, method, full_url, path, body, status_code, response, duration):
        if not _logs_bodies():
            body = None  # read by nothing below: only the debug and trace lines show it
        super().log_request_success(method, full_url, path, body, status_code, response, duration)


def _logs_bodies() -> bool:
    return logger.isEnabledFor(logging.DEBUG) or (
        tracer.isEnabledFor(logging.INFO) and bool(tracer.handlers)
    )


def client_from_settings(
    settings: Mapping[str, object], timeout: float | None = None
) -> Elasticsearch:
    """A client for ``ELASTICSEARCH_URL`` (a comma list means several nodes)."""
    hosts = [h.strip() for h in str(settings["ELASTICSEARCH_URL"]).split(",") if h.strip()]
    options: dict[str, object] = {
        "timeout": timeout if timeout is not None else settings["ELASTICSEARCH_TIMEOUT"],
        # One retry on another node is cheap; more would blow a page's time budget.
        "max_retries": 1,
        # With several nodes, a timeout marks that node dead and retries on another, so a
        # frozen node stops taking searches; with one node a retry would only double the wait.
        "retry_on_timeout": len(hosts) > 1,
        "serializer": OrjsonSerializer(),
        "connection_class": Connection,
    }
    if settings.get("ELASTICSEARCH_API_KEY"):
        options["api_key"] = settings["ELASTICSEARCH_API_KEY"]
    elif settings.get("ELASTICSEARCH_USERNAME"):
        options["http_auth"] = (
            settings["ELASTICSEARCH_USERNAME"],
            settings["ELASTICSEARCH_PASSWORD"],
        )
    if settings.get("ELASTICSEARCH_CA_CERTS"):
        options["ca_certs"] = settings["ELASTICSEARCH_CA_CERTS"]
    return Elasticsearch(hosts, **options)
