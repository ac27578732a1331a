"""What only organizers change (demands, templates, schedule, posts, whom it reaches), read once per process.

Every TwiML webhook, action page and email used to re-read a campaign's demands and templates. They change only
when an organizer saves, so each process keeps them per campaign, keyed by the campaign row's `updated_at`:
the campaign is read anyway (with the call session or the page's slug), so a save in any process is seen by
every other process on its next request at no extra round trip. Saving or deleting a demand, template or target
line touches the campaign's `updated_at` (signals below), and drops this process's copy at once.

Target lines and role holders also depend on the target data (a target made inactive, a new committee chair), so
they are kept per lookup version too, which sync_targets bumps when it changes anything.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from advocacy.campaigns.models import Campaign, CampaignTarget, Demand, MessageTemplate, SamplePost, ScheduleItem

MAX_CAMPAIGNS = 64


@dataclass
class CampaignContent:
    demands: list[Demand]
    templates: dict[str, MessageTemplate]
    schedule: list[ScheduleItem]
    sample_posts: list[SamplePost]
    by_target_data: dict[tuple, list] = field(default_factory=dict)  # keyed by the target data's version


_contents: OrderedDict[tuple, CampaignContent] = OrderedDict()
_lock = threading.Lock()


def _key(campaign: Campaign) -> tuple:
    return campaign.pk, campaign.updated_at


def content_of(campaign: Campaign) -> CampaignContent:
    """The campaign's demands, templates and target lines as of its `updated_at`."""
    key = _key(campaign)
    with _lock:
        content = _contents.get(key)
        if content is not None:
            _contents.move_to_end(key)
            return content
    content = CampaignContent(
        demands=list(Demand.objects.filter(campaign_id=campaign.pk)),
        templates={t.target_kind: t for t in MessageTemplate.objects.filter(campaign_id=campaign.pk)},
        schedule=list(ScheduleItem.objects.filter(campaign_id=campaign.pk)),
        sample_posts=list(SamplePost.objects.filter(campaign_id=campaign.pk)),
    )
    with _lock:
        for stale in [k for k in _contents if k[0] == campaign.pk]:
            del _contents[stale]
        _contents[key] = content
        while len(_contents) > MAX_CAMPAIGNS:
            _contents.popitem(last=False)
    return content


def target_data_version() -> int:
    from django.core.cache import cache

    from targets.lookup import LOOKUP_VERSION_KEY

    return cache.get_or_set(LOOKUP_VERSION_KEY, 1, timeout=None)


def cached_by_target_data(campaign: Campaign, name: str, load):
    """`load()` (target lines, role holders) once per campaign version and target data version."""
    cached = content_of(campaign).by_target_data
    key = (name, target_data_version())
    if key not in cached:
        cached[key] = load()
    return cached[key]


_campaigns: OrderedDict[tuple, Campaign] = OrderedDict()


def campaign_as_of(campaign_id: int, updated_at) -> Campaign:
    """The campaign row itself, kept per process like its content: a caller that read only `updated_at` (an
    annotation on its own query) gets the whole row without the wide join or a second query when warm."""
    key = (campaign_id, updated_at)
    with _lock:
        campaign = _campaigns.get(key)
    if campaign is None:
        campaign = Campaign.objects.get(pk=campaign_id)
        with _lock:
            _campaigns[(campaign_id, campaign.updated_at)] = campaign
            while len(_campaigns) > MAX_CAMPAIGNS:
                _campaigns.popitem(last=False)
    return campaign


def forget(campaign_id: int) -> None:
    with _lock:
        for cache in (_contents, _campaigns):
            for key in [k for k in cache if k[0] == campaign_id]:
                del cache[key]


def _campaign_changed(sender, instance, **kwargs) -> None:
    campaign_id = instance.pk if sender is Campaign else instance.campaign_id
    forget(campaign_id)
    if sender is not Campaign:
        # A new updated_at is what tells the other processes their copy is stale.
        Campaign.objects.filter(pk=campaign_id).update(updated_at=timezone.now())


for _model in (Campaign, Demand, MessageTemplate, CampaignTarget, ScheduleItem, SamplePost):
    post_save.connect(_campaign_changed, sender=_model, dispatch_uid=f"campaign-content-{_model.__name__}")
    post_delete.connect(_campaign_changed, sender=_model, dispatch_uid=f"campaign-content-del-{_model.__name__}")
