"""Frame-ancestors for embed responses, replacing X-Frame-Options there and only there.

Embeddable views mark their response (mark_framable); EmbedFramingMiddleware, first in MIDDLEWARE so it sees the
response last, writes the frame-ancestors directive into whatever Content-Security-Policy the site sends
(a site-wide django-csp policy keeps its other directives) or sends one of its own. Unmarked responses are
left alone: X-Frame-Options DENY and the site-wide policy's frame-ancestors stay.
"""

from __future__ import annotations

import re

CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
_FRAME_ANCESTORS = re.compile(r"(^|;)\s*frame-ancestors[^;]*", re.IGNORECASE)


def mark_framable(response, sources: str) -> None:
    response.embed_frame_ancestors = sources
    response.xframe_options_exempt = True  # XFrameOptionsMiddleware leaves this response alone
    response._csp_replace = {"frame-ancestors": sources.split()}  # what django-csp reads, if it runs first


def with_frame_ancestors(policy: str, sources: str) -> str:
    directive = f"frame-ancestors {sources}"
    if _FRAME_ANCESTORS.search(policy):
        return _FRAME_ANCESTORS.sub(lambda m: f"{m.group(1)} {directive}".lstrip(), policy, count=1)
    return f"{policy.rstrip('; ')}; {directive}" if policy.strip() else directive


class EmbedFramingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        sources = getattr(response, "embed_frame_ancestors", None)
        if sources is None:
            return response
        if "X-Frame-Options" in response:
            del response["X-Frame-Options"]
        response["Content-Security-Policy"] = with_frame_ancestors(
            response.get("Content-Security-Policy", ""), sources)
        if "Content-Security-Policy-Report-Only" in response:
            response["Content-Security-Policy-Report-Only"] = with_frame_ancestors(
                response["Content-Security-Policy-Report-Only"], sources)
        return response
