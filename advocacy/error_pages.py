"""What a supporter sees when something breaks (handler500 in advocacy/urls.py): a page in their language that
says what to do, or the documented JSON error under /api/. A database or cache outage (a restart, a failover) is a
503 with Retry-After, because trying again shortly works; anything else is a 500.

The pages are rendered without the request's context processors, which may be what failed.
"""

from __future__ import annotations

import sys

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from advocacy.api.responses import error_response
from common.retry import DATABASE_ERRORS

RETRY_AFTER_SECONDS = 30


def _outage_errors() -> tuple[type[BaseException], ...]:
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # pragma: no cover - redis is a pinned dependency
        return DATABASE_ERRORS
    return (*DATABASE_ERRORS, RedisConnectionError, RedisTimeoutError)


def is_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, _outage_errors())


def server_error(request) -> HttpResponse:
    """handler500: Django calls it inside the except block, so the exception is still in sys.exc_info()."""
    status = 503 if is_outage(sys.exc_info()[1]) else 500
    if request.path.startswith("/api/"):
        if status == 503:
            response = error_response(503, "unavailable", _("We are busy for a moment and nothing was saved. "
                                                            "Please try again in a minute."))
        else:
            response = error_response(500, "server_error", _("Something went wrong on our side. If you were "
                                                             "sending messages or asking for a call, check before "
                                                             "trying again: it may already be on its way."))
    else:
        response = HttpResponse(render_to_string(f"{status}.html"), status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
