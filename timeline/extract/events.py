"""Articles into events: the public face of the extraction pipeline (see ``pipeline``)."""

from timeline.extract.pipeline import STAGES, extract_events
from timeline.extract.record import EVENT_KINDS, EXTRACTOR_VERSION, ExtractedEvent, entry_id_for

__all__ = [
    "EVENT_KINDS", "EXTRACTOR_VERSION", "STAGES", "ExtractedEvent", "entry_id_for",
    "extract_events",
]
