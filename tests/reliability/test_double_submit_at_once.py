"""Two identical submissions at the same instant (a double click) on PostgreSQL: one action, one of each email."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from advocacy.emails.models import EmailAction, EmailDelivery, Supporter

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_pairs_record_one_action_each(email_campaign, settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises every writer anyway")
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    pairs = 6
    answers: list[str] = []
    for n in range(pairs):  # returning supporters: no unique insert to serialise the pair, only our row lock
        Supporter.objects.create(email=f"ana{n}@example.org", name="Ana")

    def post(email: str, barrier: threading.Barrier) -> None:
        client = Client()
        barrier.wait()
        response = client.post(f"/api/v1/campaigns/{email_campaign.slug}/emails",
                               {"name": "Ana", "email": email, "zip": "10002"}, content_type="application/json")
        answers.append(response.json()["action_id"])
        connection.close()  # this thread's own connection

    for n in range(pairs):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=post, args=(f"ana{n}@example.org", barrier)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    print(f"\ndouble submits: {pairs} pairs, {EmailAction.objects.count()} actions")
    assert len(answers) == 2 * pairs and len(set(answers)) == pairs
    assert EmailAction.objects.count() == pairs
    per_action = EmailDelivery.objects.filter(action__email="ana0@example.org").count()
    assert EmailDelivery.objects.count() == pairs * per_action
