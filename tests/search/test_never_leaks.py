"""Drafts, unpublished and restricted pages never show in results, counts
or snippets, whatever the filters."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from diese.search.vocabulary import refresh_search_terms

from ..factories import ToolPageFactory
from ..utils import text

SECRET = "Zanzibar"


@pytest.fixture
def hidden_pages(tool_index, make_tool):
    draft = ToolPageFactory.build(title=f"Brouillon {SECRET}", live=False)
    tool_index.add_child(instance=draft)
    draft.save_revision()

    unpublished = make_tool(title=f"Dépublié {SECRET}")
    unpublished.unpublish()

    for kind in (PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN):
        page = make_tool(title=f"Réservé {SECRET} {kind}")
        PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="secret"
        )

    section = make_tool(title="Section réservée")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    # A restriction covers the pages below it.
    ToolPageFactory(parent=section, summary=f"Sous-page {SECRET}")
    refresh_search_terms()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": "toolpage"},
        {"type": ["toolpage", "newspage"]},
        {"theme": "numerique"},
    ],
    ids=["all", "type", "types", "facet"],
)
@pytest.mark.parametrize("query", [SECRET, SECRET.lower(), "zanzibr", "Brouillon"])
def test_hidden_pages_never_show(client, hidden_pages, params, query):
    response = client.get(reverse("search:search"), {"q": query, **params})
    html = text(response)

    assert response.context["results"].paginator.count == 0
    assert "0 résultat" in html
    after_form = html.rsplit("</form>", 1)[1].replace(f"« {query} »", "")
    assert SECRET not in after_form
    assert "Essayez :" not in after_form


def test_anonymous_user_and_member_see_the_same(client, hidden_pages, member):
    client.force_login(member)

    response = client.get(reverse("search:search"), {"q": SECRET})

    assert response.context["results"].paginator.count == 0
