"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

from advocacy.api.openapi import error, json_body, slug_parameter

PATHS = {
    "/campaigns/{slug}": {"get": {
        "summary": "A campaign: demands, schedule, sample posts; with ?zip= also the supporter's targets and scripts",
        "parameters": [slug_parameter(),
                       {"name": "zip", "in": "query", "required": False, "schema": {"type": "string"}},
                       {"name": "address", "in": "query", "required": False, "schema": {"type": "string"}},
                       {"name": "lang", "in": "query", "required": False, "schema": {"enum": ["en", "es"]}}],
        "responses": {"200": json_body("Campaign"), "400": error("Bad ZIP"), "404": error("Unknown campaign or ZIP")},
    }},
}

SCHEMAS = {
    "Campaign": {"type": "object", "properties": {
        "slug": {"type": "string"}, "title": {"type": "string"}, "summary": {"type": "string"},
        "language": {"type": "string"}, "time_zone": {"type": "string"},
        "window_start": {"type": ["string", "null"], "format": "date-time"},
        "window_end": {"type": ["string", "null"], "format": "date-time"},
        "is_open": {"type": "boolean"}, "has_closed": {"type": "boolean"}, "closed_message": {"type": "string"},
        "demands": {"type": "array", "items": {"type": "string"}}, "hashtag": {"type": "string"},
        "toolkit_url": {"type": ["string", "null"]},
        "goals": {"type": "object", "properties": {"calls": {"type": "integer"}, "emails": {"type": "integer"}}},
        "schedule": {"type": "array", "items": {"type": "object", "properties": {
            "title": {"type": "string"}, "description": {"type": "string"},
            "starts_at": {"type": "string", "format": "date-time"},
            "ends_at": {"type": ["string", "null"], "format": "date-time"}, "url": {"type": ["string", "null"]},
            "link_label": {"type": ["string", "null"]}, "recording_url": {"type": ["string", "null"]}}}},
        "sample_posts": {"type": "array", "items": {"type": "string"}}, "stats_url": {"type": "string"},
        "location": {"type": "object"},
        "targets": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/Target"}, {
            "type": "object", "properties": {"template_kind": {"type": "string"}, "reason": {"type": "string"},
            "script": {"type": "string"}}}]}},
    }},
}
