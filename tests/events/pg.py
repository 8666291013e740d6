"""A real PostgreSQL server for the tests: ``$TIMELINE_TEST_PG`` (a URL; ``.ci/run`` starts one).
Tests that need it skip cleanly when it is not set. Each test gets a schema of its own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_URL = os.environ.get("TIMELINE_TEST_PG", "")
needs_pg = pytest.mark.skipif(not PG_URL, reason="TIMELINE_TEST_PG is not set (no PostgreSQL)")


def fresh_schema() -> Iterator[str]:
    """A new, empty schema name; dropped (with the log in it) afterwards."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    yield name
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def url_with_schema(schema: str) -> str:
    """The test URL, with ``search_path`` set to ``schema`` (as a DBA would give a node)."""
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
