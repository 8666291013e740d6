"""iCal TEXT escaping read back by an RFC 5545 reader of our own (not icalendar's parser), so a
change in how text is escaped is caught by meaning, not only by the golden bytes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from timeline.export.ical import to_ical

_ESCAPE = re.compile(r"\\([\\;,nN])")


def unfold(data: bytes) -> list[str]:
    """RFC 5545 3.1: a CRLF followed by one space or tab continues the line."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def text_value(line: str) -> str:
    """The TEXT after ``NAME[;params]:``, unescaped (RFC 5545 3.3.11)."""
    value = line.split(":", 1)[1]
    assert not re.search(r"(?<!\\)(?:\\\\)*[;,]", value.replace("\\\\", "")), value
    return _ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def summaries(data: bytes) -> list[str]:
    return [text_value(line) for line in unfold(data) if line.startswith("SUMMARY")]


SPECIALS = st.text(st.sampled_from(list("ab ,;:\\\n\"\t<>é🎉")), min_size=1, max_size=60)


@given(headline=SPECIALS)
def test_summary_text_reads_back_as_written(make_entry, meta, headline):  # type: ignore[no-untyped-def]
    data = to_ical([make_entry(headline=headline)], meta)
    assert summaries(data) == [headline]


def test_commas_semicolons_backslashes_and_newlines_are_escaped(make_entry, meta):  # type: ignore[no-untyped-def]
    data = to_ical([make_entry(headline="a, b; c\\ d\ne")], meta)
    line = next(line for line in unfold(data) if line.startswith("SUMMARY"))
    assert line == "SUMMARY:a\\, b\\; c\\\\ d\\ne"
    assert summaries(data) == ["a, b; c\\ d\ne"]
