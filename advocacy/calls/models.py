"""Patch-through calls: one session per supporter call, one leg per target dialed (or skipped).

Call state lives here, not in webhook URLs: a URL carries only the session's UUID (and a leg's id,
checked against the session), so a replayed or edited URL cannot change whom we dial.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from advocacy.campaigns.models import Campaign
from targets.models import Target


class CallSession(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled for later")
        QUEUED = "queued", _("Queued")
        PLACING = "placing", _("Placing the call")
        RINGING = "ringing", _("Ringing")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        BUSY = "busy", _("Busy")
        NO_ANSWER = "no_answer", _("No answer")
        FAILED = "failed", _("Failed")
        CANCELED = "canceled", _("Canceled")

    class Direction(models.TextChoices):
        OUTBOUND = "outbound", _("We called the supporter")
        INBOUND = "inbound", _("The supporter called in")

    LIVE = (Status.PLACING, Status.RINGING, Status.IN_PROGRESS)
    FINAL = (Status.COMPLETED, Status.BUSY, Status.NO_ANSWER, Status.FAILED, Status.CANCELED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # No index of its own: the indexes below start with the campaign (one written for nothing on every new call).
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="call_sessions", db_index=False)
    phone = models.CharField(max_length=64)  # E.164; a keyed hash once its retention ends (advocacy.privacy)
    zip_code = models.CharField(max_length=5, blank=True)
    state = models.CharField(max_length=2, blank=True)
    district = models.SmallIntegerField(null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    language = models.CharField(max_length=5, default="en")
    first_name = models.CharField(max_length=40, blank=True)  # optional: "my name is Ana"; erased with the phone
    direction = models.CharField(max_length=8, choices=Direction.choices, default=Direction.OUTBOUND)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    is_preview = models.BooleanField(default=False)
    supporter_connected = models.BooleanField(default=False)
    twilio_sid = models.CharField(max_length=64, blank=True, db_index=True)
    answered_by = models.CharField(max_length=24, blank=True)  # Twilio's AnsweredBy, when detection was asked
    step = models.PositiveSmallIntegerField(default=0)  # how many times the call advanced to a next office
    place_attempts = models.PositiveSmallIntegerField(default=0)
    # The one run of place_call allowed to place this call, until when (renewed just before it asks Twilio).
    placing_token = models.CharField(max_length=32, blank=True)
    placing_lease_until = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True)  # a partner's Idempotency-Key header
    requeued_at = models.DateTimeField(null=True, blank=True)  # when the reconciler re-sent a lost place_call
    # Pacing (advocacy/calls/pacing.py): the moment reserved for placing this call, and the Twilio account of
    # TWILIO_ACCOUNTS whose pace it was reserved from (its webhooks are signed with that account's token).
    slot_at = models.DateTimeField(null=True, blank=True)
    twilio_account = models.CharField(max_length=64, blank=True)
    # A call-back the supporter asked for (advocacy/calls/callbacks.py): status `scheduled` until then.
    scheduled_for = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    transcript = models.TextField(blank=True)  # what the built-in simulator heard, for previews
    # The partner whose page or API key brought the supporter ("" when none): ?ref=, data-ref, or an API key.
    partner_code = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    placed_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "status"]),
            models.Index(fields=["phone", "created_at"]),
            models.Index(fields=["campaign", "idempotency_key"]),
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["campaign", "partner_code"], name="calls_session_partner_idx"),
            # The dashboard's call queue: waits of the sessions placed in the last minutes (no sequential scan).
            models.Index(fields=["campaign", "placed_at"], name="calls_session_placed_idx"),
            models.Index(fields=["status", "scheduled_for"], name="calls_session_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign.slug} call {self.id}"


class CallLeg(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DIALING = "dialing", _("Dialing")
        COMPLETED = "completed", _("Completed")
        BUSY = "busy", _("Busy")
        NO_ANSWER = "no_answer", _("No answer")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    class Outcome(models.TextChoices):
        SPOKE_TO_STAFF = "spoke_to_staff", _("Spoke to staff")
        LEFT_VOICEMAIL = "left_voicemail", _("Left a voicemail")
        LINE_BUSY = "line_busy", _("Line busy")
        NO_ANSWER = "no_answer", _("No answer")
        OTHER = "other", _("Something else")

    session = models.ForeignKey(CallSession, on_delete=models.CASCADE, related_name="legs")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+", db_index=False)  # see Meta
    position = models.PositiveSmallIntegerField()
    is_district_office = models.BooleanField(default=False)
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    template_kind = models.CharField(max_length=16, blank=True)
    vacant_seat = models.CharField(max_length=8, blank=True)  # "CA-14" when the House seat is empty
    reason = models.CharField(max_length=200, blank=True)  # why this office, in the session's language
    number_dialed = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    skip_reason = models.CharField(max_length=100, blank=True)
    duration_seconds = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    dial_sid = models.CharField(max_length=64, blank=True)
    step = models.PositiveSmallIntegerField(null=True, blank=True)  # the session step that began this leg
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "is_district_office", "id"]
        indexes = [models.Index(fields=["campaign", "created_at"])]

    def __str__(self) -> str:
        return f"{self.session_id} #{self.position} {self.target or self.vacant_seat}"


class PacingSlot(models.Model):
    """The next free moment to place an outbound call, per Twilio account; shared by every worker."""

    key = models.CharField(max_length=64, primary_key=True)
    next_at = models.FloatField(default=0.0)  # unix time
