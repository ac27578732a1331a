"""A TwiML interpreter that plays a phone call against our webhooks the way Twilio does.

It POSTs Twilio's parameters with a valid X-Twilio-Signature, reads the TwiML answer verb by verb
(<Say>, <Play>, <Pause>, <Gather>, <Dial><Number>, <Redirect>, <Hangup>, <Reject>), follows action
URLs, and posts the status callback at the end. A Scenario says what the people on the line do: which
keys the supporter presses, whether each dialed office answers, is busy or does not answer, where the
supporter presses * to move on, and when they hang up.

It serves three callers: the built-in simulator that replaces Twilio when no credentials are set,
the organizer's call preview (a transcript of exactly what a supporter hears), and the fake Twilio
the tests run against (tests/fakes/twilio.py), which drives it over real HTTP.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from advocacy.providers.telephony import sign

Transport = Callable[[str, dict, dict], tuple[int, str]]  # (url, params, headers) -> (status, body)


@dataclass
class Scenario:
    answered_by: str = "human"  # or "machine_start": a voicemail picked up (reported when detection was asked)
    supporter_keys: list[str] = field(default_factory=lambda: ["1"])  # one entry per <Gather>; "" = silence
    default_key: str = ""  # what the supporter presses once supporter_keys runs out
    target_results: dict[str, str] = field(default_factory=dict)  # number -> completed|busy|no-answer|failed
    default_result: str = "completed"
    talk_seconds: int = 45
    star_on: set[int] = field(default_factory=set)  # dial indexes (0-based) where the supporter presses *
    hangup_after_steps: int | None = None  # the supporter hangs up after this many webhook requests
    repeat_requests: set[int] = field(default_factory=set)  # requests (1-based) Twilio sends twice, the first
    # answer lost (a timeout): the call goes on with the second answer
    replays: dict[int, int] = field(default_factory=dict)  # {m: k}: after request m, someone replays request k
    # (a captured, validly signed webhook); its answer is discarded
    max_steps: int = 200


@dataclass
class Step:
    kind: str  # say, play, pause, gather, dial, redirect, hangup, reject, request, unknown
    text: str = ""
    language: str = ""
    number: str = ""
    caller_id: str = ""
    digits: str = ""
    result: str = ""


@dataclass
class Transcript:
    call_sid: str
    steps: list[Step] = field(default_factory=list)
    status: str = "in-progress"
    errors: list[str] = field(default_factory=list)

    @property
    def said(self) -> list[str]:
        return [s.text for s in self.steps if s.kind == "say"]

    @property
    def dialed(self) -> list[str]:
        return [s.number for s in self.steps if s.kind == "dial"]

    @property
    def dial_results(self) -> list[tuple[str, str]]:
        return [(s.number, s.result) for s in self.steps if s.kind == "dial"]

    def to_text(self) -> str:
        lines = []
        for step in self.steps:
            if step.kind == "say":
                lines.append(f"SAY ({step.language or 'en'}): {step.text}")
            elif step.kind == "play":
                lines.append(f"PLAY: {step.text}")
            elif step.kind == "gather":
                lines.append(f"ASK FOR KEYS: supporter pressed {step.digits or 'nothing'}")
            elif step.kind == "dial":
                lines.append(f"DIAL {step.number} (caller ID {step.caller_id or 'default'}): {step.result}")
            elif step.kind in {"hangup", "reject"}:
                lines.append(step.kind.upper())
        lines += [f"ERROR: {error}" for error in self.errors]
        return "\n".join(lines)


def signed_headers(url: str, params: dict, auth_token: str) -> dict:
    return {"X-Twilio-Signature": sign(url, params, auth_token), "Content-Type": "application/x-www-form-urlencoded"}


def http_transport(url: str, params: dict, headers: dict) -> tuple[int, str]:
    import requests

    response = requests.post(url, data=params, headers=headers, timeout=30)
    return response.status_code, response.content.decode()  # TwiML is UTF-8 (its XML declaration says so)


class DjangoClientTransport:
    """In-process requests through django.test.Client, addressed as PUBLIC_BASE_URL so signatures match."""

    def __call__(self, url: str, params: dict, headers: dict) -> tuple[int, str]:
        from django.test import Client

        parts = urlsplit(url)
        client = Client(HTTP_HOST=parts.netloc, **{"wsgi.url_scheme": parts.scheme})
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.post(path, urlencode(params), content_type="application/x-www-form-urlencoded",
                               HTTP_X_TWILIO_SIGNATURE=headers["X-Twilio-Signature"], secure=parts.scheme == "https")
        return response.status_code, response.content.decode()


class _HungUp(Exception):
    pass


class _Interpreter:
    def __init__(self, *, base_params: dict, auth_token: str, transport: Transport, scenario: Scenario,
                 transcript: Transcript):
        self.base_params = base_params
        self.auth_token = auth_token
        self.transport = transport
        self.scenario = scenario
        self.transcript = transcript
        self.requests = 0
        self.sent: dict[int, tuple[str, dict]] = {}
        self.gathers = 0
        self.dials = 0
        self.seconds = 0

    def fetch(self, url: str, extra: dict | None = None) -> ET.Element | None:
        if self.scenario.hangup_after_steps is not None and self.requests >= self.scenario.hangup_after_steps:
            raise _HungUp
        if self.requests >= self.scenario.max_steps:
            self.transcript.errors.append("too many steps; stopping")
            raise _HungUp
        self.requests += 1
        params = {**self.base_params, **(extra or {})}
        self.transcript.steps.append(Step(kind="request", text=url))
        status, body = self.transport(url, params, signed_headers(url, params, self.auth_token))
        if self.requests in self.scenario.repeat_requests:
            self.transcript.steps.append(Step(kind="request", text=url))
            status, body = self.transport(url, params, signed_headers(url, params, self.auth_token))
        self.sent[self.requests] = (url, params)
        if self.requests in self.scenario.replays:
            old_url, old_params = self.sent[self.scenario.replays[self.requests]]
            self.transcript.steps.append(Step(kind="replay", text=old_url))
            self.transport(old_url, old_params, signed_headers(old_url, old_params, self.auth_token))
        if status != 200:
            self.transcript.errors.append(f"{url} answered HTTP {status}")
            raise _HungUp
        try:
            return ET.fromstring(body)
        except ET.ParseError:
            self.transcript.errors.append(f"{url} did not answer TwiML")
            raise _HungUp from None

    def run(self, url: str, extra: dict | None = None) -> None:
        document = self.fetch(url, extra)
        while document is not None:
            document, url = self.play(document, url)

    def play(self, document: ET.Element, url: str) -> tuple[ET.Element | None, str]:
        """Play verbs in order; returns the next document when a verb moved the call elsewhere."""
        for verb in document:
            tag = verb.tag
            if tag == "Say":
                self.say(verb)
            elif tag == "Play":
                self.transcript.steps.append(Step(kind="play", text=(verb.text or "").strip()))
            elif tag == "Pause":
                self.seconds += int(verb.get("length", "1"))
                self.transcript.steps.append(Step(kind="pause"))
            elif tag == "Gather":
                moved = self.gather(verb, url)
                if moved is not None:
                    return moved
            elif tag == "Dial":
                moved = self.dial(verb, url)
                if moved is not None:
                    return moved
            elif tag == "Redirect":
                target = urljoin(url, (verb.text or "").strip())
                self.transcript.steps.append(Step(kind="redirect", text=target))
                return self.fetch(target), target
            elif tag in {"Hangup", "Reject"}:
                self.transcript.steps.append(Step(kind=tag.lower()))
                raise _HungUp
            else:
                self.transcript.steps.append(Step(kind="unknown", text=tag))
        raise _HungUp  # the document ran out: Twilio hangs up

    def say(self, verb: ET.Element) -> None:
        text = " ".join((verb.text or "").split())
        self.seconds += max(1, len(text) // 15)
        self.transcript.steps.append(Step(kind="say", text=text, language=verb.get("language", "")))

    def gather(self, verb: ET.Element, url: str) -> tuple[ET.Element | None, str] | None:
        for child in verb:
            if child.tag == "Say":
                self.say(child)
            elif child.tag == "Play":
                self.transcript.steps.append(Step(kind="play", text=(child.text or "").strip()))
        keys = self.scenario.supporter_keys
        digits = keys[self.gathers] if self.gathers < len(keys) else self.scenario.default_key
        self.gathers += 1
        num_digits = int(verb.get("numDigits", "0") or 0)
        if num_digits and digits:
            digits = digits[:num_digits]
        self.transcript.steps.append(Step(kind="gather", digits=digits))
        if not digits and verb.get("actionOnEmptyResult", "false") != "true":
            return None  # timeout: fall through to the next verb
        action = urljoin(url, verb.get("action") or url)
        return self.fetch(action, {"Digits": digits}), action

    def dial(self, verb: ET.Element, url: str) -> tuple[ET.Element | None, str] | None:
        numbers = [n.text.strip() for n in verb if n.tag == "Number" and n.text] or \
            ([verb.text.strip()] if verb.text and verb.text.strip() else [])
        number = numbers[0] if numbers else ""
        index = self.dials
        self.dials += 1
        result = self.scenario.target_results.get(number, self.scenario.default_result)
        duration = self.scenario.talk_seconds if result == "completed" else 0
        if result == "completed" and index in self.scenario.star_on and verb.get("hangupOnStar") == "true":
            duration = min(duration, 5)
            result = "completed"
        limit = int(verb.get("timeLimit", "14400"))
        duration = min(duration, limit)
        self.seconds += duration
        dial_sid = f"CA{self.transcript.call_sid[2:18]}{index:016x}"
        self.transcript.steps.append(Step(kind="dial", number=number, caller_id=verb.get("callerId", ""),
                                          result=result if index not in self.scenario.star_on else "star"))
        status = {"completed": "completed", "busy": "busy", "no-answer": "no-answer"}.get(result, "failed")
        action = verb.get("action")
        if not action:
            return None  # Dial without an action goes on with the document
        action = urljoin(url, action)
        extra = {"DialCallStatus": status, "DialCallSid": dial_sid, "DialCallDuration": str(duration)}
        return self.fetch(action, extra), action


def run_call(*, url: str, params: dict, auth_token: str, transport: Transport, scenario: Scenario | None = None,
             status_callback: str | None = None, machine_detection: bool = False) -> Transcript:
    """Play one call from its first webhook to its end and post the final status callback. With
    `machine_detection` (Twilio's MachineDetection=Enable), every webhook says who answered, as Twilio does."""
    scenario = scenario or Scenario()
    transcript = Transcript(call_sid=params["CallSid"])
    base = {"ApiVersion": "2010-04-01", "Direction": "outbound-api", **params, "CallStatus": "in-progress"}
    if machine_detection:
        base["AnsweredBy"] = scenario.answered_by
    interpreter = _Interpreter(base_params=base, auth_token=auth_token, transport=transport, scenario=scenario,
                               transcript=transcript)
    try:
        interpreter.run(url)
    except _HungUp:
        pass
    transcript.status = "completed"
    if status_callback:
        final = {**base, "CallStatus": "completed", "CallDuration": str(interpreter.seconds)}
        final.pop("AnsweredBy", None)
        status, _ = transport(status_callback, final, signed_headers(status_callback, final, auth_token))
        if not 200 <= status < 300:
            transcript.errors.append(f"status callback answered HTTP {status}")
    return transcript

