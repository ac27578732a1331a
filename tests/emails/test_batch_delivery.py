"""An action's messages go out in one task (advocacy/emails/sending.py), each still claimed and sent once: one
office's deferral or refusal never holds up another's. Real SMTP (aiosmtpd), the real tasks, run eagerly here."""

import pytest

from advocacy.emails import services
from advocacy.emails.models import EmailDelivery
from advocacy.emails.tasks import deliver_emails
from tests.emails.conftest import GOLDMAN_EMAIL, SCHUMER_EMAIL

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(email_campaign):
    """One confirmed action's two office messages, queued (the enqueue waits for a commit that never comes)."""
    email_campaign.require_email_confirmation = False
    email_campaign.save()
    services.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                 zip_code="10002", city="New York")
    return list(EmailDelivery.objects.filter(status="queued", channel="email").order_by("pk")
                .values_list("pk", flat=True))


def by_office(address):
    return EmailDelivery.objects.get(address=address)


def test_an_actions_messages_go_out_in_one_task_over_one_connection(smtp, queued):
    assert len(queued) == 2
    assert deliver_emails.apply(args=[queued]).get() == {"sent": 2, "nothing to do": 0, "failed": 0, "retrying": 0}
    assert smtp.connections == 1
    assert len(smtp.to(GOLDMAN_EMAIL)) == len(smtp.to(SCHUMER_EMAIL)) == 1
    assert {by_office(GOLDMAN_EMAIL).status, by_office(SCHUMER_EMAIL).status} == {"sent"}
    receipt = smtp.to("ana@example.org")  # the action settled: its receipt, from the same task
    assert len(receipt) == 1 and "Where each of your messages went" in receipt[0].get_payload(0).get_payload()


def test_the_same_task_run_again_sends_nothing_twice(smtp, queued):
    deliver_emails.apply(args=[queued]).get()
    assert deliver_emails.apply(args=[queued]).get()["nothing to do"] == 2
    assert len(smtp.messages) == 3  # two offices and the receipt, once each


def test_a_deferred_office_goes_on_to_its_own_retries_and_the_other_is_not_held_up(smtp, queued):
    smtp.refuse("RCPT", "451 4.7.1 Greylisted, try again later", times=1, to=GOLDMAN_EMAIL)
    outcomes = deliver_emails.apply(args=[queued]).get()
    assert (outcomes["sent"], outcomes["retrying"]) == (1, 1)
    goldman = by_office(GOLDMAN_EMAIL)
    # Eager, the hand-off to deliver_email runs at once: the deferral was its first attempt, the send its second.
    assert (goldman.status, goldman.attempts) == ("sent", 2) and "451" in goldman.last_error
    assert by_office(SCHUMER_EMAIL).attempts == 1
    assert len(smtp.to(GOLDMAN_EMAIL)) == len(smtp.to(SCHUMER_EMAIL)) == 1


def test_a_refused_office_is_marked_failed_and_the_other_is_sent(smtp, queued):
    smtp.refuse("RCPT", "550 5.1.1 No such mailbox", times=None, to=GOLDMAN_EMAIL)
    outcomes = deliver_emails.apply(args=[queued]).get()
    assert (outcomes["sent"], outcomes["failed"]) == (1, 1)
    goldman = by_office(GOLDMAN_EMAIL)
    assert (goldman.status, goldman.attempts) == ("failed", 1) and "550" in goldman.last_error
    assert by_office(SCHUMER_EMAIL).status == "sent" and not smtp.to(GOLDMAN_EMAIL)
