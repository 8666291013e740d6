"""Two ``timeline serve`` nodes on one PostgreSQL database, each with its own read models:
what one acknowledges the other serves within a second; under four concurrent writers, a node
killed with SIGKILL loses no acknowledged article and duplicates none, the log verifies, and
the node catches up when it comes back."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from events import open_event_log, verify
from tests.events.pg import fresh_schema, needs_pg, url_with_schema

pytestmark = [needs_pg, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
TOKEN = "n0de-secret"
SERVE = "from timeline.cli import main; main()"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Node:
    def __init__(self, url: str, read_models: Path) -> None:
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TIMELINE_DB": url,
               "TIMELINE_READ_MODELS": str(read_models), "TIMELINE_API_TOKENS": f"t:{TOKEN}"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, "serve", "--host", "127.0.0.1", "--port",
             str(self.port), "--workers", "2", "--threads", "4"],
            cwd=ROOT, env=env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("node did not start")

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.base + path, timeout=10) as answer:
            return json.load(answer)

    def post_article(self, title: str, text: str) -> dict[str, Any]:
        body = json.dumps({"title": title, "text": text, "published": "2025-11-17",
                           "lang": "en"}).encode()
        request = urllib.request.Request(
            self.base + "/api/articles", data=body, method="POST",
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return dict(json.load(answer))

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def article(n: int) -> tuple[str, str]:
    return (f"Article {n}", f"The council of Town{n} approved the budget on 14 November 2025. "
            f"Mayor Ana Pérez said works start in January 2026.")


@pytest.fixture
def url() -> Iterator[str]:
    for schema in fresh_schema():
        yield url_with_schema(schema)


@pytest.fixture
def nodes(url: str, tmp_path: Path) -> Iterator[list[Node]]:
    started = [Node(url, tmp_path / "a.db"), Node(url, tmp_path / "b.db")]
    yield started
    for node in started:
        node.stop()


def seen_within(node: Node, entry_id: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            node.get(f"/api/events/{entry_id}")
            return True
        except urllib.error.HTTPError:
            time.sleep(0.02)
    return False


def test_what_one_node_acknowledges_the_other_serves_within_a_second(nodes: list[Node]) -> None:
    a, b = nodes
    for n, (writer, reader) in enumerate([(a, b), (b, a), (a, b)]):
        posted = writer.post_article(*article(n))
        assert seen_within(reader, posted["events"][0]["id"], 1.0)


def test_a_node_killed_under_load_loses_and_duplicates_nothing(
    nodes: list[Node], url: str, tmp_path: Path
) -> None:
    a, b = nodes
    acknowledged: list[str] = []
    lock = threading.Lock()

    def writer(w: int) -> None:
        for i in range(25):
            node = (a, b)[(w + i) % 2]
            try:
                answer = node.post_article(*article(1000 + w * 100 + i))
            except OSError:
                continue  # that node is down: not acknowledged
            with lock:
                acknowledged.append(answer["article_id"])

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    b.kill()  # mid-load: the writers are still posting
    killed_after = len(acknowledged)
    for thread in threads:
        thread.join(timeout=120)
    log = open_event_log(url, pooled=False)
    try:
        ingested = Counter(e.data["article_id"] for e in log.read_all()
                           if e.type == "ArticleIngested")
        assert verify(log).ok  # type: ignore[arg-type]
        head = log.head().position
    finally:
        log.close()
    assert 20 <= killed_after < len(acknowledged) < 100  # some to B were lost, none duplicated
    assert all(ingested[a_id] == 1 for a_id in acknowledged)
    assert max(ingested.values()) == 1
    back = Node(url, tmp_path / "b.db")
    nodes.append(back)
    deadline = time.monotonic() + 10
    while back.get("/healthz")["head"] < head and time.monotonic() < deadline:
        time.sleep(0.1)
    everything = "/api/events?all=1&limit=500"
    assert _unlinked(back.get(everything)) == _unlinked(a.get(everything))


def _unlinked(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries of an answer without their links (each node links to its own address)."""
    return [{k: v for k, v in entry.items() if k != "link"} for entry in answer["events"]]
