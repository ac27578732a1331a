"""A fake Twilio: a local HTTP server that speaks Twilio's REST API for calls and then plays each call
against our webhooks over HTTP with valid X-Twilio-Signature headers, as Twilio would.

The real `twilio` client talks to it: point TWILIO_API_BASE_URL at `fake.url` (the adapter sets
`client.api.base_url`). Calls it creates are driven in background threads by advocacy.calls.simulator
with a Scenario per destination number (`set_scenario`) or the default one.
"""

from __future__ import annotations

import base64
import dataclasses
import threading
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import parse_qs

from advocacy.calls.simulator import Scenario, Transcript, http_transport, run_call
from tests.fakes.http import FakeHTTPServer

API = "/2010-04-01/Accounts/{sid}"


class FakeTwilio(FakeHTTPServer):
    def __init__(self, *, account_sid: str, auth_token: str, drive_calls: bool = True, ring_seconds: float = 0.3,
                 more_accounts: dict[str, str] | None = None):
        self.account_sid = account_sid
        # Subaccounts or other accounts served at the same URL ({sid: token}); each signs its own calls' webhooks.
        self.tokens = {account_sid: auth_token, **(more_accounts or {})}
        self.ring_seconds = ring_seconds  # a real call rings before it is answered; the API answer comes first
        self.auth_token = auth_token
        self.drive_calls = drive_calls
        self.scenarios: dict[str, Scenario] = {}
        self.default_scenario = Scenario()
        self.calls: dict[str, dict] = {}
        self.created: list[dict] = []  # each accepted create, with its monotonic time
        self.transcripts: dict[str, Transcript] = {}
        self.fail_next: list[int] = []  # statuses to answer the next creates with (e.g. 429)
        self.list_delay = 0.0  # seconds a list of calls takes to answer (a slow API)
        self.slow_answers: list[float] = []  # seconds the next creates' answers take (the call is created at once)
        # Numbers whose final status callback is never posted (the session goes stale; Twilio's record still ends).
        self.drop_status_callbacks_to: set[str] = set()
        # Numbers whose gather (`next`) and `dialed` webhooks are each posted twice, the second a replay.
        self.replay_steps_to: set[str] = set()
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        super().__init__(self._handle)

    def set_scenario(self, number: str, scenario: Scenario) -> None:
        self.scenarios[number] = scenario

    # -- the REST API ------------------------------------------------------------------------------------
    def _account(self, request) -> str | None:
        """The account the request is for, when its Basic credentials are that account's."""
        sid = request["path"].removeprefix("/2010-04-01/Accounts/").split("/", 1)[0]
        header = request["headers"].get("Authorization", "")
        token = self.tokens.get(sid)
        return sid if token and header == "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode() else None

    def _error(self, status: int, code: int, message: str):
        return status, {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                        "status": status}, None

    def _handle(self, request):
        account = self._account(request)
        if account is None:
            return self._error(401, 20003, "Authenticate")
        base = API.format(sid=account)
        path, method = request["path"], request["method"]
        if path == f"{base}/Calls.json" and method == "POST":
            return self._create(parse_qs(request["body"].decode()), account)
        if path == f"{base}/Calls.json" and method == "GET":
            time.sleep(self.list_delay)
            to = request["query"].get("To", [None])[0]
            calls = [self._resource(c) for c in self.calls.values()
                     if (to is None or c["to"] == to) and c.get("account", self.account_sid) == account]
            return 200, {"calls": calls, "page": 0, "page_size": 50, "uri": path, "next_page_uri": None,
                         "first_page_uri": path, "previous_page_uri": None, "start": 0, "end": len(calls)}, None
        if path.startswith(f"{base}/Calls/") and path.endswith(".json"):
            sid = path.rsplit("/", 1)[1].removesuffix(".json")
            if sid not in self.calls or self.calls[sid].get("account", self.account_sid) != account:
                return self._error(404, 20404, f"The requested resource {path} was not found")
            return 200, self._resource(self.calls[sid]), None
        return self._error(404, 20404, f"The requested resource {path} was not found")

    def _create(self, form: dict, account: str):
        values = {k: v[0] for k, v in form.items()}
        with self.lock:
            if self.fail_next:
                status = self.fail_next.pop(0)
                return self._error(status, 20429 if status == 429 else 20500, "Too Many Requests")
            for name in ("To", "From", "Url"):
                if not values.get(name):
                    return self._error(400, 21205 if name == "Url" else 21201, f"Required parameter {name} missing")
            sid = "CA" + uuid.uuid4().hex
            call = {"sid": sid, "to": values["To"], "from": values["From"], "url": values["Url"],
                    "status_callback": values.get("StatusCallback"), "time_limit": values.get("TimeLimit"),
                    "status": "queued", "created": datetime.now(UTC), "params": values, "account": account}
            self.calls[sid] = call
            self.created.append({"sid": sid, "to": values["To"], "at": time.monotonic(), "account": account})
        if self.slow_answers:
            time.sleep(self.slow_answers.pop(0))
        if self.drive_calls:
            thread = threading.Thread(target=self._drive, args=(call,), daemon=True)
            self.threads.append(thread)
            thread.start()
        return 201, self._resource(call), None

    def _resource(self, call: dict) -> dict:
        created = call["created"].strftime("%a, %d %b %Y %H:%M:%S +0000")
        account = call.get("account", self.account_sid)
        return {"sid": call["sid"], "account_sid": account, "to": call["to"], "from": call["from"],
                "status": call["status"], "direction": "outbound-api", "api_version": "2010-04-01",
                # Like Twilio: a call that is only queued has been created but has not started.
                "date_created": created, "date_updated": created,
                "start_time": None if call["status"] == "queued" else created, "end_time": None,
                "duration": None, "price": None, "uri": f"{API.format(sid=account)}/Calls/{call['sid']}.json"}

    # -- playing the call --------------------------------------------------------------------------------
    def _drive(self, call: dict) -> None:
        scenario = self.scenarios.get(call["to"], self.default_scenario)
        if call["to"] in self.replay_steps_to:
            scenario = dataclasses.replace(scenario, repeat_requests=set(range(2, scenario.max_steps)))
        callback = None if call["to"] in self.drop_status_callbacks_to else call["status_callback"]
        params = {"CallSid": call["sid"], "AccountSid": call["account"], "From": call["from"], "To": call["to"]}
        time.sleep(self.ring_seconds)
        call["status"] = "in-progress"
        # As Twilio does, AnsweredBy is sent only when the create asked for answering-machine detection.
        detection = call["params"].get("MachineDetection", "") in {"Enable", "DetectMessageEnd"}
        transcript = run_call(url=call["url"], params=params, auth_token=self.tokens[call["account"]],
                              transport=http_transport, scenario=scenario, status_callback=callback,
                              machine_detection=detection)
        call["status"] = "completed"
        self.transcripts[call["sid"]] = transcript

    def dial_in(self, *, from_: str, to: str, voice_url: str, scenario: Scenario | None = None) -> Transcript:
        """Someone calls one of the account's numbers: Twilio fetches the number's voice URL, as configured."""
        sid = "CA" + uuid.uuid4().hex
        params = {"CallSid": sid, "AccountSid": self.account_sid, "From": from_, "To": to, "Direction": "inbound"}
        transcript = run_call(url=voice_url, params=params, auth_token=self.auth_token, transport=http_transport,
                              scenario=scenario or self.default_scenario)
        self.transcripts[sid] = transcript
        return transcript

    def wait_idle(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        for thread in list(self.threads):
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                raise AssertionError("a fake Twilio call did not finish in time")

    def transcript_for(self, number: str) -> Transcript:
        sids = [c["sid"] for c in self.calls.values() if c["to"] == number]
        return self.transcripts[sids[-1]]
