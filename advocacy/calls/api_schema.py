"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

from advocacy.api.openapi import error, json_body, request_body, slug_parameter

PATHS = {
    "/campaigns/{slug}/calls": {"post": {
        "summary": "Request a patch-through call: we call the supporter and connect them to each target in turn",
        "parameters": [slug_parameter(), {
            "name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 64},
            "description": "Retrying with the same key returns the call first created with it (200)"}],
        "requestBody": request_body("CallRequest"),
        "responses": {"202": json_body("Call", "Recorded and queued; poll /calls/{call_id}"),
                      "200": json_body("Call", "The same request was already made (same Idempotency-Key, or the same "
                                               "phone while its call is under way): that call"),
                      "400": error("Bad phone number, ZIP or JSON"), "403": error("Refused (blocklist, toll fraud)"),
                      "404": error("Unknown campaign or ZIP"), "409": error("The campaign is not open"),
                      "422": error("Idempotency-Key reused for another phone"),
                      "429": error("Rate limited or lines full; see Retry-After")},
    }},
    "/calls/{call_id}": {"get": {
        "summary": "A call's progress, target by target",
        "parameters": [{"name": "call_id", "in": "path", "required": True,
                        "schema": {"type": "string", "format": "uuid"}}],
        "responses": {"200": json_body("Call"), "404": error("No such call")},
    }},
}

SCHEMAS = {
    "CallRequest": {"type": "object", "required": ["phone", "zip"], "properties": {
        "phone": {"type": "string", "examples": ["(802) 555-0142"]}, "zip": {"type": "string"},
        "address": {"type": "string"}, "language": {"type": "string", "enum": ["en", "es"]},
        "first_name": {"type": "string", "maxLength": 40,
                       "description": "optional; the script says it to each office (\"my name is Ana\")"},
        "ref": {"$ref": "#/components/schemas/PartnerCode"}}},
    "Call": {"type": "object", "properties": {
        "call_id": {"type": "string", "format": "uuid"},
        "status": {"type": "string", "enum": ["queued", "placing", "ringing", "in_progress", "completed", "busy",
                                              "no_answer", "failed", "canceled"]},
        "campaign": {"type": "string"}, "supporter_connected": {"type": "boolean"},
        "created_at": {"type": "string", "format": "date-time"},
        "targets": {"type": "array", "items": {"type": "object", "properties": {
            "position": {"type": "integer"}, "district_office": {"type": "boolean"},
            "target": {"oneOf": [{"$ref": "#/components/schemas/Target"}, {"type": "null"}]},
            "vacant_seat": {"type": ["string", "null"]}, "reason": {"type": "string"},
            "status": {"type": "string", "enum": ["pending", "dialing", "completed", "busy", "no_answer",
                                                  "failed", "skipped"]},
            "duration_seconds": {"type": "integer"}, "outcome": {"type": ["string", "null"]}}}}}},
}
