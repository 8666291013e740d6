"""Links in exports: source URLs (only absolute http(s), never ``javascript:``), how a source is
credited (its site and title, never its hex article id) and the link back to an entry's page."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from timeline.model import Source, TimelineEntry

#: How a source with neither a title nor a usable URL is credited.
UNNAMED_SOURCE = "Untitled article"
#: Where the JSON Schema of the JSON export is served, below the service's base URL.
SCHEMA_PATH = "/schema/timeline.json"
#: The service's base URL in links when ``TIMELINE_BASE_URL`` is not set (``timeline serve``
#: sets its own bind address). Never the request's Host: any client could otherwise put its own
#: host into the links, and force a new render per Host.
DEFAULT_BASE_URL = "http://localhost"


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


def source_site(source: Source) -> str | None:
    """The site a source was published on (``elpais.com``), from its URL; ``None`` without one."""
    url = safe_url(source.url)
    if url is None:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def source_name(source: Source) -> str:
    """The source credited by site and title: ``elpais.com: El Congreso aprueba…``."""
    site, title = source_site(source), (source.title or "").strip()
    if site and title:
        return f"{site}: {title}"
    return site or title or UNNAMED_SOURCE


def source_label(source: Source) -> str:
    """``source_name`` plus the article's publication date, when known."""
    label = source_name(source)
    return f"{label} ({source.published})" if source.published else label


def entry_link(entry: TimelineEntry, base_url: str) -> str:
    """The entry's page on the service: ``<base_url>/events/<id>`` (relative without a base)."""
    return f"{base_url.rstrip('/')}/events/{quote(entry.entry_id, safe='')}"


def schema_link(base_url: str) -> str:
    """Where the service serves the JSON export's JSON Schema."""
    return f"{base_url.rstrip('/')}{SCHEMA_PATH}"
