"""The system of record: an append-only, hash-chained event log in SQLite or PostgreSQL.

Public API; everything else in this package is an implementation detail.
"""

from .backend import EventLog, NodeLog, head_listener, is_postgres_url, open_event_log
from .bulk_settings import batch_settings
from .errors import (
    ConcurrencyError,
    EventIdConflict,
    EventLogError,
    InvalidEvent,
    PayloadTooLarge,
    StorageError,
    TamperedLog,
)
from .fold_worker import Sink
from .frozen import positional_constructor
from .postgres_migrate import copy_log
from .prepare import DEFAULT_MAX_EVENT_BYTES
from .projector import Batch, Projection, ProjectionError, Projector, Rebuild
from .records import ANY, GENESIS_HASH, NO_STREAM, ExpectedVersion, Head, NewEvent, StoredEvent
from .registry import EventRegistry
from .schemas import ARCHIVE_TYPES, archive_registry
from .signing import checkpoint_signature, sign_checkpoints
from .sqlite import SqliteEventLog, format_timestamp, utc_now
from .subscription import follow
from .verify import VerifyReport, verify

__all__ = [
    "ANY", "ARCHIVE_TYPES", "DEFAULT_MAX_EVENT_BYTES", "GENESIS_HASH", "NO_STREAM",
    "ConcurrencyError", "EventIdConflict", "EventLogError", "EventRegistry", "ExpectedVersion",
    "Head", "InvalidEvent", "NewEvent", "PayloadTooLarge", "Projection", "ProjectionError", "Batch",
    "Projector", "Rebuild", "SqliteEventLog", "StorageError", "StoredEvent", "TamperedLog",
    "VerifyReport",
    "archive_registry", "follow", "format_timestamp", "utc_now", "verify",
    "checkpoint_signature", "sign_checkpoints", "Sink", "batch_settings",
    "positional_constructor",
    "EventLog", "NodeLog", "copy_log", "head_listener", "is_postgres_url", "open_event_log",
]
