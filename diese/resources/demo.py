"""Demo web resources: four per category, all real public or non-profit sites."""

from diese.taxonomy.models import Audience, Practitioner, Theme

from .enums import ResourceCategory
from .models import ResourceIndexPage, ResourcePage

INIT, SERV, INFO = (
    ResourceCategory.INITIATIVES,
    ResourceCategory.SERVICES,
    ResourceCategory.INFORMATION,
)

RESOURCES = [
    (
        "La communauté de l'inclusion",
        "https://communaute.inclusion.gouv.fr/",
        INIT,
        "Un espace d'entraide où les professionnels de l'insertion posent leurs questions et partagent leurs pratiques.",
        ["remobilisation", "trouver-un-emploi"],
        ["tous-publics"],
    ),
    (
        "Territoires zéro chômeur de longue durée",
        "https://www.tzcld.fr/",
        INIT,
        "L'expérimentation qui crée des emplois adaptés aux personnes privées durablement d'emploi, territoire par territoire.",
        ["trouver-un-emploi"],
        ["demandeurs-emploi"],
    ),
    (
        "Les Bases du numérique d'intérêt général",
        "https://lesbases.anct.gouv.fr/",
        INIT,
        "Des ressources pédagogiques libres partagées par les médiateurs et aidants numériques.",
        ["numerique"],
        ["tous-publics"],
    ),
    (
        "Emmaüs Connect",
        "https://emmaus-connect.org/",
        INIT,
        "Une association qui donne accès à du matériel, à des recharges et à des ateliers numériques aux personnes en précarité.",
        ["numerique", "equipement-et-alimentation"],
        ["beneficiaires-des-minimas-sociaux"],
    ),
    (
        "DORA, le répertoire des services d'insertion",
        "https://dora.inclusion.beta.gouv.fr/",
        SERV,
        "Un moteur de recherche des services d'insertion près de chez la personne accompagnée, pour orienter juste.",
        ["remobilisation", "logement-hebergement"],
        ["tous-publics"],
    ),
    (
        "Les emplois de l'inclusion",
        "https://emplois.inclusion.beta.gouv.fr/",
        SERV,
        "La plateforme pour orienter une personne vers une structure de l'insertion par l'activité économique et suivre sa candidature.",
        ["trouver-un-emploi"],
        ["demandeurs-emploi", "beneficiaires-des-minimas-sociaux"],
    ),
    (
        "Mon Compte Formation",
        "https://www.moncompteformation.gouv.fr/",
        SERV,
        "Le service public pour consulter ses droits à la formation et s'inscrire à une formation financée par le CPF.",
        ["se-former"],
        ["actifs", "demandeurs-emploi"],
    ),
    (
        "Mes droits sociaux",
        "https://www.mesdroitssociaux.gouv.fr/",
        SERV,
        "Un simulateur public pour estimer en quelques minutes les aides sociales auxquelles une personne peut prétendre.",
        ["difficultes-financieres", "difficultes-administratives-ou-juridiques"],
        ["tous-publics"],
    ),
    (
        "Légifrance",
        "https://www.legifrance.gouv.fr/",
        INFO,
        "Le service public de diffusion du droit : lois, décrets, codes, conventions collectives, à jour.",
        ["difficultes-administratives-ou-juridiques"],
        ["tous-publics"],
    ),
    (
        "Service-Public.fr",
        "https://www.service-public.fr/",
        INFO,
        "Le site officiel de l'administration française : droits, démarches et formulaires expliqués simplement.",
        ["difficultes-administratives-ou-juridiques"],
        ["tous-publics"],
    ),
    (
        "Centre Inffo",
        "https://www.centre-inffo.fr/",
        INFO,
        "L'actualité et le droit de la formation professionnelle, pour suivre les réformes et les dispositifs.",
        ["se-former"],
        ["actifs"],
    ),
    (
        "Onisep",
        "https://www.onisep.fr/",
        INFO,
        "L'information publique sur les métiers et les formations, de l'orientation scolaire à la reconversion.",
        ["choisir-un-metier", "se-former"],
        ["jeunes"],
    ),
]


def load_demo_resources(*, index: ResourceIndexPage, owner) -> None:
    counsellor = Practitioner.objects.filter(
        slug="conseiller-en-insertion-professionnelle"
    )
    for title, url, category, summary, themes, audiences in RESOURCES:
        if ResourcePage.objects.filter(website=url).exists():
            continue
        page = ResourcePage(
            title=title,
            website=url,
            category=category,
            summary=summary,
            description=f"<p>{summary}</p>",
            owner=owner,
        )
        page.themes.set(Theme.objects.filter(slug__in=themes))
        page.audiences.set(Audience.objects.filter(slug__in=audiences))
        page.practitioners.set(counsellor)
        index.add_child(instance=page)
        page.save_revision(user=owner).publish()
        index.refresh_from_db()
