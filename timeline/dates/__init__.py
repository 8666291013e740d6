"""Date values below everything that uses them: EDTF bounds and precision, dates in words."""

from timeline.dates.edtf import edtf_bounds, edtf_precision, is_valid_edtf
from timeline.dates.humanize import humanize_edtf

__all__ = ["edtf_bounds", "edtf_precision", "humanize_edtf", "is_valid_edtf"]
