"""A relay between a store and the server that drops a share of the connections, for the soak test."""

from __future__ import annotations

import contextlib
import http.client
import random
import socket
import threading
from collections import Counter

from tests.server.conftest import Server
from tests.server.test_store_kills import _response
from tests.server.test_store_sync import CutAfterCommit

DECK = 20  # 3 of every 20 connections dropped: 15 %


class Deck:
    """The relays' fates for the next connections: of every 20, one of each drop and 17 that pass.

    Shuffled, so a drop falls at a random moment; dealt as a deck rather than thrown as dice,
    so a short run sees every kind of drop all the same (a fate the server's absence kept
    from happening is put back).
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cards: list[str] = []
        self.lock = threading.Lock()

    def draw(self) -> str:
        with self.lock:
            if not self.cards:
                self.cards = ["before", "midway", "after_commit"] + ["answered"] * (DECK - 3)
                self.rng.shuffle(self.cards)
            return self.cards.pop()

    def put_back(self, card: str) -> None:
        """A fate that could not happen (the server was away) goes to the next connection."""
        with self.lock:
            self.cards.append(card)


class LossyRelay(CutAfterCommit):
    """Relays a store's pushes to the server and drops a random share of them on the way.

    A dropped connection is cut before anything reaches the server, half-way through the
    request (the server reads a truncated body and applies nothing), or after the server
    answered (it committed; the store never hears). A server that is down or killed
    mid-request cuts the store's connection too.
    """

    def __init__(self, server: Server, deck: Deck) -> None:
        self.deck = deck
        self.drawn: str | None = None  # this connection's fate (one connection at a time)
        self.fates: Counter[str] = Counter()
        super().__init__(server)

    def _forward(self, conn: socket.socket) -> None:
        self.drawn = None
        try:
            self._relay(conn)
        except (OSError, http.client.HTTPException):
            self.fates["server_away"] += 1
            if self.drawn is not None:
                self.deck.put_back(self.drawn)
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def _relay(self, conn: socket.socket) -> None:
        request = _read_request(conn)
        if request is None:
            return
        method, path, headers, body = request
        fate = self.drawn = self.deck.draw()
        if fate == "before":
            self.fates[fate] += 1
            conn.shutdown(socket.SHUT_RDWR)
            return
        if fate == "midway":
            self._send_half(method, path, headers, body)
            self.fates[fate] += 1  # counted once it reached a server that was up
            conn.shutdown(socket.SHUT_RDWR)
            return
        target = http.client.HTTPConnection(self.server.url.removeprefix("http://"), timeout=60)
        try:
            target.request(
                method,
                path,
                body if method == "POST" else None,
                {"Content-Type": "application/json", "Authorization": headers["Authorization"]},
            )
            with target.getresponse() as answer:  # closed even if the server dies mid-answer
                answered = answer.read()
        finally:
            target.close()
        self.fates[fate] += 1
        if fate == "after_commit":
            conn.shutdown(socket.SHUT_RDWR)
            return
        conn.sendall(_response(answer.status, answer.reason, answered))

    def _send_half(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        """The request's head and half its body, then the connection closed."""
        host = self.server.url.removeprefix("http://")
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Authorization: {headers['Authorization']}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        address, port = host.rsplit(":", 1)
        with socket.create_connection((address, int(port)), timeout=10) as out:
            out.sendall(head.encode() + body[: len(body) // 2])


def _read_request(conn: socket.socket) -> tuple[str, str, dict[str, str], bytes] | None:
    """Method, path, headers and body of one HTTP request; None if the store hung up first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode().split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    while len(body) < int(headers.get("Content-Length", "0")):
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    method, path, _ = lines[0].split(" ")
    return method, path, headers, body
