"""Timeline Archive: all that is derived from the event log (extraction, ingestion, views)."""

__version__ = "0.1.0"
