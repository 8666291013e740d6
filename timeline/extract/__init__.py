"""Pure extraction: temporal expressions (TIMEX3), EDTF dates, and events from articles."""

from timeline.extract.tagger import tag, tag_for_events

__all__ = ["tag", "tag_for_events"]
