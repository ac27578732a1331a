"""Benchmark: TwiML webhooks against two baselines in the same run, in CPU time and wall time per request.

    .venv/bin/python scripts/bench/calls_twiml.py [rounds] [calls-per-round]     (default 4 rounds, 20 calls)
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db> .venv/bin/python scripts/bench/calls_twiml.py

In-process through Django's test client on a throw-away test database (SQLite unless DATABASE_URL says
otherwise), so the figures measure our code, not a web server. Baselines: a minimal view returning constant
TwiML, and a *signed* view that checks X-Twilio-Signature and reads one CallSession by primary key (what any
webhook must do at least). Each round runs, interleaved: both baselines, `answer` and a repeated status callback
in a loop, then whole patch-through calls to 9 offices played by the built-in simulator (answer, press 1,
next/dialed per office, the last next, ringing/answered/completed/repeated status callbacks), each webhook timed
inside the transport, so the simulator's own work (Twilio's side) is not counted. Prints per-webhook µs CPU and
wall per request, the ratio of the signed baseline's CPU to each webhook's (the throughput ratio; the target is
≥ 0.5), and the CPU of a whole call (target ≤ 50 ms).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings")
os.environ.setdefault("SECRET_KEY", "bench-secret-key")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse, HttpResponseForbidden  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402

from advocacy.providers.telephony import sign, signature_is_valid  # noqa: E402

BASE = "https://bench.example.org"
TOKEN = "bench-token"
OFFICES = 9
FORM = "application/x-www-form-urlencoded"


def minimal_view(request):
    return HttpResponse("<Response/>", content_type="text/xml")


@csrf_exempt
def signed_pk_view(request, session_id):
    from advocacy.calls.models import CallSession

    if not signature_is_valid(url=settings.PUBLIC_BASE_URL + request.get_full_path(), params=request.POST.dict(),
                              signature=request.headers.get("X-Twilio-Signature", "")):
        return HttpResponseForbidden()
    session = CallSession.objects.get(pk=session_id)
    return HttpResponse(f"<Response><Say>{session.status}</Say></Response>", content_type="text/xml")


urlpatterns = [path("bench/minimal", minimal_view), path("bench/signed/<uuid:session_id>", signed_pk_view),
               path("", include("advocacy.urls"))]


def build_campaign():
    from advocacy.campaigns.models import Campaign, CampaignTarget, Demand, MessageTemplate
    from targets.models import Target

    campaign = Campaign.objects.create(slug="bench", title="Bench", call_intro="Thank you for calling.",
                                       call_script="Hello {{ target_name }}, I am a constituent. Please act.")
    for i, text in enumerate(["End detention", "Cut ICE funding", "Free them all", "Stop the raids"]):
        Demand.objects.create(campaign=campaign, position=i, text=text)
    MessageTemplate.objects.create(campaign=campaign, target_kind="executive", subject="s", body="b",
                                   call_script="Hello {{ target_name }}: {{ demands|join:', ' }}.")
    for i in range(OFFICES):
        target = Target.objects.create(key=f"T{i}", kind="executive", name=f"Office {i}", title="Secretary",
                                       phone=f"+1202225{i:04d}")
        CampaignTarget.objects.create(campaign=campaign, position=i, source="fixed", target=target)
    return Campaign.objects.get(pk=campaign.pk)


def new_session(campaign):
    from advocacy.calls.legs import add_legs
    from advocacy.calls.models import CallSession

    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10001",
                                         status=CallSession.Status.RINGING)
    add_legs(session=session, location=None)
    return session


class TimedTransport:
    """The simulator's transport: one persistent test client, each request's CPU and wall time by webhook."""

    def __init__(self):
        self.client = Client(HTTP_HOST="bench.example.org", **{"wsgi.url_scheme": "https"})
        self.cpu = defaultdict(list)
        self.wall = defaultdict(list)

    def __call__(self, url: str, params: dict, headers: dict) -> tuple[int, str]:
        path_ = url.removeprefix(BASE)
        kind = kind_of(path_)
        cpu, wall = time.process_time(), time.perf_counter()
        response = self.client.post(path_, urlencode(params), content_type=FORM,  # as Twilio sends them
                                    HTTP_X_TWILIO_SIGNATURE=headers["X-Twilio-Signature"], secure=True)
        self.cpu[kind].append(time.process_time() - cpu)
        self.wall[kind].append(time.perf_counter() - wall)
        assert response.status_code in (200, 204), (path_, response.status_code, response.content[:300])
        return response.status_code, response.content.decode()


def kind_of(path_: str) -> str:
    parts = path_.strip("/").split("/")
    if parts[0] == "bench":
        return parts[1]
    return "status" if parts[1] == "status" else parts[3]


def post(transport, path_, params):
    return transport(BASE + path_, params, {"X-Twilio-Signature": sign(BASE + path_, params, TOKEN)})


def loop_cases(transport, session, n: int) -> None:
    params = {"CallSid": "CA" + "0" * 32, "AccountSid": "AC" + "0" * 32, "CallStatus": "in-progress"}
    cases = [("/bench/minimal", "minimal"), (f"/bench/signed/{session.pk}", "signed"),
             (f"/calls/twiml/{session.pk}/answer", "answer"), (f"/calls/status/{session.pk}", "status")]
    for path_, _ in cases:
        for _ in range(n):
            post(transport, path_, params)


def whole_call(transport, campaign) -> float:
    """One 9-office call through the simulator; returns the CPU seconds our webhooks spent on it."""
    from advocacy.calls.links import webhook_url
    from advocacy.calls.simulator import Scenario, run_call

    session = new_session(campaign)
    before = sum(sum(v) for v in transport.cpu.values())
    status = webhook_url("calls:status", session)
    params = {"CallSid": f"CA{session.pk.hex}", "AccountSid": "AC" + "0" * 32, "From": "+12025550100",
              "To": session.phone}
    for call_status in ("ringing", "in-progress"):
        transport(status, {**params, "CallStatus": call_status}, {"X-Twilio-Signature": sign(
            status, {**params, "CallStatus": call_status}, TOKEN)})
    transcript = run_call(url=webhook_url("calls:answer", session), params=params, auth_token=TOKEN,
                          transport=transport, scenario=Scenario(talk_seconds=30), status_callback=status)
    assert len(transcript.dialed) == OFFICES and not transcript.errors, (transcript.dialed, transcript.errors)
    final = {**params, "CallStatus": "completed"}
    transport(status, final, {"X-Twilio-Signature": sign(status, final, TOKEN)})  # Twilio retries sometimes
    return sum(sum(v) for v in transport.cpu.values()) - before


def run(rounds: int, calls: int) -> None:
    campaign = build_campaign()
    probe = new_session(campaign)
    webhooks_per_call = None
    print(f"database: {connection.vendor}; {rounds} rounds, each: 200 requests per loop case, {calls} whole calls")
    print(f"{'round':>5} {'case':18} {'µs CPU/req':>11} {'µs wall/req':>12} {'CPU ratio to signed':>20}")
    call_cpu = []
    for number in range(1, rounds + 1):
        transport = TimedTransport()
        loop_cases(transport, probe, 200)
        per_call = [whole_call(transport, campaign) for _ in range(calls)]
        call_cpu.extend(per_call)
        webhooks_per_call = sum(len(v) for k, v in transport.cpu.items()
                                if k not in ("minimal", "signed")) / calls - 400 / calls
        signed = statistics.mean(transport.cpu["signed"])
        for kind in ("minimal", "signed", "answer", "start", "next", "dialed", "status"):
            cpu, wall = statistics.mean(transport.cpu[kind]), statistics.mean(transport.wall[kind])
            print(f"{number:>5} {kind:18} {cpu * 1e6:11.0f} {wall * 1e6:12.0f} {signed / cpu:20.2f}")
        print(f"{number:>5} {'whole 9-office call':18} {statistics.mean(per_call) * 1e3:9.1f} ms CPU "
              f"(median {statistics.median(per_call) * 1e3:.1f} ms, {webhooks_per_call:.0f} webhooks per call)")
    print(f"whole 9-office call over all rounds: median {statistics.median(call_cpu) * 1e3:.1f} ms CPU, "
          f"p90 {sorted(call_cpu)[int(len(call_cpu) * 0.9)] * 1e3:.1f} ms (target ≤ 50 ms)")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(ROOT_URLCONF=__name__, PUBLIC_BASE_URL=BASE, TWILIO_AUTH_TOKEN=TOKEN, DEBUG=False,
                               TWILIO_ACCOUNT_SID="AC" + "0" * 32, ALLOWED_HOSTS=["*"]):
            run(rounds, calls)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
