"""Every interface string shown to readers has its Spanish (issue 12, item 6).

The English source text is the key: the strings are read from the templates' ``_()`` and
``ngettext()`` calls and from the viewer's word tables, then looked up in the catalogue.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from jinja2 import Environment
from jinja2.ext import extract_from_ast

from timeline.web import catalogue_es, error_words, templating
from timeline.web.overview import MONTH_NAMES

WEB = Path(templating.__file__).parent
TEMPLATES = sorted((WEB / "templates").glob("*.html"))
PYTHON = sorted(WEB.glob("*.py"))


def template_messages() -> list[tuple[str, str | tuple[str, str]]]:
    env = Environment()
    found: list[tuple[str, str | tuple[str, str]]] = []
    for path in TEMPLATES:
        tree = env.parse(path.read_text(encoding="utf-8"))
        for line, name, message in extract_from_ast(tree, ("_", "ngettext")):
            where = f"{path.name}:{line}"
            if isinstance(message, tuple):  # keyword arguments show as None
                message = tuple(m for m in message if m is not None)
                message = message[0] if name == "_" and len(message) == 1 else message
            if name == "_":
                assert isinstance(message, str), f"{where}: _() needs a literal string"
                found.append((where, message))
            else:
                assert isinstance(message, tuple) and len(message) == 2, f"{where}: ngettext"
                found.append((where, (str(message[0]), str(message[1]))))
    return found


def python_messages() -> list[tuple[str, str]]:
    """Literal strings passed to ``gettext``/``ngettext`` in the web layer's modules."""
    found = []
    for path in PYTHON:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append((f"{path.name}:{node.lineno}", first.value))
    return found


def editing_messages() -> list[tuple[str, str]]:
    """What the editing forms say when they refuse (``FormRefused``'s message, the sign-in
    page's): shown through the ``translated`` filter."""
    found = []
    for module in ("editing.py", "story_editing.py"):
        found += _refusals(module)
    return found


def _refusals(module: str) -> list[tuple[str, str]]:
    tree = ast.parse((WEB / module).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        name = getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
        if name in ("FormRefused", "_sign_in_page"):
            arg = node.args[0 if name == "FormRefused" else 1]
            found += [(f"{module}:{node.lineno}", c.value) for c in ast.walk(arg)
                      if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return found


def table_messages() -> list[tuple[str, str]]:
    tables = {"DATED_BY": templating.DATED_BY, "HISTORY_TYPES": templating.HISTORY_TYPES,
              "WORDS": templating.WORDS, "FIELD_LABELS": error_words.FIELD_LABELS,
              "FIELD_PROBLEMS": error_words.FIELD_PROBLEMS}
    found = [(f"{name}[{key}]", words) for name, table in tables.items()
             for key, words in table.items()]
    return [*found, *((f"MONTH_NAMES[{m}]", m) for m in MONTH_NAMES),
            ("UNREADABLE", error_words.UNREADABLE), ("field_name(None)", "filter")]


def test_the_editing_refusals_are_found() -> None:
    assert len(editing_messages()) >= 4


def test_the_templates_have_interface_strings() -> None:
    messages = template_messages()
    files = {where.split(":")[0] for where, _ in messages}
    assert len(messages) > 100
    assert {"base.html", "_entry.html", "timeline.html", "event.html", "error.html",
            "embed.html", "key_dates.html", "_ui_text.html"} <= files


@pytest.mark.parametrize("where,message", template_messages() + python_messages()
                         + table_messages() + editing_messages())
def test_every_interface_string_has_its_spanish(where: str, message) -> None:
    if isinstance(message, tuple):
        spanish = catalogue_es.PLURALS.get(message)
        assert spanish and all(spanish), f"{where}: no Spanish for {message!r}"
        return
    assert catalogue_es.MESSAGES.get(message), f"{where}: no Spanish for {message!r}"


def test_spanish_keeps_the_placeholders() -> None:
    def names(text: str) -> set[str]:
        return {part.split("}")[0] for part in text.split("{")[1:]}

    for english, spanish in catalogue_es.MESSAGES.items():
        assert names(english) == names(spanish), english
    for (one, many), (uno, varios) in catalogue_es.PLURALS.items():
        assert names(one) == names(uno) and names(many) == names(varios), one


def test_the_catalogue_has_no_stale_entries() -> None:
    used = {m for _, m in template_messages() + python_messages() + table_messages()
            + editing_messages()}
    assert set(catalogue_es.MESSAGES) | set(catalogue_es.PLURALS) <= used
