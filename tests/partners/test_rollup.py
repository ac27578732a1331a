"""The per-partner rollup (dashboard PartnerCount) equals the raw rows after real call and email flows with two
partners and none, its backfill rebuilds it from the raw rows, and traffic without a partner writes nothing more."""

import importlib

import pytest
from django.apps import apps
from django.db.models import Count

from advocacy.calls.models import CallLeg, CallSession
from advocacy.dashboard.models import PartnerCount
from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.emails.services import confirm_action, submit_email_action
from advocacy.emails.webforms import report_webform
from advocacy.partners.selectors import partner_breakdown, partner_contribution
from advocacy.providers.telephony import sign
from tests.calls.conftest import AUTH_TOKEN, request_call, session_for

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
SENT = ("sent", "delivered", "bounced", "complained", "reported")
CODES = ["unidos", "casa-libre", "", "unidos", ""]


def raw_counts() -> dict[str, dict[str, int]]:
    """What the breakdown counted from the raw rows before the rollup: one GROUP BY per field."""
    grouped = {
        "call_sessions": CallSession.objects.filter(is_preview=False).values_list("partner_code"),
        "calls_connected": CallLeg.objects.filter(status="completed").values_list("session__partner_code"),
        "email_actions": EmailAction.objects.values_list("partner_code"),
        "emails": EmailDelivery.objects.filter(status__in=SENT).values_list("action__partner_code"),
    }
    rows: dict[str, dict[str, int]] = {}
    for field, queryset in grouped.items():
        for code, n in queryset.annotate(n=Count("pk")).order_by():
            rows.setdefault(code, {"partner": code, "call_sessions": 0, "calls_connected": 0, "email_actions": 0,
                                   "emails": 0})[field] = n
    return rows


def signed_post(client, path: str, params: dict):
    return client.post(path, params, HTTP_X_TWILIO_SIGNATURE=sign(BASE + path, params, AUTH_TOKEN))


def call_through(client, campaign, n: int, code: str) -> None:
    """A call requested with the partner's ref, then Twilio's webhooks: the first office answers, the second is
    busy (every other call), the rest are never reached."""
    session = session_for(request_call(client, campaign, phone=f"+1802555{n:04d}", ref=code))
    for step, result in enumerate(["completed", "busy" if n % 2 else "completed"]):
        signed_post(client, f"/calls/twiml/{session.pk}/next/{step}", {"CallSid": f"CA{n}"})
        leg = session.legs.get(status=CallLeg.Status.DIALING)
        signed_post(client, f"/calls/twiml/{session.pk}/dialed/{leg.pk}",
                    {"CallSid": f"CA{n}", "DialCallStatus": result, "DialCallDuration": "30", "DialCallSid": "CA9"})


@pytest.fixture
def flows(client, email_campaign, settings, django_capture_on_commit_callbacks):
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "2" * 32, AUTH_TOKEN
    settings.PUBLIC_BASE_URL, settings.CALL_MAX_CONCURRENT_PER_CAMPAIGN = BASE, 100
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for n, code in enumerate(CODES):
        call_through(client, email_campaign, n, code)
        with django_capture_on_commit_callbacks(execute=True):
            action = submit_email_action(campaign=email_campaign, name=f"S{n}", email=f"s{n}@example.org",
                                         zip_code="10002", partner_code=code)
            if n != 1:  # casa-libre's supporter never confirms: an email action, no emails
                confirm_action(action=action)
    for delivery in EmailDelivery.objects.filter(status=EmailDelivery.Status.TO_REPORT, action__partner_code="unidos"):
        report_webform(delivery=delivery)
    return email_campaign


def test_the_rollup_equals_the_raw_rows_for_each_partner_and_for_none(flows):
    raw = raw_counts()
    rows = {row["partner"]: row for row in partner_breakdown(campaign_id=flows.pk)}

    assert set(rows) == {"unidos", "casa-libre", ""}
    assert rows["unidos"] == raw["unidos"] and rows["casa-libre"] == raw["casa-libre"]
    assert rows[""] == {**raw[""], "email_actions": None}  # email actions are counted for partners only
    assert raw["unidos"]["calls_connected"] >= 2 and raw["unidos"]["emails"] > 0 and raw[""]["emails"] > 0
    assert raw["casa-libre"]["email_actions"] == 1 and raw["casa-libre"]["emails"] == 0
    assert EmailDelivery.objects.filter(status="reported", action__partner_code="unidos").exists()
    assert partner_contribution(campaign_id=flows.pk, code="casa-libre") == raw["casa-libre"]
    assert partner_contribution(campaign_id=flows.pk, code="nobody") == {
        "partner": "nobody", "call_sessions": 0, "calls_connected": 0, "email_actions": 0, "emails": 0}
    assert not PartnerCount.objects.filter(partner_code="").exists()


def test_the_backfill_rebuilds_the_rollup_from_the_raw_rows(flows):
    before = partner_breakdown(campaign_id=flows.pk)
    PartnerCount.objects.all().delete()
    assert {row["partner"] for row in partner_breakdown(campaign_id=flows.pk)} == {""}

    importlib.import_module("advocacy.dashboard.migrations.0002_partner_counts").backfill(apps, None)

    assert partner_breakdown(campaign_id=flows.pk) == before


def test_one_query_whatever_the_traffic(flows, django_assert_num_queries):
    with django_assert_num_queries(1):
        partner_breakdown(campaign_id=flows.pk, totals={"call_sessions": 0, "calls_connected": 0, "emails_sent": 0,
                                                         "cwc_delivered": 0, "webform_reported": 0})
    with django_assert_num_queries(1):
        partner_contribution(campaign_id=flows.pk, code="unidos")
