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

#: HMAC signatures of checkpoints, made by whoever holds the key (``sign_checkpoints``).
SIGNATURES_DDL = """
CREATE TABLE IF NOT EXISTS checkpoint_signatures (
    position   INTEGER PRIMARY KEY,
    signature  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS checkpoint_signatures_no_update
BEFORE UPDATE ON checkpoint_signatures
BEGIN SELECT RAISE(ABORT, 'checkpoint_signatures: append-only; UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS checkpoint_signatures_no_delete
BEFORE DELETE ON checkpoint_signatures
BEGIN SELECT RAISE(ABORT, 'checkpoint_signatures: append-only; DELETE refused'); END;
"""

META_DDL = """
CREATE TABLE IF NOT EXISTS log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

#: The triggers that keep the log append-only; a missing one is recreated when the log opens.
TRIGGERS = (
    "events_gapless", "events_no_update", "events_no_delete",
    "chain_checkpoints_no_update", "chain_checkpoints_no_delete",
    "checkpoint_signatures_no_update", "checkpoint_signatures_no_delete",
)

INSERT_EVENT = (
    "INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version,"
    " data, metadata, recorded_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)

COLUMNS = (
    "position, stream_id, stream_version, event_id, type, schema_version,"
    " data, metadata, recorded_at, prev_hash, hash"
)


def create_schema(conn) -> None:  # type: ignore[no-untyped-def]
    """Create the log's tables and triggers if missing (idempotent). Opening a current log
    writes nothing, so readers never queue behind the writer."""
    marks = ",".join("?" * len(TRIGGERS))
    present = conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        TRIGGERS,
    ).fetchone()[0]
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_meta'"
    ).fetchone()
    if present == len(TRIGGERS) and has_meta and conn.execute(
        "SELECT value FROM log_meta WHERE key = 'schema_version'"
    ).fetchone() == (str(SCHEMA_VERSION),):
        return
    conn.executescript(EVENTS_DDL + CHECKPOINTS_DDL + SIGNATURES_DDL + META_DDL)
    conn.execute(
        "INSERT OR IGNORE INTO log_meta (key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )
    conn.commit()
