"""Subscribable feeds: ``/feeds/<story>.ics|.json|.timelinejs.json|.csv`` (``all`` = everything),
and a story's key dates: ``/feeds/<story>.digest.ics|.digest.json|.digest.timelinejs.json``.

Each answers ``304 Not Modified`` when the client's ETag / Last-Modified is current, before any
export work is done. The exports themselves are the pure functions of ``timeline.export``.
``?all=1`` includes the minor entries (its own ETag: a different representation).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, request

from timeline.digest.publish import DIGEST_FORMATS, publish_digest
from timeline.errors import NotFound
from timeline.export.links import DEFAULT_BASE_URL
from timeline.feed_listing import story_header
from timeline.projections.digest_reads import story_exists
from timeline.publish import ALL, FORMATS, publish
from timeline.web.caching import (
    is_fresh,
    log_validators,
    not_modified,
    with_validators,
)
from timeline.web.db import get_archive
from timeline.web.schemas import DigestArgs, flag
from timeline.web.warm import HEADS, WARM, warm_feed

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
#: URL suffix -> export format name (``timelinejs.json`` -> ``timelinejs``).
SUFFIXES = {fmt.suffix: name for name, fmt in FORMATS.items()}




def base_url() -> str:
    return current_app.config["BASE_URL"] or DEFAULT_BASE_URL


class RenderedFeeds:
    """The last few digest feed bodies this process rendered, and, given a folder
    (``FEED_CACHE_DIR``; ``timeline serve`` keeps one beside the database), every body any
    worker or process rendered: a digest is rendered once per log head. A body depends only on
    the log's head (position and hash), the database and the base URL, so a hit is always
    current. (Whole-story feeds are assembled from per-entry pieces instead.)"""

    def __init__(self, size: int = 32, kept_files: int = 256) -> None:
        self.size = size
        self.kept_files = kept_files
        self._bodies: OrderedDict[tuple[str, ...], str | bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], render: Callable[[], str | bytes],
            folder: str | None = None) -> str | bytes:
        with self._lock:
            if key in self._bodies:
                self._bodies.move_to_end(key)
                return self._bodies[key]
        stored = StoredRenders(Path(folder), self.kept_files) if folder else None
        body = stored.read(key) if stored else None
        if body is None:
            body = render()
            if stored:
                stored.write(key, body)
        with self._lock:
            self._bodies[key] = body
            while len(self._bodies) > self.size:
                self._bodies.popitem(last=False)
        return body


RENDERED = RenderedFeeds()


class StoredRenders:
    """Feed bodies as files named by a hash of their key, written atomically (rename), the
    oldest removed past ``kept`` files."""

    def __init__(self, folder: Path, kept: int) -> None:
        self.folder = folder
        self.kept = kept

    def _path(self, key: tuple[str, ...]) -> Path:
        return self.folder / hashlib.sha256("\0".join(key).encode()).hexdigest()

    def read(self, key: tuple[str, ...]) -> str | bytes | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        return data[1:].decode("utf-8") if data[:1] == b"s" else data[1:]

    def write(self, key: tuple[str, ...], body: str | bytes) -> None:
        """Keep ``body``; a failure (full disk, a race with another pruner) only costs a
        render later, never the request."""
        data = b"s" + body.encode("utf-8") if isinstance(body, str) else b"b" + body
        path = self._path(key)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)
            self._prune()
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _prune(self) -> None:
        files = [(_mtime(p), p) for p in self.folder.iterdir() if not p.name.startswith(".")]
        files.sort()
        for _, old in files[:max(0, len(files) - self.kept)]:
            old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def feed(slug: str, suffix: str) -> Response:
    """A feed: from this worker's warm copy while the log's head has not moved (one head query),
    else assembled from the per-entry pieces (``timeline.publish``) and kept warm."""
    config = current_app.config
    include_minor = "all" in request.args and flag("all")
    url = base_url()
    key = (config["DB"], url, slug, suffix, str(include_minor),
           str(config["FEED_REFRESH_MINUTES"]))
    head = HEADS.head(config["DB"], config.get("READ_MODELS"))
    warm = WARM.get(key, head) if head is not None else None
    if warm is not None:
        return warm.respond()
    return _assembled(key, slug, suffix, include_minor, url)


def _assembled(key: tuple[str, ...], slug: str, suffix: str, include_minor: bool,
               url: str) -> Response:
    archive = get_archive()
    if slug != ALL:
        story_header(archive.log.conn, slug)  # NotFound for an unknown story
    name = SUFFIXES[suffix]
    head = archive.log.head()
    validators = log_validators(head, f"{slug}.{suffix}" + ("+all" if include_minor else ""))
    if is_fresh(validators):
        return not_modified(validators)
    body = publish(
        archive, name, story=None if slug == ALL else slug, base_url=url,
        refresh_minutes=current_app.config["FEED_REFRESH_MINUTES"], include_minor=include_minor,
    ).body
    warm = warm_feed(head, validators, body, FORMATS[name].media_type)
    WARM.put(key, warm)
    return warm.respond()


def _route(kind: str) -> Callable[..., Any]:
    def view(slug: str) -> Response:
        return feed(slug, kind)

    view.__name__ = "feed_" + kind.replace(".", "_")
    return view


for _suffix in SUFFIXES:
    bp.add_url_rule(f"/<slug:slug>.{_suffix}", view_func=_route(_suffix), methods=["GET"])


_DIGEST_ARGS = ("dates", "sentences", "from", "to", "lang")


def digest_feed(slug: str, name: str) -> Response:
    """``/feeds/<story>.digest.ics|.json|.timelinejs.json``: the story's key dates, with the
    API's ``dates``, ``sentences``, ``from``, ``to`` and ``lang`` (other arguments ignored)."""
    archive = get_archive()
    given = {k: request.args[k] for k in _DIGEST_ARGS if k in request.args}
    options = DigestArgs().load(given)
    fmt = DIGEST_FORMATS[name]
    head = archive.log.head()
    shown = "&".join(f"{k}={given[k]}" for k in sorted(given))
    validators = log_validators(head, f"{slug}.{fmt.suffix}" + (f"?{shown}" if shown else ""))
    if is_fresh(validators):
        if not story_exists(archive.log.conn, slug):
            raise NotFound(f"no story {slug!r}", kind="story", key=slug)
        return not_modified(validators)
    url = base_url()
    key = (current_app.config["DB"], url, validators.etag, head.hash)
    body = RENDERED.get(key, lambda: publish_digest(
        archive, slug, name, base_url=url,
        refresh_minutes=current_app.config["FEED_REFRESH_MINUTES"], **options,
    ), current_app.config.get("FEED_CACHE_DIR"))
    return with_validators(Response(body, content_type=fmt.media_type), validators)


def _digest_route(name: str) -> Callable[..., Any]:
    def view(slug: str) -> Response:
        return digest_feed(slug, name)

    view.__name__ = "feed_" + DIGEST_FORMATS[name].suffix.replace(".", "_")
    return view


for _name, _fmt in DIGEST_FORMATS.items():
    bp.add_url_rule(f"/<slug:slug>.{_fmt.suffix}", view_func=_digest_route(_name),
                    methods=["GET"])
