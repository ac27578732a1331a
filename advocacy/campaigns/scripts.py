"""The words a supporter says or sends: call scripts and email texts, rendered for one target.

Organizers write scripts and templates in Django template syntax. The variables they can use:
`target` (a Target: `target.name`, `target.title`, `target.state`), `target_name` ("Senator Alex
Padilla"), `supporter` (a dict: `name`, `first_name`, `zip_code`, `city` (their town), `state`, `email`),
`signature` (the supporter's name, then "town, ST ZIP" on the next line), `campaign`, `demands` (the
campaign's demands as a list of texts in the chosen language) and `constituent` (true only for the supporter's
own members of Congress: wrap "I live in ZIP code …" in `{% if constituent %}`, so DHS, the White House, leadership
and other states' members are not told the supporter is theirs). An email whose text does not carry the
supporter's name gets `signature` appended, so every office sees who wrote and from which town.
Texts are plain (no HTML escaping); a template with a syntax error raises ScriptError, which the
admin shows as a form error before it can reach a supporter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.template import Context, Engine, TemplateSyntaxError
from django.utils import translation

from advocacy.campaigns.content import content_of
from advocacy.campaigns.models import Campaign, MessageTemplate, translated
from targets.models import Target
from targets.titles import display_name

_ENGINE = Engine(autoescape=False)


class ScriptError(ValueError):
    """A script or template an organizer wrote that cannot be rendered."""


@dataclass(frozen=True)
class EmailText:
    subject: str
    body: str


@functools.lru_cache(maxsize=512)  # keyed by the text itself: an edited script is a new key
def compile_text(text: str):
    try:
        return _ENGINE.from_string(text)
    except TemplateSyntaxError as exc:
        raise ScriptError(str(exc)) from exc


def render_text(text: str, context: dict) -> str:
    return compile_text(text).render(Context(context, autoescape=False)).strip()


def demands_for(campaign: Campaign, language: str) -> list[str]:
    return [translated(demand, "text", language) for demand in content_of(campaign).demands]


def template_for(campaign: Campaign, template_kind: str) -> MessageTemplate | None:
    """The campaign's template for this kind of target; leadership falls back to the member template."""
    templates = content_of(campaign).templates
    template = templates.get(template_kind)
    if template is None and template_kind == MessageTemplate.TargetKind.LEADERSHIP:
        template = templates.get(MessageTemplate.TargetKind.MEMBER)
    return template


def supporter_signature(supporter: dict) -> str:
    """"Ana Ruiz" / "New York, NY 10002": offices sort their mail by constituency."""
    place = ", ".join(p for p in (supporter.get("city", ""), supporter.get("state", "")) if p)
    place = " ".join(p for p in (place, supporter.get("zip_code", "")) if p)
    return "\n".join(line for line in (supporter.get("name", ""), place) if line)


def is_constituent(*, target: Target | None, template_kind: str, supporter: dict) -> bool:
    """The supporter is this office's constituent: a member of Congress reached as one of their own members
    (not as leadership or a fixed target of everyone), from the supporter's state when we know it."""
    if target is None or target.kind != Target.Kind.MEMBER or template_kind != MessageTemplate.TargetKind.MEMBER:
        return False
    states = supporter.get("states") or ([supporter["state"]] if supporter.get("state") else [])
    return not states or target.state in states


def script_context(*, campaign: Campaign, target: Target | None, language: str,
                   supporter: dict | None = None, template_kind: str = "") -> dict:
    supporter = dict(supporter or {})
    supporter["name"] = " ".join(str(supporter.get("name") or "").split())
    supporter["first_name"] = supporter["name"].split(" ")[0]
    with translation.override(language):
        target_name = display_name(target) if target else ""
    return {
        "campaign": campaign,
        "target": target,
        "target_name": target_name,
        "supporter": supporter,
        "signature": supporter_signature(supporter),
        "demands": demands_for(campaign, language),
        "constituent": is_constituent(target=target, template_kind=template_kind, supporter=supporter),
    }


def call_script_for(*, campaign: Campaign, target: Target | None, template_kind: str, language: str,
                    supporter: dict | None = None) -> str:
    """What the supporter says to this target's office: the kind's own script, else the campaign's."""
    template = template_for(campaign, template_kind)
    text = ""
    if template is not None:
        text = translated(template, "call_script", language)
    if not text:
        text = translated(campaign, "call_script", language)
    context = script_context(campaign=campaign, target=target, language=language, supporter=supporter,
                             template_kind=template_kind)
    return render_text(text, context)


def email_for(*, campaign: Campaign, target: Target | None, template_kind: str, language: str,
              supporter: dict | None = None) -> EmailText | None:
    """The email to this target, or None when the campaign has no template for its kind."""
    template = template_for(campaign, template_kind)
    if template is None:
        return None
    context = script_context(campaign=campaign, target=target, language=language, supporter=supporter,
                             template_kind=template_kind)
    subject = render_text(translated(template, "subject", language), context)
    body = render_text(translated(template, "body", language), context)
    return EmailText(subject=" ".join(subject.split()), body=body)
