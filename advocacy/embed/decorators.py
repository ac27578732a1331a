"""embeddable: a view that works inside a partner's iframe when asked to (embed=1), and as before otherwise."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from advocacy.embed.framing import mark_framable
from advocacy.embed.guard import embedded_post_refusal
from advocacy.embed.mode import embed_mode_of, with_embed_query
from advocacy.embed.origins import frame_ancestors

REDIRECTS = (301, 302, 303, 307, 308)


def _refused(request, campaign, reason: str):
    return render(request, "embed/refused.html", {"campaign": campaign, "error": reason}, status=403)


def embeddable(campaign_of: Callable[[dict], object], *, always: bool = False):
    """Top-level requests go through Django's CSRF and keep X-Frame-Options DENY. Embedded ones (embed=1, or
    every request when `always`) may be framed by the campaign's partner sites, post with an embed token
    checked against the Origin instead of a cookie, run in the language they carry, and keep the embed mode
    through redirects."""

    def decorate(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            mode = embed_mode_of(request, always=always)
            if mode is None:
                return protected(request, *args, **kwargs)
            request.embed = mode
            campaign = campaign_of(kwargs)
            with translation.override(mode.language or translation.get_language()):
                reason = embedded_post_refusal(request, campaign) if request.method == "POST" else None
                response = _refused(request, campaign, reason) if reason else view(request, *args, **kwargs)
                response.headers.setdefault("Content-Language", translation.get_language())
            if response.status_code in REDIRECTS and "Location" in response:
                response["Location"] = with_embed_query(response["Location"], mode)
            mark_framable(response, frame_ancestors(campaign))
            return response

        return wrapped

    return decorate
