"""``timeline serve`` as a process: it warns when no write token is set, logs each request, and
answers gunicorn's own errors (414) in the JSON error shape.
Also: ``make install`` and ``make run`` need no node or npm (only ``make test`` installs them)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from timeline.cli.serve import server_options, start_warnings

ROOT = Path(__file__).resolve().parents[1]


def _raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, seconds: float = 30) -> int:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return int(answer.status)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.slow
def test_serve_warns_without_a_write_token_and_logs_requests(tmp_path: Path) -> None:
    port, access = _free_port(), tmp_path / "access.log"
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_API_TOKENS"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from timeline.cli import main; main()", "--db",
         str(tmp_path / "s.db"), "serve", "--port", str(port), "--workers", "1",
         "--access-log", str(access)],
        cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, start_new_session=True,
        stderr=subprocess.PIPE, text=True)
    try:
        assert _get(f"http://127.0.0.1:{port}/healthz") == 200
        too_long = _raw(port, b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    assert "warning: no write token configured" in stderr
    head, _, body = too_long.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414") and b"application/json" in head
    assert json.loads(body)["error"]["status"] == 414
    assert '"GET /healthz HTTP/1.1" 200' in access.read_text()


def test_no_warning_with_a_token() -> None:
    assert start_warnings({"API_TOKENS": {"s3cret": "ana"}}) == []
    assert start_warnings({"API_TOKENS": {}})


@pytest.mark.parametrize(("given", "expected"), [("-", "-"), (None, None), ("/x.log", "/x.log")])
def test_the_access_log_goes_where_asked(given: str | None, expected: str | None) -> None:
    assert server_options("127.0.0.1", 8000, 1, 1, given)["accesslog"] == expected


def _dry_run(*targets: str, venv: Path) -> str:
    return subprocess.run(["make", "-n", "-B", *targets, f"VENV={venv}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def test_install_and_run_need_no_npm(tmp_path: Path) -> None:
    assert "npm" not in _dry_run("install", "run", venv=tmp_path / "venv")
    assert "npm install" in _dry_run("test", venv=tmp_path / "venv")


def _stream_status(port: int) -> tuple[socket.socket, int]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET /api/stream HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\n\r\n")
    status = int(sock.recv(64).split(b" ", 2)[1])
    return sock, status


@pytest.mark.slow
def test_200_idle_streams_cannot_starve_requests(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from timeline.cli import main; main()", "--db",
         str(tmp_path / "s.db"), "serve", "--port", str(port), "--workers", "1",
         "--threads", "8", "--access-log", "off"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True,
        stderr=subprocess.DEVNULL)
    sockets: list[socket.socket] = []
    try:
        assert _get(f"http://127.0.0.1:{port}/healthz") == 200
        statuses = []
        for _ in range(200):
            sock, status = _stream_status(port)
            statuses.append(status)
            if status == 200:
                sockets.append(sock)  # held open, idle
            else:
                sock.close()
        # 8 threads: at most 4 streams in all, 2 per client address (all of these are one)
        assert statuses.count(200) == 2 and statuses.count(429) == 198
        started = time.monotonic()
        assert _get(f"http://127.0.0.1:{port}/healthz", seconds=5) == 200
        assert _get(f"http://127.0.0.1:{port}/feeds/all.ics", seconds=5) == 200
        assert time.monotonic() - started < 5
    finally:
        for sock in sockets:
            sock.close()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
