from django.core.management.base import BaseCommand

from diese.newsletter.services import letters_send_due


class Command(BaseCommand):
    help = (
        "Queue the scheduled letters whose time has come and resume interrupted "
        "sendings. Run it every few minutes (cron or systemd timer) next to "
        "`manage.py db_worker`."
    )

    def handle(self, *args, **options):
        for letter in letters_send_due():
            self.stdout.write(f"{letter} : envoi lancé")
