"""GET /api/v1/openapi.json: the partner API, assembled from each app's api_schema.py."""

from __future__ import annotations

from copy import deepcopy
from importlib import import_module

from django.conf import settings
from django.http import JsonResponse

from advocacy.api.endpoints import json_endpoint

APP_SCHEMAS = ["advocacy.api.lookup_schema", "advocacy.campaigns.api_schema", "advocacy.calls.api_schema",
               "advocacy.emails.api_schema", "advocacy.events.api_schema", "advocacy.dashboard.api_schema"]

COMMON_SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "examples": ["invalid", "not_found", "rate_limited"]},
                "message": {"type": "string", "description": "Safe to show to the supporter as it is."},
                "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            }}},
    },
}


def json_body(ref: str, description: str = "OK") -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def error(description: str) -> dict:
    return json_body("Error", description)


def request_body(ref: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def slug_parameter() -> dict:
    return {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"},
            "description": "The campaign's slug, e.g. day-of-action"}


PARTNER_KEY = {"type": "http", "scheme": "bearer", "description": "A partner key (pk_...) issued by organizers in "
               "the admin; optional. Keyed requests count against the key's own limits instead of per-IP ones."}


def _shared_answers(paths: dict) -> None:
    """What every JSON POST can answer (advocacy.api.responses.json_object and advocacy.partners), documented once."""
    for path, operations in paths.items():
        post = operations.get("post")
        if post is not None:
            post["responses"].setdefault("415", error("The body was not sent as application/json"))
        if post is not None and path.endswith(("/calls", "/emails")):
            post["responses"].setdefault("401", error("An API key was sent and is unknown or revoked"))
            post.setdefault("security", [{}, {"partnerKey": []}])


def document() -> dict:
    paths: dict = {}
    schemas: dict = dict(COMMON_SCHEMAS)
    for module_name in APP_SCHEMAS:
        module = import_module(module_name)
        paths.update(deepcopy(module.PATHS))
        schemas.update(module.SCHEMAS)
    _shared_answers(paths)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Day of Action API", "version": "1",
                 "description": "Look up representatives, request patch-through calls, send templated emails, "
                                "find local events and read public counts. JSON in and out; errors are "
                                "`{\"error\": {\"code\", \"message\", \"fields\"}}`; 429 answers carry Retry-After."},
        "servers": [{"url": f"{settings.PUBLIC_BASE_URL}/api/v1"}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": schemas, "securitySchemes": {"partnerKey": PARTNER_KEY}},
    }


@json_endpoint(cors=True)
def openapi_json(request):
    return JsonResponse(document())
