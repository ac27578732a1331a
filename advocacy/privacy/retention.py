"""The retention policy, applied: what we keep about supporters, and for how long (README, "Privacy").

- IP addresses: dropped from a call or email action once it is complete, and from an event once an organizer
  decided on it (rate limits keep only hashes).
- Phone numbers and emails: replaced by their keyed hash PRIVACY_RETENTION_DAYS after the call or the
  last delivery is final; the hash still counts the supporter once and still meets the rate limits.
- Names and personal notes of email actions: dropped with the email.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from advocacy.calls.models import CallSession
from advocacy.emails.models import EmailAction, EmailDelivery, Supporter
from advocacy.events.models import Event
from advocacy.privacy.identity import PREFIX, identity_key

CALL_FINAL = ("completed", "busy", "no_answer", "failed", "canceled")
DELIVERY_PENDING = (EmailDelivery.Status.WAITING, EmailDelivery.Status.QUEUED)
BATCH = 500


@dataclass
class Forgotten:
    calls: int = 0
    email_actions: int = 0
    supporters: int = 0
    ips: int = 0


def _completed_emails():
    pending = EmailDelivery.objects.filter(action=OuterRef("pk"), status__in=DELIVERY_PENDING)
    return EmailAction.objects.exclude(status=EmailAction.Status.PENDING_CONFIRMATION).exclude(Exists(pending))


def _in_batches(step, queryset) -> int:
    total = 0
    while True:
        done = step(queryset)
        total += done
        if done < BATCH:
            return total


def _hash_calls(queryset) -> int:
    done = 0
    for session in queryset.exclude(phone__startswith=PREFIX).only("pk", "phone")[:BATCH]:
        done += CallSession.objects.filter(pk=session.pk, phone=session.phone).update(
            phone=identity_key(session.phone), ip_address=None, first_name="")
    return done


def _hash_email_actions(queryset) -> int:
    done = 0
    for action in queryset.exclude(email__startswith=PREFIX).only("pk", "email")[:BATCH]:
        with transaction.atomic():
            hashed = identity_key(action.email)
            done += EmailAction.objects.filter(pk=action.pk, email=action.email).update(
                email=hashed, name="", personal_note="", ip_address=None)
            for delivery in EmailDelivery.objects.filter(action_id=action.pk, body__icontains=action.email):
                delivery.body = delivery.body.replace(action.email, "[email erased]")
                delivery.save(update_fields=["body"])
    return done


def hash_supporters() -> int:
    """A remembered address goes once no action of theirs still holds it in clear."""
    in_clear = EmailAction.objects.filter(supporter=OuterRef("pk")).exclude(email__startswith=PREFIX)
    return _in_batches(_hash_supporters, Supporter.objects.exclude(email__startswith=PREFIX).exclude(Exists(in_clear)))


def _hash_supporters(queryset) -> int:
    done = 0
    for supporter in queryset.only("pk", "email")[:BATCH]:
        hashed = identity_key(supporter.email)
        if Supporter.objects.filter(email=hashed).exists():  # forgotten before: merge into that row
            EmailAction.objects.filter(supporter=supporter).update(supporter=Supporter.objects.get(email=hashed))
            supporter.delete()
        else:
            Supporter.objects.filter(pk=supporter.pk).update(email=hashed, name="")
        done += 1
    return done


def drop_ips() -> int:
    calls = CallSession.objects.filter(status__in=CALL_FINAL, ip_address__isnull=False).update(ip_address=None)
    emails = _completed_emails().filter(ip_address__isnull=False).update(ip_address=None)
    hosts = Event.objects.exclude(status=Event.Status.PENDING).filter(host_ip__isnull=False).update(host_ip=None)
    return calls + emails + hosts


def apply_retention(*, now=None) -> Forgotten:
    """One pass of the policy; safe to run any time, as often as wanted (beat runs it hourly)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PRIVACY_RETENTION_DAYS)
    calls = CallSession.objects.filter(status__in=CALL_FINAL).annotate(
        final_at=Coalesce("ended_at", "created_at")).filter(final_at__lt=cutoff)
    last_sent = Coalesce("confirmed_at", "created_at")
    emails = _completed_emails().annotate(final_at=last_sent).filter(final_at__lt=cutoff).exclude(
        Exists(EmailDelivery.objects.filter(action=OuterRef("pk"), sent_at__gte=cutoff)))
    result = Forgotten(ips=drop_ips(), calls=_in_batches(_hash_calls, calls),
                       email_actions=_in_batches(_hash_email_actions, emails))
    result.supporters = hash_supporters()
    return result


def forget_supporter(*, phone: str = "", email: str = "") -> Forgotten:
    """A deletion request: hash every row with this phone or email now, whatever its age. Messages still
    waiting for confirmation are canceled; dashboard counts are unaffected."""
    result = Forgotten()
    if phone:
        result.calls = CallSession.objects.filter(phone=phone).update(phone=identity_key(phone), ip_address=None,
                                                                            first_name="")
    if email:
        actions = EmailAction.objects.filter(email__iexact=email.strip())
        EmailDelivery.objects.filter(action__in=actions, status=EmailDelivery.Status.WAITING).update(
            status=EmailDelivery.Status.CANCELED)
        actions.filter(status=EmailAction.Status.PENDING_CONFIRMATION).update(status=EmailAction.Status.EXPIRED)
        result.email_actions = _in_batches(_hash_email_actions, actions)
        result.supporters = hash_supporters()
    return result
