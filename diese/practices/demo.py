"""Demo testimonials: typical actions of insertion structures, told by role.

The structures are described, not named, and nobody is quoted by name.
"""

from diese.taxonomy.models import Audience, Practitioner, Territory, Theme
from diese.tools.models import ToolPage

from .models import PracticeIndexPage, PracticePage

PRACTICES = [
    {
        "title": "Repérer les difficultés avec l'écrit sur un chantier d'insertion",
        "summary": "Un atelier chantier d'insertion a appris à repérer l'illettrisme pendant le travail, puis à proposer une formation sur le temps de travail.",
        "collected_from": "l'encadrante technique d'un atelier chantier d'insertion en Isère",
        "context": "<p>Un atelier chantier d'insertion en espaces verts, en Isère, accueille des salariés en parcours pour deux ans au plus. L'équipe constatait que plusieurs d'entre eux évitaient les consignes écrites et les fiches de sécurité, sans que le sujet soit jamais abordé.</p>",
        "public_description": "Douze salariés en parcours d'insertion, de 25 à 58 ans, dont un tiers n'avait pas été scolarisé en France au-delà du collège.",
        "actions": "<p>L'encadrante technique et la conseillère en insertion se sont formées au référentiel de l'ANLCI. Elles ont construit des mises en situation tirées du chantier (lire un bon de commande, calculer un dosage) pour situer chacun sans passer par un test écrit.</p><p>Les salariés qui le souhaitaient ont suivi deux demi-journées de formation par semaine, sur le temps de travail, avec un organisme de formation du territoire.</p>",
        "results": "<p>Sept salariés sur douze ont suivi la formation jusqu'au bout ; quatre ont obtenu le certificat CléA à la sortie du chantier. Les consignes de sécurité sont désormais lues à voix haute et affichées avec des pictogrammes.</p>",
        "lessons": "<p>Former toute l'équipe, et pas seulement la conseillère : c'est sur le chantier que les difficultés se voient. Les mises en situation ont été mieux acceptées que les tests. La formation sur le temps de travail a été décisive : en dehors, personne ne venait.</p>",
        "further": "<p>L'ANLCI propose des temps de présentation du référentiel aux équipes des structures d'insertion.</p>",
        "contact": "Par l'intermédiaire de l'équipe d'animation de Diese.",
        "tools": [
            "Référentiel des compétences clés en situation professionnelle (ANLCI)"
        ],
        "themes": ["lecture-ecriture-calcul"],
        "audiences": ["actifs", "beneficiaires-des-minimas-sociaux"],
        "practitioners": ["encadrant-technique-dinsertion", "formateur"],
        "territories": ["isere-38"],
    },
    {
        "title": "Des ateliers numériques pour les jeunes d'une mission locale rurale",
        "summary": "Une mission locale en milieu rural a ouvert des ateliers numériques courts pour que les jeunes fassent seuls leurs démarches et leurs candidatures.",
        "collected_from": "un conseiller d'une mission locale de la Creuse",
        "context": "<p>Dans une mission locale rurale de la Creuse, beaucoup de jeunes ont un téléphone mais pas d'ordinateur, et peu d'habitude des démarches en ligne. Les rendez-vous individuels étaient occupés par la création de comptes et les mots de passe oubliés.</p>",
        "public_description": "Une quarantaine de jeunes de 16 à 25 ans sur l'année, la plupart sans diplôme, souvent sans moyen de transport.",
        "actions": "<p>Un atelier collectif de deux heures chaque semaine, en petit groupe de six, animé par un conseiller et une médiatrice numérique de la communauté de communes. Chaque jeune commence par un parcours Pix pour situer son niveau, puis travaille sur ses propres démarches : espace France Travail, CV, recherche d'offres sur 1jeune1solution.</p>",
        "results": "<p>Sur l'année, trente-deux jeunes ont suivi au moins trois ateliers. Les conseillers disent gagner une demi-heure par rendez-vous individuel, consacrée au projet plutôt qu'aux mots de passe.</p>",
        "lessons": "<p>Le parcours Pix rassure quand il est présenté comme un point de départ, pas comme un examen. Le transport reste la principale difficulté : des ateliers ont été organisés dans deux mairies pour se rapprocher des jeunes.</p>",
        "tools": [
            "Pix, évaluer et certifier ses compétences numériques",
            "1jeune1solution",
        ],
        "themes": ["numerique", "trouver-un-emploi"],
        "audiences": ["jeunes"],
        "practitioners": ["conseiller-mission-locale", "mediateur-numerique"],
        "territories": ["creuse-23"],
    },
    {
        "title": "Valoriser les compétences acquises hors de l'emploi dans un groupe de femmes",
        "summary": "Une association a mené des ateliers collectifs pour que des femmes éloignées de l'emploi nomment les compétences acquises dans leur vie familiale et bénévole.",
        "collected_from": "une conseillère en insertion d'une association du Nord",
        "context": "<p>Une association d'accompagnement vers l'emploi, dans le Nord, reçoit des femmes qui reprennent une recherche d'emploi après plusieurs années consacrées à leur famille. Beaucoup disent « ne rien savoir faire » et présentent un CV presque vide.</p>",
        "public_description": "Trois groupes de huit femmes de 30 à 50 ans, demandeuses d'emploi, dont plusieurs élèvent seules leurs enfants.",
        "actions": "<p>Un cycle de cinq ateliers de trois heures. Le premier part de photographies pour parler de son parcours ; les suivants utilisent un jeu de cartes de compétences pour relier chaque expérience (trésorière d'une association de parents, aide à un proche malade) à des compétences recherchées par les employeurs. Le dernier atelier est consacré au CV et à une simulation d'entretien.</p>",
        "results": "<p>Chaque participante est repartie avec un CV qui présente au moins trois compétences tirées de ses expériences hors emploi. Six mois après, onze des vingt-quatre participantes étaient en formation ou en emploi.</p>",
        "lessons": "<p>Le groupe compte autant que les outils : entendre les autres nommer leurs compétences aide à reconnaître les siennes. Prévoir une solution de garde d'enfants pendant les ateliers, sans quoi les absences se multiplient.</p>",
        "further": "<p>Le même cycle a été adapté pour des hommes en reconversion après un accident du travail.</p>",
        "tools": [
            "Photolangage, parler de soi à partir de photographies",
            "Cartes « Mes compétences transversales »",
        ],
        "themes": ["preparer-sa-candidature", "remobilisation"],
        "audiences": ["femmes", "demandeurs-emploi"],
        "practitioners": ["conseiller-en-insertion-professionnelle"],
        "territories": ["nord-59"],
    },
]

FACETS = {
    "themes": Theme,
    "audiences": Audience,
    "practitioners": Practitioner,
    "territories": Territory,
}


def load_demo_practices(*, index: PracticeIndexPage, owner) -> None:
    """Link each testimonial to the demo fiches outils that exist, by title."""
    for data in PRACTICES:
        data = dict(data)
        if PracticePage.objects.filter(title=data["title"]).exists():
            continue
        facets = {name: data.pop(name, []) for name in FACETS}
        tools = ToolPage.objects.filter(title__in=data.pop("tools"))
        page = PracticePage(owner=owner, **data)
        for name, model in FACETS.items():
            getattr(page, name).set(model.objects.filter(slug__in=facets[name]))
        page.tools_used.set(tools)
        index.add_child(instance=page)
        page.save_revision(user=owner).publish()
        index.refresh_from_db()
