"""Fixtures for the web service: an app on a temporary archive, test tokens, own articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from timeline.web import create_app

TOKEN = "test-token-alice"
OTHER_TOKEN = "test-token-bob"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

#: Original fixture articles (written for these tests).
HARBOUR = {
    "text": (
        "The harbour authority said on Monday that the new ferry pier will open on "
        "14 December 2025. Dock workers walked out in March 2025 over night shifts, and "
        "the strike ended in late April after talks led by mediator Ana Ruiz."
    ),
    "published": "2025-11-17", "lang": "en", "url": "https://news.example.org/harbour-pier",
    "title": "Ferry pier to open in December", "story": "harbour",
}
LIBRARY = {
    "text": (
        "The city library first opened in 1952 and was rebuilt between 1978 and 1982. "
        "Mayor Lena Ortiz said on 3 February 2026 that a new reading room would open "
        "in June 2026."
    ),
    "published": "2026-02-04", "lang": "en", "url": "https://news.example.org/library",
    "title": "Library plans a new reading room",
}
HOSTILE = {
    "text": (
        'Officials said on 2 March 2026 that "<script>alert(1)</script>" and '
        "'\"><img src=x onerror=alert(2)> would be reviewed by the council in April 2026."
    ),
    "published": "2026-03-03", "lang": "en",
    "url": "https://news.example.org/hostile?a=1&b=\"2\"",
    "title": 'Review of "<b>markup</b>" & quotes',
}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


@pytest.fixture
def settings(db_path: Path) -> dict[str, Any]:
    return {
        "TESTING": True, "DB": str(db_path),
        "API_TOKENS": f"alice:{TOKEN},bob:{OTHER_TOKEN}",
        "STREAM_POLL_SECONDS": 0.01, "STREAM_HEARTBEAT_SECONDS": 0.0,
        "STREAM_MAX_SECONDS": 5.0, "STREAM_MAX_EVENTS": None,
    }


@pytest.fixture
def app(settings: dict[str, Any]) -> Flask:
    return create_app(settings)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


def ingest(client: FlaskClient, article: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code in (200, 201), response.get_json()
    return response.get_json()


@pytest.fixture
def loaded(client: FlaskClient) -> Iterator[dict[str, Any]]:
    """The archive with the harbour and library articles ingested."""
    yield {"harbour": ingest(client, HARBOUR), "library": ingest(client, LIBRARY)}
