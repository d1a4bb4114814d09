"""A real server for the sync tests: a schema of its own in the loyalty_server_test database, uvicorn on a free port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy

SERVER_DB = "loyalty_server_test"


@dataclass
class Server:
    """A running loyalty-server and the database URL behind it."""

    url: str
    db: str
    token: str
    store_id: str
    proc: subprocess.Popen[bytes]

    def post(self, path: str, body: Any, token: str | None = None) -> tuple[int, Any]:
        req = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {token or self.token}",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                return res.status, json.loads(res.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def get(self, path: str) -> Any:
        req = urllib.request.Request(
            self.url + path, headers={"Authorization": f"Bearer {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=30) as res:
            return json.loads(res.read())

    def sql(self, query: str) -> list[Any]:
        engine = sqlalchemy.create_engine(self.db)
        try:
            with engine.connect() as conn:
                return list(conn.exec_driver_sql(query).all())
        finally:
            engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server_db(pg_url: str) -> Iterator[str]:
    """A fresh schema in a database kept for the server tests (never the public schema of test)."""
    admin = sqlalchemy.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.exec_driver_sql(
            f"select 1 from pg_database where datname = '{SERVER_DB}'"
        ).first():
            conn.exec_driver_sql(f"create database {SERVER_DB}")
    admin.dispose()
    base = sqlalchemy.engine.make_url(pg_url).set(database=SERVER_DB)
    schema = f"srv_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"create schema {schema}")
    url = base.set(query={"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )
    yield url
    with engine.connect() as conn:
        conn.exec_driver_sql(f"drop schema {schema} cascade")
    engine.dispose()


def _command(db: str, *args: str) -> Any:
    out = subprocess.run(
        [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", db, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def start(db: str, port: int, *serve: str) -> subprocess.Popen[bytes]:
    """Start loyalty-server serve (with ``serve``'s options) and wait until it answers."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "loyalty_desktop.server.cli",
            "--db",
            db,
            "--port",
            str(port),
            "serve",
            *serve,
        ],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("loyalty-server exited") from None
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("loyalty-server did not start")


@pytest.fixture
def server(server_db: str) -> Iterator[Server]:
    """A migrated server with one registered store."""
    made = _command(server_db, "store", "add", "Shop A")
    port = _free_port()
    proc = start(server_db, port)
    srv = Server(f"http://127.0.0.1:{port}", server_db, made["token"], made["store_id"], proc)
    yield srv
    srv.proc.kill()
    srv.proc.wait()
