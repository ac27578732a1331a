"""Benchmark: TwiML webhook requests per second against a minimal Django view, in the same run.

Runs in-process through Django's test client on a throwaway test database (SQLite by default; set
DATABASE_URL for PostgreSQL), so the figures measure our code (signature check, state reads, TwiML
rendering) and not a web server. Usage: .venv/bin/python scripts/bench/calls_twiml.py [seconds-per-case]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings")
os.environ.setdefault("SECRET_KEY", "bench-secret-key")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.urls import include, path  # noqa: E402

from advocacy.providers.telephony import sign  # noqa: E402


def minimal_view(request):
    return HttpResponse("<Response/>", content_type="text/xml")


urlpatterns = [path("bench/minimal", minimal_view), path("", include("advocacy.urls"))]


def build_fixture():
    from advocacy.calls.models import CallLeg, CallSession
    from advocacy.campaigns.models import Campaign, CampaignTarget, Demand
    from targets.models import Target

    campaign = Campaign.objects.create(slug="bench", title="Bench", call_intro="Thank you for calling.",
                                       call_script="Hello {{ target_name }}, I am a constituent. Please act.")
    for i, text in enumerate(["End detention", "Cut ICE funding", "Free them all", "Stop the raids"]):
        Demand.objects.create(campaign=campaign, position=i, text=text)
    targets = [Target.objects.create(key=f"T{i}", kind="member", name=f"Member {i}", title="Representative",
                                     chamber="house", state="NY", district=i, phone=f"+1202225{i:04d}")
               for i in range(3)]
    for i, target in enumerate(targets):
        CampaignTarget.objects.create(campaign=campaign, position=i, source="fixed", target=target)
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10001",
                                         status=CallSession.Status.IN_PROGRESS)
    for i, target in enumerate(targets):
        CallLeg.objects.create(session=session, campaign=campaign, position=i, target=target, template_kind="member")
    return session


def measure(client: Client, path_: str, params: dict, headers: dict, seconds: float) -> tuple[float, int]:
    deadline = time.perf_counter() + seconds
    count = 0
    start = time.perf_counter()
    while time.perf_counter() < deadline:
        response = client.post(path_, params, **headers)
        assert response.status_code in (200, 204), (path_, response.status_code, response.content[:200])
        count += 1
    return count / (time.perf_counter() - start), count


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(ROOT_URLCONF=__name__, PUBLIC_BASE_URL="https://bench.example.org",
                               TWILIO_AUTH_TOKEN="bench-token", DEBUG=False):
            session = build_fixture()
            client = Client(HTTP_HOST="localhost")
            params = {"CallSid": "CA" + "0" * 32, "AccountSid": "AC" + "0" * 32, "From": "+12025550100",
                      "To": session.phone, "CallStatus": "in-progress"}
            def signed(path_: str) -> dict:
                return {"HTTP_X_TWILIO_SIGNATURE": sign(settings.PUBLIC_BASE_URL + path_, params, "bench-token")}

            cases = {
                "minimal Django view (baseline)": ("/bench/minimal", {}),
                "answer webhook (greeting, script, Gather)": (f"/calls/twiml/{session.pk}/answer", None),
                "status callback (signed, idempotent update)": (f"/calls/status/{session.pk}", None),
            }
            results = {}
            for name, (path_, headers) in cases.items():
                headers = signed(path_) if headers is None else headers
                measure(client, path_, params, headers, min(1.0, seconds / 5))  # warm up
                results[name] = measure(client, path_, params, headers, seconds)
            baseline = results["minimal Django view (baseline)"][0]
            print(f"database: {connection.vendor}; {seconds:.0f} s per case; Django test client, one process")
            for name, (rate, count) in results.items():
                print(f"{name:48s} {rate:9.1f} req/s  ({count} requests)  ratio to baseline {rate / baseline:.3f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
