"""Demo fiches outils: real tools from well-known public and non-profit bodies."""

from diese.taxonomy.models import Audience, Medium, Practitioner, Territory, Theme

from .enums import Cost
from .models import ToolIndexPage, ToolPage

TOOLS = [
    {
        "title": "Pix, évaluer et certifier ses compétences numériques",
        "summary": "Une plateforme publique en ligne pour mesurer, développer et certifier les compétences numériques.",
        "objectives": "Situer le niveau numérique d'une personne avant une formation ou une démarche en ligne, et lui donner un objectif de progression.",
        "description": "Des épreuves courtes et adaptatives sur cinq domaines (information, communication, création de contenu, protection, environnement numérique). Les résultats se partagent avec l'accompagnateur par un code de campagne.",
        "observations": "Demande un minimum d'aisance avec la souris et la lecture ; prévoir un accompagnement pour les personnes très éloignées du numérique.",
        "how_to_get": "Inscription gratuite sur pix.fr ; les structures créent un espace Pix Orga pour suivre leurs publics.",
        "cost": Cost.FREE,
        "publisher": "GIP Pix",
        "year": 2019,
        "link": "https://pix.fr/",
        "themes": ["numerique"],
        "audiences": ["tous-publics", "demandeurs-emploi"],
        "media": ["site-web"],
        "practitioners": ["mediateur-numerique", "formateur"],
    },
    {
        "title": "Les Bons Clics, premiers pas sur internet",
        "summary": "Des parcours gratuits pour accompagner les débutants vers l'autonomie numérique, avec des fiches pour les aidants.",
        "objectives": "Faire acquérir les gestes de base : souris, clavier, messagerie, démarches administratives en ligne.",
        "description": "Des modules courts, à faire seul ou en atelier, et des ressources pour l'accompagnateur (fiches pédagogiques, suivi des apprenants).",
        "observations": "Très utilisé en ateliers collectifs ; la progression est lente pour les personnes en difficulté de lecture, à combiner avec un travail sur l'écrit.",
        "how_to_get": "Gratuit sur lesbonsclics.fr, créé par l'association WeTechCare.",
        "cost": Cost.FREE,
        "publisher": "WeTechCare",
        "year": 2016,
        "link": "https://www.lesbonsclics.fr/",
        "themes": ["numerique"],
        "audiences": ["tous-publics", "seniors"],
        "media": ["site-web", "guide-methodologique"],
        "practitioners": ["mediateur-numerique", "benevole"],
    },
    {
        "title": "Les fiches métiers de l'Onisep",
        "summary": "Plus de 700 métiers décrits : activités, formations qui y mènent, salaires et débouchés.",
        "objectives": "Aider une personne à découvrir des métiers et à vérifier qu'un projet professionnel est réaliste.",
        "description": "Pour chaque métier : nature du travail, compétences, conditions de travail, accès par la formation, témoignages vidéo.",
        "observations": "Pensé d'abord pour les jeunes en orientation ; reste utile aux adultes en reconversion.",
        "how_to_get": "En accès libre sur onisep.fr.",
        "cost": Cost.FREE,
        "publisher": "Onisep",
        "link": "https://www.onisep.fr/metiers",
        "themes": ["choisir-un-metier"],
        "audiences": ["jeunes", "demandeurs-emploi"],
        "media": ["site-web", "video"],
        "practitioners": [
            "conseiller-en-insertion-professionnelle",
            "conseiller-mission-locale",
        ],
    },
    {
        "title": "Le répertoire des métiers ROME de France Travail",
        "summary": "Le répertoire national des métiers et des compétences, pour décrire un projet avec les mots des employeurs.",
        "objectives": "Traduire une expérience en compétences reconnues et repérer les métiers proches d'un métier connu.",
        "description": "Chaque fiche ROME décrit les activités, les compétences, les savoirs et les mobilités possibles vers d'autres métiers.",
        "observations": "Vocabulaire technique : à reformuler avec la personne accompagnée.",
        "how_to_get": "Consultable gratuitement sur le site de France Travail.",
        "cost": Cost.FREE,
        "publisher": "France Travail",
        "link": "https://www.francetravail.fr/",
        "themes": ["choisir-un-metier", "trouver-un-emploi"],
        "audiences": ["demandeurs-emploi"],
        "media": ["site-web"],
        "practitioners": [
            "conseiller-france-travail",
            "conseiller-en-insertion-professionnelle",
        ],
    },
    {
        "title": "Référentiel des compétences clés en situation professionnelle (ANLCI)",
        "summary": "Un référentiel pour repérer les difficultés avec l'écrit, le calcul et le raisonnement en situation de travail.",
        "objectives": "Repérer l'illettrisme sans stigmatiser et construire un parcours de formation adapté.",
        "description": "Quatre degrés de compétences, décrits à partir de situations de travail concrètes, avec des outils de positionnement.",
        "observations": "Demande une appropriation par l'équipe ; l'ANLCI propose des temps de présentation.",
        "how_to_get": "Téléchargeable gratuitement sur anlci.gouv.fr.",
        "cost": Cost.FREE,
        "publisher": "ANLCI",
        "year": 2009,
        "licence": "Libre de droits pour un usage non commercial",
        "link": "https://www.anlci.gouv.fr/",
        "themes": ["lecture-ecriture-calcul"],
        "audiences": ["actifs", "demandeurs-emploi"],
        "media": ["guide-methodologique", "questionnaire-ou-test"],
        "practitioners": ["formateur", "encadrant-technique-dinsertion"],
    },
    {
        "title": "Photolangage, parler de soi à partir de photographies",
        "summary": "Une méthode de travail en groupe où chacun choisit une photo pour exprimer son expérience.",
        "objectives": "Faciliter la parole en groupe sur un thème sensible : le travail, la santé, la confiance en soi.",
        "description": "Des dossiers de photographies en noir et blanc, choisies par thème, et une démarche d'animation en trois temps : choix, présentation, échange.",
        "observations": "L'animateur doit être formé à la méthode ; très bien reçu par les publics qui ont peu l'habitude de l'écrit.",
        "how_to_get": "Dossiers vendus par les éditions Chronique sociale.",
        "cost": Cost.PAID,
        "price": "Environ 40 € le dossier",
        "publisher": "Chronique sociale",
        "themes": ["remobilisation"],
        "audiences": ["tous-publics", "personnes-en-situation-durgence"],
        "media": ["mallette-pedagogique"],
        "practitioners": ["educateur-specialise", "accompagnateur-socioprofessionnel"],
    },
    {
        "title": "1jeune1solution",
        "summary": "La plateforme publique qui rassemble offres d'emploi, d'alternance, de stages et aides pour les moins de 30 ans.",
        "objectives": "Donner à un jeune, en une seule adresse, les offres et les aides auxquelles il a droit.",
        "description": "Moteur d'offres, simulateur d'aides, accès au contrat d'engagement jeune et aux missions de service civique.",
        "observations": "Pratique en entretien pour montrer l'étendue des possibilités ; les offres renvoient vers d'autres sites.",
        "how_to_get": "Accès libre sur 1jeune1solution.gouv.fr.",
        "cost": Cost.FREE,
        "publisher": "Ministère du Travail",
        "year": 2020,
        "link": "https://www.1jeune1solution.gouv.fr/",
        "themes": ["trouver-un-emploi", "se-former"],
        "audiences": ["jeunes"],
        "media": ["site-web"],
        "practitioners": ["conseiller-mission-locale"],
    },
    {
        "title": "Cartes « Mes compétences transversales »",
        "summary": "Un jeu de cartes pour nommer les savoir-être et compétences acquises hors de l'emploi.",
        "objectives": "Valoriser les expériences bénévoles, familiales ou associatives dans un CV ou un entretien.",
        "description": "Cinquante cartes illustrées, chacune décrivant une compétence (s'organiser, travailler en équipe…) avec des exemples de situations.",
        "observations": "Fabriqué par un réseau de structures d'insertion ; vendu à prix libre pour rester accessible aux petites associations.",
        "how_to_get": "Sur commande auprès du collectif qui l'a conçu (exemple de démonstration).",
        "cost": Cost.PAY_WHAT_YOU_WANT,
        "price": "Prix libre, à partir de 5 €",
        "publisher": "Collectif régional de structures d'insertion",
        "themes": ["preparer-sa-candidature"],
        "audiences": ["demandeurs-emploi", "femmes"],
        "media": ["jeu", "papier"],
        "practitioners": ["conseiller-en-insertion-professionnelle", "benevole"],
        "territories": ["auvergne-rhone-alpes"],
    },
]

FACETS = {
    "themes": Theme,
    "audiences": Audience,
    "media": Medium,
    "practitioners": Practitioner,
}


def load_demo_tools(*, index: ToolIndexPage, owner) -> None:
    for data in TOOLS:
        data = dict(data)
        if ToolPage.objects.filter(title=data["title"]).exists():
            continue
        facets = {name: data.pop(name, []) for name in FACETS}
        regions = data.pop("territories", [])
        page = ToolPage(
            owner=owner,
            **{
                k: (
                    f"<p>{v}</p>"
                    if k in ("objectives", "description", "observations", "how_to_get")
                    else v
                )
                for k, v in data.items()
            },
        )
        for name, model in FACETS.items():
            getattr(page, name).set(model.objects.filter(slug__in=facets[name]))
        page.territories.set(
            Territory.objects.filter(slug__in=[f"region-{r}" for r in regions])
        )
        index.add_child(instance=page)
        page.save_revision(user=owner).publish()
        index.refresh_from_db()
