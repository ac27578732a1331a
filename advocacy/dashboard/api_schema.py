"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

from advocacy.api.openapi import error, json_body, slug_parameter

PATHS = {
    "/campaigns/{slug}/stats": {"get": {
        "summary": "Public counter: totals only, no personal data, cached for a few seconds",
        "parameters": [slug_parameter()],
        "responses": {"200": json_body("PublicStats"), "404": error("Unknown campaign")},
    }},
}

SCHEMAS = {
    "PublicStats": {"type": "object", "properties": {
        "campaign": {"type": "string"},
        "totals": {"type": "object", "properties": {
            "calls": {"type": "integer", "description": "calls connected to targets"},
            "call_sessions": {"type": "integer"}, "emails": {"type": "integer",
                                                             "description": "emails sent + web-form sends reported"},
            "supporters": {"type": "integer"}}},
        "goals": {"type": "object", "properties": {"calls": {"type": "integer"}, "emails": {"type": "integer"}}},
        "updated_at": {"type": "string", "format": "date-time"}}},
}
