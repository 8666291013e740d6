"""The OpenAPI document covers every /api route (and no more); schemathesis finds no 500s."""

from __future__ import annotations

import re

import pytest
import schemathesis
import schemathesis.checks
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_

from tests.web.conftest import AUTH, HARBOUR, ingest
from timeline.web import create_app
from timeline.web.openapi import openapi_document

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def documented(app: Flask, prefix: str = "/api/") -> set[tuple[str, str]]:
    paths = app.test_client().get("/api/openapi.json").get_json()["paths"]
    return {(path, method.upper()) for path, item in paths.items() for method in item
            if path.startswith(prefix)}


def routed(app: Flask, prefix: str = "/api/") -> set[tuple[str, str]]:
    return {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method)
        for rule in app.url_map.iter_rules() if rule.rule.startswith(prefix)
        for method in (rule.methods or set()) - IGNORED_METHODS
    }


def test_every_api_route_is_documented_and_nothing_else(app: Flask) -> None:
    assert documented(app) == routed(app)


def test_every_feed_route_is_documented_with_its_media_type(app: Flask) -> None:
    assert documented(app, "/feeds/") == routed(app, "/feeds/") != set()
    paths = openapi_document()["paths"]
    media = {path: set(paths[path]["get"]["responses"]["200"]["content"])
             for path, _ in documented(app, "/feeds/")}
    assert media["/feeds/{slug}.ics"] == media["/feeds/{slug}.digest.ics"] == {"text/calendar"}
    assert media["/feeds/{slug}.csv"] == {"text/csv"}
    assert media["/feeds/{slug}.json"] == {"application/json"}
    names = {p["name"] for p in paths["/feeds/{slug}.digest.json"]["get"]["parameters"]}
    assert {"slug", "dates", "sentences", "from", "to", "lang", "If-None-Match"} <= names


def test_the_entry_in_the_document_is_the_published_json_schema(client: FlaskClient) -> None:
    published = client.get("/schema/timeline.json").get_json()["$defs"]["entry"]
    entry = openapi_document()["components"]["schemas"]["Entry"]
    assert entry["required"] == published["required"]
    assert set(entry["properties"]) == set(published["properties"])


def test_every_operation_documents_its_error_shape(app: Flask) -> None:
    doc = app.test_client().get("/api/openapi.json").get_json()
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            codes = set(operation["responses"])
            assert any(c.startswith("2") for c in codes), (path, method)
            if "security" in operation:
                assert {"401", "403", "413"} <= codes, (path, method)


def test_the_events_listing_documents_all_and_the_new_entry_fields() -> None:
    doc = openapi_document()
    names = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {"all", "actor"} <= names
    entry = doc["components"]["schemas"]["Entry"]["properties"]
    assert {"places", "salience", "kind"} <= set(entry)
    assert "narrative" in entry["derivation"]["enum"]


def test_every_field_an_entry_has_is_documented(client, loaded) -> None:
    documented = set(openapi_document()["components"]["schemas"]["Entry"]["properties"])
    entry_id = loaded["harbour"]["events"][0]["id"]
    assert set(client.get(f"/api/events/{entry_id}").get_json()) <= documented


#: Valid JSON can still be refused for what JSON Schema cannot say (a date that does not
#: exist, a language that cannot be detected, an entry id that is not there): 4xx, never 5xx.
schemathesis.checks.load_all_checks()
SEMANTIC = [
    schemathesis.checks.CHECKS.get_one(name)
    for name in ("positive_data_acceptance",)
]

OPERATIONS = sorted(
    (path, method) for path, item in openapi_document()["paths"].items() for method in item
)


@pytest.mark.slow
@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_the_api_conforms_to_its_document_and_never_fails(settings, path, method) -> None:
    app = create_app({**settings, "STREAM_MAX_SECONDS": 0.05})
    ingest(app.test_client(), HARBOUR)
    operation = schemathesis.openapi.from_wsgi("/api/openapi.json", app)[path][method.upper()]

    @given(case=operation.as_strategy())
    @settings_(max_examples=25, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case) -> None:
        # the WSGI transport does not decode gzip: ask for identity bodies
        headers = {**AUTH, "Accept-Encoding": "identity"}
        response = case.call_and_validate(headers=headers, excluded_checks=SEMANTIC)
        assert response.status_code < 500

    check()
