"""Building an Elasticsearch client from settings; shared by the app and the CLI."""

from __future__ import annotations

from collections.abc import Mapping

import orjson
from elasticsearch import Elasticsearch
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
