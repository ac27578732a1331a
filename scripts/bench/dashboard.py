"""Benchmark: the dashboard with 1,000,000 recorded contact attempts on PostgreSQL.

    .venv/bin/python scripts/bench/dashboard.py [attempts]      (default 1000000; BENCH_POSTGRES_URL)

Generates the raw rows (call sessions, call legs, email actions and deliveries) with INSERT ... SELECT
generate_series, and the rollups exactly as record_contact writes them (per minute, per target, per place),
spread over a one-hour action window. Then measures:
  - stats.json (staff login, through Django's full stack): p50 / p95 over 100 requests
  - the public counter, cold (cache cleared each time), cached, and revalidated with If-None-Match (304)
    (REDIS_URL=redis://... to measure with the shared Redis cache; its db is flushed by the cold case)
  - the baseline: the same totals counted from the raw rows with COUNT/SUM on every request
"""

from __future__ import annotations

import sys
import time

from _django import latencies_ms, setup

SQL = """
INSERT INTO calls_callsession (id, campaign_id, phone, zip_code, state, district, language, direction, status,
    is_preview, supporter_connected, twilio_sid, place_attempts, last_error, transcript, created_at)
SELECT md5(i::text)::uuid, %(campaign)s, '+1802555' || lpad((i %% 10000)::text, 4, '0'), '10001', 'NY',
    10 + (i %% 3), 'en', 'outbound', 'completed', false, true, 'CA' || md5(i::text), 1, '', '',
    %(start)s::timestamptz + ((i %% 3600) || ' seconds')::interval
FROM generate_series(1, %(sessions)s) AS i;

INSERT INTO calls_callleg (session_id, campaign_id, position, is_district_office, target_id, template_kind,
    vacant_seat, number_dialed, status, skip_reason, duration_seconds, outcome, dial_sid, created_at)
SELECT md5(s::text)::uuid, %(campaign)s, p, false, %(target0)s + p, 'member', '', '+12022250000',
    CASE WHEN (s + p) %% 10 = 0 THEN 'busy' WHEN (s + p) %% 10 = 1 THEN 'no_answer' ELSE 'completed' END,
    '', CASE WHEN (s + p) %% 10 > 1 THEN 60 ELSE 0 END, '', '',
    %(start)s::timestamptz + ((s %% 3600) || ' seconds')::interval
FROM generate_series(1, %(sessions)s) AS s, generate_series(0, 3) AS p;

INSERT INTO emails_supporter (email, name, confirmed_at, created_at)
SELECT 's' || i || '@example.org', 'S', now(), now() FROM generate_series(1, %(actions)s) AS i;

INSERT INTO emails_emailaction (campaign_id, supporter_id, name, email, zip_code, state, district, language,
    personal_note, status, token, created_at)
SELECT %(campaign)s, sup.id, 'S', sup.email, '10001', 'NY', 12, 'en', '', 'confirmed', md5(sup.email), now()
FROM emails_supporter sup;

INSERT INTO emails_emaildelivery (action_id, campaign_id, target_id, channel, address, subject, body, status,
    message_id, provider_message_id, attempts, last_error, created_at)
SELECT a.id, %(campaign)s, %(target0)s + p, 'email', 'office@example.org', 'Subject', 'Body', 'sent',
    '<' || a.id || '.' || p || '@bench>', 'pm-' || a.id || '-' || p, 1, '',
    %(start)s::timestamptz + ((a.id %% 3600) || ' seconds')::interval
FROM emails_emailaction a, generate_series(0, 3) AS p;
"""

ROLLUPS = """
INSERT INTO dashboard_minutecount (campaign_id, minute, metric, value)
SELECT campaign_id, date_trunc('minute', created_at), metric, sum(v) FROM (
    SELECT campaign_id, created_at, 'call_attempted' AS metric, 1 AS v FROM calls_callleg
    UNION ALL SELECT campaign_id, created_at, 'call_connected', 1 FROM calls_callleg WHERE status = 'completed'
    UNION ALL SELECT campaign_id, created_at, 'talk_seconds', duration_seconds FROM calls_callleg
        WHERE status = 'completed'
    UNION ALL SELECT campaign_id, created_at, 'call_busy', 1 FROM calls_callleg WHERE status = 'busy'
    UNION ALL SELECT campaign_id, created_at, 'call_no_answer', 1 FROM calls_callleg WHERE status = 'no_answer'
    UNION ALL SELECT campaign_id, created_at, 'call_session_started', 1 FROM calls_callsession
    UNION ALL SELECT campaign_id, created_at, 'supporter_connected', 1 FROM calls_callsession
    UNION ALL SELECT campaign_id, created_at, 'email_sent', 1 FROM emails_emaildelivery
) raw GROUP BY 1, 2, 3;

INSERT INTO dashboard_targetcount (campaign_id, target_id, metric, value)
SELECT campaign_id, target_id, metric, sum(v) FROM (
    SELECT campaign_id, target_id, 'call_attempted' AS metric, 1 AS v FROM calls_callleg
    UNION ALL SELECT campaign_id, target_id, 'call_connected', 1 FROM calls_callleg WHERE status = 'completed'
    UNION ALL SELECT campaign_id, target_id, 'talk_seconds', duration_seconds FROM calls_callleg
        WHERE status = 'completed'
    UNION ALL SELECT campaign_id, target_id, 'call_busy', 1 FROM calls_callleg WHERE status = 'busy'
    UNION ALL SELECT campaign_id, target_id, 'call_no_answer', 1 FROM calls_callleg WHERE status = 'no_answer'
    UNION ALL SELECT campaign_id, target_id, 'email_sent', 1 FROM emails_emaildelivery
) raw GROUP BY 1, 2, 3;

INSERT INTO dashboard_placecount (campaign_id, state, district, metric, value)
SELECT l.campaign_id, s.state, s.district, 'call_attempted', count(*) FROM calls_callleg l
    JOIN calls_callsession s ON s.id = l.session_id GROUP BY 1, 2, 3
UNION ALL SELECT campaign_id, 'NY', 12, 'email_sent', count(*) FROM emails_emaildelivery GROUP BY 1;
"""


def main() -> None:
    attempts = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    setup(database="postgres", name="bench_dashboard")
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from advocacy.campaigns.models import Campaign
    from targets.models import Target

    start = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    campaign = Campaign.objects.create(slug="bench", title="Bench", window_start=start,
                                       window_end=start + dt.timedelta(hours=1), goal_calls=10**6)
    targets = [Target.objects.create(key=f"T{i}", kind="member", name=f"Member {i}", title="Representative",
                                     chamber="house", state="NY", district=10 + i) for i in range(4)]
    sessions = attempts // 2 // 4  # half calls (4 legs per session), half emails (4 deliveries per action)
    params = {"campaign": campaign.pk, "start": start, "sessions": sessions, "actions": sessions,
              "target0": targets[0].pk}
    began = time.perf_counter()
    with connection.cursor() as cursor:
        for statement in (SQL + ROLLUPS).split(";\n"):
            if statement.strip():
                cursor.execute(statement, params)
        cursor.execute("ANALYZE")
        cursor.execute("SELECT (SELECT count(*) FROM calls_callleg) + (SELECT count(*) FROM emails_emaildelivery)")
        total = cursor.fetchone()[0]
    print(f"generated {total:,} contact attempts in {time.perf_counter() - began:.0f} s (PostgreSQL)")

    staff = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client()
    client.force_login(staff)

    def stats_json():
        assert client.get("/organize/bench/stats.json").status_code == 200

    def counter_cold():
        cache.clear()
        assert client.get("/api/v1/campaigns/bench/stats").status_code == 200

    def counter_cached():
        assert client.get("/api/v1/campaigns/bench/stats").status_code == 200

    etag = client.get("/api/v1/campaigns/bench/stats")["ETag"]

    def counter_revalidated():
        assert client.get("/api/v1/campaigns/bench/stats", HTTP_IF_NONE_MATCH=etag).status_code == 304

    def baseline_count():
        with connection.cursor() as cursor:
            cursor.execute("""SELECT count(*), count(*) FILTER (WHERE status = 'completed'),
                              coalesce(sum(duration_seconds), 0) FROM calls_callleg WHERE campaign_id = %s""",
                           [campaign.pk])
            cursor.fetchone()
            cursor.execute("SELECT count(*) FROM emails_emaildelivery WHERE campaign_id = %s AND status = 'sent'",
                           [campaign.pk])
            cursor.fetchone()
            cursor.execute("SELECT count(*) FROM calls_callsession WHERE campaign_id = %s", [campaign.pk])
            cursor.fetchone()

    body = client.get("/organize/bench/stats.json").json()
    assert body["totals"]["calls_attempted"] + body["totals"]["emails_sent"] == total, body["totals"]
    results = {
        "stats.json (rollups, full dashboard)": latencies_ms(stats_json, n=100),
        "public counter, cold cache": latencies_ms(counter_cold, n=100),
        "public counter, cached": latencies_ms(counter_cached, n=300),
        "public counter, cached, If-None-Match -> 304": latencies_ms(counter_revalidated, n=300),
        "baseline: COUNT/SUM over raw rows (totals only)": latencies_ms(baseline_count, n=10, warmup=1),
    }
    from django.conf import settings

    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    base = results["baseline: COUNT/SUM over raw rows (totals only)"]["p50"]
    for name, lat in results.items():
        print(f"{name:48s} p50 {lat['p50']:8.2f} ms  p95 {lat['p95']:8.2f} ms  "
              f"({base / lat['p50']:.0f}x faster than the baseline)" if "baseline" not in name else
              f"{name:48s} p50 {lat['p50']:8.2f} ms  p95 {lat['p95']:8.2f} ms")


if __name__ == "__main__":
    main()
