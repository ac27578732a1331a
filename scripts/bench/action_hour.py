"""Benchmark: an action hour on a production-style stack, bounded.

    .venv/bin/python scripts/bench/action_hour.py [--supporters 3000] [--minutes 10] [--cps 1] [--workers 2]

Starts its own PostgreSQL cluster and Redis on free ports, gunicorn, Celery workers (one per queue when the
settings route by queue) and beat, the fake Twilio (which plays every call against the signed webhooks) and an
SMTP sink; loads the real target data (../shared/data) and a campaign with the demo's targets; then sends
`--supporters` people through the action page over `--minutes`, half asking for a call and half sending the
email (each confirms from the link in their inbox, as a person does). At the end it stops the workers, lets the
calls in progress finish, and prints:
- page time p50/p95 over every page request (the action page with a ZIP, the form posts, the status pages);
- confirmation email latency p50/p95/max (form post answered → message in the inbox), while calls queue;
- calls placed per second against the configured rate, over the arrival window;
- lost (an accepted action neither done nor waiting its turn), duplicated (two calls to one phone, two copies
  of one office message), and whether the dashboard's counts equal the raw rows;
- CPU seconds used by the web and worker processes, per supporter.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from tests.chaos.audit import Database, text_of  # noqa: E402
from tests.chaos.burst import CONFIRM_LINK  # noqa: E402
from tests.chaos.prepare import campaign_setup  # noqa: E402
from tests.chaos.servers import OwnPostgres, OwnRedis  # noqa: E402
from tests.chaos.stack import Stack  # noqa: E402

SHARED_DATA = next((p for p in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data")
                    if p.is_dir()), ROOT.parent / "shared" / "data")  # beside the checkout, or a worktree's parent
ACCOUNT_SID, AUTH_TOKEN = "AC" + "7" * 32, "bench-auth-token"
CAMPAIGN_SETUP = campaign_setup(slug="hour", title="Action hour", open_hours=6) + """
for position, key in enumerate(Target.objects.exclude(kind="member").values_list("key", flat=True)[:4], start=2):
    CampaignTarget.objects.create(campaign=campaign, position=position, source=CampaignTarget.Source.FIXED,
                                  target=Target.objects.get(key=key))
for kind in ("member", "executive", "leadership"):
    MessageTemplate.objects.create(campaign=campaign, target_kind=kind, subject="Communities, not cages",
        body="Dear {{ target_name }},\\n\\nShut down detention centers. Cut ICE's budget.\\n\\n{{ supporter.name }}")
for target in Target.objects.all():
    Target.objects.filter(pk=target.pk).update(email=f"office-{target.pk}@offices.example")
print(Campaign.objects.get(slug="hour").pk)
"""


class Inbox:
    """Notes when each supporter's first message arrives, polling the sink every 50 ms."""

    def __init__(self, smtp):
        self.smtp, self.first_seen, self.running = smtp, {}, True
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self):
        seen = 0
        while self.running:
            messages = self.smtp.messages[seen:]
            now = time.monotonic()
            for message in messages:
                for address in (message["To"] or "").split(","):
                    self.first_seen.setdefault(address.strip().lower(), (now, message))
            seen += len(messages)
            time.sleep(0.05)


class Supporters:
    def __init__(self, stack, zips: list[str], inbox: Inbox):
        self.stack, self.zips, self.inbox = stack, zips, inbox
        self.page_ms: list[float] = []
        self.confirm_s: list[float] = []
        self.accepted = {"call": set(), "email": set()}
        self.errors = Counter()
        self.lock = threading.Lock()

    def _timed(self, method, url, **kwargs):
        began = time.perf_counter()
        response = method(url, timeout=60, **kwargs)
        with self.lock:
            self.page_ms.append((time.perf_counter() - began) * 1000)
        return response

    def act(self, index: int) -> None:
        try:
            with requests.Session() as browser:
                zip_code = random.choice(self.zips)
                page = self._timed(browser.get, f"{self.stack.url}/c/hour/?zip={zip_code}")
                token = browser.cookies.get("csrftoken", "")
                form = {"csrfmiddlewaretoken": token, "zip": zip_code, "website": ""}
                if index % 2 == 0:
                    self.call(browser, form, index)
                else:
                    self.email(browser, form, index)
                if page.status_code != 200:
                    self.errors[f"page {page.status_code}"] += 1
        except requests.RequestException as exc:
            self.errors[type(exc).__name__] += 1

    def call(self, browser, form, index):
        phone = f"+1646{200 + index // 10000:03d}{index % 10000:04d}"
        response = self._timed(browser.post, f"{self.stack.url}/c/hour/call/", data={**form, "phone": phone},
                               headers={"Referer": self.stack.url + "/c/hour/"})
        if response.ok and "/calls/" in response.url:
            self.accepted["call"].add(phone)
        else:
            self.errors[f"call {response.status_code}"] += 1

    def email(self, browser, form, index):
        address = f"supporter{index}@supporters.example"
        data = {**form, "name": "Ana Supporter", "email": address, "city": "Anytown", "personal_note": ""}
        posted = time.monotonic()
        response = self._timed(browser.post, f"{self.stack.url}/c/hour/email/", data=data,
                               headers={"Referer": self.stack.url + "/c/hour/"})
        if not response.ok:
            self.errors[f"email {response.status_code}"] += 1
            return
        self.accepted["email"].add(address)
        deadline = time.monotonic() + 120
        while address not in self.inbox.first_seen and time.monotonic() < deadline:
            time.sleep(0.05)
        if address not in self.inbox.first_seen:
            self.errors["confirmation email not received in 120 s"] += 1
            return
        arrived, message = self.inbox.first_seen[address]
        with self.lock:
            self.confirm_s.append(arrived - posted)
        link = CONFIRM_LINK.search(text_of(message))
        if link:
            page = self._timed(browser.get, link.group(0))
            token = page.text.split('name="csrfmiddlewaretoken" value="', 1)[-1].split('"', 1)[0]
            self._timed(browser.post, link.group(0), data={"csrfmiddlewaretoken": token},
                        headers={"Referer": link.group(0)})


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))] if values else float("nan")


def cpu_seconds(stack) -> float:
    """User + system CPU of every process in the stack's process groups (gunicorn and prefork children too)."""
    groups = {p.process.pid for p in [stack.web, *stack.workers, stack.beat] if p is not None and p.process}
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) in groups:  # field 5 of /proc/<pid>/stat: the process group
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--supporters", type=int, default=3000)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--cps", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--env", action="append", default=[], help="NAME=value for the stack, e.g. "
                        "CELERY_DB_REUSE_MAX=0 to compare")
    args = parser.parse_args()

    from tests.fakes.smtp import FakeSMTPServer
    from tests.fakes.twilio import FakeTwilio

    redis, postgres = OwnRedis().start(), OwnPostgres().start()
    extra = dict(item.split("=", 1) for item in args.env)
    extra.update({"TWILIO_CALLS_PER_SECOND": str(args.cps), "CALL_MAX_CONCURRENT_PER_CAMPAIGN": "100000"})
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, ring_seconds=2) as twilio, \
            FakeSMTPServer() as smtp:
        stack = Stack(database_url=postgres.url(), broker_url=redis.url(0), cache_url=redis.url(1), twilio=twilio,
                      smtp=smtp, env_overrides=extra, workers=args.workers)
        try:
            run(stack, twilio, smtp, postgres, args)
        finally:
            stack.stop()
            redis.close()
            postgres.close()


def run(stack, twilio, smtp, postgres, args) -> None:
    stack.manage("migrate", "--noinput")
    stack.manage("sync_targets", "--data-dir", str(SHARED_DATA))
    stack.manage("shell", "-c", CAMPAIGN_SETUP)
    stack.start()
    db = Database(postgres.url())
    zips = [row[0] for row in db.rows("SELECT zcta FROM targets_zipdistrict GROUP BY zcta "
                                      "HAVING count(DISTINCT (state, district)) = 1 ORDER BY zcta")]
    inbox = Inbox(smtp)
    people = Supporters(stack, zips, inbox)
    gap = args.minutes * 60 / args.supporters
    began = time.monotonic()
    cpu_before = cpu_seconds(stack)
    with ThreadPoolExecutor(64) as pool:
        for index in range(args.supporters):
            pool.submit(people.act, index)
            time.sleep(max(0.0, began + (index + 1) * gap - time.monotonic()))
    window = time.monotonic() - began
    cpu = cpu_seconds(stack) - cpu_before  # measured before the workers stop (their CPU goes with them)
    for worker in stack.workers:
        worker.stop()  # no new calls: the counts below are taken at rest
    twilio.wait_idle(timeout=600)
    report(people, twilio, smtp, db, args, window, cpu, began)


def report(people, twilio, smtp, db, args, window, cpu, began) -> None:
    placed_at = sorted(c["at"] for c in twilio.created if c["at"] <= began + window)
    rate = (len(placed_at) - 1) / (placed_at[-1] - placed_at[0]) if len(placed_at) > 1 else 0.0
    per_phone = Counter(c["to"] for c in twilio.created)
    waiting = {row[0] for row in db.rows("SELECT phone FROM calls_callsession WHERE status = 'queued'")}
    lost_calls = [p for p in people.accepted["call"] if per_phone[p] == 0 and p not in waiting]
    copies = Counter(m["Message-ID"] for m in smtp.messages)
    print(f"supporters {args.supporters} over {window:.0f} s; accepted calls {len(people.accepted['call'])}, "
          f"emails {len(people.accepted['email'])}; refused/errors {dict(people.errors)}")
    print(f"page time ms: p50 {statistics.median(people.page_ms):.0f}, p95 {percentile(people.page_ms, .95):.0f} "
          f"over {len(people.page_ms)} requests")
    print(f"confirmation email s: p50 {statistics.median(people.confirm_s or [float('nan')]):.2f}, "
          f"p95 {percentile(people.confirm_s, .95):.2f}, max {max(people.confirm_s or [float('nan')]):.2f}")
    print(f"calls placed: {len(placed_at)} in the window at {rate:.3f}/s against {args.cps}/s "
          f"({(rate / args.cps - 1) * 100:+.1f}%); still queued at the end {len(waiting)}")
    print(f"lost calls {len(lost_calls)}; duplicate calls {sum(n - 1 for n in per_phone.values() if n > 1)}; "
          f"duplicate messages {sum(n - 1 for n in copies.values() if n > 1)}")
    print(f"CPU: {cpu:.1f} s in web+workers+beat = {cpu / args.supporters * 1000:.0f} ms per supporter")
    dashboard_matches(db)


def dashboard_matches(db) -> None:
    """The rollups the dashboard reads against the raw rows they count."""
    rolled = dict(db.rows("SELECT metric, SUM(value) FROM dashboard_minutecount GROUP BY metric"))
    raw = {
        "call_connected": db.rows("SELECT count(*) FROM calls_callleg WHERE status = 'completed'")[0][0],
        "email_sent": db.rows("SELECT count(*) FROM emails_emaildelivery WHERE status IN ('sent','delivered')")[0][0],
    }
    for metric, count in raw.items():
        print(f"dashboard {metric}: rollup {rolled.get(metric, 0)} vs rows {count} "
              f"{'(equal)' if rolled.get(metric, 0) == count else '(DIFFERENT)'}")


if __name__ == "__main__":
    main()
