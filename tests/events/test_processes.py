"""Processes sharing one file lose, duplicate or reorder nothing; a killed one leaves no trace."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import pytest

from events import SqliteEventLog, verify

from .contract import noted, noted_registry

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from events import SqliteEventLog, NewEvent
    from tests.events.contract import noted_registry
    path, worker, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    log = SqliteEventLog(path, registry=noted_registry())
    for i in range(count):
        stream = f"w{worker}-s{i % 5}"
        batch = [NewEvent("Noted", {"text": f"{worker}:{i}:{j}"}) for j in range(i % 3 + 1)]
        log.append(stream, batch)
    """
)


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_four_processes_appending_concurrently_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    SqliteEventLog(path, registry=noted_registry()).close()
    workers = [_spawn(WRITER, path, str(w), "150") for w in range(4)]
    for proc in workers:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
    with SqliteEventLog(path, registry=noted_registry()) as log:
        events = list(log.read_all())
        assert verify(log).ok
    per_worker = sum(i % 3 + 1 for i in range(150))
    assert [e.position for e in events] == list(range(1, 4 * per_worker + 1))
    assert len({e.data["text"] for e in events}) == 4 * per_worker
    versions: dict[str, list[int]] = defaultdict(list)
    for event in events:
        versions[event.stream_id].append(event.stream_version)
    assert all(v == list(range(1, len(v) + 1)) for v in versions.values())


KILLED = textwrap.dedent(
    """
    import sys, time
    from events import SqliteEventLog, NewEvent
    from tests.events.contract import noted_registry
    log = SqliteEventLog(sys.argv[1], registry=noted_registry())

    def pause():
        print("mid-batch", flush=True)
        time.sleep(60)
        return 0

    log.conn.create_function("pause_here", 0, pause)
    log.conn.execute(
        "CREATE TEMP TRIGGER pause_mid_batch AFTER INSERT ON main.events"
        " WHEN NEW.stream_version = 500 BEGIN SELECT pause_here(); END"
    )
    log.append("big", [NewEvent("Noted", {"text": str(i)}) for i in range(1000)])
    """
)


def test_a_process_killed_mid_batch_leaves_none_of_it(tmp_path: Path) -> None:
    path = str(tmp_path / "killed.db")
    with SqliteEventLog(path, registry=noted_registry()) as log:
        log.append("before", [noted("kept")])
    proc = _spawn(KILLED, path)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "mid-batch"  # 499 rows are in its open transaction
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    with SqliteEventLog(path, registry=noted_registry()) as log:
        assert [e.stream_id for e in log.read_all()] == ["before"]
        assert verify(log).ok
        assert log.append("after", [noted("next")])[0].position == 2

