"""The demo's scripts and emails by kind of office: "I'm your constituent" only to the supporter's own members,
never to DHS, the White House, leadership or another state's member; the first name when given, no name else."""

import pytest

from advocacy.campaigns import demo
from advocacy.campaigns.models import MessageTemplate
from advocacy.campaigns.scripts import call_script_for, email_for
from targets.models import Target

pytestmark = pytest.mark.django_db
MEMBER, EXECUTIVE, LEADERSHIP = (MessageTemplate.TargetKind.MEMBER, MessageTemplate.TargetKind.EXECUTIVE,
                                 MessageTemplate.TargetKind.LEADERSHIP)
NEW_YORKER = {"name": "  Ana   Ruiz ", "zip_code": "10002", "state": "NY"}


@pytest.fixture
def demo_campaign(campaign):
    campaign.call_script, campaign.call_script_es = demo.CALL_SCRIPT, demo.CALL_SCRIPT_ES
    campaign.save()
    for kind in (MEMBER, EXECUTIVE, LEADERSHIP):
        MessageTemplate.objects.create(campaign=campaign, target_kind=kind, subject=demo.MEMBER_SUBJECT,
                                       subject_es=demo.MEMBER_SUBJECT_ES,
                                       body=demo.BODY.replace("{{ appeal }}", "Act."),
                                       body_es=demo.BODY_ES.replace("{{ appeal }}", "Actúe."))
    return campaign


def script(campaign, key: str, kind: str, supporter=NEW_YORKER, language="en") -> str:
    return call_script_for(campaign=campaign, target=Target.objects.get(key=key), template_kind=kind,
                           language=language, supporter=supporter)


def test_only_the_supporters_own_members_hear_they_are_constituents(demo_campaign):
    own = script(demo_campaign, "G000599", MEMBER)
    assert own.startswith("Hello, my name is Ana. I'm your constituent and I live in ZIP code 10002. I'm calling "
                          "Representative Daniel Goldman")
    for key, kind in (("dhs_main", EXECUTIVE), ("G000599", LEADERSHIP), ("B001288", MEMBER)):  # B001288: Vermont
        other = script(demo_campaign, key, kind)
        assert other.startswith("Hello, my name is Ana. I'm calling ") and "constituent" not in other, key
        assert "ZIP code" not in other
    spanish = script(demo_campaign, "dhs_main", EXECUTIVE, language="es")
    assert spanish.startswith("Hola, me llamo Ana. Llamo a ") and "constituyente" not in spanish


def test_without_a_name_nobody_is_named(demo_campaign):
    anonymous = script(demo_campaign, "S000148", MEMBER, supporter={"zip_code": "10002", "state": "NY"})
    assert anonymous.startswith("Hello. I'm your constituent and I live in ZIP code 10002.")
    assert "my name is" not in anonymous and "a constituent" not in anonymous


def test_email_subjects_and_bodies_follow_the_kind_of_office(demo_campaign):
    def email(key, kind):
        return email_for(campaign=demo_campaign, target=Target.objects.get(key=key), template_kind=kind,
                         language="en", supporter=NEW_YORKER)

    own, dhs = email("S000148", MEMBER), email("dhs_main", EXECUTIVE)
    assert own.subject == "Your constituent asks: communities, not cages"
    assert "I am writing as your constituent from ZIP code 10002 on today's" in own.body
    assert dhs.subject == "Today's day of action asks: communities, not cages"
    assert "constituent" not in dhs.body and dhs.body.startswith("Dear Department of Homeland Security")
