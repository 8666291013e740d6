"""The log's PostgreSQL schema. As in SQLite, immutability is the database's job, not a convention.

- ``events`` and ``chain_checkpoints`` refuse UPDATE, DELETE and TRUNCATE (statement triggers, so
  even a statement touching no row is refused), whoever runs it.
- ``log_head`` is one row (position, hash, recorded_at) kept by an AFTER INSERT statement trigger
  on ``events``: a batch must start right after the head, follow its hash and run without a gap.
  Appenders lock that row first (``log_lock_head()``), so appends are serialised across every
  node and each event chains to its predecessor. The same trigger NOTIFYs the new head position.
- The role ``timeline_writer`` (created when the connecting user may) holds only SELECT and INSERT
  on the log: applications log in as a member of it and can never UPDATE or DELETE.
"""

from __future__ import annotations

import re

from .errors import InvalidEvent
from .records import GENESIS_HASH

SCHEMA_VERSION = 1
WRITER_ROLE = "timeline_writer"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,40}\Z")


def check_identifier(name: str, field: str) -> str:
    if not isinstance(name, str) or not _IDENTIFIER.match(name):
        raise InvalidEvent(f"{field} must be a lowercase SQL identifier, not {name!r}", field=field)
    return name


def schema_in_url(url: str) -> str:
    """The schema a URL's ``options=-csearch_path=…`` names first, else ``public``."""
    from psycopg import Error
    from psycopg.conninfo import conninfo_to_dict

    from .errors import StorageError
    from .postgres_connect import describe, first_line

    try:
        options = str(conninfo_to_dict(url).get("options") or "")
    except (Error, ValueError) as exc:
        raise StorageError(
            f"invalid PostgreSQL URL for {describe(url)}: {first_line(exc, url)}"
        ) from exc
    found = re.search(r"search_path\s*=\s*([A-Za-z0-9_]+)", options)
    return found.group(1).lower() if found else "public"


def channel_for(schema: str) -> str:
    """The NOTIFY channel carrying the new head position of the log in ``schema``."""
    return f"timeline_log_{schema}"


TABLES = """
CREATE SCHEMA IF NOT EXISTS {s};
CREATE TABLE IF NOT EXISTS {s}.events (
    position        bigint  PRIMARY KEY,
    stream_id       text    NOT NULL,
    stream_version  bigint  NOT NULL,
    event_id        text    NOT NULL UNIQUE,
    type            text    NOT NULL,
    schema_version  integer NOT NULL,
    data            text    NOT NULL,
    metadata        text    NOT NULL,
    recorded_at     text    NOT NULL,
    prev_hash       text    NOT NULL,
    hash            text    NOT NULL,
    UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_recorded_at ON {s}.events (recorded_at);
CREATE TABLE IF NOT EXISTS {s}.chain_checkpoints (
    position     bigint PRIMARY KEY,
    hash         text   NOT NULL,
    recorded_at  text   NOT NULL
);
CREATE TABLE IF NOT EXISTS {s}.log_head (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    position     bigint  NOT NULL,
    hash         text    NOT NULL,
    recorded_at  text
);
INSERT INTO {s}.log_head (singleton, position, hash) VALUES (true, 0, '{genesis}')
    ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS {s}.log_meta (key text PRIMARY KEY, value text NOT NULL);
"""

FUNCTIONS = """
CREATE OR REPLACE FUNCTION {s}.log_lock_head()
RETURNS TABLE (head_position bigint, head_hash text, head_recorded_at text)
LANGUAGE sql SECURITY DEFINER SET search_path = {s}, pg_temp AS
$$ SELECT h.position, h.hash, h.recorded_at FROM log_head h FOR UPDATE $$;

CREATE OR REPLACE FUNCTION {s}.events_follow_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
DECLARE lo bigint; hi bigint; n bigint; head record; first_prev text; last record;
BEGIN
    SELECT min(r.position), max(r.position), count(*) INTO lo, hi, n FROM new_rows r;
    IF n = 0 THEN RETURN NULL; END IF;
    SELECT h.position, h.hash INTO head FROM log_head h FOR UPDATE;
    SELECT r.prev_hash INTO first_prev FROM new_rows r WHERE r.position = lo;
    IF lo <> head.position + 1 OR hi - lo + 1 <> n OR first_prev <> head.hash THEN
        RAISE EXCEPTION 'events: position must follow the head (head %, batch % to %)',
            head.position, lo, hi USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT r.hash, r.recorded_at INTO last FROM new_rows r WHERE r.position = hi;
    UPDATE log_head SET position = hi, hash = last.hash, recorded_at = last.recorded_at;
    PERFORM pg_notify('{channel}', hi::text);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION {s}.log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'log_head' AND pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
    RAISE EXCEPTION '%: the log is append-only; % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE TRIGGER events_follow_head AFTER INSERT ON {s}.events
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {s}.events_follow_head();
CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {s}.events
    FOR EACH STATEMENT EXECUTE FUNCTION {s}.log_refuse_change();
CREATE OR REPLACE TRIGGER chain_checkpoints_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON {s}.chain_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION {s}.log_refuse_change();
CREATE OR REPLACE TRIGGER log_head_kept_by_trigger
    BEFORE UPDATE OR DELETE OR TRUNCATE ON {s}.log_head
    FOR EACH STATEMENT EXECUTE FUNCTION {s}.log_refuse_change();
REVOKE ALL ON {s}.events, {s}.chain_checkpoints, {s}.log_head, {s}.log_meta FROM PUBLIC;
REVOKE ALL ON FUNCTION {s}.log_lock_head() FROM PUBLIC;
"""

#: Creates the writer role if it is missing and the connecting user may create roles.
WRITER_ROLE_SQL = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
        CREATE ROLE {role} NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege OR duplicate_object THEN NULL;
END $$;
"""

WRITER_GRANTS = """
GRANT USAGE ON SCHEMA {s} TO {role};
GRANT SELECT, INSERT ON {s}.events, {s}.chain_checkpoints TO {role};
GRANT SELECT ON {s}.log_head, {s}.log_meta TO {role};
GRANT EXECUTE ON FUNCTION {s}.log_lock_head() TO {role};
"""

META = """
INSERT INTO {s}.log_meta (key, value) VALUES ('schema_version', '{version}')
    ON CONFLICT (key) DO NOTHING;
"""


def schema_script(schema: str) -> str:
    """Tables, functions and triggers (idempotent)."""
    s = check_identifier(schema, "schema")
    return (TABLES + FUNCTIONS + META).format(
        s=s, genesis=GENESIS_HASH, channel=channel_for(s), version=SCHEMA_VERSION
    )


def role_scripts(schema: str, role: str) -> tuple[str, str]:
    """(create the role if allowed, grant it the log's privileges)."""
    s, r = check_identifier(schema, "schema"), check_identifier(role, "writer_role")
    return WRITER_ROLE_SQL.format(role=r), WRITER_GRANTS.format(s=s, role=r)


COLUMNS = (
    "position, stream_id, stream_version, event_id, type, schema_version,"
    " data, metadata, recorded_at, prev_hash, hash"
)
