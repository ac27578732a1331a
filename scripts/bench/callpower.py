"""Benchmark: CPU per request of CallPower's create-call endpoint against ours, same request, same run (issue 15:
ours at most half of CallPower's). `.venv/bin/python scripts/bench/callpower.py [requests-per-round] [rounds]`
(200, 5). CALLPOWER_DIR (/tmp/callpower), CALLPOWER_PYTHON (/tmp/callpower-venv/bin/python): CallPower, a `git
archive` of github:OpenSourceActivismTech/call-power with requirements/common.txt in a venv (on Python 3.11:
SQLAlchemy-Utils 0.37.9, WTForms-Alchemy 0.17.0, future 0.18.3, Flask-WTF 0.14.3, Flask-Store from
spacedogXYZ/Flask-Store + shortuuid 0.1, and `(?s)` moved to its regex's start in call_server/jinja.py).
DATABASE_URL=postgresql://.../<db>: ours on PostgreSQL (test_<db>); CALLPOWER_DATABASE_URI: CallPower's.

A new supporter (phone, client address) asks for a call with ZIP 05401 (VT: three members) in a campaign
reaching their members and two fixed offices. CallPower: POST /call/create records the session and asks
Twilio for the call in the request (its target lookup, done by a later webhook, is timed apart). Ours: POST
/api/v1/campaigns/<slug>/calls, DEBUG off, Celery not eager (in-memory broker: the request records and
enqueues), then its place_call task run once eagerly, timed apart. Each side in a long-lived child process,
warmed up, timed in interleaved rounds through its framework's test client by time.process_time (all its
threads); SQL statements counted. Twilio: a local fake in this parent. Without CallPower it says so, exit 0.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[2]
CALLPOWER_DIR = os.environ.get("CALLPOWER_DIR", "/tmp/callpower")
CALLPOWER_PYTHON = os.environ.get("CALLPOWER_PYTHON", "/tmp/callpower-venv/bin/python")
SID, TOKEN = "AC" + "b" * 32, "bench-token"
ZIP, CAMPAIGN_NUMBER = "05401", "+12025550100"
MEMBERS = [("S000033", "Bernard", "Sanders", "senate", "+12022245141"), ("W000800", "Peter", "Welch", "senate",
            "+12022244242"), ("B001318", "Becca", "Balint", "house", "+12022254115")]  # senators first
FIXED = [("dhs", "Department of Homeland Security", "+12022828000"), ("wh", "The White House", "+12024561111")]


def supporter(n: int) -> tuple[str, str]:  # a new supporter each time: their phone number, their address
    return f"+1802{n // 10000 % 700 + 200:03d}{n % 10000:04d}", f"10.{n // 62500 % 250}.{n // 250 % 250}.{n % 250 + 1}"


class FakeTwilio(BaseHTTPRequestHandler):
    """Twilio's REST API for creating a call: 201 and the call resource (queued); 400 for anything else."""
    protocol_version, disable_nagle_algorithm = "HTTP/1.1", True  # keep-alive; no 40 ms delayed-ACK stalls
    created = 0

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
        ok = (self.path == f"/2010-04-01/Accounts/{SID}/Calls.json" and self.headers.get("Authorization")
              and all(form.get(k) for k in ("To", "From", "Url")))
        sid, now = "CA" + uuid.uuid4().hex, time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
        data = json.dumps({"sid": sid, "account_sid": SID, "to": form["To"], "from": form["From"], "status": "queued",
                           "direction": "outbound-api", "api_version": "2010-04-01", "date_created": now,
                           "date_updated": now, "uri": f"/2010-04-01/Accounts/{SID}/Calls/{sid}.json"}
                          if ok else {"code": 21201, "message": "bad request", "status": 400}).encode()
        FakeTwilio.created += bool(ok)
        self.send_response(201 if ok else 400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def callpower_fixture(db, cache) -> object:
    from call_server.campaign.models import Campaign, CampaignTarget, Target, TwilioPhoneNumber

    campaign = Campaign(name="bench", country_code="us", campaign_type="congress", campaign_subtype="both",
                        campaign_language="en", segment_by="location", locate_by="postal", include_special="after",
                        target_ordering="lower-first", target_shuffle_chamber=False, status_code=2)
    campaign.phone_number_set.append(TwilioPhoneNumber(number=CAMPAIGN_NUMBER, twilio_sid="PN" + "0" * 32))
    db.session.add(campaign)
    for order, (key, name, number) in enumerate(FIXED):
        db.session.add(CampaignTarget(campaign=campaign, order=order, target=Target(
            key=f"custom:{key}", name=name, title="Office", number=number)))
    db.session.commit()
    records = [{"first_name": first, "last_name": last, "bioguide_id": bio, "phone": number, "chamber": chamber,
                "title": "Senator" if chamber == "senate" else "Representative", "state": "VT", "offices": [],
                "district": None if chamber == "senate" else "0", "current": True, "party": "Democrat"}
               for bio, first, last, chamber, number in MEMBERS]  # what its loader makes of congress-legislators
    cache.set_many({**{f"us:bioguide:{r['bioguide_id']}": [r] for r in records}, "us:senate:VT": records[:2],
                    "us:house:VT:0": records[2:], f"us:zipcode:{ZIP}": [{"state": "VT", "zipcode": ZIP,
                                                                           "house_district": "0"}]})
    return campaign


class Queries:
    """Counts SQL statements: SQLAlchemy's before_cursor_execute listener, or Django's execute_wrapper."""
    count = 0

    def __call__(self, *args):
        self.count += 1
        if len(args) == 5:  # Django: (execute, sql, params, many, context)
            return args[0](*args[1:])

    def timed(self, call) -> tuple[object, float, int]:  # call()'s result, its CPU seconds and statements
        cpu, count = time.process_time(), self.count
        result = call()
        return result, time.process_time() - cpu, self.count - count


def callpower_child(twilio_url: str) -> None:
    os.chdir(CALLPOWER_DIR)
    sys.path.insert(0, CALLPOWER_DIR)
    os.environ.update(TWILIO_ACCOUNT_SID=SID, TWILIO_AUTH_TOKEN=TOKEN)
    import twilio.rest
    from call_server.app import create_app
    from call_server.config import DefaultConfig
    from call_server.extensions import cache, db
    from call_server.political_data.lookup import locate_targets
    from sqlalchemy import event

    class BenchConfig(DefaultConfig):
        SQLALCHEMY_DATABASE_URI = os.environ.get("CALLPOWER_DATABASE_URI", "sqlite://")
        CACHE_TYPE, SECRET_KEY, STORE_DOMAIN = "simple", "bench-secret-key", "http://localhost:5000"

    app = create_app(BenchConfig)
    app.app_context().push()
    db.session.remove()  # create_app read the users table before it existed (on PostgreSQL: an aborted transaction)
    db.drop_all()
    db.create_all()
    app.ADMIN_PHONES_LIST = []  # create_app reads it from the users table, which did not exist yet
    app.config["TWILIO_CLIENT"] = twilio.rest.Client(SID, TOKEN)
    app.config["TWILIO_CLIENT"].api.base_url = twilio_url  # its outbound transport goes to the local fake
    campaign, queries, client = callpower_fixture(db, cache), Queries(), app.test_client()
    event.listen(db.engine, "before_cursor_execute", queries)

    def one(n: int) -> dict:
        phone, ip = supporter(n)
        response, cpu, count = queries.timed(lambda: client.post("/call/create", data={
            "campaignId": str(campaign.id), "userPhone": phone, "userLocation": ZIP}, environ_base={"REMOTE_ADDR": ip}))
        assert response.status_code == 200 and response.get_json()["call"] == "queued", response.data[:300]
        targets, lookup_cpu, _ = queries.timed(lambda: locate_targets(ZIP, campaign))
        assert len(targets) == len(MEMBERS) + len(FIXED), targets
        return {"request": cpu, "queries": count, "lookup": lookup_cpu}

    serve(one)


def ours_fixture():
    from datetime import timedelta

    from django.utils import timezone

    from advocacy.campaigns.models import Campaign, CampaignTarget
    from targets.models import Target, ZipDistrict

    campaign = Campaign.objects.create(slug="bench", title="Bench", is_published=True, phone_number=CAMPAIGN_NUMBER,
                                       window_start=timezone.now() - timedelta(hours=1),
                                       call_script="Hello {{ target_name }}, please act.")
    for bio, first, last, chamber, number in MEMBERS:
        Target.objects.create(key=bio, kind="member", name=f"{first} {last}", chamber=chamber, state="VT",
                              title="Senator" if chamber == "senate" else "Representative", phone=number,
                              district=None if chamber == "senate" else 0)
    ZipDistrict.objects.create(zcta=ZIP, state="VT", district=0)
    lines = [("own_house", None), ("own_senators", None)] + [("fixed", Target.objects.create(
        key=f"fixed-{key}", kind="executive", name=name, title="Office", phone=number)) for key, name, number in FIXED]
    for position, (source, target) in enumerate(lines):
        CampaignTarget.objects.create(campaign=campaign, position=position, source=source, target=target)
    return campaign


def ours_child(twilio_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.update(DJANGO_SETTINGS_MODULE="advocacy.settings", SECRET_KEY="bench-secret-key", DEBUG="false",
                      CELERY_BROKER_URL="memory://", CELERY_TASK_ALWAYS_EAGER="false", TWILIO_ACCOUNT_SID=SID,
                      TWILIO_AUTH_TOKEN=TOKEN, TWILIO_API_BASE_URL=twilio_url, TWILIO_CALLS_PER_SECOND="100000",
                      PUBLIC_BASE_URL="https://bench.example.org", ALLOWED_HOSTS="bench.example.org")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from advocacy.calls.models import CallSession
    from advocacy.calls.tasks import place_call

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    campaign, queries, client = ours_fixture(), Queries(), Client(HTTP_HOST="bench.example.org")

    def one(n: int) -> dict:
        phone, ip = supporter(n)
        response, cpu, count = queries.timed(lambda: client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {
            "phone": phone, "zip": ZIP}, content_type="application/json", secure=True, REMOTE_ADDR=ip))
        body = response.json()
        assert response.status_code == 202 and len(body["targets"]) == len(MEMBERS) + len(FIXED), body
        _, task_cpu, task_count = queries.timed(lambda: place_call.apply(args=(body["call_id"],)))
        # The call ends (as its final status callback would say): the campaign's live-call cap is never hit.
        assert CallSession.objects.filter(pk=body["call_id"]).exclude(twilio_sid="").update(status="completed")
        return {"request": cpu, "queries": count, "task": task_cpu, "task_queries": task_count}

    try:
        with connection.execute_wrapper(queries):
            serve(one)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def serve(one) -> None:
    """Warm up, say ready, then answer each "run <first> <count>" line with one JSON line of samples."""
    for n in range(30):
        one(10**6 + n)
    print("@@ready", flush=True)
    for line in sys.stdin:
        first, count = map(int, line.split()[1:])
        samples = [one(n) for n in range(first, first + count)]
        print("@@" + json.dumps({k: [s[k] for s in samples] for k in samples[0]}), flush=True)


class Child:
    def __init__(self, label: str, python: str, twilio_url: str):
        self.label, self.log = label, tempfile.NamedTemporaryFile("w+", prefix=f"bench-{label}-", suffix=".log")
        self.process = subprocess.Popen([python, __file__, "--child", label, twilio_url], text=True,
                                        env={**os.environ, "PYTHONWARNINGS": "ignore"}, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.log)
        self.read()

    def read(self) -> str:
        for line in self.process.stdout:
            if line.startswith("@@"):
                return line[2:]
        self.log.seek(0)
        raise SystemExit(f"{self.log.read()[-3000:]}\n{self.label}: the child ended (exit {self.process.wait()})")

    def run(self, first: int, count: int) -> dict[str, list[float]]:
        before = FakeTwilio.created
        self.process.stdin.write(f"run {first} {count}\n")
        self.process.stdin.flush()
        samples = json.loads(self.read())
        assert FakeTwilio.created - before == count, f"{self.label}: {FakeTwilio.created - before} Twilio calls"
        return samples


def median_us(values: list[float]) -> float:
    return statistics.median(values) * 1e6


def main() -> None:
    if not (Path(CALLPOWER_DIR) / "call_server").is_dir() or not Path(CALLPOWER_PYTHON).exists():
        print(f"CallPower not found (CALLPOWER_DIR={CALLPOWER_DIR}, CALLPOWER_PYTHON={CALLPOWER_PYTHON}): "
              "nothing measured. This script's docstring says how to set it up.")
        return
    count, rounds = (int(a) for a in (sys.argv[1:] + ["200", "5"][len(sys.argv) - 1:])[:2])
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTwilio)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    sides = [Child("callpower", CALLPOWER_PYTHON, url), Child("ours", sys.executable, url)]
    print(f"{count} requests per side per round, {rounds} rounds, interleaved; CallPower on "
          f"{os.environ.get('CALLPOWER_DATABASE_URI', 'sqlite:').split(':')[0]}, ours on "
          f"{os.environ.get('DATABASE_URL', 'sqlite:').split(':')[0]}; Twilio: a local fake")
    results: dict[str, list[dict]] = {"callpower": [], "ours": []}
    try:
        for number in range(1, rounds + 1):
            for side in sides:
                s = side.run(number * count, count)
                results[side.label].append(s)
                extra = (f"lookup (later, by its webhook) {median_us(s['lookup']):5.0f} µs" if "lookup" in s else
                         f"place_call task {median_us(s['task']):5.0f} µs, {statistics.mean(s['task_queries']):.1f} q")
                print(f"round {number} {side.label:9}: request {median_us(s['request']):5.0f} µs CPU, "
                      f"{statistics.mean(s['queries']):.1f} queries; {extra}", flush=True)
    finally:
        for side in sides:
            side.process.stdin.close()
            side.process.wait(timeout=120)
        server.shutdown()
    summary(results)


def summary(results: dict[str, list[dict]]) -> None:
    def cpu(label: str, *keys: str) -> float:  # the median over rounds of each round's median
        return statistics.median(median_us([sum(v) for v in zip(*(r[k] for k in keys), strict=True)])
                                 for r in results[label])

    def queries(label: str, *keys: str) -> str:
        return f"{sum(statistics.mean(q for r in results[label] for q in r[k]) for k in keys):5.1f}"

    theirs, ours, placed = cpu("callpower", "request"), cpu("ours", "request"), cpu("ours", "request", "task")
    print("\nmedian over rounds of each round's median, µs CPU per request, and SQL statements per request:")
    for label, value, count in [
            ("CallPower POST /call/create (places the Twilio call)", theirs, queries("callpower", "queries")),
            ("CallPower create + the lookup its later webhook does", cpu("callpower", "request", "lookup"), ""),
            ("ours POST /api/v1/.../calls (records, enqueues)", ours, queries("ours", "queries")),
            ("ours request + its place_call task run once", placed, queries("ours", "queries", "task_queries"))]:
        print(f"  {label:54} {value:8.0f} µs  {count}")
    print(f"ratio ours/CallPower: request alone {ours / theirs:.2f}; request + placing task {placed / theirs:.2f}"
          " (target ≤ 0.5)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        {"callpower": callpower_child, "ours": ours_child}[sys.argv[2]](sys.argv[3])
    else:
        main()
