"""Benchmark: emails delivered per second through Celery workers to a local SMTP server, against a bare
smtplib send loop to the same server in the same run, with the same number of processes.

    .venv/bin/python scripts/bench/emails.py [messages] [workers] [rounds]   (default 400, 4 processes, 2 rounds)

Needs PostgreSQL (BENCH_POSTGRES_URL; BENCH_DATABASE names the database) and Redis (BENCH_REDIS_URL, database 13
by default, is flushed). Our path per message: a delivery row locked for the send (its action and campaign read in
the same query), the rendered message through Django's SMTP backend, the row marked sent and the dashboard
counters updated in the same transaction, the task acknowledged. Baselines: `workers` processes running a bare
smtplib loop, with a new SMTP connection per message and with one connection per process. Ours runs three ways,
interleaved in each round: the defaults (the worker keeps its SMTP connection, EMAIL_CONNECTION_REUSE, and its
database connection, CELERY_DB_REUSE_MAX), without SMTP connection reuse, and without database connection reuse
(Celery's own default: a new PostgreSQL connection for every task). It prints each, the SMTP connections the
server saw, and the new PostgreSQL connections.
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


def _bare_messages(port: int, count: int, reuse: bool) -> None:
    smtp = smtplib.SMTP("127.0.0.1", port) if reuse else None
    for i in range(count):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "action@example.org", "office@example.org", f"m{i}"
        message.set_content("Dear office,\n\nCut ICE's budget.\n")
        if smtp is not None:
            smtp.send_message(message)
            continue
        with smtplib.SMTP("127.0.0.1", port) as fresh:
            fresh.send_message(message)
    if smtp is not None:
        smtp.quit()


def bare_loop(port: int, count: int, processes: int, reuse: bool) -> float:
    """Messages per second of `processes` bare smtplib loops sending `count` messages between them."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    jobs = [context.Process(target=_bare_messages, args=(port, count // processes, reuse)) for _ in range(processes)]
    began = time.perf_counter()
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    return (count // processes * processes) / (time.perf_counter() - began)


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
    variants = {"defaults (SMTP + DB reuse)": {}, "no SMTP reuse": {"EMAIL_CONNECTION_REUSE": "false"},
                "no DB reuse": {"CELERY_DB_REUSE_MAX": "0"}}
    with FakeSMTPServer() as smtp:
        env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": REDIS, "CELERY_TASK_ALWAYS_EAGER":
               "false", "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
               "EMAIL_PORT": str(smtp.port)}
        bare: dict[str, list[float]] = {"new connection per message": [], "one connection per process": []}
        results: dict[str, list[tuple[float, int, int]]] = {label: [] for label in variants}
        for n in range(rounds):  # interleaved, so the machine's load swings hit all alike
            for label, reuse in (("new connection per message", False), ("one connection per process", True)):
                bare[label].append(bare_loop(smtp.port, count, workers, reuse))
            for label, extra in variants.items():
                results[label].append(deliver_round(smtp, {**env, **extra}, campaign, count, workers, f"{n}-{label}"))
        sent = EmailDelivery.objects.filter(status="sent").count()
        ids = [m["Message-ID"] for m in smtp.messages if m["Message-ID"]]
        twice = len(ids) - len(set(ids))
    report(count, rounds, workers, bare, results, sent, twice)


def report(count, rounds, workers, bare, results, sent, twice) -> None:
    print(f"{count} messages per round, {rounds} rounds; {workers} processes on each side; PostgreSQL + Redis; "
          "local aiosmtpd server")
    for label, rates in bare.items():
        print(f"baseline: bare smtplib, {label:27s} {max(rates):7.1f} msg/s   rounds "
              f"{', '.join(f'{r:.1f}' for r in rates)}")
    base_fresh, base_reuse = max(bare["new connection per message"]), max(bare["one connection per process"])
    for label, runs in results.items():
        rates = [rate for rate, _, _ in runs]
        print(f"ours, {label:27s} (best of {len(runs)}) {max(rates):7.1f} msg/s   ratio to bare reusing "
              f"{max(rates) / base_reuse:.2f}, to bare per-message {max(rates) / base_fresh:.2f}   rounds "
              f"{', '.join(f'{r:.1f}' for r in rates)}   SMTP connections {', '.join(str(c) for _, _, c in runs)}"
              f"   new DB connections {', '.join(str(c) for _, c, _ in runs)}")
    print(f"{sent} deliveries marked sent, {twice} sent twice")


def sessions_opened() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


def deliver_round(smtp, env: dict, campaign, count: int, workers: int, tag: str) -> tuple[float, int, int]:
    """Queue count // 2 actions (two offices and a receipt each), start the workers, time until all are sent."""
    from advocacy.emails.services import submit_email_action

    tag = tag.split(" (")[0].replace(" ", "-")
    for i in range(count // 2):
        submit_email_action(campaign=campaign, name=f"Supporter {i}", email=f"{tag}-{i}@example.org",
                            zip_code="10001")
    already, connections = len(smtp.messages), smtp.connections
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
    return expected / elapsed, opened, smtp.connections - connections

if __name__ == "__main__":
    main()
