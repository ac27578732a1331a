"""The demo campaign: the Communities Not Cages day of action, in our own words, in English and Spanish."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db import transaction

from advocacy.campaigns.models import Campaign, CampaignTarget, Demand, MessageTemplate, SamplePost, ScheduleItem
from targets.models import Target

SLUG = "day-of-action"
EASTERN = zoneinfo.ZoneInfo("America/New_York")
FIXED_TARGET_KEYS = {
    "dhs_main": ("Runs ICE and CBP, which hold people in detention",
                 "Dirige ICE y CBP, que mantienen a personas en detención"),
    "white_house_comments": ("The President can stop detention expansion today",
                             "El presidente puede detener hoy la expansión de la detención"),
}
ROLE_LINES = [
    "leadership:house:speaker-of-the-house",
    "leadership:senate:senate-majority-leader",
    "committee:HSAP15:chair",
    "committee:SSAP14:chair",
]

DEMANDS = [
    ("Shut down detention centers and stop detention expansion.",
     "Cierren los centros de detención y detengan su expansión."),
    ("Stop deportations, including Title 42 expulsions.",
     "Detengan las deportaciones, incluidas las expulsiones bajo el Título 42."),
    ("Free them all.", "Libérenlos a todos."),
    ("Cut ICE and CBP's budget.", "Recorten el presupuesto de ICE y CBP."),
]

CALL_SCRIPT = (
    "Hello{% if supporter.first_name %}, my name is {{ supporter.first_name }}{% endif %}."
    "{% if constituent %} I'm your constituent{% if supporter.zip_code %} and I live in ZIP code "
    "{{ supporter.zip_code }}{% endif %}.{% endif %} I'm calling {{ target_name }} as part of today's day of "
    "action for communities, not cages, with four demands: {% for demand in demands %}{{ demand }} {% endfor %}"
    "Families belong together in their communities, not locked in detention. Thank you."
)
CALL_SCRIPT_ES = (
    "Hola{% if supporter.first_name %}, me llamo {{ supporter.first_name }}{% endif %}."
    "{% if constituent %} Soy su constituyente{% if supporter.zip_code %} y vivo en el código postal "
    "{{ supporter.zip_code }}{% endif %}.{% endif %} Llamo a {{ target_name }} como parte de la jornada de acción "
    "por comunidades, no jaulas, con cuatro demandas: {% for demand in demands %}{{ demand }} {% endfor %}"
    "Las familias deben estar juntas en sus comunidades, no encerradas en detención. Gracias."
)
MEMBER_SUBJECT = ("{% if constituent %}Your constituent asks{% else %}Today's day of action asks{% endif %}: "
                  "communities, not cages")
MEMBER_SUBJECT_ES = ("{% if constituent %}Su constituyente le pide{% else %}La jornada de acción de hoy pide"
                     "{% endif %}: comunidades, no jaulas")
BODY = (
    "Dear {{ target_name }},\n\n"
    "I am writing{% if constituent %} as your constituent{% if supporter.zip_code %} from ZIP code "
    "{{ supporter.zip_code }}{% endif %}{% endif %} on today's national "
    "day of action against immigration detention. I urge you to act on four demands:\n\n"
    "{% for demand in demands %}- {{ demand }}\n{% endfor %}\n"
    "{{ appeal }}\n\nSincerely,\n{{ signature }}"
)
BODY_ES = (
    "Estimado/a {{ target_name }}:\n\n"
    "Le escribo{% if constituent %} como su constituyente{% if supporter.zip_code %} desde el código postal "
    "{{ supporter.zip_code }}{% endif %}{% endif %} en la jornada "
    "nacional de acción contra la detención de inmigrantes. Le pido que actúe sobre cuatro demandas:\n\n"
    "{% for demand in demands %}- {{ demand }}\n{% endfor %}\n"
    "{{ appeal }}\n\nAtentamente,\n{{ signature }}"
)
APPEALS = {
    MessageTemplate.TargetKind.MEMBER: (
        "{% if constituent %}As my representative in Congress, vote{% else %}Vote{% endif %} "
        "against every dollar for detention expansion and cut ICE and CBP's "
        "budget in this year's appropriations.",
        "{% if constituent %}Como mi representante en el Congreso, vote{% else %}Vote{% endif %} "
        "en contra de cada dólar para ampliar la detención y recorte el "
        "presupuesto de ICE y CBP en las asignaciones de este año."),
    MessageTemplate.TargetKind.LEADERSHIP: (
        "You decide what reaches the floor and what the appropriations bills fund. Use that power to end detention "
        "expansion and cut ICE and CBP's budget.",
        "Usted decide qué llega al pleno y qué financian las leyes de asignaciones. Use ese poder para poner fin a la "
        "expansión de la detención y recortar el presupuesto de ICE y CBP."),
    MessageTemplate.TargetKind.EXECUTIVE: (
        "The administration can release people today, end expulsions and stop signing new detention contracts. "
        "Do it now.",
        "El gobierno puede liberar a las personas hoy, poner fin a las expulsiones y dejar de firmar nuevos contratos "
        "de detención. Háganlo ya."),
}
SAMPLE_POSTS = [
    ("Today I called my members of Congress: shut down detention centers, stop deportations, free them all and cut "
     "ICE and CBP's budget. Join me: {url} #CommunitiesNotCages",
     "Hoy llamé a mis representantes en el Congreso: cierren los centros de detención, paren las deportaciones, "
     "libérenlos a todos y recorten el presupuesto de ICE y CBP. Únete: {url} #CommunitiesNotCages"),
    ("Our neighbors belong in our communities, not in cages. Congress sets ICE's budget: tell them to cut it. "
     "{url} #CommunitiesNotCages",
     "Nuestros vecinos pertenecen a nuestras comunidades, no a jaulas. El Congreso fija el presupuesto de ICE: "
     "exígeles que lo recorten. {url} #CommunitiesNotCages"),
]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=EASTERN).astimezone(dt.UTC)


def ensure_demo_campaign(*, day: dt.date, base_url: str, reset: bool = False) -> tuple[Campaign, bool, list[str]]:
    """The demo campaign: created when missing, rewritten only with `reset` (an organizer's edits survive).

    Returns it, whether it was (re)written, and warnings about targets not yet synced.
    """
    existing = Campaign.objects.filter(slug=SLUG).first()
    if existing is not None and not reset:
        return existing, False, []
    campaign, warnings = load_demo_campaign(day=day, base_url=base_url)
    return campaign, True, warnings


def _campaign_fields(day: dt.date, base_url: str) -> dict:
    return {
        "title": "Communities Not Cages: National Day of Action",
        "title_es": "Comunidades, no jaulas: Jornada Nacional de Acción",
        "summary": "Today we flood the phones and inboxes of the people who fund and run immigration detention. "
                   "Call or email your members of Congress, the Department of Homeland Security and the White "
                   "House with four demands.",
        "summary_es": "Hoy llenamos los teléfonos y buzones de quienes financian y dirigen la detención de "
                      "inmigrantes. Llama o escribe a tus representantes en el Congreso, al Departamento de "
                      "Seguridad Nacional y a la Casa Blanca con cuatro demandas.",
        "time_zone": "America/New_York",
        "is_published": True,
        "window_start": _at(day, 0),
        "window_end": _at(day + dt.timedelta(days=1), 0),
        "goal_calls": 5000,
        "goal_emails": 10000,
        "call_intro": "Thank you for taking action for communities, not cages. We will connect you to each office "
                      "in turn. Here is what to say.",
        "call_intro_es": "Gracias por actuar por comunidades, no jaulas. Te conectaremos con cada oficina, una por "
                         "una. Esto es lo que puedes decir.",
        "call_script": CALL_SCRIPT,
        "call_script_es": CALL_SCRIPT_ES,
        "hashtag": "#CommunitiesNotCages",
        "toolkit_url": f"{base_url}/c/{SLUG}/#share",
        "closed_message": "The day of action has ended. Thank you! Find a local action near you: "
                          f"{base_url}/c/{SLUG}/events/",
        "closed_message_es": "La jornada de acción terminó. ¡Gracias! Busca una acción local cerca de ti: "
                             f"{base_url}/c/{SLUG}/events/",
    }


def _target_lines(campaign: Campaign) -> list[str]:
    """The demo's whom, in order; returns warnings about fixed targets not yet synced."""
    warnings: list[str] = []
    lines = [CampaignTarget(campaign=campaign, position=0, source=CampaignTarget.Source.OWN_HOUSE),
             CampaignTarget(campaign=campaign, position=1, source=CampaignTarget.Source.OWN_SENATORS)]
    for key, (reason, reason_es) in FIXED_TARGET_KEYS.items():
        target = Target.objects.filter(key=key).first()
        if target is None:
            warnings.append(f"fixed target {key} is not in the database; run sync_targets first")
            continue
        lines.append(CampaignTarget(campaign=campaign, position=len(lines), source=CampaignTarget.Source.FIXED,
                                    target=target, reason=reason, reason_es=reason_es))
    lines += [CampaignTarget(campaign=campaign, position=len(lines) + i, source=CampaignTarget.Source.ROLE, role=role)
              for i, role in enumerate(ROLE_LINES)]
    CampaignTarget.objects.bulk_create(lines)
    return warnings


def _schedule(campaign: Campaign, day: dt.date, base_url: str) -> list[ScheduleItem]:
    return [
        ScheduleItem(campaign=campaign, title="National livestream", title_es="Transmisión nacional en vivo",
                     description="Hear from people who survived detention and the organizers fighting to end it.",
                     description_es="Escucha a personas que sobrevivieron la detención y a quienes luchan por "
                                    "terminarla.",
                     starts_at=_at(day, 11, 30), ends_at=_at(day, 12, 30), url=f"{base_url}/c/{SLUG}/#schedule",
                     link_label="Watch", link_label_es="Ver"),
        ScheduleItem(campaign=campaign, title="Digital action hour", title_es="Hora de acción digital",
                     description="Everyone calls and emails at once. Use the form on this page.",
                     description_es="Todos llamamos y escribimos a la vez. Usa el formulario de esta página.",
                     starts_at=_at(day, 13), ends_at=_at(day, 14), url=f"{base_url}/c/{SLUG}/#act",
                     link_label="Take action", link_label_es="Actuar"),
        ScheduleItem(campaign=campaign, title="Twitter storm on #CommunitiesNotCages",
                     title_es="Tormenta en Twitter con #CommunitiesNotCages",
                     description="Post the sample messages below and tag your members of Congress.",
                     description_es="Publica los mensajes de ejemplo y etiqueta a tus representantes.",
                     starts_at=_at(day, 14), ends_at=_at(day, 15), url=f"{base_url}/c/{SLUG}/#share",
                     link_label="Sample posts", link_label_es="Mensajes de ejemplo"),
    ]


@transaction.atomic
def load_demo_campaign(*, day: dt.date, base_url: str) -> tuple[Campaign, list[str]]:
    """Create or overwrite the demo campaign for `day`. Returns it and warnings about targets not yet synced."""
    campaign, _ = Campaign.objects.update_or_create(slug=SLUG, defaults=_campaign_fields(day, base_url))
    campaign.demands.all().delete()
    Demand.objects.bulk_create(Demand(campaign=campaign, position=i, text=en, text_es=es)
                               for i, (en, es) in enumerate(DEMANDS))
    campaign.target_lines.all().delete()
    warnings = _target_lines(campaign)
    campaign.message_templates.all().delete()
    for kind, (appeal, appeal_es) in APPEALS.items():
        MessageTemplate.objects.create(
            campaign=campaign, target_kind=kind, subject=MEMBER_SUBJECT, subject_es=MEMBER_SUBJECT_ES,
            body=BODY.replace("{{ appeal }}", appeal), body_es=BODY_ES.replace("{{ appeal }}", appeal_es))
    campaign.schedule.all().delete()
    ScheduleItem.objects.bulk_create(_schedule(campaign, day, base_url))
    campaign.sample_posts.all().delete()
    page = f"{base_url}/c/{SLUG}/"
    SamplePost.objects.bulk_create(SamplePost(campaign=campaign, position=i, text=en.format(url=page),
                                              text_es=es.format(url=page))
                                   for i, (en, es) in enumerate(SAMPLE_POSTS))
    return campaign, warnings
