"""Idempotent writes: create what is new, update what changed, leave the rest untouched, count each."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    deleted: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def skip(self, where: str, exc: Exception) -> None:
        """A bad row is reported with where it is and skipped; the rest of the source still loads."""
        self.skipped += 1
        self.notes.append(f"{where}: skipped ({type(exc).__name__}: {exc})")

    def __str__(self) -> str:
        text = (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.retired} retired, {self.deleted} removed, {self.skipped} bad rows skipped")
        return text + "".join(f"\n    note: {note}" for note in self.notes)


def upsert(model: type[models.Model], lookup: dict, values: dict, counts: Counts) -> models.Model:
    row = model.objects.filter(**lookup).first()
    if row is None:
        row = model.objects.create(**lookup, **values)
        counts.created += 1
        return row
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed + (["updated_at"] if hasattr(row, "updated_at") else []))
        counts.updated += 1
    else:
        counts.unchanged += 1
    return row


def replace_set(model: type[models.Model], *, key_fields: tuple[str, ...], value_fields: tuple[str, ...],
                wanted: dict[tuple, tuple], counts: Counts, scope: dict | None = None) -> None:
    """Make the rows of `model` within `scope` exactly `wanted` (key tuple -> value tuple), in few queries."""
    scope = scope or {}
    existing = {
        row[: len(key_fields)]: (row[len(key_fields):], row[-1])
        for row in model.objects.filter(**scope).values_list(*key_fields, *value_fields, "pk")
    }
    stale = [pk for key, (_, pk) in existing.items() if key not in wanted]
    for start in range(0, len(stale), 2000):
        model.objects.filter(pk__in=stale[start:start + 2000]).delete()
    counts.deleted += len(stale)
    changed = []
    for key, values in wanted.items():
        if key in existing:
            old_values, pk = existing[key]
            if tuple(old_values[: len(value_fields)]) != tuple(values):
                changed.append(model(pk=pk, **scope, **dict(zip(key_fields, key, strict=True)),
                                     **dict(zip(value_fields, values, strict=True))))
            else:
                counts.unchanged += 1
    if changed and value_fields:
        model.objects.bulk_update(changed, list(value_fields), batch_size=2000)
    counts.updated += len(changed)
    new = [model(**scope, **dict(zip(key_fields, key, strict=True)), **dict(zip(value_fields, values, strict=True)))
           for key, values in wanted.items() if key not in existing]
    model.objects.bulk_create(new, batch_size=2000)
    counts.created += len(new)
