"""Each office with its reason, Spanish office titles, the split-ZIP notices and the call error page."""

import pytest

from advocacy.campaigns.models import CampaignTarget
from tests.fakes.geocoder import FakeCensusGeocoder

pytestmark = pytest.mark.django_db


@pytest.fixture
def reasoned(campaign):
    line = campaign.target_lines.get(source="fixed")
    line.reason, line.reason_es = "Runs ICE and CBP", "Dirige ICE y CBP"
    line.save()
    CampaignTarget.objects.create(campaign=campaign, position=3, source="role", role="committee:HSAP15")
    return campaign


def test_every_office_comes_with_its_reason(client, reasoned):
    body = client.get(f"/api/v1/campaigns/{reasoned.slug}", {"zip": "10002"}).json()
    reasons = {t["id"]: t["reason"] for t in body["targets"]}

    assert reasons["G000599"] == "Your representative in the House"
    assert reasons["S000148"] == reasons["G000555"] == "One of your two senators"
    assert reasons["dhs_main"] == "Runs ICE and CBP"
    assert reasons["B001288"] == ("Ranking Member of the House Committee on Appropriations, Homeland Security "
                                  "Subcommittee")
    page = client.get(f"/c/{reasoned.slug}/", {"zip": "10002"}).content.decode()
    assert '<span class="reason">Ranking Member of the House Committee' in page
    assert '<span class="reason">Runs ICE and CBP</span>' in page


def test_reasons_and_titles_in_spanish(client, reasoned):
    page = client.get(f"/c/{reasoned.slug}/", {"zip": "10002"}, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Representante Daniel Goldman" in page and "Senador/a Charles Schumer" in page
    assert "Tu representante en la Cámara" in page and "Dirige ICE y CBP" in page
    assert "Miembro de mayor rango de la minoría del House Committee on Appropriations" in page
    assert "Representative Daniel Goldman" not in page and "Your representative" not in page


def test_a_split_zip_lists_every_house_member_with_a_reason_saying_so(client, campaign):
    body = client.get(f"/api/v1/campaigns/{campaign.slug}", {"zip": "10001"}).json()

    assert [t["reason"] for t in body["targets"][:2]] == [
        "One of the House members for your ZIP code (add your address to narrow it down)"] * 2


def test_a_failed_address_says_so_instead_of_asking_for_the_address_again(client, campaign, settings):
    with FakeCensusGeocoder({}) as geocoder:
        settings.CENSUS_GEOCODER_URL = geocoder.url
        page = client.get(f"/c/{campaign.slug}/", {"zip": "10001", "address": "1 Nowhere Rd"}).content.decode()

    assert "We could not place that address in a district" in page
    assert "Until you add your address" not in page
    assert 'value="1 Nowhere Rd"' in page
    assert "Until you add your address" in client.get(f"/c/{campaign.slug}/", {"zip": "10001"}).content.decode()


def test_the_call_and_email_buttons_sit_above_the_list_and_the_zip_box_above_the_demands(client, email_campaign):
    email_campaign.demands.create(position=0, text="Free them all.")
    page = client.get(f"/c/{email_campaign.slug}/", {"zip": "10002"}).content.decode()

    assert page.index('id="zip"') < page.index("Free them all.")
    assert page.index('href="#call-form"') < page.index("Representative Daniel Goldman")
    assert 'href="#email-form"' in page and 'id="email-form"' in page and 'id="call-form"' in page


def test_a_refused_call_keeps_the_phone_number_and_the_address(client, campaign):
    campaign.window_end = campaign.window_start  # closed: the call is refused
    campaign.save()
    response = client.post(f"/c/{campaign.slug}/call/", {"zip": "10001", "address": "201 Varick St",
                                                         "phone": "(212) 555-0142"})
    page = response.content.decode()

    assert response.status_code == 400
    assert 'value="(212) 555-0142"' in page and 'value="201 Varick St"' in page and 'value="10001"' in page
    assert "address=201%20Varick%20St" in page


def test_the_livestream_link_of_the_demo_points_to_an_anchor_on_the_page(client, targets):
    from django.core.management import call_command

    call_command("load_demo_campaign", "--date", "2026-11-24", stdout=open("/dev/null", "w"))
    page = client.get("/c/day-of-action/").content.decode()

    for label, anchor in (("Watch", "schedule"), ("Take action", "act"), ("Sample posts", "share")):
        assert f'#{anchor}">{label}</a>' in page
        assert f'id="{anchor}"' in page
    spanish = client.get("/c/day-of-action/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '#schedule">Ver</a>' in spanish and '#share">Mensajes de ejemplo</a>' in spanish


def test_the_lookup_page_gives_each_member_a_reason(client, targets):
    page = client.get("/lookup/", {"zip": "10001"}).content.decode()
    spanish = client.get("/lookup/", {"zip": "10001"}, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert page.count("One of your two senators") == 2 and page.count("One of the House members for your ZIP") == 2
    assert "Senador/a Charles Schumer" in spanish and spanish.count("Uno de tus dos senadores") == 2
