"""One entry shape: the API's entries, ``timeline events --format json`` and the JSON feed's
items are the same document, and the served JSON Schema (``$defs/entry``) describes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

from tests.web.conftest import AUTH, HARBOUR
from timeline.cli import main

BASE = "https://timeline.example.org"


@pytest.fixture
def based(settings: dict[str, Any]) -> dict[str, Any]:
    return {**settings, "BASE_URL": BASE}


def _entry_validator(client: FlaskClient) -> Draft202012Validator:
    schema = client.get("/schema/timeline.json").get_json()
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/entry"})


def _cli_entries(db: str) -> dict[str, Any]:
    out = CliRunner().invoke(main, ["--db", db, "events", "--format", "json", "--limit", "500",
                                    "--base-url", BASE])
    assert out.exit_code == 0, out.output
    return {e["id"]: e for e in json.loads(out.output)["entries"]}


def test_api_cli_and_json_feed_give_the_same_entries(based: dict[str, Any], db_path: Path
                                                     ) -> None:
    from timeline.web import create_app

    client = create_app(based).test_client()
    made = client.post("/api/articles", json=HARBOUR, headers=AUTH).get_json()["events"]
    client.post(f"/api/events/{made[0]['id']}/retraction", json={"reason": "wrong"},
                headers=AUTH)
    api = {e["id"]: e for e in client.get("/api/events?limit=500").get_json()["events"]}
    feed = {e["id"]: e for e in client.get("/feeds/all.json").get_json()["entries"]}
    retracted = feed.pop(made[0]["id"])
    assert api == feed == _cli_entries(str(db_path)) and len(api) == len(made) - 1
    one = client.get(f"/api/events/{made[0]['id']}").get_json()
    assert {k: v for k, v in one.items() if k != "history"} == retracted
    assert [h["type"] for h in one["history"]][-1] == "retraction"
    validator = _entry_validator(client)
    for entry in [*api.values(), one]:
        assert not list(validator.iter_errors(entry))


def test_the_schema_refuses_an_entry_missing_a_field(client: FlaskClient) -> None:
    made = client.post("/api/articles", json=HARBOUR, headers=AUTH).get_json()["events"][0]
    assert made["link"].endswith(f"/events/{made['id']}")
    del made["link"]
    assert list(_entry_validator(client).iter_errors(made))
