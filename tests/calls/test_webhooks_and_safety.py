"""Signed webhooks, the inbound flow, and the safety rules, through the HTTP entry points."""

import datetime as dt

import pytest
from django.utils import timezone

from advocacy.calls.models import CallLeg, CallSession
from advocacy.providers.telephony import sign
from tests.calls.conftest import AUTH_TOKEN, request_call

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def signed(settings):
    settings.TWILIO_ACCOUNT_SID = "AC" + "2" * 32
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.PUBLIC_BASE_URL = BASE

    def post(client, path, params, *, token=AUTH_TOKEN, signature=None):
        sig = signature if signature is not None else sign(BASE + path, params, token)
        headers = {"HTTP_X_TWILIO_SIGNATURE": sig} if sig else {}
        return client.post(path, params, **headers)

    return post


@pytest.fixture
def session(campaign):
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10002", state="NY",
                                         district=10)
    from advocacy.calls.legs import add_legs
    from targets.lookup import lookup

    add_legs(session=session, location=lookup(zip_code="10002"))
    return session


@pytest.mark.parametrize("signature", ["", "forged", "valid-for-another-token"])
def test_webhooks_refuse_missing_or_forged_signatures(client, session, signed, signature):
    path = f"/calls/twiml/{session.pk}/answer"
    params = {"CallSid": "CA1", "From": "+12025550100", "To": "+18025550142"}
    if signature == "valid-for-another-token":
        signature = sign(BASE + path, params, "another")

    assert signed(client, path, params, signature=signature).status_code == 403
    assert signed(client, path, params).status_code == 200


def test_a_tampered_parameter_breaks_the_signature(client, session, signed):
    path = f"/calls/twiml/{session.pk}/next/0"
    params = {"CallSid": "CA1"}
    signature = sign(BASE + path, params, AUTH_TOKEN)

    response = client.post(path, {"CallSid": "CA1", "To": "+19005550000"}, HTTP_X_TWILIO_SIGNATURE=signature)

    assert response.status_code == 403


def test_a_leg_id_from_another_session_is_not_accepted(client, session, campaign, signed):
    other = CallSession.objects.create(campaign=campaign, phone="+18025550143")
    leg = session.legs.first()
    response = signed(client, f"/calls/twiml/{other.pk}/dialed/{leg.pk}",
                      {"CallSid": "CA2", "DialCallStatus": "completed", "DialCallDuration": "60"})

    assert b"something went wrong" in response.content
    assert CallLeg.objects.get(pk=leg.pk).status == CallLeg.Status.PENDING


def test_status_callbacks_are_idempotent_and_never_go_back(client, session, signed):
    path = f"/calls/status/{session.pk}"
    for status in ["ringing", "in-progress", "completed", "completed", "ringing"]:
        assert signed(client, path, {"CallSid": "CA1", "CallStatus": status}).status_code == 204

    session.refresh_from_db()
    assert session.status == CallSession.Status.COMPLETED
    assert set(session.legs.values_list("status", flat=True)) == {CallLeg.Status.SKIPPED}


@pytest.mark.parametrize("order,expected", [
    (["in-progress", "ringing"], CallSession.Status.IN_PROGRESS),
    (["ringing", "initiated"], CallSession.Status.RINGING),
    (["busy", "in-progress"], CallSession.Status.BUSY),
])
def test_a_late_callback_never_moves_a_session_back(client, session, signed, order, expected):
    """Twilio does not promise the order of status callbacks: an earlier one arriving late changes nothing."""
    for status in order:
        assert signed(client, f"/calls/status/{session.pk}", {"CallSid": "CA1", "CallStatus": status}).status_code \
            == 204

    session.refresh_from_db()
    assert session.status == expected


def test_a_repeated_dial_callback_counts_once(client, session, signed):
    from advocacy.dashboard.selectors import metric_totals

    signed(client, f"/calls/twiml/{session.pk}/next/0", {"CallSid": "CA1"})
    leg = session.legs.get(status=CallLeg.Status.DIALING)
    for _ in range(2):
        signed(client, f"/calls/twiml/{session.pk}/dialed/{leg.pk}",
               {"CallSid": "CA1", "DialCallStatus": "completed", "DialCallDuration": "61", "DialCallSid": "CA9"})

    totals = metric_totals(campaign_id=session.campaign_id)
    assert (totals["call_connected"], totals["talk_seconds"]) == (1, 61)


@pytest.mark.parametrize("phone,code", [("555", "invalid_phone"), ("+44 20 7946 0958", "unsupported_phone"),
                                        ("+1 900 555 0100", "unsupported_phone"), ("", "invalid")])
def test_bad_phone_numbers_get_a_clear_400(client, campaign, phone, code):
    response = request_call(client, campaign, phone=phone)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert not CallSession.objects.exists()


def test_bad_json_and_unknown_campaigns(client, campaign):
    assert client.post("/api/v1/campaigns/detention/calls", "nope", content_type="application/json").json()[
        "error"]["code"] == "invalid_json"
    assert client.post("/api/v1/campaigns/nope/calls", {}, content_type="application/json").status_code == 404
    assert request_call(client, campaign, zip_code="20500").status_code == 404


def test_rate_limit_per_phone_answers_429_with_retry_after(client, campaign, settings):
    settings.CALLS_PER_PHONE_PER_HOUR = 2
    statuses = []
    for _ in range(3):
        statuses.append(request_call(client, campaign).status_code)
        CallSession.objects.update(status=CallSession.Status.COMPLETED)  # each call ended: asking again is new
    refused = request_call(client, campaign)

    assert statuses == [202, 202, 429]
    assert int(refused["Retry-After"]) > 0
    assert CallSession.objects.count() == 2


def test_many_numbers_from_one_ip_are_refused_past_the_backstop(client, campaign, settings):
    settings.CALL_MAX_PHONES_PER_IP_PER_DAY = 3
    statuses = [call_from(client, campaign, f"+1802555014{i}", "198.51.100.7").status_code
                for i in range(5)]

    assert statuses[:3] == [202, 202, 202] and statuses[3:] == [403, 403]


def call_from(client, campaign, phone: str, ip: str):
    return client.post(f"/api/v1/campaigns/{campaign.slug}/calls", {"phone": phone, "zip": "10002"},
                       content_type="application/json", REMOTE_ADDR=ip)


def test_a_phone_bank_behind_one_address_is_not_refused_while_its_callers_answer(client, campaign):
    """Twelve different callers at one party, each answering and pressing 1: the old rule refused the sixth."""
    statuses = []
    for i in range(12):
        statuses.append(call_from(client, campaign, f"+180255501{i:02d}", "198.51.100.7")
                        .status_code)
        CallSession.objects.update(status=CallSession.Status.COMPLETED, supporter_connected=True)

    assert statuses == [202] * 12


def test_numbers_that_never_answer_stop_new_numbers_from_that_address(client, campaign, settings):
    settings.CALL_MAX_UNANSWERED_PHONES_PER_IP_PER_DAY = 3
    for i in range(3):
        assert call_from(client, campaign, f"+180255501{i:02d}", "198.51.100.7").status_code == 202
        CallSession.objects.update(status=CallSession.Status.NO_ANSWER)

    refused = call_from(client, campaign, "+18025550199", "198.51.100.7")
    assert refused.status_code == 403 and "never answered" in refused.json()["error"]["message"]
    assert call_from(client, campaign, "+18025550100", "198.51.100.7").status_code == 202
    other = call_from(client, campaign, "+18025550199", "203.0.113.9")
    assert other.status_code == 202


def test_blocklisted_numbers_are_refused(client, campaign, settings):
    settings.CALL_BLOCKLIST = ["+1802555"]

    assert request_call(client, campaign).status_code == 403


def test_a_closed_campaign_refuses_new_calls_with_a_clear_message(client, campaign):
    campaign.window_start = timezone.now() + dt.timedelta(hours=2)
    campaign.save()
    response = request_call(client, campaign)

    assert response.status_code == 409
    assert "not open" in response.json()["error"]["message"]


def test_the_concurrent_call_cap(client, campaign, settings):
    settings.CALL_MAX_CONCURRENT_PER_CAMPAIGN = 1
    CallSession.objects.create(campaign=campaign, phone="+18025550100", status=CallSession.Status.IN_PROGRESS)

    response = request_call(client, campaign)

    assert response.status_code == 429 and response.json()["error"]["code"] == "busy"


def test_the_web_form_and_the_status_page_with_outcomes(client, campaign, settings,
                                                        django_capture_on_commit_callbacks):
    settings.DEBUG = True  # the built-in simulator places the call; its transcript shows in DEBUG
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/c/detention/call/", {"phone": "802-555-0142", "zip": "10002"})
    session = CallSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/calls/{session.pk}/"

    page = client.get(response["Location"]).content.decode()
    assert "Representative Daniel Goldman" in page and "Simulated call transcript" in page
    leg = session.legs.first()
    client.post(f"/calls/{session.pk}/outcome/{leg.pk}/", {"outcome": "spoke_to_staff"})
    client.post(f"/calls/{session.pk}/outcome/{leg.pk}/", {"outcome": "left_voicemail"})

    from advocacy.dashboard.selectors import metric_totals
    totals = metric_totals(campaign_id=campaign.pk)
    assert CallLeg.objects.get(pk=leg.pk).outcome == "spoke_to_staff"
    assert (totals["outcome_reported"], totals["outcome_spoke_to_staff"], totals["outcome_left_voicemail"]) == (1, 1, 0)


def test_the_web_form_shows_errors_and_catches_bots(client, campaign):
    bad = client.post("/c/detention/call/", {"phone": "12", "zip": "10002"})
    bot = client.post("/c/detention/call/", {"phone": "802-555-0142", "zip": "10002", "website": "spam"})

    assert bad.status_code == 400 and "not a valid phone number" in bad.content.decode()
    assert bot.status_code == 400
    assert not CallSession.objects.exists()


def test_organizers_preview_the_call_and_nobody_is_dialed(client, campaign, admin_user):
    assert client.get("/organize/detention/call-preview/?zip=10002").status_code == 302
    client.force_login(admin_user)

    page = client.get("/organize/detention/call-preview/?zip=10002").content.decode()

    assert "Connecting you to Representative Daniel Goldman" in page
    assert "DIAL +12022828000" in page
    assert not CallSession.objects.exists()
