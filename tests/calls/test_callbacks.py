"""Scheduled call-backs through the real entry points: asked for on the call form (or instead of a long wait),
placed by the reconciler's due pass against the fake Twilio exactly once when the clock reaches them, cancelled
from the signed link and then never placed."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from advocacy.calls import callbacks
from advocacy.calls.models import CallSession
from advocacy.calls.tasks import place_call, reconcile_calls

pytestmark = pytest.mark.django_db
ET = ZoneInfo("America/New_York")


@pytest.fixture
def open_campaign(campaign):
    campaign.window_end = timezone.now() + dt.timedelta(days=30)
    campaign.save()
    return campaign


def ask_for_callback(client, campaign, *, language="en", call_at=None):
    call_at = call_at or callbacks.callback_times(campaign)[0].isoformat()
    return client.post(f"/c/{campaign.slug}/call/", {"phone": "802-555-0142", "zip": "10002", "call_at": call_at},
                       HTTP_ACCEPT_LANGUAGE=language)


def due_pass(capture):
    with capture(execute=True):
        return reconcile_calls.apply().result


def test_times_offered_are_inside_office_hours_on_weekdays_eastern(open_campaign):
    friday_4pm = dt.datetime(2026, 11, 27, 16, 0, tzinfo=ET)

    times = callbacks.callback_times(open_campaign, now=friday_4pm)

    assert times[0] == dt.datetime(2026, 11, 27, 16, 30, tzinfo=ET)  # 10 minutes' notice at least
    assert times[1] == dt.datetime(2026, 11, 30, 9, 0, tzinfo=ET)  # Monday: the offices are closed at weekends
    assert all(t.weekday() < 5 and dt.time(9) <= t.timetz().replace(tzinfo=None) < dt.time(17) for t in times)
    open_campaign.office_hours_start, open_campaign.office_hours_end = dt.time(10), dt.time(12)
    assert [t.strftime("%H:%M") for t in callbacks.callback_times(open_campaign, now=friday_4pm)] == \
        ["10:00", "10:30", "11:00", "11:30"]
    open_campaign.office_hours_start, open_campaign.office_hours_end = dt.time(9), dt.time(17)
    open_campaign.window_end = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ET)  # the action ends Monday at 10
    assert callbacks.callback_times(open_campaign, now=friday_4pm)[-1] == dt.datetime(2026, 11, 30, 9, 30,
                                                                                       tzinfo=ET)


def test_a_callback_is_placed_once_when_its_time_comes(client, fake_api, open_campaign,
                                                      django_capture_on_commit_callbacks):
    response = ask_for_callback(client, open_campaign)
    session = CallSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/calls/{session.pk}/"
    assert session.status == CallSession.Status.SCHEDULED and session.scheduled_for > timezone.now()
    page = client.get(response["Location"]).content.decode()
    assert "We will call you on" in page and callbacks.cancel_token(session) in page

    assert due_pass(django_capture_on_commit_callbacks)["due"] == 0 and fake_api.created == []  # not yet
    CallSession.objects.filter(pk=session.pk).update(scheduled_for=timezone.now() - dt.timedelta(seconds=1))
    assert due_pass(django_capture_on_commit_callbacks)["due"] == 1
    due_pass(django_capture_on_commit_callbacks)
    place_call.apply(args=[str(session.pk)])  # a redelivered task as well

    session.refresh_from_db()
    assert [c["to"] for c in fake_api.created] == ["+18025550142"]
    assert session.twilio_sid == fake_api.created[0]["sid"] and session.status == CallSession.Status.PLACING


def test_a_cancelled_callback_is_never_placed(client, fake_api, open_campaign, django_capture_on_commit_callbacks):
    ask_for_callback(client, open_campaign)
    session = CallSession.objects.get()
    link = f"/calls/{session.pk}/cancel/{callbacks.cancel_token(session)}/"

    assert client.get(f"/calls/{session.pk}/cancel/forged/").status_code == 404
    assert "Cancel my call" in client.get(link).content.decode()
    assert CallSession.objects.get().status == CallSession.Status.SCHEDULED  # a GET (a link preview) changes nothing
    assert "We will not call you" in client.post(link).content.decode()
    CallSession.objects.filter(pk=session.pk).update(scheduled_for=timezone.now() - dt.timedelta(hours=1))
    due_pass(django_capture_on_commit_callbacks)
    place_call.apply(args=[str(session.pk)])

    assert fake_api.created == [] and CallSession.objects.get().status == CallSession.Status.CANCELED


def test_a_time_outside_the_offer_is_refused_and_nothing_is_recorded(client, fake_api, open_campaign):
    midnight = dt.datetime.now(ET).replace(hour=0, minute=0, second=0, microsecond=0) + dt.timedelta(days=1)

    response = ask_for_callback(client, open_campaign, call_at=midnight.isoformat())

    assert response.status_code == 400 and "Choose one of the times offered" in response.content.decode()
    assert not CallSession.objects.exists() and fake_api.created == []


def test_the_page_is_in_spanish(client, fake_api, open_campaign):
    response = ask_for_callback(client, open_campaign, language="es")

    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Te llamaremos el" in page and "Cancelar mi llamada" in page


def test_a_long_wait_offers_call_me_later_and_the_queued_call_becomes_a_callback(client, fake_api, open_campaign,
                                                                                settings):
    settings.TWILIO_CALLS_PER_SECOND = 0.01  # one call every 100 s: the 7th in line waits over 10 minutes
    for n in range(6):
        CallSession.objects.create(campaign=open_campaign, phone=f"+1802555010{n}")
    session = CallSession.objects.create(campaign=open_campaign, phone="+18025550142")
    page = client.get(f"/calls/{session.pk}/").content.decode()
    assert "number 7 in line" in page and f"/calls/{session.pk}/later/" in page

    when = callbacks.callback_times(open_campaign)[2]
    response = client.post(f"/calls/{session.pk}/later/", {"call_at": when.isoformat()})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == CallSession.Status.SCHEDULED and session.scheduled_for == when
    assert place_call.apply(args=[str(session.pk)]).result == "nothing to do"  # its queued task stands down
    assert fake_api.created == []


def test_a_short_wait_offers_nothing(client, fake_api, open_campaign):
    session = CallSession.objects.create(campaign=open_campaign, phone="+18025550142")

    assert "/later/" not in client.get(f"/calls/{session.pk}/").content.decode()


def test_a_callback_already_queued_cannot_be_cancelled(client, fake_api, open_campaign,
                                                       django_capture_on_commit_callbacks):
    ask_for_callback(client, open_campaign)
    session = CallSession.objects.get()
    CallSession.objects.filter(pk=session.pk).update(scheduled_for=timezone.now() - dt.timedelta(seconds=1))
    due_pass(django_capture_on_commit_callbacks)  # queued and placed

    page = client.post(f"/calls/{session.pk}/cancel/{callbacks.cancel_token(session)}/").content.decode()

    assert "no longer scheduled" in page and CallSession.objects.get().status == CallSession.Status.PLACING
    assert len(fake_api.created) == 1
