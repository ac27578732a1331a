"""Anymail's tracking webhooks (/anymail/<esp>/tracking/, authenticated as anymail requires) feed this."""

from __future__ import annotations

from anymail.signals import tracking
from django.dispatch import receiver

from advocacy.emails.tracking import apply_tracking_event


@receiver(tracking, dispatch_uid="advocacy.emails.tracking")
def on_tracking_event(sender, event, esp_name, **kwargs):
    if event.message_id:
        apply_tracking_event(message_id=event.message_id, event_type=event.event_type, at=event.timestamp)
