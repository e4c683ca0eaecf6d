from django.core.management.base import BaseCommand

from diese.core.services import site_setup


class Command(BaseCommand):
    help = "Crée la page d'accueil et les pages du pied de page si elles manquent."

    def handle(self, *args, **options):
        home = site_setup()
        self.stdout.write(f"Site prêt : {home.title}")
