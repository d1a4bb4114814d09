"""Stand-ins for receipt printers in tests: a raw (port 9100) printer on a local port, and a dead port."""

from __future__ import annotations

import queue
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Printer(socketserver.BaseRequestHandler):
    """Reads one job until the till closes its side."""

    def handle(self) -> None:
        chunks = []
        while chunk := self.request.recv(65536):
            chunks.append(chunk)
        self.server.jobs.put(b"".join(chunks))  # type: ignore[attr-defined]


@contextmanager
def network_printer() -> Iterator[tuple[str, queue.Queue[bytes]]]:
    """A raw printer on a free local port: its tcp:// address and the jobs it received, in order."""
    server = socketserver.TCPServer(("127.0.0.1", 0), _Printer)
    server.jobs = queue.Queue()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.server_address[1]}", server.jobs  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def dead_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
