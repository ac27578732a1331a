"""/healthz: is the database reachable, is the broker reachable. 200 when both are, 503 otherwise."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, connection.vendor
    except Exception as exc:  # any driver error means "not reachable"
        return False, f"{type(exc).__name__}: {exc}"


def _broker_ok() -> tuple[bool, str]:
    if settings.CELERY_TASK_ALWAYS_EAGER and not settings.CELERY_BROKER_URL:
        return True, "eager (no broker configured)"
    from advocacy.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True, conn.transport_cls if isinstance(conn.transport_cls, str) else "connected"
    except Exception as exc:
        return False, f"{type(exc).__name__}: {exc}"


@require_GET
def healthz(request):
    """Anyone learns ok or unavailable; only staff see which part failed and why (errors name hosts and ports)."""
    db_ok, db_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = db_ok and broker_ok
    body = {"status": "ok" if healthy else "unavailable"}
    if request.user.is_authenticated and request.user.is_staff:
        body.update(database={"ok": db_ok, "detail": db_detail}, broker={"ok": broker_ok, "detail": broker_detail})
    return JsonResponse(body, status=200 if healthy else 503)
