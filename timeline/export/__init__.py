"""Exports: pure functions from timeline entries (and a feed header) to text or bytes.

No I/O and no clock: everything time-like (``generated_at``, ``updated_at``) comes from the
log, so the same log always exports the same bytes.
"""

from timeline.export.csv_export import to_csv
from timeline.export.display import display_date
from timeline.export.ical import to_ical
from timeline.export.json_timeline import from_json, to_json
from timeline.export.meta import FeedInfo, TimelineMeta
from timeline.export.timelinejs import to_timelinejs, to_timelinejs_json

__all__ = [
    "FeedInfo",
    "TimelineMeta",
    "display_date",
    "from_json",
    "to_csv",
    "to_ical",
    "to_json",
    "to_timelinejs",
    "to_timelinejs_json",
]
