import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from diese.practices.demo import PRACTICES, load_demo_practices
from diese.practices.models import PracticePage
from diese.tools.demo import load_demo_tools

from ..utils import EVERY_FACET, query_counts, text

SECTIONS = [
    "Contexte",
    "Public",
    "Ce que nous avons fait",
    "Résultats",
    "Conditions de réussite et difficultés",
    "Pour aller plus loin",
    "Contact",
    "Outils utilisés",
]


def headings(html):
    return re.findall(r"<h2[^>]*>([^<]+)</h2>", html)


def test_practice_shows_its_sections_in_order(client, make_practice, make_tool):
    practice = make_practice(
        title="Des ateliers numériques",
        public_description="Quinze jeunes de 16 à 25 ans.\n\nSans diplôme.",
        results="<p>Douze ont fini le parcours.</p>",
        lessons="<p>Prévoir le transport.</p>",
        further="<p>Un guide existe.</p>",
        contact="atelier@exemple.fr",
        tools=[make_tool(title="Pix")],
        terms={"audiences": ["jeunes"], "themes": ["numerique"]},
    )

    html = text(client.get(practice.url))

    found = headings(html)
    assert [h for h in found if h in SECTIONS] == SECTIONS
    assert found.index("Outils utilisés") < found.index("Classement")
    assert "<p>Quinze jeunes de 16 à 25 ans.</p>" in html
    assert '<a href="mailto:atelier@exemple.fr">atelier@exemple.fr</a>' in html
    assert 'href="/publics/jeunes/"' in html
    assert "Publié le" in html


def test_optional_sections_are_left_out_when_empty(client, make_practice):
    practice = make_practice()

    found = headings(text(client.get(practice.url)))

    assert [h for h in found if h in SECTIONS] == [
        "Contexte",
        "Public",
        "Ce que nous avons fait",
    ]


def test_only_live_public_tools_are_linked(client, make_practice, make_tool):
    live = make_tool(title="Outil publié")
    draft = make_tool(title="Outil en brouillon")
    draft.unpublish()
    private = make_tool(title="Outil réservé")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    practice = make_practice(tools=[live, draft, private])

    html = text(client.get(practice.url))

    assert f'<a href="{live.url}">Outil publié</a>' in html
    assert "Outil en brouillon" not in html
    assert "Outil réservé" not in html
    assert list(live.practices.all()) == [practice]


def test_a_practice_whose_tools_are_all_drafts_has_no_tools_section(
    client, make_practice, make_tool
):
    draft = make_tool(title="Outil en brouillon")
    draft.unpublish()
    practice = make_practice(tools=[draft])

    assert "Outils utilisés" not in headings(text(client.get(practice.url)))


def test_index_filters_by_audience(client, make_practice):
    make_practice(title="Pour les jeunes", terms={"audiences": ["jeunes"]})
    make_practice(title="Pour les femmes", terms={"audiences": ["femmes"]})
    make_practice(
        title="Pour tous", terms={"audiences": ["jeunes", "femmes", "seniors"]}
    )
    draft = make_practice(title="Brouillon", terms={"audiences": ["jeunes"]})
    draft.unpublish()

    response = client.get("/temoignages/?public=jeunes")

    assert [item.title for item in response.context["items"]] == [
        "Pour tous",
        "Pour les jeunes",
    ]
    states = {s.facet.param: s for s in response.context["facet_states"]}
    counts = {o.value: o.count for o in states["public"].options}
    assert counts == {"jeunes": 2, "femmes": 2, "seniors": 1}
    assert "Public : Jeunes" in " ".join(text(response).split())


def test_index_query_count_does_not_grow_with_items(client, make_practice):
    def add_practices(n):
        for _ in range(n):
            make_practice(terms=EVERY_FACET)

    url = "/temoignages/?public=jeunes&theme=numerique"
    few, many = query_counts(client, url, add_practices)

    assert many == few <= 30


def test_practice_page_query_count_does_not_grow_with_tools(
    client, make_practice, make_tool
):
    few_tools = make_practice(tools=[make_tool() for _ in range(2)])
    many_tools = make_practice(tools=[make_tool() for _ in range(12)])
    client.get(few_tools.url)  # warm caches
    with CaptureQueriesContext(connection) as few:
        client.get(few_tools.url)
    with CaptureQueriesContext(connection) as many:
        client.get(many_tools.url)

    assert len(many) == len(few)


def test_demo_practices_link_the_demo_tools_and_load_once(
    client, tool_index, practice_index, author
):
    load_demo_tools(index=tool_index, owner=author)
    load_demo_practices(index=practice_index, owner=author)
    load_demo_practices(index=practice_index, owner=author)

    practices = PracticePage.objects.live()
    assert practices.count() == len(PRACTICES) == 3
    for practice in practices:
        expected = next(p["tools"] for p in PRACTICES if p["title"] == practice.title)
        assert sorted(t.title for t in practice.live_tools_used()) == sorted(expected)
        assert client.get(practice.url).status_code == 200
        assert practice.territories.exists() and practice.audiences.exists()


@pytest.mark.ignore_template_errors  # Wagtail's admin templates, not ours
def test_an_editor_publishes_a_practice_with_its_tools(
    client, practice_index, superuser, make_tool
):
    tool = make_tool(title="Pix")
    client.force_login(superuser)
    url = f"/admin/pages/add/practices/practicepage/{practice_index.pk}/"
    data = nested_form_data(
        {
            "title": "Des ateliers numériques",
            "slug": "des-ateliers-numeriques",
            "summary": "Des ateliers courts pour les démarches en ligne.",
            "context": rich_text("Une mission locale rurale."),
            "public_description": "Quarante jeunes de 16 à 25 ans.",
            "actions": rich_text("Un atelier par semaine."),
            "results": rich_text(""),
            "lessons": rich_text(""),
            "further": rich_text(""),
            "contact": "",
            "collected_from": "",
            "review_date": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    data["tools_used"] = [tool.pk]
    data["action-publish"] = "1"

    assert client.get(url).status_code == 200
    response = client.post(url, data)

    assert response.status_code == 302, text(response)[:2000]
    practice = PracticePage.objects.get()
    assert practice.live
    assert list(practice.live_tools_used()) == [tool]
