"""Counters that make the live dashboard cheap: rollups updated in the same transaction as each contact.

Totals and the per-minute chart read a few hundred rows however many attempts were recorded.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    CALL_SESSION_STARTED = "call_session_started", _("Call sessions started")
    SUPPORTER_CONNECTED = "supporter_connected", _("Supporters connected")
    CALL_CONNECTED = "call_connected", _("Calls connected to targets")
    CALL_ATTEMPTED = "call_attempted", _("Calls dialed to targets")
    CALL_BUSY = "call_busy", _("Busy")
    CALL_NO_ANSWER = "call_no_answer", _("No answer")
    CALL_FAILED = "call_failed", _("Failed")
    CALL_SKIPPED = "call_skipped", _("Skipped")
    TALK_SECONDS = "talk_seconds", _("Talk seconds")
    EMAIL_SENT = "email_sent", _("Emails sent")
    EMAIL_DELIVERED = "email_delivered", _("Emails delivered")
    EMAIL_BOUNCED = "email_bounced", _("Emails bounced")
    WEBFORM_REPORTED = "webform_reported", _("Web forms marked sent")
    CWC_DELIVERED = "cwc_delivered", _("Delivered via CWC")
    WEBFORM_OPENED = "webform_opened", _("Web forms opened")
    UNIQUE_SUPPORTERS = "unique_supporters", _("Unique supporters")
    OUTCOME_REPORTED = "outcome_reported", _("Outcomes reported")
    OUTCOME_SPOKE_TO_STAFF = "outcome_spoke_to_staff", _("Spoke to staff")
    OUTCOME_LEFT_VOICEMAIL = "outcome_left_voicemail", _("Left voicemail")
    OUTCOME_LINE_BUSY = "outcome_line_busy", _("Line busy")
    OUTCOME_NO_ANSWER = "outcome_no_answer", _("No answer")
    OUTCOME_OTHER = "outcome_other", _("Other outcome")
    EMAIL_ACTION_SUBMITTED = "email_action_submitted", _("Email actions submitted")  # PartnerCount only


class Counter(models.Model):
    """One metric's running total for a campaign, per minute, target or place (advocacy/dashboard/counters.py)."""

    # No index of its own: the unique key starts with the campaign (an index written for nothing on every new row).
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+", db_index=False)
    metric = models.CharField(max_length=32)
    value = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class MinuteCount(Counter):
    minute = models.DateTimeField()  # truncated to the minute, UTC

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "minute", "metric"], name="unique_minute_count"),
        ]


class TargetCount(Counter):
    target = models.ForeignKey("targets.Target", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "target", "metric"], name="unique_target_count"),
        ]


class PlaceCount(Counter):
    state = models.CharField(max_length=2)
    district = models.SmallIntegerField(default=-1)  # -1 = statewide / unknown district

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "state", "district", "metric"], name="unique_place_count"),
        ]


class PartnerCount(Counter):
    """Per partner code, the metrics the partner breakdown shows (PARTNER_METRICS in counters.py), written only for
    contacts that came with a partner code; the "no partner" share is the campaign's totals minus these."""

    partner_code = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "partner_code", "metric"], name="unique_partner_count"),
        ]


class CampaignSupporter(models.Model):
    """One row per distinct supporter per campaign; its insertion is what counts a unique supporter."""

    # No index of its own: the unique key starts with the campaign (an index written for nothing on every new row).
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+", db_index=False)
    supporter_key = models.CharField(max_length=64)  # keyed hash (advocacy.privacy.identity) of the phone or email
    first_seen = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "supporter_key"], name="unique_campaign_supporter"),
        ]
