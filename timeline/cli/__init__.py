"""The ``timeline`` command line: thin click commands over the library.

The database is ``--db``, else ``$TIMELINE_DB``, else ``./timeline.db``. Only the CLI and
``create_app`` read the environment.
"""

from __future__ import annotations

import importlib

import click

from timeline.cli.common import main

# Each module registers its commands on ``main`` when imported. A module another part of the
# project has not delivered yet is simply absent from the command list.
_COMMAND_MODULES = (
    "timeline.cli.log_cmds",
    "timeline.cli.dates",
    "timeline.cli.ingest_cmds",
    "timeline.cli.editorial",
    "timeline.cli.views",
    "timeline.cli.export_cmds",
    "timeline.cli.serve",
)

for _name in _COMMAND_MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a module is missing
        if exc.name != _name:
            raise

__all__ = ["click", "main"]
