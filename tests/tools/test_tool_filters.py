import pytest

from ..utils import EVERY_FACET, query_counts, text


@pytest.fixture
def catalogue(make_tool):
    return {
        "jeunes_gratuit": make_tool(
            title="Jeu pour les jeunes",
            terms={"audiences": ["jeunes"], "themes": ["numerique"], "media": ["jeu"]},
        ),
        "jeunes_payant": make_tool(
            title="Mallette payante",
            paid=True,
            terms={"audiences": ["jeunes"], "themes": ["se-former"]},
        ),
        "femmes": make_tool(
            title="Guide pour les femmes",
            terms={
                "audiences": ["femmes"],
                "themes": ["numerique"],
                "practitioners": ["formateur"],
                "territories": ["isere-38"],
            },
        ),
    }


def titles(response):
    return [item.title for item in response.context["items"]]


def test_index_lists_every_live_tool_newest_first(client, catalogue):
    response = client.get("/outils/")

    assert titles(response) == [
        "Guide pour les femmes",
        "Mallette payante",
        "Jeu pour les jeunes",
    ]


def test_a_to_z_order(client, catalogue):
    response = client.get("/outils/?tri=az")

    assert titles(response) == [
        "Guide pour les femmes",
        "Jeu pour les jeunes",
        "Mallette payante",
    ]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("public=jeunes", {"Jeu pour les jeunes", "Mallette payante"}),
        ("theme=numerique", {"Jeu pour les jeunes", "Guide pour les femmes"}),
        ("intervenant=formateur", {"Guide pour les femmes"}),
        ("territoire=isere-38", {"Guide pour les femmes"}),
        ("support=jeu", {"Jeu pour les jeunes"}),
        ("cout=gratuit", {"Jeu pour les jeunes", "Guide pour les femmes"}),
        ("cout=payant", {"Mallette payante"}),
        # Several values of one facet add up…
        (
            "public=jeunes&public=femmes",
            {"Jeu pour les jeunes", "Mallette payante", "Guide pour les femmes"},
        ),
        # …several facets narrow down.
        ("public=jeunes&theme=numerique", {"Jeu pour les jeunes"}),
        ("public=jeunes&cout=gratuit", {"Jeu pour les jeunes"}),
        ("public=femmes&cout=payant", set()),
        ("public=inconnu", set()),
    ],
)
def test_filters(client, catalogue, query, expected):
    response = client.get(f"/outils/?{query}")

    assert set(titles(response)) == expected


def test_free_only_is_one_click_and_counts_each_value(client, catalogue):
    response = client.get("/outils/?public=jeunes")
    html = text(response)

    states = {s.facet.param: s for s in response.context["facet_states"]}
    cost_counts = {o.value: o.count for o in states["cout"].options}
    assert cost_counts == {"gratuit": 1, "payant": 1}
    # A facet is counted without its own choice: one click adds, not narrows.
    audience_counts = {o.value: o.count for o in states["public"].options}
    assert audience_counts == {"jeunes": 2, "femmes": 1}
    assert 'name="cout" value="gratuit"' in html
    assert 'Gratuit <span class="count">(1)</span>' in html


def test_active_filters_are_shown_and_removable_one_by_one(client, catalogue):
    response = client.get("/outils/?public=jeunes&cout=gratuit&tri=az")

    active = response.context["active_filters"]
    assert [(f["facet"], f["label"]) for f in active] == [
        ("Public", "Jeunes"),
        ("Coût", "Gratuit"),
    ]
    remove_public = active[0]["remove_url"]
    assert "public=" not in remove_public and "cout=gratuit" in remove_public
    assert "tri=az" in remove_public
    assert set(titles(client.get(f"/outils/{remove_public}"))) == {
        "Jeu pour les jeunes",
        "Guide pour les femmes",
    }
    assert "Retirer tous les filtres" in text(response)


def test_drafts_and_private_tools_are_not_listed_nor_counted(
    client, catalogue, make_tool
):
    draft = make_tool(title="Brouillon", terms={"audiences": ["seniors"]})
    draft.unpublish()
    from wagtail.models import PageViewRestriction

    private = make_tool(title="Réservé", terms={"audiences": ["seniors"]})
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/outils/")

    assert "Brouillon" not in titles(response)
    assert "Réservé" not in titles(response)
    states = {s.facet.param: s for s in response.context["facet_states"]}
    assert "seniors" not in [o.value for o in states["public"].options]


def test_pagination_keeps_the_filters(client, make_tool):
    for n in range(23):
        make_tool(title=f"Outil {n:02d}", terms={"audiences": ["jeunes"]})

    first = client.get("/outils/?public=jeunes&tri=az")
    second = client.get("/outils/?public=jeunes&tri=az&page=2")

    assert len(titles(first)) == 20
    assert titles(second) == ["Outil 20", "Outil 21", "Outil 22"]
    assert "public=jeunes" in text(first) and "page=2" in text(first)


def test_index_query_count_does_not_grow_with_items(client, make_tool):
    terms = {**EVERY_FACET, "media": ["jeu"]}

    def add_tools(n):
        for _ in range(n):
            make_tool(terms=terms)

    few, many = query_counts(client, "/outils/?public=jeunes&cout=gratuit", add_tools)

    assert many == few <= 30
