"""When something breaks, the supporter reads what happened and what to do, in their language."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import translation

from advocacy.error_pages import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_outage(campaign):
    """The campaigns table gone, as the database answers during an outage (SQLite: OperationalError). The test's
    transaction rolls the rename back."""
    if connection.vendor != "sqlite":
        pytest.skip("renaming a table is an OperationalError on SQLite only (PostgreSQL: ProgrammingError)")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE campaigns_campaign RENAME TO campaigns_campaign_away")
    yield
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE campaigns_campaign_away RENAME TO campaigns_campaign")


def test_a_page_during_a_database_outage_is_a_translated_503(database_outage):
    client = Client(raise_request_exception=False)
    spanish = client.get("/c/detention/", HTTP_ACCEPT_LANGUAGE="es")
    english = client.get("/c/detention/", HTTP_ACCEPT_LANGUAGE="en")

    assert spanish.status_code == english.status_code == 503 and spanish["Retry-After"] == "30"
    assert "Estamos ocupados por un momento" in spanish.content.decode()
    assert "We are busy for a moment" in english.content.decode()
    assert 'lang="es"' in spanish.content.decode()
    assert "data-outage-page" in spanish.content.decode()  # how the fault suite tells it from a bare 500


def test_the_api_during_a_database_outage_answers_the_json_error(database_outage):
    response = Client(raise_request_exception=False).get("/api/v1/campaigns/detention",
                                                         HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    error = response.json()["error"]
    assert error["code"] == "unavailable" and error["message"].startswith("Estamos ocupados")


@pytest.mark.parametrize("path, language, expected", [
    ("/c/detention/", "en", "Something went wrong on our side"),
    ("/c/detention/", "es", "Algo salió mal de nuestro lado"),
])
def test_an_unexpected_error_is_a_translated_500_page(path, language, expected):
    with translation.override(language):
        try:
            raise ValueError("a bug")
        except ValueError:
            response = server_error(RequestFactory().get(path))
    assert response.status_code == 500 and expected in response.content.decode()
    assert "data-outage-page" in response.content.decode()
    assert "Retry-After" not in response


def test_an_unexpected_api_error_is_json():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/api/v1/lookup"))
    assert response.status_code == 500 and json.loads(response.content)["error"]["code"] == "server_error"
