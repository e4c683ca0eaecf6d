"""French analysis of the search: people find what they mean whatever the
plural, the accents, the case or the elision. Runs on SQLite and PostgreSQL,
whose analysis is done in different places (Python, a text search config)."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from ..factories import ToolPageFactory
from ..utils import text

# The site's own pages (home, about, legal notices) may match common words:
# tests look for their pages in the results rather than at the whole list.
UNRELATED = "Mallette de remobilisation"


def found(client, query) -> list[str]:
    """Titles the search page lists for `query`, checking they are shown."""
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    titles = [page.title for page in response.context["results"]]
    html = text(response)
    for title in titles:
        assert title in html
    return titles


@pytest.mark.parametrize(
    ("title", "query"),
    [
        pytest.param("Accompagner les femmes vers l'emploi", "femme", id="plural"),
        pytest.param("Une femme, un métier", "femmes", id="singular"),
        pytest.param(
            "Annuaire des professionnelles du secteur",
            "professionnel",
            id="feminine-plural",
        ),
        pytest.param(
            "Le guide du professionnel", "professionnelles", id="masculine-singular"
        ),
        pytest.param("Éducation populaire", "education", id="accent-and-case"),
        pytest.param("Accès aux soins et santé", "sante", id="final-accent"),
        pytest.param("Renouer avec l'éducation", "ÉDUCATION", id="capitals"),
        pytest.param("L'insertion par l'activité économique", "insertion", id="l'"),
        pytest.param("Insertion et logement", "l'insertion", id="query-l'"),
        pytest.param("Insertion et logement", "l’insertion", id="query-l’"),
        pytest.param("Les offres d'emploi locales", "emploi", id="d'"),
        pytest.param("Emploi des jeunes", "d'emploi", id="query-d'"),
    ],
)
def test_search_finds_other_forms_of_the_words(client, make_tool, title, query):
    make_tool(title=title)
    make_tool(title=UNRELATED)

    titles = found(client, query)
    assert title in titles
    assert UNRELATED not in titles


def test_search_looks_in_the_summary_and_body_too(client, make_news):
    make_news(
        title="Une nouvelle aide",
        summary="Pour les créatrices d'entreprises.",
        body="<p>Réservée aux femmes éloignées de l'emploi.</p>",
    )

    assert found(client, "creatrice entreprise") == ["Une nouvelle aide"]
    assert found(client, "femme eloignee") == ["Une nouvelle aide"]


def test_quoted_phrase_needs_its_words_together_and_in_order(client, make_tool):
    make_tool(title="Créer un chantier d'insertion")
    make_tool(title="Un chantier de rénovation, un parcours d'insertion")
    make_tool(title="L'insertion sur un chantier")

    assert sorted(found(client, "chantier insertion")) == [
        "Créer un chantier d'insertion",
        "L'insertion sur un chantier",
        "Un chantier de rénovation, un parcours d'insertion",
    ]
    assert found(client, '"chantier d\'insertion"') == ["Créer un chantier d'insertion"]
    assert found(client, "« chantiers d'insertion »") == [
        "Créer un chantier d'insertion"
    ]


def test_only_punctuation_finds_nothing(client, make_tool):
    make_tool(title="Accompagner les femmes")

    assert found(client, "l' !") == []
    assert found(client, '""') == []


def test_draft_never_appears_until_published(client, tool_index):
    draft = ToolPageFactory.build(title="Accompagner les femmes", live=False)
    tool_index.add_child(instance=draft)
    draft.save_revision()

    assert found(client, "femme") == []

    draft.get_latest_revision().publish()

    assert found(client, "femme") == ["Accompagner les femmes"]


def test_restricted_page_never_appears(client, make_tool):
    page = make_tool(title="Accompagner les femmes")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert found(client, "femme") == []
    assert not Page.objects.live().public().search("femmes")


def test_unpublished_page_disappears(client, make_tool):
    page = make_tool(title="Accompagner les femmes")
    assert found(client, "femme") == ["Accompagner les femmes"]

    page.unpublish()

    assert found(client, "femme") == []


def test_republished_page_is_found_by_its_new_words_only(client, make_tool):
    page = make_tool(title="Un ancien titre")
    page.title = "Accompagner les femmes"
    page.save_revision().publish()

    assert "Accompagner les femmes" in found(client, "femme")
    assert "Accompagner les femmes" not in found(client, "ancien")
