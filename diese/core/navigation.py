"""The site's menus: fixed, always visible, the same on every page."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    label: str
    url: str


MAIN_MENU = [
    Link("Outils", "/outils/"),
    Link("Ressources", "/ressources/"),
    Link("Actualités", "/actualites/"),
    Link("Agenda", "/agenda/"),
    Link("Documentation", "/documentation/"),
    Link("Témoignages", "/temoignages/"),
    Link("Échanges", "/echanges/"),
    Link("Groupes", "/groupes/"),
]

# Slug and title of the standard pages the footer links to; init_site
# creates them.
FOOTER_PAGES = [
    ("a-propos", "À propos"),
    ("partenaires", "Partenaires"),
    ("accessibilite", "Accessibilité"),
    ("mentions-legales", "Mentions légales"),
    ("contact", "Contact"),
]
FOOTER_MENU = [Link(title, f"/{slug}/") for slug, title in FOOTER_PAGES]

# Sections of the main menu whose pages may not be built yet: they show a page
# saying so rather than a 404, until a section index page claims the slug.
PENDING_SECTIONS = {
    "outils": "Outils",
    "ressources": "Ressources",
    "actualites": "Actualités",
    "documentation": "Documentation",
    "temoignages": "Témoignages",
    "echanges": "Échanges",
    "groupes": "Groupes",
}


def current_section(path: str) -> Link | None:
    for link in MAIN_MENU:
        if path.startswith(link.url):
            return link
    return None


def pending_sections() -> dict[str, str]:
    """The main-menu sections no section index page provides yet."""
    from .editorial import section_index_models

    built = {model.section_slug for model in section_index_models()}
    return {slug: t for slug, t in PENDING_SECTIONS.items() if slug not in built}
