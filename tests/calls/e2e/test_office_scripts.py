"""The call speaks to each kind of office in its own words, in the supporter's language, against the fake Twilio:
constituent wording only to the supporter's own members, the first name when given, each office's reason."""

import pytest

from advocacy.campaigns import demo
from advocacy.campaigns.models import Campaign
from tests.calls.conftest import SUPPORTER, request_call, session_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_script(campaign: Campaign) -> Campaign:
    campaign.call_script, campaign.call_script_es = demo.CALL_SCRIPT, demo.CALL_SCRIPT_ES
    campaign.save()
    return campaign


def said(fake_twilio) -> str:
    return " ".join(fake_twilio.transcript_for(SUPPORTER).said)


def test_own_members_hear_constituent_wording_and_dhs_its_own_script(client, demo_script, fake_twilio):
    session = session_for(request_call(client, demo_script, first_name="  Ana  "))
    fake_twilio.wait_idle()

    assert session.first_name == "Ana"
    words = said(fake_twilio)
    first, dhs = words.split("For this office, you can say:")
    assert "Hello, my name is Ana. I'm your constituent and I live in ZIP code 10002." in first
    assert "Hello, my name is Ana. I'm calling Department of Homeland Security" in dhs
    assert "constituent" not in dhs and "ZIP code" not in dhs
    assert "Next: Senator Charles Schumer. One of your two senators." in words
    assert "a constituent" not in words.replace("your constituent", "")


def test_without_a_name_the_script_names_nobody(client, demo_script, fake_twilio):
    request_call(client, demo_script)
    fake_twilio.wait_idle()

    words = said(fake_twilio)
    assert "Hello. I'm your constituent" in words and "my name is" not in words


def test_the_spanish_voice_says_spanish_titles_and_reasons(client, demo_script, fake_twilio):
    session = session_for(request_call(client, demo_script, language="es", first_name="Ana"))
    fake_twilio.wait_idle()

    words = said(fake_twilio)
    assert "Hola, me llamo Ana. Soy su constituyente y vivo en el código postal 10002." in words
    assert "Senador/a Charles Schumer" in words and "Senator Charles" not in words
    assert "Uno de tus dos senadores" in words
    assert session.legs.get(position=1).reason == "Uno de tus dos senadores"
