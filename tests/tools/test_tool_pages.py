from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from diese.taxonomy.models import Keyword
from diese.tools.enums import Cost
from diese.tools.models import ToolPage

from ..factories import UserFactory
from ..utils import text


def test_fiche_shows_its_sections_cost_and_not_an_advert_note(client, make_tool):
    tool = make_tool(
        title="Mallette de remobilisation",
        paid=True,
        observations="<p>Convient aux groupes.</p>",
        how_to_get="<p>Auprès de l'éditeur.</p>",
        more_info="<p>Une formation existe.</p>",
        publisher="Chronique sociale",
        terms={"audiences": ["jeunes"], "themes": ["remobilisation"]},
    )

    html = text(client.get(tool.url))

    for heading in [
        "Objectifs",
        "Description",
        "Observations",
        "Comment se procurer l'outil",
        "Informations complémentaires",
    ]:
        assert f"<h2>{heading}</h2>" in html
    assert "Payant — 30 €" in html
    assert "Chronique sociale" in html
    assert "Ce n'est pas une publicité" in html
    assert 'href="/publics/jeunes/"' in html
    assert 'href="/themes/remobilisation/"' in html
    assert "Publié le" in html


def test_fiche_names_its_author_or_who_collected_it(client, make_tool):
    animator = UserFactory(animator=True, first_name="Anima", last_name="Trice")
    tool = make_tool(
        collected_by=animator, collected_from="une conseillère du CIDFF du Rhône"
    )

    html = text(client.get(tool.url))

    assert (
        "Propos recueillis par Anima Trice auprès de une conseillère du CIDFF du Rhône"
        in " ".join(html.split())
    )


def test_fiche_past_its_review_date_says_information_to_check(client, make_tool):
    fresh = make_tool()
    stale = make_tool(review_date=date.today() - timedelta(days=1))

    assert "Information à vérifier" not in text(client.get(fresh.url))
    assert "Information à vérifier" in text(client.get(stale.url))
    fresh.refresh_from_db()
    assert fresh.review_due == (fresh.last_published_at + timedelta(days=365)).date()


def test_fiche_suggests_related_fiches_sharing_facets(client, make_tool):
    tool = make_tool(title="Principal", terms={"themes": ["numerique"]})
    make_tool(title="Voisin numérique", terms={"themes": ["numerique"]})
    make_tool(title="Sans rapport", terms={"themes": ["sante"]})

    html = text(client.get(tool.url))

    assert "Voisin numérique" in html
    assert "Sans rapport" not in html


def test_a_paid_tool_needs_its_price(db):
    tool = ToolPage(
        title="Payant",
        summary="x",
        objectives="x",
        description="x",
        cost=Cost.PAID,
        price="",
    )

    with pytest.raises(ValidationError) as error:
        tool.full_clean()

    assert "Indiquez le prix" in str(error.value)


def test_audience_theme_and_keyword_pages_gather_everything_tagged(client, make_tool):
    keyword = Keyword.objects.create(name="Illettrisme")
    tool = make_tool(
        title="Outil illettrisme",
        terms={
            "audiences": ["jeunes"],
            "themes": ["lecture-ecriture-calcul"],
            "keywords": ["illettrisme"],
        },
    )
    draft = make_tool(title="Brouillon caché", terms={"audiences": ["jeunes"]})
    draft.unpublish()

    for url in [
        "/publics/jeunes/",
        "/themes/lecture-ecriture-calcul/",
        f"/mots-cles/{keyword.slug}/",
    ]:
        html = text(client.get(url))
        assert "Tout sur" in html
        assert tool.title in html
        assert "Brouillon caché" not in html
    assert client.get("/publics/inconnu/").status_code == 404


def test_home_lists_the_latest_published_items_only(client, make_tool):
    make_tool(title="Fiche toute neuve")
    make_tool(title="Fiche en brouillon").unpublish()

    html = text(client.get("/"))

    assert "Fiche toute neuve" in html
    assert "Fiche en brouillon" not in html
    assert ">Outils</a> <span" not in html  # index pages are not "publications"
