"""Safety and privacy (README "Privacy" and "Security"): proxies, retention, partner keys, admin login, headers."""

from csp.constants import NONCE, NONE, SELF

from advocacy.config.env import env, env_bool, env_int, env_list
from advocacy.config.site import BEHIND_TLS_PROXY, DEBUG, PUBLIC_BASE_URL

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# Client address: X-Forwarded-For is believed only as far as our own proxies wrote it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_TLS_PROXY else 0)
TRUSTED_PROXY_CIDRS = env_list("TRUSTED_PROXY_CIDRS")
# Retention: phones and emails become keyed hashes this many days after the call or delivery is final.
PRIVACY_HASH_KEY = env("PRIVACY_HASH_KEY")  # unset: derived from SECRET_KEY
PRIVACY_RETENTION_DAYS = env_int("PRIVACY_RETENTION_DAYS", 30)
# Partner keys (advocacy/partners): the default limits of a newly issued key.
PARTNER_CALLS_PER_HOUR = env_int("PARTNER_CALLS_PER_HOUR", 1000)
PARTNER_EMAILS_PER_HOUR = env_int("PARTNER_EMAILS_PER_HOUR", 2000)
PARTNER_LOOKUPS_PER_MINUTE = env_int("PARTNER_LOOKUPS_PER_MINUTE", 600)
# JSON bodies: deeper nesting is refused with a 400 before it reaches a view.
JSON_MAX_DEPTH = 20
# Admin login: django-axes locks an address, and an account, after this many failures.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("ADMIN_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = env_int("ADMIN_LOGIN_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "advocacy.ratelimit.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Headers. HTTPS everywhere once the public URL is https (the load balancer's /healthz probe stays on http).
_HTTPS = PUBLIC_BASE_URL.startswith("https://")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _HTTPS and not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if _HTTPS and not DEBUG else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading binds the registered domain for good: the coalition opts in itself (check W021 is about that).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp). A view can replace a directive, e.g. the embed page's frame-ancestors,
# with csp.decorators.csp_replace. In DEBUG the policy is only reported, so Django's debug pages still render.
_CSP = {"DIRECTIVES": {
    "default-src": [SELF], "script-src": [SELF, NONCE], "style-src": [SELF], "img-src": [SELF, "data:"],
    "connect-src": [SELF], "object-src": [NONE], "base-uri": [SELF], "form-action": [SELF],
    "frame-ancestors": [NONE],
}}
if DEBUG:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP
