"""One error path for every JSON endpoint: refusals, bad JSON and 404s all answer the documented error body.

    @json_endpoint
    def api_thing(request, slug):
        campaign = published_campaign(slug)   # Http404 -> {"error": {"code": "not_found", ...}}
        body = json_object(request)           # BadJSON -> 400 invalid_json
        services.do_it(...)                   # any Refused (LookupRefused too) -> its status, code, message
"""

from __future__ import annotations

from functools import wraps

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from advocacy.api.responses import BadJSON, bad_json_response, error_response, refused_response
from common.refusals import NotFound, Refused


def allow_any_origin(response: HttpResponse, *, expose: tuple[str, ...] = ()) -> HttpResponse:
    """Public, cookie-less answers that any partner site may read from its own pages."""
    response["Access-Control-Allow-Origin"] = "*"
    if expose:
        response["Access-Control-Expose-Headers"] = ", ".join(expose)
    return response


def not_found_response(exc: Http404) -> HttpResponse:
    message = str(exc) if isinstance(exc, NotFound) else _("Not found.")
    return error_response(404, "not_found", message)


def json_endpoint(view=None, *, cors: bool = False):
    """Wrap a JSON view so every expected failure answers the documented error body; `cors` opens it to any
    origin (errors included, so partner pages can read why)."""

    def decorate(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            try:
                response = func(request, *args, **kwargs)
            except Refused as exc:
                response = refused_response(exc)
            except BadJSON as exc:
                response = bad_json_response(exc)
            except Http404 as exc:
                response = not_found_response(exc)
            return allow_any_origin(response) if cors else response

        return wrapper

    return decorate(view) if view is not None else decorate
