"""Feeds rendered once per log head for every worker: bodies kept as files in FEED_CACHE_DIR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import AUTH, HARBOUR
from timeline.web import create_app, feeds
from timeline.web.feeds import RENDERED, StoredRenders


def test_a_second_worker_serves_the_first_ones_render(
        settings: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = {**settings, "FEED_CACHE_DIR": str(tmp_path / "feeds")}
    first, second = create_app(shared).test_client(), create_app(shared).test_client()
    first.post("/api/articles", json=HARBOUR, headers=AUTH)
    rendered: list[str] = []
    publish = feeds.publish
    monkeypatch.setattr(feeds, "publish", lambda *a, **k: rendered.append(a[1]) or publish(*a, **k))
    body = first.get("/feeds/all.ics").data
    RENDERED._bodies.clear()  # another process: nothing in its memory
    assert second.get("/feeds/all.ics").data == body
    assert rendered == ["ics"]
    second.post("/api/articles", json={**HARBOUR, "text": HARBOUR["text"] + " More."},
                headers=AUTH)
    assert second.get("/feeds/all.ics").data != body and rendered == ["ics", "ics"]


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
