"""CORS for what other sites may read: the public GET API and the JSON/CSV feeds."""

from __future__ import annotations

from flask import Flask, Response, request

SHARED_FEEDS = (".json", ".csv")


def _shared(path: str, method: str) -> bool:
    if method not in ("GET", "HEAD"):
        return False
    return path.startswith("/api/") or (path.startswith("/feeds/") and path.endswith(SHARED_FEEDS))


def add_cors(response: Response) -> Response:
    if _shared(request.path, request.method):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_cors)
