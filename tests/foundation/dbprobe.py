"""A task the worker tests load with `celery worker -I tests.foundation.dbprobe`: which database backend ran it."""

from celery import shared_task
from django.db import connection


@shared_task(name="tests.dbprobe.backend_pid")
def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]
