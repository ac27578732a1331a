"""What each TwiML webhook costs in SQL, through the signed HTTP entry points (issue 15's targets).

The counts are ceilings: a change that adds a round trip to a webhook fails here, not in production."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advocacy.calls.legs import add_legs
from advocacy.calls.models import CallLeg, CallSession
from advocacy.campaigns.content import campaign_as_of, content_of
from advocacy.campaigns.models import Campaign, Demand, MessageTemplate
from advocacy.providers.telephony import sign
from targets.lookup import lookup
from targets.models import DistrictOffice
from tests.calls.conftest import AUTH_TOKEN

# Outside a test transaction, so what is counted is what production runs (no test savepoints).
pytestmark = pytest.mark.django_db(transaction=True)
COUNTER = 'INSERT INTO "dashboard_'
# Transaction control: SQLite's backend logs these, PostgreSQL's does not; neither is a query of the step's own.
TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")

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
    house = session.legs.first().target
    DistrictOffice.objects.create(target=house, office_id="nyc", city="New York", state="NY", phone="+12125550100",
                                  latitude=40.7, longitude=-74.0)
    fresh = Campaign.objects.get(pk=campaign.pk)  # a warm process: an earlier call read the campaign once
    content_of(fresh), campaign_as_of(fresh.pk, fresh.updated_at)
    return session


def _post(signed, path, params, ceiling, *, counters=0):
    """POST a signed webhook: at most `ceiling` statements of its own, and exactly `counters` dashboard
    counter upserts (one per counter row, committed with the step; see tests/dashboard)."""
    with CaptureQueriesContext(connection) as queries:
        response = signed(path, params)
    assert response.status_code in (200, 204), response.content
    statements = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(TRANSACTION)]
    # On PostgreSQL one statement makes all of a step's writes, its counter upserts among them
    # (WITH w0 AS (UPDATE ...), w1 AS (INSERT INTO "dashboard_...) ...): it is one of the step's own statements.
    own = [sql for sql in statements if not _counters_only(sql)]
    listing = "\n".join(statements)
    assert len(own) <= ceiling, f"{path}: {len(own)} statements besides counters\n{listing}"
    rows = sum(sql.count(COUNTER) + sql.count("), (") for sql in statements)  # a multi-row INSERT: its rows
    assert rows == counters, f"{path}: {rows} counter rows upserted\n{listing}"
    return response


def _counters_only(sql: str) -> bool:
    writes = sql.count('INSERT INTO "') + sql.count('UPDATE "')
    return sql.count(COUNTER) == writes > 0


def test_a_whole_call_stays_within_its_query_ceilings(signed, session):
    base = f"/calls/twiml/{session.pk}"
    call = {"CallSid": "CA" + "1" * 32}
    answered = _post(signed, f"{base}/answer", {**call, "AnsweredBy": "human"}, 2)
    assert b"End detention" in answered.content and b"Hello Representative" in answered.content
    assert CallSession.objects.get(pk=session.pk).twilio_sid == call["CallSid"]
    _post(signed, f"{base}/start", {**call, "Digits": "1"}, 2, counters=2)
    dialing = _post(signed, f"{base}/next/0", call, 4, counters=3)
    assert b"<Dial" in dialing.content
    leg = session.legs.get(status=CallLeg.Status.DIALING)
    offered = _post(signed, f"{base}/dialed/{leg.pk}", {**call, "DialCallStatus": "busy"}, 4, counters=3)
    assert b"district office" in offered.content  # the most a dialed costs: the nearest office looked up
    assert CallLeg.objects.get(pk=leg.pk).status == CallLeg.Status.BUSY
    _post(signed, f"{base}/next/1", call, 4, counters=3)
    leg = session.legs.get(status=CallLeg.Status.DIALING)
    _post(signed, f"{base}/dialed/{leg.pk}", {**call, "DialCallStatus": "completed", "DialCallDuration": "42"}, 2,
          counters=6)
    assert CallLeg.objects.get(pk=leg.pk).status == CallLeg.Status.COMPLETED
    replayed = _post(signed, f"{base}/next/1", call, 4)  # a replayed step re-answers, dialing nothing new
    assert b"<Dial" in replayed.content or b"<Redirect" in replayed.content


def test_a_repeated_status_callback_costs_one_query(signed, session):
    path = f"/calls/status/{session.pk}"
    params = {"CallSid": "CA" + "1" * 32, "CallStatus": "in-progress"}
    signed(path, params)
    _post(signed, path, params, 1)
    assert CallSession.objects.get(pk=session.pk).status == CallSession.Status.IN_PROGRESS


def test_a_status_callback_for_an_unknown_call_is_not_found(signed, session):
    path = "/calls/status/00000000-0000-0000-0000-000000000000"
    assert signed(path, {"CallSid": "CA1", "CallStatus": "completed"}).status_code == 404


def test_an_organizer_edit_reaches_the_next_call_without_a_restart(signed, session):
    """The per-process copy of the script is keyed by the campaign's updated_at, which any process's edit moves."""
    base = f"/calls/twiml/{session.pk}"
    assert b"End detention" in signed(f"{base}/answer", {"CallSid": "CA1"}).content
    # Another process's edit: only the rows change, this process's signal handlers never run.
    Demand.objects.filter(campaign=session.campaign, text="End detention").update(text="Close the camps")
    MessageTemplate.objects.filter(campaign=session.campaign).update(call_script="Good day {{ target_name }}.")
    session.campaign.__class__.objects.filter(pk=session.campaign_id).update(updated_at=timezone.now())

    spoken = signed(f"{base}/answer", {"CallSid": "CA1"}).content
    assert b"Close the camps" in spoken and b"Good day" in spoken and b"End detention" not in spoken


def test_saving_a_demand_moves_the_campaign_version(session):
    before = Campaign.objects.get(pk=session.campaign_id).updated_at
    Demand.objects.create(campaign=session.campaign, position=9, text="One more")
    assert Campaign.objects.get(pk=session.campaign_id).updated_at > before
