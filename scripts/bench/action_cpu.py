"""Benchmark: CPU time of one whole email action (issue 15's target: ≤ 40 ms), beside a signed-free baseline.

    .venv/bin/python scripts/bench/action_cpu.py [actions] [rounds]      (default 30 actions, 3 rounds; SQLite)
    .venv/bin/python scripts/bench/action_cpu.py 30 3 --postgres         (BENCH_POSTGRES_URL, BENCH_DATABASE)

In one process, eager tasks and Django's in-memory email backend: the supporter submits (the JSON API), reads
the confirmation email, confirms (POST to the link), and the deliveries to both offices run as their tasks do.
Everything our code does for the action is timed with time.process_time (CPU of this process; with PostgreSQL
the server's own CPU is not in it) and wall time; a minimal JSON view is timed in the same rounds, interleaved,
as the yardstick for the machine's speed at that moment.
"""

from __future__ import annotations

import logging
import re
import statistics
import sys
import time

from _django import setup

CONFIRM_LINK = re.compile(r"/emails/confirm/([A-Za-z0-9_-]+)/")


def one_action(client, campaign, number: int) -> None:
    from django.core import mail

    address = f"bench{number}@example.org"
    ip = f"10.{number // 62500}.{number // 250 % 250}.{number % 250 + 1}"
    response = client.post(f"/api/v1/campaigns/{campaign.slug}/emails", {
        "name": "Ana Ruiz", "email": address, "zip": "10001", "city": "New York"},
        content_type="application/json", REMOTE_ADDR=ip)
    assert response.status_code == 202, response.content
    link = next(CONFIRM_LINK.search(m.body).group(0) for m in reversed(mail.outbox) if m.to == [address])
    confirmed = client.post(link, REMOTE_ADDR=ip)
    assert confirmed.status_code in (200, 302), confirmed.status_code


def one_round(client, campaign, round_number: int, number: int, actions: int) -> int:
    """200 /healthz requests, then `actions` email actions; prints both; returns the last action number."""
    from django.core import mail

    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(200):
        client.get("/healthz")
    base_cpu, base_wall = (time.process_time() - cpu) / 200, (time.perf_counter() - wall) / 200
    samples = []
    for _ in range(actions):
        number += 1
        mail.outbox.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        one_action(client, campaign, number)
        samples.append((time.process_time() - cpu, time.perf_counter() - wall))
    cpus, walls = [s[0] for s in samples], [s[1] for s in samples]
    print(f"round {round_number}: email action median {statistics.median(cpus) * 1e3:.1f} ms CPU, "
          f"{statistics.median(walls) * 1e3:.1f} ms wall; /healthz {base_cpu * 1e6:.0f} µs CPU, "
          f"{base_wall * 1e6:.0f} µs wall; action = {statistics.median(cpus) / base_cpu:.0f} × /healthz")
    return number


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    actions = int(args[0]) if args else 30
    rounds = int(args[1]) if len(args) > 1 else 3
    setup(database="postgres" if "--postgres" in sys.argv else "sqlite", name="bench_action_cpu")
    logging.getLogger("celery").setLevel(logging.WARNING)  # eager tasks log every success

    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from emails import create_campaign

    from advocacy.emails.models import EmailDelivery

    setup_test_environment()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", ALLOWED_HOSTS=["*"]):
        campaign = create_campaign()
        campaign.require_email_confirmation = True
        campaign.from_email, campaign.is_published = "action@example.org", True
        campaign.save()
        client = Client()
        one_action(client, campaign, 10**6)  # warm: the ZIP, the campaign's content, compiled templates
        print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; {rounds} rounds of "
              f"{actions} email actions (submit + confirm + 2 deliveries), interleaved with 200 minimal views")
        number = 0
        for round_number in range(1, rounds + 1):
            number = one_round(client, campaign, round_number, number, actions)
        sent = EmailDelivery.objects.filter(status="sent").count()
        print(f"deliveries sent: {sent} (expected {2 * (number + 1)})")


if __name__ == "__main__":
    main()
