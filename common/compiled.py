"""Hot reads whose SQL Django compiles once per process instead of on every request.

Compiling a queryset (joins, select_related columns, subqueries, ordering) costs a Twilio webhook more CPU than the
database does. A `CompiledRead` builds its queryset once, with placeholder arguments, keeps the SQL and the
compiler's row layout, and on each call runs that SQL with the real arguments, turning rows into model instances
the way Django's own ModelIterable does (converters, select_related objects, annotations).

Only for fixed shapes: every parameter other than the arguments must be a constant (a time is passed in as an
argument, never read with `timezone.now()` inside the shape). Each argument is compiled as a placeholder of its
kind that real data never holds, and found again among the compiled parameters by its value; a shape in which an
argument's placeholder is not found is refused when it is first compiled.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.query import FlatValuesListIterable, ModelIterable, get_related_populators

UUID_PLACEHOLDER = uuid.UUID("0c0ffee0-dead-4bad-8bad-0c0ffee0dead")
INT_PLACEHOLDERS = (-731_902_117, -731_902_118, -731_902_119)
STR_PLACEHOLDERS = ("\x1fcompiled-0\x1f", "\x1fcompiled-1\x1f", "\x1fcompiled-2\x1f")
IP_PLACEHOLDERS = ("192.0.2.251", "192.0.2.252")


class IPAddress(str):
    """The kind of an argument compared with a GenericIPAddressField (PostgreSQL takes it as inet, not text)."""


DATETIME_PLACEHOLDERS = tuple(dt.datetime(1901, 2, 3, 4, 5, 6, n, tzinfo=dt.UTC) for n in range(11, 19))


@dataclass
class _Shape:
    sql: str
    params: list
    slots: list[tuple[int, int, Callable]]  # (parameter position, argument index, how the database spells it)
    compiler: object
    converters: dict
    iterable: type
    init_list: list[str]
    fields: slice
    populators: list
    annotations: dict


class CompiledRead:
    """`CompiledRead(lambda session_id: CallSession.objects.filter(pk=session_id), uuid.UUID)`, then
    `read(session_id)` → a list of instances (or of tuples, or values, for a values_list() shape).

    Each argument's kind is uuid.UUID, int, str, IPAddress or datetime.datetime (at most eight datetimes, three
    ints or strings, two addresses)."""

    def __init__(self, build: Callable[..., QuerySet], *kinds: type):
        self.build, self.kinds = build, kinds
        self._shapes: dict[str, _Shape] = {}

    def placeholders(self) -> list:
        pools = {uuid.UUID: iter([UUID_PLACEHOLDER]), int: iter(INT_PLACEHOLDERS), str: iter(STR_PLACEHOLDERS),
                 dt.datetime: iter(DATETIME_PLACEHOLDERS), IPAddress: iter(IP_PLACEHOLDERS)}
        return [next(pools[kind]) for kind in self.kinds]

    def _slots(self, params, placeholders, alias) -> list[tuple[int, int, Callable]]:
        ops = connections[alias].ops
        spellings = []  # per argument: (the placeholder as the compiled parameters spell it, how to spell a value)
        for placeholder in placeholders:
            if isinstance(placeholder, uuid.UUID):
                spellings.append({placeholder: _same, placeholder.hex: _hex})
            elif isinstance(placeholder, dt.datetime):
                spellings.append({placeholder: _same, ops.adapt_datetimefield_value(placeholder):
                                  ops.adapt_datetimefield_value})
            elif placeholder in IP_PLACEHOLDERS:
                spellings.append({ops.adapt_ipaddressfield_value(placeholder): ops.adapt_ipaddressfield_value})
            else:
                spellings.append({placeholder: _same})
        slots = [(position, index, spell) for position, value in enumerate(params)
                 for index, spelled in enumerate(spellings) for form, spell in spelled.items()
                 if type(value) is type(form) and value == form]
        if {index for _p, index, _s in slots} != set(range(len(placeholders))):
            raise ValueError(f"an argument of {self.build} does not appear in its compiled parameters")
        return slots

    def _compile(self, alias: str) -> _Shape:
        placeholders = self.placeholders()
        queryset = self.build(*placeholders)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        shape = _Shape(sql=sql, params=list(params), slots=self._slots(params, placeholders, alias),
                       compiler=compiler, iterable=queryset._iterable_class, init_list=[], fields=slice(0, 0),
                       converters=compiler.get_converters([col for col, _sql, _alias in compiler.select]),
                       populators=[], annotations=dict(compiler.annotation_col_map or {}))
        if shape.iterable is ModelIterable:
            info = compiler.klass_info
            start, end = info["select_fields"][0], info["select_fields"][-1] + 1
            shape.fields = slice(start, end)
            shape.init_list = [col[0].target.attname for col in compiler.select[start:end]]
            shape.populators = get_related_populators(info, compiler.select, alias)
        else:
            shape.fields = slice(0, compiler.col_count)
        return shape

    def __call__(self, *args) -> list:
        alias = DEFAULT_DB_ALIAS  # the project has one database
        shape = self._shapes.get(alias)
        if shape is None:
            shape = self._shapes[alias] = self._compile(alias)
        params = list(shape.params)
        for position, index, spell in shape.slots:
            params[position] = spell(_coerce(args[index], self.kinds[index]))
        with connections[alias].cursor() as cursor:
            cursor.execute(shape.sql, params)
            rows = cursor.fetchall()
        if shape.converters:
            rows = shape.compiler.apply_converters(rows, shape.converters)
        if shape.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if shape.iterable is not ModelIterable:
            return [tuple(row[shape.fields]) for row in rows]
        return _instances(shape, rows, alias)


def _instances(shape: _Shape, rows, alias: str) -> list:
    model = shape.compiler.klass_info["model"]
    objects = []
    for row in rows:
        obj = model.from_db(alias, shape.init_list, row[shape.fields])
        for populator in shape.populators:
            populator.populate(row, obj)
        for name, column in shape.annotations.items():
            setattr(obj, name, row[column])
        objects.append(obj)
    return objects


def _same(value):
    return value


def _hex(value: uuid.UUID) -> str:
    return value.hex


def _coerce(value, kind: type):
    if kind is uuid.UUID and not isinstance(value, uuid.UUID):
        return uuid.UUID(str(value))
    if kind is int:
        return int(value)
    return str(value) if kind in (str, IPAddress) else value
