"""The action page's email form when something is wrong: the supporter is told why, and what they wrote is
still there to fix and send again. Nothing is recorded."""

import pytest

from advocacy.emails.models import EmailAction

pytestmark = pytest.mark.django_db

NOTE = "My cousin was held for 9 months in Elizabeth, NJ."


def post_form(client, campaign, **fields):
    data = {"name": "Ana Ruiz", "email": "ana@example.org", "zip": "10002", "city": "New York",
            "personal_note": NOTE, **fields}
    return client.post(f"/c/{campaign.slug}/email/", data)


def test_an_invalid_email_shows_the_form_again_with_what_was_typed(client, email_campaign):
    response = post_form(client, email_campaign, email="ana-at-example")
    page = response.content.decode()

    assert response.status_code == 400
    assert "Enter a valid email address." in page
    assert f">{NOTE}</textarea>" in page
    assert 'value="Ana Ruiz"' in page and 'value="ana-at-example"' in page and 'value="10002"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert not EmailAction.objects.exists()


def test_an_unknown_zip_keeps_the_note_and_lets_the_supporter_fix_the_zip(client, email_campaign):
    response = post_form(client, email_campaign, zip="99999")
    page = response.content.decode()

    assert response.status_code == 400
    assert 'id="email-zip" name="zip"' in page and 'value="99999"' in page
    assert f">{NOTE}</textarea>" in page
    assert not EmailAction.objects.exists()


def test_typed_markup_is_escaped_when_shown_again(client, email_campaign):
    page = post_form(client, email_campaign, email="bad", personal_note="</textarea><script>x()</script>",
                     name='"><b>Ana').content.decode()

    assert "<script>x()</script>" not in page and "&lt;/textarea&gt;&lt;script&gt;" in page
    assert 'value="&quot;&gt;&lt;b&gt;Ana"' in page


def test_a_rate_limited_supporter_gets_429_with_retry_after_and_keeps_the_note(client, email_campaign, settings):
    settings.EMAILS_PER_ADDRESS_PER_HOUR = 1
    assert post_form(client, email_campaign).status_code == 302

    response = post_form(client, email_campaign)

    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert f">{NOTE}</textarea>" in response.content.decode()
    assert EmailAction.objects.count() == 1


def test_a_closed_campaign_answers_409(client, email_campaign):
    email_campaign.window_end = email_campaign.window_start
    email_campaign.save()

    response = post_form(client, email_campaign)

    assert response.status_code == 409 and "not open" in response.content.decode()
    assert not EmailAction.objects.exists()


def test_a_bot_filling_the_hidden_field_records_nothing(client, email_campaign):
    response = post_form(client, email_campaign, website="http://spam.example")

    assert response.status_code == 400
    assert "Your message could not be sent." in response.content.decode()
    assert not EmailAction.objects.exists()
