from django.db import models


class ResourceCategory(models.TextChoices):
    INITIATIVES = "initiatives", "Initiatives"
    SERVICES = "services", "Services"
    INFORMATION = "information", "Information"


class ProposalKind(models.TextChoices):
    RESOURCE = "ressource", "Une ressource web (un site utile)"
    TOOL = "outil", "Un outil (jeu, guide, logiciel, mallette…)"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "En attente"
    ACCEPTED = "accepted", "Acceptée"
    REFUSED = "refused", "Refusée"
