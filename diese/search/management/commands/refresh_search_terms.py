from django.core.management.base import BaseCommand

from diese.search.vocabulary import refresh_search_terms


class Command(BaseCommand):
    help = (
        "Reconstruit le vocabulaire des pages publiques (tolérance aux fautes "
        "de frappe et suggestions « Essayez : »). À lancer chaque nuit."
    )

    def handle(self, *args, **options):
        count = refresh_search_terms()
        self.stdout.write(f"{count} mots indexés.")
