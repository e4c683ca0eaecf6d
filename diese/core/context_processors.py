from django.conf import settings

from .navigation import FOOTER_MENU, MAIN_MENU, current_section


def site_shell(request):
    """Menus and site facts every page needs; no database query.

    Also the defaults of what the layout reads and views may set (views
    override them), so that templates never read an undefined variable.
    """
    return {
        "page": None,
        "title": "",
        "breadcrumbs": None,
        "search_query": "",
        "approval": None,
        "main_menu": MAIN_MENU,
        "footer_menu": FOOTER_MENU,
        "current_section": current_section(request.path),
        "site_brand": settings.WAGTAIL_SITE_NAME,
    }
