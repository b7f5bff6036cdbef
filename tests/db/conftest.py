from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_PG

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def scram_server() -> Iterator[str]:
    """A private PostgreSQL cluster that demands a password (scram-sha-256).

    The shared test server trusts every local connection, so wrong-password handling can
    only be tested against a server of our own. Yields ``host:port``; user ``agent``,
    password ``correct horse``, database ``desk``.
    """
    initdb = PG_BIN / "initdb"
    if not initdb.exists():
        reason = f"no {initdb}: cannot start a password-checking PostgreSQL cluster"
        if REQUIRE_PG:
            pytest.fail(f"DESK_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        as_postgres = ["runuser", "-u", "postgres", "--"]
    tmp = Path(tempfile.mkdtemp(prefix="desk-scram-"))
    shutil.chown(tmp, "postgres") if as_postgres else None
    data = tmp / "data"
    pwfile = tmp / "pw"
    pwfile.write_text("correct horse\n")
    if as_postgres:
        shutil.chown(pwfile, "postgres")
    port = _free_port()
    run = lambda *args: subprocess.run([*as_postgres, *args], check=True,  # noqa: E731
                                       capture_output=True, text=True)
    run(str(initdb), "-D", str(data), "-U", "agent", "--auth=scram-sha-256",
        f"--pwfile={pwfile}")
    # The server inherits pg_ctl's stdout: give it a log file, not our pipe, or run() waits
    # for the server to exit.
    subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l",
                    str(tmp / "log"), "-o", f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1",
                    "-w", "start"], check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = dict(os.environ, PGPASSWORD="correct horse")
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "agent", "-d",
                        "postgres", "-c", "CREATE DATABASE desk"], check=True, env=env,
                       capture_output=True)
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast",
                        "stop"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)
