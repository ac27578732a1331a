"""After a burst: confirm the emails the way a supporter does, wait for the reconciler, and count what went wrong."""

from __future__ import annotations

import re
import time
from collections import Counter

import requests

from tests.chaos.burst import CONFIRM_LINK, Burst, Figures

FINAL_CALL = ("completed", "busy", "no_answer", "failed", "canceled")
MOVING_DELIVERY = ("queued", "sending")


class Database:
    """Plain SQL on the stack's database (PostgreSQL through psycopg, or the SQLite file)."""

    def __init__(self, url: str):
        self.url = url

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.url.startswith("sqlite:"):
            import sqlite3

            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.url, connect_timeout=5) as connection:
            return connection.execute(sql, params).fetchall()


def confirm_by_email(burst: Burst, smtp, *, timeout: float = 60) -> set[str]:
    """Follow the confirmation link in each supporter's inbox; returns the addresses confirmed."""
    confirmed: set[str] = set()
    wanted = burst.accepted("email")
    deadline = time.monotonic() + timeout
    while confirmed != wanted and time.monotonic() < deadline:
        for address in wanted - confirmed:
            messages = smtp.to(address)
            if not messages:
                continue
            link = CONFIRM_LINK.search(text_of(messages[0]))
            if link and confirm(link.group(0)):
                confirmed.add(address)
        time.sleep(0.5)
    return confirmed


def text_of(message) -> str:
    if message.is_multipart():
        return "\n".join(part.get_payload(decode=True).decode(errors="replace") for part in message.walk()
                         if part.get_content_type() == "text/plain")
    return message.get_payload(decode=True).decode(errors="replace")


def confirm(link: str) -> bool:
    """GET shows the button; POST it with the page's CSRF token, as a browser does."""
    with requests.Session() as browser:
        page = browser.get(link, timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if page.status_code != 200 or not token:
            return False
        response = browser.post(link, data={"csrfmiddlewaretoken": token.group(1)}, timeout=30,
                                headers={"Referer": link}, allow_redirects=False)
        return response.status_code in (200, 302, 303)


def call_problems(burst: Burst, db: Database, twilio, problems: list[str]) -> tuple[int, int, int]:
    """(lost, duplicated, stuck) for the calls of this burst; `problems` gets a line for each."""
    placed = Counter(call["to"] for call in list(twilio.calls.values()))
    lost = duplicated = stuck = 0
    for phone in sorted(burst.accepted("call")):
        statuses = [row[0] for row in db.rows("SELECT status FROM calls_callsession WHERE phone = %s", (phone,))]
        unfinished = [status for status in statuses if status not in FINAL_CALL]
        lost += placed[phone] == 0
        duplicated += max(0, placed[phone] - 1)
        stuck += len(unfinished)
        if placed[phone] != 1 or unfinished:
            problems.append(f"call {phone}: placed {placed[phone]}x, sessions {statuses}")
    return lost, duplicated, stuck


def email_problems(burst: Burst, db: Database, smtp, confirmed: set[str],
                   problems: list[str]) -> tuple[int, int, int]:
    """(lost, duplicated, stuck): an office message counts once per delivery row, by its Message-ID."""
    received = Counter(message["Message-ID"] for message in list(smtp.messages))
    unconfirmed = sorted(burst.accepted("email") - confirmed)  # accepted, and the confirmation never came
    problems += [f"email {a}: never confirmed (no confirmation email, or its link failed)" for a in unconfirmed]
    lost, duplicated, stuck = len(unconfirmed), 0, 0
    for address in sorted(confirmed):
        rows = db.rows("SELECT d.message_id, d.status FROM emails_emaildelivery d JOIN emails_emailaction a "
                       "ON a.id = d.action_id WHERE a.email = %s AND d.channel = 'email'", (address,))
        lost += not rows
        for message_id, status in rows:
            lost += received[message_id] == 0
            duplicated += max(0, received[message_id] - 1)
            stuck += status in MOVING_DELIVERY
        if not rows or any(received[m] != 1 or s in MOVING_DELIVERY for m, s in rows):
            problems.append(f"email {address}: deliveries {[(s, received[m]) for m, s in rows]}")
    return lost, duplicated, stuck


def settle(burst: Burst, db: Database, twilio, smtp, *, timeout: float, between=None) -> Figures:
    """Confirm, then wait (up to `timeout`) for every accepted action to finish; the figures at the end.
    `between()` runs between looks (the reconciler, where no beat runs it)."""
    confirmed = confirm_by_email(burst, smtp, timeout=timeout / 2)
    deadline = time.monotonic() + timeout
    while True:
        if between is not None:
            between()
        problems: list[str] = []
        calls = call_problems(burst, db, twilio, problems)
        emails = email_problems(burst, db, smtp, confirmed, problems)
        settled = calls[0] + calls[2] + emails[0] + emails[2] == 0
        if settled or time.monotonic() > deadline:
            break
        time.sleep(2)
    figures = burst.figures()
    figures.lost, figures.duplicated, figures.stuck = (calls[0] + emails[0], calls[1] + emails[1],
                                                       calls[2] + emails[2])
    figures.problems = problems
    return figures
