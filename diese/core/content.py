"""The French text of the pages every Diese site starts with."""

HOME_TITLE = "Diese, le site des professionnels de l'insertion"
HOME_INTRO = (
    "Diese rassemble les outils, ressources, actualités et retours d'expérience "
    "des professionnels qui accompagnent vers l'emploi et l'insertion, "
    "pour qu'ils se les échangent."
)


def _p(*paragraphs):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


def _h(text):
    return [{"type": "heading", "value": {"text": text, "level": "h2"}}]


FOOTER_PAGE_CONTENT = {
    "a-propos": {
        "intro": (
            "Diese est un site coopératif : les structures partenaires y publient, "
            "l'équipe d'animation valide, et chacun peut proposer une ressource."
        ),
        "body": _h("Pour qui ?")
        + _p(
            "Pour les conseillers en insertion, formateurs, éducateurs, "
            "accompagnateurs vers l'emploi et travailleurs sociaux, salariés ou "
            "bénévoles, qui aident des personnes à retrouver une place dans la "
            "société et dans l'emploi."
        )
        + _h("Ce que vous y trouvez")
        + _p(
            "Des fiches outils décrivant des outils pédagogiques utilisés par les "
            "partenaires, des ressources web choisies, l'actualité et l'agenda du "
            "secteur, une documentation à télécharger, des témoignages de terrain, "
            "des échanges par thème et des groupes de travail privés."
        )
        + _h("D'où vient le site ?")
        + _p(
            "Diese prend la suite du site diese.net, dont la refonte a été préparée "
            "en 2005 par une étude auprès de professionnels de l'insertion : ils "
            "demandaient des fiches pratiques, une veille, une lettre d'information "
            "et des espaces d'échange. Ce site répond à ces attentes."
        ),
    },
    "partenaires": {
        "intro": (
            "Les contenus de Diese sont écrits par des structures du secteur de "
            "l'insertion et relus par l'équipe d'animation."
        ),
        "body": _p(
            "Le site signale les ressources d'organismes publics et associatifs "
            "reconnus : France Travail, l'AFPA, l'Onisep, l'Agefiph, l'ANLCI, la "
            "Fédération des acteurs de la solidarité, les CIDFF, Légifrance pour "
            "les textes officiels."
        )
        + _p(
            "Votre structure souhaite publier ? Créez un compte puis écrivez à "
            "l'équipe d'animation depuis la page Contact : elle vous ouvrira un "
            "accès auteur."
        ),
    },
    "accessibilite": {
        "intro": (
            "Diese s'engage à rendre son site accessible conformément à l'article "
            "47 de la loi n° 2005-102 du 11 février 2005."
        ),
        "body": _h("État de conformité")
        + _p(
            "Le site n'a pas encore fait l'objet d'un audit de conformité au "
            "référentiel général d'amélioration de l'accessibilité (RGAA 4.1). Il "
            "est conçu pour être utilisable au clavier, avec un lecteur d'écran et "
            "avec un navigateur en mode texte, et chaque version est vérifiée "
            "automatiquement."
        )
        + _h("Signaler un problème")
        + _p(
            "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez "
            "à l'équipe d'animation depuis la page Contact : nous vous répondrons "
            "et vous proposerons une autre manière d'obtenir l'information."
        )
        + _h("Voies de recours")
        + _p(
            "Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le "
            "Défenseur des droits (defenseurdesdroits.fr) ou lui écrire "
            "gratuitement, sans timbre : Défenseur des droits, Libre réponse 71120, "
            "75342 Paris CEDEX 07."
        ),
    },
    "mentions-legales": {
        "intro": "Informations sur l'éditeur du site et sur vos données.",
        "body": _h("Éditeur")
        + _p(
            "Le site est édité par l'association qui anime Diese. Les contenus "
            "signés restent sous la responsabilité de leurs auteurs."
        )
        + _h("Fiches outils")
        + _p(
            "Les fiches décrivent des outils utilisés par des partenaires. Elles "
            "ne sont pas des publicités : Diese ne fabrique ni ne vend ces outils."
        )
        + _h("Données personnelles")
        + _p(
            "Le site ne conserve que les données nécessaires à votre compte "
            "(nom, adresse e-mail, fonction, structure). Il n'utilise ni traceur "
            "publicitaire ni service tiers. Vous pouvez supprimer votre compte à "
            "tout moment depuis la page Mon compte ; vos publications restent "
            "alors signées « ancien membre »."
        ),
    },
    "contact": {
        "intro": "Une question, une proposition, un problème sur le site ?",
        "body": _p(
            "Écrivez à l'équipe d'animation : contact@diese.local. Nous répondons "
            "en général sous une semaine."
        )
        + _p(
            'Pour proposer un outil ou une ressource, utilisez le <a href="/proposer/">'
            "formulaire de proposition</a> : pas besoin de compte."
        ),
    },
}
