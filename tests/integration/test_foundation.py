"""The foundation: the app talks to a real Elasticsearch 7.10.2 node and reports its health."""

from __future__ import annotations

from conftest import make_app


def test_client_talks_to_real_elasticsearch_7_10_2(es):
    info = es.info()  # the 7.17 client's product check runs on this first call
    assert info["version"]["number"] == "7.10.2"
    assert info["version"]["build_flavor"] == "default"


def test_healthz_answers_without_the_cluster():
    app = make_app("unused", ELASTICSEARCH_URL="http://127.0.0.1:9")
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_is_503_with_a_reason_when_the_alias_is_missing(es, alias):
    response = make_app(alias).test_client().get("/readyz")
    assert response.status_code == 503
    assert alias in response.get_json()["reason"]
    assert response.headers["Retry-After"]


def test_readyz_is_200_once_the_alias_exists(es, alias):
    es.indices.create(index=f"{alias}-00000000000000000000", aliases={alias: {}})
    response = make_app(alias).test_client().get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ready"


def test_readyz_is_503_when_the_cluster_is_unreachable():
    app = make_app("physicians", ELASTICSEARCH_URL="http://127.0.0.1:9")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert "unreachable" in response.get_json()["reason"]


def test_street_addresses_need_a_configured_online_geocoder():
    from geopy.geocoders import Nominatim

    assert "geocoder" not in make_app("unused").extensions  # offline by default
    app = make_app("unused", GEOCODER="nominatim")
    assert isinstance(app.extensions["geocoder"], Nominatim)


def test_a_timeout_retries_on_another_node_only_when_there_is_one():
    from directory.connection import client_from_settings

    settings = {"ELASTICSEARCH_URL": "http://127.0.0.1:9200", "ELASTICSEARCH_TIMEOUT": 5}
    assert client_from_settings(settings).transport.retry_on_timeout is False
    two = {**settings, "ELASTICSEARCH_URL": "http://127.0.0.1:9200,http://127.0.0.1:9201"}
    client = client_from_settings(two)
    assert client.transport.retry_on_timeout is True
    assert len(client.transport.connection_pool.connections) == 2
