"""What keeps searches fast on a large site: a search reads a window of the
most recently indexed matches (and of title matches), so counts stop at a
cap and a common word costs no more than a rare one. The cap is lowered
here so that a handful of pages exercises it, on either database."""

import sys

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.models import Page, PageViewRestriction

from diese.search import views
from diese.search.backends import common
from diese.search.query import plan

from ..utils import text
from .helpers import found


@pytest.fixture
def small_limits(monkeypatch):
    # Only the backend of the database in use can be imported.
    backend = get_search_backend()
    module = sys.modules[type(backend).__module__]
    for each in (views, common, module):
        monkeypatch.setattr(each, "COUNT_CAP", 3)


def test_count_stops_at_the_cap_and_says_so(client, make_tool, small_limits):
    for number in range(5):
        make_tool(title=f"Atelier mobilité {number}")

    html = text(client.get("/recherche/", {"q": "mobilité"}))

    assert "Plus de 3 résultats pour « mobilité »" in html
    assert "ajoutez un mot ou un filtre" in html
    assert html.count("Atelier mobilité") == 3


def test_a_small_count_is_exact(client, make_tool, small_limits):
    for number in range(2):
        make_tool(title=f"Atelier mobilité {number}")

    html = text(client.get("/recherche/", {"q": "mobilité"}))

    assert "2 résultats pour « mobilité »" in html
    assert "Plus de" not in html


def test_newest_matches_all_private_still_finds_the_public_page(
    client, make_tool, small_limits
):
    # The newest matches are private: the window must skip them, not fill
    # up with them.
    make_tool(title="Mobilité des jeunes, un guide pour les conseillers")
    for name in "ABCDE":
        private = make_tool(title=f"Mobilité et mobilité {name}")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )

    assert found(client, "mobilité") == [
        "Mobilité des jeunes, un guide pour les conseillers"
    ]


def test_title_matches_come_first_then_the_others_across_pages(
    client, make_tool, small_limits
):
    make_tool(title="Atelier mobilité", summary="Pour les jeunes.")
    make_tool(title="Atelier logement", summary="La mobilité des jeunes.")
    make_tool(title="Atelier santé", summary="Mobilité et santé.")

    titles = found(client, "mobilité")

    assert titles[0] == "Atelier mobilité"
    assert sorted(titles[1:]) == ["Atelier logement", "Atelier santé"]


def test_past_the_cap_the_newest_matches_are_ranked(client, make_tool, small_limits):
    for number in range(6):
        make_tool(title=f"Atelier {number}", summary="Pour la mobilité des jeunes.")

    assert found(client, "mobilité") == ["Atelier 5", "Atelier 4", "Atelier 3"]
    # Only the window was read: the cap, plus one to know there are more.
    assert views.public_results(plan("mobilité").query).count() == 4


def test_an_old_page_titled_with_the_query_is_not_lost(client, make_tool, small_limits):
    make_tool(title="Mobilité", summary="Le guide.")
    for number in range(6):
        make_tool(title=f"Atelier {number}", summary="Pour la mobilité des jeunes.")

    assert found(client, "mobilité")[0] == "Mobilité"


def test_count_stops_past_the_cap_and_pages_still_follow_the_tiers(
    make_tool, small_limits
):
    for n in range(3):
        make_tool(title=f"Autre {n}", summary="Le jardinage.")
    for n in range(3):
        make_tool(title=f"Jardinage {n}", summary="Un texte sans rapport.")

    results = views.public_results(plan("jardinage").query)

    # The title matches, and the newest of the others: more than the cap.
    assert results.count() == 4
    titles = [page.title for page in results[1:5]]
    assert titles == ["Jardinage 1", "Jardinage 0", "Autre 2"]


def test_the_admins_autocomplete_is_not_cut_to_the_window(make_tool, small_limits):
    for number in range(6):
        make_tool(title=f"Atelier {number}")

    found_pages = Page.objects.live().autocomplete("Atel")

    assert len(found_pages) == 6


@pytest.mark.ignore_template_errors  # Wagtail's admin templates, not ours
def test_the_admins_page_search_works(admin_client, make_tool):
    make_tool(title="Atelier mobilité")

    response = admin_client.get("/admin/pages/search/", {"q": "Atel"})

    assert response.status_code == 200
    assert "Atelier mobilité" in response.content.decode()


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only"
)


# Wider than the PostgreSQL backend's buckets (search migration 0008).
STEP = 1 << 16


def move_index_entry(page, steps):
    """Give `page`'s index entry an id `steps` STEPs above the newest entry's
    step, as if that many buckets of pages had been indexed since."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) / %s FROM wagtailsearch_indexentry", [STEP])
        newest = cursor.fetchone()[0]
        cursor.execute(
            "UPDATE wagtailsearch_indexentry SET id = %s"
            " WHERE object_id = %s AND content_type_id = %s",
            [(newest + steps) * STEP, str(page.pk), page.content_type_id],
        )


@postgresql_only
@pytest.mark.parametrize("where", ["title", "summary"])
def test_the_window_reads_the_buckets_newest_first(
    client, make_tool, monkeypatch, where
):
    # A window of two: the cap, plus one to know there are more.
    for module in (views, common, sys.modules[type(get_search_backend()).__module__]):
        monkeypatch.setattr(module, "COUNT_CAP", 1)

    def tool(number, text):
        # The words in the title are read by the title matches' walk too.
        fields = {"title": f"{text} {number}", "summary": "Un atelier."}
        if where == "summary":
            fields = {"title": f"Atelier {number}", "summary": text}
        return make_tool(**fields)

    tool(1, "La mobilité des jeunes.")
    middle = tool(2, "La mobilité des jeunes.")
    unrelated = tool(3, "Le jardinage.")
    newest = tool(4, "La mobilité des jeunes.")
    # Two buckets above the oldest match, then one without a match, then
    # the newest match; empty buckets between.
    move_index_entry(middle, 2)
    move_index_entry(unrelated, 2)
    move_index_entry(newest, 1)

    # The window is the two newest matches: not the first bucket's, not only
    # the last one's.
    results = views.public_results(plan("mobilité").query)
    assert results.count() == 2
    assert found(client, "mobilité") == [newest.title]
    assert [page.pk for page in results[:2]] == [newest.pk, middle.pk]


@postgresql_only
def test_an_old_title_match_is_found_in_its_bucket(client, make_tool, monkeypatch):
    for module in (views, common, sys.modules[type(get_search_backend()).__module__]):
        monkeypatch.setattr(module, "COUNT_CAP", 1)
    titled = make_tool(title="Mobilité des jeunes", summary="Un atelier.")
    move_index_entry(titled, 1)
    for number in range(3):
        newer = make_tool(title=f"Atelier {number}", summary="La mobilité.")
        move_index_entry(newer, 1)

    # Newer pages fill the window; the title walk still finds the old one.
    assert found(client, "mobilité") == ["Mobilité des jeunes"]


@postgresql_only
def test_a_phrase_is_tested_on_the_entries_holding_its_words(client, make_tool):
    make_tool(title="Atelier 1", summary="Un chantier, puis un atelier d'insertion.")
    phrase = make_tool(
        title="Atelier 2", summary="Le chantier d'insertion du quartier."
    )
    move_index_entry(phrase, 3)

    assert found(client, '"chantier d\'insertion"') == ["Atelier 2"]
    assert sorted(found(client, "chantier insertion")) == ["Atelier 1", "Atelier 2"]


@postgresql_only
def test_queries_the_buckets_cannot_key_read_the_text_indexes(
    client, make_tool, monkeypatch
):
    from diese.search.backends import postgres

    make_tool(title="Revenu de solidarité active", summary="Le guide.")
    make_tool(title="Atelier", summary="Pour les allocataires du RSA.")
    make_tool(title="Atelier mobilité", summary="Pour les jeunes.")
    keyed = found(client, "RSA"), found(client, "mobilité jeunes")
    monkeypatch.setattr(postgres, "MAX_ALTERNATIVES", 0)

    assert (found(client, "RSA"), found(client, "mobilité jeunes")) == keyed
    assert keyed[0][0] == "Revenu de solidarité active"
    assert keyed[1] == ["Atelier mobilité"]


@postgresql_only
def test_planner_settings_do_not_outlive_the_search(
    make_tool, small_limits, monkeypatch
):
    from diese.search.backends import postgres

    # Only reading the text indexes changes planner settings; the test runs
    # in a transaction.
    monkeypatch.setattr(postgres, "MAX_ALTERNATIVES", 0)
    for number in range(6):
        make_tool(title=f"Atelier {number}", summary="Pour la mobilité des jeunes.")

    assert len(list(views.public_results(plan("mobilité").query)[:20])) == 4

    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


@pytest.mark.parametrize(
    "tsquery, alternatives",
    [
        ("'simul'", [["simul"]]),
        ("'form' & 'professionnel'", [["form", "professionnel"]]),
        (
            "( 'aci' | 'atel' <-> 'chanti' <2> 'insert' ) & 'jeun'",
            [["aci", "jeun"], ["atel", "chanti", "insert", "jeun"]],
        ),
        ("'l''eau' & 'b'", [["b", "l'eau"]]),
        ("'a\\\\b' & 'c'", [["a\\b", "c"]]),
        ("!'a' & 'b'", None),
        ("'a':* & 'b'", None),
        ("'a':AB", None),
        ("( 'a' & 'b'", None),
        (" | ".join(f"'w{n}'" for n in range(33)), None),
    ],
)
def test_dnf(tsquery, alternatives):
    from diese.search.backends.postgres import dnf

    assert dnf(tsquery) == alternatives


@postgresql_only
def test_dnf_reads_postgresqls_own_text_of_a_query(db):
    from diese.search.backends.postgres import dnf

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (plainto_tsquery('french_unaccent', 'RSA')"
            " || phraseto_tsquery('french_unaccent', 'revenu de solidarité active'))"
            " && plainto_tsquery('french_unaccent', 'L''insertion des jeunes')"
        )
        query = cursor.fetchone()[0]

    assert dnf(query) == [
        ["insert", "jeun", "rsa"],
        ["activ", "insert", "jeun", "revenu", "solidarit"],
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_the_summary_tier_never_takes_the_unboosted_fields_weight(monkeypatch):
    from modelsearch.backends.database.postgres import weights

    from diese.search.backends.postgres import summary_weights

    assert summary_weights() == ["a", "b"]
    # Boosts {10, 5, 3, 2}: modelsearch gives boost 2 the weight of
    # unboosted fields (D). The summary tier must then stay empty.
    monkeypatch.setattr(
        weights, "BOOSTS_WEIGHTS", [(10, "A"), (5, "B"), (3, "C"), (2, "D")]
    )
    assert "d" not in summary_weights()
