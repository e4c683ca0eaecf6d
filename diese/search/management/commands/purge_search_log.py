from django.core.management.base import BaseCommand

from diese.search.models import SearchQueryLog


class Command(BaseCommand):
    help = "Efface les recherches enregistrées il y a plus de N jours (365 par défaut)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365)

    def handle(self, *args, days, **options):
        count = SearchQueryLog.objects.purge(older_than_days=days)
        self.stdout.write(f"{count} recherches effacées.")
