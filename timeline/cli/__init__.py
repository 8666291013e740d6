"""The ``timeline`` command line: thin click commands over the library.

The database is ``--db``, else ``$TIMELINE_DB``, else ``./timeline.db``. Only the CLI and
``create_app`` read the environment. Each module below registers its commands on ``main``.
"""

from __future__ import annotations

from timeline.cli import (  # noqa: F401 - imported for the commands they register
    dates,
    digest_cmd,
    editorial,
    export_cmds,
    ingest_cmds,
    log_cmds,
    migrate,
    serve,
    views,
)
from timeline.cli.common import main

__all__ = ["main"]
