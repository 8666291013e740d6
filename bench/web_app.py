"""The service as ``bench_web`` runs it: ``timeline serve``'s own gunicorn configuration and
app, plus two baselines served by the same server and app: static files from a folder of the
benchmark's (Flask's own static view, so a file the size of a feed can be put beside it) and
a bare ``304`` (a route that does nothing else).

    python -m bench.web_app DB PORT STATIC_FOLDER
"""

from __future__ import annotations

import sys

from flask import Flask, Response

from timeline.cli.serve import REQUEST_CONNECTIONS, TimelineServer, server_options
from timeline.web import create_app
from timeline.web.offload import OffloadRequests

BARE_ETAG = '"bare"'


def bench_app(db: str, port: int, static_folder: str) -> Flask:
    app = create_app({"DB": db, "BASE_URL": f"http://127.0.0.1:{port}",
                      "FEED_CACHE_DIR": f"{db}-feeds"})
    app.static_folder = static_folder

    @app.get("/bench/bare-304")
    def bare_304() -> Response:
        return Response(status=304, headers={"ETag": BARE_ETAG})

    return app


def worker_app(db: str, port: int, static_folder: str) -> OffloadRequests:
    """As ``timeline serve`` runs it in each gevent worker: requests on 8 OS threads."""
    app = bench_app(db, port, static_folder)
    return OffloadRequests(app, threads=8, max_body=app.config["MAX_BODY_BYTES"])


def main(argv: list[str]) -> None:
    db, port, static_folder = argv[0], int(argv[1]), argv[2]
    options = server_options("127.0.0.1", port, workers=2, connections=REQUEST_CONNECTIONS,
                             access_log=None)
    TimelineServer(lambda: worker_app(db, port, static_folder), options).run()


if __name__ == "__main__":
    main(sys.argv[1:])
