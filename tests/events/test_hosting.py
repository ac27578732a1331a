"""The host's day: pick a nearby ICE site, see the address everywhere, edit, cancel, write to attendees;
and the attendee's: a full event, emails in their language."""

import datetime as dt

import pytest
from django.core import mail

from advocacy.events.models import AttendeeDelivery, Event, IceLocation, Rsvp
from advocacy.events.names import clean_name
from tests.events.test_events import NEWARK, approved, host_form, places  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def brooklyn(places):  # noqa: F811
    return IceLocation.objects.create(key="facility-brooklyn-mdc-11232", kind="detention", name="BROOKLYN MDC",
                                      address="80 29TH STREET", city="BROOKLYN", state="NY", zip_code="11232",
                                      latitude=40.66, longitude=-74.0)


@pytest.fixture
def listed(campaign, places):  # noqa: F811
    return approved(campaign, title="Vigil", zip_code="07102", latitude=NEWARK[1], longitude=NEWARK[2],
                    ice_location=places, address="970 Broad St, Newark, NJ", capacity=2)


@pytest.mark.parametrize("published, shown", [
    ("BROOKLYN MDC", "Brooklyn MDC"),
    ("CCA, FLORENCE CORRECTIONAL CENTER", "CCA, Florence Correctional Center"),
    ("CENTRAL LOUISIANA ICE PROCESSING CENTER (CLIPC)", "Central Louisiana ICE Processing Center (CLIPC)"),
    ("CASCADE COUNTY JAIL, MT", "Cascade County Jail, MT"),
    ("180 TED TURNER DR. SW SUITE 522", "180 Ted Turner Dr. SW Suite 522"),
    ("Newark Field Office", "Newark Field Office"),
])
def test_ice_names_are_cleaned_by_rule_not_title_case(published, shown):
    assert clean_name(published) == shown


def test_the_host_picks_from_the_nearby_sites(client, campaign, places, brooklyn):  # noqa: F811
    page = client.get(f"/c/{campaign.slug}/events/host/", {"near": "10001"}).content.decode()

    assert page.count('type="radio" name="ice_location"') == 3  # none + the two sites, not a 229-option select
    assert "<select name=\"ice_location\"" not in page
    assert page.index("Brooklyn MDC (Brooklyn, NY) · 6 mi") < page.index("Newark Field Office (Newark, NJ) · 9 mi")
    assert "80 29th Street, Brooklyn, NY 11232" in page
    response = client.post(f"/c/{campaign.slug}/events/host/",
                           host_form(ice_location=str(brooklyn.pk), near="10001", zip=""))
    event = Event.objects.get()
    assert response.status_code == 302 and event.ice_location == brooklyn
    assert event.street_address == "80 29th Street, Brooklyn, NY 11232"


def test_address_on_the_page_the_email_and_the_calendar(client, campaign, listed, settings,
                                                        django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page = client.get(f"/c/{campaign.slug}/events/{listed.pk}/").content.decode()
    listing = client.get(f"/c/{campaign.slug}/events/", {"zip": "10001"}).content.decode()
    ics = client.get(f"/c/{campaign.slug}/events/{listed.pk}/event.ics").content.decode().replace("\r\n ", "")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{campaign.slug}/events/{listed.pk}/", {"name": "Ana", "email": "ana@example.org"})

    for text in (page, listing, mail.outbox[-1].body):
        assert "970 Broad St, Newark, NJ 07102" in text
    assert "LOCATION:Newark Field Office (Newark\\, NJ)\\, 970 Broad St\\, Newark\\, NJ 07102" in ics


def test_a_full_event_says_full_instead_of_the_form(client, campaign, listed):
    for n in range(2):
        Rsvp.objects.create(event=listed, name=f"P{n}", email=f"p{n}@example.org")

    page = client.get(f"/c/{campaign.slug}/events/{listed.pk}/").content.decode()

    assert "This event is full." in page and 'class="card stack rsvp-form"' not in page
    body = client.get(f"/api/v1/campaigns/{campaign.slug}/events", {"zip": "10001"}).json()
    assert body["events"][0]["full"] is True and body["events"][0]["address"] == "970 Broad St, Newark, NJ 07102"


def test_the_honeypot_is_out_of_the_tab_order(client, campaign, listed, places):  # noqa: F811
    for path in (f"/c/{campaign.slug}/events/{listed.pk}/", f"/c/{campaign.slug}/events/host/"):
        page = client.get(path).content.decode()
        assert 'name="website" tabindex="-1" autocomplete="off" aria-hidden="true"' in page


def test_host_edits_then_cancels_and_attendees_are_emailed_once_in_their_language(
        client, campaign, listed, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Rsvp.objects.create(event=listed, name="Ana", email="ana@example.org", language="es")
    Rsvp.objects.create(event=listed, name="Bo", email="bo@example.org", language="en")
    manage = f"/events/manage/{listed.manage_token}/"
    day = (listed.starts_at + dt.timedelta(days=1)).date().isoformat()

    edited = client.post(manage + "edit/", {"title": "Candlelight vigil", "description": "Bring candles.",
                                            "date": day, "start_time": "17:00", "time_zone": "America/New_York",
                                            "address": "970 Broad St, Newark, NJ", "zip": "07102",
                                            "capacity": "1"})
    assert edited.status_code == 400 and "2 people are already coming" in edited.content.decode()
    edited = client.post(manage + "edit/", {"title": "Candlelight vigil", "description": "Bring candles.",
                                            "date": day, "start_time": "17:00", "time_zone": "America/New_York",
                                            "address": "970 Broad St, Newark, NJ", "zip": "07102",
                                            "capacity": "50"})
    listed.refresh_from_db()
    assert edited.status_code == 302 and listed.title == "Candlelight vigil" and listed.capacity == 50
    assert listed.starts_at.astimezone(dt.timezone(dt.timedelta(hours=-5))).hour in (16, 17)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage + "message/", {"body": "Meet at the north gate."})
    assert {m.to[0]: m.subject for m in mail.outbox} == {
        "ana@example.org": "Un mensaje de quien organiza Candlelight vigil",
        "bo@example.org": "A message from the host of Candlelight vigil"}
    assert all("Meet at the north gate." in m.body for m in mail.outbox)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage + "cancel/", {"note": "Storm warning."})
        client.post(manage + "cancel/", {"note": "again"})
    listed.refresh_from_db()
    assert listed.status == "cancelled"
    assert sorted(m.subject for m in mail.outbox) == ["Cancelado: Candlelight vigil", "Cancelled: Candlelight vigil"]
    assert all("Storm warning." in m.body for m in mail.outbox)
    assert AttendeeDelivery.objects.filter(sent_at=None).count() == 0
    public = client.get(f"/c/{campaign.slug}/events/{listed.pk}/").content.decode()
    assert "This event is cancelled." in public and "rsvp-form" not in public
    assert "Cancel the event" not in client.get(manage).content.decode()


def test_a_spanish_host_and_attendee_get_spanish_emails(client, campaign, places, settings,  # noqa: F811
                                                        django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{campaign.slug}/events/host/", host_form(ice_location=str(places.pk)),
                    HTTP_ACCEPT_LANGUAGE="es")
    assert mail.outbox[-1].subject == "Recibimos tu evento: Vigil"
    assert "Gracias por organizar «Vigil»" in mail.outbox[-1].body
    page = client.get(f"/c/{campaign.slug}/events/", {"zip": "10001"}, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert ">25 millas<" in page and ">25 miles<" not in page


def test_the_admin_shows_and_takes_event_times_in_the_events_own_time_zone(client, campaign, admin_user):
    client.force_login(admin_user)
    starts = dt.datetime(2031, 5, 6, 22, 0, tzinfo=dt.UTC)  # 5 PM in Chicago (CDT)
    event = approved(campaign, time_zone="America/Chicago", starts_at=starts)

    listing = client.get("/admin/events/event/").content.decode()
    change = client.get(f"/admin/events/event/{event.pk}/change/").content.decode()

    assert "May 6, 2031, 5 p.m. CDT" in listing
    assert 'name="starts_at_1" value="17:00:00"' in change
