"""The lookup endpoint's part of the OpenAPI document served at /api/v1/openapi.json (see openapi.py)."""

from advocacy.api.openapi import error, json_body

PATHS = {
    "/lookup": {"get": {
        "summary": "Districts and members of Congress for a ZIP code (and street address for a split ZIP)",
        "parameters": [
            {"name": "zip", "in": "query", "required": True, "schema": {"type": "string", "pattern": "^[0-9]{5}"}},
            {"name": "address", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 200}},
        ],
        "responses": {"200": json_body("Lookup"), "400": error("Not a ZIP code"),
                      "404": error("Unknown ZIP code (e.g. PO-box only)"), "429": error("Rate limited")},
    }},
}

SCHEMAS = {
    "District": {"type": "object", "properties": {"state": {"type": "string"}, "district": {"type": "integer"},
                                                   "label": {"type": "string", "examples": ["NY-12", "VT-AL"]},
                                                   "share": {"type": ["number", "null"], "description":
                                                             "the district's part of the ZIP (0-1), when known"}}},
    "Target": {"type": "object", "properties": {
        "id": {"type": "string", "description": "bioguide id or fixed-target key"},
        "name": {"type": "string"}, "title": {"type": "string"}, "display_name": {"type": "string"},
        "kind": {"type": "string", "enum": ["member", "executive", "other"]},
        "chamber": {"type": ["string", "null"]}, "state": {"type": ["string", "null"]},
        "district": {"type": ["integer", "null"]}, "party": {"type": ["string", "null"]},
        "phone": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
        "contact_form": {"type": ["string", "null"]},
        "switchboard_instruction": {"type": ["string", "null"], "description":
                                    "set when the member has no number of their own: call the Capitol switchboard "
                                    "(dial_phone) and ask for this office"},
        "dial_phone": {"type": ["string", "null"]}}},
    "Lookup": {"type": "object", "properties": {
        "zip": {"type": "string"}, "districts": {"type": "array", "items": {"$ref": "#/components/schemas/District"}},
        "needs_address": {"type": "boolean"},
        "matched_by": {"type": "string", "enum": ["zip", "address", "zip_fallback"]},
        "members": {"type": "array", "items": {"$ref": "#/components/schemas/Target"}},
        "vacancies": {"type": "array", "items": {"$ref": "#/components/schemas/District"}},
        "congress": {"type": "integer", "description": "the Congress the answer is for (119, 120, ...)"},
        "largest_district": {"oneOf": [{"$ref": "#/components/schemas/District"}, {"type": "null"}],
                             "description": "for a split ZIP with shares: the district holding most of it"},
        "unmapped_states": {"type": "array", "items": {"type": "string"}, "description":
                            "states whose district map for this Congress is not loaded: give a street address"},
        "po_box": {"type": "boolean", "description": "a PO-box-only ZIP: its state's senators are listed (the state "
                   "from the ZIP's 3-digit prefix); the House member needs a street address"}}},
}
