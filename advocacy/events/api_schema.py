"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

from advocacy.api.openapi import error, json_body, request_body, slug_parameter

PATHS = {
    "/campaigns/{slug}/events": {"get": {
        "summary": "Approved upcoming local actions near a ZIP code (nearest first), and online ones",
        "parameters": [slug_parameter(),
                       {"name": "zip", "in": "query", "required": False, "schema": {"type": "string"}},
                       {"name": "radius", "in": "query", "required": False,
                        "schema": {"type": "number", "minimum": 1, "maximum": 500, "default": 50}}],
        "responses": {"200": json_body("EventList"), "400": error("Bad ZIP or radius"),
                      "404": error("Unknown campaign or ZIP")},
    }},
    "/campaigns/{slug}/events/{event_id}/rsvps": {"post": {
        "summary": "RSVP to an event; a confirmation email with a calendar file follows",
        "parameters": [slug_parameter(), {"name": "event_id", "in": "path", "required": True,
                                          "schema": {"type": "integer"}}],
        "requestBody": request_body("RsvpRequest"),
        "responses": {"201": {"description": "RSVP recorded"}, "400": error("Invalid fields"),
                      "404": error("No such event"), "409": error("Full, past, or already RSVPed"),
                      "429": error("Rate limited")},
    }},
}

SCHEMAS = {
    "Event": {"type": "object", "properties": {
        "id": {"type": "integer"}, "title": {"type": "string"}, "description": {"type": "string"},
        "organization": {"type": ["string", "null"]}, "starts_at": {"type": "string", "format": "date-time"},
        "ends_at": {"type": ["string", "null"]}, "time_zone": {"type": "string"}, "online": {"type": "boolean"},
        "online_url": {"type": ["string", "null"]}, "place": {"type": ["string", "null"]},
        "address": {"type": ["string", "null"], "description": "street address of an in-person event"},
        "full": {"type": "boolean", "description": "true once the RSVPs reach the capacity"},
        "zip": {"type": ["string", "null"]}, "latitude": {"type": ["number", "null"]},
        "longitude": {"type": ["number", "null"]}, "miles": {"type": ["number", "null"]},
        "capacity": {"type": ["integer", "null"]}, "rsvps": {"type": "integer"}, "url": {"type": "string"}}},
    "EventList": {"type": "object", "properties": {
        "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
        "online": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}},
    "RsvpRequest": {"type": "object", "required": ["name", "email"], "properties": {
        "name": {"type": "string"}, "email": {"type": "string", "format": "email"}, "zip": {"type": "string"}}},
}
