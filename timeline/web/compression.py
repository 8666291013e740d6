"""gzip for text responses when the client accepts it (no extra dependency: stdlib gzip)."""

from __future__ import annotations

import gzip

from flask import Flask, Response, request

MIN_BYTES = 500
COMPRESSIBLE = (
    "text/", "application/json", "application/javascript", "image/svg+xml",
    "application/xml", "application/rss+xml",
)


def _compressible(response: Response) -> bool:
    return (
        response.status_code == 200
        and not response.is_streamed
        and not response.direct_passthrough
        and "Content-Encoding" not in response.headers
        and (response.mimetype or "").startswith(COMPRESSIBLE)
        and response.mimetype != "text/event-stream"
    )


def gzip_response(response: Response) -> Response:
    if not _compressible(response):
        return response
    response.vary.add("Accept-Encoding")
    if request.accept_encodings.quality("gzip") <= 0:
        return response
    body = response.get_data()
    if len(body) < MIN_BYTES:
        return response
    response.set_data(gzip.compress(body, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    return response


def init_app(app: Flask) -> None:
    app.after_request(gzip_response)
