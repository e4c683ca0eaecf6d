from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Keyword, Medium, Practitioner, Territory, Theme


def _viewset(term_model, icon="tag", columns=("name", "slug"), filters=()):
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "icon": icon,
            "list_display": list(columns),
            "list_filter": list(filters),
            "search_fields": ["name"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Vocabulaires"
    menu_icon = "tag"
    menu_order = 250
    items = (
        _viewset(Audience, icon="group"),
        _viewset(Theme, icon="folder-open-inverse"),
        _viewset(Practitioner, icon="user"),
        _viewset(Medium, icon="doc-full"),
        _viewset(
            Territory, icon="site", columns=("name", "code", "kind"), filters=("kind",)
        ),
        _viewset(Keyword),
    )


register_snippet(VocabularyGroup)
