"""What each TwiML webhook costs in SQL, through the signed HTTP entry points (issue 15's targets).

The counts are ceilings: a change that adds a round trip to a webhook fails here, not in production."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.calls.legs import add_legs
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.models import Demand, MessageTemplate
from advocacy.providers.telephony import sign
from targets.lookup import lookup
from tests.calls.conftest import AUTH_TOKEN

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def signed(settings, client):
    settings.TWILIO_ACCOUNT_SID = "AC" + "2" * 32
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.PUBLIC_BASE_URL = BASE

    def post(path, params):
        return client.post(path, params, HTTP_X_TWILIO_SIGNATURE=sign(BASE + path, params, AUTH_TOKEN))

    return post


@pytest.fixture
def session(campaign):
    for position, text in enumerate(["End detention", "Cut ICE funding", "Free them all", "Stop the raids"]):
        Demand.objects.create(campaign=campaign, position=position, text=text, text_es=f"es {text}")
    MessageTemplate.objects.create(campaign=campaign, target_kind=MessageTemplate.TargetKind.MEMBER,
                                   subject="s", body="b", call_script="Hello {{ target_name }}, {{ demands.0 }}.")
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10002", state="NY",
                                         district=10, status=CallSession.Status.RINGING)
    add_legs(session=session, location=lookup(zip_code="10002"))
    return session


def _post(signed, path, params, ceiling):
    with CaptureQueriesContext(connection) as queries:
        response = signed(path, params)
    assert response.status_code in (200, 204), response.content
    statements = "\n".join(q["sql"] for q in queries.captured_queries)
    print(f"{path}: {len(queries)}\n{statements}\n")
    assert len(queries) <= ceiling, f"{path}: {len(queries)} queries\n{statements}"
    return response


def test_a_whole_call_stays_within_its_query_ceilings(signed, session):
    base = f"/calls/twiml/{session.pk}"
    call = {"CallSid": "CA" + "1" * 32}
    answered = _post(signed, f"{base}/answer", {**call, "AnsweredBy": "human"}, 99)
    assert b"End detention" in answered.content and b"Hello" in answered.content
    _post(signed, f"{base}/start", {**call, "Digits": "1"}, 99)
    dialing = _post(signed, f"{base}/next/0", call, 99)
    assert b"<Dial" in dialing.content
    leg = session.legs.get(status=CallLeg.Status.DIALING)
    _post(signed, f"{base}/dialed/{leg.pk}", {**call, "DialCallStatus": "completed", "DialCallDuration": "42"}, 99)
    _post(signed, f"{base}/next/1", call, 99)
    leg = session.legs.get(status=CallLeg.Status.DIALING)
    _post(signed, f"{base}/dialed/{leg.pk}", {**call, "DialCallStatus": "no-answer", "DialCallDuration": "0"}, 99)
    assert CallLeg.objects.get(pk=leg.pk).status == CallLeg.Status.NO_ANSWER


def test_a_repeated_status_callback_costs_two_queries(signed, session):
    path = f"/calls/status/{session.pk}"
    params = {"CallSid": "CA" + "1" * 32, "CallStatus": "in-progress"}
    signed(path, params)
    _post(signed, path, params, 99)
    assert CallSession.objects.get(pk=session.pk).status == CallSession.Status.IN_PROGRESS
