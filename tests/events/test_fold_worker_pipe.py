"""The fold worker's pipe is widened where the platform allows, so a page crosses in large
pieces."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

from events.fold_worker import PIPE_BYTES, widen


def test_a_widened_pipe_takes_most_of_a_megabyte_without_a_reader() -> None:
    receive, send = multiprocessing.Pipe(duplex=False)
    with receive, send:
        if widen(send) < PIPE_BYTES:
            pytest.skip("this platform does not resize pipes")
        os.set_blocking(send.fileno(), False)  # a full pipe raises instead of waiting
        send.send_bytes(b"x" * (PIPE_BYTES - 4096))
        assert len(receive.recv_bytes()) == PIPE_BYTES - 4096


@pytest.mark.skipif(sys.platform != "linux", reason="pipe sizes differ elsewhere")
def test_an_unwidened_pipe_would_not_have() -> None:
    receive, send = multiprocessing.Pipe(duplex=False)
    with receive, send:
        os.set_blocking(send.fileno(), False)
        with pytest.raises(BlockingIOError):
            send.send_bytes(b"x" * (PIPE_BYTES - 4096))
