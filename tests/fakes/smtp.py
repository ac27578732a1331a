"""A real SMTP server on a local port (aiosmtpd), recording every message it accepts.

`hold()` makes it stall each client after the TCP connection (in EHLO), before any message is
submitted, the way a slow mail server does; the kill test uses it to catch a worker mid-delivery.
`disconnect_all()` closes every client's connection (an idle timeout, a restart); `drop_during_data()` closes
the next one after its DATA without accepting it.
`refuse("RCPT" | "DATA", "451 4.7.1 Try again later", times=2, to=address)` answers the next `times`
recipients or messages (every one when `times` is None; only those for `to` when given) with that reply
instead of accepting them, as a greylisting, throttling or rejecting server does.
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
        self.server.sessions.append(server)
        while self.server.holding.is_set():
            await asyncio.sleep(0.05)
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.server.take_refusal("RCPT", [address])
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.server.take_drop():  # the connection breaks with the message sent but not accepted
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        refusal = self.server.take_refusal("DATA", envelope.rcpt_tos)
        if refusal:
            return refusal
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
        self.refusals: dict[str, list] = {"RCPT": [], "DATA": []}
        self.sessions: list = []  # the aiosmtpd protocol of every client that said EHLO
        self.drops = 0
        self.refused: list[tuple[str, list[str]]] = []
        self.port = free_port()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def hold(self) -> None:
        self.holding.set()

    def release(self) -> None:
        self.holding.clear()

    def disconnect_all(self) -> None:
        """Close every client's connection, as a server does to idle clients or when it restarts."""
        for session in list(self.sessions):
            if session.transport is not None:
                self.controller.loop.call_soon_threadsafe(session.transport.close)

    def drop_during_data(self, times: int = 1) -> None:
        """The next `times` messages: the connection is closed after their DATA, before they are accepted."""
        with self.lock:
            self.drops += times

    def take_drop(self) -> bool:
        with self.lock:
            if self.drops <= 0:
                return False
            self.drops -= 1
            return True

    def refuse(self, stage: str, reply: str, *, times: int | None = 1, to: str | None = None) -> None:
        with self.lock:
            self.refusals[stage].append({"reply": reply, "times": times, "to": to})

    def take_refusal(self, stage: str, recipients: list[str]) -> str | None:
        with self.lock:
            for refusal in self.refusals[stage]:
                if refusal["to"] is not None and refusal["to"] not in recipients:
                    continue
                if refusal["times"] is not None:
                    refusal["times"] -= 1
                    if refusal["times"] <= 0:
                        self.refusals[stage].remove(refusal)
                self.refused.append((refusal["reply"], list(recipients)))
                return refusal["reply"]
            return None

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["To"]]

    def __enter__(self) -> FakeSMTPServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
        self.controller.stop()
