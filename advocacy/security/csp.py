"""django-csp's middleware, with the header of a response that has no part of its own built once per policy.

Most responses (the JSON API, Twilio's webhooks, pages without an inline script) use no nonce and no view's own
directives, so their header is the same string every time; django-csp builds it anew for each response (about a
fortieth of a call request's CPU, scripts/bench/callpower.py). Those take it from a copy built once per settings
(a changed CONTENT_SECURITY_POLICY* setting rebuilds it). A response with a nonce, or with a view's config, update
or replace (csp.decorators, embed framing), and every response in DEBUG, goes through django-csp unchanged.
"""

from __future__ import annotations

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

OWN_PARTS = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
# (header, report only, the response's exemption flag, the setting that holds EXCLUDE_URL_PREFIXES)
HEADERS = ((HEADER, False, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
           (HEADER_REPORT_ONLY, True, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"))
_built: dict[bool, tuple[str, tuple[str, ...]]] = {}  # report only → (the header, the excluded path prefixes)


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        _built.clear()


def _fixed(report_only: bool, setting: str) -> tuple[str, tuple[str, ...]]:
    if report_only not in _built:
        prefixes = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
        _built[report_only] = (build_policy(report_only=report_only), prefixes)
    return _built[report_only]


class FixedPolicyCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if (settings.DEBUG or getattr(request, "_csp_nonce", None) is not None
                or any(getattr(response, part, None) is not None for part in OWN_PARTS)):
            return super().process_response(request, response)
        for header, report_only, exempt, setting in HEADERS:
            policy, excluded = _fixed(report_only, setting)
            if (policy and header not in response and not getattr(response, exempt, False)
                    and not request.path_info.startswith(excluded)):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
