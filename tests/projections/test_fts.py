"""Full-text search: user input is always safe FTS5 syntax, and the Python twin used for "as of"
answers agrees with SQLite on which texts match."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.projections.fts import fts_query, text_matches

TEXTS = ("La alcaldía firmó el acuerdo", "Huelga del METRO en Bogotá", "Port reopens pier 3",
         "Señal de tráfico: «sí» o \"no\"", "Obras del puente (fase 2)")


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)", enumerate(TEXTS))
    return conn


def sql_hits(conn: sqlite3.Connection, q: str) -> set[int]:
    expression = fts_query(q)
    if expression is None:
        return set(range(len(TEXTS)))
    return {r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,))}


@pytest.mark.parametrize(("q", "expected"), [
    ("alcaldia", {0}), ("ALCALDÍA acuerdo", {0}), ("metro bogota", {1}), ("pier 3", {2}),
    ('"no" sí', {3}), ('"no" OR sí', set()), ("puente( fase", {4}), ("NEAR(puente", set()),
    ("*", set(range(5))), ("-huelga", {1}),
    ("metro AND puente", set()), ('"', set(range(5))),
])
def test_hostile_queries_are_quoted_words(fts: sqlite3.Connection, q: str,
                                          expected: set[int]) -> None:
    assert sql_hits(fts, q) == expected


@settings(max_examples=200, deadline=None)
@given(q=st.text(alphabet=st.sampled_from(list("aeioumetrlcdíñ \"'*()-:^0123ÁÉ")), max_size=12))
def test_python_twin_agrees_with_fts5(fts: sqlite3.Connection, q: str) -> None:
    assert sql_hits(fts, q) == {i for i, text in enumerate(TEXTS) if text_matches(q, [text])}
