from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.documents.models import Document

from diese.accounts.enums import OrganisationKind, Role
from diese.accounts.models import Organisation, User
from diese.library.demo import demo_pdf
from diese.library.enums import DocumentKind
from diese.library.models import DocumentPage
from diese.news.models import EventPage, NewsPage
from diese.practices.models import PracticePage
from diese.resources.models import ResourcePage
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


def _set_terms_and_publish(page, terms):
    """terms={"audiences": ["jeunes"], "themes": [...]}, then publish as editors do."""
    for field_name, slugs in (terms or {}).items():
        model = type(page)._meta.get_field(field_name).related_model
        getattr(page, field_name).set(model.objects.filter(slug__in=slugs))
    page.save_revision().publish()


class EditorialPageFactory(wagtail_factories.PageFactory):
    """Pages built then published through a revision, as editors do."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        if create:
            _set_terms_and_publish(self, extracted)


class ToolPageFactory(EditorialPageFactory):
    title = factory.Sequence(lambda n: f"Outil numéro {n}")
    slug = factory.Sequence(lambda n: f"outil-{n}")
    summary = "Un outil utile pour l'accompagnement."
    objectives = "<p>Des objectifs clairs.</p>"
    description = "<p>Une description précise.</p>"
    cost = Cost.FREE

    class Meta:
        model = ToolPage

    class Params:
        paid = factory.Trait(cost=Cost.PAID, price="30 €")


class ResourcePageFactory(EditorialPageFactory):
    title = factory.Sequence(lambda n: f"Ressource numéro {n}")
    slug = factory.Sequence(lambda n: f"ressource-{n}")
    summary = "Un site utile aux professionnels."
    website = factory.Sequence(lambda n: f"https://ressource{n}.example.org/")
    category = "services"
    description = "<p>Ce qu'on y trouve.</p>"

    class Meta:
        model = ResourcePage


def _in_days(days):
    # Whole minutes, as editors type them and as iCalendar files keep them.
    moment = timezone.now() + timedelta(days=days)
    return moment.replace(second=0, microsecond=0)


class NewsPageFactory(EditorialPageFactory):
    title = factory.Sequence(lambda n: f"Brève numéro {n}")
    slug = factory.Sequence(lambda n: f"breve-{n}")
    summary = "Une nouvelle utile aux professionnels."
    body = "<p>Ce qui change, et pour qui.</p>"

    class Meta:
        model = NewsPage


class EventPageFactory(EditorialPageFactory):
    title = factory.Sequence(lambda n: f"Événement numéro {n}")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    summary = "Une rencontre entre professionnels."
    body = "<p>Le programme de la rencontre.</p>"
    start = factory.LazyFunction(lambda: _in_days(7))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    place = "Grenoble"
    organiser = "Réseau des structures d'insertion"

    class Meta:
        model = EventPage

    class Params:
        past = factory.Trait(start=factory.LazyFunction(lambda: _in_days(-7)))
        remote = factory.Trait(online=True, place="")


class PdfDocumentFactory(factory.django.DjangoModelFactory):
    """A real one-page PDF in Wagtail's documents, size and hash recorded."""

    title = factory.Sequence(lambda n: f"Document n° {n}")
    file = factory.django.FileField(
        filename="document.pdf", data=demo_pdf("Document de test", ["Une ligne."])
    )

    class Meta:
        model = Document

    class Params:
        fake = factory.Trait(
            file=factory.django.FileField(
                filename="faux.pdf", data=b"PK\x03\x04 un document Word renomme"
            )
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


class DocumentPageFactory(EditorialPageFactory):
    title = factory.Sequence(lambda n: f"Document numéro {n}")
    slug = factory.Sequence(lambda n: f"document-{n}")
    summary = "Un guide utile aux professionnels."
    document = factory.SubFactory(PdfDocumentFactory)
    kind = DocumentKind.GUIDE
    author_or_publisher = "Agence nationale de démonstration"
    publication_date = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=30)
    )

    class Meta:
        model = DocumentPage


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Témoignage numéro {n}")
    slug = factory.Sequence(lambda n: f"temoignage-{n}")
    summary = "Une action menée par une structure du réseau."
    context = "<p>Une structure d'insertion en milieu rural.</p>"
    public_description = "Dix personnes en recherche d'emploi."
    actions = "<p>Des ateliers collectifs chaque semaine.</p>"

    class Meta:
        model = PracticePage
        skip_postgeneration_save = True

    # Declared before `terms`, which publishes: the revision must include them.
    @factory.post_generation
    def tools(self, create, extracted, **kwargs):
        """tools=[tool_page, …]: the fiches outils the action used."""
        if create and extracted:
            self.tools_used.set(extracted)

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        if create:
            _set_terms_and_publish(self, extracted)
