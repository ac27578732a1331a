"""A bounded burst of call and email actions through the public API, and the audit that follows it.

Each action has its own phone number or email address, so every call the fake Twilio places and every
message the SMTP sink receives can be traced to exactly one accepted action.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

CONFIRM_LINK = re.compile(r"https?://\S+/emails/confirm/\S+?/")
CAMPAIGN = "chaos"
ZIP = "10002"  # NY-10 only in the fixtures: Goldman and both senators, two of them with email addresses
OFFICE_ADDRESSES = ("office@goldman.example", "office@schumer.example")


@dataclass
class Answer:
    kind: str  # call, email, confirm, page
    key: str  # the phone or email address
    status: int
    json_error: bool
    body: str


@dataclass
class Figures:
    tried: int = 0
    server_errors: int = 0
    bare_500: int = 0
    accepted: int = 0
    lost: int = 0
    duplicated: int = 0
    stuck: int = 0

    answers: str = ""
    problems: list[str] = field(default_factory=list)  # which phone or address was lost, doubled or stuck

    def line(self, name: str) -> str:
        return (f"{name}: tried {self.tried}, 5xx {self.server_errors} (bare {self.bare_500}), accepted "
                f"{self.accepted}, lost {self.lost}, duplicated {self.duplicated}, stuck {self.stuck}; "
                f"answers {self.answers}" + (f"; problems {self.problems[:10]}" if self.problems else ""))


def is_explained_error(response: requests.Response) -> bool:
    """A 5xx is acceptable only as our own explanation: a JSON error body, or the translated outage page."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        try:
            return "error" in response.json()
        except ValueError:
            return False
    return 'data-outage-page' in response.text


class Burst:
    def __init__(self, stack, *, prefix: str, calls: int, emails: int, threads: int = 8):
        self.stack, self.prefix = stack, prefix
        self.phones = [f"+1212{prefix}{i:04d}" for i in range(calls)]
        self.emails = [f"s{prefix}-{i}@supporters.example" for i in range(emails)]
        self.answers: list[Answer] = []
        self.lock = threading.Lock()
        self.threads = threads

    def _record(self, kind: str, key: str, response: requests.Response | None, error: str = "") -> Answer:
        if response is None:
            answer = Answer(kind, key, 0, False, error)
        else:
            answer = Answer(kind, key, response.status_code, is_explained_error(response), response.text[:300])
        with self.lock:
            self.answers.append(answer)
        return answer

    def call(self, phone: str, headers: dict | None = None) -> Answer:
        try:
            response = self.stack.post_json(f"/api/v1/campaigns/{CAMPAIGN}/calls", {"phone": phone, "zip": ZIP},
                                            headers)
        except requests.RequestException as exc:
            return self._record("call", phone, None, str(exc))
        return self._record("call", phone, response)

    def email(self, address: str, headers: dict | None = None) -> Answer:
        body = {"name": "Ana Chaos", "email": address, "zip": ZIP, "city": "New York"}
        try:
            response = self.stack.post_json(f"/api/v1/campaigns/{CAMPAIGN}/emails", body, headers)
        except requests.RequestException as exc:
            return self._record("email", address, None, str(exc))
        return self._record("email", address, response)

    def run(self, *, duration: float, during=None, at: float = 0.3) -> None:
        """Submit every action spread over `duration` seconds; `during()` runs once `at` of the way in."""
        jobs = [(self.call, p) for p in self.phones] + [(self.email, e) for e in self.emails]
        jobs = [job for pair in zip(jobs[: len(self.phones)], jobs[len(self.phones):], strict=False) for job in pair] \
            + jobs[2 * min(len(self.phones), len(self.emails)):]
        gap = duration / max(len(jobs), 1)
        fault = threading.Thread(target=lambda: (time.sleep(duration * at), during and during()), daemon=True)
        fault.start()
        with ThreadPoolExecutor(self.threads) as pool:
            for function, key in jobs:
                pool.submit(function, key)
                time.sleep(gap)
        fault.join()

    def accepted(self, kind: str) -> set[str]:
        return {a.key for a in self.answers if a.kind == kind and 200 <= a.status < 300}

    def figures(self) -> Figures:
        figures = Figures(tried=len(self.answers))
        figures.server_errors = sum(1 for a in self.answers if a.status >= 500 or a.status == 0)
        figures.bare_500 = sum(1 for a in self.answers if (a.status >= 500 and not a.json_error) or a.status == 0)
        figures.accepted = len(self.accepted("call")) + len(self.accepted("email"))
        tally = Counter(f"{a.kind} {a.status}" for a in self.answers)
        figures.answers = ", ".join(f"{key}×{count}" for key, count in sorted(tally.items()))
        return figures
