import os

from django.core.management.base import BaseCommand
from django.db import transaction

from diese.accounts.demo import DEMO_ACCOUNTS, load_demo_accounts
from diese.accounts.models import User
from diese.core.services import site_setup
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
        self.stdout.write("Contenu de démonstration chargé.")
        self.stdout.write(f"Comptes de démonstration (mot de passe : {password}) :")
        for email, *_rest in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email}")
