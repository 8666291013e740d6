"""The log's SQLite schema. Immutability is enforced by triggers, not by convention."""

from __future__ import annotations

SCHEMA_VERSION = 1

EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS events (
    position        INTEGER PRIMARY KEY,
    stream_id       TEXT    NOT NULL,
    stream_version  INTEGER NOT NULL,
    event_id        TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    data            TEXT    NOT NULL,
    metadata        TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_recorded_at ON events (recorded_at);
CREATE TRIGGER IF NOT EXISTS events_gapless BEFORE INSERT ON events
WHEN NEW.position != (SELECT IFNULL(MAX(position), 0) + 1 FROM events)
BEGIN SELECT RAISE(ABORT, 'events: position must follow the head'); END;
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events: the log is append-only; UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events: the log is append-only; DELETE refused'); END;
"""

CHECKPOINTS_DDL = """
CREATE TABLE IF NOT EXISTS chain_checkpoints (
    position     INTEGER PRIMARY KEY,
    hash         TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS chain_checkpoints_no_update BEFORE UPDATE ON chain_checkpoints
BEGIN SELECT RAISE(ABORT, 'chain_checkpoints: append-only; UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS chain_checkpoints_no_delete BEFORE DELETE ON chain_checkpoints
BEGIN SELECT RAISE(ABORT, 'chain_checkpoints: append-only; DELETE refused'); END;
"""

META_DDL = """
CREATE TABLE IF NOT EXISTS log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

INSERT_EVENT = (
    "INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version,"
    " data, metadata, recorded_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)

COLUMNS = (
    "position, stream_id, stream_version, event_id, type, schema_version,"
    " data, metadata, recorded_at, prev_hash, hash"
)


def create_schema(conn) -> None:  # type: ignore[no-untyped-def]
    """Create the log's tables and triggers if missing (idempotent)."""
    conn.executescript(EVENTS_DDL + CHECKPOINTS_DDL + META_DDL)
    conn.execute(
        "INSERT OR IGNORE INTO log_meta (key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )
    conn.commit()
