"""The field's acronyms and their expansions, as a starting set that
Animateurs complete in the admin (Synonymes et sigles)."""

from django.db import migrations

SYNONYMS = {
    "RSA": ["revenu de solidarité active"],
    "IAE": ["insertion par l'activité économique"],
    "SIAE": ["structure d'insertion par l'activité économique"],
    "ACI": ["atelier et chantier d'insertion", "atelier chantier d'insertion"],
    "EI": ["entreprise d'insertion"],
    "ETTI": ["entreprise de travail temporaire d'insertion"],
    "CDDI": ["contrat à durée déterminée d'insertion"],
    "FLE": ["français langue étrangère"],
    "QPV": ["quartier prioritaire de la politique de la ville"],
    "CHRS": ["centre d'hébergement et de réinsertion sociale"],
    "PLIE": ["plan local pour l'insertion et l'emploi"],
    "MDPH": ["maison départementale des personnes handicapées"],
    "RQTH": ["reconnaissance de la qualité de travailleur handicapé"],
    "CIP": [
        "conseiller en insertion professionnelle",
        "conseillère en insertion professionnelle",
    ],
    "VAE": ["validation des acquis de l'expérience"],
    "CEJ": ["contrat d'engagement jeune"],
    "ESAT": ["établissement et service d'aide par le travail"],
    "SIAO": ["service intégré d'accueil et d'orientation"],
    "CAF": ["caisse d'allocations familiales"],
    "CCAS": ["centre communal d'action sociale"],
    "AAH": ["allocation aux adultes handicapés"],
    "ASS": ["allocation de solidarité spécifique"],
    "EPIDE": ["établissement pour l'insertion dans l'emploi"],
    "E2C": ["école de la deuxième chance"],
    "PMSMP": ["période de mise en situation en milieu professionnel"],
    "DELD": ["demandeur d'emploi de longue durée"],
    "CPF": ["compte personnel de formation"],
    "ASE": ["aide sociale à l'enfance"],
    "PJJ": ["protection judiciaire de la jeunesse"],
    "France Travail": ["Pôle emploi"],
}


def load(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, equivalents in SYNONYMS.items():
        Synonym.objects.get_or_create(
            term=term, defaults={"equivalents": "\n".join(equivalents)}
        )


def unload(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(term__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_synonym_searchterm_searchquerylog")]

    operations = [migrations.RunPython(load, unload)]
