"""Benchmark: the organizer dashboard at the demo's real size on PostgreSQL (issue 20).

    .venv/bin/python scripts/bench/dashboard.py [attempts]      (default 1000000; BENCH_POSTGRES_URL)

Loads the real target data (`sync_targets --data-dir ../shared/data`: 545 members and fixed targets, 441
districts) and the demo campaign (`load_demo_campaign` for yesterday, so its whole 24-hour window lies in the past),
then generates `attempts` raw contact rows (half call legs, half email deliveries) spread over that window, every
target and every district, with INSERT ... SELECT generate_series, and the rollups exactly as record_contact writes
them (per minute, per target, per place). It checks that stats.json adds up to the raw rows, then measures, through
Django's full stack as a logged-in organizer (p50 / p95 wall time, and CPU time per request):
  - stats.json, the default view (the chart zoomed to the last hour of activity) and ?range=all (the whole window),
    each computed afresh (cache cleared before every request) and as served within a refresh interval (cached)
  - the public counter, cold and cached
  - the baseline: the same totals counted from the raw rows with COUNT/SUM on every request
"""

from __future__ import annotations

import os
import sys
import time

from _django import SHARED_DATA, latencies_ms, setup

SQL = """
INSERT INTO calls_callsession (id, campaign_id, phone, zip_code, state, district, language, direction, status,
    is_preview, supporter_connected, twilio_sid, place_attempts, last_error, transcript, created_at, placed_at,
    partner_code, answered_by, idempotency_key, placing_token, step, first_name, twilio_account)
SELECT md5(i::text)::uuid, %(campaign)s, '+1802555' || lpad((i %% 10000)::text, 4, '0'), '10001',
    (%(states)s::text[])[1 + i %% %(places)s], (%(districts)s::int[])[1 + i %% %(places)s], 'en', 'outbound',
    'completed', false, true, 'CA' || md5(i::text), 1, '', '',
    %(start)s::timestamptz + ((i * 7919 %% 86400) || ' seconds')::interval,
    %(start)s::timestamptz + ((i * 7919 %% 86400 + 5) || ' seconds')::interval,
    CASE WHEN i %% 5 = 0 THEN 'partner' || (i %% 7) ELSE '' END, '', '', '', 0, '', ''
FROM generate_series(1, %(sessions)s) AS i;

INSERT INTO calls_callleg (session_id, campaign_id, position, is_district_office, target_id, template_kind,
    vacant_seat, number_dialed, status, skip_reason, duration_seconds, outcome, dial_sid, created_at, reason)
SELECT md5(s::text)::uuid, %(campaign)s, p, false, (%(targets)s::bigint[])[1 + (s * 4 + p) %% %(ntargets)s],
    'member', '', '+12022250000',
    CASE WHEN (s + p) %% 10 = 0 THEN 'busy' WHEN (s + p) %% 10 = 1 THEN 'no_answer' ELSE 'completed' END,
    '', CASE WHEN (s + p) %% 10 > 1 THEN 60 ELSE 0 END, '', '',
    %(start)s::timestamptz + ((s * 7919 %% 86400) || ' seconds')::interval, ''
FROM generate_series(1, %(sessions)s) AS s, generate_series(0, 3) AS p;

INSERT INTO emails_supporter (email, name, confirmed_at, created_at)
SELECT 's' || i || '@example.org', 'S', now(), now() FROM generate_series(1, %(actions)s) AS i;

INSERT INTO emails_emailaction (campaign_id, supporter_id, name, email, zip_code, state, district, language,
    personal_note, status, token, created_at, partner_code, city, prefix, street_address, idempotency_key,
    confirm_secret_hash)
SELECT %(campaign)s, sup.id, 'S', sup.email, '10001', (%(states)s::text[])[1 + sup.id %% %(places)s],
    (%(districts)s::int[])[1 + sup.id %% %(places)s], 'en', '', 'confirmed', md5(sup.email), now(),
    CASE WHEN sup.id %% 5 = 0 THEN 'partner' || (sup.id %% 7) ELSE '' END, '', 'Mx.', '', '', ''
FROM emails_supporter sup;

INSERT INTO emails_emaildelivery (action_id, campaign_id, target_id, channel, address, subject, body, status,
    message_id, provider_message_id, attempts, last_error, created_at, provider_response)
SELECT a.id, %(campaign)s, (%(targets)s::bigint[])[1 + (a.id * 4 + p + 1) %% %(ntargets)s], 'email',
    'office@example.org', 'Subject', 'Body', 'sent', '<' || a.id || '.' || p || '@bench>', 'pm-' || a.id || '-' || p,
    1, '', %(start)s::timestamptz + ((a.id * 7919 %% 86400) || ' seconds')::interval, ''
FROM emails_emailaction a, generate_series(0, 3) AS p;
"""

# Which raw rows count as which metric, as record_contact counts them; {key} is the rollup's own column.
CONTACT_METRICS = """
    SELECT campaign_id, {key}, 'call_attempted' AS metric, 1 AS v FROM calls_callleg
    UNION ALL SELECT campaign_id, {key}, 'call_connected', 1 FROM calls_callleg WHERE status = 'completed'
    UNION ALL SELECT campaign_id, {key}, 'talk_seconds', duration_seconds FROM calls_callleg
        WHERE status = 'completed'
    UNION ALL SELECT campaign_id, {key}, 'call_busy', 1 FROM calls_callleg WHERE status = 'busy'
    UNION ALL SELECT campaign_id, {key}, 'call_no_answer', 1 FROM calls_callleg WHERE status = 'no_answer'
    UNION ALL SELECT campaign_id, {key}, 'email_sent', 1 FROM emails_emaildelivery"""

# What the partner breakdown counts, per raw row (the rollup as record_contact and record_partner_action write it).
PARTNER_ROWS = """
    SELECT campaign_id, partner_code AS code, 'call_session_started' AS metric FROM calls_callsession
    UNION ALL SELECT l.campaign_id, s.partner_code, 'call_connected' FROM calls_callleg l
        JOIN calls_callsession s ON s.id = l.session_id WHERE l.status = 'completed'
    UNION ALL SELECT campaign_id, partner_code, 'email_action_submitted' FROM emails_emailaction
    UNION ALL SELECT d.campaign_id, a.partner_code, 'email_sent' FROM emails_emaildelivery d
        JOIN emails_emailaction a ON a.id = d.action_id"""

ROLLUPS = f"""
INSERT INTO dashboard_minutecount (campaign_id, minute, metric, value)
SELECT campaign_id, date_trunc('minute', created_at), metric, sum(v) FROM ({CONTACT_METRICS.format(key="created_at")}
    UNION ALL SELECT campaign_id, created_at, 'call_session_started', 1 FROM calls_callsession
    UNION ALL SELECT campaign_id, created_at, 'supporter_connected', 1 FROM calls_callsession
) raw GROUP BY 1, 2, 3;

INSERT INTO dashboard_targetcount (campaign_id, target_id, metric, value)
SELECT campaign_id, target_id, metric, sum(v) FROM ({CONTACT_METRICS.format(key="target_id")}
) raw GROUP BY 1, 2, 3;

INSERT INTO dashboard_placecount (campaign_id, state, district, metric, value)
SELECT campaign_id, state, district, metric, sum(v) FROM (
    SELECT l.campaign_id, s.state, s.district, 'call_attempted' AS metric, 1 AS v FROM calls_callleg l
        JOIN calls_callsession s ON s.id = l.session_id
    UNION ALL SELECT d.campaign_id, a.state, a.district, 'email_sent', 1 FROM emails_emaildelivery d
        JOIN emails_emailaction a ON a.id = d.action_id
) raw GROUP BY 1, 2, 3, 4;
INSERT INTO dashboard_partnercount (campaign_id, partner_code, metric, value)
SELECT campaign_id, code, metric, count(*) FROM ({PARTNER_ROWS}) raw WHERE code <> '' GROUP BY 1, 2, 3;
"""


def load_real_data() -> tuple:
    import datetime as dt
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from advocacy.campaigns.demo import EASTERN
    from advocacy.campaigns.models import Campaign
    from targets.models import Target, ZipDistrict

    call_command("sync_targets", "--data-dir", str(SHARED_DATA), stdout=io.StringIO())
    yesterday = (timezone.now().astimezone(EASTERN) - dt.timedelta(days=1)).date()
    call_command("load_demo_campaign", "--date", yesterday.isoformat(), stdout=io.StringIO(), stderr=io.StringIO())
    campaign = Campaign.objects.get(slug="day-of-action")
    targets = list(Target.objects.filter(is_active=True).values_list("pk", flat=True))
    places = sorted(set(ZipDistrict.objects.values_list("state", "district")))
    return campaign, targets, places


def generate(attempts: int) -> tuple:
    from django.db import connection

    campaign, targets, places = load_real_data()
    sessions = attempts // 2 // 4  # half calls (4 legs per session), half emails (4 deliveries per action)
    params = {"campaign": campaign.pk, "start": campaign.window_start, "sessions": sessions, "actions": sessions,
              "targets": targets, "ntargets": len(targets), "places": len(places),
              "states": [s for s, _ in places], "districts": [d for _, d in places]}
    began = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in (SQL + ROLLUPS).split(";\n"):
            if statement.strip():
                cursor.execute(statement, params)
        cursor.execute("ANALYZE")
        cursor.execute("SELECT (SELECT count(*) FROM calls_callleg) + (SELECT count(*) FROM emails_emaildelivery)")
        total = cursor.fetchone()[0]
        cursor.execute("SELECT count(*), count(DISTINCT minute) FROM dashboard_minutecount")
        rows, minutes = cursor.fetchone()
    print(f"generated {total:,} contact attempts in {time.perf_counter() - began:.0f} s (PostgreSQL): "
          f"{len(targets)} targets, {len(places)} districts, {minutes} minutes ({rows:,} per-minute rollup rows), "
          f"window {campaign.window_start:%Y-%m-%d %H:%M} - {campaign.window_end:%H:%M} UTC")
    return campaign, total


def cpu_ms(fn, n: int = 50) -> float:
    began = time.process_time()
    for _ in range(n):
        fn()
    return (time.process_time() - began) / n * 1000


def cases(client, campaign) -> dict:
    """The requests to time, by name."""
    from django.core.cache import cache

    url, public = f"/organize/{campaign.slug}/stats.json", f"/api/v1/campaigns/{campaign.slug}/stats"

    def get(path, status=200, **headers):
        def fetch():
            assert client.get(path, **headers).status_code == status
        return fetch

    def cold(fn):
        def fetch():
            cache.clear()
            fn()
        return fetch

    etag = client.get(public)["ETag"]
    return {
        "stats.json, last hour (default), computed": cold(get(url)),
        "stats.json, whole 24 h window, computed": cold(get(url + "?range=all")),
        "stats.json, last hour, within refresh (cached)": get(url),
        "stats.json, whole window, within refresh (cached)": get(url + "?range=all"),
        "public counter, cold cache": cold(get(public)),
        "public counter, cached, If-None-Match -> 304": get(public, 304, HTTP_IF_NONE_MATCH=etag),
    }


def reuse_or_generate(attempts: int) -> tuple:
    """BENCH_REUSE_DATABASE=1 with a database a previous run generated: measure again without regenerating."""
    from django.db import connection

    from advocacy.campaigns.models import Campaign

    campaign = Campaign.objects.filter(slug="day-of-action").first()
    if not os.environ.get("BENCH_REUSE_DATABASE") or campaign is None:
        return generate(attempts)
    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM calls_callleg) + (SELECT count(*) FROM emails_emaildelivery)")
        return campaign, cursor.fetchone()[0]


def parts(campaign) -> dict:
    """stats.json's two parts, in process and uncached: the rollup reads and the partner breakdown."""
    from advocacy.dashboard.selectors import campaign_totals, dashboard_stats
    from advocacy.partners.selectors import partner_breakdown

    totals = campaign_totals(campaign=campaign)  # stats.json passes the totals dashboard_stats already read

    return {"part: dashboard_stats() (rollups, call queue)": lambda: dashboard_stats(campaign=campaign),
            "part: partner_breakdown() (partner rollup)": lambda: partner_breakdown(campaign_id=campaign.pk,
                                                                                    totals=totals)}


def check_partners(body: dict) -> None:
    """stats.json's partner rows equal the raw rows grouped by partner code (once, before timing)."""
    from django.db import connection

    fields = {"call_session_started": "call_sessions", "call_connected": "calls_connected",
              "email_action_submitted": "email_actions", "email_sent": "emails"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT code, metric, count(*) FROM ({PARTNER_ROWS}) raw GROUP BY 1, 2")
        raw = {}
        for code, metric, n in cursor.fetchall():
            raw.setdefault(code, {"partner": code, **dict.fromkeys(fields.values(), 0)})[fields[metric]] = n
    raw[""]["email_actions"] = None  # counted for partners only
    assert {row["partner"]: row for row in body["partners"]} == raw, (body["partners"], raw)
    print(f"partners: {len(raw) - 1} partner codes and the no-partner row match the raw rows")


def baseline(campaign_id: int):
    """The totals counted from the raw rows, as a dashboard without rollups would on every refresh."""
    from django.db import connection

    def count():
        with connection.cursor() as cursor:
            cursor.execute("""SELECT count(*), count(*) FILTER (WHERE status = 'completed'),
                              coalesce(sum(duration_seconds), 0) FROM calls_callleg WHERE campaign_id = %s""",
                           [campaign_id])
            cursor.execute("SELECT count(*) FROM emails_emaildelivery WHERE campaign_id = %s AND status = 'sent'",
                           [campaign_id])
            cursor.execute("SELECT count(*) FROM calls_callsession WHERE campaign_id = %s", [campaign_id])
    return count


def main() -> None:
    attempts = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    setup(database="postgres", name="bench_dashboard")
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    campaign, total = reuse_or_generate(attempts)
    client = Client()
    user = get_user_model().objects.filter(username="bench").first()
    client.force_login(user or get_user_model().objects.create_superuser("bench", "bench@example.org", "x"))
    url = f"/organize/{campaign.slug}/stats.json"
    body = client.get(url + "?range=all").json()
    assert body["totals"]["calls_attempted"] + body["totals"]["emails_sent"] == total, body["totals"]
    check_partners(body)
    print(f"stats.json: {len(body['targets'])} target rows, {len(body['per_minute'])} chart points "
          f"(whole window), {len(client.get(url).json()['per_minute'])} (default view), "
          f"{len(client.get(url).content):,} bytes")
    samples = int(os.environ.get("BENCH_SAMPLES", "100"))
    results = {name: (latencies_ms(fn, n=samples), cpu_ms(fn, n=max(10, samples // 2)))
               for name, fn in {**cases(client, campaign), **parts(campaign)}.items()}
    base = latencies_ms(baseline(campaign.pk), n=10, warmup=1)
    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    print(f"{'baseline: COUNT/SUM over the raw rows (totals only)':52s} p50 {base['p50']:8.2f} ms  "
          f"p95 {base['p95']:8.2f} ms")
    for name, (lat, cpu) in results.items():
        print(f"{name:52s} p50 {lat['p50']:8.2f} ms  p95 {lat['p95']:8.2f} ms  cpu {cpu:6.2f} ms  "
              f"({base['p50'] / lat['p50']:.1f}x the baseline's speed)")

if __name__ == "__main__":
    main()
