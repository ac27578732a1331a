"""record_contact: the one way calls, emails and web-form reports add to the dashboard's numbers.

Call it inside the transaction that records the attempt, so a count and its row commit together.
Each counter is one statement, `INSERT … ON CONFLICT (key) DO UPDATE SET value = value + n` (PostgreSQL and
SQLite alike): atomic under many concurrent workers, whether or not the row exists yet. On PostgreSQL all of one
contact's counters go in one round trip (data-modifying CTEs), with the step's own writes inside
`common.writes.writes_together()`; an update-then-insert took one to four each.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection, models
from django.utils import timezone

from advocacy.dashboard.models import CampaignSupporter, Metric, MinuteCount, PartnerCount, PlaceCount, TargetCount
from advocacy.privacy.identity import identity_key
from common.writes import run_writes

_UPSERTS: dict[tuple, tuple[str, list]] = {}


def _upsert(model: type[models.Model], amount: int, key: dict) -> tuple[str, list]:
    """`value += amount` on the row with this key, creating it at `amount` when it does not exist (the statement
    is built once per counter and key, and kept for the process)."""
    shape = (model, *key)
    if shape not in _UPSERTS:
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        fields = [model._meta.get_field(name) for name in key]
        columns = ", ".join(quote(field.column) for field in fields)
        _UPSERTS[shape] = (f"INSERT INTO {table} ({columns}, {quote('value')}) "
                           f"VALUES ({', '.join(['%s'] * (len(fields) + 1))}) ON CONFLICT ({columns}) "
                           f"DO UPDATE SET {quote('value')} = {table}.{quote('value')} + EXCLUDED.{quote('value')}",
                           fields)
    sql, fields = _UPSERTS[shape]
    return sql, [*(field.get_db_prep_value(key[field.name], connection) for field in fields), amount]


def _increment_all(amount: int, rows: list[tuple[type[models.Model], dict]]) -> None:
    """Every counter in one round trip on PostgreSQL (data-modifying CTEs all run), one statement each elsewhere;
    inside `writes_together()`, with the block's other writes (common/writes.py)."""
    run_writes([_upsert(model, amount, key) for model, key in rows], summing=True)


# What the partner breakdown shows per partner (advocacy/partners/selectors.py); other metrics are not split by partner.
PARTNER_METRICS = (Metric.CALL_SESSION_STARTED, Metric.CALL_CONNECTED, Metric.EMAIL_ACTION_SUBMITTED,
                   Metric.EMAIL_SENT, Metric.CWC_DELIVERED, Metric.WEBFORM_REPORTED)


def record_contact(
    *,
    campaign_id: int,
    metric: str,
    amount: int = 1,
    at: datetime | None = None,
    target_id: int | None = None,
    state: str = "",
    district: int | None = None,
    partner_code: str = "",
) -> None:
    """Add `amount` to `metric` for the campaign's minute, and for the target, place and partner when given (the
    partner's counter only for PARTNER_METRICS: contacts without a partner code write nothing more)."""
    metric = Metric(metric).value
    at = at or timezone.now()
    rows = [(MinuteCount, {"campaign": campaign_id, "minute": at.replace(second=0, microsecond=0), "metric": metric})]
    if target_id is not None:
        rows.append((TargetCount, {"campaign": campaign_id, "target": target_id, "metric": metric}))
    if state:
        rows.append((PlaceCount, {"campaign": campaign_id, "state": state,
                                  "district": -1 if district is None else district, "metric": metric}))
    if partner_code and metric in PARTNER_METRICS:
        rows.append((PartnerCount, {"campaign": campaign_id, "partner_code": partner_code, "metric": metric}))
    _increment_all(amount, rows)


def record_partner_action(*, campaign_id: int, partner_code: str) -> None:
    """An email action submitted through a partner: counted for the partner alone (the campaign keeps no such
    total), in the transaction that records the action. Nothing for actions without a partner code."""
    if partner_code:
        _increment_all(1, [(PartnerCount, {"campaign": campaign_id, "partner_code": partner_code,
                                           "metric": Metric.EMAIL_ACTION_SUBMITTED.value})])


def supporter_key(identity: str) -> str:
    """The same keyed hash the retention job leaves in place of a phone or email, so a supporter whose
    row was already hashed is still counted once."""
    return identity_key(identity)


def record_supporter(*, campaign_id: int, identity: str, at: datetime | None = None) -> bool:
    """Count a supporter (phone in E.164 or email) once per campaign. True when they are new.

    `INSERT … ON CONFLICT DO NOTHING RETURNING`: one statement tells whether this supporter is new, with no
    savepoint and no IntegrityError to recover from.
    """
    table = connection.ops.quote_name(CampaignSupporter._meta.db_table)
    first_seen = CampaignSupporter._meta.get_field("first_seen").get_db_prep_value(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} (campaign_id, supporter_key, first_seen) VALUES (%s, %s, %s) "
                       "ON CONFLICT (campaign_id, supporter_key) DO NOTHING RETURNING id",
                       [campaign_id, supporter_key(identity), first_seen])
        if cursor.fetchone() is None:
            return False
    record_contact(campaign_id=campaign_id, metric=Metric.UNIQUE_SUPPORTERS, at=at)
    return True
