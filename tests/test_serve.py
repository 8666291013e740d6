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
import threading
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


def _serve(db: Path, port: int, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from timeline.cli import main; main()", "--db", str(db),
         "serve", "--port", str(port), "--workers", "1", "--threads", "4",
         "--access-log", "off"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, start_new_session=True,
        stderr=subprocess.DEVNULL)


def _post_article(port: int, token: str) -> int:
    body = json.dumps({"text": "The council approved the budget on 3 March 2026.",
                       "published": "2026-03-04", "lang": "en",
                       "url": "https://news.example.org/budget"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/articles", data=body, method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return int(answer.status)


def _read_until(sock: socket.socket, marker: bytes) -> bytes:
    seen = b""
    while marker not in seen:
        chunk = sock.recv(65536)
        assert chunk, "the stream closed"
        seen += chunk
    return seen


@pytest.mark.slow
def test_250_idle_streams_cannot_starve_requests_and_still_get_live_events(
        tmp_path: Path) -> None:
    port = _free_port()
    proc = _serve(tmp_path / "s.db", port, TIMELINE_API_TOKENS="ana:s3cret",
                  TIMELINE_STREAM_MAX_PER_CLIENT="250")
    sockets: list[socket.socket] = []
    try:
        assert _get(f"http://127.0.0.1:{port}/healthz") == 200
        for _ in range(250):  # one process, one address, four request threads
            sock, status = _stream_status(port)
            sockets.append(sock)
            assert status == 200
        refused, status = _stream_status(port)
        refused.close()
        assert status == 429  # past the per-client cap
        for path in ("/healthz", "/", "/feeds/all.ics", "/api/events"):
            assert _get(f"http://127.0.0.1:{port}{path}", seconds=10) == 200
        assert _post_article(port, "s3cret") == 201
        assert b"event: ArticleIngested" in _read_until(sockets[0], b"event: ArticleIngested")
        assert b"event: ArticleIngested" in _read_until(sockets[-1], b"event: ArticleIngested")
    finally:
        for sock in sockets:
            sock.close()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.mark.slow
def test_a_long_ingest_does_not_hold_up_the_other_requests_of_its_worker(
        tmp_path: Path) -> None:
    port = _free_port()
    proc = _serve(tmp_path / "s.db", port, TIMELINE_API_TOKENS="ana:s3cret")
    finished: dict[str, float] = {}
    text = ("the board met and said that the plan would change " * 4_000)[:199_000]
    body = json.dumps({"text": text, "published": "2025-11-17", "lang": "en"}).encode()

    def ingest() -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/articles", data=body, method="POST",
            headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            finished["ingest"] = time.monotonic()
            assert answer.status == 201

    try:
        assert _get(f"http://127.0.0.1:{port}/healthz") == 200
        poster = threading.Thread(target=ingest)
        poster.start()
        time.sleep(0.5)  # the article is being extracted on one of the worker's threads
        assert _get(f"http://127.0.0.1:{port}/healthz", seconds=60) == 200
        finished["healthz"] = time.monotonic()
        poster.join(timeout=120)
        assert finished["healthz"] < finished["ingest"]  # answered while the ingest ran
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
