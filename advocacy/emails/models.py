"""Templated emails: a supporter's submission (EmailAction) and one delivery row per target.

Every delivery is a row before it is an attempt. Rows wait in `waiting` until the supporter confirms
their address; the delivery task locks its row for the whole send, so a redelivered task waits for
the first and then finds the row sent.
"""

from __future__ import annotations

import secrets

from django.db import models

from advocacy.campaigns.models import Campaign
from advocacy.privacy.identity import mask_email
from targets.models import Target


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Supporter(models.Model):
    """An email address that has been confirmed once, so later sends from the same browser skip the step."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=100, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return mask_email(self.email)


class EmailAction(models.Model):
    class Status(models.TextChoices):
        PENDING_CONFIRMATION = "pending_confirmation", "Waiting for the supporter to confirm"
        CONFIRMED = "confirmed", "Confirmed"
        EXPIRED = "expired", "Expired unconfirmed"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="email_actions")
    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="actions")
    name = models.CharField(max_length=100)
    email = models.EmailField()
    zip_code = models.CharField(max_length=5)
    state = models.CharField(max_length=2, blank=True)
    district = models.SmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=5, default="en")
    personal_note = models.TextField(blank=True)
    # Needed only by CWC, which delivers to an office with the constituent's full postal address.
    prefix = models.CharField(max_length=10, blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=60, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.PENDING_CONFIRMATION)
    token = models.CharField(max_length=64, unique=True, default=new_token)  # public: the page and the API id
    confirm_secret_hash = models.CharField(max_length=64, blank=True, db_index=True)  # emails/confirmation.py
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    # The partner whose page or API key brought the supporter ("" when none): ?ref=, data-ref, or an API key.
    partner_code = models.CharField(max_length=40, blank=True, default="")
    # The reconciler re-sends a confirmation or receipt email that never went out once, and records when here.
    notice_requeued_at = models.DateTimeField(null=True, blank=True)
    # A partner's Idempotency-Key header: a retried POST with the same key returns this action.
    idempotency_key = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["email", "created_at"]),
                   models.Index(fields=["campaign", "partner_code"], name="emails_action_partner_idx")]
        constraints = [models.UniqueConstraint(fields=["campaign", "idempotency_key"],
                                               condition=~models.Q(idempotency_key=""),
                                               name="one_action_per_idempotency_key")]

    def __str__(self) -> str:
        return f"{self.campaign.slug}: {mask_email(self.email)}"


class EmailDelivery(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        WEBFORM = "webform", "The office's web form"
        CWC = "cwc", "Communicating with Congress (CWC)"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for confirmation"
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        BOUNCED = "bounced", "Bounced"
        COMPLAINED = "complained", "Marked as spam"
        FAILED = "failed", "Failed"
        TO_REPORT = "to_report", "Waiting for the supporter to use the form"
        FORM_OPENED = "form_opened", "Form opened"
        REPORTED = "reported", "Marked sent"
        CANCELED = "canceled", "Canceled"

    action = models.ForeignKey(EmailAction, on_delete=models.CASCADE, related_name="deliveries")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    address = models.CharField(max_length=500)  # the target's email address or form URL, from our data
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WAITING)
    message_id = models.CharField(max_length=200, unique=True)  # our Message-ID header
    provider_message_id = models.CharField(max_length=200, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    provider_response = models.TextField(blank=True)  # CWC's answer to an accepted message
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # When the row was last handed to a worker (confirmed, retried, re-enqueued by the reconciler): a `queued`
    # row untouched for EMAIL_STUCK_SECONDS is stuck.
    queued_at = models.DateTimeField(null=True, blank=True)
    event_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["campaign", "created_at"]), models.Index(fields=["status", "queued_at"])]
        constraints = [models.UniqueConstraint(fields=["action", "target"], name="one_delivery_per_target")]

    def __str__(self) -> str:
        return f"{self.action_id} → {self.target}"
