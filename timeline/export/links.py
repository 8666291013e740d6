"""Which source links an export may show: only absolute http(s) URLs, never ``javascript:``."""

from __future__ import annotations

from urllib.parse import urlsplit

from timeline.model import Source, TimelineEntry


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL without whitespace or control characters."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def first_url(entry: TimelineEntry) -> str | None:
    """The first safe source URL of the entry, if any."""
    for source in entry.sources:
        url = safe_url(source.url)
        if url:
            return url
    return None


def source_label(source: Source) -> str:
    """How a source is named in text: its title, else its article id; plus its date."""
    label = source.title or source.article_id
    return f"{label} ({source.published})" if source.published else label
