"""Hot writes whose SQL is built once per process instead of compiled by Django on every request.

Companion of common/compiled.py (its reads): fixed UPDATEs by field names (`save_fields`, `update_where`), fixed
INSERTs (`insert_rows`, with `new_instance` to build the rows), and `writes_together()`, which sends the last writes
of a step (its row's update and its dashboard counters) in one round trip.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Field


def save_fields(obj, *names: str) -> None:
    """`obj.save(update_fields=names)` for the webhooks' hot writes, without Django compiling the UPDATE each time:
    one statement per model and field list, kept for the process. Only for models without save() overrides or
    save signals (none is sent); each field's pre_save still runs (auto_now). Inside `writes_together()` it is
    sent with the block's other writes."""
    meta = obj._meta
    run_writes([_update(type(obj), {name: meta.get_field(name).pre_save(obj, False) for name in names},
                        {meta.pk.name: obj.pk})])


_CONDITIONAL: dict[tuple, tuple[str, list, list]] = {}


def _update(model: type, values: dict, where: dict) -> tuple[str, list]:
    """The UPDATE of `values` on the rows matching `where` (exact matches on concrete fields), built once per model,
    field and condition names and kept for the process; each value is converted by its field."""
    key = (model, tuple(values), tuple(where))
    if key not in _CONDITIONAL:
        meta, quote = model._meta, connections[DEFAULT_DB_ALIAS].ops.quote_name
        sets, conditions = [meta.get_field(name) for name in values], [meta.get_field(name) for name in where]
        _CONDITIONAL[key] = (f"UPDATE {quote(meta.db_table)} SET "
                             + ", ".join(f"{quote(field.column)} = %s" for field in sets) + " WHERE "
                             + " AND ".join(f"{quote(field.column)} = %s" for field in conditions), sets, conditions)
    sql, sets, conditions = _CONDITIONAL[key]
    connection = connections[DEFAULT_DB_ALIAS]
    params = [field.get_db_prep_save(value, connection) for field, value in zip(sets, values.values(), strict=True)]
    params += [field.get_db_prep_value(value, connection) for field, value in zip(conditions, where.values(),
                                                                                    strict=True)]
    return sql, params


def update_where(model: type, values: dict, **where) -> int:
    """`model.objects.filter(**where).update(**values)` for the hot conditional writes, compiled once (`_update`).
    Runs at once, even inside `writes_together()`: it returns the number of rows changed."""
    sql, params = _update(model, values, where)
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


# -- several writes in one round trip ---------------------------------------------------------------------------
_PENDING: ContextVar[dict | None] = ContextVar("writes_together", default=None)


@contextmanager
def writes_together() -> Iterator[None]:
    """The writes that `save_fields` and `run_writes` make inside the block are sent when it ends: as one statement
    on PostgreSQL (data-modifying CTEs: `WITH w0 AS (UPDATE …), w1 AS (INSERT …) INSERT …`), one each elsewhere;
    on both, the same INSERT for several rows (two counters of one table) goes as one multi-row INSERT. For the end
    of a step's transaction: whatever the block reads runs before its writes, so read nothing there that they
    change. Nothing is sent if the block raises. Two increments of the same counter row in one block are summed
    (one statement may not touch a row twice). An inner block joins the outer one."""
    if _PENDING.get() is not None:
        yield
        return
    pending: dict = {}
    token = _PENDING.set(pending)
    try:
        yield
    finally:
        _PENDING.reset(token)
    _execute_together(connections[DEFAULT_DB_ALIAS], list(pending.values()))


def run_writes(statements: list[tuple[str, list]], *, summing: bool = False) -> None:
    """Run these writes now (as `writes_together` sends a block's); inside `writes_together()`, at the block's end.
    `summing`: each statement's last parameter is an amount added to a row whose key is the others, and the same
    statement for the same key is sent once with the amounts summed."""
    pending = _PENDING.get()
    if pending is None:
        _execute_together(connections[DEFAULT_DB_ALIAS], [list(statement) for statement in statements])
        return
    for sql, params in statements:
        key = (sql, *params[:-1]) if summing else object()
        if summing and key in pending:
            pending[key][1] = [*params[:-1], pending[key][1][-1] + params[-1]]
        else:
            pending[key] = [sql, list(params)]


def _execute_together(connection, statements: list) -> None:
    statements = _rows_together(statements)
    if not statements:
        return
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql" or len(statements) == 1:
            for sql, params in statements:
                cursor.execute(sql, params)
            return
        *first, (last_sql, last_params) = statements
        ctes = ", ".join(f"w{i} AS ({sql})" for i, (sql, _params) in enumerate(first))
        cursor.execute(f"WITH {ctes} {last_sql}", [p for _sql, params in first for p in params] + last_params)


def _rows_together(statements: list) -> list:
    """The same `INSERT … VALUES (…) …` for several rows as one multi-row INSERT, where the first of them was."""
    merged: dict[str, list] = {}
    for sql, params in statements:
        if sql.startswith("INSERT INTO ") and sql in merged:
            merged[sql][1].append(params)
        else:
            merged[sql if sql.startswith("INSERT INTO ") else object()] = [sql, [params]]
    together = []
    for sql, rows in merged.values():
        if len(rows) > 1:
            head, rest = sql.split(" VALUES (", 1)
            row, tail = rest.split(")", 1)
            sql = f"{head} VALUES " + ", ".join([f"({row})"] * len(rows)) + tail
        together.append([sql, [p for params in rows for p in params]])
    return together


_NEW: dict[type, list[tuple]] = {}
_NAMES: dict[type, set[str]] = {}


def new_instance(model: type, **values):
    """`model(**values)` for the call request's new rows, without Django's keyword handling: the values go in
    positionally, in field order, the way Django builds an instance it read. Values by field name (a related
    object, cached on the instance as Django would) or by attname (`campaign_id`); every other field takes its
    default (a callable default is called for each instance)."""
    if model not in _NEW:
        _NEW[model] = [(field.name, field.attname, field.is_relation, field,
                        field.default if field.has_default() and callable(field.default) else field.get_default())
                       for field in model._meta.concrete_fields]
        _NAMES[model] = {name for spec in _NEW[model] for name in spec[:2]}
    if not values.keys() <= _NAMES[model]:
        raise TypeError(f"{model.__name__} has no field {sorted(values.keys() - _NAMES[model])}")
    args, related = [], []
    for name, attname, is_relation, field, default in _NEW[model]:
        if name in values:
            value = values[name]
            if is_relation and value is not None:
                related.append((field, value))
                value = value.pk
        elif attname in values:
            value = values[attname]
        else:
            value = default() if callable(default) else default
        args.append(value)
    obj = model(*args)
    for field, value in related:
        field.set_cached_value(obj, value)
    return obj


_INSERTS: dict[type, tuple[str, list]] = {}


def insert_rows(objs: list) -> list:
    """`Model.objects.bulk_create(objs)` for the call request's inserts, without Django's insert compiler: one
    statement per model, kept for the process, run once per row (executemany: one round trip on psycopg 3). Each
    field's pre_save runs (auto_now_add: one moment for all the rows); no signals are sent, and an auto-increment
    id is not read back (a UUID primary key is set in Python already)."""
    if not objs:
        return objs
    model = type(objs[0])
    if model not in _INSERTS:
        quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
        fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.get_internal_type() in AUTO_IDS)]
        columns = ", ".join(quote(f.column) for f in fields)
        _INSERTS[model] = (f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
                           f"VALUES ({', '.join(['%s'] * len(fields))})", [(f, _plain_types(f)) for f in fields])
    sql, fields = _INSERTS[model]
    connection = connections[DEFAULT_DB_ALIAS]
    stamped: dict = {}  # auto_now(_add) fields: one moment for the whole insert, converted once
    rows = [[_prepared(field, plain, obj, connection, stamped) for field, plain in fields] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    for obj in objs:
        obj._state.adding, obj._state.db = False, DEFAULT_DB_ALIAS
    return objs


AUTO_IDS = ("AutoField", "BigAutoField", "SmallAutoField")
# Fields whose database value is the Python value itself when it is exactly one of these types (no pre_save of
# their own, no conversion in get_db_prep_save): a str (or a str subclass such as a TextChoices member, which
# Django passes through as is) for a CharField, an int for an IntegerField or a foreign key to an integer id; None
# for a nullable field (NULL_AS_IS). Anything else (an IntegerChoices member, a lazy string, a date) takes Django's
# own conversion; auto_now(_add) fields get one moment per insert.
PLAIN_TYPES = {"CharField": (str,), "TextField": (str,), "BooleanField": (bool,), "IntegerField": (int,),
               "SmallIntegerField": (int,), "BigIntegerField": (int,), "PositiveIntegerField": (int,),
               "PositiveSmallIntegerField": (int,), "FloatField": (float,)}


def _plain_types(field) -> tuple[type, ...]:
    if type(field).pre_save is not Field.pre_save:
        return ()
    internal = field.target_field.get_internal_type() if field.is_relation else field.get_internal_type()
    plain = PLAIN_TYPES.get("IntegerField" if internal in AUTO_IDS else internal, ())
    # NULL is NULL for every such field, and for a date or an address column too (not for JSON: None is 'null').
    return (*plain, type(None)) if field.null and internal in NULL_AS_IS else plain


NULL_AS_IS = {*PLAIN_TYPES, *AUTO_IDS, "DateTimeField", "DateField", "GenericIPAddressField", "UUIDField"}


def _prepared(field, plain: tuple[type, ...], obj, connection, stamped: dict):
    value = getattr(obj, field.attname)
    if type(value) in plain or (str in plain and isinstance(value, str)):  # a TextChoices member is a str
        return value
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        if field not in stamped:
            moment = field.pre_save(obj, True)
            stamped[field] = (moment, field.get_db_prep_save(moment, connection))
        setattr(obj, field.attname, stamped[field][0])
        return stamped[field][1]
    return field.get_db_prep_save(field.pre_save(obj, True), connection)
