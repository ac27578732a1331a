"""Double opt-in proves the mailbox: only the secret in the confirmation email confirms, and only a real
confirmation sets the "remember me" cookie, for that address."""

import pytest
from django.core import mail

from advocacy.emails.confirmation import REMEMBER_COOKIE
from advocacy.emails.models import EmailAction
from tests.emails.conftest import GOLDMAN_EMAIL, outbox_confirm_path, submit

pytestmark = pytest.mark.django_db

STRANGER = "stranger@example.org"


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


def submit_as_stranger(client, campaign, capture):
    with capture(execute=True):
        response = submit(client, campaign, email=STRANGER)
    assert response.status_code == 202
    return response


def test_the_action_id_and_the_page_token_do_not_confirm(client, email_campaign, django_capture_on_commit_callbacks):
    response = submit_as_stranger(client, email_campaign, django_capture_on_commit_callbacks)
    action_id = response.json()["action_id"]
    page_token = EmailAction.objects.get().token

    for guess in {action_id, page_token}:
        with django_capture_on_commit_callbacks(execute=True):
            attempt = client.post(f"/emails/confirm/{guess}/")
        assert attempt.status_code == 404
        assert REMEMBER_COOKIE not in attempt.cookies

    assert EmailAction.objects.get().status == "pending_confirmation"
    assert not [m for m in mail.outbox if m.to == [GOLDMAN_EMAIL]]  # no office heard from the "stranger"


def test_the_secret_is_only_in_the_email(client, email_campaign, django_capture_on_commit_callbacks):
    response = submit_as_stranger(client, email_campaign, django_capture_on_commit_callbacks)
    secret = outbox_confirm_path(STRANGER).split("/")[-2]
    action = EmailAction.objects.get()

    assert secret not in response.content.decode()
    assert secret not in client.get(f"/emails/a/{action.token}/").content.decode()
    assert secret not in str(EmailAction.objects.values().get())  # stored hashed, never as is
    assert action.confirm_secret_hash and action.confirm_secret_hash != secret


@pytest.fixture
def no_repeat_window(settings):
    """Each submission here is a new action (within the repeat window the same address gets its last one)."""
    settings.EMAIL_DUPLICATE_WINDOW_SECONDS = 0


@pytest.mark.usefixtures("no_repeat_window")
def test_a_real_confirmation_sets_a_cookie_bound_to_that_address(client, email_campaign,
                                                                 django_capture_on_commit_callbacks):
    submit_as_stranger(client, email_campaign, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(outbox_confirm_path(STRANGER))
    assert confirmed.status_code == 302 and REMEMBER_COOKIE in confirmed.cookies
    assert [m.to for m in mail.outbox].count([GOLDMAN_EMAIL]) == 1

    # The same browser, another address: the cookie names the confirmed one only, so this one must confirm.
    with django_capture_on_commit_callbacks(execute=True):
        form_submit(client, email_campaign, "someone.else@example.org")
    assert EmailAction.objects.latest("id").status == "pending_confirmation"
    # And the confirmed address, from this browser, goes straight out.
    with django_capture_on_commit_callbacks(execute=True):
        form_submit(client, email_campaign, STRANGER)
    assert EmailAction.objects.latest("id").status == "confirmed"


def form_submit(client, campaign, email):
    return client.post(f"/c/{campaign.slug}/email/", {"name": "Ana Ruiz", "email": email, "zip": "10002"})


@pytest.mark.usefixtures("no_repeat_window")
def test_a_forged_cookie_does_not_skip_confirmation(client, email_campaign, django_capture_on_commit_callbacks):
    submit_as_stranger(client, email_campaign, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(outbox_confirm_path(STRANGER))  # the real owner confirmed once, in their own browser
    client.cookies.clear()
    client.cookies[REMEMBER_COOKIE] = STRANGER  # an attacker writes the address in a cookie of their own
    with django_capture_on_commit_callbacks(execute=True):
        form_submit(client, email_campaign, STRANGER)
    assert EmailAction.objects.latest("id").status == "pending_confirmation"


def test_a_confirmation_sent_again_carries_a_link_that_works_and_so_does_the_first(email_campaign):
    """An attempt can send the email and then lose its transaction (a database restart): the retry's email and
    the first one must both confirm."""
    from advocacy.emails import confirmation
    from advocacy.emails.models import Supporter

    supporter = Supporter.objects.create(email="ana@example.org", name="Ana")
    action = EmailAction.objects.create(campaign=email_campaign, supporter=supporter, email="ana@example.org",
                                        name="Ana", zip_code="10002")
    first = confirmation.issue_secret(action)
    EmailAction.objects.filter(pk=action.pk).update(confirm_secret_hash="")  # the first transaction was lost
    again = confirmation.issue_secret(EmailAction.objects.get(pk=action.pk))

    assert first == again and confirmation.action_for_secret(first).pk == action.pk
    other = EmailAction.objects.create(campaign=email_campaign, supporter=supporter, email="ana@example.org",
                                       name="Ana", zip_code="10002")
    assert confirmation.issue_secret(other) != first
