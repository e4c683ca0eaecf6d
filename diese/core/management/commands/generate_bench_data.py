from django.core.management.base import BaseCommand, CommandError

from bench.data import generate
from diese.core.services import site_setup


class Command(BaseCommand):
    help = (
        "Génère des données de volume pour les mesures (bench/) : fiches outils, "
        "ressources web et brèves en français, classées, publiées et indexées. "
        "Déterministe pour une graine donnée ; ajoute aux pages existantes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--tools", type=int, default=10_000)
        parser.add_argument("--resources", type=int, default=100_000)
        parser.add_argument("--news", type=int, default=20_000)

    def handle(self, *args, seed, tools, resources, news, **options):
        site_setup()
        report = generate(
            seed=seed,
            tools=tools,
            resources=resources,
            news=news,
            log=self.stdout.write,
        )
        if report.problems:
            raise CommandError(
                "Arbre des pages incohérent : " + ", ".join(report.problems)
            )
        total = sum(report.counts.values())
        self.stdout.write(
            f"{total} pages créées en {report.generation_s:.1f} s, "
            f"indexées en {report.indexing_s:.1f} s (graine {seed})."
        )
