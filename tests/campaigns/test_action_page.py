"""The campaign as supporters and partner sites see it."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from advocacy.campaigns.models import Campaign, ScheduleItem

pytestmark = pytest.mark.django_db


def test_the_action_page_shows_demands_targets_scripts_and_both_forms(client, email_campaign):
    email_campaign.demands.create(position=0, text="Free them all.", text_es="Libérenlos a todos.")
    page = client.get(f"/c/{email_campaign.slug}/", {"zip": "10002"}).content.decode()

    assert "Free them all." in page
    assert page.index("Representative Daniel Goldman") < page.index("Senator Charles Schumer")
    assert 'href="tel:+12022250001"' in page and "Please cut ICE&#x27;s budget." in page
    assert 'action="/c/detention/call/"' in page and 'action="/c/detention/email/"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_split_zip_asks_for_the_street_address(client, campaign):
    page = client.get(f"/c/{campaign.slug}/", {"zip": "10001"}).content.decode()

    assert 'name="address"' in page and "split between congressional districts" in page


def test_bad_zip_is_a_clear_message_not_an_error(client, campaign):
    response = client.get(f"/c/{campaign.slug}/", {"zip": "20500"})

    assert response.status_code == 200 and "We could not find ZIP code 20500" in response.content.decode()


def test_before_the_window_the_page_says_when_it_opens(client, campaign):
    campaign.window_start = dt.datetime(2031, 3, 4, 18, 0, tzinfo=dt.UTC)
    campaign.window_end = campaign.window_start + dt.timedelta(hours=1)
    campaign.time_zone = "America/New_York"
    campaign.save()

    page = client.get(f"/c/{campaign.slug}/", {"zip": "10002"}).content.decode()

    assert "It opens Tuesday, March 4, 1:00 PM EST." in page
    assert 'action="/c/detention/call/"' not in page


def test_after_the_window_the_page_shows_the_closed_message(client, campaign):
    campaign.window_end = timezone.now() - dt.timedelta(minutes=5)
    campaign.closed_message = "Thank you! Join a local action next."
    campaign.save()

    page = client.get(f"/c/{campaign.slug}/").content.decode()

    assert "The action has ended" in page and "Join a local action next." in page


def test_unknown_and_unpublished_campaigns_are_404(client, campaign):
    campaign.is_published = False
    campaign.save()

    assert client.get("/c/nope/").status_code == 404
    assert client.get(f"/c/{campaign.slug}/").status_code == 404
    assert client.get("/api/v1/campaigns/nope").json()["error"]["code"] == "not_found"


def test_the_schedule_is_shown_in_the_campaigns_time_zone_with_the_utc_instant_for_visitors(client, campaign):
    campaign.time_zone = "America/Los_Angeles"
    campaign.save()
    ScheduleItem.objects.create(campaign=campaign, title="Digital action hour",
                                starts_at=dt.datetime(2026, 7, 14, 20, 0, tzinfo=dt.UTC),
                                ends_at=dt.datetime(2026, 7, 14, 21, 0, tzinfo=dt.UTC))

    page = client.get(f"/c/{campaign.slug}/").content.decode()

    assert "1:00 PM–2:00 PM PDT" in page
    assert 'data-start="2026-07-14T20:00:00+00:00"' in page


def test_the_embed_can_be_framed_and_the_full_page_cannot(client, campaign):
    embed = client.get(f"/c/{campaign.slug}/embed/")
    full = client.get(f"/c/{campaign.slug}/")

    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    assert full["X-Frame-Options"] == "DENY"
    assert 'class="site-header"' not in embed.content.decode()


def test_the_campaign_json_with_targets_for_a_zip(client, campaign):
    body = client.get(f"/api/v1/campaigns/{campaign.slug}", {"zip": "10002"}).json()

    assert body["slug"] == "detention" and body["is_open"] is True
    assert [t["id"] for t in body["targets"]] == ["G000599", "S000148", "G000555", "dhs_main"]
    assert body["targets"][0]["script"] == "Please cut ICE's budget."
    assert client.get(f"/api/v1/campaigns/{campaign.slug}", {"zip": "1"}).status_code == 400


def test_spanish_visitors_get_the_spanish_texts(client, campaign):
    campaign.title_es = "Comunidades, no jaulas"
    campaign.call_script_es = "Por favor recorten el presupuesto de ICE."
    campaign.save()

    page = client.get(f"/c/{campaign.slug}/", {"zip": "10002"}, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Comunidades, no jaulas" in page and "Por favor recorten el presupuesto de ICE." in page
    assert 'lang="es"' in page and "Tu código postal" in page


def test_load_demo_campaign_is_idempotent(targets):
    out = StringIO()
    call_command("load_demo_campaign", "--date", "2026-11-24", stdout=out)
    call_command("load_demo_campaign", "--date", "2026-11-24", stdout=out)

    campaign = Campaign.objects.get(slug="day-of-action")
    assert Campaign.objects.count() == 1
    assert [d.text for d in campaign.demands.all()] == [
        "Shut down detention centers and stop detention expansion.",
        "Stop deportations, including Title 42 expulsions.", "Free them all.", "Cut ICE and CBP's budget."]
    schedule = {item.title: item.starts_at for item in campaign.schedule.all()}
    assert schedule["National livestream"] == dt.datetime(2026, 11, 24, 16, 30, tzinfo=dt.UTC)  # 11:30 AM EST
    assert schedule["Digital action hour"] == dt.datetime(2026, 11, 24, 18, 0, tzinfo=dt.UTC)
    assert schedule["Twitter storm on #CommunitiesNotCages"] == dt.datetime(2026, 11, 24, 19, 0, tzinfo=dt.UTC)
    assert "#CommunitiesNotCages" in campaign.sample_posts.first().text
    assert campaign.target_lines.filter(source="fixed", target__key="dhs_main").exists()
    assert set(campaign.message_templates.values_list("target_kind", flat=True)) == {"member", "executive",
                                                                                     "leadership"}


def test_the_admin_refuses_a_broken_template(admin_client, campaign):
    from advocacy.campaigns.admin import MessageTemplateForm

    form = MessageTemplateForm(data={"campaign": campaign.pk, "target_kind": "member", "subject": "Hi",
                                     "body": "Dear {% if %}"})

    assert not form.is_valid() and "Template error" in str(form.errors["body"])
    assert admin_client.get(f"/admin/campaigns/campaign/{campaign.pk}/change/").status_code == 200
