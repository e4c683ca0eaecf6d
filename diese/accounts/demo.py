"""Demo accounts: one per role, all with the DEMO_PASSWORD."""

from django.contrib.auth.models import Group

from .enums import OrganisationKind, Role
from .models import Organisation, User

DEMO_ORGANISATIONS = {
    "fas": (
        "Fédération des acteurs de la solidarité",
        OrganisationKind.NETWORK,
        "National",
    ),
    "cidff": (
        "CIDFF (centre d'information sur les droits des femmes et des familles)",
        OrganisationKind.ASSOCIATION,
        "Rhône (69)",
    ),
    "diese": ("Équipe d'animation Diese", OrganisationKind.ASSOCIATION, "National"),
}

DEMO_ACCOUNTS = [
    # email, first name, last name, job, organisation, role, superuser
    (
        "admin@exemple.fr",
        "Administrateur",
        "Démo",
        "Responsable technique",
        "diese",
        None,
        True,
    ),
    (
        "animatrice@exemple.fr",
        "Animatrice",
        "Démo",
        "Animatrice du site",
        "diese",
        Role.ANIMATOR,
        False,
    ),
    (
        "auteur@exemple.fr",
        "Auteur",
        "Démo",
        "Chargé de mission insertion",
        "fas",
        Role.AUTHOR,
        False,
    ),
    (
        "membre@exemple.fr",
        "Membre",
        "Démo",
        "Conseillère en insertion professionnelle",
        "cidff",
        Role.MEMBER,
        False,
    ),
]


def load_demo_accounts(*, password: str) -> list[User]:
    organisations = {}
    for key, (name, kind, territory) in DEMO_ORGANISATIONS.items():
        organisations[key], _ = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "territory": territory}
        )
    users = []
    for email, first, last, job, org, role, superuser in DEMO_ACCOUNTS:
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "job_title": job,
                "organisation": organisations[org],
                "is_active": True,
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        user.set_password(password)
        user.save()
        if role:
            user.groups.set(
                [Group.objects.get(name=role), Group.objects.get(name=Role.MEMBER)]
            )
        users.append(user)
    return users
