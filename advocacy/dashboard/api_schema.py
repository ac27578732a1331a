"""This app's part of the OpenAPI document served at /api/v1/openapi.json (see advocacy/api/openapi.py)."""

from advocacy.api.openapi import error, json_body, slug_parameter

PATHS = {
    "/campaigns/{slug}/stats": {"get": {
        "summary": "Public counter: totals only, no personal data, cached for a few seconds",
        "description": "Open to any origin (Access-Control-Allow-Origin: *). Cache-Control: public, max-age="
                       "PUBLIC_STATS_CACHE_SECONDS. Send the ETag back in If-None-Match to get a bodiless 304 "
                       "while the numbers are unchanged.",
        "parameters": [slug_parameter(),
                       {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"},
                        "description": "The ETag of a previous answer"},
                       {"name": "ref", "in": "query", "required": False, "schema": {"type": "string"},
                        "description": "A partner code: adds that partner's own contribution as `partner`"}],
        "responses": {
            "200": {**json_body("PublicStats"),
                    "headers": {"ETag": {"schema": {"type": "string"},
                                         "description": "Changes when a number changes"}}},
            "304": {"description": "Not modified: the numbers are the same as for the ETag sent"},
            "404": error("Unknown or unpublished campaign"),
        },
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
        "partner": {"$ref": "#/components/schemas/PartnerContribution"},
        "updated_at": {"type": "string", "format": "date-time"}}},
    "PartnerCode": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]{0,39}$",
                    "description": "Partner code to credit (lower case; anything else is ignored). The partner of "
                                   "an authenticated API key wins over it."},
    "PartnerContribution": {"type": "object", "properties": {
        "partner": {"type": "string"}, "call_sessions": {"type": "integer"}, "calls_connected": {"type": "integer"},
        "email_actions": {"type": "integer"}, "emails": {"type": "integer"}}},
}
