import os

from django.core.management.base import BaseCommand
from django.db import transaction

from diese.accounts.demo import DEMO_ACCOUNTS, load_demo_accounts
from diese.accounts.models import User
from diese.core.services import site_setup
from diese.library.demo import load_demo_documents
from diese.library.models import LibraryIndexPage
from diese.news.demo import load_demo_news
from diese.news.models import NewsIndexPage
from diese.newsletter.demo import load_demo_letter
from diese.practices.demo import load_demo_practices
from diese.practices.models import PracticeIndexPage
from diese.resources.demo import load_demo_resources
from diese.resources.models import ResourceIndexPage
from diese.tools.demo import load_demo_tools
from diese.tools.models import ToolIndexPage

DEFAULT_DEMO_PASSWORD = "demo-diese-2026"


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration (idempotent) : pages du site et "
        "comptes de démonstration, mot de passe DEMO_PASSWORD."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        site_setup()
        load_demo_accounts(password=password)
        author = User.objects.get(email="auteur@exemple.fr")
        load_demo_tools(index=ToolIndexPage.objects.get(), owner=author)
        load_demo_documents(index=LibraryIndexPage.objects.get(), owner=author)
        load_demo_practices(index=PracticeIndexPage.objects.get(), owner=author)
        load_demo_news(index=NewsIndexPage.objects.get(), owner=author)
        load_demo_resources(index=ResourceIndexPage.objects.get(), owner=author)
        load_demo_letter()
        self.stdout.write("Contenu de démonstration chargé.")
        self.stdout.write(f"Comptes de démonstration (mot de passe : {password}) :")
        for email, *_rest in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email}")
