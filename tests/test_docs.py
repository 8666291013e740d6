"""Every public CLI command, its options and every HTTP route are documented in the README."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from timeline.cli import main
from timeline.web import create_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
PLACEHOLDER = re.compile(r"<[^>]*>")


def command_paths(group: click.Group, prefix: str = "timeline") -> Iterator[str]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from command_paths(command, path)
        else:
            yield path


def routes() -> list[str]:
    app = create_app({"DB": ":memory:", "TESTING": True})
    rules = {r.rule for r in app.url_map.iter_rules() if r.endpoint != "static"}
    return sorted(PLACEHOLDER.sub("<>", rule) for rule in rules)


def command_options(group: click.Group, prefix: str = "timeline") -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from command_options(command, f"{prefix} {name}")
            continue
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                yield (f"{prefix} {name}", *param.opts)


@pytest.mark.parametrize("path", list(command_paths(main)))
def test_every_command_is_documented(path: str) -> None:
    assert f"`{path}" in README


@pytest.mark.parametrize("option", list(command_options(main)), ids=" ".join)
def test_every_option_is_documented(option: tuple[str, ...]) -> None:
    _, *names = option
    assert any(re.search(re.escape(name) + r"(?![\w-])", README) for name in names)


@pytest.mark.parametrize("route", routes())
def test_every_route_is_documented(route: str) -> None:
    documented = PLACEHOLDER.sub("<>", README)
    assert f"`{route}`" in documented or f" {route}" in documented or f"`{route}?" in documented
