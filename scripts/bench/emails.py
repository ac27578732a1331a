"""Benchmark: emails delivered per second through Celery workers to a local SMTP server, against a bare
smtplib send loop to the same server in the same run.

    .venv/bin/python scripts/bench/emails.py [messages] [workers] [rounds]   (default 400, 4 processes, 2 rounds)

Needs PostgreSQL (BENCH_POSTGRES_URL) and Redis (BENCH_REDIS_URL, database 13 is flushed). Our path per
message: a delivery row locked for the send, the rendered message through Django's SMTP backend (a new SMTP
connection per message, as the backend opens one per send), the row marked sent and the dashboard counters
updated in the same transaction, the task acknowledged. Each round is run twice, interleaved: with workers
reusing their database connection (CELERY_DB_REUSE_MAX, the default) and without (Celery's own default: a new
PostgreSQL connection for every task); it prints both and the new connections PostgreSQL saw in each round.
"""

from __future__ import annotations

import os
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage

from _django import ROOT, setup

REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")


def bare_loop(port: int, count: int) -> float:
    began = time.perf_counter()
    for i in range(count):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "action@example.org", "office@example.org", f"m{i}"
        message.set_content("Dear office,\n\nCut ICE's budget.\n")
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            smtp.send_message(message)
    return count / (time.perf_counter() - began)


def create_campaign():
    """A campaign with two member offices that take email, for ZIP 10001."""
    import datetime as dt

    from django.utils import timezone

    from advocacy.campaigns.models import Campaign, CampaignTarget, MessageTemplate
    from targets.models import Target, ZipDistrict

    campaign = Campaign.objects.create(slug="bench", title="Bench", require_email_confirmation=False,
                                       window_start=timezone.now() - dt.timedelta(hours=1))
    MessageTemplate.objects.create(campaign=campaign, target_kind="member", subject="Hi {{ target_name }}",
                                   body="Dear {{ target_name }},\n\nCut ICE's budget.\n\n{{ supporter.name }}")
    for i, chamber in enumerate(["house", "senate"]):
        Target.objects.create(key=f"T{i}", kind="member", name=f"Member {i}", title="Member", chamber=chamber,
                              state="NY", district=10 if chamber == "house" else None, email=f"t{i}@example.org")
    ZipDistrict.objects.create(zcta="10001", state="NY", district=10)
    CampaignTarget.objects.create(campaign=campaign, position=0, source="own_house")
    CampaignTarget.objects.create(campaign=campaign, position=1, source="own_senators")
    return campaign


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    database_url = setup(database="postgres", name="bench_emails", broker_url=REDIS)
    sys.path.insert(0, str(ROOT))
    from advocacy.emails.models import EmailDelivery
    from tests.fakes.smtp import FakeSMTPServer

    campaign = create_campaign()

    from django.conf import settings
    settings.EMAILS_PER_IP_PER_HOUR = settings.EMAILS_PER_ADDRESS_PER_HOUR = 10**9
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    with FakeSMTPServer() as smtp:
        bare = bare_loop(smtp.port, count)
        env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": REDIS, "CELERY_TASK_ALWAYS_EAGER":
               "false", "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
               "EMAIL_PORT": str(smtp.port)}
        results: dict[str, list[tuple[float, int]]] = {"without reuse": [], "with reuse": []}
        for n in range(rounds):  # interleaved, so the machine's load swings hit both alike
            for label, reuse in (("without reuse", "0"), ("with reuse", "1000")):
                results[label].append(deliver_round(smtp, {**env, "CELERY_DB_REUSE_MAX": reuse}, campaign,
                                                    count, workers, f"{label}-{n}"))
        sent = EmailDelivery.objects.filter(status="sent").count()
        ids = [m["Message-ID"] for m in smtp.messages if m["Message-ID"]]
        twice = len(ids) - len(set(ids))
    print(f"{count} messages per round, {rounds} rounds; {workers} worker processes; PostgreSQL + Redis; "
          f"local aiosmtpd server")
    print(f"baseline: bare smtplib loop, one process          {bare:7.1f} msg/s")
    for label, runs in results.items():
        rates = [rate for rate, _ in runs]
        print(f"ours, {label:13s} (best of {len(runs)})             {max(rates):7.1f} msg/s   "
              f"ratio {max(rates) / bare:.2f}   rounds {', '.join(f'{r:.1f}' for r in rates)}   "
              f"new DB connections per round {', '.join(str(c) for _, c in runs)}")
    reuse, fresh = max(r for r, _ in results["with reuse"]), max(r for r, _ in results["without reuse"])
    print(f"connection reuse: {reuse / fresh:.2f}x the throughput; {sent} deliveries marked sent, "
          f"{twice} sent twice")


def sessions_opened() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


def deliver_round(smtp, env: dict, campaign, count: int, workers: int, tag: str) -> tuple[float, int]:
    """Queue count // 2 actions (two offices and a receipt each), start the workers, time until all are sent."""
    from advocacy.emails.services import submit_email_action

    for i in range(count // 2):
        submit_email_action(campaign=campaign, name=f"Supporter {i}", email=f"{tag}-{i}@example.org",
                            zip_code="10001")
    already = len(smtp.messages)
    log_path = f"/tmp/bench-emails-worker-{tag}.log"
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "advocacy", "worker", "--loglevel=INFO",
                               "--pool=prefork", f"--concurrency={workers}", "--without-gossip",
                               "--without-mingle", "--without-heartbeat"], cwd=ROOT, env=env,
                              stdout=open(log_path, "wb"), stderr=subprocess.STDOUT)
    try:
        while b"ready." not in open(log_path, "rb").read():
            time.sleep(0.02)
        opened = sessions_opened()
        began = time.perf_counter()
        expected = count + count // 2  # each action: two offices and the supporter's receipt
        while len(smtp.messages) < already + expected:
            time.sleep(0.01)
        elapsed = time.perf_counter() - began
        opened = sessions_opened() - opened
    finally:
        worker.terminate()
        worker.wait(30)
    return expected / elapsed, opened

if __name__ == "__main__":
    main()
