"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

from advocacy.api.openapi import error, json_body, request_body, slug_parameter

PATHS = {
    "/campaigns/{slug}/emails": {"post": {
        "summary": "Send the campaign's email to the supporter's targets (after they confirm their address)",
        "parameters": [slug_parameter(), {
            "name": "Idempotency-Key", "in": "header", "required": False,
            "schema": {"type": "string", "maxLength": 100},
            "description": "A retried request with the same key gets the first answer (the same action)."}],
        "requestBody": request_body("EmailRequest"),
        "responses": {"202": json_body("EmailAction", "Recorded (or the same address's recent action, returned "
                                                      "again); a confirmation email is on its way"),
                      "400": error("Invalid fields"), "404": error("Unknown campaign or ZIP"),
                      "409": error("The campaign is not open"),
                      "422": error("Nobody to email for this ZIP, or an Idempotency-Key reused for another address"),
                      "429": error("Rate limited; see Retry-After"),
                      "503": error("Briefly unavailable, nothing recorded; see Retry-After")},
    }},
}

SCHEMAS = {
    "EmailRequest": {"type": "object", "required": ["name", "email", "zip"], "properties": {
        "name": {"type": "string", "maxLength": 100}, "email": {"type": "string", "format": "email"},
        "zip": {"type": "string"},
        "address": {"type": "string", "description": "required when a CWC office is a target"},
        "city": {"type": "string", "description": "required when a CWC office is a target"},
        "prefix": {"type": "string", "enum": ["", "Mx.", "Ms.", "Mr.", "Mrs.", "Dr."]},
        "personal_note": {"type": "string", "maxLength": 2000}, "language": {"type": "string", "enum": ["en", "es"]},
        "ref": {"$ref": "#/components/schemas/PartnerCode"}}},
    "EmailAction": {"type": "object", "properties": {
        "action_id": {"type": "string"}, "status": {"type": "string"}, "needs_confirmation": {"type": "boolean"},
        "messages": {"type": "array", "items": {"type": "object", "properties": {
            "target": {"type": "string"}, "target_name": {"type": "string"},
            "channel": {"type": "string", "enum": ["email", "webform", "cwc"]},
            "form_url": {"type": ["string", "null"]},
            "form_fields": {"type": ["array", "null"], "items": {"type": "string"},
                            "description": "what the office's official form will ask for"},
            "subject": {"type": "string"}, "body": {"type": "string"}, "status": {"type": "string"}}}}}},
}
