from wagtail.models import Page, Site

from . import content
from .editorial import section_index_models
from .models import HomePage, StandardPage
from .navigation import FOOTER_PAGES


def site_setup() -> HomePage:
    """Create the home page and the footer's standard pages if missing.

    Idempotent: existing pages are left as their editors made them.
    """
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's welcome page holds the "home" slug at depth 2.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(
                title=content.HOME_TITLE, slug="accueil", intro=content.HOME_INTRO
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Diese",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Diese"
        site.save()

    for model in section_index_models():
        if model.objects.child_of(home).exists():
            continue
        page = home.add_child(
            instance=model(
                title=model.section_title,
                slug=model.section_slug,
                intro=model.section_intro,
            )
        )
        page.save_revision().publish()
        home.refresh_from_db()

    for slug, title in FOOTER_PAGES:
        if StandardPage.objects.child_of(home).filter(slug=slug).exists():
            continue
        page_content = content.FOOTER_PAGE_CONTENT[slug]
        page = home.add_child(
            instance=StandardPage(
                title=title,
                slug=slug,
                intro=page_content["intro"],
                body=page_content["body"],
                show_in_menus=False,
            )
        )
        page.save_revision().publish()
        home.refresh_from_db()
    return home
