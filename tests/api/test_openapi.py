"""The OpenAPI document is valid and documents every JSON route we serve under /api/v1/."""

import pytest
from django.urls import get_resolver
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def api_routes() -> set[str]:
    """Every route under /api/v1/, written the OpenAPI way ({slug} for <slug:slug>)."""
    import re

    routes = set()
    for pattern in get_resolver("advocacy.api.urls").url_patterns:
        for inner in getattr(pattern, "url_patterns", [pattern]):
            route = "/" + str(inner.pattern)
            routes.add(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return routes - {"/openapi.json"}


def test_the_document_is_valid_openapi_and_covers_every_route(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    assert set(document["paths"]) == api_routes()
