"""Settings, all from the environment, with embedded defaults that run on a laptop.

Nothing configured: SQLite, tasks run eagerly, email printed to the console and the call simulator
instead of Twilio. Every variable is documented in README.md. Whole concerns (target data, CWC, safety and
privacy) live in advocacy/config/, one module each, imported here.
"""

import os
from pathlib import Path

import dj_database_url

from advocacy.config.cwc import *  # noqa: F403
from advocacy.config.env import env, env_bool, env_float, env_int, env_list
from advocacy.config.security import *  # noqa: F403
from advocacy.config.site import *  # noqa: F403
from advocacy.config.site import DEBUG, PUBLIC_BASE_URL
from advocacy.config.target_data import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent

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
    # Safety and privacy (their settings: advocacy/config/security.py).
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
    *["advocacy.security.csp.FixedPolicyCSPMiddleware", "advocacy.security.middleware.SafetyMiddleware",
      "axes.middleware.AxesMiddleware"],  # safety and privacy (advocacy/config/security.py)
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
    # Concurrent writers (web + eager tasks) wait for the lock instead of failing at once: a transaction takes the
    # write lock when it begins (IMMEDIATE), so it never fails midway on upgrading a read lock, and readers do not
    # block the writer (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20, transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
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
# How often beat runs the reconcilers (seconds): the ages below decide what they act on.
RECONCILE_EVERY_SECONDS = env_float("RECONCILE_EVERY_SECONDS", 60.0)
CELERY_BEAT_SCHEDULE = {
    "sync-targets-daily": {"task": "targets.tasks.sync_targets_task", "schedule": 24 * 3600},
    "expire-unconfirmed-emails": {"task": "advocacy.emails.tasks.expire_unconfirmed", "schedule": 3600},
    "reconcile-emails": {"task": "advocacy.emails.tasks.reconcile_emails", "schedule": RECONCILE_EVERY_SECONDS},
    "reconcile-calls": {"task": "advocacy.calls.tasks.reconcile_calls", "schedule": RECONCILE_EVERY_SECONDS},
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
# A pool of accounts or subaccounts, each paced at its own rate (advocacy/providers/twilio_accounts.py):
# `sid:token:cps,sid:token:cps` or a JSON list; unset, the one account above at TWILIO_CALLS_PER_SECOND.
TWILIO_ACCOUNTS = env("TWILIO_ACCOUNTS")
# Pacing (advocacy/calls/pacing.py): a call waiting for its slot is a Celery task with an ETA, never a sleeping
# worker; one further than this is looked at again then (kept well below CELERY_VISIBILITY_TIMEOUT).
CALL_PACING_MAX_ETA_SECONDS = env_int("CALL_PACING_MAX_ETA_SECONDS", 300)
# The status page offers "call me later instead" when the wait is at least this long (minutes).
CALL_LATER_OFFER_MINUTES = env_int("CALL_LATER_OFFER_MINUTES", 10)
# How many days ahead a supporter may schedule a call-back.
CALL_LATER_DAYS = env_int("CALL_LATER_DAYS", 3)
TWILIO_REQUEST_TIMEOUT_SECONDS = env_float("TWILIO_REQUEST_TIMEOUT_SECONDS", 30.0)  # below CALL_PLACING_LEASE_SECONDS
TWILIO_CALLER_ID = env("TWILIO_CALLER_ID")  # used when a campaign has no phone number of its own
# Where the supporter's own number can be shown to the offices we connect them to (a verified caller ID or
# a number Twilio lets you pass through); otherwise offices see the campaign's number.
CALL_PASS_SUPPORTER_CALLER_ID = env_bool("CALL_PASS_SUPPORTER_CALLER_ID", default=True)
# Safety: rate limits, toll-fraud guards and limits on how long a call may run.
CALLS_PER_PHONE_PER_HOUR = env_int("CALLS_PER_PHONE_PER_HOUR", 3)
# One address may be a phone-bank party or a carrier-NAT mobile network: the per-IP limits are generous, and the
# toll-fraud guard counts the numbers we rang that never answered and pressed 1 (advocacy/calls/safety.py).
CALLS_PER_IP_PER_HOUR = env_int("CALLS_PER_IP_PER_HOUR", 60)
CALL_MAX_PHONES_PER_IP_PER_DAY = env_int("CALL_MAX_PHONES_PER_IP_PER_DAY", 100)
CALL_MAX_UNANSWERED_PHONES_PER_IP_PER_DAY = env_int("CALL_MAX_UNANSWERED_PHONES_PER_IP_PER_DAY", 5)
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

# Dashboard and the public counter.
DASHBOARD_REFRESH_SECONDS = env_int("DASHBOARD_REFRESH_SECONDS", 5)
PUBLIC_STATS_CACHE_SECONDS = env_int("PUBLIC_STATS_CACHE_SECONDS", 5)

# Events: how many a connection may host, and RSVP to, per hour.
EVENTS_PER_IP_PER_HOUR = env_int("EVENTS_PER_IP_PER_HOUR", 5)
RSVPS_PER_IP_PER_HOUR = env_int("RSVPS_PER_IP_PER_HOUR", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "advocacy.privacy.logfilter.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # The Twilio SDK writes five INFO lines about every REST request (headers, status): noise at CPU cost in the
    # calls worker. Its warnings and errors still show; our own placing logs say what happened to each call.
    "loggers": {"twilio.http_client": {"level": env("TWILIO_LOG_LEVEL", "WARNING")}},
}

# The retention pass (its settings: advocacy/config/security.py) runs hourly beside the other beat tasks.
CELERY_BEAT_SCHEDULE["apply-retention"] = {"task": "advocacy.privacy.tasks.apply_retention", "schedule": 3600}
