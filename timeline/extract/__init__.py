"""Pure extraction: temporal expressions (TIMEX3), EDTF dates, and events from articles."""

from timeline.extract.edtf import edtf_bounds, edtf_precision, humanize_edtf, timex_to_edtf
from timeline.extract.tagger import tag, tag_for_events

__all__ = [
    "edtf_bounds",
    "edtf_precision",
    "humanize_edtf",
    "tag",
    "tag_for_events",
    "timex_to_edtf",
]
