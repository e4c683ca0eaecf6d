from django.db import models


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", "Association"
    PUBLIC_EMPLOYMENT = (
        "spe",
        "Service public de l'emploi (France Travail, Mission locale, Cap emploi)",
    )
    LOCAL_AUTHORITY = "collectivite", "Collectivité territoriale ou CCAS"
    STATE = "etat", "Service de l'État"
    SIAE = "siae", "Structure d'insertion par l'activité économique"
    TRAINING = "formation", "Organisme de formation"
    HOUSING = "hebergement", "Hébergement, logement accompagné (CHRS…)"
    SOCIAL_WORK = "social", "Établissement ou service social et médico-social"
    COMPANY = "entreprise", "Entreprise"
    NETWORK = "reseau", "Réseau, fédération"
    OTHER = "autre", "Autre"


class Role(models.TextChoices):
    """The site's roles, as Django groups created by a data migration."""

    MEMBER = "Membre"
    AUTHOR = "Auteur"
    ANIMATOR = "Animateur"
