"""Every route of the OpenAPI document, fuzzed by schemathesis: no input gets a 5xx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import AUTH, HARBOUR, TOKEN
from timeline.web import create_app

schemathesis = pytest.importorskip("schemathesis")


def _operations(app: Any) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_no_route_answers_a_5xx(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "DB": str(tmp_path / "t.db"), "API_TOKENS": f"a:{TOKEN}",
                      "STREAM_MAX_EVENTS": 0, "STREAM_MAX_SECONDS": 0.05,
                      "STREAM_POLL_SECONDS": 0.01})
    app.test_client().post("/api/articles", json=HARBOUR, headers=AUTH)
    failures: list[str] = []
    for operation in _operations(app):

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def fuzz(case: Any) -> None:
            response = case.call(app=app, headers=AUTH)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {response.text[:200]}")

        fuzz()
    assert not failures, failures
