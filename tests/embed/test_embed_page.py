"""The embed page itself: the split-ZIP address step, the language switch and the allow-list's validation."""

import pytest
from django.core.exceptions import ValidationError

from advocacy.embed.origins import validate_origin_list
from tests.embed.helpers import form_fields

pytestmark = pytest.mark.django_db


def test_a_split_zip_asks_for_the_address_inside_the_frame_and_keeps_ref_and_language(client, campaign):
    page = client.get(f"/c/{campaign.slug}/embed/", {"zip": "10001", "ref": "unidos", "lang": "es"}).content.decode()

    zip_form = form_fields(page, "zip-form")
    assert zip_form == {"ref": "unidos", "lang": "es", "zip": "10001", "address": ""}
    assert ">Tu dirección<" in page
    assert 'class="site-header"' not in page


def test_the_language_links_keep_the_partner_code(client, campaign):
    page = client.get(f"/c/{campaign.slug}/embed/", {"ref": "unidos"}).content.decode()

    assert 'href="?lang=es&amp;ref=unidos"' in page and '<strong lang="en">English</strong>' in page
    spanish = client.get(f"/c/{campaign.slug}/embed/", {"ref": "unidos", "lang": "es"})
    assert spanish["Content-Language"] == "es" and '<html lang="es">' in spanish.content.decode()


def test_the_allow_list_takes_origins_only():
    validate_origin_list("https://unidos.example\nhttp://localhost:8080/\n")
    with pytest.raises(ValidationError, match="https://unidos.example/take-action"):
        validate_origin_list("https://unidos.example/take-action")
    with pytest.raises(ValidationError, match="unidos.example"):
        validate_origin_list("unidos.example")
