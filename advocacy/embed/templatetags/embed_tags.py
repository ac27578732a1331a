"""Template tags that carry the embed mode and the partner code through forms and links."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from advocacy.embed.tokens import form_token
from advocacy.partners.codes import partner_code_for
from advocacy.partners.selectors import cached_partner_contribution

register = template.Library()


def _carried(request, *, embed_flag: bool = True) -> dict[str, str]:
    mode = getattr(request, "embed", None)
    if mode is not None:
        return mode.params(embed_flag=embed_flag)
    ref = partner_code_for(request)
    return {"ref": ref} if ref else {}


def _hidden(params: dict[str, str]):
    return format_html_join("", '<input type="hidden" name="{}" value="{}">', params.items())


@register.simple_tag(takes_context=True)
def embed_form_fields(context, campaign):
    """Hidden fields for a POST form: the partner's ref, and inside an iframe the embed mode and a form token
    for this campaign (the iframe gets no CSRF cookie)."""
    request = context["request"]
    params = _carried(request)
    if getattr(request, "embed", None) is not None:
        params["embed_token"] = form_token(campaign_id=campaign.pk)
    return _hidden(params)


@register.simple_tag(takes_context=True)
def embed_query_fields(context):
    """Hidden fields for a GET form that reloads the same page: the ref and language it was opened with."""
    return _hidden(_carried(context["request"], embed_flag=False))


@register.simple_tag(takes_context=True)
def action_url(context, campaign, zip_code="", address=""):
    """The action page to go back to: the embed (with its mode) inside an iframe, the full page otherwise."""
    request = context["request"]
    inside = getattr(request, "embed", None) is not None
    params = _carried(request, embed_flag=False)
    if zip_code:
        params["zip"] = zip_code
    if address:
        params["address"] = address
    name = "action-embed" if inside else "action-page"
    query = urlencode(params, quote_via=quote)
    return reverse(name, args=[campaign.slug]) + (f"?{query}" if query else "") + ("#act" if zip_code else "")


@register.simple_tag(takes_context=True)
def embed_query(context):
    """"embed=1&ref=…&lang=…" inside an iframe (for links that must stay in it), "" otherwise."""
    mode = getattr(context["request"], "embed", None)
    return mode.query if mode is not None else ""


@register.inclusion_tag("embed/_partner_counter.html", takes_context=True)
def partner_counter(context, campaign):
    """The partner's own contribution, under the public counter, when the page was opened with a ref."""
    code = _carried(context["request"]).get("ref", "")
    return {"contribution": cached_partner_contribution(campaign_id=campaign.pk, code=code) if code else None}
