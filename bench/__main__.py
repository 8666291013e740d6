"""Run every ``bench/bench_*.py`` module's ``run(n)`` in name order.

    python -m bench                 # all of them, each at its own default size
    BENCH_N=10000 python -m bench   # every benchmark at n=10,000
    python -m bench --only log      # just bench_log (``--only bench_log`` works too)

A module is registered by its name alone: ``bench_extract``, ``bench_log``, ``bench_projections``,
``bench_tagger`` and ``bench_web`` each define ``run(n: int | None)``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PACKAGE = "bench"
PREFIX = "bench_"


def discover() -> list[str]:
    """The benchmark names (module names without ``bench_``), sorted."""
    here = [str(Path(__file__).resolve().parent)]
    names = [m.name for m in pkgutil.iter_modules(here) if m.name.startswith(PREFIX)]
    return sorted(name.removeprefix(PREFIX) for name in names)


def size_from_env(environ: dict[str, str] | os._Environ[str] = os.environ) -> int | None:
    """BENCH_N as a positive int, or None for each module's default."""
    raw = environ.get("BENCH_N", "").replace("_", "").strip()
    if not raw:
        return None
    try:
        n = int(raw)
    except ValueError:
        n = 0
    if n < 1:
        raise SystemExit(f"BENCH_N must be a positive integer, not {raw!r}")
    return n


def header(name: str, n: int | None) -> str:
    size = "default n" if n is None else f"n={n:,}"
    line = f"== bench_{name} ({size}) "
    return line + "=" * max(0, 78 - len(line))


def main(argv: Sequence[str] | None = None) -> int:
    summary = (__doc__ or "").splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m bench", description=summary)
    parser.add_argument("--only", metavar="NAME", help="run one benchmark (e.g. log, extract)")
    args = parser.parse_args(argv)
    names = discover()
    if args.only:
        wanted = args.only.removeprefix(PREFIX).removesuffix(".py")
        if wanted not in names:
            parser.error(f"no benchmark {args.only!r}; known: {', '.join(names)}")
        names = [wanted]
    n = size_from_env()
    for name in names:
        print(header(name, n), flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"{PACKAGE}.{PREFIX}{name}")
        module.run(n)
        print(f"-- bench_{name} done in {time.perf_counter() - started:.1f} s\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
