"""Conditional GET for feeds: ETag and Last-Modified come from the log (its head position and
when that was recorded), never the wall clock, so an unchanged log answers ``304``. Every feed
response also names the head it reflects (``X-Timeline-Head: POSITION:HASH``): a witness anyone
can keep and check later with ``timeline verify --expect``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask import Response, request
from werkzeug.http import is_resource_modified

from events import Head

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str  # weak: gzip and identity bodies share it
    last_modified: datetime
    head: str = ""  # POSITION:HASH of the log's head


HEAD_HEADER = "X-Timeline-Head"


def recorded_at(head: Head) -> datetime:
    """When the head was recorded (the epoch for an empty log), to the second."""
    if not head.recorded_at:
        return EPOCH
    moment = datetime.fromisoformat(head.recorded_at.replace("Z", "+00:00"))
    return moment.astimezone(UTC).replace(microsecond=0)


def log_validators(head: Head, key: str) -> Validators:
    """Validators for a representation ``key`` (``vivienda.ics``) of the log at ``head``."""
    return Validators(etag=f"{key}-{head.position}", last_modified=recorded_at(head),
                      head=f"{head.position}:{head.hash}")


def is_fresh(validators: Validators) -> bool:
    """Whether the client's copy (If-None-Match / If-Modified-Since) is still current."""
    return not is_resource_modified(
        request.environ, etag=validators.etag, last_modified=validators.last_modified
    )


def with_validators(response: Response, validators: Validators) -> Response:
    response.set_etag(validators.etag, weak=True)
    response.last_modified = validators.last_modified
    response.cache_control.public = True
    response.cache_control.no_cache = True  # revalidate each time; 304s are cheap
    if validators.head:
        response.headers[HEAD_HEADER] = validators.head
    return response


def not_modified(validators: Validators) -> Response:
    return with_validators(Response(status=304), validators)
