"""Local actions: hosted at an ICE field office or detention facility (or any address), or online."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advocacy.campaigns.models import TIME_ZONE_CHOICES, Campaign
from advocacy.events.names import clean_name

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
MAX_DAYS_AHEAD = 730  # events are dated within two years: far dates overflow time-zone arithmetic


def new_token() -> str:
    return secrets.token_urlsafe(24)


class IceLocation(models.Model):
    class Kind(models.TextChoices):
        FIELD_OFFICE = "field_office", "ICE field office"
        DETENTION = "detention", "Detention facility"

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    aor_code = models.CharField(max_length=3, blank=True)
    facility_type = models.CharField(max_length=40, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["state", "name"]

    def __str__(self) -> str:
        return f"{clean_name(self.name)} ({clean_name(self.city)}, {self.state})"

    @property
    def street_address(self) -> str:
        return ", ".join(p for p in (clean_name(self.address), clean_name(self.city),
                                     f"{self.state} {self.zip_code}".strip()) if p)


class Event(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=5000)
    host_name = models.CharField(max_length=100)
    host_email = models.EmailField()
    organization = models.CharField(max_length=200, blank=True)
    is_online = models.BooleanField(default=False)
    online_url = models.URLField(blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="America/New_York")
    ice_location = models.ForeignKey(IceLocation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    address = models.CharField(max_length=300, blank=True)
    zip_code = models.CharField(max_length=5, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: no limit")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    manage_token = models.CharField(max_length=64, unique=True, default=new_token)
    host_ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    received_email_sent_at = models.DateTimeField(null=True, blank=True)
    approval_email_sent_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=5, default="en", help_text="The host's language, for their emails")
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["campaign", "status", "starts_at"]),
                   models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        """The admin's form too: a date past the bound is a form error, not a 500 on every list page."""
        latest = timezone.now() + timedelta(days=MAX_DAYS_AHEAD)
        for name in ("starts_at", "ends_at"):
            value = getattr(self, name)
            if value is not None and not (EARLIEST <= value <= latest):
                raise ValidationError({name: "Pick a date within the next two years."})

    @property
    def place(self) -> str:
        if self.is_online:
            return "Online"
        if self.ice_location:
            return str(self.ice_location)
        return self.street_address

    @property
    def street_address(self) -> str:
        """Where to go, as a street address (an ICE site's own address unless the host gave another)."""
        if self.is_online:
            return ""
        address = clean_name(self.address) if self.address else ""
        if not address and self.ice_location:
            return self.ice_location.street_address
        if self.zip_code and self.zip_code not in address:
            address = f"{address} {self.zip_code}".strip()
        return address

    @property
    def full_place(self) -> str:
        """The place's name and street address on one line, for calendars and emails."""
        if self.ice_location and self.street_address:
            return f"{self.ice_location}, {self.street_address}"
        return self.place

    @property
    def rsvp_count(self) -> int:
        return self.rsvps.count()

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.rsvp_count >= self.capacity


class Rsvp(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    name = models.CharField(max_length=100)
    email = models.EmailField()
    zip_code = models.CharField(max_length=5, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=5, default="en")

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="one_rsvp_per_email")]

    def __str__(self) -> str:
        return f"{self.name} → {self.event}"


class AttendeeMessage(models.Model):
    """A note from the host to everyone who RSVPed, or the notice that the event is cancelled."""

    class Kind(models.TextChoices):
        MESSAGE = "message", "Message from the host"
        CANCELLED = "cancelled", "Cancellation"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendee_messages")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MESSAGE)
    body = models.TextField(max_length=5000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class AttendeeDelivery(models.Model):
    """One attendee's copy of an AttendeeMessage: a row before it is an attempt, sent once."""

    message = models.ForeignKey(AttendeeMessage, on_delete=models.CASCADE, related_name="deliveries")
    rsvp = models.ForeignKey(Rsvp, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "rsvp"], name="one_delivery_per_attendee")]
