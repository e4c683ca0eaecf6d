import pytest
from django.core.management import call_command

from diese.resources.models import ResourceIndexPage, ResourcePage

from ..factories import ResourcePageFactory
from ..utils import text


@pytest.fixture
def resource_index(home):
    return ResourceIndexPage.objects.get()


def test_resource_page_shows_link_category_and_description(client, resource_index):
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Mes droits sociaux",
        website="https://www.mesdroitssociaux.gouv.fr/",
        category="services",
        description="<p>Un simulateur des aides sociales.</p>",
    )

    html = text(client.get(resource.url))

    assert 'href="https://www.mesdroitssociaux.gouv.fr/"' in html
    assert "Ressource web — Services" in html
    assert "Un simulateur des aides sociales." in html
    assert 'href="/ressources/?categorie=services"' in html


def test_resources_filter_by_category(client, resource_index):
    for category in ["initiatives", "services", "information", "services"]:
        ResourcePageFactory(parent=resource_index, category=category)

    response = client.get("/ressources/?categorie=services")

    assert response.context["items"].paginator.count == 2
    states = {s.facet.param: s for s in response.context["facet_states"]}
    counts = {o.value: o.count for o in states["categorie"].options}
    assert counts == {"initiatives": 1, "services": 2, "information": 1}


def test_demo_has_four_resources_per_category(db):
    call_command("load_demo", verbosity=0)

    for category in ["initiatives", "services", "information"]:
        assert ResourcePage.objects.live().filter(category=category).count() == 4
