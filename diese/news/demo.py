"""Demo brèves about real public measures, and a few events to come."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from diese.taxonomy.models import Audience, Theme

from .models import EventPage, NewsIndexPage, NewsPage

NEWS = [
    {
        "title": "Pôle emploi devient France Travail",
        "summary": "Depuis le 1er janvier 2024, France Travail remplace Pôle emploi et coordonne un réseau qui réunit l'État, les régions, les départements, les missions locales et Cap emploi.",
        "body": "La loi pour le plein emploi du 18 décembre 2023 a créé France Travail. L'opérateur reprend les missions de Pôle emploi et anime le réseau pour l'emploi, avec un objectif : un accompagnement plus lisible pour les personnes, quelle que soit la porte à laquelle elles frappent. Pour les professionnels, cela veut dire des outils et des diagnostics partagés entre partenaires.",
        "source": "https://www.francetravail.fr/",
        "themes": ["trouver-un-emploi"],
        "audiences": ["demandeurs-emploi"],
    },
    {
        "title": "RSA : inscription à France Travail et 15 heures d'activité",
        "summary": "Depuis le 1er janvier 2025, les allocataires du RSA sont inscrits à France Travail et signent un contrat d'engagement prévoyant en principe au moins 15 heures d'activité par semaine.",
        "body": "Les heures d'activité sont adaptées à la situation de chacun : formation, immersion en entreprise, démarches de santé ou de logement peuvent en faire partie. La durée peut être réduite, voire nulle, pour les personnes qui rencontrent des difficultés particulières (santé, handicap, situation familiale). Les accompagnateurs jouent un rôle clé pour construire un contrat réaliste.",
        "source": "https://www.service-public.fr/",
        "themes": ["remobilisation", "trouver-un-emploi"],
        "audiences": ["beneficiaires-des-minimas-sociaux"],
    },
    {
        "title": "Le contrat d'engagement jeune, un accompagnement intensif pour les 16-25 ans",
        "summary": "Les missions locales et France Travail proposent aux jeunes sans emploi ni formation un accompagnement de 15 à 20 heures par semaine, avec une allocation sous conditions.",
        "body": "Le contrat d'engagement jeune s'adresse aux jeunes de 16 à 25 ans, et jusqu'à 29 ans pour les jeunes en situation de handicap. Il associe un conseiller unique, un programme d'activités (ateliers, immersions, formation) et une allocation mensuelle versée selon les ressources. Les jeunes peuvent vérifier leur éligibilité sur 1jeune1solution.",
        "source": "https://www.1jeune1solution.gouv.fr/",
        "themes": ["trouver-un-emploi", "se-former"],
        "audiences": ["jeunes"],
    },
    {
        "title": "Les aides de l'Agefiph pour l'emploi des personnes handicapées",
        "summary": "L'Agefiph finance des aides pour les personnes handicapées et leurs employeurs : aménagement du poste, formation, création d'entreprise, mobilité.",
        "body": "Ces aides complètent le droit commun. Elles peuvent être mobilisées par les personnes bénéficiaires de l'obligation d'emploi, par les entreprises privées qui les recrutent ou les maintiennent dans l'emploi, et par les professionnels qui les accompagnent. Le site de l'Agefiph décrit chaque aide et ses conditions.",
        "source": "https://www.agefiph.fr/",
        "themes": ["trouver-un-emploi", "sante"],
        "audiences": ["personnes-en-situation-de-handicap"],
    },
    {
        "title": "Journées nationales d'action contre l'illettrisme : faire connaître vos actions",
        "summary": "Chaque année en septembre, l'ANLCI invite les structures à ouvrir leurs portes et à organiser des événements sous le label « Agir ensemble contre l'illettrisme ».",
        "body": "Les Journées nationales d'action contre l'illettrisme rendent visibles les solutions qui existent près de chez soi : ateliers, formations, permanences. Les structures d'insertion peuvent y inscrire leurs actions et s'appuyer sur les outils de sensibilisation de l'ANLCI pour parler de l'illettrisme sans stigmatiser.",
        "source": "https://www.anlci.gouv.fr/",
        "themes": ["lecture-ecriture-calcul"],
        "audiences": ["actifs", "demandeurs-emploi"],
    },
]

# Dates count from the day the demo is loaded, so the agenda is never empty.
EVENTS = [
    {
        "title": "Webinaire : construire les 15 heures d'activité avec les allocataires du RSA",
        "summary": "Une heure d'échanges entre professionnels sur les activités qui comptent dans le contrat d'engagement, et sur les situations où il faut les adapter.",
        "body": "Trois structures du réseau présentent leurs pratiques, puis les participants posent leurs questions. Le lien de connexion est envoyé la veille aux personnes inscrites.",
        "days": 10,
        "start": time(14, 0),
        "end": time(15, 0),
        "online": True,
        "organiser": "Équipe d'animation de Diese",
        "registration_url": "https://www.example.org/inscription-webinaire-rsa",
        "themes": ["remobilisation"],
        "audiences": ["beneficiaires-des-minimas-sociaux"],
    },
    {
        "title": "Atelier : repérer les difficultés avec l'écrit en entretien",
        "summary": "Une matinée pour s'approprier le référentiel des compétences clés de l'ANLCI et savoir orienter vers une formation adaptée.",
        "body": "L'atelier alterne mises en situation et présentation d'outils de positionnement. Il s'adresse aux conseillers, formateurs et encadrants techniques.",
        "days": 24,
        "start": time(9, 30),
        "end": time(12, 30),
        "place": "Grenoble (adresse précisée à l'inscription)",
        "organiser": "Collectif régional de structures d'insertion (exemple de démonstration)",
        "themes": ["lecture-ecriture-calcul"],
        "audiences": ["actifs", "demandeurs-emploi"],
    },
    {
        "title": "Rencontre régionale : accompagner les jeunes en contrat d'engagement jeune",
        "summary": "Une journée pour croiser les regards des missions locales, des structures d'insertion et des employeurs sur les parcours des jeunes.",
        "body": "Matinée en plénière, après-midi en ateliers : immersions en entreprise, mobilité, levée des freins périphériques. Le déjeuner est offert aux participants inscrits.",
        "days": 45,
        "start": time(9, 0),
        "end": time(17, 0),
        "place": "Lyon (adresse précisée à l'inscription)",
        "online": False,
        "organiser": "Réseau régional des missions locales (exemple de démonstration)",
        "themes": ["trouver-un-emploi"],
        "audiences": ["jeunes"],
    },
]

FACETS = {"themes": Theme, "audiences": Audience}


def _add(index, page, facets, owner):
    for name, model in FACETS.items():
        getattr(page, name).set(model.objects.filter(slug__in=facets[name]))
    index.add_child(instance=page)
    page.save_revision(user=owner).publish()
    index.refresh_from_db()


def _at(day, moment):
    return timezone.make_aware(datetime.combine(day, moment))


def _working_day(day):
    # Professional meetings do not fall on a weekend.
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def load_demo_news(*, index: NewsIndexPage, owner) -> None:
    for data in NEWS:
        data = dict(data)
        if NewsPage.objects.filter(title=data["title"]).exists():
            continue
        facets = {name: data.pop(name, []) for name in FACETS}
        data["body"] = f"<p>{data['body']}</p>"
        _add(index, NewsPage(owner=owner, **data), facets, owner)

    today = timezone.localdate()
    for data in EVENTS:
        data = dict(data)
        if EventPage.objects.filter(title=data["title"]).exists():
            continue
        facets = {name: data.pop(name, []) for name in FACETS}
        day = _working_day(today + timedelta(days=data.pop("days")))
        data["start"] = _at(day, data["start"])
        data["end"] = _at(day, data["end"])
        data["body"] = f"<p>{data['body']}</p>"
        _add(index, EventPage(owner=owner, **data), facets, owner)
