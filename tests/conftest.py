from __future__ import annotations

import datetime as dt
import os

import pytest
import redis as redis_lib
from django.core.management import call_command
from django.utils import timezone

from advocacy.campaigns.models import Campaign, CampaignTarget, MessageTemplate
from advocacy.celery import app as celery_app
from targets.models import DistrictOffice, Target
from tests.fakes.twilio import FakeTwilio
from tests.services import REDIS_URL, WorkerProcess, require_postgres_and_redis
from tests.targets.fixtures import ZCCD, write_data_dir

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-auth-token"
GOLDMAN_EMAIL = "office@goldman.example"
SCHUMER_EMAIL = "office@schumer.example"


@pytest.fixture
def broker_url():
    """A Redis database of its own for this test run, flushed before use."""
    require_postgres_and_redis()
    url = REDIS_URL.rsplit("/", 1)[0] + "/" + os.environ.get("TEST_REDIS_DB", "9")
    redis_lib.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def real_celery(broker_url, settings):
    """Tasks go to a real Redis broker (not eager) from this process, for a subprocess worker to run."""
    previous = {
        "broker_url": celery_app.conf.broker_url,
        "task_always_eager": celery_app.conf.task_always_eager,
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = broker_url
    celery_app.conf.update(broker_url=broker_url, task_always_eager=False)
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)
    yield broker_url
    celery_app.conf.update(**previous)
    celery_app._pool = None


@pytest.fixture
def celery_worker_process(real_celery):
    """Start workers with `celery_worker_process()`; every one is stopped when the test ends."""
    workers: list[WorkerProcess] = []

    def start(**kwargs) -> WorkerProcess:
        worker = WorkerProcess(broker_url=real_celery, **kwargs).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters, cached counts and lookups live in the cache: every test starts from an empty one."""
    from django.core.cache import cache

    from targets.lookup import forget_lookup_version
    from targets.serializers import forget_local_bodies

    cache.clear()
    forget_lookup_version(), forget_local_bodies()  # this process's copies of what the cache held
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def congress_of_the_fixtures(settings):
    """The fixtures are 119th-Congress data: pin the lookup to it so the suite does not change on 2027-01-03."""
    settings.CONGRESS_OVERRIDE = 119


@pytest.fixture
def targets(tmp_path, db):
    """The small target data of tests/targets/fixtures.py, plus a ZIP (10002) that lies in NY-10 only."""
    data_dir = write_data_dir(tmp_path, zccd=ZCCD + "36,NY,10002,10\n")
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=open("/dev/null", "w"))
    nadler = Target.objects.get(key="N000002")
    DistrictOffice.objects.filter(target=nadler).update(latitude=40.1, longitude=-73.1)


@pytest.fixture
def campaign(targets):
    campaign = Campaign.objects.create(slug="detention", title="Communities Not Cages", phone_number="+12025550100",
                                       is_published=True, call_intro="Thanks for calling.",
                                       call_script="Please cut ICE's budget.",
                                       window_start=timezone.now() - dt.timedelta(hours=1),
                                       window_end=timezone.now() + dt.timedelta(hours=1))
    CampaignTarget.objects.create(campaign=campaign, position=0, source=CampaignTarget.Source.OWN_HOUSE)
    CampaignTarget.objects.create(campaign=campaign, position=1, source=CampaignTarget.Source.OWN_SENATORS)
    CampaignTarget.objects.create(campaign=campaign, position=2, source=CampaignTarget.Source.FIXED,
                                  target=Target.objects.get(key="dhs_main"))
    return campaign




@pytest.fixture
def email_campaign(campaign):
    campaign.from_email = "action@coalition.example"
    campaign.save()
    for kind in (MessageTemplate.TargetKind.MEMBER, MessageTemplate.TargetKind.EXECUTIVE):
        MessageTemplate.objects.create(
            campaign=campaign, target_kind=kind, subject="Communities, not cages, {{ target_name }}",
            body="Dear {{ target_name }},\n\n{% for d in demands %}- {{ d }}\n{% endfor %}\nSincerely,\n"
                 "{{ supporter.name }}, {{ supporter.city }} {{ supporter.zip_code }}")
    Target.objects.filter(key="G000599").update(email=GOLDMAN_EMAIL)
    Target.objects.filter(key="S000148").update(email=SCHUMER_EMAIL)
    Target.objects.filter(key="dhs_main").update(url="https://www.dhs.gov/contact-us")
    return campaign


@pytest.fixture
def fake_twilio(live_server, settings):
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
        settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
        settings.TWILIO_API_BASE_URL = fake.url
        settings.PUBLIC_BASE_URL = live_server.url
        settings.TWILIO_CALLS_PER_SECOND = 1000
        yield fake


def confirm_url(action) -> str:
    """The confirmation link the supporter's email carries, for tests about what happens after the click (its
    secret is made the way the confirmation email makes it; tests/safety reads it from the email itself)."""
    from advocacy.emails.confirmation import issue_secret

    return f"/emails/confirm/{issue_secret(action)}/"
