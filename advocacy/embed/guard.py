"""CSRF for the embedded forms: a form token for this campaign and an Origin that is ours or a listed partner.

A page on another site can read a token by fetching the embed, but it cannot make a browser send our Origin:
the Origin check is what stops a cross-site post, the token binds the post to a recent render of this
campaign's embed. Posts without embed=1 never come here: Django's cookie CSRF guards them as before.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from advocacy.embed.origins import own_origins, partner_origins, request_origin
from advocacy.embed.tokens import token_problem


def embedded_post_refusal(request, campaign) -> str | None:
    """None when the embedded POST may go ahead; else the supporter-facing reason it may not."""
    if campaign is None:
        return _("This action could not be found.")
    origin = request_origin(request)
    if not origin or origin not in own_origins(request) | set(partner_origins(campaign)):
        return _("This form was sent from a page we do not recognize. Nothing was sent.")
    problem = token_problem(request.POST.get("embed_token", ""), campaign_id=campaign.pk)
    if problem == "expired":
        return _("This form was open too long. Reload the page and try again; nothing was sent.")
    if problem:
        return _("This form could not be checked. Reload the page and try again; nothing was sent.")
    return None
