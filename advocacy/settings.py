"""Settings, all from the environment, with embedded defaults that run on a laptop.

Nothing configured: SQLite, tasks run eagerly, email printed to the console and the call simulator
instead of Twilio. Every variable is documented in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# Without a SECRET_KEY we only run in DEBUG on a laptop; production must set one.
SECRET_KEY = env("SECRET_KEY") or ("insecure-dev-key-set-SECRET_KEY" if DEBUG or not env("DATABASE_URL") else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DATABASE_URL is set and DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "anymail",
    "targets",
    "advocacy.campaigns",
    "advocacy.calls",
    "advocacy.emails",
    "advocacy.events",
    "advocacy.dashboard",
    "advocacy.api",
    "advocacy.embed",
    # Safety and privacy (see the block at the end).
    *["axes", "csp", "advocacy.privacy", "advocacy.security", "advocacy.partners"],
]

MIDDLEWARE = [
    # First, so it sees every response last: writes frame-ancestors into embed responses' CSP (advocacy/embed).
    "advocacy.embed.framing.EmbedFramingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    *["csp.middleware.CSPMiddleware", "advocacy.security.middleware.SafetyMiddleware",
      "axes.middleware.AxesMiddleware"],  # safety and privacy (see the block below)
]

ROOT_URLCONF = "advocacy.urls"
WSGI_APPLICATION = "advocacy.wsgi.application"
ASGI_APPLICATION = "advocacy.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "advocacy.embed.context_processors.embed",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        # A kept connection is checked before its first use in each request or task, so a restarted
        # database costs one reconnect instead of an error (workers: advocacy/worker_db.py).
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", default=True),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers (web + eager tasks) wait for the lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/admin/login/"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PUBLIC_BASE_URL.startswith("https://")
# Pages reached from the embed (advocacy.embed.decorators.embeddable, in embed mode only) replace this with a
# CSP frame-ancestors naming the campaign's partner origins; everything else stays unframable.
X_FRAME_OPTIONS = "DENY"
# How long an embedded form's signed token (its CSRF token inside a partner's iframe) stays good.
EMBED_FORM_TOKEN_SECONDS = env_int("EMBED_FORM_TOKEN_SECONDS", 4 * 3600)

# Cache: Redis when configured (shared counters, rate limits, pacing), else process memory. While Redis is
# unreachable each process falls back to its own memory (advocacy/fallback_cache.py) rather than failing.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "advocacy.fallback_cache.RedisWithLocalFallback", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "advocacy",
                          "OPTIONS": {"MAX_ENTRIES": 50_000}}}

# Celery: delivery that loses nothing. See advocacy/celery.py and advocacy/delivery.py.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or None
CELERY_TASK_IGNORE_RESULT = not CELERY_RESULT_BACKEND
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis: a task not acked within this many seconds is redelivered (after a worker died mid-task).
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    # How often workers sweep for such tasks (seconds, and every Nth sweep scans Redis).
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers keep their database connection across tasks (Celery's Django fixup closes it around every task unless
# this is set; 0 restores that). Connections still end after DB_CONN_MAX_AGE or an error: advocacy/worker_db.py.
CELERY_DB_REUSE_MAX = env_int("CELERY_DB_REUSE_MAX", 1000) or None
# Queues by kind (calls, emails, housekeeping), routed by task name: advocacy/queues.py.
CELERY_TASK_QUEUES = {name: {"exchange": name, "routing_key": name} for name in ("calls", "emails", "housekeeping")}
CELERY_TASK_DEFAULT_QUEUE = "housekeeping"
CELERY_TASK_ROUTES = ("advocacy.queues.route_task",)
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "sync-targets-daily": {"task": "targets.tasks.sync_targets_task", "schedule": 24 * 3600},
    "expire-unconfirmed-emails": {"task": "advocacy.emails.tasks.expire_unconfirmed", "schedule": 3600},
    "reconcile-emails": {"task": "advocacy.emails.tasks.reconcile_emails", "schedule": 60},
    "reconcile-calls": {"task": "advocacy.calls.tasks.reconcile_calls", "schedule": 60},
}
# The email reconciler (advocacy/emails/reconcile.py): a `queued` delivery untouched this long is re-enqueued
# (longer than the longest retry backoff, so a retry in progress is never doubled); one still unsent this many
# hours after confirmation is failed with the reason. The same email in the same campaign within
# EMAIL_DUPLICATE_WINDOW_SECONDS returns the action already recorded (a double click, a retried POST).
EMAIL_STUCK_SECONDS = env_int("EMAIL_STUCK_SECONDS", 900)
EMAIL_GIVE_UP_HOURS = env_int("EMAIL_GIVE_UP_HOURS", 24)
EMAIL_DUPLICATE_WINDOW_SECONDS = env_int("EMAIL_DUPLICATE_WINDOW_SECONDS", 600)

# Email: console by default; any anymail provider via EMAIL_BACKEND + ANYMAIL_* variables.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# Each worker process keeps its SMTP connection (or anymail's HTTP session) open across messages
# (advocacy/providers/email.py): reopened after any error, after this idle time, or after this many messages.
EMAIL_CONNECTION_REUSE = env_bool("EMAIL_CONNECTION_REUSE", default=True)
EMAIL_CONNECTION_MAX_IDLE_SECONDS = env_int("EMAIL_CONNECTION_MAX_IDLE_SECONDS", 30)
EMAIL_CONNECTION_MAX_MESSAGES = env_int("EMAIL_CONNECTION_MAX_MESSAGES", 100)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Day of Action <action@localhost>")
EMAIL_MESSAGE_ID_DOMAIN = env("EMAIL_MESSAGE_ID_DOMAIN", "advocacy.localhost")
EMAIL_CONFIRMATION_HOURS = env_int("EMAIL_CONFIRMATION_HOURS", 48)
EMAILS_PER_ADDRESS_PER_HOUR = env_int("EMAILS_PER_ADDRESS_PER_HOUR", 5)
EMAILS_PER_IP_PER_HOUR = env_int("EMAILS_PER_IP_PER_HOUR", 20)
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_") and value
}

# Twilio: with no credentials the built-in call simulator stands in.
TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN")
TWILIO_API_BASE_URL = env("TWILIO_API_BASE_URL", "https://api.twilio.com").rstrip("/")
TWILIO_CALLS_PER_SECOND = env_float("TWILIO_CALLS_PER_SECOND", 1.0)
TWILIO_CALLER_ID = env("TWILIO_CALLER_ID")  # used when a campaign has no phone number of its own
# Where the supporter's own number can be shown to the offices we connect them to (a verified caller ID or
# a number Twilio lets you pass through); otherwise offices see the campaign's number.
CALL_PASS_SUPPORTER_CALLER_ID = env_bool("CALL_PASS_SUPPORTER_CALLER_ID", default=True)
# Safety: rate limits, toll-fraud guards and limits on how long a call may run.
CALLS_PER_PHONE_PER_HOUR = env_int("CALLS_PER_PHONE_PER_HOUR", 3)
CALLS_PER_IP_PER_HOUR = env_int("CALLS_PER_IP_PER_HOUR", 10)
CALL_MAX_PHONES_PER_IP_PER_DAY = env_int("CALL_MAX_PHONES_PER_IP_PER_DAY", 5)
CALL_MAX_CONCURRENT_PER_CAMPAIGN = env_int("CALL_MAX_CONCURRENT_PER_CAMPAIGN", 200)
CALL_MAX_SECONDS = env_int("CALL_MAX_SECONDS", 3600)
CALL_MAX_LEG_SECONDS = env_int("CALL_MAX_LEG_SECONDS", 1200)
CALL_DIAL_TIMEOUT_SECONDS = env_int("CALL_DIAL_TIMEOUT_SECONDS", 30)
CALL_ALLOWED_REGIONS = env_list("CALL_ALLOWED_REGIONS", "US,PR,GU,VI,AS,MP")
CALL_BLOCKLIST = env_list("CALL_BLOCKLIST")  # E.164 numbers or prefixes, comma-separated
# Reliability of calls: how long one run of place_call owns a session it is placing (renewed just before it
# asks Twilio; must exceed the Twilio request's timeout, and stay below CELERY_VISIBILITY_TIMEOUT).
CALL_PLACING_LEASE_SECONDS = env_int("CALL_PLACING_LEASE_SECONDS", 120)
# A session placing or ringing this long after it was placed (in progress: CALL_MAX_SECONDS longer) is stale:
# it stops counting against CALL_MAX_CONCURRENT_PER_CAMPAIGN and the reconciler asks Twilio how it ended.
CALL_STALE_AFTER_SECONDS = env_int("CALL_STALE_AFTER_SECONDS", 900)
# A call still queued (or whose placing run died) this long after it was requested is re-enqueued, once.
CALL_REQUEUE_AFTER_SECONDS = env_int("CALL_REQUEUE_AFTER_SECONDS", 120)
# The same phone asking again in the same campaign within this window, while its call is under way, gets that call.
CALL_DUPLICATE_WINDOW_SECONDS = env_int("CALL_DUPLICATE_WINDOW_SECONDS", 600)

# Target data and lookup.
CENSUS_GEOCODER_URL = env("CENSUS_GEOCODER_URL", "https://geocoding.geo.census.gov/geocoder").rstrip("/")
GEOCODIO_API_KEY = env("GEOCODIO_API_KEY")
GEOCODIO_URL = env("GEOCODIO_URL", "https://api.geocod.io/v1.7/geocode")
GEOCODER_TIMEOUT = env_float("GEOCODER_TIMEOUT", 3.0)
LOOKUPS_PER_MINUTE_PER_IP = env_int("LOOKUPS_PER_MINUTE_PER_IP", 60)
LOOKUP_CACHE_SECONDS = env_int("LOOKUP_CACHE_SECONDS", 3600)  # ZIP answers; sync_targets invalidates them
GEOCODER_CACHE_SECONDS = env_int("GEOCODER_CACHE_SECONDS", 86400)
# District data per Congress (issue 18). The lookup answers for the Congress sitting at the request's moment
# (switching at noon ET on January 3 of odd years); CONGRESS_OVERRIDE pins it (tests, special cases).
CONGRESS_OVERRIDE = env_int("CONGRESS_OVERRIDE", 0) or None
# The Census geocoder vintage that carries each Congress's district layer ("119=Current_Current,...").
CENSUS_GEOCODER_VINTAGES = dict(pair.split("=", 1) for pair in env_list(
    "CENSUS_GEOCODER_VINTAGES", "119=Current_Current,120=Current_Current"))
CENSUS_GEOCODER_BENCHMARK = env("CENSUS_GEOCODER_BENCHMARK", "Public_AR_Current")
# Upstream sources pinned to a version (a commit in the URL); sync_targets reports what it loaded.
CONGRESS_LEGISLATORS_REF = env("CONGRESS_LEGISLATORS_REF", "dfa9622263dd4c8d08636926e498f1845704d7eb")
ZIP_DISTRICTS_REF = env("ZIP_DISTRICTS_REF", "1335b61ff36b6835a25fc63c754070a6148110e7")
ZIP_DISTRICTS_CONGRESS = env_int("ZIP_DISTRICTS_CONGRESS", 119)  # the plan zccd.csv at that ref describes
ZIP_CENTROIDS_REF = env("ZIP_CENTROIDS_REF", "53c521f2333c47589943351e29b3c4292902660f")
# More district plans, e.g. the next Congress's, built by build_zip_districts: "120=/path/or/url.csv,...".
DISTRICT_PLAN_FILES = dict(pair.split("=", 1) for pair in env_list("DISTRICT_PLAN_FILES", ""))
CAPITOL_SWITCHBOARD = env("CAPITOL_SWITCHBOARD", "+12022243121")

# Dashboard and the public counter.
DASHBOARD_REFRESH_SECONDS = env_int("DASHBOARD_REFRESH_SECONDS", 5)
PUBLIC_STATS_CACHE_SECONDS = env_int("PUBLIC_STATS_CACHE_SECONDS", 5)

# Target data: sync_targets downloads the live sources; the coalition's own fixed targets (executive offices,
# leadership and committee chairs with sources) come from a file or URL of its own.
FIXED_TARGETS_URL = env("FIXED_TARGETS_URL")
SYNC_DOWNLOAD_TIMEOUT = env_float("SYNC_DOWNLOAD_TIMEOUT", 60.0)
CONTACT_CONGRESS_TARBALL_URL = env(
    "CONTACT_CONGRESS_TARBALL_URL", "https://codeload.github.com/unitedstates/contact-congress/tar.gz/refs/heads/main")
ICE_DATA_URL = env("ICE_DATA_URL")  # a base URL laid out like shared/data (ice/*.csv) for sync_ice_locations
EVENTS_PER_IP_PER_HOUR = env_int("EVENTS_PER_IP_PER_HOUR", 5)
RSVPS_PER_IP_PER_HOUR = env_int("RSVPS_PER_IP_PER_HOUR", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "advocacy.privacy.logfilter.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# CWC (Communicating with Congress): the official channel for constituent messages from registered delivery
# agents. House and Senate (SOAPBox) are configured separately; without a host and key a chamber's offices get
# the web-form fallback. CWC_HOST/CWC_API_KEY are the House's when the chamber-specific ones are unset.
CWC_HOUSE_HOST = env("CWC_HOUSE_HOST", env("CWC_HOST"))
CWC_HOUSE_API_KEY = env("CWC_HOUSE_API_KEY", env("CWC_API_KEY"))
CWC_SENATE_HOST = env("CWC_SENATE_HOST")
CWC_SENATE_API_KEY = env("CWC_SENATE_API_KEY")
CWC_DELIVERY_AGENT = env("CWC_DELIVERY_AGENT")  # the registered delivery agent's name
CWC_DELIVERY_AGENT_ACK_EMAIL = env("CWC_DELIVERY_AGENT_ACK_EMAIL")
CWC_DELIVERY_AGENT_CONTACT_NAME = env("CWC_DELIVERY_AGENT_CONTACT_NAME")
CWC_DELIVERY_AGENT_CONTACT_EMAIL = env("CWC_DELIVERY_AGENT_CONTACT_EMAIL")
CWC_DELIVERY_AGENT_CONTACT_PHONE = env("CWC_DELIVERY_AGENT_CONTACT_PHONE")
CWC_ORGANIZATION = env("CWC_ORGANIZATION")  # optional: the coalition named in <Organization>
CWC_TOPICS = env_list("CWC_TOPICS", "Immigration")  # Library of Congress policy areas
CWC_TIMEOUT = env_float("CWC_TIMEOUT", 20.0)
CWC_OFFICES_CACHE_SECONDS = env_int("CWC_OFFICES_CACHE_SECONDS", 3600)
# Safety and privacy (README "Privacy" and "Security"). ------------------------------------------------------
# Client address: X-Forwarded-For is believed only as far as our own proxies wrote it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_TLS_PROXY else 0)
TRUSTED_PROXY_CIDRS = env_list("TRUSTED_PROXY_CIDRS")
# Retention: phones and emails become keyed hashes this many days after the call or delivery is final.
PRIVACY_HASH_KEY = env("PRIVACY_HASH_KEY")  # unset: derived from SECRET_KEY
PRIVACY_RETENTION_DAYS = env_int("PRIVACY_RETENTION_DAYS", 30)
CELERY_BEAT_SCHEDULE["apply-retention"] = {"task": "advocacy.privacy.tasks.apply_retention", "schedule": 3600}
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
