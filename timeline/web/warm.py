"""Warm feeds: the last response of each feed in this process, served again while the log's
head is where it was, at the cost of one head query.

A feed's body depends only on the log's head (position and hash), the database, the base URL
and its own name and flags. So each worker keeps, per feed, the head it was assembled at, its
body (and the gzip of it, made once on first demand), its ETag and Last-Modified as header
text: a request whose head matches is answered without opening the archive, querying the read
models, or rendering anything. The head comes from a log connection each worker thread keeps
open (``HeadProbe``).
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from flask import Response, request
from werkzeug.http import http_date, is_resource_modified, quote_etag

from events import Head, SqliteEventLog
from timeline.archive import open_log
from timeline.web.caching import HEAD_HEADER, Validators
from timeline.web.compression import MIN_BYTES

#: Compression level for feed bodies: made once per head, so worth the best ratio/time.
GZIP_LEVEL = 6
#: Cache-Control of every feed: any cache may keep it, and revalidates each time (the 304 is
#: cheap), so a correction reaches subscribers at once.
FEED_CACHE_CONTROL = "public, no-cache"


@dataclass(slots=True)
class WarmFeed:
    """One feed as last served: the head it reflects, its body and its header values."""

    head: tuple[int, str]
    validators: Validators
    body: bytes
    media_type: str
    headers: dict[str, str]
    gzipped: bytes | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def gzip_body(self) -> bytes:
        if self.gzipped is None:
            with self._lock:
                if self.gzipped is None:
                    self.gzipped = gzip.compress(self.body, compresslevel=GZIP_LEVEL, mtime=0)
        return self.gzipped

    def respond(self) -> Response:
        """200 with the body (gzip when the client takes it), or 304 when its copy is current."""
        if self.is_current():
            return Response(status=304, headers=self.headers)
        headers = dict(self.headers)
        headers["Vary"] = "Accept-Encoding"
        body = self.body
        if len(body) >= MIN_BYTES and request.accept_encodings.quality("gzip") > 0:
            body = self.gzip_body()
            headers["Content-Encoding"] = "gzip"
        return Response(body, headers=headers, content_type=self.media_type)


    def is_current(self) -> bool:
        """Whether the client's copy is current: its ``If-None-Match`` is our ETag as we sent
        it (the usual case, one string comparison), else RFC 9110's rules."""
        environ = request.environ
        if environ.get("HTTP_IF_NONE_MATCH") == self.headers["ETag"]:
            return True
        return not is_resource_modified(environ, etag=self.validators.etag,
                                        last_modified=self.validators.last_modified)


def warm_feed(head: Head, validators: Validators, body: bytes, media_type: str) -> WarmFeed:
    headers = {
        "ETag": quote_etag(validators.etag, weak=True),
        "Last-Modified": http_date(validators.last_modified),
        "Cache-Control": FEED_CACHE_CONTROL,
        HEAD_HEADER: validators.head,
    }
    return WarmFeed((head.position, head.hash), validators, body, media_type, headers)


class WarmFeeds:
    """The last ``size`` feeds this process served."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._feeds: OrderedDict[tuple[str, ...], WarmFeed] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], head: Head) -> WarmFeed | None:
        """The feed if it was assembled at ``head``."""
        feed = self._feeds.get(key)
        if feed is None or feed.head != (head.position, head.hash):
            return None
        return feed

    def put(self, key: tuple[str, ...], feed: WarmFeed) -> None:
        with self._lock:
            self._feeds[key] = feed
            self._feeds.move_to_end(key)
            while len(self._feeds) > self.size:
                self._feeds.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._feeds.clear()


WARM = WarmFeeds()


class HeadProbe:
    """The log's head from a connection each thread keeps (the last few databases it used)."""

    def __init__(self, kept: int = 4) -> None:
        self.kept = kept
        self._local = threading.local()

    def head(self, db: str, read_models: str | None) -> Head | None:
        """The head, or ``None`` when it cannot be probed this way (an in-memory database)."""
        if db == ":memory:":
            return None
        logs: OrderedDict[tuple[str, str | None], SqliteEventLog] | None = getattr(
            self._local, "logs", None)
        if logs is None:
            logs = self._local.logs = OrderedDict()
        key = (db, read_models)
        log = logs.get(key)
        if log is None:
            log = logs[key] = open_log(db, read_models=read_models)
            while len(logs) > self.kept:
                logs.popitem(last=False)[1].close()
        logs.move_to_end(key)
        return log.head()


HEADS = HeadProbe()
