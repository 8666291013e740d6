"""The dependency rules, checked by walking every module's imports.

web/cli -> ingest/projections/editorial/exports -> extraction/model -> events (public API only).
Pure modules (extraction, exports, model) do no I/O and read no clock.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = ("timeline/extract", "timeline/dates", "timeline/export", "timeline/model.py")
IO_MODULES = {
    "sqlite3", "sqlite_utils", "flask", "werkzeug", "requests", "urllib.request", "socket",
}
CLOCK_CALLS = {"now", "today", "utcnow", "time", "monotonic"}


def modules(*prefixes: str) -> list[Path]:
    found = []
    for prefix in prefixes:
        path = ROOT / prefix
        found += [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))
    return found


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", modules("events"), ids=_rel)
def test_events_knows_nothing_of_timeline(path: Path) -> None:
    assert not {n for n in imports_of(path) if n.split(".")[0] == "timeline"}


@pytest.mark.parametrize("path", modules("timeline"), ids=_rel)
def test_timeline_uses_only_the_public_api_of_events(path: Path) -> None:
    assert not {n for n in imports_of(path) if n.startswith("events.")}


@pytest.mark.parametrize("path", modules(*PURE), ids=_rel)
def test_pure_modules_do_no_io_and_reach_no_outer_layer(path: Path) -> None:
    names = imports_of(path)
    outer = ("timeline.web", "timeline.cli", "timeline.ingest", "timeline.projections",
             "timeline.editorial", "timeline.archive", "events")
    assert not {n for n in names if n in IO_MODULES or n.split(".")[0] in IO_MODULES}
    assert not {n for n in names if n.startswith(outer)}


@pytest.mark.parametrize("path", modules(*PURE), ids=_rel)
def test_pure_modules_read_no_clock(path: Path) -> None:
    calls = {
        node.func.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"datetime", "date", "time"}
    }
    assert not calls & CLOCK_CALLS


@pytest.mark.parametrize(
    "path", modules("timeline/ingest.py", "timeline/projections", "timeline/export"), ids=_rel
)
def test_the_core_never_reaches_up_to_web_or_cli(path: Path) -> None:
    assert not {n for n in imports_of(path) if n.startswith(("timeline.web", "timeline.cli"))}
