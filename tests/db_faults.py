"""Real database faults for the tests: a file that cannot be written, another process holding
SQLite's write lock, PostgreSQL stopped and started again (bench/embedded_pg.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """The files cannot be written, even through descriptors already open: immutable as root
    (root ignores permission bits), mode 0400 otherwise."""
    root = os.geteuid() == 0
    for path in paths:
        if root:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        else:
            path.chmod(0o400)
    try:
        yield
    finally:
        for path in paths:
            if root:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(0o600)


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


@contextlib.asynccontextmanager
async def write_locked(db: Path) -> AsyncIterator[None]:
    """Another process holds SQLite's write lock (BEGIN IMMEDIATE) until the block ends."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLD_LOCK, str(db),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    assert await asyncio.wait_for(proc.stdout.readline(), 30) == b"locked\n"
    try:
        yield
    finally:
        proc.stdin.write(b"done\n")
        await proc.stdin.drain()
        await asyncio.wait_for(proc.wait(), 30)
