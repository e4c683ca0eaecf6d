from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Structures"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "territory"]
    list_filter = ["kind"]
    search_fields = ["name", "territory"]


register_snippet(OrganisationViewSet)
