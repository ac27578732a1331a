"""A dropped database connection (PostgreSQL restarted, a connection killed) during Twilio's webhooks: the TwiML
webhooks try once more before apologising, and the status callback answers 503 so that Twilio retries it.

The fault is real: the backend serving our connection is terminated from a second connection."""

import psycopg
import pytest
from django.db import connection

from advocacy.calls.legs import add_legs
from advocacy.calls.models import CallSession
from advocacy.providers.telephony import sign
from targets.lookup import lookup
from tests.calls.conftest import AUTH_TOKEN
from tests.services import require_postgres_and_redis

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
BASE = "http://testserver"


@pytest.fixture
def session(campaign, settings):
    require_postgres_and_redis()
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "2" * 32, AUTH_TOKEN
    settings.PUBLIC_BASE_URL = BASE
    session = CallSession.objects.create(campaign=campaign, phone="+18025550142", zip_code="10002")
    add_legs(session=session, location=lookup(zip_code="10002"))
    return session


def kill_our_database_connection() -> None:
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    params = {k: v for k, v in connection.get_connection_params().items() if k != "cursor_factory"}
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def post(client, path, params):
    return client.post(path, params, HTTP_X_TWILIO_SIGNATURE=sign(BASE + path, params, AUTH_TOKEN))


def test_a_twiml_webhook_retries_a_dropped_connection_once_and_the_supporter_hears_the_call(client, session):
    kill_our_database_connection()

    response = post(client, f"/calls/twiml/{session.pk}/answer", {"CallSid": "CA1"})

    body = response.content.decode()
    assert response.status_code == 200 and "Press 1 to be connected" in body and "went wrong" not in body
    assert CallSession.objects.get(pk=session.pk).twilio_sid == "CA1"


def test_the_status_callback_answers_503_on_a_database_error_so_twilio_retries(client, session):
    kill_our_database_connection()

    failed = post(client, f"/calls/status/{session.pk}", {"CallSid": "CA1", "CallStatus": "completed"})
    retried = post(client, f"/calls/status/{session.pk}", {"CallSid": "CA1", "CallStatus": "completed"})

    assert (failed.status_code, retried.status_code) == (503, 204)
    assert CallSession.objects.get(pk=session.pk).status == CallSession.Status.COMPLETED


def test_place_call_treats_a_dropped_connection_as_transient_and_places_once(session, settings):
    from advocacy.calls.tasks import place_call
    from tests.calls.conftest import ACCOUNT_SID
    from tests.fakes.twilio import FakeTwilio

    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, drive_calls=False) as fake:
        settings.TWILIO_ACCOUNT_SID, settings.TWILIO_API_BASE_URL = ACCOUNT_SID, fake.url
        settings.TWILIO_CALLS_PER_SECOND = 1000
        kill_our_database_connection()

        place_call.apply(args=[str(session.pk)])

    assert len(fake.created) == 1
    assert CallSession.objects.get(pk=session.pk).twilio_sid == fake.created[0]["sid"]
