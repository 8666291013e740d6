"""Timeline Archive: everything derived from the event log (extraction, ingestion, views, outputs)."""

__version__ = "0.1.0"
