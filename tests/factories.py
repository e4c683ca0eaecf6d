import factory
import wagtail_factories
from django.contrib.auth.models import Group

from diese.accounts.enums import OrganisationKind, Role
from diese.accounts.models import Organisation, User
from diese.tools.enums import Cost
from diese.tools.models import ToolPage

PASSWORD = "un-mot-de-passe-solide"


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Association d'insertion n° {n}")
    kind = OrganisationKind.ASSOCIATION
    territory = "Isère (38)"

    class Meta:
        model = Organisation


def _with_roles(*default_roles):
    """Put the user in the given role groups (or those passed as `roles=`)."""

    def set_roles(user, create, extracted, **kwargs):
        names = extracted if extracted is not None else default_roles
        if create and names:
            user.groups.set(Group.objects.filter(name__in=names))

    return factory.PostGeneration(set_roles)


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = "Prénom"
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    job_title = "Conseillère en insertion"
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(PASSWORD)
    is_active = True

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        member = factory.Trait(roles=_with_roles(Role.MEMBER))
        author = factory.Trait(roles=_with_roles(Role.MEMBER, Role.AUTHOR))
        animator = factory.Trait(roles=_with_roles(Role.MEMBER, Role.ANIMATOR))
        admin = factory.Trait(is_superuser=True, is_staff=True)
        unconfirmed = factory.Trait(is_active=False)

    roles = _with_roles()


class ToolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Outil numéro {n}")
    slug = factory.Sequence(lambda n: f"outil-{n}")
    summary = "Un outil utile pour l'accompagnement."
    objectives = "<p>Des objectifs clairs.</p>"
    description = "<p>Une description précise.</p>"
    cost = Cost.FREE

    class Meta:
        model = ToolPage
        skip_postgeneration_save = True

    class Params:
        paid = factory.Trait(cost=Cost.PAID, price="30 €")

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        """terms={"audiences": ["jeunes"], "themes": [...], "media": [...]}.

        The page is then published through a revision, as editors do.
        """
        if not create:
            return
        for field_name, slugs in (extracted or {}).items():
            model = ToolPage._meta.get_field(field_name).related_model
            getattr(self, field_name).set(model.objects.filter(slug__in=slugs))
        self.save_revision().publish()
