"""A real SMTP server on a local port (aiosmtpd), recording every message it accepts.

`hold()` makes it stall each client after the TCP connection (in EHLO), before any message is
submitted, the way a slow mail server does; the kill test uses it to catch a worker mid-delivery.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


class _Handler:
    def __init__(self, server: FakeSMTPServer):
        self.server = server

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.server.connections += 1
        while self.server.holding.is_set():
            await asyncio.sleep(0.05)
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        with self.server.lock:
            self.server.messages.append(message_from_bytes(envelope.original_content or envelope.content))
            self.server.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeSMTPServer:
    def __init__(self):
        self.messages: list[Message] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.connections = 0
        self.lock = threading.Lock()
        self.holding = threading.Event()
        self.port = free_port()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def hold(self) -> None:
        self.holding.set()

    def release(self) -> None:
        self.holding.clear()

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["To"]]

    def __enter__(self) -> FakeSMTPServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
        self.controller.stop()
