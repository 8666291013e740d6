"""Feeds for every worker: pieces kept in the archive's file, warm copies per head, and the
digest bodies kept as files in FEED_CACHE_DIR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_feed_pieces import count_pieces
from tests.web.conftest import AUTH, HARBOUR
from timeline.feed_assembly import FEEDS
from timeline.feed_pieces import MEMORY
from timeline.web import create_app
from timeline.web.feeds import RENDERED, StoredRenders
from timeline.web.warm import WARM


def _another_process() -> None:
    """Forget everything this process keeps in memory."""
    for kept in (WARM, FEEDS, MEMORY):
        kept.clear()


def test_a_second_worker_renders_no_piece_the_first_one_kept(
        settings: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = create_app(settings).test_client(), create_app(settings).test_client()
    made = first.post("/api/articles", json=HARBOUR, headers=AUTH).get_json()["events"]
    loaded = count_pieces(monkeypatch)
    bodies = {path: first.get(path).data for path in ("/feeds/all.ics", "/feeds/harbour.json")}
    assert sorted(loaded) == sorted([e["id"] for e in made] * 2)
    _another_process()
    assert {path: second.get(path).data for path in bodies} == bodies
    assert len(loaded) == 2 * len(made)  # nothing more rendered
    second.post(f"/api/events/{made[0]['id']}/corrections",
                json={"headline": "Pier opens", "reason": "typo"}, headers=AUTH)
    assert b"Pier opens" in first.get("/feeds/all.ics").data
    assert loaded[2 * len(made):] == [made[0]["id"]]


def test_stored_renders_keep_text_and_bytes_and_prune(tmp_path: Path) -> None:
    store = StoredRenders(tmp_path / "f", kept=3)
    store.write(("a",), "texto ñ")
    store.write(("b",), b"\x00bytes")
    assert (store.read(("a",)), store.read(("b",)), store.read(("c",))) == (
        "texto ñ", b"\x00bytes", None)
    for name in "cdef":
        store.write((name,), name)
    assert len(list((tmp_path / "f").iterdir())) == 3


def test_an_unwritable_folder_costs_only_a_render(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    StoredRenders(blocker, kept=3).write(("a",), "body")  # no exception


def test_a_digest_is_kept_as_a_file_for_other_processes(
        settings: dict[str, Any], tmp_path: Path) -> None:
    shared = {**settings, "FEED_CACHE_DIR": str(tmp_path / "feeds")}
    client = create_app(shared).test_client()
    client.post("/api/articles", json=HARBOUR, headers=AUTH)
    body = client.get("/feeds/harbour.digest.json").data
    RENDERED._bodies.clear()
    assert len(list((tmp_path / "feeds").iterdir())) == 1
    assert create_app(shared).test_client().get("/feeds/harbour.digest.json").data == body
