"""How every Twilio webhook is received: the signature checked against PUBLIC_BASE_URL (403 otherwise), the
language restored, and a failure turned into what Twilio should get.

TwiML webhooks answer a spoken apology rather than a 500, so the supporter is never left in silence; a
database connection that dropped (a restarted PostgreSQL) is retried once first. Status callbacks answer 503
on a database error, so that Twilio retries them.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from advocacy.calls.models import CallSession
from advocacy.calls.voice import apology
from advocacy.providers.telephony import has_account_pool, signature_is_valid

logger = logging.getLogger(__name__)
DATABASE_ERRORS = (OperationalError, InterfaceError)


def _account_of(session_id) -> str:
    """Which account of a pool placed the call (its webhooks are signed with that account's token); one read by
    primary key, only when several accounts are pooled. Inbound calls (no session yet) use the primary one."""
    if session_id is None or not has_account_pool():
        return ""
    return CallSession.objects.filter(pk=session_id).values_list("twilio_account", flat=True).first() or ""


def _signed(request, session_id=None) -> bool:
    return signature_is_valid(url=settings.PUBLIC_BASE_URL + request.get_full_path(), params=request.POST.dict(),
                              signature=request.headers.get("X-Twilio-Signature", ""),
                              account_sid=_account_of(session_id))


def _run_retrying_once(view, request, *args, **kwargs):
    try:
        return view(request, *args, **kwargs)
    except DATABASE_ERRORS:
        logger.warning("call webhook %s lost its database connection; trying once more", request.path)
        connection.close()  # Django opens a fresh one on the next query
        return view(request, *args, **kwargs)


def _twiml(request, view, args, kwargs) -> HttpResponse:
    language = translation.get_language()
    try:
        response = _run_retrying_once(view, request, *args, **kwargs)
    except (ObjectDoesNotExist, Http404):  # an unknown session, or a leg id of another session
        response = apology()
    except DATABASE_ERRORS:
        logger.exception("call webhook %s: the database is still unreachable", request.path)
        connection.close()
        response = apology()
    except Exception:
        logger.exception("call webhook %s failed", request.path)
        response = apology()
    finally:
        translation.activate(language)  # the flow speaks the call's language; the request keeps its own
    if isinstance(response, HttpResponse):
        return response
    return HttpResponse(str(response), content_type="text/xml")


def _callback(request, view, args, kwargs) -> HttpResponse:
    try:
        return view(request, *args, **kwargs)
    except DATABASE_ERRORS:
        logger.exception("status callback %s hit a database error; Twilio will retry", request.path)
        connection.close()  # the retry gets a fresh connection
        return HttpResponse("database unavailable, retry", status=503, content_type="text/plain")


def _signed_webhook(handler):
    def decorate(view):
        @csrf_exempt
        @require_POST
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _signed(request, kwargs.get("session_id")):
                logger.warning("refused a Twilio webhook with a missing or invalid signature: %s", request.path)
                return HttpResponseForbidden("invalid signature", content_type="text/plain")
            return handler(request, view, args, kwargs)

        return wrapped

    return decorate


twiml_webhook = _signed_webhook(_twiml)  # answers TwiML: always something to say
status_callback = _signed_webhook(_callback)  # answers a status: 5xx when Twilio should try again
